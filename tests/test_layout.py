"""The project's layout rules that a test can hold: every core module has a test file of its own."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_core_module_has_its_own_test_file() -> None:
    modules = {p.stem for p in (ROOT / "diffviewer" / "core").glob("*.py") if p.stem != "__init__"}
    tested = {p.stem.removeprefix("test_") for p in (ROOT / "tests" / "core").glob("test_*.py")}
    assert modules - tested == set()


def test_every_scan_module_has_its_own_test_file() -> None:
    modules = {p.stem for p in (ROOT / "diffviewer" / "scan").glob("*.py") if p.stem != "__init__"}
    tested = {p.stem.removeprefix("test_") for p in (ROOT / "tests" / "scan").glob("test_*.py")}
    assert modules - tested == set()
