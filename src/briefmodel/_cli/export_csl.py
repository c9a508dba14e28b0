"""``briefmodel export PATHS --to csl FILE.json``: a bibliography of a corpus, one CSL-JSON item per source.

The inputs are found as for the other formats and read one file at a time; the
items are ``to_csl_json``'s over all their reports, so a source cited in many
reports (the same ``Source.key``) is one item whose ``note`` names every report
that cites it. Only the items are held, never the reports. The file is written
beside its target and put in its place only when complete; a file that cannot
be read is listed and the run goes on (status 2 at the end).
"""

import json
import sys
from collections.abc import Iterator, Sequence
from typing import TextIO

from briefmodel._cli.output import open_output
from briefmodel._corpus.inputs import find_inputs
from briefmodel._corpus.reader import read_file
from briefmodel._errors import BriefmodelError
from briefmodel._formats.csl import to_csl_json
from briefmodel._model.report import Report

__all__ = ["export_csl"]


def export_csl(paths: Sequence[str], out: str, *, err: TextIO | None = None) -> int:
    """Write the CSL-JSON bibliography of the reports under ``paths`` to ``out``; the exit status."""
    err = err or sys.stderr
    inputs = find_inputs(paths, patterns=True)
    for path, reason in inputs.skipped:
        print(f"briefmodel: note: skipped {path}: {reason}", file=err)
    if not inputs.files:
        raise BriefmodelError("no files found to read; nothing exported")
    failed: list[str] = []
    counted = [0]

    def reports() -> Iterator[Report]:
        for path in inputs.files:
            try:
                found = read_file(path)
            except BriefmodelError as error:
                print(f"briefmodel: error: {error}", file=err)
                failed.append(path)
                continue
            if found.note:
                print(f"briefmodel: note: {path}: {found.note}", file=err)
            counted[0] += len(found.reports)
            yield from found.reports

    text = to_csl_json(reports(), indent=2)
    if not counted[0]:
        raise BriefmodelError(f"none of the {len(inputs.files)} files could be read; {out} left as it was")
    with open_output(out, sys.stdout) as output:
        output.write(text + "\n")
    items = len(json.loads(text))
    read = len(inputs.files) - len(failed)
    trouble = f"; {len(failed)} files could not be read" if failed else ""
    print(f"briefmodel: {items} sources of {counted[0]} reports in {read} files written to {out}{trouble}", file=err)
    return 2 if failed else 0
