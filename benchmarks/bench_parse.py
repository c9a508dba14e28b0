"""Throughput of ``briefmodel.parse`` against Markdown footnote parsers, on real and generated briefs.

Usage::

    python benchmarks/bench_parse.py [--runs 5] [--reports 200] [--seed 1] [--scale] [--json PATH]

Two input sets: the shared corpus (``../shared/corpus/*.txt`` from the repo
root, skipped when absent) and ``--reports`` generated ISW-like reports of about
80 KB and 150 endnotes each (``benchmarks/generate.py``). Every input is also
converted once, before any timing, to Markdown with ``[^n]`` footnotes for the
peers.

Parsers, timed in one process and the same run, each over a whole set per pass,
in an order that rotates from run to run:

* ``briefmodel.parse`` over the plain texts;
* ``briefmodel.parse`` plus the lazily computed ``report.claims`` and every
  ``note.sources``;
* the same plus every claim's ``places`` and ``units``;
* mistune 3 with its footnotes plugin (``create_markdown(plugins=["footnotes"])``,
  rendering HTML, its default) over the Markdown;
* markdown-it-py (CommonMark) with ``mdit_py_plugins.footnote``, ``.parse()`` to
  the token stream (the closest thing to our model) over the Markdown.

Each pass is preceded by ``gc.collect()`` and timed with ``time.perf_counter``.
The table shows the median over the runs as MB/s (MB = 1e6 bytes of the UTF-8
input that parser reads) and the ratio to mistune. ``--scale`` checks that a
report ten times longer takes at most about ten times as long to parse and
render. Figures are written up in ``docs/performance.md``.

briefmodel and the peers must be installed (``pip install -e '.[test]'``, the
README's test command); if one cannot be imported, the script says which and how
to install it, and exits with status 2 without measuring anything.
"""

from __future__ import annotations

import argparse
import collections
import gc
import json
import os
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generate import GeneratedReport, build_report, generate_documents, to_markdown

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"
SCALE_TARGET = 12.0

BRIEF_PARSE = "briefmodel.parse"
BRIEF_FULL = "briefmodel.parse + sources + claims"
BRIEF_ENTITIES = "briefmodel.parse + sources + claims + entities"
MISTUNE = "mistune 3 + footnotes"
MDIT = "markdown-it-py + footnote .parse()"


@dataclass
class Peer:
    """One parser under test: a name, a callable over one input, and which form of the input it reads."""

    name: str
    run: Callable[[str], object]
    markdown: bool


@dataclass
class InputSet:
    """A named set of documents, as plain text and as Markdown, with their UTF-8 sizes."""

    name: str
    plain: list[str]
    markdown: list[str]
    plain_bytes: int = 0
    markdown_bytes: int = 0
    expected: list[GeneratedReport] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.plain_bytes = sum(len(t.encode("utf-8")) for t in self.plain)
        self.markdown_bytes = sum(len(t.encode("utf-8")) for t in self.markdown)

    def inputs(self, peer: Peer) -> list[str]:
        return self.markdown if peer.markdown else self.plain

    def size(self, peer: Peer) -> int:
        return self.markdown_bytes if peer.markdown else self.plain_bytes


# --------------------------------------------------------------------------- parsers


def make_peers(briefmodel: Any) -> list[Peer]:
    """The parsers to time, each built once (plugin set-up stays out of the timings)."""
    import mistune
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin

    parse = briefmodel.parse

    def parse_full(text: str) -> object:
        report = parse(text)
        claims = report.claims
        sources = [note.sources for note in report.notes]
        return claims, sources

    def parse_entities(text: str) -> object:
        report = parse(text)
        sources = [note.sources for note in report.notes]
        mentions = [(claim.places, claim.units) for claim in report.claims]
        return mentions, sources

    peers = [
        Peer(BRIEF_PARSE, parse, markdown=False),
        Peer(BRIEF_FULL, parse_full, markdown=False),
        Peer(BRIEF_ENTITIES, parse_entities, markdown=False),
    ]
    md = mistune.create_markdown(plugins=["footnotes"])
    mdit = MarkdownIt("commonmark").use(footnote_plugin)
    peers += [Peer(MISTUNE, md, markdown=True), Peer(MDIT, mdit.parse, markdown=True)]
    return peers


# --------------------------------------------------------------------------- inputs


def load_corpus(folder: Path) -> list[str]:
    """The corpus texts, read as they are (``newline=""`` keeps CRLF and CR)."""
    texts = []
    for path in sorted(folder.glob("*.txt")):
        with path.open(encoding="utf-8", newline="") as handle:
            texts.append(handle.read())
    return texts


def make_set(name: str, texts: list[str], expected: list[GeneratedReport] | None = None) -> InputSet:
    return InputSet(name, texts, [to_markdown(t) for t in texts], expected=expected or [])


