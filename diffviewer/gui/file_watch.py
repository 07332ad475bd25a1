"""Watching the shown files on disk: a burst of writes (an editor saving) reported once, settled."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

# Editors write in bursts (truncate, write, rename): wait this long after the last event.
SETTLE_MS = 300


class FileWatch(QObject):
    # Both lists of paths, sorted: files rewritten, and files gone (removed or renamed away).
    files_settled = Signal(list, list)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self.on_file_changed)
        self._changed: set[str] = set()
        self._timer = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._timer.timeout.connect(self.on_settled)

    def watch(self, paths: Iterable[Path | None]) -> None:
        """Watch exactly these files (those that exist), and no others."""
        watched = self.watcher.files()
        if watched:
            self.watcher.removePaths(watched)
        for path in paths:
            if path is not None and path.exists() and str(path) not in self.watcher.files():
                self.watcher.addPath(str(path))

    def files(self) -> list[str]:
        return self.watcher.files()

    def on_file_changed(self, path: str) -> None:
        self._changed.add(path)
        self._timer.start()

    def on_settled(self) -> None:
        changed = sorted(self._changed)
        self._changed.clear()
        gone = [p for p in changed if not Path(p).exists()]
        self.files_settled.emit([Path(p) for p in changed if p not in gone], [Path(p) for p in gone])


__all__ = ["SETTLE_MS", "FileWatch"]
