"""The window as a user drives it: open, drop, swap, navigate, find, options, cancel, errors, reload."""

from __future__ import annotations

import gc
import sys
import threading
import time
import weakref
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QSettings, Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from diffviewer.core.compare import Cancelled, compare
from diffviewer.core.model import BlockKind, CompareOptions, Comparison, Document
from diffviewer.gui import pane_painting, worker
from diffviewer.gui.app import demo_paths
from diffviewer.gui.main_window import MainWindow
from diffviewer.gui.message_bar import MessageLevel
from diffviewer.gui.rows import PreparedRows, Side
from diffviewer.gui.settings import Settings
from diffviewer.gui.view_mode import ViewMode
from tests.gui.conftest import COMPARE_TIMEOUT_MS, compared, drop_files, write


def _paragraph(n: int, word: str = "steady") -> str:
    return (
        f"Section {n} reports that the harbour{n} committee kept a {word} course on budget{n}, "
        f"with lantern{n} and orchard{n} projects reviewed by the council{n} in detail."
    )


@pytest.fixture
def long_pair(tmp_path: Path) -> tuple[Path, Path]:
    """60 paragraphs; the derivative rewords paragraphs 10 and 40 and moves paragraph 25 to the end."""
    original = [_paragraph(n) for n in range(60)]
    derivative = [_paragraph(n, "bold" if n in (10, 40) else "steady") for n in range(60) if n != 25]
    derivative.append(_paragraph(25))
    return write(tmp_path / "original.txt", *original), write(tmp_path / "derivative.txt", *derivative)


@pytest.fixture
def short_pair(tmp_path: Path) -> tuple[Path, Path]:
    original = write(tmp_path / "a.txt", "The memo was rigorous about safety.", "A second paragraph stays the same.")
    derivative = write(tmp_path / "b.txt", "The memo was tough about safety.", "A second paragraph stays the same.")
    return original, derivative


def test_demo_opens_the_bundled_sample(qtbot: QtBot, window: MainWindow) -> None:
    comparison = compared(qtbot, window, lambda: window.open_paths(*demo_paths()))
    assert isinstance(comparison, Comparison)
    assert Path(comparison.original.path).name == "original.txt"
    assert Path(comparison.derivative.path).name == "syndicated-rewrite.txt"
    assert window.view.rows
    assert "Similarity" in window.summary_label.text()
    assert "syndicated-rewrite.txt" in window.windowTitle()


def test_dropping_two_files_anywhere_makes_the_first_the_original(
    qtbot: QtBot, window: MainWindow, short_pair: tuple[Path, Path]
) -> None:
    original, derivative = short_pair
    viewport = window.view.viewport()
    right_half = QPointF(viewport.width() * 0.75, 50)
    comparison = compared(qtbot, window, lambda: drop_files(viewport, [original, derivative], right_half))
    assert isinstance(comparison, Comparison)
    assert Path(comparison.original.path) == original
    assert Path(comparison.derivative.path) == derivative


def test_dropping_one_file_on_a_pane_loads_that_side(
    qtbot: QtBot, window: MainWindow, short_pair: tuple[Path, Path]
) -> None:
    original, derivative = short_pair
    viewport = window.view.viewport()
    left = QPointF(viewport.width() * 0.25, 50)
    right = QPointF(viewport.width() * 0.75, 50)
    alone = compared(qtbot, window, lambda: drop_files(viewport, [original], left))
    assert alone is None  # one side loaded: shown, nothing to compare yet
    assert window.view.document(Side.ORIGINAL) is not None
    assert [row.left is not None for row in window.view.rows] == [True, True]
    comparison = compared(qtbot, window, lambda: drop_files(viewport, [derivative], right))
    assert isinstance(comparison, Comparison)
    assert Path(comparison.derivative.path) == derivative


def test_a_dropped_folder_is_refused_with_a_message(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    viewport = window.view.viewport()
    drop_files(viewport, [tmp_path], QPointF(20, 20))
    assert window.message_bar.isVisible()
    assert tmp_path.name in window.message_bar.text
    assert window.paths[Side.ORIGINAL] is None


def test_open_actions_use_the_file_dialog(
    qtbot: QtBot, window: MainWindow, short_pair: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    original, derivative = short_pair
    answers = iter([str(original), str(derivative)])
    titles: list[str] = []

    def fake_dialog(parent: object, title: str, directory: str, filters: str) -> tuple[str, str]:
        titles.append(title)
        assert "*.docx" in filters and "*.pdf" in filters
        return next(answers), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(fake_dialog))
    compared(qtbot, window, window.open_original_action.trigger)
    comparison = compared(qtbot, window, window.open_derivative_action.trigger)
    assert isinstance(comparison, Comparison)
    assert (Path(comparison.original.path), Path(comparison.derivative.path)) == (original, derivative)
    assert titles == ["Open Original", "Open Derivative"]


def test_cancelling_the_file_dialog_changes_nothing(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *args: ("", "")))
    window.open_original_action.trigger()
    assert window.paths[Side.ORIGINAL] is None
    assert not window.is_busy


