"""diffviewer: see how a document was reworded."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("diffviewer")
except PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0.0.0+unknown"
