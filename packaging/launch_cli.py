"""Entry point of the bundled command line (`diffviewer-cli compare A B`)."""

import multiprocessing
import sys

from diffviewer.cli import console_main

if __name__ == "__main__":
    # Worker processes of a frozen app start this same executable (spawn on Windows and macOS):
    # this makes them run their task instead of opening another window or command line.
    multiprocessing.freeze_support()
    sys.exit(console_main())
