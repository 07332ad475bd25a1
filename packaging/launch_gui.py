"""Entry point of the bundled window (PyInstaller needs a script, not a module path)."""

import multiprocessing
import sys

from diffviewer.cli import console_gui_main

if __name__ == "__main__":
    # Worker processes of a frozen app start this same executable (spawn on Windows and macOS):
    # this makes them run their task instead of opening another window or command line.
    multiprocessing.freeze_support()
    sys.exit(console_gui_main())
