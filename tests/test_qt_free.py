"""The engine, loaders, reports and CLI must import and run without Qt."""

from __future__ import annotations

import subprocess
import sys

CODE = """
import sys
import diffviewer.cli, diffviewer.core.compare, diffviewer.formats, diffviewer.report.json_report
import diffviewer.report.text_report, diffviewer.report.scan_report, diffviewer.cli_scan
import diffviewer.scan.search, diffviewer.scan.runner
loaded = [m for m in sys.modules if m.split('.')[0] in {'PySide6', 'PyQt5', 'PyQt6', 'shiboken6'}]
assert not loaded, loaded
print('ok')
"""


def test_core_imports_without_qt() -> None:
    result = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
