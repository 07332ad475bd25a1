"""The window's command table: every command reachable, every shortcut unambiguous."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from diffviewer.gui.main_window import MainWindow
from diffviewer.gui.window_actions import ACTIONS, MENUS


def test_every_menu_entry_is_a_declared_command() -> None:
    names = {spec.name for spec in ACTIONS}
    listed = {entry for _, entries in MENUS for entry in entries if entry not in ("-", "recent_menu", "docks")}
    assert listed <= names
    # Every command is in a menu (where users look for it and see its shortcut).
    assert names - listed == set()


def test_no_two_commands_share_a_shortcut(qtbot: QtBot, window: MainWindow) -> None:
    seen: dict[str, str] = {}
    for spec in ACTIONS:
        for key in getattr(window, spec.name).shortcuts():
            text = key.toString(QKeySequence.SequenceFormat.PortableText)
            assert text not in seen, f"{text}: {seen.get(text)} and {spec.name}"
            seen[text] = spec.name


def test_each_command_triggers_what_it_names(qtbot: QtBot, window: MainWindow) -> None:
    window.find_action.trigger()
    assert window.find_bar.isVisible()
    window.inline_action.trigger()
    assert window.inline_action.isChecked() and not window.side_by_side_action.isChecked()
