"""Diff units (core/units.py): words for prose, lexer tokens for code, letters for the character
granularity; always lossless."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from diffviewer.core.model import Granularity
from diffviewer.core.units import code_units, diff_units

_TEXT = st.text(alphabet=st.sampled_from(list("ab c_=+-()\"'#\n\t.1é")), max_size=80)


@given(_TEXT, st.sampled_from([None, "python", "json", "markdown"]), st.sampled_from(list(Granularity)))
def test_units_join_back_to_the_text(text: str, language: str | None, granularity: Granularity) -> None:
    assert "".join(diff_units(text, language, granularity)) == text


def test_an_identifier_is_one_unit_and_a_string_is_words() -> None:
    units = code_units('total_price = a-b  # "sum of" parts\n', "python")
    assert "total_price" in units and "-" in units
    assert "sum" in units and "parts" in units  # the comment's words, one by one


def test_letters_one_by_one_and_spaces_as_one_unit() -> None:
    assert diff_units("ab  c", None, Granularity.CHARACTER) == ["a", "b", "  ", "c"]
