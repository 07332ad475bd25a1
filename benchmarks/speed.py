"""Speed and peak memory of each stage on generated documents, beside `git diff --word-diff`.

Run: python benchmarks/speed.py [SIZE_MB ...]   (default: 0.1 1)
Inputs are generated deterministically (seeded): many paragraphs, ~5% of words changed, some
paragraphs moved, split and merged. Each stage runs in a fresh measurement of time and
tracemalloc peak; the yardstick is git's word diff on the same two files, timed in the same run.
"""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from diffviewer.core.align import align
from diffviewer.core.compare import compare
from diffviewer.core.model import CompareOptions
from diffviewer.formats import load

T = TypeVar("T")
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
    names and figures here and there, 3-5 sentences a paragraph. The revision changes ~5% of
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
        text = " ".join(sentence() for _ in range(rng.randint(3, 5)))
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


def measure(label: str, func: Callable[..., T], *args: object) -> T:
    """Time one run untraced (tracemalloc slows Python code several times), then a traced run for the peak."""
    start = time.perf_counter()
    result = func(*args)
    elapsed = time.perf_counter() - start
    tracemalloc.start()
    func(*args)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"  {label:28s} {elapsed:8.3f} s  peak {peak / 2**20:8.1f} MB")
    return result


def main() -> int:
    sizes = [float(a) for a in sys.argv[1:]] or [0.1, 1.0]
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            a_text, b_text = generate(int(size * 2**20))
            a_path, b_path = Path(tmp, "a.txt"), Path(tmp, "b.txt")
            a_path.write_text(a_text, encoding="utf-8")
            b_path.write_text(b_text, encoding="utf-8")
            print(f"{size:g} MB: {a_text.count(chr(10) * 2)} vs {b_text.count(chr(10) * 2)} paragraphs")
            a = measure("load original", load, a_path)
            b = measure("load derivative", load, b_path)
            measure("align paragraphs", align, [p.text for p in a.paragraphs], [p.text for p in b.paragraphs])
            start = time.perf_counter()
            compare(a, b, CompareOptions())
            ours = time.perf_counter() - start
            measure("compare (align+words+quotes)", compare, a, b, CompareOptions())
            if shutil.which("git"):
                start = time.perf_counter()
                subprocess.run(
                    ["git", "diff", "--no-index", "--word-diff=porcelain", str(a_path), str(b_path)],
                    capture_output=True,
                    check=False,
                )
                theirs = time.perf_counter() - start
                print(f"  {'git diff --word-diff':28s} {theirs:8.3f} s  (compare is {ours / theirs:.1f}x git)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
