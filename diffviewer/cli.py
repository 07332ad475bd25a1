"""Command line: `diffviewer [ORIGINAL [DERIVATIVE]]` opens the window; `diffviewer compare` reports.

Imports nothing from Qt until the window is asked for, so headless reports run without a display.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from diffviewer import __version__
from diffviewer.core.batch import compare_all
from diffviewer.core.compare import CompareError
from diffviewer.core.helper import declare_main_guarded
from diffviewer.core.model import DEFAULT_MAX_PARAGRAPHS, CompareOptions, Document, Granularity
from diffviewer.formats import STDIN_NAME, LoadError, MarkupView, load, load_data, read_stdin
from diffviewer.report.html_report import Layout
from diffviewer.report.writer import ReportFormat, rendered, streamed, write_report

EXIT_OK, EXIT_USAGE, EXIT_INPUT = 0, 2, 3
FORMATS = tuple(str(report) for report in ReportFormat)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="diffviewer",
        description="See how a document was reworded: align paragraphs, diff words, check quotes.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command")
    cmp = sub.add_parser("compare", help="compare an original with one or more derivatives")
    cmp.add_argument("original", help="the original document (- reads standard input)")
    cmp.add_argument(
        "derivatives", nargs="+", metavar="derivative", help="a document derived from it (- reads standard input)"
    )
    cmp.add_argument("--format", choices=FORMATS, default="text", help="report format (default: text)")
    cmp.add_argument(
        "--layout",
        choices=[layout.value for layout in Layout],
        default=Layout.SIDE_BY_SIDE.value,
        help="HTML and PDF: the two documents side by side, or one inline column (default: %(default)s)",
    )
    cmp.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="text format: colour the marks (auto: when writing to a terminal)",
    )
    cmp.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE instead of stdout")
    cmp.add_argument("--ignore-case", action="store_true", help="treat upper and lower case as equal")
    cmp.add_argument("--ignore-punctuation", action="store_true", help="ignore punctuation differences")
    cmp.add_argument("--ignore-whitespace", action="store_true", help="ignore differences in spacing")
    cmp.add_argument(
        "--show-typography",
        action="store_true",
        help="show typographic changes (curly or straight quotes, dashes, open sourced/open-sourced) as changes",
    )
    cmp.add_argument(
        "--granularity",
        choices=[g.value for g in Granularity],
        default=Granularity.WORD.value,
        help="diff unit inside a block (default: %(default)s)",
    )
    cmp.add_argument(
        "--markup",
        choices=[view.value for view in MarkupView],
        default=MarkupView.TEXT.value,
        help="Markdown and reStructuredText: compare the text with the markup removed, or the source "
        "as code, token by token (default: %(default)s)",
    )
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


def _run_compare(args: argparse.Namespace) -> int:
    options = CompareOptions(
        ignore_case=args.ignore_case,
        ignore_punctuation=args.ignore_punctuation,
        ignore_whitespace=args.ignore_whitespace,
        show_typography=args.show_typography,
        granularity=Granularity(args.granularity),
        max_paragraphs=args.max_paragraphs,
    )
    markup = MarkupView(args.markup)
    if [args.original, *args.derivatives].count("-") > 1:
        print("diffviewer: standard input (-) can be only one of the documents", file=sys.stderr)
        return EXIT_USAGE

    def read(path: str) -> Document:
        if path == "-":  # `curl … | diffviewer compare - local.txt`
            return load_data(read_stdin(sys.stdin.buffer, args.max_bytes), STDIN_NAME, markup)
        return load(path, max_bytes=args.max_bytes, markup=markup)

    try:
        original = read(args.original)
        derivatives = [read(path) for path in args.derivatives]
        comparisons = compare_all(original, derivatives, options)
    except (LoadError, CompareError) as error:
        print(f"diffviewer: {error}", file=sys.stderr)
        return EXIT_INPUT
    report, layout = ReportFormat(args.format), Layout(args.layout)
    colour = args.color == "always" or (args.color == "auto" and not args.output and sys.stdout.isatty())
    if args.output:
        try:
            write_report(comparisons, Path(args.output), report, layout, colour)
        except OSError as error:
            print(f"diffviewer: {args.output}: cannot write report: {error.strerror or error}", file=sys.stderr)
            return EXIT_INPUT
        return EXIT_OK
    if report is ReportFormat.PDF:
        print("diffviewer: --format pdf needs -o FILE", file=sys.stderr)
        return EXIT_USAGE
    if report is ReportFormat.JSON:  # UTF-8, as it comes: a book's report is never all in memory
        try:
            sys.stdout.flush()
            sys.stdout.buffer.writelines(streamed(comparisons, report))
            sys.stdout.buffer.flush()
        except BrokenPipeError:
            # The reader had enough (`| head`, `| grep -q`): not an error. What is left unwritten
            # goes nowhere, so that the flush at exit does not fail on the closed pipe again.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    text = rendered(comparisons, report, layout, colour)
    assert isinstance(text, str)  # (JSON, the only report in bytes, is written above)
    sys.stdout.write(text)  # in the terminal's encoding
    return EXIT_OK


def _window_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="diffviewer",
        description="See how a document was reworded. With no command, opens the comparison window.",
        epilog=f"Headless reports: diffviewer compare ORIGINAL DERIVATIVE [--format {'|'.join(FORMATS)}] "
        "(see diffviewer compare --help). Derivatives in a collection: diffviewer scan ORIGINAL FOLDER... "
        "(see diffviewer scan --help).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("files", nargs="*", metavar="FILE", help="the original, then one or more derivatives")
    parser.add_argument("--demo", action="store_true", help="open the bundled sample comparison")
    parser.add_argument(
        "--quit-after", type=int, metavar="MS", help="close the window after MS milliseconds (smoke tests)"
    )
    parser.add_argument(
        "--markup",
        choices=[view.value for view in MarkupView],
        default=None,
        help="read Markdown and reStructuredText as text (markup removed) or as source; "
        "default: the choice remembered from View > Show Markup Source",
    )
    return parser


def console_main() -> int:
    """The `diffviewer` command, `python -m diffviewer` and the bundle's command line. Their main
    modules start nothing when imported again, as a spawned helper process does (core/helper.py);
    a script calling main() itself may not be so guarded."""
    declare_main_guarded()
    return main()


def console_gui_main() -> int:
    """The `diffviewer-gui` command and the bundled window (see console_main)."""
    declare_main_guarded()
    return gui_main()


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == ["compare"]:
        return _run_compare(_parser().parse_args(arguments))
    if arguments[:1] == ["scan"]:
        from diffviewer.cli_scan import scan_main

        return scan_main(arguments)
    parser = _window_parser()
    args = parser.parse_args(arguments)
    return gui_main(args.files, demo=args.demo, quit_after_ms=args.quit_after, markup=args.markup)


def gui_main(
    files: Sequence[str] | None = None,
    demo: bool = False,
    quit_after_ms: int | None = None,
    markup: str | None = None,
) -> int:
    """The windowed entry point (also `diffviewer-gui`)."""
    if files is None:  # started as the gui script: take the command line as it is
        return main(sys.argv[1:])
    from diffviewer.gui.app import run  # Qt is imported only here

    return run(files, demo=demo, quit_after_ms=quit_after_ms, markup=MarkupView(markup) if markup else None)
