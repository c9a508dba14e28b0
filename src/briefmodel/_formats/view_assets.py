"""The style sheets and the script of the reading view, and their hashes for the Content-Security-Policy.

Neither holds any report text: the script reads what it needs from the page's
own markup (``data-`` attributes made of numbers and escaped text), and writes
into the page with ``textContent`` and copies of nodes, never by parsing
markup. ``PAGE_CSS`` and ``PAGE_SCRIPT`` go inline into the standalone page, and
the page's policy allows exactly these two blocks by their SHA-256 hashes.
``NOTEBOOK_CSS`` styles the notebook view, scoped to ``.bm-report`` and made of
translucent tints that read on Jupyter's light and dark themes alike.
"""

import base64
import hashlib

__all__ = ["NOTEBOOK_CSS", "PAGE_CSS", "PAGE_SCRIPT", "VIEW_CSS", "csp_hash"]


def csp_hash(source: str) -> str:
    """The Content-Security-Policy source expression of an inline block: ``'sha256-…'`` of its UTF-8 bytes."""
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


# The marks a claim carries, shared by both style sheets: a stance is a tint, a letter tag and a line style
# (solid, dashed, dotted, double, none), so it reads in colour, in grey scale and in print.
_MARKS = """
.bm-report .bm-claim{border-bottom:2px solid transparent;border-radius:2px;padding:0 1px}
.bm-report .bm-s-assessed{--bm-c:var(--bm-assessed)}
.bm-report .bm-s-reported{--bm-c:var(--bm-reported)}
.bm-report .bm-s-unverified{--bm-c:var(--bm-unverified)}
.bm-report .bm-s-confirmed{--bm-c:var(--bm-confirmed)}
.bm-report .bm-s-background{--bm-c:var(--bm-background)}
.bm-report .bm-claim.bm-s-assessed{background:var(--bm-assessed-bg);border-bottom:2px solid var(--bm-c)}
.bm-report .bm-claim.bm-s-reported{background:var(--bm-reported-bg);border-bottom:2px dashed var(--bm-c)}
.bm-report .bm-claim.bm-s-unverified{background:var(--bm-unverified-bg);border-bottom:2px dotted var(--bm-c)}
.bm-report .bm-claim.bm-s-confirmed{background:var(--bm-confirmed-bg);border-bottom:3px double var(--bm-c)}
.bm-report .bm-tag,.bm-report .bm-claim-tag{display:inline-block;min-width:1.3em;padding:0 .25em;margin-right:.2em;
 border:1px solid var(--bm-c);border-radius:3px;color:var(--bm-c);font:700 .7em/1.35 ui-monospace,monospace;
 text-align:center;text-decoration:none;vertical-align:.35em}
.bm-report .bm-speaker{text-decoration:underline 2px;text-underline-offset:.18em}
.bm-report .bm-agent{text-decoration:underline 1px;text-underline-offset:.18em}
.bm-report .bm-cue{text-decoration:underline double;text-underline-offset:.18em;font-weight:600}
.bm-report .bm-hedge{font-style:italic;border-bottom:1px dashed currentColor}
.bm-report .bm-hedge::before{content:"~";font-size:.75em;vertical-align:.4em;opacity:.8}
.bm-report .bm-date{outline:1px solid var(--bm-muted);outline-offset:-1px;border-radius:3px;padding:0 2px}
.bm-report .bm-place{font-variant:small-caps}
.bm-report .bm-unit{font-variant:small-caps;font-weight:600;letter-spacing:.02em}
.bm-report .bm-callout{font-size:.8em;vertical-align:.3em;text-decoration:none;white-space:nowrap}
.bm-report .bm-unresolved{color:var(--bm-bad);text-decoration:line-through;cursor:help}
.bm-report .bm-q{font-weight:700;margin-left:1px;text-decoration:none;display:inline-block}
.bm-report .bm-badge{display:inline-block;padding:0 .4em;border:1px solid var(--bm-muted);border-radius:3px;
 font-size:.8em;color:var(--bm-muted)}
.bm-report .bm-unsupported{border-style:dashed}
.bm-report .bm-url{word-break:break-all;color:var(--bm-muted)}
.bm-report .bm-facts{color:var(--bm-muted);font-size:.9em}
.bm-report table{border-collapse:collapse;font-size:.9em}
.bm-report th,.bm-report td{border:1px solid var(--bm-line);padding:.25em .45em;text-align:left;vertical-align:top}
.bm-report th{font-weight:600}
.bm-report .bm-error td:first-child{color:var(--bm-bad);font-weight:700}
.bm-report .bm-warning td:first-child{color:var(--bm-unverified);font-weight:700}
"""

