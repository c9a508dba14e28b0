"""Scale-out: the export through ``dask.bag`` on the local scheduler, and the Parquet read back with pandas.

This is the code a user who outgrows one machine runs (``docs/scale.md``): the
function that reads a partition of files is plain briefmodel, and only the
scheduler changes (a Dask cluster, or Spark's ``mapPartitions``).
"""

from pathlib import Path

import pytest

import briefmodel as bm
from briefmodel._formats.tables import TABLES

from .conftest import CORPUS_FILES, SEED

db = pytest.importorskip("dask.bag")
pd = pytest.importorskip("pandas")
pq = pytest.importorskip("pyarrow.parquet")


def write_partition(paths: list[str], out: str) -> list[int]:
    """Read some files and write their tables as one Parquet part each; returns the row counts."""
    read = [(report, path) for path in paths for report in bm.load(path)]
    if not read:
        return [0] * len(TABLES)
    part = bm.report_id(*read[0])  # stable and unique: the part's name does not depend on the scheduler
    counts = []
    for name, table in bm.to_arrow([r for r, _ in read], paths=[p for _, p in read]).items():
        folder = Path(out) / name
        folder.mkdir(parents=True, exist_ok=True)
        pq.write_table(table, folder / f"{part}.parquet")
        counts.append(table.num_rows)
    return counts


KEYS = {"reports": [], "supports": ["takeaway", "claim"], "claim_sources": ["claim", "citation", "source"]}


@pytest.mark.parametrize("scheduler", ["threads", "processes"])
def test_the_dask_export_equals_the_one_process_tables(tmp_path: Path, scheduler: str) -> None:
    paths = [str(SEED), *(str(path) for path in CORPUS_FILES[:12])]
    out = str(tmp_path / "tables")
    bag = db.from_sequence(paths, npartitions=4)
    counts = bag.map_partitions(lambda part: [write_partition(list(part), out)]).compute(scheduler=scheduler)
    read = [(report, path) for path in paths for report in bm.load(path)]
    direct = bm.to_pandas([r for r, _ in read], paths=[p for _, p in read])
    for index, name in enumerate(TABLES):
        assert sum(count[index] for count in counts) == len(direct[name])
        back = pd.read_parquet(Path(out) / name)  # the folder of parts, read as one table
        keys = ["report_id", *KEYS.get(name, [name[:-1]])]  # the columns that tell a table's rows apart
        back = back.sort_values(keys).reset_index(drop=True)
        expected = direct[name].sort_values(keys).reset_index(drop=True)
        assert list(back.columns) == list(expected.columns)
        assert back["report_id"].tolist() == expected["report_id"].tolist()
        if name == "claims":
            assert back["text"].tolist() == expected["text"].tolist()
            assert back["stance"].tolist() == expected["stance"].tolist()


def test_reports_travel_to_worker_processes_and_back() -> None:
    reports = db.from_sequence([str(SEED)], npartitions=1).map(bm.load).flatten()
    summary = reports.map(lambda report: (report.title, len(report.claims))).compute(scheduler="processes")
    assert summary == [(report.title, len(report.claims)) for report in bm.load(SEED)]
