"""How fast the window feels: start-up to the first painted comparison, a big pair, navigation.

Run: python benchmarks/gui_speed.py [SIZE_MB]   (default 1; offscreen unless a display is set)

Measures, with QElapsedTimer:
- `diffviewer --demo` in a fresh process, from process start to the first painted comparison
  (the window prints it when given DIFFVIEWER_LAUNCHED_AT);
- a generated pair of SIZE_MB each (the same generator as speed.py), then a generated Python pair
  of about that size (syntax colours: cells lexed as they come on screen): from giving the files
  to the comparison painted and scrollable;
- the whole-book pairs of ../shared/corpus/books, the same way;
- next/previous change, page scrolling, jumping to the end and switching inline / side by side:
  the worst and median time per step, including the repaint;
- on each whole book, an option the word diffs see (ignore case) turned on and off: until the
  comparison made anew is painted, and the longest stall meanwhile;
- one whole-book original against four book-sized derivatives, in tabs: until every comparison
  is finished, beside the time of one of them alone.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from diffviewer.core.helper import declare_main_guarded  # noqa: E402

# A comparison's helper started fresh imports this module again, as __mp_main__ (as the
# application's helpers import its small entry point): it needs nothing of the window.
if __name__ != "__mp_main__":
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QSettings, QTimer
    from speed import generate

    from diffviewer.gui.app import application
    from diffviewer.gui.main_window import MainWindow
    from diffviewer.gui.settings import Settings
    from diffviewer.gui.view_mode import ViewMode

BOOKS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "books"


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


def python_pair(size: int) -> tuple[str, str]:
    """About `size` characters of Python in small functions; the copy renames, edits and adds lines."""
    functions: list[str] = []
    revised: list[str] = []
    n = 0
    while sum(map(len, functions)) < size:
        body = (
            f"def handle_{n}(items: list[dict], limit: int = {n % 50}) -> float:\n"
            f'    """Add up the prices of batch {n}, skipping empty lines."""\n'
            f"    total = 0.0\n"
            f"    for item in items[:limit]:\n"
            f'        if item.get("count", 0) <= 0:\n'
            f"            continue  # nothing to ship\n"
            f'        total += item["price"] * item["count"]\n'
            f"    return round(total, 2)\n"
        )
        functions.append(body)
        if n % 7 == 3:
            body = body.replace(f"handle_{n}(", f"process_{n}(").replace("nothing to ship", "empty line")
        if n % 11 == 5:
            body = body.replace("    return round", "    total *= 1.2\n    return round")
        revised.append(body)
        n += 1
    return "\n\n".join(functions), "\n\n".join(revised)


def until_compared(window: MainWindow, action: Callable[[], object]) -> tuple[float, float]:
    """Do `action` and wait, the way the application does (an idle event loop), until the window
    has painted the comparison it started: the seconds that took, and the longest stall meanwhile."""
    loop = QEventLoop()

    def on_finished(comparison: object) -> None:
        if comparison is not None:
            loop.quit()

    window.comparison_finished.connect(on_finished)
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
    action()
    loop.exec()
    heartbeat.stop()
    window.comparison_finished.disconnect(on_finished)
    window.view.viewport().repaint()
    return timer.elapsed() / 1000, max(gaps, default=0.0)


def measure(window: MainWindow, label: str, original: Path, derivative: Path) -> float:
    """From giving the files to the comparison painted, then navigation step by step: the time
    to painted."""
    ready, longest_gap = until_compared(window, lambda: window.open_paths(original, derivative))
    rows = len(window.view.rows)
    print(f"{label} ({rows} rows): files given -> painted and scrollable: {ready:.2f} s")
    print(f"  longest the event loop was blocked meanwhile: {longest_gap * 1000:.0f} ms")
    timer = QElapsedTimer()
    timer.start()

    def steps(name: str, action: object, count: int) -> None:
        times = []
        for _ in range(count):
            timer.restart()
            action()  # type: ignore[operator]
            window.view.viewport().repaint()
            times.append(timer.nsecsElapsed() / 1e6)
        print(f"  {name}: median {statistics.median(times):.1f} ms, worst {max(times):.1f} ms over {count} steps")

    window.view.verticalScrollBar().setValue(0)
    window.view.set_current_block(-1)
    steps("next change", window.view.next_change, 60)
    steps("previous change", window.view.previous_change, 60)
    bar = window.view.verticalScrollBar()
    steps("page down", lambda: bar.setValue(bar.value() + bar.pageStep()), 60)
    steps("jump to the end and back", lambda: bar.setValue(bar.maximum() if bar.value() == 0 else 0), 10)
    modes = iter([ViewMode.INLINE, ViewMode.SIDE_BY_SIDE] * 3)
    steps("switch inline / side by side", lambda: window.view.set_mode(next(modes)), 6)
    return ready


def option_change(window: MainWindow) -> None:
    """An option the word diffs see, turned on and off again: compared anew, painted."""
    for state in ("on", "off"):
        took, longest_gap = until_compared(window, window.ignore_case_action.trigger)
        print(
            f"  ignore case {state}: compared again and painted in {took:.2f} s,"
            f" longest stall {longest_gap * 1000:.0f} ms"
        )


def derivatives_of(pair: Path, folder: Path) -> list[Path]:
    """Four book-sized derivatives of one original, each a different kind of real rewording: the
    pair's own revision, and deterministic edits of the original (every fifth paragraph dropped,
    paragraphs split at their middle sentence, the revision's sections in another order)."""
    original = (pair / "original.txt").read_text(encoding="utf-8").split("\n\n")
    revision = (pair / "derivative.txt").read_text(encoding="utf-8").split("\n\n")
    dropped = [p for n, p in enumerate(original) if n % 5 != 4]
    split = [half for p in original for half in _halves(p)]
    # Whole sections moved, as a revised edition reorders chapters: runs of 40 paragraphs.
    sections = [revision[k : k + 40] for k in range(0, len(revision), 40)]
    moved = [p for k in range(len(sections)) for p in sections[(k * 7) % len(sections)]]
    found = []
    for name, paragraphs in (("revision", revision), ("dropped", dropped), ("split", split), ("moved", moved)):
        path = folder / f"{pair.name}-{name}.txt"
        path.write_text("\n\n".join(paragraphs), encoding="utf-8")
        found.append(path)
    return found