# --------------------------------------------------------------------------- timing


def time_pass(run: Callable[[str], object], inputs: Sequence[str]) -> float:
    """Seconds for one pass of ``run`` over ``inputs``, after a full collection."""
    gc.collect()
    start = time.perf_counter()
    for text in inputs:
        run(text)
    return time.perf_counter() - start


def _try(run: Callable[[str], object], text: str) -> Exception | None:
    try:
        run(text)
    except Exception as exc:
        return exc
    return None


def warm_up(peers: list[Peer], input_set: InputSet) -> list[Peer]:
    """One untimed pass per parser over the set; returns the parsers fit to time on it.

    A parser that raises on more than a tenth of the inputs is left out of this
    set; otherwise the inputs any parser raises on are left out for every parser,
    so that all of them read the same documents. Either way it is printed.
    """
    failures: dict[str, dict[int, Exception]] = {}
    for peer in peers:
        errors = {i: e for i, text in enumerate(input_set.inputs(peer)) if (e := _try(peer.run, text)) is not None}
        if errors:
            failures[peer.name] = errors
    kept = list(peers)
    bad: set[int] = set()
    for name, errors in failures.items():
        kinds = collections.Counter(f"{type(e).__name__}: {e}" for e in errors.values())
        first, count = kinds.most_common(1)[0]
        print(
            f"warning: {name} raised on {len(errors)} of {len(input_set.plain)} {input_set.name} inputs "
            f"({len(kinds)} distinct errors; most common, {count}x: {first[:200]}); first at index {min(errors)}"
        )
        if len(errors) > len(input_set.plain) / 10:
            print(f"warning: leaving {name} out of the {input_set.name} set")
            kept = [p for p in kept if p.name != name]
        else:
            bad.update(errors)
    if bad:
        print(f"warning: leaving {len(bad)} input(s) out of {input_set.name} for every parser: {sorted(bad)[:20]}")
        keep = [i for i in range(len(input_set.plain)) if i not in bad]
        input_set.plain = [input_set.plain[i] for i in keep]
        input_set.markdown = [input_set.markdown[i] for i in keep]
        if input_set.expected:
            input_set.expected = [input_set.expected[i] for i in keep]
        input_set.__post_init__()
    return kept


def measure(peers: list[Peer], input_set: InputSet, runs: int) -> dict[str, list[float]]:
    """Seconds per pass for each parser, ``runs`` passes each, the parser order rotating per run."""
    times: dict[str, list[float]] = {peer.name: [] for peer in peers}
    for run in range(runs):
        shift = run % len(peers)
        for peer in peers[shift:] + peers[:shift]:
            times[peer.name].append(time_pass(peer.run, input_set.inputs(peer)))
    return times


