"""Code documents: which files are code (by name, then by content), their blocks, Markdown as source."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diffviewer.core.model import DocumentFormat, Role
from diffviewer.formats import MarkupView, detect_format, load
from diffviewer.formats.code import MAX_BLOCK_LINES, code_paragraphs
from tests.conftest import SAMPLES


@pytest.mark.parametrize(
    ("name", "content", "language"),
    [
        ("tool.py", "import os\n\n\ndef main():\n    return os.sep\n", "python"),
        ("package.json", '{"name": "diffviewer", "version": "0.1.0"}\n', "json"),
        ("config.yaml", "name: diffviewer\nitems:\n  - one\n  - two\n", "yaml"),
        ("pyproject.toml", '[project]\nname = "diffviewer"\n', "toml"),
        ("Makefile", "all:\n\techo built\n", "make"),
        ("Dockerfile", "FROM python:3.11\nRUN pip install diffviewer\n", "docker"),
        ("main.c", "int main(void) { return 0; }\n", "c"),
    ],
)
def test_code_is_recognised_by_name(tmp_path: Path, name: str, content: str, language: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    document = load(path)
    assert document.format is DocumentFormat.CODE
    assert document.language == language
    assert detect_format(content.encode(), str(path)) is DocumentFormat.CODE


@pytest.mark.parametrize(
    ("content", "language"),
    [
        ("#!/usr/bin/env python3\nimport sys\n\nprint(sys.argv)\n", "python"),
        ("#!/bin/sh\nset -e\necho done\n", "bash"),
        ("x = 1\nprint(x)\n# vim: set ft=python:\n", "python"),  # a modeline names it
        ('<?xml version="1.0"?>\n<notes>hi</notes>\n', "xml"),
    ],
)
def test_a_script_without_extension_is_recognised_by_its_shebang(tmp_path: Path, content: str, language: str) -> None:
    path = tmp_path / "run-me"
    path.write_text(content, encoding="utf-8")
    document = load(path)
    assert (document.format, document.language) == (DocumentFormat.CODE, language)


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("notes.txt", "def is a word.\n\nimport this, said nobody: {x}.\n", DocumentFormat.TEXT),
        ("notes.txt", "#!/usr/bin/env python3\nprint('a .txt is prose even so')\n", DocumentFormat.TEXT),
        ("notes.md", "# Heading\n\nSome *prose* with `code`.\n", DocumentFormat.MARKDOWN),
        ("page.html", "<p>Hello <b>world</b></p>", DocumentFormat.HTML),
        ("notes", "Some prose without an extension.\n\nA second paragraph, with a comma.\n", DocumentFormat.TEXT),
        ("README", "Install it with pip.\n\nThen run it: diffviewer a b.\n", DocumentFormat.TEXT),
        # Prose Pygments' guessing scores as code (Objective-C brackets, Python's "import"):
        ("wiki_a", "Founded in 1820 [citation needed] by settlers.\n", DocumentFormat.TEXT),
        ("essay.log", "Founded in 1820 [citation needed] by settlers.\n", DocumentFormat.TEXT),
        ("report_a", "We will cut the import tariffs on Monday.\n\nFrom 4 to 5.\n", DocumentFormat.TEXT),
        # Files of prose formats Pygments has lexers for: mail, Org notes, LaTeX, man pages.
        ("letter.eml", "From: a@b.c\n\nDear Ada, the council met.\n", DocumentFormat.TEXT),
        ("notes.org", "* Harbour\n\nThe council met.\n", DocumentFormat.TEXT),
        ("paper.tex", "\\section{Harbours}\n\nThe council met.\n", DocumentFormat.TEXT),
    ],
)
def test_prose_is_not_taken_for_code(tmp_path: Path, name: str, content: str, expected: DocumentFormat) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    document = load(path)
    assert document.format is expected
    assert document.language is None


@pytest.mark.parametrize("sample", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.name)
def test_the_bundled_samples_are_prose(sample: Path) -> None:
    document = load(sample)
    assert document.format is not DocumentFormat.CODE and document.language is None
    assert load(sample, markup=MarkupView.SOURCE).format is not DocumentFormat.CODE


def test_code_blocks_are_blank_line_separated_and_keep_their_lines() -> None:
    text = "import os\r\nimport sys\n\n\ndef f():\n    if x:   \n        return 1\n\n    return 2\n\nx = 1\n"
    paragraphs = code_paragraphs(text)
    assert [p.text for p in paragraphs] == [
        "import os\nimport sys",
        # Indentation kept, trailing spaces dropped; the blank line inside the body stays in it.
        "def f():\n    if x:\n        return 1\n\n    return 2",
        "x = 1",
    ]
    assert [p.index for p in paragraphs] == [0, 1, 2]
    assert [p.line for p in paragraphs] == [1, 5, 11]  # where each block starts in the file
    assert all(p.role is Role.BODY for p in paragraphs)


def test_docstrings_and_closing_brackets_stay_with_their_block() -> None:
    python = 'def f():\n    """Sum.\n\n    More.\n    """\n    return 1\n\n\nclass A:\n    pass\n'
    assert [p.text for p in code_paragraphs(python)] == [
        'def f():\n    """Sum.\n\n    More.\n    """\n    return 1',
        "class A:\n    pass",
    ]
    c = "int main() {\n    return 0;\n\n}\n\nint x;\n"
    assert [p.text for p in code_paragraphs(c)] == ["int main() {\n    return 0;\n\n}", "int x;"]


def test_a_blank_line_inside_a_triple_quoted_string_keeps_the_block_whole() -> None:
    text = '"""Module summary.\n\nMore, with \'\'\'quotes\'\'\'.\n"""\n\nimport os\n\nX = """a\n\nb"""\n\ny = 1\n'
    assert [(p.line, p.text) for p in code_paragraphs(text)] == [
        (1, '"""Module summary.\n\nMore, with \'\'\'quotes\'\'\'.\n"""'),
        (6, "import os"),
        (8, 'X = """a\n\nb"""'),
        (12, "y = 1"),
    ]