def _halves(paragraph: str) -> list[str]:
    sentences = paragraph.split(". ")
    if len(sentences) < 2:
        return [paragraph]
    middle = len(sentences) // 2
    return [". ".join(sentences[:middle]) + ".", ". ".join(sentences[middle:])]


def measure_many(window: MainWindow, label: str, original: Path, derivatives: list[Path]) -> None:
    """From giving one original and several derivatives to every comparison finished."""
    loop = QEventLoop()
    finished: dict[int, float] = {}
    timer = QElapsedTimer()

    def on_finished(index: int) -> None:
        finished.setdefault(index, timer.elapsed() / 1000)
        if len(finished) == len(derivatives):
            loop.quit()

    window.session.entry_finished.connect(on_finished)
    gaps: list[float] = []
    last = [time.perf_counter()]

    stalls: list[tuple[float, float]] = []  # (when it ended, how long), over 100 ms

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        if gaps[-1] > 0.1:
            stalls.append((timer.elapsed() / 1000, gaps[-1]))
        last[0] = now

    heartbeat = QTimer()
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(tick)
    heartbeat.start()
    timer.start()
    window.open_paths(original, *derivatives)
    loop.exec()
    heartbeat.stop()
    window.session.entry_finished.disconnect(on_finished)
    times = ", ".join(f"{finished[k]:.1f}" for k in sorted(finished))
    print(f"{label}: every comparison finished after {max(finished.values()):.1f} s (per tab: {times} s)")
    print(f"  longest the event loop was blocked meanwhile: {max(gaps, default=0.0) * 1000:.0f} ms")
    if stalls:
        print("  stalls over 100 ms: " + ", ".join(f"{ms * 1000:.0f} ms ending at {at:.1f} s" for at, ms in stalls))


def main() -> int:
    declare_main_guarded()  # as the application's entry points do: a big comparison may be helped
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
    # Code: syntax colours come from lexing the cells on screen (cached), never the whole file.
    a, b = python_pair(int(size_mb * 2**20))
    (folder / "a.py").write_text(a, encoding="utf-8")
    (folder / "b.py").write_text(b, encoding="utf-8")
    app = application()
    window = MainWindow(Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)))
    window.resize(1400, 900)
    window.show()
    app.processEvents()
    measure(window, f"{size_mb:g} MB pair", folder / "a.txt", folder / "b.txt")
    measure(window, f"{size_mb:g} MB Python pair", folder / "a.py", folder / "b.py")
    books = sorted(p for p in BOOKS.iterdir() if (p / "original.txt").exists()) if BOOKS.is_dir() else []
    alone = []
    for pair in books:
        alone.append(measure(window, f"whole book {pair.name}", pair / "original.txt", pair / "derivative.txt"))
        option_change(window)
    if books:
        label = f"{books[0].name}: one original, four book-sized derivatives"
        measure_many(window, label, books[0] / "original.txt", derivatives_of(books[0], folder))
        print(f"  (its revision alone, above: {alone[0]:.1f} s)")
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
