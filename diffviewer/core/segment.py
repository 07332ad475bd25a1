"""Plain-text paragraph segmentation and light role guessing."""

from __future__ import annotations

import re

from diffviewer.core.model import Role

_LIST_RE = re.compile(r"^(?:[-*•]\s|\d+[.)]\s)")
_SENTENCE_END = ".!?:;,"


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_blocks(text: str) -> list[list[str]]:
    """Split text into blocks of raw lines separated by blank (whitespace-only) lines."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in normalise_newlines(text).split("\n"):
        if line.strip():
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def split_paragraphs(text: str) -> list[str]:
    lines = normalise_newlines(text).split("\n")
    # Blank lines at either end trimmed by index: popping them one by one from the front was
    # quadratic (a text of a million blank lines never finished).
    first = next((n for n, line in enumerate(lines) if line.strip()), len(lines))
    last = next((n for n in range(len(lines) - 1, first - 1, -1) if lines[n].strip()), first - 1)
    lines = lines[first : last + 1]
    if all(line.strip() for line in lines):
        return [line.strip() for line in lines]
    out: list[str] = []
    for block in split_blocks("\n".join(lines)):
        para = " ".join(line.strip() for line in block).strip()
        if para:
            out.append(para)
    return out


def guess_role(text: str) -> Role:
    stripped = text.strip()
    if not stripped:
        return Role.BODY
    if stripped.startswith(">"):
        return Role.QUOTE
    if _LIST_RE.match(stripped):
        return Role.LIST
    if "\n" not in stripped and len(stripped.split()) <= 12 and stripped[-1] not in _SENTENCE_END:
        return Role.HEADING
    return Role.BODY
