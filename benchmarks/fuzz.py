"""The long fuzzing run: malformed bytes and hostile structures through every loader.

Run: python benchmarks/fuzz.py [EXAMPLES_PER_KIND] [STRUCTURAL_PER_FAMILY] [LARGEST_BYTES]
     (defaults 2000, 10000 and 50000; `make fuzz`)
Byte fuzzing mutates valid files (hypothesis); structural fuzzing (tests/formats/structural.py)
varies structure: deep nesting, many siblings, long runs of one markup character, huge
attributes, alias and entity expansion, sizes spread up to LARGEST_BYTES. Each input must give a
Document or a one-line LoadError within the time limit, in a process whose address space is
capped (a memory blow-up fails instead of swapping). Prints, per kind and family, how the inputs
ended and the slowest one.
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
from tests.formats.structural import FAMILIES, inputs  # noqa: E402

MEMORY_CAP_BYTES = 4 * 1024**3


def main() -> int:
    examples = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    structural = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    largest = int(sys.argv[3]) if len(sys.argv) > 3 else 50_000
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
    slowest: dict[str, tuple[float, int]] = {}
    for family_name, family in FAMILIES.items():
        for name, data in inputs(family, structural, largest):
            began = time.perf_counter()
            result = load_within(name, data)
            took = time.perf_counter() - began
            outcomes[f"{family_name}: {'document' if isinstance(result, Document) else 'LoadError'}"] += 1
            if took > slowest.get(family_name, (0.0, 0))[0]:
                slowest[family_name] = (took, len(data))
    total = sum(outcomes.values())
    print(f"{total} inputs in {time.perf_counter() - started:.0f} s, no other outcome:")
    for key, count in sorted(outcomes.items()):
        print(f"  {key:40} {count}")
    for family_name, (took, size) in slowest.items():
        print(f"  slowest {family_name:32} {took:.2f} s ({size:,} bytes)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"peak memory {peak} MB (cap {MEMORY_CAP_BYTES // 1024**2} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