def test_markup_source_keeps_plain_blank_line_blocks() -> None:
    text = "Intro line.\n\n    an indented code sample\n"
    assert [p.text for p in code_paragraphs(text, program=False)] == ["Intro line.", "    an indented code sample"]


def test_a_long_block_is_cut_at_its_outermost_entries() -> None:
    entries = {f"key{n}": {"value": n, "tags": ["a", "b"]} for n in range(30)}
    text = json.dumps(entries, indent=2)  # no blank line at all: one block of 241 lines
    paragraphs = code_paragraphs(text)
    assert all(p.text.count("\n") < MAX_BLOCK_LINES for p in paragraphs)
    entry_blocks = [p for p in paragraphs if p.text.lstrip().startswith('"key')]
    assert len(entry_blocks) == 30  # each top-level entry is a block of its own, whole
    # Seven lines an entry; the last one also ends with the mapping's closing brace.
    assert [p.text.count("\n") + 1 for p in entry_blocks] == [7] * 29 + [8]
    lines = text.split("\n")
    for p in paragraphs:  # each block starts on the file line it says
        assert lines[p.line - 1] == p.text.split("\n")[0]


@settings(max_examples=200)
@given(
    st.lists(st.sampled_from(["", "x = 1", "    y()", "        z", "}", "def f():", "  # note", "\t\tw"]), max_size=300)
)
def test_blocks_keep_every_line_in_order_at_its_line_number(lines: list[str]) -> None:
    text = "\n".join(lines)
    paragraphs = code_paragraphs(text)
    kept = [line for p in paragraphs for line in p.text.split("\n") if line.strip()]
    assert kept == [line for line in lines if line.strip()]
    for p in paragraphs:
        for offset, line in enumerate(p.text.split("\n")):
            assert lines[p.line - 1 + offset] == line  # blank lines inside a block are kept too
        assert p.text.split("\n")[0].strip() and p.text.split("\n")[-1].strip()


def test_markdown_source_and_text_views(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text("# Title\n\nSome *emphasis* here.\n- one\n- two\n", encoding="utf-8")
    text = load(path)
    assert text.format is DocumentFormat.MARKDOWN and text.language is None
    assert [p.text for p in text.paragraphs] == ["Title", "Some emphasis here.", "one", "two"]
    source = load(path, markup=MarkupView.SOURCE)
    assert source.format is DocumentFormat.CODE and source.language == "markdown"
    assert [p.text for p in source.paragraphs] == ["# Title", "Some *emphasis* here.\n- one\n- two"]


def test_markup_view_accepts_its_string_values(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text("# Title\n", encoding="utf-8")
    assert load(path, markup="source").format is DocumentFormat.CODE  # type: ignore[arg-type]
    assert load(path, markup="text").format is DocumentFormat.MARKDOWN  # type: ignore[arg-type]


def test_source_view_leaves_other_formats_alone(tmp_path: Path) -> None:
    code = tmp_path / "tool.py"
    code.write_text("x = 1\n", encoding="utf-8")
    prose = tmp_path / "notes.txt"
    prose.write_text("Some prose.\n", encoding="utf-8")
    assert load(code, markup=MarkupView.SOURCE) == load(code)
    assert load(prose, markup=MarkupView.SOURCE) == load(prose)


def test_long_markup_source_and_deep_nesting_load_in_bounded_blocks(tmp_path: Path) -> None:
    table = tmp_path / "table.md"
    table.write_text("\n".join(f"| {n} | cell {n} |" for n in range(5_000)) + "\n", encoding="utf-8")
    source = load(table, markup=MarkupView.SOURCE)
    assert source.format is DocumentFormat.CODE
    assert max(p.text.count("\n") + 1 for p in source.paragraphs) <= MAX_BLOCK_LINES
    depth = 1_500  # far deeper than Python's recursion limit
    nested = tmp_path / "deep.json"
    opening = "\n".join(" " * n + "[" for n in range(depth))
    closing = "\n".join(" " * n + "]" for n in reversed(range(depth)))
    nested.write_text(f"{opening}\n{' ' * depth}0\n{closing}\n", encoding="utf-8")
    document = load(nested)
    assert "".join(p.text for p in document.paragraphs).count("[") == depth
