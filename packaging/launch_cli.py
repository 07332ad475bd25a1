"""Entry point of the bundled command line (`diffviewer-cli compare A B`)."""

import sys

from diffviewer.cli import main

if __name__ == "__main__":
    sys.exit(main())
