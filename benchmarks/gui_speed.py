"""How fast the window feels: start-up to the first painted comparison, a big pair, navigation.

Run: python benchmarks/gui_speed.py [SIZE_MB]   (default 1; offscreen unless a display is set)

Measures, with QElapsedTimer:
- `diffviewer --demo` in a fresh process, from process start to the first painted comparison
  (the window prints it when given DIFFVIEWER_LAUNCHED_AT);
- a generated pair of SIZE_MB each (the same generator as speed.py): from giving the files to the
  comparison painted and scrollable;
- next/previous change and page scrolling: the worst and median time per step, including the
  repaint.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtCore import QElapsedTimer, QEventLoop, QSettings, QTimer  # noqa: E402
from speed import generate  # noqa: E402

from diffviewer.gui.app import application  # noqa: E402
from diffviewer.gui.main_window import MainWindow  # noqa: E402
from diffviewer.gui.settings import Settings  # noqa: E402


def demo_start_to_first_paint() -> float:
    started = time.perf_counter()
    env = dict(os.environ, DIFFVIEWER_LAUNCHED_AT=repr(time.time()))
    result = subprocess.run(
        [sys.executable, "-m", "diffviewer", "--demo", "--quit-after", "4000"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    for line in result.stderr.splitlines():
        if line.startswith("first-paint-ms"):
            return float(line.split()[1]) / 1000
    raise RuntimeError(f"no first paint reported ({time.perf_counter() - started:.1f} s): {result.stderr[-500:]}")


def main() -> int:
    size_mb = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    starts = [demo_start_to_first_paint() for _ in range(5)]
    print(
        f"demo: process start -> first painted comparison: median {statistics.median(starts):.2f} s"
        f" (worst {max(starts):.2f} s, 5 runs)"
    )

    folder = Path(tempfile.mkdtemp())
    a, b = generate(int(size_mb * 2**20))
    (folder / "a.txt").write_text(a, encoding="utf-8")
    (folder / "b.txt").write_text(b, encoding="utf-8")
    app = application()
    window = MainWindow(Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)))
    window.resize(1400, 900)
    window.show()
    app.processEvents()

    # Wait the way the application does (an idle event loop), noting the longest stall of it.
    loop = QEventLoop()
    window.comparison_finished.connect(lambda comparison: comparison is not None and loop.quit())
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    heartbeat = QTimer()
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(tick)
    heartbeat.start()
    timer = QElapsedTimer()
    timer.start()
    window.open_paths(folder / "a.txt", folder / "b.txt")
    loop.exec()
    heartbeat.stop()
    longest_gap = max(gaps, default=0.0)
    window.view.viewport().repaint()
    ready = timer.elapsed() / 1000
    rows = len(window.view.rows)
    print(f"{size_mb:g} MB pair ({rows} rows): files given -> painted and scrollable: {ready:.2f} s")
    print(f"  longest the event loop was blocked meanwhile: {longest_gap * 1000:.0f} ms")

    def steps(label: str, action: object, count: int) -> None:
        times = []
        for _ in range(count):
            timer.restart()
            action()  # type: ignore[operator]
            window.view.viewport().repaint()
            times.append(timer.nsecsElapsed() / 1e6)
        print(f"  {label}: median {statistics.median(times):.1f} ms, worst {max(times):.1f} ms over {count} steps")

    steps("next change", window.view.next_change, 60)
    steps("previous change", window.view.previous_change, 60)
    bar = window.view.verticalScrollBar()
    steps("page down", lambda: bar.setValue(bar.value() + bar.pageStep()), 60)
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
