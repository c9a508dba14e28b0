"""Count the sentences each non-claim rule keeps out of the claims, over the shared corpus, against a git revision.

    python scripts/claim_rules.py [--ref REV] [--corpus DIR] [--sample N]

The claims of every corpus report are read by the revision (default ``HEAD``, in a
temporary git worktree) and by the working tree; each sentence that was a claim
before and is not one now is put under the rule that removed it (``empty``,
``label``, ``instruction``, or ``boilerplate`` for a line the sections stage now
reads as boilerplate), or under ``rebounded`` when it is now part of a claim with
other bounds (a sentence a scrape broke across lines, read whole again).
``--sample`` prints that many of each, to read. Claims that appear only in the
working tree are counted too (those are the rebounded sentences' new bounds).
"""

import argparse
import collections
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_DUMP = """
import json, sys
import briefmodel as bm
out = []
for path in json.load(sys.stdin):
    for number, report in enumerate(bm.load(path)):
        for claim in report.claims:
            out.append([path, number, claim.span.start, claim.span.end, claim.span.text, claim.span.line])
json.dump(out, sys.stdout)
"""


def _claims(src: Path, paths: list[str]) -> list[list[object]]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    done = subprocess.run(
        [sys.executable, "-c", _DUMP], input=json.dumps(paths), capture_output=True, text=True, env=env, check=True
    )
    result: list[list[object]] = json.loads(done.stdout)
    return result


def _kinds(paths: list[str]) -> dict[tuple[str, int, int], str]:
    """(file, report, line) → block kind, as the working tree reads it."""
    import briefmodel as bm  # the working tree's, put on the path by main

    kinds = {}
    for path in paths:
        for number, report in enumerate(bm.load(path)):
            for line, block in enumerate(report.blocks, start=1):
                kinds[(path, number, line)] = block.kind.value
    return kinds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ref", default="HEAD")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--sample", type=int, default=0, help="print this many removed sentences of each rule")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from briefmodel._claims.assertions import not_a_claim  # the working tree's rules

    paths = sorted(str(p) for p in args.corpus.rglob("*") if p.suffix in (".txt", ".html") and p.is_file())
    with tempfile.TemporaryDirectory() as scratch:
        tree = Path(scratch) / "tree"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), args.ref],
            check=True,
            capture_output=True,
        )
        try:
            before = _claims(tree / "src", paths)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=False)
    after = _claims(ROOT / "src", paths)
    now = {(p, n, s, e) for p, n, s, e, _, _ in after}
    was = {(p, n, s, e) for p, n, s, e, _, _ in before}
    kinds = _kinds(paths)
    spans: dict[tuple[str, int], list[tuple[int, int]]] = collections.defaultdict(list)
    for path, number, start, end, _, _ in after:
        spans[(str(path), int(number))].append((int(start), int(end)))
    removed: dict[str, list[str]] = collections.defaultdict(list)
    for path, number, start, end, text, line in before:
        if (path, number, start, end) in now:
            continue
        rule = not_a_claim(str(text))
        if any(a < int(end) and int(start) < b for a, b in spans[(str(path), int(number))]):
            rule = "rebounded"  # still read, as part of a claim whose bounds changed (a sentence joined again)
        elif rule is None:
            kind = kinds.get((str(path), int(number), int(line)))
            rule = "boilerplate" if kind == "boilerplate" else f"other ({kind})"
        removed[rule].append(f"{Path(str(path)).name}: {str(text)[:110]!r}")
    added = len(now - was)
    print(f"claims before: {len(before)}, after: {len(after)}, added: {added}")
    print("| rule | claims removed |")
    print("| --- | ---: |")
    for rule, found in sorted(removed.items(), key=lambda item: -len(item[1])):
        print(f"| `{rule}` | {len(found)} |")
    rng = random.Random(0)
    for rule, found in sorted(removed.items()):
        for line in rng.sample(found, min(args.sample, len(found))):
            print(f"  {rule}: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
