"""Sentences (core/sentences.py): spans that tile the text, units of the aligner."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from diffviewer.core.sentences import sentence_spans, split_units

FAST = settings(max_examples=40, deadline=None)

# --------------------------------------------------------------------------------------------
# sentences
# --------------------------------------------------------------------------------------------

_sentence_text = st.lists(
    st.one_of(
        st.sampled_from(["Mr.", "e.g.", "Dr.", "3.5", "U.S.", "p.m.", "?", "!", ".", "...", "«", "»", "—", "\n"]),
        st.text(alphabet=st.characters(codec="utf-8"), max_size=12),
        st.sampled_from(["the", "Harbour", "ferry", "Ölmühle", "l'été", "市政府", "Кельмут"]),
    ),
    max_size=30,
).map(" ".join)


def _assert_tiles(text: str, spans: list[tuple[int, int]]) -> None:
    assert spans, "no span at all"
    assert spans[0][0] == 0
    assert spans[-1][1] == len(text)
    for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
        assert end == start, spans
    assert all(start <= end for start, end in spans)
    assert "".join(text[a:b] for a, b in spans) == text


@FAST
@given(st.one_of(st.text(max_size=200), _sentence_text))
def test_sentence_spans_tile_the_text(text: str) -> None:
    _assert_tiles(text, sentence_spans(text))


def _sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]


def test_abbreviations_do_not_split() -> None:
    assert _sentences("Mr. Smith arrived at noon. He sat down.") == ["Mr. Smith arrived at noon. ", "He sat down."]
    assert _sentences("Bring fruit, e.g. apples and pears, to the picnic. Then leave.") == [
        "Bring fruit, e.g. apples and pears, to the picnic. ",
        "Then leave.",
    ]


def test_question_and_exclamation_marks_split() -> None:
    assert _sentences("Is it late? Yes! We go home.") == ["Is it late? ", "Yes! ", "We go home."]


def test_a_lone_surrogate_is_cut_around_not_refused() -> None:
    # The segmenter reads UTF-8, which a lone surrogate (left by a lenient decoding) is not.
    text = "The café \udcff shut. It opened again in May."
    spans = sentence_spans(text)
    assert "".join(text[s:e] for s, e in spans) == text
    assert len(spans) == 2


def test_empty_text_is_one_empty_span() -> None:
    assert sentence_spans("") == [(0, 0)]


def test_split_units_without_sentences_gives_one_unit_per_paragraph() -> None:
    paragraphs = ["One. Two. Three.", "", "Four? Five!"]
    units = split_units(paragraphs, by_sentence=False)
    assert [(u.paragraph, u.start, u.end) for u in units] == [(0, 0, 16), (1, 0, 0), (2, 0, 11)]


def test_split_units_keeps_whole_paragraphs_whole() -> None:
    paragraphs = ["One. Two. Three.", "Four? Five!", "Six. Seven."]
    units = split_units(paragraphs, by_sentence=True, whole={1})
    by_paragraph = Counter(u.paragraph for u in units)
    assert by_paragraph == {0: 3, 1: 1, 2: 2}
    (kept,) = [u for u in units if u.paragraph == 1]
    assert (kept.start, kept.end) == (0, len(paragraphs[1]))
    for index, text in enumerate(paragraphs):
        _assert_tiles(text, [(u.start, u.end) for u in units if u.paragraph == index])
