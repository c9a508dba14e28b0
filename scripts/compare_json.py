"""Compare the JSON of every shared corpus report and the seed between a git revision and the working tree.

    python scripts/compare_json.py [--ref REV] [--corpus DIR]

The revision (default: ``HEAD``) is checked out into a temporary git worktree and
imported from there; the working tree is imported from ``src/``. Each file is read
with ``briefmodel.load`` and each report written with ``briefmodel.to_json``; the
script prints one line per file that differs and a count, and exits 1 when any
file differs (2 when it cannot run). Only the public API is used, so any two
revisions can be compared, whatever their internal layout.
"""

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"

# Run in a child process per revision, so the two versions of the package never share an interpreter.
_DIGESTS = """
import hashlib, json, sys
import briefmodel
out = {}
for path in json.load(sys.stdin):
    digest = hashlib.sha256()
    for report in briefmodel.load(path):
        digest.update(briefmodel.to_json(report).encode("utf-8", "surrogatepass"))
        digest.update(b"\\n")
    out[path] = digest.hexdigest()
json.dump(out, sys.stdout)
"""


def files(corpus: Path) -> list[str]:
    """The seed and every text and HTML report of the corpus, sorted."""
    found = sorted(str(p) for p in ROOT.glob("seeds/*.txt"))
    if corpus.is_dir():
        found += sorted(str(p) for p in corpus.rglob("*") if p.suffix in (".txt", ".html") and p.is_file())
    return found


def digests(src: Path, paths: list[str]) -> dict[str, str]:
    """The SHA-256 of each file's JSON, made by the package under ``src``."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    done = subprocess.run(
        [sys.executable, "-c", _DIGESTS], input=json.dumps(paths), capture_output=True, text=True, env=env, check=False
    )
    if done.returncode != 0:
        sys.exit(f"compare_json: the package under {src} failed:\n{done.stderr}")
    result: dict[str, str] = json.loads(done.stdout)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ref", default="HEAD", help="the git revision to compare against (default HEAD)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="the corpus folder")
    args = parser.parse_args()
    paths = files(args.corpus)
    with tempfile.TemporaryDirectory() as scratch:
        tree = Path(scratch) / "tree"
        added = subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), args.ref],
            capture_output=True,
            text=True,
            check=False,
        )
        if added.returncode != 0:
            print(f"compare_json: cannot check out {args.ref}: {added.stderr.strip()}", file=sys.stderr)
            return 2
        try:
            before = digests(tree / "src", paths)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=False)
    after = digests(ROOT / "src", paths)
    differ = [path for path in paths if before[path] != after[path]]
    for path in differ:
        print(f"differs: {path}")
    total = hashlib.sha256("".join(after[p] for p in paths).encode()).hexdigest()[:16]
    print(f"{len(paths) - len(differ)} of {len(paths)} files give byte-identical JSON against {args.ref} ({total})")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
