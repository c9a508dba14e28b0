"""HTML nested 50,000 deep: ``parse_html`` within ``BUDGET`` seconds for each shape, every word kept, in linear time.

lexbor's tree builder looks through its stack of open elements for most tags, so
nesting cost n² before the nesting was capped (50,000 nested ``<ul><li>``: 52 s).
Each shape here nests (or would nest) 50,000 deep; the pass before lexbor caps the
depth at ``NESTING_LIMIT`` and the rest reads as text. Marked ``perf``: run with
``python -m pytest -m perf tests/perf/test_html_depth.py``.
"""

import time

import pytest

import briefmodel as bm

from ..conftest import assert_linear
from .calibration import slowdown

pytest.importorskip("selectolax.lexbor")

pytestmark = pytest.mark.perf

N = 50_000
"""Repetitions of each shape: its nesting depth, for the shapes that nest."""
BUDGET = 2.0
"""Seconds for ``parse_html`` of one shape, on the machine the suite was measured on; a slower or busier machine
multiplies it by ``calibration.slowdown()``."""
LINEAR_LIMIT = 14.0

SHAPES = {
    "div": "<div>x",
    "closed div": "<div>x",  # and 50,000 end tags
    "ul li": "<ul><li>x",
    "select option": "<select><option>x",
    "div select option": "<div><select><option>x",
    "table": "<table><tr><td>x",
    "table cell div": "<table><td><div>x",
    "b i (formatting)": "<b><i>x",
    "b across p (adoption agency)": "<b>x</p>",
    "a around div (adoption agency)": "<a>x<div>",
    "p b reopened (reconstruction)": "<p><b class=c{}>x</p>",
    "unclosed span": "<span>x",
    "option div": "<option><div>x",
    "details summary": "<details><summary>x",
    "dl dt": "<dl><dt>x",
    "li ul": "<li><ul>x",
    "div table end": "<div><table></div>x",
    "caption div": "<table><caption><div>x",
    "button div": "<button><div>x",
    "blockquote": "<blockquote>x",
}
NESTS = {"select option", "p b reopened (reconstruction)", "div table end", "button div"}
"""The shapes HTML closes as it goes: never deep."""


def page(shape: str, n: int) -> str:
    unit = SHAPES[shape]
    if "{}" in unit:
        return "".join(unit.format(k) for k in range(n))
    return unit * n + ("</div>" * n if shape == "closed div" else "")


def timed(markup: str) -> tuple[float, bm.Report]:
    start = time.perf_counter()
    report = bm.parse_html(markup)
    return time.perf_counter() - start, report


@pytest.mark.parametrize("shape", SHAPES)
def test_deep_html_within_budget(shape: str) -> None:
    markup = page(shape, N)
    elapsed, report = timed(markup)
    assert report.text.count("x") == N  # every word kept
    deep = {d.code for d in report.diagnostics} & {"HTML_NESTING_DEEP"}
    assert bool(deep) is (shape not in NESTS)
    passes = [elapsed]
    while min(passes) > BUDGET and len(passes) < 3:  # a busy shared machine may slow one pass: best of 3
        passes.append(timed(markup)[0])
    if min(passes) > BUDGET:
        factor = slowdown()
        assert min(passes) <= BUDGET * factor, (
            f"{shape}: best of {len(passes)} passes {min(passes):.2f} s, budget {BUDGET} s x {factor:.2f} "
            "(this machine's slowdown on the reference work)"
        )


@pytest.mark.parametrize("shape", ["div", "ul li", "table", "b across p (adoption agency)", "option div"])
def test_deep_html_in_linear_time(shape: str) -> None:
    def cost(n: int) -> float:
        markup = page(shape, n)
        return min(timed(markup)[0] for _ in range(3))

    assert_linear(cost, N // 10, LINEAR_LIMIT)
