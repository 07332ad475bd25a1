from __future__ import annotations

import os
from pathlib import Path

# The window tests run without a display; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "corpus" / "seeds"
SAMPLES = REPO / "resources" / "samples"


@pytest.fixture
def samples() -> Path:
    return SAMPLES


@pytest.fixture(autouse=True)
def cold_alignments() -> None:
    """Each test meets the aligner as a freshly started program does: nothing kept from another
    test (a comparison it cancels or watches progress on must really run)."""
    from diffviewer.core.align import forget_alignments

    forget_alignments()


_GUI = REPO / "tests" / "gui"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Every test of the window carries the `gui` marker: `pytest -m "not gui"` runs the Qt-free rest.
    for item in items:
        if Path(str(item.fspath)).is_relative_to(_GUI):
            item.add_marker(pytest.mark.gui)