NOTEBOOK_CSS = (
    """
.bm-report{--bm-assessed:#8a5cd6;--bm-reported:#2f80c9;--bm-unverified:#d07a1c;--bm-confirmed:#2e9a4f;
 --bm-background:#8b909a;--bm-assessed-bg:rgba(138,92,214,.14);--bm-reported-bg:rgba(47,128,201,.13);
 --bm-unverified-bg:rgba(208,122,28,.15);--bm-confirmed-bg:rgba(46,154,79,.14);--bm-bad:#d0443a;
 --bm-muted:var(--jp-ui-font-color2,#8b909a);--bm-line:var(--jp-border-color2,rgba(128,128,128,.35));
 color:inherit;line-height:1.45;max-width:72em}
.bm-report h3,.bm-report h4{margin:.7em 0 .3em}
.bm-report .bm-meta,.bm-report .bm-counts{margin:.15em 0;color:var(--bm-muted)}
.bm-report a{color:var(--jp-content-link-color,#2f80c9)}
.bm-report .bm-takeaways li{margin:.2em 0}
.bm-report .bm-notes{font-size:.9em}
.bm-report .bm-sources-of{margin:.1em 0 .3em 1em;padding:0;list-style:none}
.bm-report :target{outline:2px solid var(--bm-reported);outline-offset:1px}
"""
    + _MARKS
)

_LIGHT = """--bm-fg:#1d1e22;--bm-bg:#fcfcfa;--bm-soft:#f1f2f4;--bm-muted:#5b606b;--bm-line:#d5d8de;
 --bm-link:#1d4fb0;--bm-focus:#e0a100;--bm-hl:rgba(255,200,0,.35);--bm-bad:#b3261e;
 --bm-assessed:#6a3dbd;--bm-reported:#11609f;--bm-unverified:#a65200;--bm-confirmed:#1c7434;--bm-background:#6b7280;
 --bm-assessed-bg:rgba(106,61,189,.10);--bm-reported-bg:rgba(17,96,159,.09);--bm-unverified-bg:rgba(166,82,0,.11);
 --bm-confirmed-bg:rgba(28,116,52,.10)"""
_DARK = """--bm-fg:#e4e5e9;--bm-bg:#15161a;--bm-soft:#22242a;--bm-muted:#a3a8b3;
 --bm-line:#3a3d45;--bm-link:#8ab4ff;--bm-focus:#ffcc33;--bm-hl:rgba(255,204,51,.28);--bm-bad:#ff8a80;
 --bm-assessed:#b99bff;--bm-reported:#7cb8f0;--bm-unverified:#f0a15a;--bm-confirmed:#74cf8c;--bm-background:#9aa0ab;
 --bm-assessed-bg:rgba(185,155,255,.14);--bm-reported-bg:rgba(124,184,240,.12);--bm-unverified-bg:rgba(240,161,90,.15);
 --bm-confirmed-bg:rgba(116,207,140,.13)"""

