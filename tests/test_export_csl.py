"""``briefmodel export PATHS --to csl FILE.json``: one CSL-JSON item per distinct source of many reports."""

import json
from pathlib import Path

import pytest

from briefmodel._cli.commands import main

REPORT = """Russian Offensive Campaign Assessment, December {day}, 2024

Russian forces advanced near Pokrovsk on December {day}.[1] Ukrainian officials said talks stalled.[2]

Endnotes

[1] {x}
[2] https://t.me/mod_russia/{post}
"""


def _write(folder: Path, day: int, x: str, post: int) -> None:
    (folder / f"isw-2024-12-{day}.txt").write_text(REPORT.format(day=day, x=x, post=post), encoding="utf-8")


def test_a_source_cited_by_many_reports_is_one_item_naming_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    _write(folder, 13, "https://twitter.com/wartranslated/status/1867612345678901234/photo/1", 100)
    _write(folder, 14, "https://x.com/WarTranslated/status/1867612345678901234?s=20", 101)
    out = tmp_path / "bib.json"
    assert main(["export", str(folder), "--to", "csl", str(out)]) == 0
    items = json.loads(out.read_text(encoding="utf-8"))
    assert len(items) == 3  # one X post printed two ways, two Telegram posts
    (post,) = [item for item in items if item["custom"]["platform"] == "x"]
    assert "(2024-12-13), endnote 1" in post["note"] and "(2024-12-14), endnote 1" in post["note"]
    assert "3 sources of 2 reports in 2 files" in capsys.readouterr().err


def test_a_bad_file_is_listed_the_rest_written_status_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    _write(folder, 13, "https://t.me/a/1", 100)
    (folder / "broken.txt").write_bytes(b"\xff\xfe\x00bad\xc3")
    out = tmp_path / "bib.json"
    assert main(["export", str(folder), "--to", "csl", str(out)]) == 2
    assert len(json.loads(out.read_text(encoding="utf-8"))) == 2
    assert "1 files could not be read" in capsys.readouterr().err


def test_nothing_readable_leaves_the_old_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "bib.json"
    out.write_text("[]\n", encoding="utf-8")
    assert main(["export", str(tmp_path / "missing"), "--to", "csl", str(out)]) == 2
    assert out.read_text(encoding="utf-8") == "[]\n"
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
