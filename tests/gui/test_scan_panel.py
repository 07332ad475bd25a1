"""File ▸ Find Derivatives…: a folder searched in the background, the panel of what it found, and
opening what it found as derivative tabs."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from diffviewer.gui import translations
from diffviewer.gui.main_window import MainWindow
from diffviewer.gui.scan_panel import Column, header_text, phase_text, quotations_text
from diffviewer.gui.scan_view import ScanView
from diffviewer.gui.scan_worker import ResponsiveRunner, scan_index_directory
from diffviewer.scan.index import INDEX_FILE
from diffviewer.scan.model import QuoteCounts
from diffviewer.scan.search import Phase, Progress, ScanCancelled
from tests.gui.conftest import COMPARE_TIMEOUT_MS, compared

pytestmark = pytest.mark.gui

ORIGINAL_PARAGRAPHS = (
    "The river authority published its flood defence plan on Tuesday, promising new embankments along "
    "the northern bank before the autumn storms return to the valley.",
    "Engineers measured the water table at forty stations last winter and found that the old clay walls "
    "near the mill had sunk by almost half a metre since they were built.",
    "The plan costs eighteen million pounds, most of it paid by the national treasury, while the county "
    "council will cover the pumping stations and the wardens who watch them at night.",
    "Residents of the lower town asked why the work would take three years; the chief engineer answered "
    "that the meadows must dry between phases or the new banks would slide.",
    "Farmers downstream worry that faster water will scour their fields, and the authority agreed to study "
    "the channel again once the first embankment is finished next spring.",
)
RIVERS = ("Avon", "Severn", "Trent", "Ouse", "Wye", "Tees", "Tyne", "Exe", "Dee", "Mersey", "Derwent", "Eden")
# The unrelated documents share the original's subject and, a few words each, its vocabulary: so
# the candidate search brings them up beside the derivatives, and what they share with the
# original is the decision's measure of chance (with fewer than 8 candidates it has none).
_WORDS = sorted({w.strip(".,;").lower() for p in ORIGINAL_PARAGRAPHS for w in p.split() if len(w.strip(".,;")) > 4})
_WHO = ("the mayor", "local traders", "a planning committee", "the regional minister", "an auditor", "parents")
_VERBS = ("approved", "delayed", "questioned", "funded", "redesigned", "opposed", "inspected")
_WHAT = ("the flood budget", "the embankment timetable", "the pumping contract", "the design of the new banks")
_HOW = ("after a long debate", "without much comment", "to general surprise", "at a crowded public meeting")


def unrelated(river: str, seed: int) -> list[str]:
    rng = random.Random(seed)
    paragraphs = []
    for _ in range(5):
        sentences = [
            f"{rng.choice(_WHO).capitalize()} {rng.choice(_VERBS)} {rng.choice(_WHAT)} on the {river} "
            f"{rng.choice(_HOW)}, said a spokesperson for the {river} river authority."
            for _ in range(2)
        ]
        sentences.append(
            f"The engineers along the {river} valley now expect the storms to cost {rng.randint(2, 90)} million "
            f"pounds and the meadows to stay wet for {rng.randint(2, 30)} months."
        )
        also = rng.sample(_WORDS, 6)
        sentences.append(f"Residents asked about {', '.join(also[:-1])} and {also[-1]} as well.")
        paragraphs.append(" ".join(sentences))
    return paragraphs


def light_edit(paragraph: str) -> str:
    for before, after in (
        ("published", "released"),
        ("promising", "pledging"),
        ("found", "discovered"),
        ("most of it", "largely"),
        ("asked", "wanted to know"),
        ("worry", "fear"),
        ("agreed", "promised"),
    ):
        paragraph = paragraph.replace(before, after)
    return paragraph


def write(path: Path, paragraphs: list[str] | tuple[str, ...]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path


class Collection:
    """An original, and a folder holding a copy, a light edit, an excerpt inside other text,
    twelve documents on the same subject that do not derive, and a file that cannot be read."""

    def __init__(self, root: Path) -> None:
        self.original = write(root / "report.txt", ORIGINAL_PARAGRAPHS)
        self.folder = root / "collection"
        self.copy = write(self.folder / "syndicated" / "copy.txt", ORIGINAL_PARAGRAPHS)
        self.edited = write(self.folder / "syndicated" / "edited.txt", [light_edit(p) for p in ORIGINAL_PARAGRAPHS])
        other = unrelated("Wear", 99)
        quoting = (
            'Asked about the delay, the chief engineer told us that "the meadows must dry between phases or the '
            'new banks would slide." "We will be finished long before that," one of the wardens added.'
        )
        self.excerpt = write(self.folder / "blog" / "digest.txt", [*other[:3], ORIGINAL_PARAGRAPHS[1], quoting])
        self.unrelated = [write(self.folder / "news" / f"{r}.txt", unrelated(r, n)) for n, r in enumerate(RIVERS)]
        self.broken = self.folder / "broken.docx"
        self.broken.write_bytes(b"this is not a zip archive")

    @property
    def derived(self) -> list[Path]:
        return [self.copy, self.edited, self.excerpt]

    def files(self) -> dict[Path, bytes]:
        return {p: p.read_bytes() if p.is_file() else b"" for p in sorted(self.folder.rglob("*"))}


@pytest.fixture
def collection(tmp_path: Path) -> Collection:
    return Collection(tmp_path / "files")


@pytest.fixture
def scanning(window: MainWindow, tmp_path: Path) -> MainWindow:
    """The window, its folder indexes kept in the test's own cache folder."""
    window.scan.cache_root = tmp_path / "cache"
    return window


