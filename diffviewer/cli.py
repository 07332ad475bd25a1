"""Command line: `diffviewer compare A B [B...]` for headless reports.

Imports nothing from Qt; the window (a later issue) is imported only when asked for.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from diffviewer import __version__
from diffviewer.core.compare import CompareError, compare
from diffviewer.core.model import DEFAULT_MAX_PARAGRAPHS, CompareOptions
from diffviewer.formats import LoadError, load
from diffviewer.report import json_report, text_report

EXIT_OK, EXIT_USAGE, EXIT_INPUT = 0, 2, 3
_RENDERERS = {"json": json_report.render, "text": text_report.render}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="diffviewer",
        description="See how a document was reworded: align paragraphs, diff words, check quotes.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command")
    cmp = sub.add_parser("compare", help="compare an original with one or more derivatives")
    cmp.add_argument("original", help="the original document")
    cmp.add_argument("derivatives", nargs="+", metavar="derivative", help="a document derived from it")
    cmp.add_argument("--format", choices=sorted(_RENDERERS), default="text", help="report format (default: text)")
    cmp.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE instead of stdout")
    cmp.add_argument("--ignore-case", action="store_true", help="treat upper and lower case as equal")
    cmp.add_argument("--ignore-punctuation", action="store_true", help="ignore punctuation differences")
    cmp.add_argument("--ignore-whitespace", action="store_true", help="ignore differences in spacing")
    cmp.add_argument(
        "--max-paragraphs",
        type=int,
        default=DEFAULT_MAX_PARAGRAPHS,
        help="refuse documents with more paragraphs (default: %(default)s)",
    )
    cmp.add_argument(
        "--max-bytes", type=int, default=100_000_000, help="refuse input files larger than this (default: %(default)s)"
    )
    return parser


def _write_atomically(path: Path, text: str) -> None:
    # A temp file renamed over the target: an interrupted write never leaves half a report.
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent or Path("."))
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _run_compare(args: argparse.Namespace) -> int:
    options = CompareOptions(
        ignore_case=args.ignore_case,
        ignore_punctuation=args.ignore_punctuation,
        ignore_whitespace=args.ignore_whitespace,
        max_paragraphs=args.max_paragraphs,
    )
    try:
        original = load(args.original, max_bytes=args.max_bytes)
        derivatives = [load(path, max_bytes=args.max_bytes) for path in args.derivatives]
        comparisons = [compare(original, d, options) for d in derivatives]
    except (LoadError, CompareError) as error:
        print(f"diffviewer: {error}", file=sys.stderr)
        return EXIT_INPUT
    report = _RENDERERS[args.format](comparisons)
    if args.output:
        try:
            _write_atomically(Path(args.output), report)
        except OSError as error:
            print(f"diffviewer: {args.output}: cannot write report: {error.strerror}", file=sys.stderr)
            return EXIT_INPUT
    else:
        sys.stdout.write(report)
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "compare":
        return _run_compare(args)
    parser.print_help()
    return EXIT_OK
