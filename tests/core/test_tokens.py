"""Tokens (core/tokens.py): lossless, whatever the text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from diffviewer.core.model import CompareOptions
from diffviewer.core.tokens import identity_key, identity_keys, tokenize
from tests.core.helpers import option_sets


@given(st.text())
def test_tokens_join_back_to_the_text(text: str) -> None:
    tokens = tokenize(text)
    assert "".join(t.text for t in tokens) == text
    assert all(text[t.start : t.start + len(t.text)] == t.text for t in tokens)


@given(st.lists(st.text(alphabet="aAbB é’'-,.  \n\u0301"), max_size=8), option_sets)
def test_identity_keys_are_each_text_keyed_alone(texts: list[str], chosen: CompareOptions) -> None:
    assert identity_keys(texts, chosen) == [identity_key(text, chosen) for text in texts]
