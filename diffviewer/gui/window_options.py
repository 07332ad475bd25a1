"""The View menu's choices: view mode, what the comparison ignores, markup as source, wrapping and
zoom. Each is remembered in the settings; those that change the comparison recompute it once
several quick toggles have settled.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from diffviewer.core.model import Granularity
from diffviewer.formats import MarkupView
from diffviewer.gui.settings import DEFAULT_FONT_SIZE
from diffviewer.gui.view_mode import ViewMode
from diffviewer.gui.window_actions import group
from diffviewer.gui.window_part import WindowPart

if TYPE_CHECKING:
    from diffviewer.gui.main_window import MainWindow

OPTIONS_DEBOUNCE_MS = 150


class ViewOptions(WindowPart["MainWindow"]):
    """The window's view and comparison options, between its actions and its settings."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._timer = QTimer(window, singleShot=True, interval=OPTIONS_DEBOUNCE_MS)
        self._timer.timeout.connect(self.on_options_settled)

    def check_actions(self) -> None:
        """Group the exclusive choices and check each action as the settings have it."""
        window, settings = self._window, self._window.settings
        window.mode_group = group(window, window.side_by_side_action, window.inline_action)
        for action, mode in (
            (window.side_by_side_action, ViewMode.SIDE_BY_SIDE),
            (window.inline_action, ViewMode.INLINE),
        ):
            action.setData(mode.value)
            action.setChecked(settings.view_mode is mode)
        window.granularity_group = group(window, window.word_granularity_action, window.character_granularity_action)
        for action, granularity in (
            (window.word_granularity_action, Granularity.WORD),
            (window.character_granularity_action, Granularity.CHARACTER),
        ):
            action.setData(granularity.value)
            action.setChecked(settings.granularity is granularity)
        for action, checked in (
            (window.ignore_case_action, settings.ignore_case),
            (window.ignore_punctuation_action, settings.ignore_punctuation),
            (window.ignore_whitespace_action, settings.ignore_whitespace),
            (window.show_typography_action, settings.show_typography),
            (window.markup_source_action, window.session.markup is MarkupView.SOURCE),
            (window.wrap_action, settings.wrap),
        ):
            action.setChecked(checked)

    def on_view_mode_chosen(self) -> None:
        window = self._window
        mode = ViewMode.INLINE if window.inline_action.isChecked() else ViewMode.SIDE_BY_SIDE
        window.settings.view_mode = mode
        window.session.view_mode = mode
        window.view.set_mode(mode)

    def on_option_toggled(self) -> None:
        window, settings = self._window, self._window.settings
        settings.ignore_case = window.ignore_case_action.isChecked()
        settings.ignore_punctuation = window.ignore_punctuation_action.isChecked()
        settings.show_typography = window.show_typography_action.isChecked()
        settings.ignore_whitespace = window.ignore_whitespace_action.isChecked()
        settings.granularity = (
            Granularity.CHARACTER if window.character_granularity_action.isChecked() else Granularity.WORD
        )
        self._timer.start()  # several quick toggles make one recomputation

    def on_options_settled(self) -> None:
        session = self._window.session
        if session.original is not None and session.entries:
            self._window.start_comparison()

    def on_markup_source_toggled(self, checked: bool) -> None:
        window = self._window
        window.session.markup = MarkupView.SOURCE if checked else MarkupView.TEXT
        window.settings.markup_view = window.session.markup
        # Read every shown file again: a Markdown file becomes code (or prose) and is compared anew.
        if window.session.original is not None or window.session.entries:
            window.start_comparison()

    def on_wrap_toggled(self, checked: bool) -> None:
        self._window.settings.wrap = checked
        self._window.view.set_wrap(checked)

    def _set_font_size(self, size: int) -> None:
        settings = self._window.settings
        settings.font_size = size
        self._window.view.set_font_point_size(settings.font_size)

    def on_zoom_in(self) -> None:
        self._set_font_size(self._window.view.font_point_size() + 1)

    def on_zoom_out(self) -> None:
        self._set_font_size(self._window.view.font_point_size() - 1)

    def on_zoom_reset(self) -> None:
        self._set_font_size(DEFAULT_FONT_SIZE)

    def on_zoom_requested(self, steps: int) -> None:
        self._set_font_size(self._window.view.font_point_size() + steps)


__all__ = ["OPTIONS_DEBOUNCE_MS", "ViewOptions"]
