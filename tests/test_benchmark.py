"""Without its dependencies, briefmodel says which one and how to install it; the benchmark refuses to run
instead of timing the peers alone."""

import subprocess
import sys

from .conftest import ROOT

BLOCKED = """
import runpy, sys
sys.modules["cattrs"] = None  # as if briefmodel were on the path without its dependencies
sys.path.insert(0, sys.argv[1] + "/benchmarks")
sys.argv = ["bench_parse.py", "--runs", "1", "--reports", "1"]
runpy.run_path(sys.path[0] + "/bench_parse.py", run_name="__main__")
"""


def test_a_missing_dependency_stops_the_benchmark_with_the_install_command() -> None:
    run = subprocess.run([sys.executable, "-c", BLOCKED, str(ROOT)], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 2, run.stderr
    assert run.stdout == ""  # no table without briefmodel's lines
    assert run.stderr == "bench_parse: cannot import cattrs: run `python -m pip install -e '.[test]'` first\n"


def test_importing_without_a_dependency_names_it_and_the_install_command() -> None:
    hidden = "import sys; sys.modules['cattrs'] = None; sys.path.insert(0, sys.argv[1] + '/src'); import briefmodel"
    run = subprocess.run([sys.executable, "-c", hidden, str(ROOT)], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 1
    assert run.stderr.splitlines()[-1] == (
        "ModuleNotFoundError: briefmodel needs cattrs, which is not installed: install briefmodel with "
        "`python -m pip install briefmodel` (from a checkout: `python -m pip install -e .`), "
        "which installs attrs, cattrs and python-dateutil with it"
    )
