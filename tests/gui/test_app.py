"""Starting the real program: `diffviewer --demo` opens the window and closes cleanly."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import REPO


def test_demo_starts_and_exits_cleanly() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-m", "diffviewer", "--demo", "--quit-after", "2500"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def test_help_names_the_window_and_the_compare_command() -> None:
    result = subprocess.run([sys.executable, "-m", "diffviewer", "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert "--demo" in result.stdout and "diffviewer compare" in result.stdout
