"""The examples in ``docs/*.md`` are tests: each one runs, and prints what the page says it prints.

The convention, read from the Markdown source of each page:

- **Fences.** Blocks fenced with three or more backticks (or tildes) are read in
  page order; an indented fence (inside an admonition) is read with its indent
  removed. A block's number in a test id is the line of its opening fence.
- **Markers.** An HTML comment on the last non-blank line before a fence is a
  marker for that block. It is invisible in the built site. Two markers exist, and
  any other comment just before a fence is an error:

  - ``<!-- file: NAME -->`` before a ``text`` block: the block is a file the page
    uses; its lines (plus a final newline) are written to ``NAME`` in the page's
    working directory before any example runs.
  - ``<!-- skip -->`` or ``<!-- skip: reason -->`` before a ``python`` block: the
    block is not run (it needs data the page does not give, or it is only a
    sketch).

- **Python blocks.** A ``python`` block whose first non-blank line starts with
  ``>>>`` is a doctest (``ELLIPSIS`` and ``NORMALIZE_WHITESPACE``). Any other
  ``python`` block is run with ``exec``, and its standard output is compared
  exactly, after removing one final newline, with the ``text`` block that follows
  it (only blank lines in between, and no marker on it). A block with no such
  ``text`` block must print nothing.
- **Command blocks.** A ``sh`` or ``console`` block that holds a single
  ``briefmodel show|parse|check|render ...`` (or ``python -m briefmodel ...``) command (an optional
  ``$`` prompt allowed) and is followed in the same way by a ``text`` block is run
  as ``python -m briefmodel`` in a subprocess. Its standard output and standard
  error together are compared with that block. Other shell blocks (installs,
  benchmarks) are never run.
- **Other blocks** (``text`` blocks that are neither files nor outputs, ``json``)
  are illustrations and are not checked.
- **One namespace per page.** A page's examples (code and doctests) run in order in
  one namespace that starts with ``bm`` (``briefmodel``), plus the imports a page
  says its examples assume (``dt`` for ``format.md``). The working directory is a
  fresh temporary directory holding the page's files and a copy of the seed at
  ``seeds/000_bf36c77dcd078e5e.txt``. A page is run once, and each example's test
  then checks its own result, so a failure names the page and the line of the
  block (``quickstart.md:111``).

Each page with examples is listed in ``MIN_EXAMPLES`` with the least number of runnable
examples it must yield, so a harness that silently finds nothing fails, and
``test_the_harness_catches_stale_examples`` runs a scratch page with wrong outputs to
show that the checks fail when a page is stale. Pages with no runnable examples
(``architecture.md``, ``performance.md``, ``changelog.md``) only have their markers checked.
"""

from __future__ import annotations

import contextlib
import doctest
import io
import os
import re
import shlex
import shutil
import subprocess
import sys
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import pytest

import briefmodel

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
SEED_NAME = "seeds/000_bf36c77dcd078e5e.txt"
SEED = ROOT / SEED_NAME
SRC = Path(briefmodel.__file__).resolve().parents[1]

# Imports a page states its examples assume (beyond ``bm``, which every page gets).
ASSUMED_IMPORTS: dict[str, str] = {"format.md": "import datetime as dt"}

# The least number of runnable examples (code, doctest and command blocks) per page.
MIN_EXAMPLES: dict[str, int] = {
    "index.md": 3,
    "quickstart.md": 16,
    "format.md": 3,
    "model.md": 3,
    "diagnostics.md": 3,
    "claims.md": 5,
    "entities.md": 3,
    "sources.md": 1,
    "cli.md": 5,
    "exports.md": 2,
    "markdown.md": 2,
    "notebooks.md": 2,
    "view.md": 2,
    "html.md": 1,
    "tutorial.md": 4,
    "corpus.md": 10,
}

DOCTEST_FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE

_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<mark>`{3,}|~{3,})[ \t]*(?P<lang>[\w+-]*)[^`]*$")
_MARKER = re.compile(r"^\s*<!--\s*(?P<body>.*?)\s*-->\s*$")
_CLI = re.compile(r"^(?:\$\s+)?(?:briefmodel|python\s+-m\s+briefmodel)\s+(?P<args>(?:show|parse|check|render)\b.*)$")

Kind = Literal["code", "doctest", "cli"]


@dataclass(frozen=True)
class Fence:
    """One fenced block of a page."""

    line: int  # 1-based line of the opening fence
    lang: str
    body: str  # the lines between the fences, joined with "\n", no final newline
    marker: str | None  # the HTML comment just before the fence, without "<!--" and "-->"
    after_blank_only: bool  # only blank lines between this fence and the block before it


