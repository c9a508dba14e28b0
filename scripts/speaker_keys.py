"""Count the printed speakers and their keys over the shared corpus, and list the largest keys with their forms.

    python scripts/speaker_keys.py [--corpus DIR] [--top N]

Prints the number of claims with a speaker, of distinct printed speakers and of
distinct keys, then a Markdown table of the ``N`` largest keys (default 50) with the
printed forms of each, most frequent first.
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
    parser.add_argument("--top", type=int, default=50)
    args = parser.parse_args()
    printed: collections.Counter[str] = collections.Counter()
    forms: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for path in sorted(p for p in args.corpus.rglob("*") if p.suffix in (".txt", ".html") and p.is_file()):
        for report in bm.load(path):
            for claim in report.claims:
                speaker = claim.attribution.speaker
                if speaker is not None:
                    printed[speaker.span.text] += 1
                    forms[speaker.key][speaker.span.text] += 1
    print(f"{sum(printed.values())} claims with a speaker, {len(printed)} printed speakers, {len(forms)} keys")
    print("\n| Claims | Key | Printed as |\n| ---: | --- | --- |")
    for key, found in sorted(forms.items(), key=lambda item: (-sum(item[1].values()), item[0]))[: args.top]:
        shown = "; ".join(f"{form} ({count})" for form, count in found.most_common(6))
        more = f"; … {len(found) - 6} more" if len(found) > 6 else ""
        print(f"| {sum(found.values())} | `{key}` | {shown}{more} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
