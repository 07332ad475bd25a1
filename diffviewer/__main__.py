from diffviewer.cli import main

# Guarded: a comparison's worker process (spawned, see core/elsewhere.py) imports the main
# module again, and must not start another program there.
if __name__ == "__main__":
    raise SystemExit(main())
