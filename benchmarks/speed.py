"""Speed and peak memory of each stage on real and generated documents, beside `git diff --word-diff`.

Run: python benchmarks/speed.py [SIZE_MB ...] [--runs=N] [--no-books]
     (default: generated 0.1 1 10, then the book pairs; 5 runs)
Generated inputs are deterministic (seeded): ~2,500 paragraphs a megabyte, ~5% of words
changed, some paragraphs moved, split and merged. Real inputs are the whole-book pairs of
../shared/corpus/books, and the first of them cut to 0.1 and 1 MB (both sides cut at the same
share of their paragraphs), to show the cost grows with the size of real rewording too.
Each run is a fresh process (cold caches, as a user gets): it loads both files, compares them
and writes the JSON report to a file, timing the stages (load, align, word diffs with quotations
and facts, report) and reporting its peak resident memory, and its helper process's (a big
comparison takes the second core: the helper featurises a side and prepares the quotations while
the alignment runs, drafts blocks from the other end, then checks the quotations: core/helper.py).
Medians are printed beside the yardstick, git's word diff on the same two files timed in the same
run.
"""

from __future__ import annotations

import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = [
    "report",
    "revision",
    "clause",
    "tenant",
    "landlord",
    "payment",
    "schedule",
    "notice",
    "party",
    "agreement",
    "term",
    "shall",
    "may",
    "within",
    "days",
    "written",
    "consent",
    "property",
    "damage",
    "repair",
    "insurance",
    "liability",
    "default",
    "remedy",
    "court",
    "county",
    "state",
    "law",
    "provided",
    "however",
    "except",
    "including",
    "without",
    "limitation",
]


_SYLLABLES = ["ka", "lo", "mi", "ren", "sto", "vu", "tal", "ne", "qui", "bor", "fa", "del", "os", "tri", "ma", "gen"]


def _vocabulary(rng: random.Random, size: int = 6000) -> tuple[list[str], list[float]]:
    """Common function words first, then invented words, drawn with Zipf's law as prose is."""
    invented = {"".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(size * 2)}
    vocabulary = WORDS + sorted(invented)[: size - len(WORDS)]
    rng.shuffle(vocabulary[len(WORDS) :])
    weights = [1.0 / (rank + 1) for rank in range(len(vocabulary))]
    return vocabulary, weights