def summarize(peers: list[Peer], input_set: InputSet, times: dict[str, list[float]]) -> dict[str, dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = {}
    for peer in peers:
        seconds = times[peer.name]
        size = input_set.size(peer)
        median = statistics.median(seconds)
        rows[peer.name] = {
            "input_bytes": size,
            "seconds": seconds,
            "median_seconds": median,
            "median_mb_s": size / 1e6 / median,
            "min_mb_s": size / 1e6 / max(seconds),
            "max_mb_s": size / 1e6 / min(seconds),
        }
    base = rows.get(MISTUNE)
    for row in rows.values():
        row["ratio_to_mistune"] = row["median_mb_s"] / base["median_mb_s"] if base else None
    return rows


def print_table(title: str, rows: dict[str, dict[str, Any]]) -> None:
    name_width = max(len(name) for name in rows)
    header = f"{'parser':<{name_width}}  {'median MB/s':>11}  {'range MB/s':>15}  {'median s':>8}  {'vs mistune':>10}"
    print(f"\n{title}")
    print(header)
    print("-" * len(header))
    for name, row in rows.items():
        spread = f"{row['min_mb_s']:.2f}-{row['max_mb_s']:.2f}"
        ratio = f"{row['ratio_to_mistune']:.2f}x" if row["ratio_to_mistune"] is not None else "n/a"
        print(
            f"{name:<{name_width}}  {row['median_mb_s']:>11.2f}  {spread:>15}  "
            f"{row['median_seconds']:>8.3f}  {ratio:>10}"
        )


# --------------------------------------------------------------------------- checks


def check_generated(briefmodel: Any, input_set: InputSet) -> dict[str, Any]:
    """Compare what ``parse`` finds in the generated reports with what was generated."""
    mismatches: list[str] = []
    codes: collections.Counter[str] = collections.Counter()
    totals = collections.Counter[str]()
    render = getattr(briefmodel, "render", None)
    source_examples: list[str] = []
    for i, (text, want) in enumerate(zip(input_set.plain, input_set.expected, strict=True)):
        try:
            report = briefmodel.parse(text)
            round_trip = int(render(report) == text) if render else 1
        except Exception as exc:
            mismatches.append(f"{input_set.name}[{i}]: {type(exc).__name__}: {exc}")
            continue
        by_number = {note.number: note for note in report.notes}
        url_notes = [(by_number.get(n), urls) for n, urls in enumerate(want.note_urls, start=1) if urls is not None]
        url_sources = 0
        for note, urls in url_notes:
            got = len(note.sources) if note is not None else 0
            url_sources += got
            if got != urls and len(source_examples) < 5:
                listed = [s.raw for s in note.sources] if note is not None else []
                source_examples.append(
                    f"{input_set.name}[{i}] note {note.label if note else '?'}: {urls} URLs "
                    f"in {note.text if note else ''!r}, sources {listed!r}"
                )
        found = {
            "citations": len(report.citations),
            "resolved": sum(c.note is not None for c in report.citations),
            "notes": len(report.notes),
            "takeaways": len(report.takeaways),
            "takeaway_citations": sum(len(t.citations) for t in report.takeaways),
            "url_sources": url_sources,
            "truncated": sum(s.truncated for note in report.notes for s in note.sources),
            "round_trip": round_trip,
        }
        wanted = {
            "citations": want.citations,
            "resolved": want.citations,
            "notes": want.notes,
            "takeaways": want.takeaways,
            "takeaway_citations": want.takeaway_citations,
            "url_sources": sum(urls for urls in want.note_urls if urls is not None),
            "truncated": text.count("...") + text.count("…"),
            "round_trip": 1,
        }
        totals.update({f"found_{k}": v for k, v in found.items()})
        totals.update({f"generated_{k}": v for k, v in wanted.items()})
        codes.update(d.code for d in report.diagnostics)
        diff = {k: (found[k], wanted[k]) for k in found if found[k] != wanted[k]}
        if diff:
            mismatches.append(f"{input_set.name}[{i}]: " + ", ".join(f"{k} {f} != {w}" for k, (f, w) in diff.items()))
    return {
        "totals": dict(totals),
        "diagnostics": dict(codes),
        "mismatches": mismatches,
        "source_examples": source_examples,
    }


def print_check(check: dict[str, Any], reports: int) -> None:
    totals = check["totals"]
    print(f"\nparse of the {reports} generated reports (found / generated):")
    labels = {
        "citations": "citations",
        "resolved": "resolved citations",
        "notes": "notes",
        "takeaways": "takeaways",
        "takeaway_citations": "citations in takeaways",
        "url_sources": "sources of URL notes",
        "truncated": "truncated sources",
        "round_trip": "render(parse(t)) == t",
    }
    for key, label in labels.items():
        print(f"  {label:<24} {totals.get('found_' + key, 0):>7} / {totals.get('generated_' + key, 0)}")
    if check["diagnostics"]:
        listed = ", ".join(f"{code} {n}" for code, n in sorted(check["diagnostics"].items()))
        print(f"  diagnostics: {listed}")
    if check["mismatches"]:
        print(f"  {len(check['mismatches'])} report(s) differ from what was generated, e.g.:")
        for line in check["mismatches"][:8]:
            print(f"    {line}")
    if check["source_examples"]:
        print("  notes whose sources differ from the URLs generated, e.g.:")
        for line in check["source_examples"]:
            print(f"    {line[:400]}")


# --------------------------------------------------------------------------- --scale


def best_of(run: Callable[[], object], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def _round_trip_problem(render: Callable[[Any], str], report: Any, text: str) -> str | None:
    try:
        same = render(report) == text
    except Exception as exc:
        return f"render raised {type(exc).__name__}: {exc}"
    return None if same else "render(parse(t)) != t"


def scale_check(briefmodel: Any, seed: int) -> dict[str, Any]:
    """Time parse, render, and parse + sources + claims on a 1x and a 10x report (best of 3)."""
    one = build_report(random.Random(seed), 80_000, 150)
    ten = build_report(random.Random(seed), 800_000, 1500)
    parse, render = briefmodel.parse, briefmodel.render
    sizes = {"1x": len(one.text.encode("utf-8")), "10x": len(ten.text.encode("utf-8"))}
    result: dict[str, Any] = {"bytes": sizes, "target_ratio": SCALE_TARGET, "stages": {}}
    for label, doc in (("1x", one), ("10x", ten)):
        try:
            report = parse(doc.text)  # also warms up
        except Exception as exc:
            print(f"warning: {label} report: parse raised {type(exc).__name__}: {exc}")
            continue
        found = (len(report.citations), sum(c.note is not None for c in report.citations), len(report.notes))
        if found != (doc.citations, doc.citations, doc.notes):
            print(
                f"warning: {label} report: parse found citations/resolved/notes {found}, "
                f"generated {(doc.citations, doc.citations, doc.notes)}"
            )
        problem = _round_trip_problem(render, report, doc.text)
        if problem:
            print(f"warning: {label} report: {problem}")

    def full(text: str) -> None:
        report = parse(text)
        _ = report.claims
        _ = [note.sources for note in report.notes]

    stages: dict[str, Callable[[str], Callable[[], object]]] = {
        "parse": lambda t: lambda: parse(t),
        "render": lambda t: (lambda r: lambda: render(r))(parse(t)),
        "parse + sources + claims": lambda t: lambda: full(t),
    }
    for stage, make in stages.items():
        try:
            t1 = best_of(make(one.text))
            t10 = best_of(make(ten.text))
        except Exception as exc:
            print(f"warning: scale: {stage} raised {type(exc).__name__}: {exc}")
            continue
        result["stages"][stage] = {"1x_seconds": t1, "10x_seconds": t10, "ratio": t10 / t1}
    return result


def print_scale(result: dict[str, Any]) -> None:
    sizes = result["bytes"]
    print(
        f"\nscale: one report of {sizes['1x'] / 1e3:.0f} KB (150 notes) vs one of {sizes['10x'] / 1e3:.0f} KB "
        f"(1500 notes), size ratio {sizes['10x'] / sizes['1x']:.2f}x, best of 3"
    )
    header = f"{'stage':<26}  {'1x s':>8}  {'10x s':>8}  {'ratio':>7}  target <= {result['target_ratio']:.0f}x"
    print(header)
    print("-" * len(header))
    for stage, row in result["stages"].items():
        verdict = "ok" if row["ratio"] <= result["target_ratio"] else "TOO SLOW"
        print(f"{stage:<26}  {row['1x_seconds']:>8.4f}  {row['10x_seconds']:>8.4f}  {row['ratio']:>6.2f}x  {verdict}")


# --------------------------------------------------------------------------- main


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=5, help="timed passes per parser and set (default 5)")
    parser.add_argument("--reports", type=int, default=200, help="generated reports (default 200)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the generated reports (default 1)")
    parser.add_argument("--scale", action="store_true", help="also run the 1x/10x linearity check")
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the figures as JSON")
    args = parser.parse_args(argv)
    if args.runs < 1 or args.reports < 1:
        parser.error("--runs and --reports must be at least 1")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    began = time.perf_counter()
    try:
        import briefmodel

        peers = make_peers(briefmodel)
    except ImportError as error:  # without briefmodel's dependencies the figures would mean nothing
        print(
            f"bench_parse: cannot import {error.name or error}: run `python -m pip install -e '.[test]'` first",
            file=sys.stderr,
        )
        return 2

    sets: list[InputSet] = []
    if CORPUS.is_dir():
        sets.append(make_set("corpus", load_corpus(CORPUS)))
    else:
        print(f"note: {CORPUS} not found; skipping the corpus set", file=sys.stderr)
    generated = generate_documents(args.reports, args.seed)
    sets.append(make_set("generated", [g.text for g in generated], generated))

    print(
        f"Python {platform.python_version()} ({platform.python_implementation()}), machine {platform.machine()}, "
        f"{os.cpu_count()} CPUs, {platform.system()}"
    )
    for s in sets:
        print(
            f"{s.name}: {len(s.plain)} documents, {s.plain_bytes / 1e6:.2f} MB plain text, "
            f"{s.markdown_bytes / 1e6:.2f} MB Markdown" + (f" (seed {args.seed})" if s.expected else "")
        )
    print(f"runs: {args.runs} per parser and set, median shown; MB = 1e6 bytes of each parser's own input")

    figures: dict[str, Any] = {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "runs": args.runs,
        "seed": args.seed,
        "sets": {},
    }
    for input_set in sets:
        set_peers = warm_up(peers, input_set)
        if not input_set.plain or not set_peers:
            print(f"\n{input_set.name}: nothing left to time")
            continue
        times = measure(set_peers, input_set, args.runs)
        rows = summarize(set_peers, input_set, times)
        print_table(f"{input_set.name}: {len(input_set.plain)} documents, {input_set.plain_bytes / 1e6:.2f} MB", rows)
        figures["sets"][input_set.name] = {
            "documents": len(input_set.plain),
            "plain_bytes": input_set.plain_bytes,
            "markdown_bytes": input_set.markdown_bytes,
            "parsers": rows,
        }

    generated_set = sets[-1]
    check = check_generated(briefmodel, generated_set)
    print_check(check, len(generated_set.plain))
    figures["generated_check"] = check
    if args.scale:
        result = scale_check(briefmodel, args.seed)
        print_scale(result)
        figures["scale"] = result

    elapsed = time.perf_counter() - began
    figures["wall_seconds"] = elapsed
    print(f"\ntotal wall time {elapsed:.1f} s")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
        print(f"figures written to {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
