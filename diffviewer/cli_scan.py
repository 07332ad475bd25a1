"""`diffviewer scan ORIGINAL PATH...`: which documents of a collection derive from the original.

Qt-free, like `compare`. Exit codes: 0 done (whether or not anything derives), 2 usage,
3 the original or the index could not be used (one line on standard error), 130 interrupted.
Files of the collection that cannot be read are listed in the report, never fatal.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from diffviewer.formats import LoadError
from diffviewer.report.output import write_atomically
from diffviewer.report.scan_report import scan_html, scan_json, scan_text
from diffviewer.scan.index import IndexUnusable
from diffviewer.scan.model import ScanResult
from diffviewer.scan.runner import make_runner
from diffviewer.scan.search import DEFAULT_CANDIDATES, Phase, Progress, ScanCancelled, ScanOptions, scan

EXIT_OK, EXIT_USAGE, EXIT_INPUT, EXIT_INTERRUPTED = 0, 2, 3, 130
SCAN_FORMATS = ("text", "json", "html")


def add_scan_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "scan",
        help="find the documents of a collection that derive from an original",
        description="List the documents under PATH (files and folders, every format the loaders read) "
        "that derive from ORIGINAL, best first: copies, light edits, rewrites and excerpts.",
    )
    parser.add_argument("original", help="the original document")
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="a file or folder of the collection (none, with --index: the collection the index was built from)",
    )
    parser.add_argument(
        "--index",
        metavar="DIR",
        help="keep the collection's index in DIR and reuse it: later scans read only new and changed files",
    )
    parser.add_argument("--format", choices=SCAN_FORMATS, default="text", help="report format (default: text)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE instead of stdout")
    parser.add_argument(
        "--min-share",
        type=float,
        default=0.0,
        metavar="X",
        help="list only derivatives holding at least this share of the original, 0 to 1 (default: 0)",
    )
    parser.add_argument("--top", type=int, metavar="N", help="list at most N derivatives")
    parser.add_argument(
        "--candidates",
        type=int,
        default=DEFAULT_CANDIDATES,
        metavar="N",
        help="how many of the likeliest documents the engine compares (default: %(default)s)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="run on a Dask LocalCluster of N worker processes started for this scan (without the "
        "cluster extra installed: N processes of this machine); default: a process per core",
    )
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="run on an existing Dask cluster: its scheduler's address (tcp://host:8786)",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress on standard error")


def _progress(quiet: bool) -> Callable[[Progress], None]:
    last: list[Phase | None] = [None]

    def show(progress: Progress) -> None:
        if quiet or not sys.stderr.isatty():
            return
        if progress.total:
            sys.stderr.write(f"\r{progress.phase}: {progress.done:,} of {progress.total:,}\033[K")
        elif progress.phase is not last[0]:
            sys.stderr.write(f"\r{progress.phase}…\033[K")
        last[0] = progress.phase
        sys.stderr.flush()

    return show


def run_scan(args: argparse.Namespace) -> int:
    if not 0.0 <= args.min_share <= 1.0:
        print("diffviewer: --min-share must be between 0 and 1", file=sys.stderr)
        return EXIT_USAGE
    if args.top is not None and args.top < 1 or args.candidates < 1:
        print("diffviewer: --top and --candidates must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    if args.scheduler and args.workers:
        print("diffviewer: give --scheduler or --workers, not both", file=sys.stderr)
        return EXIT_USAGE
    if args.workers is not None and args.workers < 1:
        print("diffviewer: --workers must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    if not args.paths and not args.index:
        print("diffviewer: name the files or folders to scan (or an --index built from them)", file=sys.stderr)
        return EXIT_USAGE
    missing = [p for p in args.paths if not os.path.exists(p)]
    if missing:
        print(f"diffviewer: {missing[0]}: no such file or folder", file=sys.stderr)
        return EXIT_INPUT
    show = _progress(args.quiet)
    try:
        runner = make_runner(args.workers, args.scheduler)
    except ImportError:
        print("diffviewer: --scheduler needs Dask: pip install 'diffviewer[cluster]'", file=sys.stderr)
        return EXIT_INPUT
    except (OSError, ValueError) as error:  # distributed raises OSError (a TimeoutError) when no one answers
        print(f"diffviewer: cannot reach the Dask scheduler {args.scheduler}: {error}", file=sys.stderr)
        return EXIT_INPUT
    try:
        result = scan(
            Path(args.original),
            [Path(p) for p in args.paths],
            Path(args.index) if args.index else None,
            ScanOptions(candidates=args.candidates),
            runner=runner,
            on_progress=show,
        )
    except (LoadError, IndexUnusable) as error:
        print(f"diffviewer: {error}", file=sys.stderr)
        return EXIT_INPUT
    except (ScanCancelled, KeyboardInterrupt):
        print("\ndiffviewer: interrupted (the index keeps what was read)", file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        runner.close()
        if not args.quiet and sys.stderr.isatty():
            sys.stderr.write("\r\033[K")
    return _write(args, result)


def _write(args: argparse.Namespace, result: ScanResult) -> int:
    if args.format == "json":
        data = scan_json(result, args.min_share, args.top)
    elif args.format == "html":
        data = scan_html(result, args.min_share, args.top).encode("utf-8", "backslashreplace")
    else:
        colour = not args.output and sys.stdout.isatty()
        data = scan_text(result, args.min_share, args.top, colour).encode("utf-8", "backslashreplace")
    if args.output:
        try:
            write_atomically(Path(args.output), data)
        except OSError as error:
            print(f"diffviewer: {args.output}: cannot write report: {error.strerror or error}", file=sys.stderr)
            return EXIT_INPUT
        return EXIT_OK
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    return EXIT_OK


def scan_main(arguments: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="diffviewer")
    add_scan_parser(parser.add_subparsers(dest="command"))
    return run_scan(parser.parse_args(list(arguments)))


__all__ = ["add_scan_parser", "run_scan", "scan_main"]