@pytest.fixture
def folder_dialog(monkeypatch: pytest.MonkeyPatch, collection: Collection) -> list[str]:
    """Find Derivatives…'s folder dialog answers the collection; returns the dialogs' titles."""
    titles: list[str] = []

    def choose(parent: object, title: str, directory: str) -> str:
        titles.append(title)
        return str(collection.folder)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(choose))
    return titles


def search(qtbot: QtBot, window: MainWindow, start: object) -> ScanView:
    with qtbot.waitSignal(window.scan.search.finished, timeout=COMPARE_TIMEOUT_MS) as blocker:
        start()  # type: ignore[operator]
    view = blocker.args[0]
    assert isinstance(view, ScanView)
    return view


def with_original(qtbot: QtBot, window: MainWindow, collection: Collection) -> None:
    compared(qtbot, window, lambda: window.open_paths(collection.original))


def test_find_derivatives_lists_what_derives_best_first_and_nothing_unrelated(
    qtbot: QtBot, scanning: MainWindow, collection: Collection, folder_dialog: list[str], tmp_path: Path
) -> None:
    window = scanning
    with_original(qtbot, window, collection)
    before = collection.files()
    view = search(qtbot, window, window.find_derivatives_action.trigger)
    assert folder_dialog == ["Find Derivatives in Folder"]
    panel = window.scan_panel
    assert window.scan_dock.isVisible()
    assert set(panel.row_paths()) == set(collection.derived)
    assert panel.row_paths()[0] == collection.copy  # the whole copy first
    assert not set(panel.row_paths()) & set(collection.unrelated)
    assert panel.header.text() == "3 derivatives of report.txt among 15 documents (1 file skipped)"
    first = panel.table.topLevelItem(0)
    assert first is not None
    assert first.text(Column.DOCUMENT) == "syndicated/copy.txt"
    assert first.text(Column.KIND) == "copy"
    assert first.text(Column.OF_ORIGINAL) == "100%" and first.text(Column.FROM_ORIGINAL) == "100%"
    excerpt = next(r for r in view.derivatives if r.path == collection.excerpt)
    assert excerpt.finding.share_of_original < 0.5  # a passage of the original, not most of it
    assert "verbatim" in quotations_text(excerpt.finding.quotes)
    # Nothing was written into the user's folder: the index lives in the cache.
    assert collection.files() == before
    assert (scan_index_directory(collection.folder, tmp_path / "cache") / INDEX_FILE).is_file()  # type: ignore[operator]
    assert window.settings.last_scan_folder == str(collection.folder)


def test_the_documents_judged_not_to_derive_are_shown_greyed_on_request(
    qtbot: QtBot, scanning: MainWindow, collection: Collection
) -> None:
    view = search(qtbot, scanning, lambda: scanning.scan.start(collection.original, collection.folder))
    panel = scanning.scan_panel
    assert view.others and panel.show_others.isVisible()
    assert panel.show_others.text() == f"Show the {len(view.others)} other documents compared"
    panel.show_others.setChecked(True)
    assert panel.row_paths() == [r.path for r in view.derivatives + view.others]
    grey = panel.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    last = panel.table.topLevelItem(panel.table.topLevelItemCount() - 1)
    assert last is not None and last.foreground(0).color() == grey
    assert last.text(Column.KIND) == "does not derive"
    panel.show_others.setChecked(False)
    assert len(panel.row_paths()) == len(view.derivatives)


