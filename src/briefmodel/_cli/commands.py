"""The command line: ``briefmodel show | parse | check | render | schema``.

Bad input (a missing, unreadable, binary or non-UTF-8 file, or bad JSON) prints
one line to stderr and exits with status 2, never a traceback. Commands that
take several files go on past a bad one, and the exit status is the worst seen:
0 clean, 1 problems found (``check``), 2 bad input.
"""

import argparse
import contextlib
import json
import os
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from briefmodel._cli.export import export
from briefmodel._errors import BriefmodelError, ParseError
from briefmodel._formats.converter import DataError, from_dict, to_json
from briefmodel._formats.markdown import to_markdown
from briefmodel._formats.schema import json_schema
from briefmodel._formats.text import render
from briefmodel._model.diagnostics import Diagnostic, Severity
from briefmodel._model.report import Report
from briefmodel._read.files import load_text_file

__all__ = ["main"]

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_BAD_INPUT = 2
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE


def _summary(report: Report, out: TextIO) -> None:
    resolved = sum(c.note is not None for c in report.citations)
    rate = f"{resolved / len(report.citations):.0%}" if report.citations else "n/a"
    rows = [
        ("Title", report.title or "(none)"),
        ("Publisher", report.publisher or "(unknown)"),
        ("Published", report.published.isoformat() if report.published else "(no date)"),
        ("Authors", ", ".join(report.authors) or "(none)"),
    ]
    for name, value in rows:
        print(f"{name + ':':<11}{value}", file=out)
    print(
        f"Counts:    {len(report.citations)} citations, {len(report.notes)} notes, {len(report.sources)} sources, "
        f"{len(report.takeaways)} takeaways, {len(report.claims)} claims",
        file=out,
    )
    print(f"Resolved:  {resolved} of {len(report.citations)} citations ({rate})", file=out)
    if report.takeaways:
        print("Key Takeaways:", file=out)
        for number, takeaway in enumerate(report.takeaways, start=1):
            print(f"  {number}. {takeaway.text}", file=out)
    if report.diagnostics:
        print("Diagnostics:", file=out)
        groups = Counter((d.code, d.severity.value) for d in report.diagnostics)
        firsts: dict[str, Diagnostic] = {}
        for diagnostic in report.diagnostics:
            firsts.setdefault(diagnostic.code, diagnostic)
        for (code, severity), count in groups.items():
            first = firsts[code]
            where = f"line {first.span.line}, column {first.span.column}" if first.span else "the report"
            print(f"  {code} ({severity}) x{count}: first at {where}: {first.message}", file=out)


@contextlib.contextmanager
def _output(target: str | None, out: TextIO) -> Iterator[TextIO]:
    """The file named by ``-o`` (written as UTF-8 with ``\\n`` line ends), or standard output."""
    if target is None or target == "-":
        yield out
        return
    try:
        handle = open(target, "w", encoding="utf-8", newline="")  # noqa: SIM115  # closed below
    except OSError as error:
        raise BriefmodelError(f"cannot write {target}: {error.strerror or error}") from None
    with handle:
        yield handle


def _error(message: object) -> None:
    print(f"briefmodel: error: {message}", file=sys.stderr)


def _show(args: argparse.Namespace, out: TextIO) -> int:
    reports = load_text_file(args.file)
    for index, report in enumerate(reports, start=1):
        if len(reports) > 1:
            print(f"{'-' * 8} report {index} of {len(reports)} {'-' * 8}", file=out)
        _summary(report, out)
    return EXIT_OK


def _parse(args: argparse.Namespace, out: TextIO) -> int:
    status = EXIT_OK
    with _output(args.output, out) as target:
        for path in args.files:
            try:
                reports = load_text_file(path)
            except BriefmodelError as error:
                _error(error)
                status = EXIT_BAD_INPUT
                continue
            for report in reports:
                print(to_json(report) if args.json else f"{path}: {report!r}", file=target)
    return status


def _check(args: argparse.Namespace, out: TextIO) -> int:
    status = EXIT_OK
    shown = (Severity.WARNING, Severity.ERROR) if not args.info else tuple(Severity)
    for path in args.files:
        try:
            reports = load_text_file(path, strict=args.strict)
        except ParseError as error:
            print(f"{path}:{error.line}:{error.column}: error {error.code}: {error.message}", file=out)
            for line in str(error).split("\n")[1:]:  # the snippet and its caret
                print(line, file=out)
            status = max(status, EXIT_PROBLEMS)
            continue
        except BriefmodelError as error:
            _error(error)
            status = EXIT_BAD_INPUT
            continue
        lines_before = 0  # spans count lines in their report; the file's lines are what an editor shows
        for report in reports:
            for diagnostic in report.diagnostics:
                if diagnostic.severity in shown:
                    span = diagnostic.span
                    where = f"{span.line + lines_before}:{span.column}" if span else f"{lines_before + 1}:1"
                    kind = f"{diagnostic.severity.value} {diagnostic.code}"
                    print(f"{path}:{where}: {kind}: {diagnostic.message}", file=out)
            if any(d.severity is not Severity.INFO for d in report.diagnostics):
                status = max(status, EXIT_PROBLEMS)
            lines_before += len(report.blocks)
    return status


