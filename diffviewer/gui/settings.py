"""The one typed wrapper over QSettings: every persisted choice is a property here."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from diffviewer.core.model import DEFAULT_MAX_PARAGRAPHS, CompareOptions, Granularity
from diffviewer.formats import MarkupView
from diffviewer.gui.view_mode import ViewMode

MAX_RECENT = 10
DEFAULT_FONT_SIZE = 11
MIN_FONT_SIZE, MAX_FONT_SIZE = 6, 40
DEFAULT_MAX_FILE_MEGABYTES, MAX_FILE_MEGABYTES = 100, 100_000
MAX_PARAGRAPHS = 100_000_000


def _as_bool(value: object, default: bool) -> bool:
    # QSettings' INI backend hands booleans back as the strings "true"/"false".
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return value.lower() in {"true", "1", "yes"}
    return default


class Settings:
    """Typed access to the user's choices; pass a QSettings to keep tests away from real ones."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store if store is not None else QSettings()

    def _bool(self, key: str, default: bool) -> bool:
        return _as_bool(self._store.value(key, default), default)

    # comparison options --------------------------------------------------------------------
    @property
    def ignore_case(self) -> bool:
        return self._bool("compare/ignore_case", False)

    @ignore_case.setter
    def ignore_case(self, value: bool) -> None:
        self._store.setValue("compare/ignore_case", value)

    @property
    def ignore_punctuation(self) -> bool:
        return self._bool("compare/ignore_punctuation", False)

    @ignore_punctuation.setter
    def ignore_punctuation(self, value: bool) -> None:
        self._store.setValue("compare/ignore_punctuation", value)

    @property
    def show_typography(self) -> bool:
        return self._bool("compare/show_typography", False)

    @show_typography.setter
    def show_typography(self, value: bool) -> None:
        self._store.setValue("compare/show_typography", value)

    @property
    def ignore_whitespace(self) -> bool:
        return self._bool("compare/ignore_whitespace", False)

    @ignore_whitespace.setter
    def ignore_whitespace(self, value: bool) -> None:
        self._store.setValue("compare/ignore_whitespace", value)

    @property
    def granularity(self) -> Granularity:
        value = str(self._store.value("compare/granularity", Granularity.WORD.value))
        return Granularity(value) if value in Granularity._value2member_map_ else Granularity.WORD

    @granularity.setter
    def granularity(self, value: Granularity) -> None:
        self._store.setValue("compare/granularity", value.value)

    def _int(self, key: str, default: int, low: int, high: int) -> int:
        try:
            value = int(str(self._store.value(key, default)))
        except ValueError:
            value = default
        return max(low, min(high, value))

    @property
    def max_file_megabytes(self) -> int:
        """Files larger than this are refused unless the user goes on anyway."""
        return self._int("limits/max_file_megabytes", DEFAULT_MAX_FILE_MEGABYTES, 1, MAX_FILE_MEGABYTES)

    @max_file_megabytes.setter
    def max_file_megabytes(self, value: int) -> None:
        self._store.setValue("limits/max_file_megabytes", max(1, min(MAX_FILE_MEGABYTES, value)))

    @property
    def max_paragraphs(self) -> int:
        return self._int("limits/max_paragraphs", DEFAULT_MAX_PARAGRAPHS, 1, MAX_PARAGRAPHS)

    @max_paragraphs.setter
    def max_paragraphs(self, value: int) -> None:
        self._store.setValue("limits/max_paragraphs", max(1, min(MAX_PARAGRAPHS, value)))

    def max_bytes(self) -> int:
        return self.max_file_megabytes * 1_000_000

    def compare_options(self) -> CompareOptions:
        return CompareOptions(
            ignore_case=self.ignore_case,
            ignore_punctuation=self.ignore_punctuation,
            ignore_whitespace=self.ignore_whitespace,
            show_typography=self.show_typography,
            granularity=self.granularity,
            max_paragraphs=self.max_paragraphs,
        )

    # view ----------------------------------------------------------------------------------
    @property
    def font_size(self) -> int:
        try:
            size = int(str(self._store.value("view/font_size", DEFAULT_FONT_SIZE)))
        except ValueError:
            size = DEFAULT_FONT_SIZE
        return max(MIN_FONT_SIZE, min(MAX_FONT_SIZE, size))

    @font_size.setter
    def font_size(self, value: int) -> None:
        self._store.setValue("view/font_size", max(MIN_FONT_SIZE, min(MAX_FONT_SIZE, value)))

    @property
    def wrap(self) -> bool:
        return self._bool("view/wrap", True)

    @wrap.setter
    def wrap(self, value: bool) -> None:
        self._store.setValue("view/wrap", value)

    @property
    def markup_view(self) -> MarkupView:
        """Markdown and reStructuredText as prose (markup removed) or as source with colours."""
        value = str(self._store.value("view/markup", MarkupView.TEXT.value))
        return MarkupView(value) if value in MarkupView._value2member_map_ else MarkupView.TEXT

    @markup_view.setter
    def markup_view(self, value: MarkupView) -> None:
        self._store.setValue("view/markup", value.value)

    @property
    def view_mode(self) -> ViewMode:
        value = str(self._store.value("view/mode", ViewMode.SIDE_BY_SIDE.value))
        return ViewMode(value) if value in ViewMode._value2member_map_ else ViewMode.SIDE_BY_SIDE

    @view_mode.setter
    def view_mode(self, value: ViewMode) -> None:
        self._store.setValue("view/mode", value.value)

    # window --------------------------------------------------------------------------------
    @property
    def geometry(self) -> QByteArray | None:
        value = self._store.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._store.setValue("window/geometry", value)

    @property
    def window_state(self) -> QByteArray | None:
        value = self._store.value("window/state")
        return value if isinstance(value, QByteArray) else None

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._store.setValue("window/state", value)

    @property
    def last_directory(self) -> str:
        return str(self._store.value("window/last_directory", str(Path.home())))

    @last_directory.setter
    def last_directory(self, value: str) -> None:
        self._store.setValue("window/last_directory", value)

    @property
    def last_scan_folder(self) -> str:
        """The folder Find Derivatives… searched last ("" before the first search)."""
        return str(self._store.value("scan/last_folder", ""))

    @last_scan_folder.setter
    def last_scan_folder(self, value: str) -> None:
        self._store.setValue("scan/last_folder", value)

    # recent comparisons --------------------------------------------------------------------
    @property
    def recent_sets(self) -> list[tuple[str, ...]]:
        """Most recent first: the original's path, then each derivative's."""
        raw = self._store.value("recent/sets", [])
        # INI files hand back a lone string for a one-item list.
        items: list[object] = [raw] if isinstance(raw, str) else list(raw) if isinstance(raw, list | tuple) else []
        sets: list[tuple[str, ...]] = []
        for item in items:
            paths = tuple(p for p in str(item).split("\n") if p)
            if len(paths) >= 2:
                sets.append(paths)
        return sets[:MAX_RECENT]

    def add_recent_set(self, paths: list[str]) -> None:
        chosen = tuple(paths)
        sets = [s for s in self.recent_sets if s != chosen and s[:2] != chosen[:2]]
        sets.insert(0, chosen)
        self._store.setValue("recent/sets", ["\n".join(s) for s in sets[:MAX_RECENT]])

    def clear_recent_sets(self) -> None:
        self._store.remove("recent/sets")

    def sync(self) -> None:
        self._store.sync()
