"""Time ``parse_html`` on pages nested 50,000 deep, now and (with ``--before REV``) as the reader of a git revision.

    python benchmarks/html_depth.py                          # this checkout
    python benchmarks/html_depth.py --before 8b675c5         # the HTML reader of revision 8b675c5, same shapes
    python benchmarks/html_depth.py --depth 5000 --timeout 60

Each shape is timed once in a child process (so a slow one can be stopped at ``--timeout`` seconds). The figures
are seconds of wall time; the last line gives this machine's slowdown on the perf suite's reference work
(``tests/perf/calibration.py``), by which the perf suite scales its budgets.
"""

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHAPES = {
    "div": "<div>x",
    "ul li": "<ul><li>x",
    "select option": "<select><option>x",
    "div select option": "<div><select><option>x",
    "table tr td": "<table><tr><td>x",
    "b i": "<b><i>x",
    "b across p": "<b>x</p>",
    "unclosed span": "<span>x",
    "option div": "<option><div>x",
    "details summary": "<details><summary>x",
    "dl dt": "<dl><dt>x",
    "blockquote": "<blockquote>x",
}
CHILD = """
import sys, time, types
unit, depth, source = sys.argv[1], int(sys.argv[2]), sys.argv[3]
if source:
    reader = types.ModuleType("html_before")
    exec(compile(open(source, encoding="utf-8").read(), "html_before", "exec"), reader.__dict__)
    parse_html = reader.parse_html
else:
    from briefmodel import parse_html
page = unit * depth
start = time.perf_counter()
report = parse_html(page)
print(f"{time.perf_counter() - start:.2f} {report.text.count('x')}")
"""


def _measure(unit: str, depth: int, source: str, timeout: float) -> str:
    """One shape, timed in a child process: seconds and the words kept, or that it was stopped."""
    try:
        done = subprocess.run(
            [sys.executable, "-c", CHILD, unit, str(depth), source],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=True,
        )
    except subprocess.TimeoutExpired:
        return f"> {timeout:.0f} s (stopped)"
    seconds, words = done.stdout.split()
    return f"{float(seconds):7.2f} s  words kept {words}"


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--before", metavar="REV", help="time the HTML reader of this git revision instead")
    options.add_argument("--depth", type=int, default=50_000)
    options.add_argument("--timeout", type=float, default=300.0)
    args = options.parse_args()
    source = ""
    if args.before:
        reader = subprocess.run(
            ["git", "show", f"{args.before}:src/briefmodel/_read/html.py"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        path = Path(f"/tmp/briefmodel_html_{args.before}.py")
        path.write_text(reader, encoding="utf-8")
        source = str(path)
    print(f"parse_html, {args.depth:,} repetitions, {'revision ' + args.before if args.before else 'this checkout'}")
    for name, unit in SHAPES.items():
        figure = _measure(unit, args.depth, source, args.timeout)
        print(f"  {name:18} {len(unit) * args.depth / 1000:6.0f} KB  {figure}")
    sys.path.insert(0, str(ROOT / "tests"))
    from perf.calibration import slowdown  # the tests' module, found only from here

    print(f"slowdown of this machine on the reference work: {slowdown():.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
