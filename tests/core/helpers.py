from __future__ import annotations

from hypothesis import strategies as st

from diffviewer.core.model import CompareOptions, Document, DocumentFormat, Granularity, Paragraph

# Every combination of the options a user can set.
option_sets = st.builds(
    CompareOptions,
    ignore_case=st.booleans(),
    ignore_punctuation=st.booleans(),
    ignore_whitespace=st.booleans(),
    show_typography=st.booleans(),
    granularity=st.sampled_from(Granularity),
)


def doc(*texts: str, path: str = "mem.txt") -> Document:
    return Document(path, DocumentFormat.TEXT, tuple(Paragraph(i, t) for i, t in enumerate(texts)))


def code(*texts: str, language: str | None = "python", path: str | None = None) -> Document:
    """A code document of these blocks, in `language` (a Pygments alias)."""
    paragraphs = tuple(Paragraph(i, t) for i, t in enumerate(texts))
    return Document(path or f"mem.{language}", DocumentFormat.CODE, paragraphs, language=language)


# Words of prose and its typography, and documents of them, for property tests.
VOCAB = [
    "the",
    "memo",
    "Meta",
    "open",
    "source",
    "safety",
    "models",
    "Llama",
    "said",
    "wrote",
    "AI",
    "2024",
    "café",
    "naïve",
    "—",
    ",",
    ".",
    "“",
    "”",
    "don't",
    "open-source",
    "-",
    "'",
    "’",
    "超",
    "😀",
]
paragraph_text = st.lists(st.sampled_from(VOCAB), min_size=1, max_size=25).map(" ".join)
documents = st.lists(paragraph_text, min_size=0, max_size=12)
