"""Entry point of the bundled window (PyInstaller needs a script, not a module path)."""

import sys

from diffviewer.cli import gui_main

if __name__ == "__main__":
    sys.exit(gui_main())
