from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "corpus" / "seeds"
SAMPLES = REPO / "resources" / "samples"


@pytest.fixture
def samples() -> Path:
    return SAMPLES