def generate(size_bytes: int, seed: int = 7) -> tuple[str, str]:
    """A document of about `size_bytes` (about 2,500 paragraphs a megabyte) and a revised edition.

    Prose-like: sentences of 8-22 words from a Zipf-distributed vocabulary of 6,000 words, with
    names and figures here and there, 2-4 sentences a paragraph. The revision changes ~5% of
    words and splits, merges and moves paragraphs.
    """
    rng = random.Random(seed)
    vocabulary, weights = _vocabulary(rng)

    # Prose also names people, places and figures: rare words, as in any book or report.
    names = sorted({"".join(rng.choice(_SYLLABLES) for _ in range(3)).capitalize() for _ in range(60_000)})

    def sentence() -> str:
        words = rng.choices(vocabulary, weights, k=rng.randint(8, 22))
        if rng.random() < 0.5:
            words.insert(rng.randrange(len(words)), rng.choice(names))
        if rng.random() < 0.2:
            words.insert(rng.randrange(len(words)), str(rng.randint(2, 99_999)))
        return " ".join(words).capitalize() + "."

    paragraphs: list[str] = []
    total = 0
    while total < size_bytes:
        text = " ".join(sentence() for _ in range(rng.randint(2, 4)))
        paragraphs.append(text)
        total += len(text) + 2
    derived: list[str] = []
    for text in paragraphs:
        words = text.split(" ")
        for k in range(len(words)):
            if rng.random() < 0.05:
                words[k] = rng.choices(vocabulary, weights)[0]
        roll = rng.random()
        if roll < 0.03 and len(words) > 20:  # split
            cut = len(words) // 2
            derived.extend([" ".join(words[:cut]), " ".join(words[cut:])])
        elif roll < 0.06 and derived:  # merge with the previous paragraph
            derived[-1] = derived[-1] + " " + " ".join(words)
        else:
            derived.append(" ".join(words))
    for _ in range(max(1, len(derived) // 50)):  # moves
        src = rng.randrange(len(derived))
        derived.insert(rng.randrange(len(derived)), derived.pop(src))
    return "\n\n".join(paragraphs) + "\n", "\n\n".join(derived) + "\n"


def _child(original: str, derivative: str) -> None:
    """One cold run in this fresh process: load both files and compare them, stage by stage."""
    import resource

    from diffviewer.core.compare import compare
    from diffviewer.core.model import CompareOptions
    from diffviewer.formats import load
    from diffviewer.report.writer import ReportFormat, write_report

    start = time.perf_counter()
    a, b = load(original), load(derivative)
    loaded = time.perf_counter()
    marks: list[tuple[float, float]] = []
    comparison = compare(a, b, CompareOptions(), on_progress=lambda f: marks.append((f, time.perf_counter())))
    compared = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        write_report([comparison], Path(tmp, "report.json"), ReportFormat.JSON)  # as `compare -o` does
    done = time.perf_counter()
    aligned = next(t for f, t in marks if f >= 0.4)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # A big comparison's helper process (core/helper.py), if it had one: its own peak.
    helper_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    stages = [loaded - start, aligned - loaded, compared - aligned, done - compared, done - start, peak_mb, helper_mb]
    print(json.dumps(stages))


def _run_child(original: Path, derivative: Path) -> list[float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(original), str(derivative)],
        capture_output=True,
        text=True,
        check=True,
    )
    return [float(v) for v in json.loads(out.stdout)]


def _git_seconds(original: Path, derivative: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        ["git", "diff", "--no-index", "--word-diff=porcelain", str(original), str(derivative)],
        capture_output=True,
        check=False,
    )
    return time.perf_counter() - start


BOOKS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "books"


def _cut(text: str, share: float) -> str:
    """The first `share` of a document's paragraphs."""
    paragraphs = text.split("\n\n")
    return "\n\n".join(paragraphs[: max(1, round(len(paragraphs) * share))]) + "\n"


def _inputs(sizes: list[float], books: bool) -> list[tuple[str, str, str]]:
    """(label, original text, derivative text) of every input to time."""
    found = [(f"gen {size:g}M", *generate(int(size * 2**20))) for size in sizes]
    pairs = sorted(p for p in BOOKS.iterdir() if (p / "original.txt").exists()) if books and BOOKS.is_dir() else []
    for n, pair in enumerate(pairs):
        original = (pair / "original.txt").read_text(encoding="utf-8")
        derivative = (pair / "derivative.txt").read_text(encoding="utf-8")
        if n == 0:  # the same real text cut to size: the cost must grow with it, not faster
            for megabytes in (0.1, 1.0):
                share = min(1.0, megabytes * 2**20 / len(original.encode("utf-8")))
                found.append((f"{pair.name} {megabytes:g}M", _cut(original, share), _cut(derivative, share)))
        found.append((f"{pair.name}", original, derivative))
    return found


def main() -> int:
    if sys.argv[1:2] == ["--child"]:
        _child(sys.argv[2], sys.argv[3])
        return 0
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    runs = int(next((a.split("=")[1] for a in sys.argv[1:] if a.startswith("--runs=")), "5"))
    sizes = [float(a) for a in args] or [0.1, 1.0, 10.0]
    print(f"median of {runs} cold runs (each a fresh process); the yardstick is git in the same run")
    header = ("input", "MB", "paras", "load", "align", "words+q", "report", "total", "peak", "helper", "git", "ratio")
    widths = (22, 5, 7, 7, 7, 8, 7, 7, 8, 8, 7, 6)
    print(" ".join(f"{name:>{width}}" for name, width in zip(header, widths, strict=True)))
    with tempfile.TemporaryDirectory() as tmp:
        for label, a_text, b_text in _inputs(sizes, "--no-books" not in sys.argv):
            a_path, b_path = Path(tmp, "a.txt"), Path(tmp, "b.txt")
            a_path.write_text(a_text, encoding="utf-8")
            b_path.write_text(b_text, encoding="utf-8")
            samples = [_run_child(a_path, b_path) for _ in range(runs)]
            medians = [statistics.median(column) for column in zip(*samples, strict=True)]
            load_s, align_s, words_s, report_s, total_s, peak, helper_peak = medians
            git = float("nan")
            if shutil.which("git"):
                git = statistics.median(_git_seconds(a_path, b_path) for _ in range(runs))
            paragraphs = a_text.count("\n\n") + 1
            megabytes = len(a_text.encode("utf-8")) / 2**20
            print(
                f"{label:>22} {megabytes:5.1f} {paragraphs:7d} {load_s:7.3f} {align_s:7.3f} {words_s:8.3f}"
                f" {report_s:7.3f} {total_s:7.3f} {peak:6.0f}MB {helper_peak:6.0f}MB {git:7.3f} {total_s / git:5.1f}x",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