def test_swap_sides_swaps_the_documents_and_the_changes(
    qtbot: QtBot, window: MainWindow, short_pair: tuple[Path, Path]
) -> None:
    before = compared(qtbot, window, lambda: window.open_paths(*short_pair))
    after = compared(qtbot, window, window.swap_action.trigger)
    assert isinstance(before, Comparison) and isinstance(after, Comparison)
    assert after.original.path == before.derivative.path
    assert after.derivative.path == before.original.path
    assert after.stats.words_inserted == before.stats.words_deleted
    assert after.stats.words_deleted == before.stats.words_inserted


def test_next_and_previous_change_select_the_block_and_scroll_to_it(
    qtbot: QtBot, window: MainWindow, long_pair: tuple[Path, Path]
) -> None:
    comparison = compared(qtbot, window, lambda: window.open_paths(*long_pair))
    assert isinstance(comparison, Comparison)
    view = window.view
    changed = [n for n, b in enumerate(comparison.blocks) if b.kind is not BlockKind.EQUAL]
    assert len(changed) >= 3
    bar = view.verticalScrollBar()
    assert bar.value() == 0

    window.activateWindow()
    view.setFocus()
    visited = []
    for _ in changed:
        qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
        visited.append(view.current_block)
        assert view.row_in_view(view.anchor_row(view.current_block))
    assert visited == sorted(changed, key=view.anchor_row)
    assert bar.value() > 0  # the later changes are far down: the view scrolled to them
    bottom = bar.value()

    qtbot.keyClick(view, Qt.Key.Key_F7, Qt.KeyboardModifier.ShiftModifier)
    assert view.current_block == visited[-2]
    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert view.current_block == visited[-3]
    assert bar.value() <= bottom
    qtbot.keyClick(view, Qt.Key.Key_F7)
    assert view.current_block == visited[-2]


def test_moved_paragraph_keeps_its_place_on_the_left_and_can_be_jumped_to(
    qtbot: QtBot, window: MainWindow, long_pair: tuple[Path, Path]
) -> None:
    comparison = compared(qtbot, window, lambda: window.open_paths(*long_pair))
    assert isinstance(comparison, Comparison)
    moved = [n for n, b in enumerate(comparison.blocks) if b.kind is BlockKind.MOVED]
    assert len(moved) == 1
    view = window.view
    rows_with_block = [n for n, row in enumerate(view.rows) if row.block == moved[0]]
    # Two rows: the original's text where the original had it, the derivative's at the end.
    assert len(rows_with_block) == 2
    left_row, right_row = (view.rows[n] for n in rows_with_block)
    assert left_row.left is not None and left_row.left.paragraphs == (25,)
    assert right_row.right is not None and right_row.right.paragraphs == (59,)
    window.next_moved_action.trigger()
    assert view.current_block == moved[0]
    assert view.row_in_view(rows_with_block[1])


def test_changing_an_option_recomputes_and_is_remembered(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, settings_file: Path
) -> None:
    original = write(tmp_path / "upper.txt", "The Memo Was Rigorous About Safety.")
    derivative = write(tmp_path / "lower.txt", "the memo was rigorous about safety.")
    before = compared(qtbot, window, lambda: window.open_paths(original, derivative))
    assert isinstance(before, Comparison)
    assert any(b.kind is BlockKind.REWRITE for b in before.blocks)
    after = compared(qtbot, window, window.ignore_case_action.trigger)
    assert isinstance(after, Comparison)
    assert after.stats.words_inserted == 0
    reread = Settings(QSettings(str(settings_file), QSettings.Format.IniFormat))
    assert reread.ignore_case is True
    assert reread.compare_options().ignore_case is True


