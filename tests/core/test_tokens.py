"""Tokens (core/tokens.py): lossless, whatever the text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from diffviewer.core.tokens import tokenize


@given(st.text())
def test_tokens_join_back_to_the_text(text: str) -> None:
    tokens = tokenize(text)
    assert "".join(t.text for t in tokens) == text
    assert all(text[t.start : t.start + len(t.text)] == t.text for t in tokens)
