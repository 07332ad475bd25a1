"""reStructuredText: prose with the markup removed (docutils, locked down), or source as code."""

from __future__ import annotations

import os
import socket
import time
from pathlib import Path

import pytest

from diffviewer.core.model import Document, DocumentFormat, Role
from diffviewer.formats import LoadError, MarkupView, detect_format, load
from diffviewer.formats import rst as rst_module
from diffviewer.formats.rst import rst_paragraphs
from tests.formats.fuzzing import load_within

SAMPLE = """\
:Author: Jane Doe
:Date: 2024

=================
Harbour lanterns
=================

What changed
------------

The council *doubled* the ``lantern`` budget, see :ref:`the plan <plan>` and
:func:`~harbour.lights.relight`, `the minutes <https://example.org/minutes>`_ and **more**.

.. note:: Lanterns are lit at dusk.

.. This comment is not part of the text.

.. toctree::
   :maxdepth: 2

   intro

* The first item.
* The second item.

    “We will keep the lights on,” the mayor said.

    -- The mayor

Example::

    print("kept as a paragraph")

.. _plan:

The end.
"""


def paragraphs(document: Document) -> list[tuple[str, Role]]:
    return [(p.text, p.role) for p in document.paragraphs]


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    path = tmp_path / "notes.rst"
    path.write_text(SAMPLE, encoding="utf-8")
    return path


def test_text_view_removes_the_markup(sample: Path) -> None:
    document = load(sample)
    assert document.format is DocumentFormat.TEXT and document.language is None
    assert document.title == "Harbour lanterns"
    assert paragraphs(document) == [
        ("Author: Jane Doe", Role.METADATA),
        ("Date: 2024", Role.METADATA),
        ("Harbour lanterns", Role.HEADING),
        ("What changed", Role.HEADING),
        (
            "The council doubled the lantern budget, see the plan and relight, the minutes and more.",
            Role.BODY,
        ),
        ("Lanterns are lit at dusk.", Role.BODY),  # an admonition's text is the document's text
        ("The first item.", Role.LIST),
        ("The second item.", Role.LIST),
        ("“We will keep the lights on,” the mayor said.", Role.QUOTE),
        ("The mayor", Role.QUOTE),
        ("Example:", Role.BODY),
        ('print("kept as a paragraph")', Role.BODY),
        ("The end.", Role.BODY),
    ]
    assert detect_format(sample.read_bytes(), str(sample)) is DocumentFormat.TEXT


def test_source_view_is_rst_code(sample: Path) -> None:
    document = load(sample, markup=MarkupView.SOURCE)
    assert document.format is DocumentFormat.CODE and document.language == "rst"
    assert document.paragraphs[0].text == ":Author: Jane Doe\n:Date: 2024"
    assert document.paragraphs[1].text == "=================\nHarbour lanterns\n================="
    assert any(".. toctree::" in p.text for p in document.paragraphs)


def test_rest_extension_too(tmp_path: Path) -> None:
    path = tmp_path / "notes.rest"
    path.write_text("Title\n=====\n\nSome *words*.\n", encoding="utf-8")
    assert paragraphs(load(path)) == [("Title", Role.HEADING), ("Some words.", Role.BODY)]
    assert load(path, markup=MarkupView.SOURCE).language == "rst"