def test_a_file_that_cannot_be_read_is_listed_as_skipped_with_its_reason(
    qtbot: QtBot, scanning: MainWindow, collection: Collection
) -> None:
    view = search(qtbot, scanning, lambda: scanning.scan.start(collection.original, collection.folder))
    panel = scanning.scan_panel
    assert [s.path for s in view.skipped] == [collection.broken]
    assert panel.skipped_toggle.isVisible() and panel.skipped_toggle.text() == "1 file skipped"
    assert not panel.skipped.isVisible()
    panel.skipped_toggle.click()
    assert panel.skipped.isVisible()
    item = panel.skipped.topLevelItem(0)
    assert item is not None and item.text(0) == "broken.docx"
    assert "zip" in item.text(1) and "\n" not in item.text(1)


def test_double_click_opens_that_comparison_as_a_derivative_tab(
    qtbot: QtBot, scanning: MainWindow, collection: Collection
) -> None:
    window = scanning
    with_original(qtbot, window, collection)
    search(qtbot, window, lambda: window.scan.start(collection.original, collection.folder))
    table = window.scan_panel.table
    row = window.scan_panel.row_paths().index(collection.edited)
    item = table.topLevelItem(row)
    assert item is not None
    where = table.visualItemRect(item).center()
    with qtbot.waitSignal(window.comparison_finished, timeout=COMPARE_TIMEOUT_MS) as blocker:
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)  # a double click's first
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    comparison = blocker.args[0]
    assert comparison is not None and Path(comparison.derivative.path) == collection.edited
    assert Path(comparison.original.path) == collection.original
    assert window.tabs.tabText(window.current_index).split()[1] == "edited.txt"
    # Opening it again shows the same tab, not a second one.
    window.scan_panel.open_requested.emit(collection.edited)
    assert len(window.session.entries) == 1


def test_add_as_derivatives_adds_the_selected_ones_as_tabs_beside_each_other(
    qtbot: QtBot, scanning: MainWindow, collection: Collection
) -> None:
    window = scanning
    with_original(qtbot, window, collection)
    search(qtbot, window, lambda: window.scan.start(collection.original, collection.folder))
    panel = window.scan_panel
    for n in range(panel.table.topLevelItemCount()):
        item = panel.table.topLevelItem(n)
        assert item is not None
        item.setSelected(n != 0)  # all but the copy
    assert panel.selected_paths() == panel.row_paths()[1:]
    panel.add_button.click()
    qtbot.waitUntil(lambda: not window.is_busy, timeout=COMPARE_TIMEOUT_MS)
    assert [e.path for e in window.session.entries] == panel.row_paths()[1:]
    assert window.tabs.count() == 2 and window.heat_map.column_count == 2
    # With nothing selected, the button adds every derivative (those open already are kept once).
    panel.table.clearSelection()
    panel.add_button.click()
    qtbot.waitUntil(lambda: not window.is_busy, timeout=COMPARE_TIMEOUT_MS)
    assert sorted(e.path for e in window.session.entries) == sorted(collection.derived)
    assert window.heat_map.column_count == 3


def test_cancel_stops_the_search_and_leaves_the_window_as_it_was(
    qtbot: QtBot, scanning: MainWindow, collection: Collection
) -> None:
    window = scanning
    assert not window.scan_dock.isVisible()
    with qtbot.waitSignal(window.scan.search.cancelled, timeout=COMPARE_TIMEOUT_MS):
        window.scan.start(collection.original, collection.folder)
        assert window.scan_panel.is_searching and window.scan_dock.isVisible()
        window.scan_panel.cancel_button.click()
    assert not window.scan_panel.is_searching
    assert not window.scan_dock.isVisible()  # hidden before the search, hidden again
    assert not window.message_bar.isVisible()
    # Results shown before a cancelled search stay.
    view = search(qtbot, window, lambda: window.scan.start(collection.original, collection.folder))
    with qtbot.waitSignal(window.scan.search.cancelled, timeout=COMPARE_TIMEOUT_MS):
        window.scan.start(collection.original, collection.folder)
        window.scan.cancel()
    assert window.scan_panel.view is view and window.scan_dock.isVisible()
    assert window.scan_panel.header.text().startswith("3 derivatives of report.txt")


