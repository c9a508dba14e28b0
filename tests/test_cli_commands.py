"""The command line beyond ``show``: ``parse``, ``check``, ``render`` and ``schema``, with their exit statuses."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

import briefmodel as bm
from briefmodel._cli import main

from .conftest import SEED, read_exact

CLEAN = (
    "Russian Offensive Campaign Assessment, December 14, 2024\n\n"
    "Russian forces advanced near Pokrovsk on December 14, the Ukrainian General Staff reported.[1]\n\n"
    "Endnotes\n[1] https://t.me/GeneralStaffZSU/1\n"
)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "briefmodel", *args], capture_output=True, text=True)


@pytest.fixture
def clean(tmp_path: Path) -> Path:
    path = tmp_path / "clean.txt"
    path.write_text(CLEAN, encoding="utf-8")
    return path


def test_parse_prints_a_line_per_report(capsys: pytest.CaptureFixture[str], clean: Path) -> None:
    assert main(["parse", str(clean), str(SEED)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith(f"{clean}: <Report 'Russian Offensive Campaign Assessment, December 14, 2024'")
    assert lines[2] == f"{SEED}: <Report None (Wilson Center, no date): 0 citations, 0 notes, 0 takeaways>"


def test_parse_json_writes_json_lines_that_render_back_to_the_file(tmp_path: Path) -> None:
    out = tmp_path / "seed.jsonl"
    assert main(["parse", "--json", str(SEED), "-o", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").split("\n")
    assert lines[-1] == "" and len(lines) == 3
    reports = [bm.from_json(line) for line in lines[:2]]
    assert reports == list(bm.load(SEED))
    rendered = tmp_path / "seed.txt"
    assert main(["render", str(out), "-o", str(rendered)]) == 0
    assert rendered.read_bytes() == SEED.read_bytes()


def test_render_reads_one_object_or_an_array(tmp_path: Path, clean: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (report,) = bm.load(clean)
    single, many = tmp_path / "one.json", tmp_path / "many.json"
    single.write_text(bm.to_json(report, indent=2), encoding="utf-8")
    many.write_text(json.dumps([bm.to_dict(report), bm.to_dict(report)]), encoding="utf-8")
    assert main(["render", str(single)]) == 0
    assert capsys.readouterr().out == CLEAN
    assert main(["render", str(many)]) == 0
    assert capsys.readouterr().out == CLEAN * 2


def test_json_lines_keep_line_separators_inside_strings(tmp_path: Path) -> None:
    text = "A Title Line\n\nDecember 1, 2024\n\nRussian forces\u2028advanced.\u2029[1]\x85\n\n[1] https://t.me/a/1\n"
    source = tmp_path / "odd.txt"
    source.write_bytes(text.encode("utf-8"))
    assert main(["parse", "--json", str(source), "-o", str(tmp_path / "odd.jsonl")]) == 0
    assert main(["render", str(tmp_path / "odd.jsonl"), "-o", str(tmp_path / "back.txt")]) == 0
    assert (tmp_path / "back.txt").read_bytes() == text.encode("utf-8")


def test_check_exit_statuses(tmp_path: Path, clean: Path) -> None:
    ok = run("check", str(clean))
    assert (ok.returncode, ok.stdout, ok.stderr) == (0, "", "")
    problems = run("check", str(clean), str(SEED))
    assert problems.returncode == 1
    first = problems.stdout.splitlines()[0]
    assert first == f"{SEED}:7:160: warning ENDNOTES_MISSING: 22 callouts but no endnotes"
    assert "BRACKET_NOT_CALLOUT" not in problems.stdout  # info only with --info
    assert "BRACKET_NOT_CALLOUT" in run("check", "--info", str(SEED)).stdout
    missing = run("check", str(clean), str(tmp_path / "missing.txt"), str(SEED))
    assert missing.returncode == 2  # the worst status wins, and the run goes on past the bad file
    assert missing.stdout.startswith(f"{SEED}:7:160:")
    assert missing.stderr.count("\n") == 1 and "cannot read" in missing.stderr


def test_check_strict_stops_at_the_first_problem_with_a_snippet() -> None:
    result = run("check", "--strict", str(SEED))
    assert result.returncode == 1
    head, snippet, caret = result.stdout.splitlines()
    assert head == f"{SEED}:7:160: error ENDNOTES_MISSING: 22 callouts but no endnotes"
    assert len(snippet) <= 124 and snippet[caret.index("^")] == "["


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"GARBAGE\n\x00\x01\x02 binary", "looks binary: a NUL byte at offset 8"),
        (
            b"%PDF-1.7\n\x00\x01\x02 binary",
            "is a PDF document, not a text file: copy its text into a text file (or save the page as HTML) first",
        ),
        (b"Title\n\n\xe9t\xe9\n", "is not valid UTF-8: byte 0xe9 at offset 7 (invalid continuation byte)"),
    ],
    ids=["binary", "pdf", "latin-1"],
)
@pytest.mark.parametrize("command", ["show", "parse", "check"])
def test_bad_files_are_one_line_and_status_2(tmp_path: Path, content: bytes, message: str, command: str) -> None:
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    result = run(command, str(path))
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == f"briefmodel: error: {path} {message}\n"
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "line 1 is not a report: invalid JSON"),
        ('{"schema_version": 1, "notes": [{"label": 4}]}', "expected a string, got the number 4 @ $.notes[0].label"),
        ('[{"schema_version": 7}]', "[0] is not a report: expected schema_version 1"),
    ],
    ids=["not-json", "bad-note", "bad-version-in-array"],
)
def test_render_of_bad_json_names_the_place(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    result = run("render", str(path))
    assert result.returncode == 2 and result.stdout == ""
    assert message in result.stderr and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


def test_a_reader_that_stops_early_gets_no_traceback() -> None:
    assert read_exact(SEED).count("[") > 20  # 22 warnings: more lines than the reader takes
    command = f"{sys.executable} -m briefmodel check {SEED} | head -n 1"
    result = subprocess.run(["bash", "-o", "pipefail", "-c", command], capture_output=True, text=True)
    assert result.stdout.count("\n") == 1
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr


SECOND = (
    "Russian Offensive Campaign Assessment, December 15, 2024\n\n"
    "Russian forces advanced near Kupyansk.[1] They attacked near Lyman.[2]\n\n"
    "Endnotes\n[1] https://t.me/a/1\n"
)


def test_positions_count_in_the_whole_file(tmp_path: Path) -> None:
    path = tmp_path / "two.txt"
    path.write_text(CLEAN + "\n" + SECOND, encoding="utf-8")
    first, second = bm.load(path)
    problem = next(d for d in second.diagnostics if d.code == "CALLOUT_UNRESOLVED")
    assert problem.span is not None and problem.span.line == 3  # in the second report's own text
    file_line = (CLEAN + "\n" + SECOND).split("\n").index(SECOND.split("\n")[2]) + 1
    assert file_line == len(first.blocks) + 3
    result = run("check", str(path))
    assert result.stdout == f"{path}:{file_line}:{problem.span.column}: warning CALLOUT_UNRESOLVED: {problem.message}\n"
    strict = run("check", "--strict", str(path))
    assert (
        strict.stdout.splitlines()[0]
        == f"{path}:{file_line}:{problem.span.column}: error CALLOUT_UNRESOLVED: {problem.message}"
    )
    with pytest.raises(bm.ParseError) as caught:
        bm.load(path, strict=True)
    assert (caught.value.line, caught.value.column) == (file_line, problem.span.column)


def test_render_to_markdown(tmp_path: Path, clean: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (report,) = bm.load(clean)
    path = tmp_path / "one.json"
    path.write_text(bm.to_json(report), encoding="utf-8")
    assert main(["render", "--to", "markdown", str(path)]) == 0
    assert capsys.readouterr().out == bm.to_markdown(report)
