"""The long fuzzing run: thousands of malformed inputs through every loader.

Run: python benchmarks/fuzz.py [EXAMPLES_PER_KIND]   (default 2000; `make fuzz`)
Each input must give a Document or a one-line LoadError within the time limit, in a process
whose address space is capped (a memory blow-up fails instead of swapping). Prints how many
inputs ran and how they ended.
"""

from __future__ import annotations

import resource
import sys
import time
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis.strategies import SearchStrategy

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from diffviewer.core.model import Document  # noqa: E402
from tests.formats.fuzzing import bad_text, big_inputs, broken_pdfs, broken_zips, html_soup, load_within  # noqa: E402

MEMORY_CAP_BYTES = 4 * 1024**3


def main() -> int:
    examples = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP_BYTES, MEMORY_CAP_BYTES))
    outcomes: Counter[str] = Counter()
    started = time.perf_counter()

    def campaign(kind: str, strategy: SearchStrategy[tuple[str, bytes]]) -> None:
        @settings(max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        @given(strategy)
        def run(sample: tuple[str, bytes]) -> None:
            result = load_within(*sample)
            outcomes[f"{kind}: {'document' if isinstance(result, Document) else 'LoadError'}"] += 1

        run()

    campaign("docx", broken_zips())
    campaign("pdf", broken_pdfs())
    campaign("html", html_soup())
    campaign("text", bad_text())
    for name, data in big_inputs():
        result = load_within(name, data)
        outcomes[f"monsters: {'document' if isinstance(result, Document) else 'LoadError'}"] += 1
    total = sum(outcomes.values())
    print(f"{total} inputs in {time.perf_counter() - started:.0f} s, no other outcome:")
    for key, count in sorted(outcomes.items()):
        print(f"  {key:24} {count}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