VIEW_CSS = (
    ".bm-view{" + _LIGHT + "}\n@media (prefers-color-scheme:dark){.bm-view{" + _DARK + "}}\n"
    + """
.bm-view{background:var(--bm-bg);color:var(--bm-fg);font:16px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,
 "Noto Sans",sans-serif}
.bm-view *{box-sizing:border-box}
.bm-view a{color:var(--bm-link)}
.bm-view :focus-visible{outline:3px solid var(--bm-focus);outline-offset:2px}
.bm-view .bm-skip{position:absolute;left:-999px;top:0;background:var(--bm-bg);padding:.5em}
.bm-view .bm-skip:focus{left:.5em}
.bm-view .bm-index,.bm-view .bm-report{max-width:52rem;margin:0 auto;padding:1.5rem 1.25rem 3rem 3.5rem}
.bm-view .bm-report+.bm-report{border-top:3px double var(--bm-line)}
.bm-view .bm-index{padding-bottom:0}
.bm-view .bm-wide{max-width:80rem}
.bm-view .bm-up{display:inline-block;margin-bottom:.5em}
.bm-view .bm-title{font-size:1.6rem;line-height:1.25;margin:.2em 0 .3em}
.bm-view .bm-meta,.bm-view .bm-counts{margin:.1em 0;color:var(--bm-muted)}
.bm-view h2{font-size:1.2rem;margin:1.8em 0 .5em;padding-bottom:.2em;border-bottom:1px solid var(--bm-line)}
.bm-view .bm-legend{display:flex;flex-wrap:wrap;gap:.3em 1.1em;padding:.6em .8em;margin:1em 0;
 background:var(--bm-soft);border-radius:6px;font-size:.88em}
.bm-view .bm-legend>span{white-space:nowrap}
.bm-view .bm-filters{display:flex;flex-wrap:wrap;gap:.5em 1em;align-items:end;margin:1em 0;font-size:.9em}
.bm-view .bm-filters[hidden]{display:none}
.bm-view .bm-filters label{display:flex;flex-direction:column;gap:.15em}
.bm-view .bm-filters select{max-width:15rem}
.bm-view .bm-filters select,.bm-view .bm-filters button,.bm-view .bm-panel button{font:inherit;padding:.25em .4em;
 color:var(--bm-fg);background:var(--bm-bg);border:1px solid var(--bm-line);border-radius:4px;cursor:pointer}
.bm-view .bm-shown{color:var(--bm-muted);margin:0}
.bm-view .bm-takeaways li{margin:.35em 0}
.bm-view .bm-support{white-space:nowrap;font-size:.9em}
.bm-view .bm-body{margin-top:1em}
.bm-view .bm-line{position:relative;margin:0 0 .55em;white-space:pre-wrap;overflow-wrap:anywhere;font-size:1rem}
.bm-view .bm-line::before{content:attr(data-ln);position:absolute;left:-3.3em;width:2.8em;text-align:right;
 font:.7rem/2.3 ui-monospace,monospace;color:var(--bm-muted);opacity:.75}
.bm-view .bm-blank{height:.3em}
.bm-view .bm-k-heading{font-weight:700;font-size:1.08rem;margin-top:1.1em}
.bm-view .bm-k-title,.bm-view .bm-k-dateline,.bm-view .bm-k-byline,.bm-view .bm-k-publisher,
.bm-view .bm-k-boilerplate,.bm-view .bm-k-other,.bm-view .bm-k-endnotes{color:var(--bm-muted);font-size:.92rem}
.bm-view .bm-fold{margin:0 0 .6em;color:var(--bm-muted);font-size:.92em}
.bm-view .bm-fold summary{cursor:pointer}
.bm-view .bm-claim{cursor:pointer}
.bm-view .bm-report .bm-claim.bm-highlight{background:var(--bm-hl);outline:2px solid var(--bm-focus);outline-offset:1px}
.bm-view .bm-claim:target{outline:2px solid var(--bm-focus)}
.bm-view .bm-note:target,.bm-view tr:target{background:var(--bm-hl)}
.bm-view .bm-out{display:none}
.bm-view .bm-table{overflow-x:auto}
.bm-view .bm-claims td:last-child{min-width:16em}
.bm-view .bm-notes{padding-left:1.5em;font-size:.92em}
.bm-view .bm-note{margin:.4em 0}
.bm-view .bm-note-text{white-space:pre-wrap;overflow-wrap:anywhere}
.bm-view .bm-sources-of{margin:.15em 0 .2em;padding-left:1.1em}
.bm-view .bm-source{overflow-wrap:anywhere}
.bm-view .bm-cited-by{margin:.1em 0;font-size:.88em;color:var(--bm-muted)}
.bm-view .bm-groups{list-style:none;padding:0}
.bm-view .bm-groups>li{margin:.3em 0}
.bm-view .bm-groups ul{margin:.1em 0;padding-left:1.2em;font-size:.92em}
.bm-view .bm-panel{position:fixed;top:0;right:0;z-index:10;width:min(27rem,100%);height:100%;overflow:auto;
 padding:1em 1.1em;background:var(--bm-bg);border-left:1px solid var(--bm-line);box-shadow:-6px 0 18px rgba(0,0,0,.18)}
.bm-view .bm-panel[hidden]{display:none}
.bm-view .bm-panel-head{display:flex;justify-content:space-between;align-items:center;gap:1em}
.bm-view .bm-panel h2{margin:0;border:0}
.bm-view .bm-panel dl{margin:.5em 0}
.bm-view .bm-panel dt{font-weight:600;color:var(--bm-muted);font-size:.85em;margin-top:.5em}
.bm-view .bm-panel dd{margin:0}
.bm-view .bm-panel .bm-note{list-style:none}
.bm-view .bm-index table{width:100%;border-collapse:collapse;font-size:.9em}
.bm-view .bm-index th,.bm-view .bm-index td{border-bottom:1px solid var(--bm-line);padding:.3em .5em;text-align:left;
 vertical-align:top}
.bm-view .bm-index td:first-child{white-space:nowrap}
.bm-view .bm-index .bm-n{text-align:right;font-variant-numeric:tabular-nums}
@media (max-width:40rem){.bm-view .bm-line::before{display:none}.bm-view .bm-report{padding-left:1.25rem}}
@media print{
 .bm-view{--bm-fg:#000;--bm-bg:#fff;--bm-muted:#444;--bm-line:#999;--bm-link:#000;font-size:10.5pt}
 .bm-view .bm-filters,.bm-view .bm-panel,.bm-view .bm-skip{display:none}
 .bm-view .bm-report{max-width:none;padding:0}
 .bm-view .bm-claim{-webkit-print-color-adjust:exact;print-color-adjust:exact}
 .bm-view .bm-line::before{display:none}
 .bm-view a{text-decoration:none}
 .bm-view h2{break-after:avoid}
 .bm-view tr,.bm-view .bm-note,.bm-view .bm-line{break-inside:avoid}
}
"""
    + _MARKS
)
"""The reading view's style, every rule under ``.bm-view``: the fragment (``standalone=False``) carries it as is."""