def test_searching_the_same_folder_again_reads_only_what_changed(
    qtbot: QtBot, scanning: MainWindow, collection: Collection
) -> None:
    window = scanning
    first = search(qtbot, window, lambda: window.scan.start(collection.original, collection.folder))
    assert first.index.added == 16 and first.index.unchanged == 0  # 15 documents and the skipped file
    write(collection.folder / "news" / "Avon.txt", unrelated("Avon", 40))  # changed
    (collection.folder / "news" / "Dee.txt").unlink()
    again = search(qtbot, window, lambda: window.scan.start(collection.original, collection.folder))
    assert (again.index.added, again.index.removed, again.index.unchanged) == (1, 1, 14)
    assert [r.path for r in again.derivatives] == [r.path for r in first.derivatives]


def test_a_search_started_over_another_replaces_it(qtbot: QtBot, scanning: MainWindow, collection: Collection) -> None:
    window = scanning
    reports: list[ScanView] = []
    window.scan.search.finished.connect(reports.append)
    window.scan.start(collection.original, collection.folder / "news")
    view = search(qtbot, window, lambda: window.scan.start(collection.original, collection.folder))
    qtbot.wait(200)
    assert reports == [view] and view.folder == collection.folder


def test_with_no_original_the_command_asks_for_it_first(
    qtbot: QtBot,
    scanning: MainWindow,
    collection: Collection,
    folder_dialog: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []

    def open_file(parent: object, title: str, directory: str, filters: str) -> tuple[str, str]:
        asked.append(title)
        return str(collection.original), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(open_file))
    assert scanning.find_derivatives_action.isEnabled()
    view = search(qtbot, scanning, scanning.find_derivatives_action.trigger)
    assert asked == ["Open Original"] and folder_dialog == ["Find Derivatives in Folder"]
    assert scanning.session.original == collection.original and view.original == collection.original


def test_asking_for_no_folder_changes_nothing(
    qtbot: QtBot, scanning: MainWindow, collection: Collection, monkeypatch: pytest.MonkeyPatch
) -> None:
    with_original(qtbot, scanning, collection)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *args: ""))
    scanning.find_derivatives_action.trigger()
    assert not scanning.scan.search.is_running and not scanning.scan_dock.isVisible()


def test_an_unreadable_original_is_one_line_in_the_message_bar(
    qtbot: QtBot, scanning: MainWindow, collection: Collection
) -> None:
    missing = collection.folder / "gone.txt"
    with qtbot.waitSignal(scanning.scan.search.failed, timeout=COMPARE_TIMEOUT_MS):
        scanning.scan.start(missing, collection.folder)
    text = scanning.message_bar.text
    assert scanning.message_bar.isVisible() and text.startswith("Cannot search for derivatives:")
    assert "gone.txt" in text and "\n" not in text
    assert not scanning.scan_panel.is_searching and not scanning.scan_dock.isVisible()


def test_a_chosen_index_that_is_not_ours_is_one_line_in_the_message_bar(
    qtbot: QtBot, scanning: MainWindow, collection: Collection, tmp_path: Path
) -> None:
    chosen = tmp_path / "an-index-folder"
    chosen.mkdir()
    (chosen / INDEX_FILE).write_bytes(b"not an index at all, " * 100)
    with qtbot.waitSignal(scanning.scan.search.failed, timeout=COMPARE_TIMEOUT_MS) as blocker:
        scanning.scan.start(collection.original, chosen)
    assert INDEX_FILE in blocker.args[0]
    assert scanning.message_bar.isVisible() and "\n" not in scanning.message_bar.text
    assert (chosen / INDEX_FILE).read_bytes() == b"not an index at all, " * 100  # left as it was