@dataclass(frozen=True)
class Example:
    """A runnable block, with the output its page shows for it."""

    page: str
    line: int
    kind: Kind
    source: str
    expected: str  # the text block that follows ("" when there is none); unused for doctests

    @property
    def id(self) -> str:
        return f"{self.page}:{self.line}"


@dataclass
class Page:
    """A docs page read for its examples."""

    name: str
    examples: list[Example] = field(default_factory=list)
    files: dict[str, str] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)  # convention errors (unknown marker, ...)


@dataclass(frozen=True)
class Result:
    """What running one example gave."""

    output: str  # captured output, one final newline removed (for doctests: the failure report)
    error: str | None = None  # a traceback when the block raised


def read_fences(text: str) -> list[Fence]:
    """The fenced blocks of a Markdown text, in order."""
    lines = text.split("\n")
    fences: list[Fence] = []
    index, last_end = 0, -1
    while index < len(lines):
        opening = _FENCE.match(lines[index])
        if opening is None:
            index += 1
            continue
        indent, mark = opening["indent"], opening["mark"]
        closing = re.compile(rf"^{re.escape(indent)}{re.escape(mark[0])}{{{len(mark)},}}\s*$")
        end = index + 1
        while end < len(lines) and not closing.match(lines[end]):
            end += 1
        body = [line.removeprefix(indent) for line in lines[index + 1 : end]]
        before = [line for line in lines[last_end + 1 : index] if line.strip()]
        marker = _MARKER.match(before[-1]) if before else None
        fences.append(
            Fence(
                line=index + 1,
                lang=opening["lang"].lower(),
                body="\n".join(body),
                marker=marker["body"] if marker else None,
                after_blank_only=last_end >= 0 and not before,
            )
        )
        index = last_end = end
        index += 1
    return fences


def read_page(name: str, text: str) -> Page:
    """Apply the convention to one page's Markdown."""
    page = Page(name)
    fences = read_fences(text)
    for position, fence in enumerate(fences):
        following = fences[position + 1] if position + 1 < len(fences) else None
        output = following if following and following.lang == "text" and following.after_blank_only else None
        if output is not None and output.marker is not None:
            output = None
        marker = fence.marker or ""
        if marker.startswith("file:"):
            file_name = marker.removeprefix("file:").strip()
            if fence.lang != "text" or not file_name:
                page.errors.append(f"{name}:{fence.line}: <!-- file: NAME --> belongs before a text block")
            else:
                page.files[file_name] = fence.body + "\n"
            continue
        if marker and not re.fullmatch(r"skip(:.*)?", marker):
            page.errors.append(f"{name}:{fence.line}: unknown marker <!-- {marker} -->")
            continue
        if marker:  # skip
            if fence.lang != "python":
                page.errors.append(f"{name}:{fence.line}: <!-- skip --> belongs before a python block")
            continue
        kind: Kind | None = None
        if fence.lang == "python":
            first = next((line for line in fence.body.split("\n") if line.strip()), "")
            kind = "doctest" if first.lstrip().startswith(">>>") else "code"
        elif fence.lang in {"sh", "console", "bash", "shell"} and output is not None:
            commands = [line for line in fence.body.split("\n") if line.strip()]
            if len(commands) != 1 or not _CLI.match(commands[0].split("#")[0].strip()):
                page.errors.append(
                    f"{name}:{fence.line}: a shell block followed by output must be one briefmodel command"
                )
                continue
            kind = "cli"
        if kind is None:
            continue
        expected = ""
        if kind != "doctest" and output is not None:
            expected = output.body
        page.examples.append(Example(name, fence.line, kind, fence.body, expected))
    return page


@contextlib.contextmanager
def working_directory(path: Path) -> Iterator[None]:
    """``contextlib.chdir`` for Python 3.10."""
    before = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(before)


def _run_code(example: Example, namespace: dict[str, object]) -> Result:
    # Pad with blank lines so that a traceback gives the line numbers of the page.
    code = compile("\n" * example.line + example.source, f"docs/{example.page}", "exec")
    buffer = io.StringIO()
    error = None
    with contextlib.redirect_stdout(buffer):
        try:
            exec(code, namespace)
        except Exception:
            error = traceback.format_exc()
    return Result(buffer.getvalue().removesuffix("\n"), error)


def _run_doctest(example: Example, namespace: dict[str, object]) -> Result:
    test = doctest.DocTestParser().get_doctest(
        example.source, namespace, example.id, f"docs/{example.page}", example.line
    )
    report: list[str] = []
    runner = doctest.DocTestRunner(optionflags=DOCTEST_FLAGS)
    results = runner.run(test, out=report.append, clear_globs=False)
    if results.attempted == 0:
        return Result("", "the doctest holds no example")
    return Result("".join(report), f"{results.failed} of {results.attempted} failed" if results.failed else None)


