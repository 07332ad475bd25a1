"""Source code in the panes: fixed font, syntax colours under the change marks, markup as source."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QColor, QFontInfo, QImage, QPainter, QPalette, QTextCharFormat
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from diffviewer.core import syntax
from diffviewer.core.model import Comparison, DocumentFormat
from diffviewer.core.syntax import SyntaxTheme, highlight
from diffviewer.formats import MarkupView
from diffviewer.gui import syntax_colours
from diffviewer.gui.cell_layout import LaidOutCell
from diffviewer.gui.comparison_view import ComparisonView
from diffviewer.gui.fonts import has_equal_advances
from diffviewer.gui.main_window import MainWindow
from diffviewer.gui.rows import Side
from diffviewer.gui.settings import Settings
from diffviewer.gui.view_mode import ViewMode
from tests.gui.conftest import compared, write

ORIGINAL_PY = '''"""Tiny inventory helpers."""

import json


def load_items(path):
\t"""Read the items from a JSON file."""
\twith open(path) as handle:
\t\treturn json.load(handle)


def total_price(items):
    total = 0
    for item in items:
        total += item["price"] * item["count"]  # 🚀 launch price
    return total


def describe(item):
    return f"{item['name']}: {item['count']} left"
'''

# `load_items` renamed, the string in `describe` edited, and `describe` moved to the top.
DERIVATIVE_PY = '''"""Tiny inventory helpers."""

import json


def describe(item):
    return f"{item['name']} ({item['count']} in stock)"


def read_items(path):
\t"""Read the items from a JSON file."""
\twith open(path) as handle:
\t\treturn json.load(handle)


def total_price(items):
    total = 0
    for item in items:
        total += item["price"] * item["count"]  # 🚀 launch price
    return total
'''


@pytest.fixture
def python_pair(tmp_path: Path) -> tuple[Path, Path]:
    original, derivative = tmp_path / "inventory.py", tmp_path / "inventory_new.py"
    original.write_text(ORIGINAL_PY, encoding="utf-8")
    derivative.write_text(DERIVATIVE_PY, encoding="utf-8")
    return original, derivative


@pytest.fixture
def markdown_pair(tmp_path: Path) -> tuple[Path, Path]:
    original = write(tmp_path / "notes.md", "# Harbour notes", "The *council* kept a **steady** course.")
    derivative = write(tmp_path / "notes-new.md", "# Harbour notes", "The *council* kept a **bold** course.")
    return original, derivative


def _row_of(view: ComparisonView, needle: str, side: Side | None) -> int:
    """The first row whose cell on `side` (None: inline) contains `needle`."""
    for number, row in enumerate(view.rows):
        cell = row.inline if side is None else row.left if side is Side.ORIGINAL else row.right
        if cell is not None and needle in cell.text:
            return number
    raise AssertionError(f"no row shows {needle!r}")


def _cell(view: ComparisonView, needle: str, side: Side | None) -> LaidOutCell:
    laid = view.laid_out_cell(_row_of(view, needle, side), side)
    assert laid is not None
    return laid


def _foregrounds_at(laid: LaidOutCell, position: int) -> list[QColor]:
    """The foreground colours the formats covering a UTF-16 position set, in the order Qt merges them."""
    colours = []
    for item in laid.layout.formats():
        if item.start <= position < item.start + item.length and item.format.hasProperty(
            item.format.Property.ForegroundBrush
        ):
            colours.append(item.format.foreground().color())
    return colours


def _keyword_colour(theme: SyntaxTheme) -> QColor:
    """The colour Pygments gives Python's `def` in a theme."""
    first = highlight("def f():\n    pass", "python", theme)[0]
    assert first.start == 0 and first.style.color is not None
    return QColor(first.style.color)


def _x(laid: LaidOutCell, position: int) -> float:
    line = laid.layout.lineForTextPosition(position)
    result: tuple[float, int] = line.cursorToX(position)  # type: ignore[assignment]
    return float(result[0])


