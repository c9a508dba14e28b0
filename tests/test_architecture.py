"""The layout's import rules (docs/architecture.md), each a test that fails when someone adds a back-arrow.

The rules between the parts and between the stages of a part are import-linter
contracts in ``pyproject.toml`` (``[tool.importlinter]``); the rules import-linter
cannot state are read here from the source with ``ast``.
"""

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import briefmodel

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = Path(briefmodel.__file__).resolve().parent
LINT_IMPORTS = shutil.which("lint-imports") or str(Path(sys.executable).with_name("lint-imports"))
DEFERRED = PACKAGE / "_model" / "deferred.py"
MAX_DEFERRED_READS = 4


def _lint_imports(config: Path, cwd: Path, pythonpath: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(pythonpath)}
    return subprocess.run(
        [LINT_IMPORTS, "--config", str(config), "--no-cache"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def test_the_import_contracts_hold() -> None:
    done = _lint_imports(ROOT / "pyproject.toml", ROOT, PACKAGE.parent)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout
    assert done.stdout.count("KEPT") == 9  # every contract of pyproject.toml was checked


@pytest.mark.parametrize(
    ("module", "back_arrow", "contract"),
    [
        ("_model/text.py", "import briefmodel._read.lines", "The parts import only down the flow"),
        ("_formats/text.py", "import briefmodel._read.pipeline", "Writers read only the model"),
        ("_read/lines.py", "import briefmodel._read.header", "Inside _read a stage imports only earlier stages"),
        ("_formats/csl.py", "import briefmodel._formats.tables", "No writer imports another"),
        ("_corpus/rows.py", "import briefmodel._cli.export", "The parts import only down the flow"),
        ("_formats/tables.py", "import briefmodel._corpus.rows", "The parts import only down the flow"),
    ],
)
def test_a_back_arrow_breaks_a_contract(tmp_path: Path, module: str, back_arrow: str, contract: str) -> None:
    copy = tmp_path / "src" / "briefmodel"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    target = copy / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{back_arrow}  # a back-arrow\n", encoding="utf-8")
    done = _lint_imports(ROOT / "pyproject.toml", tmp_path, tmp_path / "src")
    assert done.returncode != 0, done.stdout
    broken = [line for line in done.stdout.splitlines() if "BROKEN" in line or contract in line]
    assert any(contract in line for line in broken), done.stdout


def _late_imports(tree: ast.Module) -> list[ast.Import | ast.ImportFrom]:
    """The imports of a module that are not at its top level (inside a function, a class or a branch),
    those under ``if TYPE_CHECKING:`` excepted (the type checker's only)."""
    type_checking = {
        id(node)
        for statement in tree.body
        if isinstance(statement, ast.If) and ast.unparse(statement.test) == "TYPE_CHECKING"
        for node in ast.walk(statement)
    }
    top = {id(statement) for statement in tree.body}
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, (ast.Import, ast.ImportFrom)) and id(node) not in top and id(node) not in type_checking
    ]


_LATE_REASONS = ("cycle", "import briefmodel loads no")
"""Why an import may sit below the top: it breaks a cycle it names, or it keeps ``import briefmodel`` from loading a
reader that only one function needs (``# import briefmodel loads no claims reader``)."""


def test_imports_sit_at_the_top_unless_they_name_why() -> None:
    unexplained = []
    for path in _modules():
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        late = _late_imports(ast.parse(source))
        unexplained += [f"{path.name}:{n.lineno}: {lines[n.lineno - 1].strip()}" for n in late]
        unexplained = [line for line in unexplained if not any(reason in line for reason in _LATE_REASONS)]
    assert not unexplained, f"imports below the top of a module must say which cycle they break: {unexplained}"


def _package_imports(tree: ast.Module, name: str) -> list[tuple[int, str]]:
    """(line, imported module) of each import of the package itself, relative imports resolved."""
    found = []
    package = name.rsplit(".", 1)[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names if alias.name.startswith("briefmodel")]
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, module] if module else base)
            if module.startswith("briefmodel"):
                found.append((node.lineno, module))
    return found


def test_the_model_imports_readers_only_in_its_deferred_module() -> None:
    outside = []
    deferred = []
    for path in sorted((PACKAGE / "_model").glob("*.py")):
        name = _module_name(path)
        for line, module in _package_imports(ast.parse(path.read_text(encoding="utf-8")), name):
            if module.startswith("briefmodel._model"):
                continue
            if path == DEFERRED:
                deferred.append(module)
            else:
                outside.append(f"{path.name}:{line}: {module}")
    assert not outside, f"the model imports the rest of the package outside {DEFERRED.name}: {outside}"
    assert 1 <= len(deferred) <= MAX_DEFERRED_READS, deferred
    late = _late_imports(ast.parse(DEFERRED.read_text(encoding="utf-8")))
    assert len(late) == len(deferred)  # each read sits inside its function, where it breaks its cycle


def test_the_ast_rule_catches_a_late_import_without_a_reason() -> None:
    tree = ast.parse("import os\n\ndef f():\n    import json\n    return json\n")
    assert [node.lineno for node in _late_imports(tree)] == [4]


def test_import_briefmodel_loads_no_claims_sources_or_entities_reader() -> None:
    code = "import sys, briefmodel; print(sorted(m for m in sys.modules if m.startswith('briefmodel.')))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = ast.literal_eval(done.stdout.strip())
    assert "briefmodel._model.report" in loaded  # the check sees the package's modules
    readers = ("briefmodel._claims", "briefmodel._sources", "briefmodel._entities", "briefmodel._cli")
    assert [m for m in loaded if m.startswith(readers)] == []


def test_public_names_show_the_public_path() -> None:
    for name in briefmodel.__all__:
        value = getattr(briefmodel, name)
        if callable(value):
            assert value.__module__ == "briefmodel", name
    assert repr(briefmodel.Report) == "<class 'briefmodel.Report'>"
