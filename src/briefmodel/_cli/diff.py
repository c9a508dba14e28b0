"""``briefmodel diff OLD NEW``: what a report of a series adds to the one before, as text or JSON.

Each file holds one report: a text, Markdown or HTML file as ``load`` reads it,
or a JSON file (``.json``, ``.jsonl``) written by ``parse --json``. The rules
of what is new are ``briefmodel.diff``'s.
"""

import argparse
import json
from typing import TextIO

from briefmodel._cli.reading import input_name, json_reports, text_reports
from briefmodel._corpus.diff import ReportDiff, diff
from briefmodel._errors import BriefmodelError
from briefmodel._model.report import Report

__all__ = ["format_diff", "run_diff"]

_JSON_SUFFIXES = (".json", ".jsonl")


def _one_report(path: str) -> Report:
    """The one report of a file; ``BriefmodelError`` naming the file if it holds none or several."""
    name = input_name(path)
    if path.lower().endswith(_JSON_SUFFIXES):
        reports = []
        for item in json_reports(path):
            if item.report is None:
                raise BriefmodelError(f"{item.where}: {item.problem}")
            reports.append(item.report)
    else:
        reports = list(text_reports(path))
    if len(reports) != 1:
        raise BriefmodelError(f"{name} holds {len(reports)} reports; diff compares one report with one report")
    return reports[0]


def run_diff(args: argparse.Namespace, out: TextIO) -> int:
    """The ``diff`` command: 0 whatever the difference (it is data, not a problem)."""
    found = diff(_one_report(args.old), _one_report(args.new))
    if args.json:
        out.write(json.dumps(found.to_dict(), ensure_ascii=False) + "\n")
    else:
        out.write(format_diff(found))
    return 0


def format_diff(found: ReportDiff) -> str:
    """The diff as text for a terminal: a heading and a count per part, then its items."""
    lines = [f"{_name(found.old)}  ->  {_name(found.new)}"]

    def part(title: str, items: list[str]) -> None:
        lines.append("")
        lines.append(f"{title}: {len(items)}")
        lines.extend(f"  {item}" for item in items)

    part("Takeaways added", [t.text for t in found.takeaways_added])
    part("Takeaways dropped", [t.text for t in found.takeaways_dropped])
    part("New claims", [f"line {c.span.line}: {c.text}" for c in found.claims_new])
    part("Sources cited for the first time", [s.url or s.raw for s in found.sources_new])
    part("New speakers", [f"{s.key} ({', '.join(s.names)}): {len(s.claims)} claims" for s in found.speakers_new])
    return "\n".join(lines) + "\n"


def _name(report: Report) -> str:
    date = report.published.isoformat() if report.published else "no date"
    return f"{report.title or '(no title)'} [{date}]"
