from __future__ import annotations

import pytest

from diffviewer.scan.decide import OUTLIER_Z, decide, derivation
from diffviewer.scan.judge import Judged
from diffviewer.scan.model import Derivation


def _judged(name: str, share: float, **extra: object) -> Judged:
    values: dict[str, object] = {"share_of_original": share, "share_from_original": share}
    values.update(extra)
    return Judged(path=name, candidate_score=share, **values)  # type: ignore[arg-type]


def _chance(n: int = 30) -> list[Judged]:
    """Candidates on the same subject only: shares spread around 0.1."""
    return [_judged(f"related{i}", 0.05 + 0.1 * (i % 10) / 10) for i in range(n)]


def test_a_share_far_above_the_rest_derives_and_the_rest_do_not() -> None:
    findings = decide([*_chance(), _judged("copy", 0.9, original_verbatim=0.9)])
    assert [f.path for f in findings if f.derives] == ["copy"]
    assert findings[0].path == "copy" and findings[0].evidence > OUTLIER_Z
    assert all(f.evidence <= OUTLIER_Z for f in findings[1:])


def test_an_excerpt_derives_by_the_share_of_itself_from_the_original() -> None:
    excerpt = _judged("post", 0.0, share_of_original=0.12, share_from_original=0.6)
    findings = decide([*_chance(), excerpt])
    assert [f.path for f in findings if f.derives] == ["post"]


def test_nothing_derives_when_no_candidate_stands_out() -> None:
    assert not any(f.derives for f in decide(_chance()))


def test_without_enough_candidates_half_of_either_document_decides() -> None:
    findings = decide([_judged("half", 0.55), _judged("less", 0.3)])
    assert {f.path: f.derives for f in findings} == {"half": True, "less": False}


def test_when_most_candidates_share_nothing_the_mean_deviation_measures_chance() -> None:
    zeros = [_judged(f"z{i}", 0.0) for i in range(20)]
    findings = decide([*zeros, _judged("small", 0.02), _judged("real", 0.6)])
    assert [f.path for f in findings if f.derives] == ["real"]


def test_candidates_that_could_not_be_read_are_left_out() -> None:
    broken = Judged(path="broken", candidate_score=0.5, error="corrupt DOCX")
    assert "broken" not in {f.path for f in decide([*_chance(), broken])}


@pytest.mark.parametrize(
    ("verbatim", "reworded", "kind"),
    [(0.97, 0.03, Derivation.COPY), (0.6, 0.4, Derivation.LIGHT_EDIT), (0.2, 0.8, Derivation.REWRITE)],
)
def test_what_a_derivative_did_with_the_original(verbatim: float, reworded: float, kind: Derivation) -> None:
    whole = _judged(
        "d", 0.8, original_verbatim=verbatim, original_reworded=reworded, likeness=(0.9, 0.8), weight=(1.0, 1.0)
    )
    assert derivation(whole) is kind


def test_holding_less_than_half_of_the_original_is_an_excerpt() -> None:
    part = _judged("d", 0.3, original_verbatim=1.0, likeness=(0.9, 0.1, 0.05), weight=(1.0, 1.0, 1.0))
    assert derivation(part) is Derivation.EXCERPT