PAGE_CSS = (
    """:root{color-scheme:light dark}
html,body{margin:0;background:#fcfcfa;color:#1d1e22}
@media (prefers-color-scheme:dark){html,body{background:#15161a;color:#e4e5e9}}
@media print{html,body{background:#fff;color:#000}}
"""
    + VIEW_CSS
)
"""The standalone page's style: the page's own background and colour scheme, then ``VIEW_CSS``."""

PAGE_SCRIPT = """
(function () {
  "use strict";
  var panel = document.getElementById("bm-panel");
  var panelTitle = document.getElementById("bm-panel-title");
  var panelBody = document.getElementById("bm-panel-body");
  var back = null;

  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }
  function para(words) { var p = document.createElement("p"); p.textContent = words; return p; }
  function copyOf(node) {
    var copy = node.cloneNode(true);
    copy.removeAttribute("id");
    copy.querySelectorAll("[id]").forEach(function (inner) { inner.removeAttribute("id"); });
    return copy;
  }
  function openPanel(title, nodes) {
    if (panel.hidden) { back = document.activeElement; }
    clear(panelBody);
    panelTitle.textContent = title;
    nodes.forEach(function (node) { panelBody.appendChild(node); });
    panel.hidden = false;
    panel.focus();
  }
  function closePanel() {
    panel.hidden = true;
    if (back && back.focus) { back.focus(); }
    back = null;
  }
  function unhighlight() {
    document.querySelectorAll(".bm-highlight").forEach(function (el) { el.classList.remove("bm-highlight"); });
  }
  function pieces(report, index) {
    return report.querySelectorAll('.bm-body .bm-claim[data-claim="' + index + '"]');
  }
  function highlight(report, indexes) {
    unhighlight();
    var first = null;
    indexes.forEach(function (index) {
      pieces(report, index).forEach(function (el) {
        if (el.classList.contains("bm-out")) { resetFilters(report); }
        el.classList.add("bm-highlight");
        if (!first) { first = el; }
      });
    });
    return first;
  }
  function showClaim(report, index) {
    var row = report.querySelector('tr[data-claim="' + index + '"]');
    if (!row) { return; }
    var names = report.querySelectorAll(".bm-claims thead th");
    var list = document.createElement("dl");
    row.querySelectorAll("td").forEach(function (cell, at) {
      var term = document.createElement("dt");
      term.textContent = names[at] ? names[at].textContent : "";
      var value = document.createElement("dd");
      Array.prototype.forEach.call(copyOf(cell).childNodes, function (child) {
        value.appendChild(child.cloneNode(true));
      });
      list.appendChild(term);
      list.appendChild(value);
    });
    highlight(report, [index]);
    openPanel("Claim " + (Number(index) + 1), [list]);
  }
  function showNote(link) {
    var note = document.getElementById(link.getAttribute("data-note"));
    if (!note) { return; }
    var go = document.createElement("a");
    go.href = "#" + note.id;
    go.textContent = "Show it among the notes";
    var label = note.querySelector(".bm-label");
    openPanel("Note " + (label ? label.textContent : ""), [copyOf(note), go]);
  }
  function showUnresolved(el) {
    openPanel("Unresolved callout", [para("The callout [" + el.getAttribute("data-label") +
      "] is unresolved: no note of the report has its label.")]);
  }
  function claimMatches(el, form) {
    var stance = form.elements.stance.value, speaker = form.elements.speaker.value, cited = form.elements.cited.value;
    if (stance && el.getAttribute("data-stance") !== stance) { return false; }
    if (speaker === "author" && el.getAttribute("data-speaker") !== "") { return false; }
    if (speaker.slice(0, 2) === "k:" && el.getAttribute("data-speaker") !== speaker.slice(2)) { return false; }
    if (cited && el.getAttribute("data-cited") !== cited) { return false; }
    return true;
  }
  function applyFilters(form) {
    var report = form.closest(".bm-report");
    var active = Boolean(form.elements.stance.value || form.elements.speaker.value || form.elements.cited.value);
    var shown = 0, total = 0;
    report.querySelectorAll(".bm-body .bm-claim, .bm-claims tr[data-claim]").forEach(function (el) {
      var out = active && !claimMatches(el, form);
      el.classList.toggle("bm-out", out);
      if (el.tagName === "TR") { total += 1; if (!out) { shown += 1; } }
    });
    report.querySelectorAll(".bm-body > .bm-line, .bm-body > .bm-fold").forEach(function (line) {
      var keep = !active || line.classList.contains("bm-k-heading") || line.querySelector(".bm-claim:not(.bm-out)");
      line.classList.toggle("bm-out", !keep);
    });
    var count = report.querySelector(".bm-shown");
    if (count) { count.textContent = active ? shown + " of " + total + " claims shown" : total + " claims"; }
  }
  function resetFilters(report) {
    var form = report.querySelector(".bm-filters");
    if (form) { form.reset(); applyFilters(form); }
  }

  document.querySelectorAll(".bm-filters").forEach(function (form) {
    form.hidden = false;
    form.addEventListener("change", function () { applyFilters(form); });
    form.addEventListener("reset", function () { window.setTimeout(function () { applyFilters(form); }, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    applyFilters(form);
  });

  document.addEventListener("click", function (event) {
    var target = event.target.closest("a, button, [role=button], .bm-claim");
    if (!target) { return; }
    var report = target.closest(".bm-report");
    if (target.id === "bm-panel-close") { closePanel(); return; }
    if (target.classList.contains("bm-callout") && target.hasAttribute("data-note")) {
      event.preventDefault(); showNote(target); return;
    }
    if (target.classList.contains("bm-unresolved")) { event.preventDefault(); showUnresolved(target); return; }
    if (target.classList.contains("bm-support") && report) {
      var first = highlight(report, target.getAttribute("data-claims").split(" "));
      if (first) {
        event.preventDefault();
        first.scrollIntoView({block: "center"});
        var tag = first.querySelector(".bm-claim-tag");
        if (tag) { tag.focus({preventScroll: true}); }
      }
      return;
    }
    if (target.classList.contains("bm-claim-tag") && report) {
      event.preventDefault(); showClaim(report, target.getAttribute("data-claim")); return;
    }
    if (target.classList.contains("bm-claim") && report && !window.getSelection().toString()) {
      showClaim(report, target.getAttribute("data-claim"));
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !panel.hidden) { closePanel(); return; }
    var target = event.target;
    var pressed = event.key === "Enter" || event.key === " ";
    if (pressed && target.getAttribute && target.getAttribute("role") === "button") {
      event.preventDefault(); target.click();
    }
  });
}());
"""