def test_character_granularity_recomputes_with_letter_level_changes(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    original = write(tmp_path / "a.txt", "The rigorous review ended.")
    derivative = write(tmp_path / "b.txt", "The rigourous review ended.")
    compared(qtbot, window, lambda: window.open_paths(original, derivative))
    after = compared(qtbot, window, window.character_granularity_action.trigger)
    assert isinstance(after, Comparison)
    inserted = [c.text for b in after.blocks for c in b.changes if c.op.value == "insert"]
    assert inserted == ["u"]


def test_cancel_stops_the_comparison_and_keeps_the_previous_one(
    qtbot: QtBot, window: MainWindow, short_pair: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    first = compared(qtbot, window, lambda: window.open_paths(*short_pair))
    started = threading.Event()

    def compare_until_cancelled(original: object, derivative: object, options: object, should_cancel, on_progress):  # type: ignore[no-untyped-def]
        started.set()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            on_progress(0.5)
            if should_cancel():
                raise Cancelled("comparison cancelled")
            time.sleep(0.01)
        raise AssertionError("never cancelled")

    monkeypatch.setattr(worker, "compare", compare_until_cancelled)
    window.reload_action.trigger()
    assert window.is_busy
    assert window.cancel_button.isVisible()
    qtbot.waitUntil(started.is_set, timeout=COMPARE_TIMEOUT_MS)
    qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.is_busy, timeout=COMPARE_TIMEOUT_MS)
    assert not window.progress.isVisible()
    assert window.comparison is first
    assert "cancelled" in window.statusBar().currentMessage().lower()


def test_a_newer_request_wins_over_a_slower_older_one(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_compare = worker.compare
    slow = write(tmp_path / "slow.txt", "A slow derivative paragraph.")
    fast = write(tmp_path / "fast.txt", "A fast derivative paragraph.")
    original = write(tmp_path / "original.txt", "An original paragraph.")

    def compare_slowly_for_slow_files(original_doc, derivative_doc, options, should_cancel, on_progress):  # type: ignore[no-untyped-def]
        if derivative_doc.path.endswith("slow.txt"):
            time.sleep(0.8)  # ignores cancel on purpose: its result must still be dropped
        return real_compare(original_doc, derivative_doc, options)

    monkeypatch.setattr(worker, "compare", compare_slowly_for_slow_files)
    window.open_paths(original, slow)
    comparison = compared(qtbot, window, lambda: window.open_paths(original, fast))
    assert isinstance(comparison, Comparison)
    qtbot.wait(1200)  # the slow job finishes meanwhile; its result must not replace the newer one
    assert window.comparison is comparison
    assert window.comparison.derivative.path.endswith("fast.txt")


def test_an_unreadable_file_shows_a_message_and_keeps_the_comparison(
    qtbot: QtBot, window: MainWindow, short_pair: tuple[Path, Path], tmp_path: Path
) -> None:
    first = compared(qtbot, window, lambda: window.open_paths(*short_pair))
    binary = tmp_path / "picture.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    with qtbot.waitSignal(window.comparison_failed, timeout=COMPARE_TIMEOUT_MS) as blocker:
        window.set_side(Side.DERIVATIVE, binary)
    message = blocker.args[0]
    assert "picture.txt" in message and "\n" not in message
    assert window.message_bar.isVisible()
    assert window.message_bar.level is MessageLevel.ERROR
    assert "picture.txt" in window.message_bar.text
    assert window.comparison is first
    assert window.paths[Side.DERIVATIVE] == short_pair[1]  # reload goes back to what is shown


def test_a_missing_file_given_on_the_command_line_is_a_message(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    with qtbot.waitSignal(window.comparison_failed, timeout=COMPARE_TIMEOUT_MS):
        window.open_paths(tmp_path / "nowhere.txt", tmp_path / "neither.txt")
    assert "nowhere.txt" in window.message_bar.text
    assert "no such file" in window.message_bar.text


def test_a_file_changed_on_disk_is_reloaded_with_a_notice(
    qtbot: QtBot, window: MainWindow, short_pair: tuple[Path, Path]
) -> None:
    original, derivative = short_pair
    compared(qtbot, window, lambda: window.open_paths(original, derivative))

    def edit() -> None:
        write(derivative, "The memo was lax about safety.", "A second paragraph stays the same.")

    comparison = compared(qtbot, window, edit)
    assert isinstance(comparison, Comparison)
    assert "lax" in comparison.derivative.paragraphs[0].text
    assert window.message_bar.isVisible()
    assert "b.txt" in window.message_bar.text and "reloaded" in window.message_bar.text


def test_find_marks_matches_in_both_documents_and_steps_through_them(
    qtbot: QtBot, window: MainWindow, short_pair: tuple[Path, Path]
) -> None:
    compared(qtbot, window, lambda: window.open_paths(*short_pair))
    window.activateWindow()
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible()
    qtbot.keyClicks(window.find_bar.field, "SECOND paragraph")
    assert window.view.find_match_count == 2  # one in each document, case-insensitive
    assert window.find_bar.count_label.text() == "1 of 2"
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Return)
    assert window.find_bar.count_label.text() == "2 of 2"
    window.find_bar.case_sensitive.setChecked(True)
    assert window.view.find_match_count == 0
    assert window.find_bar.count_label.text() == "No matches"
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()


def test_inline_view_shows_one_column_and_is_remembered(
    qtbot: QtBot, window: MainWindow, short_pair: tuple[Path, Path], settings: Settings
) -> None:
    compared(qtbot, window, lambda: window.open_paths(*short_pair))
    window.inline_action.trigger()
    assert window.view.mode is ViewMode.INLINE
    assert all(row.inline is not None and row.left is None for row in window.view.rows)
    rewritten = window.view.rows[0].inline
    assert rewritten is not None
    assert rewritten.text.startswith("The memo was rigoroustough")  # deletion then insertion, both shown
    assert settings.view_mode is ViewMode.INLINE
    window.side_by_side_action.trigger()
    assert window.view.rows[0].left is not None


def test_hovering_a_block_tells_its_similarity(qtbot: QtBot, window: MainWindow, short_pair: tuple[Path, Path]) -> None:
    comparison = compared(qtbot, window, lambda: window.open_paths(*short_pair))
    assert isinstance(comparison, Comparison)
    tip = window.view.tooltip_at(QPointF(window.view.viewport().width() * 0.75, 10))
    assert tip.startswith("Edited or reworded")  # the legend's name for the band, then the treatment
    assert f"{comparison.blocks[0].similarity * 100:.0f}%" in tip


def test_zoom_changes_the_font_size_and_persists(qtbot: QtBot, window: MainWindow, settings: Settings) -> None:
    size = window.view.font_point_size()
    window.zoom_in_action.trigger()
    window.zoom_in_action.trigger()
    assert window.view.font_point_size() == size + 2
    assert settings.font_size == size + 2
    window.zoom_reset_action.trigger()
    assert window.view.font_point_size() == 11


def test_recent_comparisons_are_listed_and_reopen(
    qtbot: QtBot, window: MainWindow, short_pair: tuple[Path, Path], tmp_path: Path
) -> None:
    compared(qtbot, window, lambda: window.open_paths(*short_pair))
    other = write(tmp_path / "c.txt", "Something else entirely.")
    compared(qtbot, window, lambda: window.open_paths(short_pair[0], other))
    window.recent_menu.aboutToShow.emit()
    labels = [a.text() for a in window.recent_menu.actions() if a.text()]
    assert labels[0].endswith("a.txt ↔ c.txt")
    assert labels[1].endswith("a.txt ↔ b.txt")
    comparison = compared(qtbot, window, window.recent_menu.actions()[1].trigger)
    assert isinstance(comparison, Comparison)
    assert comparison.derivative.path.endswith("b.txt")


def test_window_geometry_and_options_survive_a_restart(
    qtbot: QtBot, settings: Settings, settings_file: Path, pool: object
) -> None:
    first = MainWindow(settings, pool)  # type: ignore[arg-type]
    qtbot.addWidget(first)
    first.resize(700, 520)  # inside the offscreen screen (800×600): restoring never clamps it
    first.show()
    assert (first.width(), first.height()) == (700, 520)
    first.wrap_action.trigger()
    first.close()
    reread = Settings(QSettings(str(settings_file), QSettings.Format.IniFormat))
    second = MainWindow(reread, pool)  # type: ignore[arg-type]
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (700, 520)
    assert second.wrap_action.isChecked() is False


def test_dragging_selects_text_and_copy_takes_the_selection(
    qtbot: QtBot, window: MainWindow, short_pair: tuple[Path, Path]
) -> None:
    compared(qtbot, window, lambda: window.open_paths(*short_pair))
    view = window.view
    viewport = view.viewport()
    width = viewport.width()
    start = QPoint(round(width * 0.5) + 100, 14)  # inside the right pane's first line
    end = QPoint(width - 30, 14)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(viewport, end)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)
    selected = view.selected_text()
    assert len(selected) > 10 and selected in "The memo was tough about safety."
    window.copy_action.trigger()
    assert QApplication.clipboard().text() == selected
    # A click without dragging selects the whole block for copying.
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=start)
    window.copy_action.trigger()
    assert QApplication.clipboard().text() == "The memo was tough about safety."


