"""diffviewer: see how a document was reworded."""

# The one place the version is written: pyproject.toml reads it from here (setuptools parses the
# literal without importing), so the program knows its version without importlib.metadata, which
# took a tenth of the window's start-up to import.
__version__ = "0.1.0"