def _render(laid: LaidOutCell, text_colour: QColor) -> QImage:
    image = QImage(int(laid.natural_width) + 40, int(laid.height) + 4, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setPen(text_colour)
    laid.layout.draw(painter, QPointF(0, 0))
    painter.end()
    return image


def _bluish_pixels(image: QImage, left: float, right: float, top: float, bottom: float) -> int:
    count = 0
    for x in range(int(left), int(right)):
        for y in range(int(top), int(bottom)):
            colour = image.pixelColor(x, y)
            if colour.blue() > colour.red() + 60 and colour.blue() > colour.green() + 60:
                count += 1
    return count


def _dark_pixels(image: QImage, left: float, right: float, top: float, bottom: float) -> int:
    return sum(
        1
        for x in range(int(left), int(right))
        for y in range(int(top), int(bottom))
        if image.pixelColor(x, y).lightness() < 90
    )


def test_a_python_pair_opens_as_code_in_the_fixed_font(
    qtbot: QtBot, window: MainWindow, python_pair: tuple[Path, Path]
) -> None:
    comparison = compared(qtbot, window, lambda: window.open_paths(*python_pair))
    assert isinstance(comparison, Comparison)
    assert comparison.original.format is DocumentFormat.CODE and comparison.original.language == "python"
    view = window.view
    laid = _cell(view, "def total_price", Side.ORIGINAL)
    font = laid.layout.font()
    assert has_equal_advances(font)  # what a reader sees, whatever the font's metadata says
    assert font.pointSize() == view.font_point_size()
    # Indentation is kept: the tab-indented body of `read_items` starts one tab stop in, the
    # space-indented body of `total_price` four spaces in, and both land at the same place.
    tabbed = _cell(view, "def read_items", Side.DERIVATIVE)
    spaced = _cell(view, "def total_price", Side.DERIVATIVE)
    with_tab = tabbed.cell.text.index("\twith") + 1
    with_spaces = spaced.cell.text.index("total = 0")
    assert _x(tabbed, with_tab) == pytest.approx(_x(spaced, with_spaces), abs=0.5)
    assert _x(spaced, with_spaces) > 3 * QFontInfo(font).pointSizeF() / 2  # truly indented
    # Each line of a block is a line on screen (wrapping aside): "\n" breaks lines.
    assert laid.layout.lineCount() >= laid.cell.text.count("\n") + 1
    # Zooming zooms code too.
    window.zoom_in_action.trigger()
    assert _cell(view, "def total_price", Side.ORIGINAL).layout.font().pointSize() == view.font_point_size()


def test_the_gutter_numbers_code_by_the_files_lines(
    qtbot: QtBot, window: MainWindow, python_pair: tuple[Path, Path]
) -> None:
    compared(qtbot, window, lambda: window.open_paths(*python_pair))
    view = window.view
    # `total_price` spans lines 12-16 of the original file and 16-20 of the revised one.
    for side, first in ((Side.ORIGINAL, 12), (Side.DERIVATIVE, 16)):
        laid = _cell(view, "def total_price", side)
        labels = view.gutter_labels(laid)
        assert [label for _, label in labels] == [str(n) for n in range(first, first + 5)]
        tops = [top for top, _ in labels]
        assert tops == sorted(set(tops))  # one number per source line, each on its own line
    # Inline, where both files' lines mix, the gutter numbers paragraphs as for prose.
    window.inline_action.trigger()
    laid = _cell(view, "def total_price", None)
    assert [label for _, label in view.gutter_labels(laid)] == [str(p + 1) for p in laid.cell.paragraphs]


def test_prose_keeps_the_view_font(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    original = write(tmp_path / "a.txt", "The memo was rigorous about safety.")
    derivative = write(tmp_path / "b.txt", "The memo was tough about safety.")
    compared(qtbot, window, lambda: window.open_paths(original, derivative))
    laid = _cell(window.view, "memo", Side.ORIGINAL)
    assert not has_equal_advances(laid.layout.font())
    assert all(not _foregrounds_at(laid, n) for n in range(len(laid.cell.text)))  # no syntax colours
    added = _cell(window.view, "tough", Side.DERIVATIVE)
    start = added.cell.text.index("tough")
    (style,) = [f.format.underlineStyle() for f in added.layout.formats() if f.start == start]
    assert style is QTextCharFormat.UnderlineStyle.SingleUnderline


def test_syntax_colours_lie_under_the_changes_which_win(
    qtbot: QtBot, window: MainWindow, python_pair: tuple[Path, Path]
) -> None:
    compared(qtbot, window, lambda: window.open_paths(*python_pair))
    view = window.view
    # An unchanged block: every coloured token has the colour Pygments gives it.
    unchanged = _cell(view, "def total_price", Side.DERIVATIVE)
    spans = highlight(unchanged.cell.text, "python", SyntaxTheme.LIGHT)
    assert spans
    for span in spans:
        if span.style.color is not None:
            position = unchanged.to_qt(span.start)
            assert _foregrounds_at(unchanged, position)[-1] == QColor(span.style.color)
    # The renamed function: Pygments colours function names blue, but inside the change the
    # name is drawn in the text colour on the change's tint, and the tint is there.
    renamed = _cell(view, "def read_items", Side.DERIVATIVE)
    start = renamed.cell.text.index("read_items")
    name_span = next(s for s in highlight(renamed.cell.text, "python", SyntaxTheme.LIGHT) if s.start == start)
    assert name_span.style.color is not None and QColor(name_span.style.color).blue() > 200
    text_colour = view.palette().color(QPalette.ColorRole.Text)
    assert _foregrounds_at(renamed, start)[-1] == text_colour
    assert _foregrounds_at(renamed, start)[0] == QColor(name_span.style.color)  # the syntax colour, beneath
    # Added code is underlined with dots: a solid line would hide the name's underscore.
    styles = [f.format.underlineStyle() for f in renamed.layout.formats() if f.start == start]
    assert styles[-1] is QTextCharFormat.UnderlineStyle.DotLine
    # And so it is painted: no blue in the changed name, blue in an unchanged function name.
    line = renamed.layout.lineForTextPosition(start)
    image = _render(renamed, text_colour)
    box = (_x(renamed, start), _x(renamed, start + len("read_items")), line.y(), line.y() + line.height())
    assert _bluish_pixels(image, *box) == 0
    assert _dark_pixels(image, *box) > 20
    plain = _render(unchanged, text_colour)
    start = unchanged.cell.text.index("total_price")
    line = unchanged.layout.lineForTextPosition(start)
    box = (_x(unchanged, start), _x(unchanged, start + len("total_price")), line.y(), line.y() + line.height())
    assert _bluish_pixels(plain, *box) > 20


def test_inline_view_colours_each_side_as_its_own_code(
    qtbot: QtBot, window: MainWindow, python_pair: tuple[Path, Path]
) -> None:
    compared(qtbot, window, lambda: window.open_paths(*python_pair))
    window.inline_action.trigger()
    view = window.view
    assert view.mode is ViewMode.INLINE
    laid = _cell(view, "load_items", None)
    text = laid.cell.text
    assert "load_items" in text and "read_items" in text
    assert has_equal_advances(laid.layout.font())
    assert _foregrounds_at(laid, text.index("def"))[-1] == _keyword_colour(SyntaxTheme.LIGHT)
    # Both the removed and the added name are changes: drawn in the text colour.
    text_colour = view.palette().color(QPalette.ColorRole.Text)
    for name in ("load_items", "read_items"):
        colours = _foregrounds_at(laid, text.index(name))
        assert colours[-1] == text_colour and len(colours) >= 2  # a syntax colour lies beneath
    # The docstring, unchanged, keeps the string colour Pygments gives it.
    spans = highlight(DERIVATIVE_PY, "python", SyntaxTheme.LIGHT)
    docstring = next(s for s in spans if DERIVATIVE_PY[s.start :].startswith('"""Read'))
    assert _foregrounds_at(laid, text.index('"""Read'))[-1] == QColor(docstring.style.color or "")


def test_a_dark_palette_gives_the_dark_theme_colours(
    qtbot: QtBot, window: MainWindow, python_pair: tuple[Path, Path]
) -> None:
    compared(qtbot, window, lambda: window.open_paths(*python_pair))
    view = window.view

    def keyword_colour() -> QColor:
        laid = _cell(view, "def total_price", Side.ORIGINAL)
        return _foregrounds_at(laid, 0)[-1]

    theme_colour = _keyword_colour

    assert theme_colour(SyntaxTheme.LIGHT) != theme_colour(SyntaxTheme.DARK)
    assert keyword_colour() == theme_colour(SyntaxTheme.LIGHT)
    dark = QPalette(view.palette())
    for role, colour in (
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.Text, "#e6e6e6"),
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.WindowText, "#e6e6e6"),
    ):
        dark.setColor(role, QColor(colour))
    view.setPalette(dark)
    assert keyword_colour() == theme_colour(SyntaxTheme.DARK)
    # Changes stay in the (now light) text colour on their tint.
    renamed = _cell(view, "def read_items", Side.DERIVATIVE)
    assert _foregrounds_at(renamed, renamed.cell.text.index("read_items"))[-1] == QColor("#e6e6e6")
    view.setPalette(QApplication.palette())
    assert keyword_colour() == theme_colour(SyntaxTheme.LIGHT)