def _run_cli(example: Example) -> Result:
    command = example.source.strip().split("#")[0].strip()
    match = _CLI.match(command)
    assert match is not None
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])}
    env["PYTHONIOENCODING"] = "utf-8"
    completed = subprocess.run(
        [sys.executable, "-m", "briefmodel", *shlex.split(match["args"])],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=env,
        check=False,
        timeout=60,
    )
    return Result(completed.stdout.decode("utf-8").replace("\r\n", "\n").removesuffix("\n"))


def run_page(page: Page, workdir: Path) -> dict[int, Result]:
    """Run a page's examples in order, in one namespace, in ``workdir``; results by line."""
    for name, content in page.files.items():
        target = workdir / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content.encode("utf-8"))
    (workdir / SEED_NAME).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SEED, workdir / SEED_NAME)
    namespace: dict[str, object] = {"__name__": "__docs__", "bm": briefmodel}
    exec(ASSUMED_IMPORTS.get(page.name, ""), namespace)
    results: dict[int, Result] = {}
    with working_directory(workdir):
        for example in page.examples:
            if example.kind == "code":
                results[example.line] = _run_code(example, namespace)
            elif example.kind == "doctest":
                results[example.line] = _run_doctest(example, namespace)
            else:
                results[example.line] = _run_cli(example)
    return results


PAGES: dict[str, Page] = {
    path.name: read_page(path.name, path.read_text(encoding="utf-8")) for path in sorted(DOCS.glob("*.md"))
}
EXAMPLES: list[Example] = [example for page in PAGES.values() for example in page.examples]


@pytest.fixture(scope="module")
def page_results(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, dict[int, Result]]]:
    """Each page's results, computed the first time one of its examples is tested."""

    class Lazy(dict[str, dict[int, Result]]):
        def __missing__(self, name: str) -> dict[int, Result]:
            self[name] = run_page(PAGES[name], tmp_path_factory.mktemp(name.removesuffix(".md")))
            return self[name]

    yield Lazy()


@pytest.mark.parametrize("example", EXAMPLES, ids=[example.id for example in EXAMPLES])
def test_example(example: Example, page_results: dict[str, dict[int, Result]]) -> None:
    result = page_results[example.page][example.line]
    if example.kind == "doctest":
        assert result.error is None, f"docs/{example.id}: doctest failed ({result.error})\n{result.output}"
        return
    if result.error is not None:
        pytest.fail(f"docs/{example.id} raised:\n{result.error}\nprinted before that:\n{result.output}")
    assert result.output == example.expected, f"docs/{example.id} printed something else than the page shows"


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_follows_the_convention(name: str) -> None:
    page = PAGES[name]
    assert not page.errors
    assert len(page.examples) >= MIN_EXAMPLES.get(name, 0), f"{name}: too few runnable examples found"


def test_every_page_with_examples_is_counted() -> None:
    assert set(MIN_EXAMPLES) <= set(PAGES)
    assert {name for name, page in PAGES.items() if page.examples} <= set(MIN_EXAMPLES)


SCRATCH_PAGE = """\
# Scratch

<!-- file: data.txt -->
```text
one
```

```python
print(open("data.txt").read(), end="")
print(len(open("seeds/000_bf36c77dcd078e5e.txt", encoding="utf-8").read()) > 0)
value = 41
```

```text
one
True
```

```python
print(value + 1)
```

```text
41
```

```python
>>> value
40
```

<!-- skip -->
```python
raise RuntimeError("not run")
```

```python
raise KeyError("run")
```

```python
print("unexpected")
```
"""


def test_the_harness_catches_stale_examples(tmp_path: Path) -> None:
    """A page with wrong outputs gives failures, at the right lines."""
    page = read_page("scratch.md", SCRATCH_PAGE)
    assert page.errors == []
    assert page.files == {"data.txt": "one\n"}
    assert [(e.line, e.kind, e.expected) for e in page.examples] == [
        (8, "code", "one\nTrue"),
        (19, "code", "41"),
        (27, "doctest", ""),
        (37, "code", ""),
        (41, "code", ""),
    ]
    results = run_page(page, tmp_path)
    assert results[8] == Result("one\nTrue")  # right
    assert results[19] == Result("42")  # stale: the page shows 41
    assert results[27].error == "1 of 1 failed" and "line 28" in results[27].output
    error = results[37].error
    assert error is not None and 'File "docs/scratch.md", line 38' in error and "KeyError" in error
    assert results[41] == Result("unexpected")  # prints, though the page shows nothing


def test_unknown_markers_are_refused() -> None:
    page = read_page("scratch.md", "<!-- skp -->\n```python\nx = 1\n```\n\n<!-- file: a.txt -->\n```python\n```\n")
    assert len(page.errors) == 2
