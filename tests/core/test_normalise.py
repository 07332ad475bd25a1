"""One normalisation for the whole engine: every part reads a curly apostrophe, a dash or a
decomposed accent alike."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from diffviewer.core import facts, quote_words
from diffviewer.core.model import CompareOptions
from diffviewer.core.moved import word_key
from diffviewer.core.normalise import TYPOGRAPHY, folded, typographic
from diffviewer.core.tokens import token_key


@given(st.text(max_size=40))
def test_normalising_twice_changes_nothing(text: str) -> None:
    assert typographic(typographic(text)) == typographic(text)
    assert folded(folded(text)) == folded(text)


def test_every_typographic_mark_has_a_plain_form() -> None:
    assert all(chr(code).isascii() is False for code in TYPOGRAPHY)
    assert typographic("“Don’t” — she said, «non»") == '"Don\'t" - she said, "non"'
    assert typographic(unicodedata.normalize("NFD", "Café")) == "Café"


def test_every_part_of_the_engine_reads_words_alike() -> None:
    curly, straight = unicodedata.normalize("NFD", "Don’t Café"), "don't café"
    assert word_key(curly) == word_key(straight)  # moved phrases
    assert facts._key(curly) == facts._key(straight)  # changed names
    assert quote_words.norms(curly) == quote_words.norms(straight)  # quotations
    ignoring_case = CompareOptions(ignore_case=True)
    assert token_key("Don’t", ignoring_case) == token_key("don't", ignoring_case)  # the word diff


@given(st.text(max_size=60) | st.text(alphabet="aZ9 -'’.\n", max_size=60))
def test_a_texts_word_keys_are_its_words_keyed_one_by_one(text: str) -> None:
    # Moved phrases key a change's words at once (ASCII: its lower-case words).
    from diffviewer.core.moved import _keys
    from diffviewer.core.tokens import words

    assert _keys(text) == [word_key(word) for word in words(text)]


@given(st.text(max_size=40))
def test_a_long_text_is_made_typographic_as_its_parts_are(text: str) -> None:
    # A text past the scan slice is searched for marks a slice at a time; a short one at once.
    from diffviewer.core.normalise import SCAN_SLICE

    filler = "x" * (SCAN_SLICE - 1) + " "  # (a space composes with no accent that follows it)
    assert typographic(filler + text) == filler + typographic(text)
