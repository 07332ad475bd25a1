"""Many derivatives of one original: adding, selecting, sorting, removing, and the overview map."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from diffviewer.core.model import Comparison
from diffviewer.gui.main_window import MainWindow
from diffviewer.gui.rows import Side
from tests.conftest import SAMPLES
from tests.gui.conftest import COMPARE_TIMEOUT_MS, drop_files

ORIGINAL = SAMPLES / "original.txt"
DERIVATIVES = [SAMPLES / n for n in ("spun-copy.txt", "ai-rewrite.txt", "syndicated-rewrite.txt", "forum-comment.txt")]


def open_all(qtbot: QtBot, window: MainWindow, derivatives: list[Path]) -> None:
    with qtbot.waitSignal(window.comparison_finished, timeout=COMPARE_TIMEOUT_MS):
        window.open_paths(ORIGINAL, *derivatives)
    qtbot.waitUntil(lambda: not window.is_busy, timeout=COMPARE_TIMEOUT_MS)


def tab_names(window: MainWindow) -> list[str]:
    return [window.tabs.tabText(n).split()[1] for n in range(window.tabs.count())]


def test_opening_several_derivatives_gives_one_tab_each_with_its_similarity(qtbot: QtBot, window: MainWindow) -> None:
    open_all(qtbot, window, DERIVATIVES)
    assert window.tabs.isVisible()
    assert tab_names(window) == [p.name for p in DERIVATIVES]
    for n, entry in enumerate(window.session.entries):
        assert entry.comparison is not None
        assert window.tabs.tabText(n).endswith(f"{entry.comparison.similarity:.0%}")
    # The first derivative is shown.
    assert window.comparison is window.session.entries[0].comparison
    assert window.heat_map.column_count == 4


def test_selecting_a_tab_shows_that_pair(qtbot: QtBot, window: MainWindow) -> None:
    open_all(qtbot, window, DERIVATIVES)
    # The session owns which derivative is shown, and says when that changes.
    with qtbot.waitSignal(window.session.current_changed) as changed:
        window.tabs.setCurrentIndex(2)
    assert changed.args == [window.session.entries[2]] and window.session.current is window.session.entries[2]
    comparison = window.comparison
    assert isinstance(comparison, Comparison)
    assert Path(comparison.derivative.path).name == "syndicated-rewrite.txt"
    assert "syndicated-rewrite.txt" in window.windowTitle()
    window.next_derivative_action.trigger()
    assert window.comparison is window.session.entries[3].comparison


def test_sorting_puts_the_most_similar_first_and_keeps_the_selection(qtbot: QtBot, window: MainWindow) -> None:
    open_all(qtbot, window, DERIVATIVES)
    window.tabs.setCurrentIndex(3)
    shown = window.comparison
    window.sort_action.trigger()
    similarities = [e.comparison.similarity for e in window.session.entries if e.comparison]
    assert similarities == sorted(similarities, reverse=True)
    assert tab_names(window)[0] == "spun-copy.txt"
    assert window.comparison is shown  # the same derivative stays selected
    assert window.tabs.currentIndex() == tab_names(window).index("forum-comment.txt")


def test_removing_a_derivative_closes_its_tab(qtbot: QtBot, window: MainWindow) -> None:
    open_all(qtbot, window, DERIVATIVES)
    window.tabs.setCurrentIndex(1)
    window.tabs.tabCloseRequested.emit(1)
    assert tab_names(window) == ["spun-copy.txt", "syndicated-rewrite.txt", "forum-comment.txt"]
    assert window.comparison is window.session.entries[1].comparison
    window.remove_derivative_action.trigger()
    window.remove_derivative_action.trigger()
    assert len(window.session.entries) == 1
    assert not window.tabs.isVisible()  # one derivative needs no tabs
    assert window.heat_map.column_count == 1


def test_dropping_several_files_adds_them_as_derivatives(qtbot: QtBot, window: MainWindow) -> None:
    open_all(qtbot, window, DERIVATIVES[:1])
    viewport = window.view.viewport()
    with qtbot.waitSignal(window.comparison_finished, timeout=COMPARE_TIMEOUT_MS):
        drop_files(viewport, DERIVATIVES[1:3], QPointF(viewport.width() * 0.75, 40))
    qtbot.waitUntil(lambda: not window.is_busy, timeout=COMPARE_TIMEOUT_MS)
    assert window.session.original == ORIGINAL
    assert tab_names(window) == [p.name for p in DERIVATIVES[:3]]


def test_add_derivatives_action_uses_a_multi_file_dialog(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_all(qtbot, window, DERIVATIVES[:1])
    chosen = [str(p) for p in DERIVATIVES[1:]]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *args: (chosen, "")))
    window.add_derivatives_action.trigger()
    qtbot.waitUntil(lambda: not window.is_busy, timeout=COMPARE_TIMEOUT_MS)
    assert len(window.session.entries) == 4
    assert window.paths[Side.DERIVATIVE] == DERIVATIVES[1]  # the first one added is shown


def test_clicking_an_overview_cell_opens_that_pair_at_that_paragraph(qtbot: QtBot, window: MainWindow) -> None:
    open_all(qtbot, window, DERIVATIVES)
    heat_map = window.heat_map
    cell = heat_map.cell_rect(2, 7)  # third derivative, eighth paragraph of the original
    assert "¶8 in syndicated-rewrite.txt" in heat_map.tooltip_at(cell.center())
    qtbot.mouseClick(heat_map, heat_map_button(), pos=cell.center().toPoint())
    assert window.tabs.currentIndex() == 2
    row = window.view.paragraph_row(Side.ORIGINAL, 7)
    assert row >= 0 and window.view.row_in_view(row)
    block = window.comparison.blocks[window.view.current_block] if window.comparison else None
    assert block is not None and 7 in block.original


def test_overview_shows_additions_and_invented_quotes_per_derivative(qtbot: QtBot, window: MainWindow) -> None:
    open_all(qtbot, window, DERIVATIVES)
    image = window.heat_map.grab().toImage()
    assert image.width() >= window.heat_map.cell_rect(3, 0).right()
    syndicated = window.session.entries[2].comparison
    assert syndicated is not None and syndicated.stats.paragraphs_inserted > 20  # its boilerplate is its own


def heat_map_button():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_the_overview_reworks_only_the_column_whose_comparison_is_new(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A finished tab (or a closed one) never makes the other derivatives' columns work out their
    cells again: on books that cost the window a stall at every tab that finished."""
    from diffviewer.gui import heat_map as heat_map_module

    open_all(qtbot, window, DERIVATIVES)
    worked_out: list[Comparison] = []
    cells_of = heat_map_module._cells
    monkeypatch.setattr(heat_map_module, "_cells", lambda c: worked_out.append(c) or cells_of(c))
    window.tabs.tabCloseRequested.emit(0)
    assert worked_out == []
    heat_map = window.heat_map
    first = window.session.entries[0].comparison
    assert first is not None and "ai-rewrite.txt" in heat_map.tooltip_at(heat_map.cell_rect(0, 7).center())
    # The columns moved along: the first now tells the AI rewrite's treatment of the paragraph.
    block = next(b for b in first.blocks if 7 in b.original)
    assert heat_map.tooltip_at(heat_map.cell_rect(0, 7).center()).startswith(
        f"¶8 in ai-rewrite.txt: {heat_map_module.treatment_name(block.treatment)}"
    )
    with qtbot.waitSignal(window.comparison_finished, timeout=COMPARE_TIMEOUT_MS):
        window.add_derivatives([SAMPLES / "spun-copy.txt"])
    qtbot.waitUntil(lambda: not window.is_busy, timeout=COMPARE_TIMEOUT_MS)
    assert [Path(c.derivative.path).name for c in worked_out] == ["spun-copy.txt"]


def test_the_original_is_read_once_for_all_its_derivatives(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from diffviewer.gui import worker

    reads: list[Path] = []
    real_load = worker.load
    monkeypatch.setattr(worker, "load", lambda path, **kw: reads.append(path) or real_load(path, **kw))
    open_all(qtbot, window, DERIVATIVES)
    # (Not at all, when an earlier comparison in this process read it already, unchanged since.)
    assert reads.count(ORIGINAL) <= 1
    assert {e.comparison.original for e in window.session.entries if e.comparison} == {
        window.session.entries[0].comparison.original  # type: ignore[union-attr]
    }
