"""Draw the tutorial's corpus plot: how the claims of each month of the shared corpus divide by stance.

    python scripts/corpus_plot.py [--corpus DIR] [--out docs/corpus-stances.png]

Needs the ``tables`` extra and matplotlib (the ``docs`` extra). The code between
the two ``# --- the tutorial's cell`` lines is the cell ``docs/tutorial.md`` shows.
"""

import argparse
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no screen: write the file only

import briefmodel as bm

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "corpus-stances.png")
    args = parser.parse_args()
    # --- the tutorial's cell
    corpus = bm.Corpus(str(args.corpus / "*.txt"), workers=2)
    tables = corpus.to_pandas(["reports", "claims"])
    claims = tables["claims"].merge(tables["reports"][["report_id", "published"]], on="report_id")
    per_month = claims.groupby([claims["published"].dt.strftime("%Y-%m"), "stance"]).size().unstack(fill_value=0)
    shares = per_month.div(per_month.sum(axis=1), axis=0)
    ax = shares.plot.bar(stacked=True, figsize=(9, 4), width=0.85, title="How each month's claims divide by stance")
    ax.set_xlabel("month of the report")
    ax.set_ylabel("share of the claims")
    ax.legend(title="stance", bbox_to_anchor=(1.01, 1), loc="upper left")
    # --- the tutorial's cell
    ax.figure.tight_layout()
    ax.figure.savefig(args.out, dpi=100, metadata={"Software": None})
    print(f"{len(corpus)} reports, {len(claims)} claims: {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