def test_the_index_folder_is_one_per_folder_in_the_cache(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    one, other = scan_index_directory(tmp_path / "a", cache), scan_index_directory(tmp_path / "b", cache)
    assert one is not None and other is not None and one != other
    assert one.parent == cache / "scan-indexes"
    assert scan_index_directory(tmp_path / "a" / ".." / "a", cache) == one


def test_the_runner_stops_between_chunks_and_counts_them() -> None:
    done: list[int] = []
    stop = False
    runner = ResponsiveRunner(lambda: stop, done.append)
    results = runner.map(lambda shared, chunk: shared + sum(chunk), [(1, 2), (3,), (4, 5, 6)], 10)
    assert next(results) == 13 and done == [2]
    stop = True
    with pytest.raises(ScanCancelled):
        next(results)


@pytest.fixture
def english_numbers() -> Iterator[None]:
    default = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(default)


def test_progress_and_quotations_in_words(english_numbers: None) -> None:
    assert phase_text(Progress(Phase.READING, 1200, 6500)) == "Reading files 1,200 of 6,500"
    assert phase_text(Progress(Phase.COMPARING, 12, 50)) == "Comparing 12 of 50"
    assert quotations_text(QuoteCounts(2, 0, 1)) == "2 verbatim, 1 no source"
    assert quotations_text(QuoteCounts()) == "—"


@pytest.fixture
def german() -> Iterator[None]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    locale = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    installed = translations.install(app, locale)
    default = QLocale()
    QLocale.setDefault(locale)
    yield
    QLocale.setDefault(default)
    for translator in installed:
        app.removeTranslator(translator)


def test_a_german_user_reads_the_search_in_german(
    qtbot: QtBot, scanning: MainWindow, collection: Collection, german: None
) -> None:
    view = search(qtbot, scanning, lambda: scanning.scan.start(collection.original, collection.folder))
    assert header_text(view) == "3 Ableitungen von report.txt unter 15 Dokumenten (1 Datei übersprungen)"
    assert phase_text(Progress(Phase.READING, 1200, 6500)) == "Dateien werden gelesen: 1.200 von 6.500"


def test_a_document_closer_to_another_says_which(qtbot: QtBot, tmp_path: Path) -> None:
    from diffviewer.gui.scan_panel import Column, ScanPanel
    from diffviewer.gui.scan_view import ScanView
    from diffviewer.scan.model import Derivation, Finding, IndexSummary, ScanResult

    def finding(name: str, derives: bool, closer_to: str | None = None) -> Finding:
        return Finding(
            str(tmp_path / name), derives, Derivation.COPY if derives else None, 0.9 if derives else 0.4,
            0.9 if derives else 0.4, 0.9, 0.0, 20.0 if derives else 4.0, 5, closer_to=closer_to,
        )

    result = ScanResult(
        str(tmp_path / "original.txt"),
        (finding("copy.txt", True), finding("retold.txt", False, str(tmp_path / "source.txt"))),
        (),
        IndexSummary(3, 30, 3, 0, 0, None),
    )
    panel = ScanPanel()
    qtbot.addWidget(panel)
    panel.show_view(ScanView.of(result, tmp_path))
    panel.show_others.setChecked(True)
    retold = next(item for item in panel._items() if item.text(Column.DOCUMENT) == "retold.txt")
    assert retold.text(Column.KIND) == "derives from another"
    assert retold.toolTip(Column.KIND) == "Shares text with the original, but is far closer to source.txt"


def test_an_index_folder_is_searched_in_place_over_its_collection(
    qtbot: QtBot, scanning: MainWindow, collection: Collection, tmp_path: Path
) -> None:
    from diffviewer.cli import main

    index = tmp_path / "built-by-the-command-line"
    assert main(["scan", str(collection.original), str(collection.folder), "--index", str(index), "--quiet"]) == 0
    window = scanning
    found = search(qtbot, window, lambda: window.scan.start(collection.original, index))
    assert found.index.added == 0 and found.index.unchanged == 16  # nothing read again
    assert found.folder == collection.folder  # named from the collection's own folder
    assert {r.path for r in found.derivatives} == set(collection.derived)
    cache = window.scan.cache_root
    assert cache is None or not any(cache.rglob("*.sqlite"))  # the chosen index, no copy of it


def test_the_windows_own_index_of_another_kind_is_made_again_not_reported(
    qtbot: QtBot, scanning: MainWindow, collection: Collection
) -> None:
    from diffviewer.gui.scan_worker import scan_index_directory
    from diffviewer.scan.index import INDEX_FILE

    window = scanning
    stale = scan_index_directory(collection.folder, window.scan.cache_root)
    assert stale is not None
    stale.mkdir(parents=True)
    (stale / INDEX_FILE).write_bytes(b"an index an older version wrote" * 100)
    found = search(qtbot, window, lambda: window.scan.start(collection.original, collection.folder))
    assert {r.path for r in found.derivatives} == set(collection.derived)
    assert found.index.added == 16
