"""scripts/ensure-qt-libs.sh: silent when Qt's system libraries are there, exact advice when not."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests.conftest import REPO

SCRIPT = REPO / "scripts" / "ensure-qt-libs.sh"
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the check only runs on Linux")


def _as_unprivileged(command: list[str]) -> list[str]:
    # As root the script would install the packages; an ordinary user gets the advice instead.
    if os.getuid() != 0:
        return command
    setpriv = shutil.which("setpriv")
    assert setpriv is not None, "setpriv (util-linux) runs the script as an ordinary user"
    return [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", *command]


def test_nothing_missing_is_silent_and_quick() -> None:
    result = subprocess.run([str(SCRIPT)], capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    assert result.stderr == "" and result.stdout == ""


def test_a_missing_library_gets_the_exact_install_command() -> None:
    # A folder an ordinary user can read (pytest's tmp_path is private to its owner).
    tmp_path = Path(tempfile.mkdtemp(prefix="qt-libs-"))
    tmp_path.chmod(0o755)
    real = subprocess.run(["/sbin/ldconfig", "-p"], capture_output=True, text=True, check=True).stdout
    listing = tmp_path / "listing.txt"
    listing.write_text("".join(line + "\n" for line in real.splitlines() if "libxkbcommon.so.0 " not in line))
    fake = tmp_path / "bin" / "ldconfig"
    fake.parent.mkdir()
    fake.write_text(f"#!/bin/sh\ncat {listing}\n")
    fake.chmod(0o755)
    for path in (tmp_path, listing.parent, fake.parent):
        path.chmod(0o755)
    listing.chmod(0o644)
    # The ordinary user may not read the checkout (a private temp folder, say): run a copy.
    script = tmp_path / SCRIPT.name
    shutil.copy(SCRIPT, script)
    script.chmod(0o755)
    env = dict(os.environ, PATH=f"{fake.parent}:{os.environ['PATH']}")
    result = subprocess.run(
        _as_unprivileged(["bash", str(script)]), capture_output=True, text=True, timeout=30, env=env
    )
    assert result.returncode == 1
    assert "libxkbcommon0" in result.stderr
    assert "sudo apt-get install -y libxkbcommon0" in result.stderr
    shutil.rmtree(tmp_path)
