"""A generated ten-year archive into the DuckDB store and into Parquet: time, peak memory, and a one-day update.

For each archive size (``--sizes``, default 365 and 3,650 reports: a year and ten
years of daily reports), the script writes that many generated reports
(``generate.generate_report``, one file a day, ``--bytes`` and ``--notes`` each)
into a temporary folder, then runs the command line in a fresh process for each
step, so that its peak memory (``ru_maxrss``) is its own:

1. ``export ARCHIVE --to duckdb store.duckdb``: the first build;
2. the next day's report added, and the same command again: the one-day update
   (every file hashed, one read);
3. the same command with nothing new;
4. ``export ARCHIVE --to parquet tables``: the first Parquet export;
5. the next day's report added, and the Parquet export again (a Parquet export is
   always whole).

Every step reads files in one process (``--workers 1``), so that one process
holds all the memory measured. Memory must not grow with the number of reports:
the script prints the ratio of the peaks at the largest and smallest size.

    python benchmarks/bench_archive.py                       # 365 and 3,650 reports of 16 KB
    python benchmarks/bench_archive.py --sizes 300 1500      # a lighter run
    python benchmarks/bench_archive.py --reports 3650 --bytes 80000 --notes 150   # one size, full-size reports
    python benchmarks/bench_archive.py --json archive.json
"""

import argparse
import datetime as dt
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import duckdb  # noqa: E402 (only to name its version)

from generate import generate_report  # noqa: E402

FIRST_DAY = dt.date(2016, 1, 1)

CHILD = """
import json, resource, sys, time
from briefmodel._cli import main
started = time.perf_counter()
status = main(sys.argv[1:])
elapsed = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"status": status, "seconds": elapsed, "peak_kib": peak}))
"""


def write_day(folder: Path, day: int, target_bytes: int, notes: int, seed: int) -> Path:
    """The report of day ``day`` (0 is 2016-01-01), named by its date; the same for the same arguments."""
    text = generate_report(random.Random(seed * 1_000_003 + day), target_bytes, notes)
    path = folder / f"{FIRST_DAY + dt.timedelta(days=day):%Y/%m/%Y-%m-%d}.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def command(*args: str) -> dict[str, Any]:
    """The command line in a fresh process: its status, seconds (inside the process) and peak memory."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", CHILD, *args], capture_output=True, text=True, check=False)
    wall = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"bench_archive: {' '.join(args)} failed ({done.returncode}):\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    result["wall_seconds"] = wall
    result["summary"] = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""
    return result


def measure(count: int, target_bytes: int, notes: int, seed: int, workdir: Path) -> dict[str, Any]:
    archive = workdir / f"archive-{count}"
    started = time.perf_counter()
    for day in range(count):
        write_day(archive, day, target_bytes, notes, seed)
    generated = time.perf_counter() - started
    size = sum(p.stat().st_size for p in archive.rglob("*.txt"))
    print(f"{count} reports, {size / 1e6:.1f} MB, generated in {generated:.0f} s", file=sys.stderr)
    store = workdir / f"store-{count}.duckdb"
    tables = workdir / f"tables-{count}"
    steps: dict[str, Any] = {}
    steps["duckdb_first_build"] = command("export", str(archive), "--to", "duckdb", str(store))
    write_day(archive, count, target_bytes, notes, seed)  # the next day's report
    steps["duckdb_one_day_update"] = command("export", str(archive), "--to", "duckdb", str(store))
    steps["duckdb_nothing_new"] = command("export", str(archive), "--to", "duckdb", str(store))
    (archive / f"{FIRST_DAY + dt.timedelta(days=count):%Y/%m/%Y-%m-%d}.txt").unlink()
    steps["parquet_first_build"] = command("export", str(archive), "--to", "parquet", str(tables))
    write_day(archive, count, target_bytes, notes, seed)
    steps["parquet_one_day_update"] = command("export", str(archive), "--to", "parquet", str(tables))
    for name, step in steps.items():
        print(f"  {name:<24} {step['seconds']:8.2f} s  {step['peak_kib'] / 1024:7.1f} MiB", file=sys.stderr)
    return {
        "reports": count,
        "archive_mb": size / 1e6,
        "store_mb": store.stat().st_size / 1e6,
        "parquet_mb": sum(p.stat().st_size for p in tables.rglob("*.parquet")) / 1e6,
        "steps": steps,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[365, 3650], metavar="N", help="archive sizes")
    parser.add_argument("--reports", type=int, metavar="N", help="one archive size (instead of --sizes)")
    parser.add_argument("--bytes", type=int, default=16_000, help="target size of a generated report (16000)")
    parser.add_argument("--notes", type=int, default=30, help="endnotes of a generated report (30)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", metavar="PATH", help="also write the figures as JSON")
    parser.add_argument("--workdir", metavar="DIR", help="where to write the archives (a temporary folder)")
    args = parser.parse_args()
    sizes = [args.reports] if args.reports else args.sizes
    with tempfile.TemporaryDirectory(dir=args.workdir) as workdir:
        results = [measure(count, args.bytes, args.notes, args.seed, Path(workdir)) for count in sizes]

    header = {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "duckdb": duckdb.__version__,
        "report_bytes": args.bytes,
        "report_notes": args.notes,
    }
    print(
        f"\nPython {header['python']} on {header['machine']}, DuckDB {header['duckdb']}, "
        f"reports of about {args.bytes} bytes and {args.notes} notes, --workers 1\n"
    )
    print("| reports | archive | step | time | peak memory |")
    print("| ---: | ---: | --- | ---: | ---: |")
    for result in results:
        for name, step in result["steps"].items():
            print(
                f"| {result['reports']:,} | {result['archive_mb']:.0f} MB | {name.replace('_', ' ')} "
                f"| {step['seconds']:.2f} s | {step['peak_kib'] / 1024:.0f} MiB |"
            )
    if len(results) > 1:
        small, large = results[0], results[-1]
        print(f"\npeak memory at {large['reports']:,} / at {small['reports']:,} reports:")
        for name in small["steps"]:
            ratio = large["steps"][name]["peak_kib"] / small["steps"][name]["peak_kib"]
            print(f"  {name:<24} {ratio:.2f}x")
    for result in results:
        print(
            f"{result['reports']:,} reports: store {result['store_mb']:.0f} MB, Parquet {result['parquet_mb']:.0f} MB"
        )
    if args.json:
        Path(args.json).write_text(json.dumps({**header, "results": results}, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
