"""The window's commands, declared in one table, and the menus that list them.

Each row names the window attribute that holds the action, its text and tip (marked for
pyside6-lupdate in the MainWindow context), the window method it triggers, its shortcuts and
icon. `build_actions` makes them; `build_menus` lays the menus out from MENUS.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QStyle, QWidget

# Marks a text for pyside6-lupdate and returns it as it is (typed: PySide6 declares it object).
QT_TRANSLATE_NOOP = cast(Callable[[str, str], str], QtCore.QT_TRANSLATE_NOOP)
_Key = QKeySequence.StandardKey
_Icon = QStyle.StandardPixmap


@dataclass(frozen=True, slots=True)
class ActionSpec:
    name: str  # the window's attribute: "open_original_action"
    text: str
    slot: str  # the window's method it triggers ("files.on_swap": a method of one of its parts)
    shortcuts: tuple[str | QKeySequence.StandardKey, ...] = ()
    tip: str = ""
    icon: QStyle.StandardPixmap | None = None
    checkable: bool = False


def _spec(name: str, text: str, slot: str, *shortcuts: str | QKeySequence.StandardKey, **rest: object) -> ActionSpec:
    return ActionSpec(name, text, slot, shortcuts, **rest)  # type: ignore[arg-type]


ACTIONS: tuple[ActionSpec, ...] = (
    # File
    _spec(
        "open_original_action",
        QT_TRANSLATE_NOOP("MainWindow", "Open &Original…"),
        "files.on_open_original",
        _Key.Open,
        tip=QT_TRANSLATE_NOOP("MainWindow", "Choose the original document"),
        icon=_Icon.SP_DialogOpenButton,
    ),
    _spec(
        "open_derivative_action",
        QT_TRANSLATE_NOOP("MainWindow", "Open &Derivative…"),
        "files.on_open_derivative",
        "Ctrl+Shift+O",
        tip=QT_TRANSLATE_NOOP("MainWindow", "Choose the derivative document"),
        icon=_Icon.SP_FileDialogStart,
    ),
    _spec(
        "swap_action",
        QT_TRANSLATE_NOOP("MainWindow", "&Swap Sides"),
        "files.on_swap",
        "Ctrl+Shift+S",
        tip=QT_TRANSLATE_NOOP("MainWindow", "Make the derivative the original and back"),
        icon=_Icon.SP_BrowserReload,
    ),
    _spec(
        "reload_action",
        QT_TRANSLATE_NOOP("MainWindow", "&Reload"),
        "files.on_reload",
        _Key.Refresh,
        "Ctrl+R",
        tip=QT_TRANSLATE_NOOP("MainWindow", "Read both files again"),
        icon=_Icon.SP_BrowserReload,
    ),
    _spec("cancel_action", QT_TRANSLATE_NOOP("MainWindow", "&Cancel Comparison"), "cancel_comparison", "Esc"),
    _spec(
        "add_derivatives_action",
        QT_TRANSLATE_NOOP("MainWindow", "&Add Derivatives…"),
        "files.on_add_derivatives",
        "Ctrl+Shift+A",
        tip=QT_TRANSLATE_NOOP("MainWindow", "Compare more documents with the original"),
    ),
    _spec(
        "find_derivatives_action",
        QT_TRANSLATE_NOOP("MainWindow", "F&ind Derivatives…"),
        "scan.on_find_derivatives",
        "Ctrl+Shift+F",
        tip=QT_TRANSLATE_NOOP("MainWindow", "Search a folder for documents derived from the original"),
        icon=_Icon.SP_FileDialogContentsView,
    ),
    _spec(
        "remove_derivative_action",
        QT_TRANSLATE_NOOP("MainWindow", "Re&move Derivative"),
        "on_remove_derivative",
        _Key.Close,
        tip=QT_TRANSLATE_NOOP("MainWindow", "Stop comparing the shown derivative"),
    ),
    _spec(
        "sort_action",
        QT_TRANSLATE_NOOP("MainWindow", "&Sort Derivatives by Similarity"),
        "sort_derivatives_by_similarity",
        tip=QT_TRANSLATE_NOOP("MainWindow", "Most similar first"),
    ),
    _spec(
        "next_derivative_action",
        QT_TRANSLATE_NOOP("MainWindow", "Ne&xt Derivative"),
        "on_next_derivative",
        "Ctrl+PgDown",
    ),
    _spec(
        "previous_derivative_action",
        QT_TRANSLATE_NOOP("MainWindow", "Pre&vious Derivative"),
        "on_previous_derivative",
        "Ctrl+PgUp",
    ),
    _spec(
        "export_action",
        QT_TRANSLATE_NOOP("MainWindow", "&Export…"),
        "export.on_export",
        "Ctrl+E",
        tip=QT_TRANSLATE_NOOP("MainWindow", "Save the comparison as HTML, PDF, JSON or text"),
    ),
    _spec("print_action", QT_TRANSLATE_NOOP("MainWindow", "&Print…"), "export.on_print", _Key.Print),
    _spec("quit_action", QT_TRANSLATE_NOOP("MainWindow", "&Quit"), "close", _Key.Quit, "Ctrl+Q"),
    # Edit
    _spec(
        "copy_action",
        QT_TRANSLATE_NOOP("MainWindow", "&Copy Block"),
        "view.copy_current_block",
        _Key.Copy,
        tip=QT_TRANSLATE_NOOP("MainWindow", "Copy the selected block's text"),
    ),
    _spec("find_action", QT_TRANSLATE_NOOP("MainWindow", "&Find…"), "find_bar.open_bar", _Key.Find),
    _spec("find_next_action", QT_TRANSLATE_NOOP("MainWindow", "Find &Next"), "find_bar.find_next", _Key.FindNext),
    _spec(
        "find_previous_action",
        QT_TRANSLATE_NOOP("MainWindow", "Find Pre&vious"),
        "find_bar.find_previous",
        _Key.FindPrevious,
    ),
    # Go
    _spec(
        "next_change_action",
        QT_TRANSLATE_NOOP("MainWindow", "&Next Change"),
        "navigation.on_next_change",
        "Alt+Down",
        "F7",
        tip=QT_TRANSLATE_NOOP("MainWindow", "Go to the next change"),
        icon=_Icon.SP_ArrowDown,
    ),
    _spec(
        "previous_change_action",
        QT_TRANSLATE_NOOP("MainWindow", "&Previous Change"),
        "navigation.on_previous_change",
        "Alt+Up",
        "Shift+F7",
        tip=QT_TRANSLATE_NOOP("MainWindow", "Go to the previous change"),
        icon=_Icon.SP_ArrowUp,
    ),
    _spec(
        "next_moved_action",
        QT_TRANSLATE_NOOP("MainWindow", "Next &Moved Paragraph"),
        "navigation.on_next_moved",
        "Ctrl+Alt+Down",
        tip=QT_TRANSLATE_NOOP("MainWindow", "Go to the next moved paragraph"),
    ),
    _spec(
        "previous_moved_action",
        QT_TRANSLATE_NOOP("MainWindow", "Previous Mo&ved Paragraph"),
        "navigation.on_previous_moved",
        "Ctrl+Alt+Up",
        tip=QT_TRANSLATE_NOOP("MainWindow", "Go to the previous moved paragraph"),
    ),
    # View
    _spec(
        "side_by_side_action",
        QT_TRANSLATE_NOOP("MainWindow", "&Side by Side"),
        "options.on_view_mode_chosen",
        "Ctrl+1",
        checkable=True,
    ),
    _spec(
        "inline_action",
        QT_TRANSLATE_NOOP("MainWindow", "&Inline"),
        "options.on_view_mode_chosen",
        "Ctrl+2",
        checkable=True,
    ),
    _spec(
        "ignore_case_action",
        QT_TRANSLATE_NOOP("MainWindow", "Ignore &Case"),
        "options.on_option_toggled",
        checkable=True,
    ),
    _spec(
        "ignore_punctuation_action",
        QT_TRANSLATE_NOOP("MainWindow", "Ignore &Punctuation"),
        "options.on_option_toggled",
        checkable=True,
    ),
    _spec(
        "ignore_whitespace_action",
        QT_TRANSLATE_NOOP("MainWindow", "Ignore &Whitespace"),
        "options.on_option_toggled",
        checkable=True,
    ),
    _spec(
        "show_typography_action",
        QT_TRANSLATE_NOOP("MainWindow", "Show &Typographic Changes"),
        "options.on_option_toggled",
        checkable=True,
        tip=QT_TRANSLATE_NOOP(
            "MainWindow",
            "Show curly or straight quotes, dashes and hyphenation (open sourced, open-sourced) as changes",
        ),
    ),
    _spec(
        "word_granularity_action",
        QT_TRANSLATE_NOOP("MainWindow", "Compare &Words"),
        "options.on_option_toggled",
        checkable=True,
    ),
    _spec(
        "character_granularity_action",
        QT_TRANSLATE_NOOP("MainWindow", "Compare C&haracters"),
        "options.on_option_toggled",
        checkable=True,
    ),
    _spec(
        "markup_source_action",
        QT_TRANSLATE_NOOP("MainWindow", "Show &Markup Source"),
        "options.on_markup_source_toggled",
        checkable=True,
        tip=QT_TRANSLATE_NOOP(
            "MainWindow", "Show Markdown and reStructuredText as source with syntax colours, not as text"
        ),
    ),
    _spec("wrap_action", QT_TRANSLATE_NOOP("MainWindow", "&Wrap Lines"), "options.on_wrap_toggled", checkable=True),
    _spec("zoom_in_action", QT_TRANSLATE_NOOP("MainWindow", "Zoom &In"), "options.on_zoom_in", _Key.ZoomIn, "Ctrl+="),
    _spec("zoom_out_action", QT_TRANSLATE_NOOP("MainWindow", "Zoom &Out"), "options.on_zoom_out", _Key.ZoomOut),
    _spec("zoom_reset_action", QT_TRANSLATE_NOOP("MainWindow", "&Reset Zoom"), "options.on_zoom_reset", "Ctrl+0"),
    _spec(
        "limits_action",
        QT_TRANSLATE_NOOP("MainWindow", "&Limits…"),
        "on_limits",
        tip=QT_TRANSLATE_NOOP("MainWindow", "Largest file and most paragraphs compared without asking"),
    ),
    # Help
    _spec("about_action", QT_TRANSLATE_NOOP("MainWindow", "&About diffviewer"), "on_about"),
)

# Each menu's title and its entries: action names, "-" for a separator, and the names of
# submenus or dock toggles the window adds itself ("recent_menu", "docks").
MENUS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        QT_TRANSLATE_NOOP("MainWindow", "&File"),
        (
            "open_original_action",
            "open_derivative_action",
            "add_derivatives_action",
            "find_derivatives_action",
            "recent_menu",
            "-",
            "swap_action",
            "reload_action",
            "cancel_action",
            "-",
            "export_action",
            "print_action",
            "-",
            "quit_action",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("MainWindow", "&Edit"),
        (
            "copy_action",
            "find_action",
            "find_next_action",
            "find_previous_action",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("MainWindow", "&View"),
        (
            "side_by_side_action",
            "inline_action",
            "-",
            "ignore_case_action",
            "ignore_punctuation_action",
            "ignore_whitespace_action",
            "show_typography_action",
            "-",
            "word_granularity_action",
            "character_granularity_action",
            "-",
            "markup_source_action",
            "wrap_action",
            "zoom_in_action",
            "zoom_out_action",
            "zoom_reset_action",
            "limits_action",
            "-",
            "docks",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("MainWindow", "&Derivatives"),
        (
            "add_derivatives_action",
            "find_derivatives_action",
            "remove_derivative_action",
            "sort_action",
            "next_derivative_action",
            "previous_derivative_action",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("MainWindow", "&Go"),
        (
            "next_change_action",
            "previous_change_action",
            "next_moved_action",
            "previous_moved_action",
        ),
    ),
    (QT_TRANSLATE_NOOP("MainWindow", "&Help"), ("about_action",)),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text) if text else ""


def _slot(owner: object, dotted: str) -> Callable[..., object]:
    """The method "find_bar.find_next" and the like names on `owner`."""
    found: Any = owner
    for part in dotted.split("."):
        found = getattr(found, part)
    return cast(Callable[..., object], found)


def build_actions(window: QWidget) -> dict[str, QAction]:
    """Every action of ACTIONS, made for `window` (shortcuts work with the menu bar hidden)."""
    made: dict[str, QAction] = {}
    style = window.style()
    for spec in ACTIONS:
        action = QAction(_tr(spec.text), window)
        if spec.shortcuts:
            action.setShortcuts([QKeySequence(key) for key in spec.shortcuts])
        if spec.tip:
            action.setStatusTip(_tr(spec.tip))
            action.setToolTip(_tr(spec.tip))
        if spec.icon is not None:
            action.setIcon(style.standardIcon(spec.icon))
        action.setCheckable(spec.checkable)
        action.triggered.connect(_slot(window, spec.slot))
        window.addAction(action)
        made[spec.name] = action
    return made


def group(window: QWidget, *actions: QAction) -> QActionGroup:
    """Actions of which exactly one is checked (view modes, granularity)."""
    together = QActionGroup(window)
    for action in actions:
        together.addAction(action)
    return together


def build_menus(menu_bar: object, entries: dict[str, QAction | QMenu | list[QAction]]) -> None:
    """The menus of MENUS, from the window's actions, submenus and dock toggles."""
    for title, names in MENUS:
        menu = menu_bar.addMenu(_tr(title))  # type: ignore[attr-defined]
        for name in names:
            if name == "-":
                menu.addSeparator()
                continue
            entry = entries[name]
            if isinstance(entry, QMenu):
                menu.addMenu(entry)
            elif isinstance(entry, list):
                for action in entry:
                    menu.addAction(action)
            else:
                menu.addAction(entry)


__all__ = ["ACTIONS", "MENUS", "ActionSpec", "build_actions", "build_menus", "group"]
