"""Bundled resources (sample documents, icons), installed as the package diffviewer.resources."""

from importlib.resources import files
from importlib.resources.abc import Traversable


def resource(*parts: str) -> Traversable:
    return files(__name__).joinpath(*parts)
