from diffviewer.cli import console_main

# Guarded: a comparison's worker and helper processes (spawned, see core/elsewhere.py and
# core/helper.py) import the main module again, and must not start another program there.
if __name__ == "__main__":
    raise SystemExit(console_main())
