"""``briefmodel.diff`` and ``briefmodel diff``: what a report of a series adds to the one before."""

import json
from pathlib import Path

import pytest

import briefmodel as bm
from briefmodel._cli.commands import main

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

OLD = """Russian Offensive Campaign Assessment, December 13, 2024

Key Takeaways

  • Russian forces advanced near Pokrovsk and seized positions east of the town.[1]
  • Ukrainian forces struck a Russian ammunition depot in Kursk Oblast.[2]

Russian forces advanced near Pokrovsk and seized positions east of the town on December 13.[1] The Ukrainian General \
Staff reported that Ukrainian forces repelled 20 assaults near Kurakhove.[2] Ukrainian forces struck a Russian \
ammunition depot in Kursk Oblast on December 12.[3]

Endnotes

[1] https://twitter.com/wartranslated/status/1867612345678901234/photo/1
[2] https://t.me/mod_russia/44123
[3] https://www.reuters.com/world/europe/depot-2024-12-12/?utm_source=x
"""

NEW = """Russian Offensive Campaign Assessment, December 14, 2024

Key Takeaways

  • Russian forces advanced near Pokrovsk and seized new positions east of the town.[1]
  • North Korean soldiers are taking part in offensive operations in Kursk Oblast.[2]

Russian forces advanced near Pokrovsk and seized new positions east of the town on December 14.[1] Kremlin \
Spokesperson Dmitry Peskov claimed that Russia is ready for negotiations.[2] The Ukrainian General Staff reported \
that Ukrainian forces repelled 25 assaults near Kurakhove.[3]

Endnotes

[1] https://x.com/WarTranslated/status/1867612345678901234?s=20
[2] https://t.me/s/tass_agency/290001
[3] https://t.me/mod_russia/44123
"""


@pytest.fixture
def pair() -> tuple[bm.Report, bm.Report]:
    return bm.parse(OLD), bm.parse(NEW)


def test_a_near_repeat_is_not_new_and_a_rewritten_takeaway_is_not_added(pair: tuple[bm.Report, bm.Report]) -> None:
    found = bm.diff(*pair)
    assert [t.text for t in found.takeaways_added] == [
        "North Korean soldiers are taking part in offensive operations in Kursk Oblast."
    ]
    assert [t.text for t in found.takeaways_dropped] == [
        "Ukrainian forces struck a Russian ammunition depot in Kursk Oblast."
    ]
    # the Pokrovsk and General Staff sentences restate yesterday's with a date or a number changed
    assert [c.text for c in found.claims_new] == [
        "Kremlin Spokesperson Dmitry Peskov claimed that Russia is ready for negotiations."
    ]


def test_a_source_is_new_only_when_its_key_was_not_cited(pair: tuple[bm.Report, bm.Report]) -> None:
    found = bm.diff(*pair)
    # the X post printed through x.com with ?s=20 is yesterday's twitter.com/.../photo/1: the same source
    assert [s.url for s in found.sources_new] == ["https://t.me/s/tass_agency/290001"]


def test_speakers_new_to_the_pair_with_their_printed_names(pair: tuple[bm.Report, bm.Report]) -> None:
    found = bm.diff(*pair)
    assert [(s.key, s.names, s.claims) for s in found.speakers_new] == [
        ("dmitry peskov", ("Dmitry Peskov",), (1,))
    ]


def test_a_report_adds_nothing_to_itself(pair: tuple[bm.Report, bm.Report]) -> None:
    old, _ = pair
    found = bm.diff(old, old)
    assert (found.takeaways_added, found.takeaways_dropped, found.claims_new, found.sources_new) == ((), (), (), ())
    assert found.speakers_new == ()


def test_the_json_form_indexes_into_each_report(pair: tuple[bm.Report, bm.Report]) -> None:
    data = bm.diff(*pair).to_dict()
    assert data["new"] == {"title": "Russian Offensive Campaign Assessment, December 14, 2024", "published": "2024-12-14"}
    assert data["takeaways_added"] == [{"takeaway": 1, "text": pair[1].takeaways[1].text}]
    assert data["takeaways_dropped"] == [{"takeaway": 1, "text": pair[0].takeaways[1].text}]
    assert [c["claim"] for c in data["claims_new"]] == [1]
    assert data["claims_new"][0]["speaker_key"] == "dmitry peskov"
    assert data["sources_new"][0]["platform"] == "telegram"
    json.dumps(data)  # plain data


def test_the_command_writes_text_or_json_and_one_line_for_a_bad_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    assert main(["diff", str(old), str(new)]) == 0
    text = capsys.readouterr().out
    assert "Takeaways added: 1\n  North Korean soldiers" in text
    assert "New speakers: 1\n  dmitry peskov (Dmitry Peskov): 1 claims" in text
    assert main(["diff", "--json", str(old), str(new)]) == 0
    assert json.loads(capsys.readouterr().out)["speakers_new"][0]["key"] == "dmitry peskov"
    assert main(["diff", str(old), str(tmp_path / "missing.txt")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "missing.txt" in err[0]


def test_the_command_reads_json_reports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = tmp_path / "old.json", tmp_path / "new.txt"
    old.write_text(bm.to_json(bm.parse(OLD)), encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    assert main(["diff", "--json", str(old), str(new)]) == 0
    assert len(json.loads(capsys.readouterr().out)["claims_new"]) == 1


def test_a_file_of_two_reports_is_refused_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    two = tmp_path / "two.txt"
    two.write_text(bm.render(bm.parse(OLD)) + "\n" + NEW, encoding="utf-8")
    reports = bm.parse_all(two.read_text(encoding="utf-8"))
    if len(reports) < 2:
        pytest.skip("the two documents were read as one")
    assert main(["diff", str(two), str(two)]) == 2
    assert "holds 2 reports" in capsys.readouterr().err


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")
def test_two_consecutive_corpus_reports() -> None:
    paths = sorted(CORPUS.glob("isw-*.txt"))[:2]
    old, new = (bm.load(path)[0] for path in paths)
    found = bm.diff(old, new)
    old_keys = {source.key for source in old.sources}
    assert found.sources_new and all(source.key not in old_keys for source in found.sources_new)
    assert {source.key for source in new.sources} - old_keys == {source.key for source in found.sources_new}
    assert 0 < len(found.claims_new) <= len(new.claims)
    assert found.takeaways_added and found.takeaways_dropped  # eleven days apart: every takeaway changed
    spoke_before = {c.attribution.speaker.key for c in old.claims if c.attribution.speaker}
    assert all(speaker.key not in spoke_before for speaker in found.speakers_new)