def _json_reports(path: str) -> list[Report]:
    """The reports a JSON file holds: one object, an array of them, or one per line (``parse --json``)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise BriefmodelError(f"cannot read {path}: {getattr(error, 'strerror', None) or error}") from None
    try:
        data = json.loads(text)
        items = data if isinstance(data, list) else [data]
        places = [f"[{i}]" for i in range(len(items))] if isinstance(data, list) else [""]
    except ValueError:
        # JSON Lines: split at "\n" only; to_json keeps U+2028 and other line separators raw inside strings
        lines = [(number, line) for number, line in enumerate(text.split("\n"), start=1) if line.strip()]
        items, places = [], []
        for number, line in lines:
            try:
                items.append(json.loads(line))
            except ValueError as error:
                raise BriefmodelError(f"{path} line {number} is not JSON: {error}") from None
            places.append(f" line {number}")
    return [_report_from(item, f"{path}{place}") for item, place in zip(items, places, strict=True)]


def _report_from(data: object, where: str) -> Report:
    try:
        return from_dict(data)
    except DataError as error:
        raise BriefmodelError(f"{where} is not a report: {error}") from None


def _render(args: argparse.Namespace, out: TextIO) -> int:
    reports = _json_reports(args.file)
    write = to_markdown if args.to == "markdown" else render
    with _output(args.output, out) as target:
        target.write(("\n" if args.to == "markdown" else "").join(write(report) for report in reports))
    return EXIT_OK


def _export(args: argparse.Namespace, out: TextIO) -> int:
    to, folder = args.to
    if to not in ("parquet", "csv"):
        raise BriefmodelError(f"--to takes parquet or csv, not {to!r}")
    if args.workers < 1:
        raise BriefmodelError(f"--workers must be 1 or more, not {args.workers}")
    return export(args.paths, folder, to=to, workers=args.workers)


def _schema(args: argparse.Namespace, out: TextIO) -> int:
    print(json.dumps(json_schema(), indent=2, ensure_ascii=False), file=out)
    return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefmodel", description="Read analytical briefs into a typed model.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    show = commands.add_parser("show", help="summarize the reports in a file")
    show.add_argument("file", metavar="FILE", help="a UTF-8 text file holding one or more reports")
    show.set_defaults(run=_show)
    parse = commands.add_parser("parse", help="read reports; print a line each, or their JSON")
    parse.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 text files")
    parse.add_argument("--json", action="store_true", help="write each report as one line of JSON (JSON Lines)")
    parse.add_argument("-o", "--output", metavar="OUT", help="write to OUT instead of standard output")
    parse.set_defaults(run=_parse)
    check = commands.add_parser("check", help="list the problems of each file (exit 1 if there are any)")
    check.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 text files")
    check.add_argument("--strict", action="store_true", help="stop at the first problem of each file, with a snippet")
    check.add_argument("--info", action="store_true", help="also list the diagnostics of severity info")
    check.set_defaults(run=_check)
    render_ = commands.add_parser("render", help="write reports read from JSON back as text")
    render_.add_argument("file", metavar="FILE.json", help="JSON written by to_json or 'parse --json'")
    render_.add_argument(
        "--to",
        choices=["text", "markdown"],
        default="text",
        help="text (exact, the default) or Markdown with footnotes",
    )
    render_.add_argument("-o", "--output", metavar="OUT", help="write to OUT instead of standard output")
    render_.set_defaults(run=_render)
    export = commands.add_parser("export", help="write the tables of many files as Parquet or CSV")
    export.add_argument("paths", nargs="+", metavar="PATH", help="files, and folders to search for .txt files")
    export.add_argument(
        "--to",
        nargs=2,
        required=True,
        metavar=("FORMAT", "OUT"),
        help="parquet or csv, and the folder to write reports, claims, citations, notes and sources to",
    )
    export.add_argument("--workers", type=int, default=1, metavar="N", help="processes reading files (default 1)")
    export.set_defaults(run=_export)
    schema = commands.add_parser("schema", help="print the JSON Schema of the JSON form")
    schema.set_defaults(run=_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        status: int = args.run(args, sys.stdout)
    except BriefmodelError as error:
        _error(error)
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # the reader stopped early (| head): no traceback, the status a shell gives
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    return status