def test_a_closed_window_is_freed_without_the_cycle_collector(
    qtbot: QtBot, settings: Settings, pool: object, short_pair: tuple[Path, Path]
) -> None:
    # Python's cycle collector runs in whichever thread allocates at the time, a comparison's
    # worker thread included; Qt objects destroyed there break ("Timers cannot be stopped from
    # another thread"). So nothing may hold the window in a reference cycle.
    gc.disable()
    try:
        main = MainWindow(settings, pool)  # type: ignore[arg-type]
        main.show()
        compared(qtbot, main, partial(main.open_paths, *short_pair))
        compared(qtbot, main, main.markup_source_action.trigger)  # reading the files again
        main.close()
        ref = weakref.ref(main)
        del main
        QApplication.processEvents()
        assert ref() is None
    finally:
        gc.enable()


def test_rows_of_both_views_are_built_in_the_worker(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = write(tmp_path / "a.txt", "The harbour lanterns burn all night.", "Orchards line the river.")
    derivative = write(tmp_path / "b.txt", "The harbour lanterns glow all night.", "Orchards line the river.")
    built_on: list[tuple[ViewMode, bool]] = []
    real = PreparedRows.of

    def counting(comparison: Comparison, mode: ViewMode, shared: object = None) -> PreparedRows:
        built_on.append((mode, threading.current_thread() is threading.main_thread()))
        return real(comparison, mode, shared)  # type: ignore[arg-type]

    monkeypatch.setattr(PreparedRows, "of", staticmethod(counting))
    compared(qtbot, window, lambda: window.open_paths(original, derivative))
    entry = window.session.entries[0]
    assert entry.prepared is not None and entry.prepared.mode is ViewMode.SIDE_BY_SIDE
    assert entry.prepared.alternate is not None and entry.prepared.alternate.mode is ViewMode.INLINE
    # The shown view's rows first, then the other's, both in the worker thread.
    assert built_on == [(ViewMode.SIDE_BY_SIDE, False), (ViewMode.INLINE, False)]
    assert window.view.rows == list(entry.prepared.rows)
    assert window.view.rows[0] is entry.prepared.rows[0]  # shown as prepared, not built again
    # Switching views shows the other prepared rows: nothing is built on the GUI thread.
    window.inline_action.trigger()
    assert len(built_on) == 2 and window.view.rows[0] is entry.prepared.alternate.rows[0]
    # The next comparison prepares the view now shown first.
    compared(qtbot, window, window.reload_action.trigger)
    entry = window.session.entries[0]
    assert entry.prepared is not None and entry.prepared.mode is ViewMode.INLINE
    assert built_on[2:] == [(ViewMode.INLINE, False), (ViewMode.SIDE_BY_SIDE, False)]
    assert window.view.rows[0] is entry.prepared.rows[0]


def test_the_originals_preview_rows_come_from_the_worker(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    original = write(tmp_path / "a.txt", "The harbour lanterns burn all night.", "Orchards line the river.")
    derivative = write(tmp_path / "b.txt", "The harbour lanterns glow all night.", "Orchards line the river.")
    compared(qtbot, window, lambda: window.open_paths(original, derivative))
    entry = window.session.entries[0]
    preview = entry.preview
    assert preview is not None and [row.left.paragraphs for row in preview.rows if row.left] == [(0,), (1,)]
    view = window.view
    view.set_comparison(None)
    view.set_documents(*entry.documents, preview=preview)
    assert view.rows[0] is preview.rows[0]  # shown as the worker built them
    # and so are the headers' facts, for both documents
    assert view.pane_document(Side.ORIGINAL) is preview.panes[Side.ORIGINAL]
    assert view.pane_document(Side.DERIVATIVE) is preview.panes[Side.DERIVATIVE]
    # Rows prepared for another document are never shown for this one.
    other = entry.documents[1]
    view.set_documents(other, None, preview=None)
    view.set_documents(entry.documents[0], None, preview=None)
    assert view.rows and view.rows[0] is not preview.rows[0]
    assert [row.left.paragraphs for row in view.rows if row.left] == [(0,), (1,)]


def test_an_original_alone_is_shown_with_the_rows_its_job_built(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    original = write(tmp_path / "a.txt", "The harbour lanterns burn all night.", "Orchards line the river.")
    with qtbot.waitSignal(window.session.preview_ready, timeout=COMPARE_TIMEOUT_MS) as blocker:
        window.open_paths(original, None)
    document, preview = blocker.args
    assert preview is not None and [row.left.paragraphs for row in preview.rows if row.left] == [(0,), (1,)]
    assert window.view.document(Side.ORIGINAL) is document
    assert window.view.rows[0] is preview.rows[0]  # not built a second time on the GUI thread
    assert window.view.pane_document(Side.ORIGINAL) is preview.panes[Side.ORIGINAL]


def test_a_long_summary_scrolls_and_never_grows_the_window(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    # Three hundred changed figures: the Summary lists them all, in a panel that scrolls.
    original = write(tmp_path / "a.txt", *(f"Clause {n}: the yearly fee is {1000 + n} pounds." for n in range(300)))
    derivative = write(tmp_path / "b.txt", *(f"Clause {n}: the yearly fee is {5000 + n} pounds." for n in range(300)))
    size = window.size()
    comparison = compared(qtbot, window, lambda: window.open_paths(original, derivative))
    assert isinstance(comparison, Comparison)
    assert len(comparison.changed_facts) >= 300
    qtbot.wait(50)
    assert window.size() == size
    assert window.view.viewport().height() < size.height()
    assert window.summary_scroller.widget() is window.summary_panel
    facts = window.summary_panel.facts
    assert facts.model().rowCount() == len(comparison.changed_facts)
    assert facts.verticalScrollBar().maximum() > 0  # the list is longer than the panel: it scrolls
    assert "1000 → 5000 (number)" in window.summary_panel.text()


def test_switching_views_keeps_the_place_and_builds_no_rows(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = write(tmp_path / "a.txt", *(f"Paragraph {n} tells of the harbour and the ferry." for n in range(200)))
    derivative = write(tmp_path / "b.txt", *(f"Paragraph {n} tells of the port and the ferry." for n in range(200)))
    compared(qtbot, window, lambda: window.open_paths(original, derivative))
    view = window.view
    view.scroll_to_row(view.anchor_row(120))
    bar = view.verticalScrollBar()

    def top_block() -> int | None:
        return view.rows[view.row_at(bar.value())].block

    before = top_block()
    assert before is not None and before > 100
    built: list[ViewMode] = []
    real = PreparedRows.of
    monkeypatch.setattr(
        PreparedRows, "of", staticmethod(lambda c, mode, shared=None: built.append(mode) or real(c, mode, shared))
    )
    for mode in (ViewMode.INLINE, ViewMode.SIDE_BY_SIDE, ViewMode.INLINE, ViewMode.SIDE_BY_SIDE):
        view.set_mode(mode)
        qtbot.wait(1)
        assert top_block() == before, mode
    # Both views' rows came with the comparison: switching builds none.
    assert built == []


def test_derivatives_opened_together_are_all_counted_before_the_first_starts(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Whether a comparison runs beside others (and so in a process of its own) is decided when
    # it starts: the first must already see the rest. Run at once, as a fast thread might.
    from tests.conftest import SAMPLES

    qtbot.waitUntil(lambda: worker.UNFINISHED.count == 0)  # earlier tests' jobs: still comparing
    seen: list[int] = []
    pool = window.session._pool
    monkeypatch.setattr(pool, "start", lambda job: seen.append(worker.UNFINISHED.count) or job.run())
    derivatives = [SAMPLES / "syndicated-rewrite.txt", SAMPLES / "ai-rewrite.txt", SAMPLES / "spun-copy.txt"]
    window.open_paths(SAMPLES / "original.txt", *derivatives)
    assert seen[0] == 3
    assert seen == [3, 2, 1]  # (each job run at once is done before the next starts)


def test_comparisons_beside_others_run_in_processes_of_their_own(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from diffviewer.core.compare import compare
    from diffviewer.formats import load
    from tests.conftest import SAMPLES

    used: list[str] = []
    real = worker.compare_elsewhere
    both_there = threading.Barrier(2, timeout=20)

    def elsewhere(*args: object, **kwargs: object) -> Comparison:
        used.append(threading.current_thread().name)
        if len(window.session.entries) == 2:
            # Neither finishes before the other has started: the last one left would run in its
            # thread (test_the_last_comparison_left_runs_in_its_thread).
            both_there.wait()
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(worker, "compare_elsewhere", elsewhere)
    monkeypatch.setattr(worker, "WORTH_A_PROCESS", 0)  # the samples are small: count them as long
    original = SAMPLES / "original.txt"
    qtbot.waitUntil(lambda: worker.UNFINISHED.count == 0)  # earlier tests' jobs: still comparing
    # Alone, a comparison stays in its thread (a process would cost more than it gives)...
    compared(qtbot, window, lambda: window.open_paths(original, SAMPLES / "spun-copy.txt"))
    assert used == []
    # ...beside others, each has a process: they use several cores.
    derivatives = [SAMPLES / "syndicated-rewrite.txt", SAMPLES / "ai-rewrite.txt"]
    window.open_paths(original, *derivatives)
    qtbot.waitUntil(lambda: not window.is_busy and all(e.comparison for e in window.session.entries), timeout=30_000)
    assert len(used) == 2 and threading.main_thread().name not in used
    for entry, path in zip(window.session.entries, derivatives, strict=True):
        assert entry.comparison == compare(load(original), load(path))


def test_opening_a_pair_reads_and_compares_it_once(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from diffviewer.gui import session
    from tests.conftest import SAMPLES

    started: list[Path | None] = []

    class CountedJob(worker.CompareJob):
        def __init__(self, request: worker.CompareRequest) -> None:
            started.append(request.derivative)
            super().__init__(request)

    monkeypatch.setattr(session, "CompareJob", CountedJob)
    compared(qtbot, window, lambda: window.open_paths(SAMPLES / "original.txt", SAMPLES / "spun-copy.txt"))
    assert started == [SAMPLES / "spun-copy.txt"]  # a book was read and compared twice
    started.clear()
    window.add_derivatives([SAMPLES / "ai-rewrite.txt"])
    qtbot.waitUntil(lambda: not window.is_busy, timeout=COMPARE_TIMEOUT_MS)
    started.clear()
    window.open_paths(SAMPLES / "syndicated-rewrite.txt")  # a new original: each tab once again
    qtbot.waitUntil(lambda: not window.is_busy, timeout=COMPARE_TIMEOUT_MS)
    assert sorted(map(str, started)) == sorted(map(str, [SAMPLES / "spun-copy.txt", SAMPLES / "ai-rewrite.txt"]))


def test_the_last_comparison_left_runs_in_its_thread(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.conftest import SAMPLES

    used: list[str] = []
    monkeypatch.setattr(worker, "WORTH_A_PROCESS", 0)  # the samples are small: count them as long

    def where(name: str) -> object:
        def compare_there(original: Document, derivative: Document, options: CompareOptions, **_: object) -> object:
            used.append(name)
            return compare(original, derivative, options)

        return compare_there

    monkeypatch.setattr(worker, "compare_elsewhere", where("elsewhere"))
    monkeypatch.setattr(worker, "compare", where("here"))
    requests = [
        worker.CompareRequest(n, SAMPLES / "original.txt", SAMPLES / name, CompareOptions(), 1 << 30)
        for n, name in enumerate(("spun-copy.txt", "ai-rewrite.txt"))
    ]
    qtbot.waitUntil(lambda: worker.UNFINISHED.count == 0)  # earlier tests' jobs: still comparing
    jobs = [worker.CompareJob(request) for request in requests]
    assert worker.UNFINISHED.count == 2
    finished: list[object] = []
    for job in jobs:
        job.signals.finished.connect(lambda generation, comparison, rows: finished.append(comparison))
        job.run()  # one after the other: the first has the second still to come, the second is alone
    assert used == ["elsewhere", "here"]
    assert worker.UNFINISHED.count == 0 and len(finished) == 2


def test_typography_is_equal_until_the_user_asks_to_see_it(
    qtbot: QtBot, window: MainWindow, settings: Settings, tmp_path: Path
) -> None:
    original = write(tmp_path / "a.txt", 'We\'ve always open sourced our "models".')
    derivative = write(tmp_path / "b.txt", "We’ve always open-sourced our “models”.")
    comparison = compared(qtbot, window, lambda: window.open_paths(original, derivative))
    assert isinstance(comparison, Comparison)
    assert [b.kind for b in comparison.blocks] == [BlockKind.EQUAL]
    assert "0 changed, 0 added, 0 removed" in window.summary_label.text()
    shown = compared(qtbot, window, window.show_typography_action.trigger)
    assert isinstance(shown, Comparison)
    assert [b.kind for b in shown.blocks] == [BlockKind.REWRITE]
    assert settings.show_typography


def test_the_counter_tells_which_change_of_how_many(
    qtbot: QtBot, window: MainWindow, long_pair: tuple[Path, Path]
) -> None:
    comparison = compared(qtbot, window, lambda: window.open_paths(*long_pair))
    assert isinstance(comparison, Comparison)
    total = sum(1 for b in comparison.blocks if b.kind is not BlockKind.EQUAL)
    assert total >= 3
    assert window.change_counter.text() == f"{total} changes"
    window.next_change_action.trigger()
    assert window.change_counter.text() == f"Change 1 of {total}"
    window.next_change_action.trigger()
    assert window.change_counter.text() == f"Change 2 of {total}"
    window.previous_change_action.trigger()
    assert window.change_counter.text() == f"Change 1 of {total}"


def test_the_current_find_match_looks_unlike_the_others(
    qtbot: QtBot, window: MainWindow, long_pair: tuple[Path, Path]
) -> None:
    compared(qtbot, window, lambda: window.open_paths(*long_pair))
    window.find_action.trigger()
    qtbot.keyClicks(window.find_bar.field, "committee kept")
    view = window.view
    current = view.matches[view.current_match]
    # The other side of the same row matches too: both are painted, in different colours.
    colours = {
        (side, item.start): item.format.background().color().name()
        for side in (Side.ORIGINAL, Side.DERIVATIVE)
        for item in pane_painting.find_formats(view, current.row, side)  # the formats the row is painted with
    }
    assert len(colours) == 2
    assert colours[current.side, current.start] == view.palette().highlight().color().name()
    assert len(set(colours.values())) == 2
    assert window.find_bar.count_label.text() == f"{view.current_match + 1} of {view.find_match_count}"


def test_while_comparing_the_window_says_so(
    qtbot: QtBot, window: MainWindow, short_pair: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    started, release = threading.Event(), threading.Event()
    real_compare = worker.compare

    def compare_when_released(*args: object, **kwargs: object) -> Comparison:
        started.set()
        release.wait(20)
        return real_compare(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(worker, "compare", compare_when_released)
    window.open_paths(*short_pair)
    qtbot.waitUntil(started.is_set, timeout=COMPARE_TIMEOUT_MS)
    qtbot.waitUntil(lambda: window.view.document(Side.ORIGINAL) is not None, timeout=COMPARE_TIMEOUT_MS)
    assert window.summary_label.text() == "Comparing a.txt with b.txt…"
    assert window.view.pending_note == "Comparing with b.txt…"  # what the empty derivative pane paints
    with qtbot.waitSignal(window.comparison_finished, timeout=COMPARE_TIMEOUT_MS):
        release.set()
    assert window.summary_label.text().startswith("Similarity")
    assert window.view.pending_note is None


def test_the_comparison_shown_before_is_freed_off_the_window_thread_and_nothing_keeps_it(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    # Dropped at once on the window's thread, a book's comparison stalled it 50-90 ms: its blocks
    # and rows go to a release (gui/release.py), which frees them once the window keeps nothing
    # of them (anything still holding them, both views' rows sharing one tuple for instance,
    # would keep them a minute).
    first = compared(qtbot, window, lambda: window.open_paths(*demo_paths()))
    assert isinstance(first, Comparison)
    block = first.blocks[0]
    del first
    original = write(tmp_path / "a.txt", "The council met on Monday.", "The ferry sails twice a day.")
    derivative = write(tmp_path / "b.txt", "On Monday the council met.", "Twice a day, the ferry sails.")
    compared(qtbot, window, lambda: window.open_paths(original, derivative))
    # `block` here and getrefcount's argument: nothing else.
    qtbot.waitUntil(lambda: sys.getrefcount(block) == 2, timeout=5000)


def test_a_job_outliving_the_application_ends_quietly(qtbot: QtBot) -> None:
    # Quitting while a comparison runs deletes the job's signals object under it; the job must end
    # without an error (Qt printed "Signal source has been deleted" from its thread at exit).
    from shiboken6 import Shiboken

    from tests.conftest import SAMPLES

    qtbot.waitUntil(lambda: worker.UNFINISHED.count == 0)
    job = worker.CompareJob(
        worker.CompareRequest(0, SAMPLES / "original.txt", SAMPLES / "spun-copy.txt", CompareOptions(), 1 << 30)
    )
    Shiboken.delete(job.signals)
    job.run()
    assert worker.UNFINISHED.count == 0
