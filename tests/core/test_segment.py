"""Plain-text paragraphs (core/segment.py): blank lines split, one line a paragraph when there are
none, blank runs at the ends trimmed at once, and the roles a plain text's lines suggest."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from diffviewer.core.model import Role
from diffviewer.core.segment import guess_role, normalise_newlines, split_blocks, split_paragraphs


def test_blank_lines_split_paragraphs_and_lines_join() -> None:
    assert split_paragraphs("First line\nof one.\n\n\n  Second.  \n") == ["First line of one.", "Second."]


def test_a_text_without_blank_lines_has_a_paragraph_a_line() -> None:
    assert split_paragraphs("One.\nTwo.\r\nThree.") == ["One.", "Two.", "Three."]


def test_a_million_blank_lines_around_a_paragraph_split_at_once() -> None:
    assert split_paragraphs("\n" * 1_000_000 + "One.\n\nTwo." + "\n" * 1_000_000) == ["One.", "Two."]
    assert split_paragraphs("\n" * 1_000_000) == []


@given(st.text(alphabet=st.sampled_from(list("ab \n\r\t")), max_size=80))
def test_no_paragraph_is_blank_and_every_word_is_kept(text: str) -> None:
    paragraphs = split_paragraphs(text)
    assert all(p.strip() == p and p for p in paragraphs)
    assert " ".join(paragraphs).split() == normalise_newlines(text).split()


def test_blocks_are_the_runs_between_blank_lines() -> None:
    assert split_blocks("a\nb\n \nc\n\n\nd") == [["a", "b"], ["c"], ["d"]]


def test_roles_a_plain_text_suggests() -> None:
    assert guess_role("> A quoted line") is Role.QUOTE
    assert guess_role("- an item") is Role.LIST
    assert guess_role("2) another") is Role.LIST
    assert guess_role("A Short Title") is Role.HEADING
    assert guess_role("A sentence that ends.") is Role.BODY
