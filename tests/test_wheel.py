"""The package as a user installs it: a wheel in a fresh virtual environment finds its resources."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO


def _site_packages(venv: Path) -> Path:
    return Path(sysconfig.get_path("purelib", vars={"base": str(venv), "platbase": str(venv)}))


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(REPO), "--no-deps", "--no-build-isolation", "-q", "-w", str(work)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = work.glob("diffviewer-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "diffviewer/resources/samples/original.txt" in names
    assert "diffviewer/resources/icons/diffviewer.svg" in names
    assert "diffviewer/resources/translations/diffviewer_de.qm" in names  # the German window
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    install = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(venv / "bin" / "python"),
            "install",
            "--no-deps",
            "-q",
            str(wheel),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert install.returncode == 0, install.stderr
    # The dependencies (Qt and friends) come from the test environment's site-packages, added after
    # the new environment's own, so diffviewer itself is imported from the wheel, not the checkout.
    dependencies = Path(sysconfig.get_paths()["purelib"])
    (_site_packages(venv) / "test-dependencies.pth").write_text(f"{dependencies}\n", encoding="utf-8")
    return venv


def _run(venv: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONPATH", None)
    return subprocess.run(list(args), capture_output=True, text=True, timeout=180, cwd=cwd, env=env)


def test_installed_package_is_imported_from_the_wheel_with_its_resources(installed: Path, tmp_path: Path) -> None:
    code = (
        "import diffviewer, pathlib; from diffviewer.gui.app import demo_set; "
        "paths = demo_set(); print(diffviewer.__file__); print(all(p.is_file() for p in paths)); "
        "print(diffviewer.__version__)"
    )
    result = _run(installed, str(installed / "bin" / "python"), "-c", code, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    location, resources_found, version = result.stdout.split()
    assert location.startswith(str(installed))
    assert resources_found == "True"
    assert version == "0.1.0"


def test_installed_commands_run(installed: Path, tmp_path: Path) -> None:
    bin_dir = installed / "bin"
    version = _run(installed, str(bin_dir / "diffviewer"), "--version", cwd=tmp_path)
    assert version.stdout.strip() == "diffviewer 0.1.0"
    samples = _site_packages(installed) / "diffviewer" / "resources" / "samples"
    report = _run(
        installed,
        str(bin_dir / "diffviewer"),
        "compare",
        str(samples / "original.txt"),
        str(samples / "spun-copy.txt"),
        cwd=tmp_path,
    )
    assert report.returncode == 0, report.stderr
    assert "Similarity:" in report.stdout
    window = _run(installed, str(bin_dir / "diffviewer-gui"), "--demo", "--quit-after", "1500", cwd=tmp_path)
    assert window.returncode == 0, window.stderr


def test_linux_desktop_entry_and_metainfo_name_the_same_application() -> None:
    import configparser
    import xml.etree.ElementTree as ElementTree

    linux = REPO / "packaging" / "linux"
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(linux / "org.diffviewer.DiffViewer.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Exec"].startswith("diffviewer ")
    mime_types = set(desktop["MimeType"].rstrip(";").split(";"))
    assert {"text/plain", "text/markdown", "text/html", "application/pdf"} <= mime_types
    assert "application/vnd.openxmlformats-officedocument.wordprocessingml.document" in mime_types
    component = ElementTree.parse(linux / "org.diffviewer.DiffViewer.metainfo.xml").getroot()
    assert component.findtext("id") == desktop["Icon"] == "org.diffviewer.DiffViewer"
    assert component.find("launchable").text == "org.diffviewer.DiffViewer.desktop"  # type: ignore[union-attr]
    assert (REPO / "resources" / "icons" / "diffviewer.svg").read_text(encoding="utf-8").lstrip().startswith("<svg")
