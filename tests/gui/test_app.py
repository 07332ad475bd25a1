"""Starting the real program: `diffviewer --demo` opens the window and closes cleanly."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from diffviewer import cli
from diffviewer.formats import MarkupView
from diffviewer.gui import app
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


def test_markup_given_on_the_command_line_reaches_the_window(monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[tuple[list[str], MarkupView | None]] = []

    def fake_run(files: list[str], demo: bool = False, quit_after_ms: int | None = None, markup: object = None) -> int:
        opened.append((list(files), markup))  # type: ignore[arg-type]
        return 0

    monkeypatch.setattr(app, "run", fake_run)
    assert cli.main(["a.md", "b.md", "--markup", "source"]) == 0
    assert cli.main(["a.md", "b.md"]) == 0
    assert opened == [(["a.md", "b.md"], MarkupView.SOURCE), (["a.md", "b.md"], None)]


def test_an_unknown_markup_view_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["a.md", "--markup", "html"])
    assert exit_info.value.code == 2
    assert "--markup" in capsys.readouterr().err