def test_files_are_never_included_and_raw_is_dropped(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    path = tmp_path / "hostile.rst"
    path.write_text(
        f"Intro.\n\n.. include:: {secret}\n\n.. literalinclude:: {secret}\n\n"
        f".. csv-table:: Data\n   :file: {secret}\n\n"
        f".. raw:: html\n   :file: {secret}\n\n"
        ".. raw:: html\n\n   <script>alert(1)</script>\n\n"
        ":raw-html:`<b>x</b>`\n\nOutro.\n",
        encoding="utf-8",
    )
    document = load(path)
    text = "\n".join(p.text for p in document.paragraphs)
    assert "TOP-SECRET" not in text and "<script>" not in text
    assert document.paragraphs[0].text == "Intro." and document.paragraphs[-1].text == "Outro."


def test_a_docutils_conf_in_the_working_folder_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    (tmp_path / "docutils.conf").write_text(
        "[general]\nfile_insertion_enabled: yes\nraw_enabled: yes\nhalt_level: 1\n", encoding="utf-8"
    )
    path = tmp_path / "notes.rst"
    path.write_text(f"Intro.\n\n.. include:: {secret}\n\nAn :unknown:`role`.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DOCUTILSCONFIG", str(tmp_path / "docutils.conf"))
    assert [p.text for p in load(path).paragraphs] == ["Intro.", "An role."]


def test_nothing_is_fetched_or_printed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("the rST reader tried to open a connection")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    path = tmp_path / "net.rst"
    path.write_text(
        ".. csv-table:: Remote\n   :url: http://example.invalid/data.csv\n\n"
        ".. image:: http://example.invalid/x.png\n\n"
        ".. figure:: http://example.invalid/y.png\n   :figwidth: image\n\n   A caption.\n\n"
        "Broken *markup and `an unclosed reference and |undefined| and [#]_ and :nope:`x`.\n\n"
        ".. unknown-directive:: here\n\n   body\n",
        encoding="utf-8",
    )
    document = load(path)
    assert "A caption." in [p.text for p in document.paragraphs]
    out, err = capfd.readouterr()
    assert out == "" and err == ""


@pytest.mark.parametrize(
    "text",
    [
        "word " * 200_000,  # one 1 MB line: docutils' own line limit would drop everything
        "a_ " * 30_000,  # a paragraph of unresolved references: quadratic in docutils
        "*a " * 30_000,  # unclosed emphasis
        "\n".join("  " * i + "x" for i in range(1200)),  # nesting deeper than Python can recurse
        "\n\n".join(" " * i + "* item" for i in range(0, 2400, 2)),  # lists in lists in lists
        ":a:`" * 50_000,
        "`" * 200_000,
        "".join(f".. _t:\n\nx{i} t_\n\n" for i in range(16_000)),  # duplicate targets: quadratic too
    ],
    ids=["long-line", "references", "emphasis", "deep-indent", "deep-lists", "roles", "backquotes", "targets"],
)
def test_hostile_input_loads_quickly(text: str) -> None:
    started = time.monotonic()
    result = load_within("hostile.rst", text.encode("utf-8"))
    assert isinstance(result, Document), result
    assert time.monotonic() - started < 8
    assert sum(len(p.text) for p in result.paragraphs) > 0 or text.strip("`") == ""


def test_the_fallback_reader_agrees_with_docutils_on_plain_documents() -> None:
    text = (
        "Title\n=====\n\nA paragraph with *emphasis*, ``code`` and a `link <https://x.org>`_.\n\n"
        "- one item\n- another item\n\nSection\n-------\n\nThe last :ref:`words <w>`.\n"
    )
    assert rst_module._safe_for_docutils(text)
    assert rst_module._fallback_paragraphs(text) == rst_paragraphs(text)


def test_docutils_is_used_for_ordinary_documents(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(text: str) -> list[tuple[str, Role]]:
        raise AssertionError("fallback used")

    monkeypatch.setattr(rst_module, "_fallback_paragraphs", fail)
    assert rst_paragraphs("A *plain* paragraph.\n") == [("A plain paragraph.", Role.BODY)]


def test_a_library_exit_is_a_load_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def exits(text: str) -> list[tuple[str, Role]]:
        raise SystemExit(1)

    monkeypatch.setattr(rst_module, "rst_paragraphs", exits)
    path = tmp_path / "notes.rst"
    path.write_text("Text.\n", encoding="utf-8")
    with pytest.raises(LoadError) as error:
        load(path)
    assert str(error.value).startswith(str(path)) and "reStructuredText" in str(error.value)
    assert "\n" not in str(error.value)


def test_binary_rst_is_a_load_error(tmp_path: Path) -> None:
    path = tmp_path / "binary.rst"
    path.write_bytes(os.urandom(64) + b"\x00" * 64)
    with pytest.raises(LoadError):
        load(path)


def test_a_long_list_table_keeps_its_text_in_the_simple_reader() -> None:
    from diffviewer.formats.rst import rst_paragraphs

    rows = "\n".join(f"   * - {n}\n     - harbour lantern {n}" for n in range(5000))
    found = rst_paragraphs(f"Title\n=====\n\n.. list-table:: Tides\n   :widths: 10 90\n\n{rows}\n\nAfter the table.\n")
    texts = [text for text, _ in found]
    assert texts[:4] == ["Title", "Tides", "0", "harbour lantern 0"]
    assert texts[-2:] == ["harbour lantern 4999", "After the table."]


def test_a_malformed_table_keeps_its_words() -> None:
    from diffviewer.formats.rst import rst_paragraphs

    grid = "Intro.\n\n+-----+-----+\n| a   | b   |\n+-----+\n| c   | d   |\n+-----+-----+\n\nAfter.\n"
    assert [text for text, _ in rst_paragraphs(grid)] == ["Intro.", "a b", "c d", "After."]


def test_the_simple_reader_drops_directives_inside_a_note_and_keeps_its_text() -> None:
    from diffviewer.core.model import Role
    from diffviewer.formats.rst import _fallback_paragraphs

    text = (
        ".. note:: Mind the tide.\n\n   More text.\n\n   .. image:: pic.png\n      :alt: a picture\n\n"
        "   Last words.\n\nAfter.\n"
    )
    assert _fallback_paragraphs(text) == [
        ("Mind the tide.", Role.BODY),
        ("More text.", Role.BODY),
        ("Last words.", Role.BODY),
        ("After.", Role.BODY),
    ]