def test_lexing_is_cached_and_prose_is_never_lexed(
    qtbot: QtBot, window: MainWindow, python_pair: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []

    def counting(text: str, language: str | None, theme: SyntaxTheme) -> tuple[syntax.SyntaxSpan, ...]:
        calls.append(text)
        return highlight(text, language, theme)

    monkeypatch.setattr(syntax_colours, "highlight", counting)
    syntax_colours.cached_highlight.cache_clear()
    original = write(tmp_path / "a.txt", "The memo was rigorous about safety.", "A second paragraph.")
    derivative = write(tmp_path / "b.txt", "The memo was tough about safety.", "A second paragraph.")
    compared(qtbot, window, lambda: window.open_paths(original, derivative))
    window.view.viewport().repaint()
    assert calls == []
    compared(qtbot, window, lambda: window.open_paths(*python_pair))
    window.view.viewport().repaint()
    lexed = len(calls)
    assert lexed > 0
    # Resizing and zooming lay the cells out again, from the cache.
    window.resize(900, 700)
    window.zoom_in_action.trigger()
    window.view.viewport().repaint()
    assert len(calls) == lexed
    syntax_colours.cached_highlight.cache_clear()


def test_blocks_of_several_lines_start_where_their_paragraph_starts(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    body = "def f(x):\n    y = x + 1\n    return y\n"
    original = tmp_path / "a.py"
    original.write_text(body + "print(f(2))\n", encoding="utf-8")
    derivative = tmp_path / "b.py"
    derivative.write_text(body + "\nprint(f(3))\n", encoding="utf-8")  # split into two blocks
    comparison = compared(qtbot, window, lambda: window.open_paths(original, derivative))
    assert isinstance(comparison, Comparison) and len(comparison.derivative.paragraphs) == 2
    view = window.view
    row = view.paragraph_row(Side.DERIVATIVE, 1)
    assert row == view.paragraph_row(Side.DERIVATIVE, 0)  # one block: one row, two paragraphs
    laid = view.laid_out_cell(row, Side.DERIVATIVE)
    assert laid is not None
    assert laid.cell.paragraph_starts == (0, len(body))
    extent = laid.paragraph_extent(1)
    assert extent is not None
    fourth_line = laid.layout.lineAt(3)
    assert extent[0] == pytest.approx(fourth_line.y())  # "print" is on the fourth line, not the second
    assert laid.layout.text()[fourth_line.textStart() :].startswith("print")


def test_find_works_in_code(qtbot: QtBot, window: MainWindow, python_pair: tuple[Path, Path]) -> None:
    compared(qtbot, window, lambda: window.open_paths(*python_pair))
    view = window.view
    assert view.set_find_text("return") == ORIGINAL_PY.count("return") + DERIVATIVE_PY.count("return")
    # After the astral 🚀 (two UTF-16 units) the match still marks the right words.
    assert view.set_find_text("launch price") == 2
    for number in range(2):
        assert view.find_step() == number
        match = view.matches[number]
        laid = view.laid_out_cell(match.row, match.side)
        assert laid is not None
        units = laid.layout.text().encode("utf-16-le")
        assert units[2 * match.start : 2 * match.end].decode("utf-16-le") == "launch price"


def test_selecting_code_copies_its_lines_and_indentation(
    qtbot: QtBot, window: MainWindow, python_pair: tuple[Path, Path]
) -> None:
    compared(qtbot, window, lambda: window.open_paths(*python_pair))
    view = window.view
    row = _row_of(view, "def total_price", Side.ORIGINAL)
    view.scroll_to_row(row)
    laid = view.laid_out_cell(row, Side.ORIGINAL)
    assert laid is not None
    origin = view.cell_origin(row, Side.ORIGINAL)
    first, third = laid.layout.lineAt(0), laid.layout.lineAt(2)
    viewport = view.viewport()
    start = QPoint(round(origin.x() + 1), round(origin.y() + first.y() + first.height() / 2))
    end = QPoint(round(origin.x() + 400), round(origin.y() + third.y() + third.height() / 2))
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(viewport, end)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)
    assert view.selected_text() == "def total_price(items):\n    total = 0\n    for item in items:"


def test_show_markup_source_reloads_markdown_as_code_and_back_and_is_remembered(
    qtbot: QtBot, window: MainWindow, markdown_pair: tuple[Path, Path], settings_file: Path
) -> None:
    comparison = compared(qtbot, window, lambda: window.open_paths(*markdown_pair))
    assert isinstance(comparison, Comparison) and comparison.original.format is DocumentFormat.MARKDOWN
    assert not window.markup_source_action.isChecked()
    comparison = compared(qtbot, window, window.markup_source_action.trigger)
    assert isinstance(comparison, Comparison)
    for document in (comparison.original, comparison.derivative):
        assert document.format is DocumentFormat.CODE and document.language == "markdown"
    assert "*council*" in comparison.derivative.paragraphs[1].text  # the markup itself is shown
    laid = _cell(window.view, "**bold**", Side.DERIVATIVE)
    assert has_equal_advances(laid.layout.font())
    # Coloured as Markdown: the heading in the heading colour, emphasis in italics.
    heading = _cell(window.view, "# Harbour notes", Side.DERIVATIVE)
    (heading_span,) = highlight("# Harbour notes\n", "markdown", SyntaxTheme.LIGHT)
    assert _foregrounds_at(heading, 0) == [QColor(heading_span.style.color or "")]
    emphasis = laid.cell.text.index("*council*")
    assert any(
        item.format.fontItalic() for item in laid.layout.formats() if item.start <= emphasis < item.start + item.length
    )
    reread = Settings(QSettings(str(settings_file), QSettings.Format.IniFormat))
    assert reread.markup_view is MarkupView.SOURCE
    comparison = compared(qtbot, window, window.markup_source_action.trigger)
    assert isinstance(comparison, Comparison) and comparison.original.format is DocumentFormat.MARKDOWN
    assert comparison.derivative.paragraphs[1].text == "The council kept a bold course."
    assert Settings(QSettings(str(settings_file), QSettings.Format.IniFormat)).markup_view is MarkupView.TEXT


def test_markup_source_leaves_other_documents_as_they_are(
    qtbot: QtBot, window: MainWindow, python_pair: tuple[Path, Path], tmp_path: Path
) -> None:
    original = write(tmp_path / "a.txt", "The memo was rigorous about safety.")
    derivative = write(tmp_path / "b.txt", "The memo was tough about safety.")
    compared(qtbot, window, lambda: window.open_paths(original, derivative))
    comparison = compared(qtbot, window, window.markup_source_action.trigger)
    assert isinstance(comparison, Comparison) and comparison.original.format is DocumentFormat.TEXT
    assert not has_equal_advances(_cell(window.view, "memo", Side.ORIGINAL).layout.font())


def test_a_window_told_to_show_markup_source_does_so_without_remembering_it(
    qtbot: QtBot, settings: Settings, pool: object, markdown_pair: tuple[Path, Path]
) -> None:
    main = MainWindow(settings, pool, markup=MarkupView.SOURCE)  # type: ignore[arg-type]
    qtbot.addWidget(main)
    main.show()
    assert main.markup_source_action.isChecked()
    comparison = compared(qtbot, main, lambda: main.open_paths(*markdown_pair))
    assert isinstance(comparison, Comparison) and comparison.original.format is DocumentFormat.CODE
    assert settings.markup_view is MarkupView.TEXT


def test_the_summary_makes_no_claim_about_names_in_a_program(
    qtbot: QtBot, window: MainWindow, python_pair: tuple[Path, Path]
) -> None:
    compared(qtbot, window, lambda: window.open_paths(*python_pair))
    summary = window.summary_panel.text()
    assert "kept word for word" in summary  # the summary is there...
    assert "names or numbers" not in summary  # ...without the prose-only check it never ran
    assert "not checked" in window.quotes_panel.summary.text()
