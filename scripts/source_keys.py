"""Count the printed sources and their keys over the shared corpus, by kind of key, and list the keys printed most ways.

    python scripts/source_keys.py [--corpus DIR] [--top N]

Prints, over every source of every note: the distinct printed URLs (``Source.url``
as repaired) and the distinct keys of those sources (``Source.key``), the same for the
sources without a URL (their text), then a Markdown table of both per kind of key
(``x``, ``telegram``, ``url``, ``truncated``, ...), the sources of each report
counted by printed form and by key (what ``Report.sources`` holds), and the ``N``
keys (default 10) printed in the most forms.
"""

import argparse
import collections
import sys
from pathlib import Path

import briefmodel as bm

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--top", type=int, default=10)
    args = parser.parse_args()
    forms: dict[str, set[str]] = collections.defaultdict(set)  # key -> printed forms
    urls: set[str] = set()
    url_keys: set[str] = set()
    texts: set[str] = set()
    text_keys: set[str] = set()
    cited = 0
    per_report_forms = per_report_keys = reports = 0
    stubs: set[str] = set()
    for path in sorted(p for p in args.corpus.rglob("*") if p.suffix in (".txt", ".html") and p.is_file()):
        for report in bm.load(path):
            reports += 1
            printed_here: set[str] = set()
            keys_here: set[str] = set()
            for note in report.notes:
                for source in note.sources:
                    cited += 1
                    printed = source.url or source.raw
                    forms[source.key].add(printed)
                    printed_here.add(printed)
                    keys_here.add(source.key)
                    if source.url is not None:
                        urls.add(source.url)
                        url_keys.add(source.key)
                        if source.truncated and source.domain is None:
                            stubs.add(source.key)
                    else:
                        texts.add(source.raw)
                        text_keys.add(source.key)
            per_report_forms += len(printed_here)
            per_report_keys += len(keys_here)
            assert len(report.sources) == len(keys_here), path  # Report.sources: one per key
    printed_all = set().union(*forms.values())
    print(
        f"{reports} reports, {cited} sources cited: {len(urls)} distinct printed URLs -> {len(url_keys)} keys; "
        f"{len(texts)} distinct texts without a URL -> {len(text_keys)} keys; "
        f"{len(printed_all)} distinct printed forms -> {len(forms)} distinct keys in all"
    )
    print(
        f"Report.sources summed over the reports: {per_report_forms} printed forms, {per_report_keys} keys; "
        f"{len(stubs)} keys are URLs cut inside the host (no page named)"
    )
    kinds: dict[str, list[str]] = collections.defaultdict(list)
    for key in forms:
        kinds[key.partition(":")[0]].append(key)
    print("\n| Key | Printed forms | Keys | Example |\n| --- | ---: | ---: | --- |")
    for kind, keys in sorted(kinds.items(), key=lambda item: -len(item[1])):
        example = max(keys, key=lambda k: (len(forms[k]), k))
        print(f"| `{kind}:` | {sum(len(forms[k]) for k in keys)} | {len(keys)} | `{_short(example)}` |")
    print("\n| Forms | Key | Printed as |\n| ---: | --- | --- |")
    for key, found in sorted(forms.items(), key=lambda item: (-len(item[1]), item[0]))[: args.top]:
        shown = "; ".join(f"`{_short(form)}`" for form in sorted(found)[:4])
        more = f"; … {len(found) - 4} more" if len(found) > 4 else ""
        print(f"| {len(found)} | `{_short(key)}` | {shown}{more} |")
    return 0


def _short(text: str, width: int = 90) -> str:
    text = text.replace("|", "\\|")
    return text if len(text) <= width else text[: width - 1] + "…"


if __name__ == "__main__":
    sys.exit(main())
