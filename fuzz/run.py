"""Fuzz one entry point with atheris (coverage-guided, libFuzzer inside) for a number of seconds.

Usage::

    python fuzz/run.py parse|load|html [SECONDS]

The checks are those of ``tests/fuzz_checks.py``. Starting inputs are the seed
report and the strict fixtures' texts. An input that breaks a check is written
to ``tests/fixtures/fuzz/`` (``NAME-crash-<sha1>``), where ``tests/test_fuzz_findings.py``
replays it with every check: commit it with the fix. ``.ci/run`` runs each
harness for 60 seconds when atheris is installed.
"""

import sys
import tempfile
from pathlib import Path

import atheris

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

with atheris.instrument_imports():
    import briefmodel  # noqa: F401

from tests import fuzz_checks  # noqa: E402

CHECKS = {"parse": fuzz_checks.check_parse, "load": fuzz_checks.check_load, "html": fuzz_checks.check_html}


def _starting_inputs(folder: Path) -> None:
    """The seed and each strict fixture's text, one file each."""
    texts = [path.read_bytes() for path in sorted((ROOT / "seeds").glob("*.txt"))]
    fixtures = (ROOT / "tests" / "fixtures" / "strict.txt").read_text(encoding="utf-8")
    texts += [block.encode("utf-8", "surrogatepass") for block in fixtures.split("\n.\n") if block.strip()]
    texts.append(b"<h1>Title</h1><p>December 1, 2024</p><p>Text.[1]</p><hr><p>[1] https://t.me/a/1</p>")
    for number, data in enumerate(texts):
        (folder / f"start-{number:03}").write_bytes(data[:20_000])


def main() -> None:
    name = sys.argv[1]
    seconds = int(sys.argv[2]) if len(sys.argv) > 2 else 60
    findings = ROOT / "tests" / "fixtures" / "fuzz"
    findings.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as corpus:
        _starting_inputs(Path(corpus))
        arguments = [
            sys.argv[0],
            corpus,
            f"-max_total_time={seconds}",
            "-max_len=4096",
            "-timeout=10",
            f"-artifact_prefix={findings}/{name}-",
            "-print_final_stats=1",
        ]
        atheris.Setup(arguments, CHECKS[name])
        atheris.Fuzz()


if __name__ == "__main__":
    main()
