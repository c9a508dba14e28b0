"""Instructions the claims reader executes, counted by valgrind: a figure the machine's load does not move.

On a shared machine, timings of one stage drift by 10 % from run to run; the
number of instructions the interpreter executes for the same work does not
(valgrind's callgrind counts them, the same total on a busy and on an idle
machine). This script counts the instructions of reading the claims of a fixed
set of reports (4 generated reports and the first 8 text reports of
``../shared/corpus``), for the working tree and, with ``--ref``, for an earlier
revision checked out into a temporary git worktree, and prints both.

    python benchmarks/count_instructions.py --ref 818a25f

Each count is the difference of two runs of one script: one parses the reports
and reads the claims of a report outside the set (imports, compiled patterns and
first-use caches warm), the other does the same and then reads the claims of the
set. Needs valgrind (Debian's ``valgrind``); takes about a minute per revision.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_WORKLOAD = """
import glob, os, sys
sys.path.insert(0, {benchmarks!r})
import briefmodel as bm
import generate
which = os.environ.get("BRIEFMODEL_SET", "both")
texts = generate.generate_corpus(4, 1) if which != "corpus" else []
if which != "generated":
    texts += [open(p, encoding="utf-8").read() for p in sorted(glob.glob({corpus!r} + "/*.txt"))[:8]]
reports = [r for t in texts for r in bm.parse_all(t)]
warm = bm.parse_all(generate.generate_corpus(1, 99)[0])
for r in warm:
    r.claims
if sys.argv[1] == "claims":
    for r in reports:
        r.claims
"""


def _count(src: Path, script: Path, mode: str, which: str) -> int:
    env = {**os.environ, "PYTHONPATH": str(src), "BRIEFMODEL_SET": which, "PYTHONHASHSEED": "0"}
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, str(script), mode],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        raise SystemExit(f"valgrind printed no count:\n{done.stderr[-2000:]}")
    return int(found.group(1))


def claims_instructions(src: Path, script: Path, which: str) -> int:
    """Instructions of reading the claims of the set, with the code under ``src``."""
    return _count(src, script, "claims", which) - _count(src, script, "none", which)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ref", help="also count this git revision (checked out into a temporary worktree)")
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--set", choices=["both", "generated", "corpus"], default="both")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        print("count_instructions: valgrind is not installed (Debian: apt install valgrind)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "workload.py"
        script.write_text(_WORKLOAD.format(benchmarks=str(ROOT / "benchmarks"), corpus=args.corpus), encoding="utf-8")
        rows = [("working tree", ROOT / "src")]
        if args.ref:
            tree = Path(tmp) / "ref"
            add = ["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(tree), args.ref]
            subprocess.run(add, check=True)
            rows.insert(0, (args.ref, tree / "src"))
        try:
            for name, src in rows:
                count = claims_instructions(src, script, args.set)
                print(f"{name:>14}: {count / 1e6:,.0f} M instructions reading claims ({args.set})")
        finally:
            if args.ref:
                subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
