"""The HTML report's stylesheet and script, inlined into every page (the page loads nothing from outside).

Kept apart from the page's markup so each can be read on its own. The script only filters: it shows
and hides findings by severity and story (``hidden`` attributes) and counts what is shown. It reads
``data-`` attributes and sets ``textContent``, never HTML, so nothing from the input is ever parsed as
markup by it. The page's Content-Security-Policy allows exactly these two blocks, by hash.
"""

from __future__ import annotations

__all__ = ["SCRIPT", "STYLE"]

STYLE = """
:root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --paper: #ffffff; --tint: #f6f8fa;
  --error: #b42318; --warning: #9a6700; --note: #0969da; --mark: #fff1c2; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; color: var(--ink); background: var(--paper);
  font: 16px/1.5 Georgia, "Times New Roman", serif; }
header, main { max-width: 68rem; margin: 0 auto; padding: 0 1.25rem; }
header { padding-top: 1.5rem; border-bottom: 1px solid var(--line); }
h1, h2, h3, .filters, .verdicts, table, figcaption, .articles, .trailer, .tally {
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .25rem; }
h3 { font-size: 1.1rem; margin: 0 0 .5rem; }
.verdict { font-size: 1.1rem; margin: .25rem 0; }
.status-fail .lead, .status-error .lead { color: var(--error); }
.status-pass .lead { color: #1a7f37; }
.tally { color: var(--muted); font-size: .9rem; margin: .25rem 0 .75rem; }
.filters { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center; padding: .5rem 0 1rem; }
.filters fieldset { border: 0; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem .75rem; }
.filters legend { float: left; font-weight: 600; margin-right: .5rem; }
.filters label { cursor: pointer; }
.shown { color: var(--muted); margin: 0; }
.articles { margin: .25rem 0 1rem; padding-left: 1.25rem; font-size: .9rem; color: var(--muted); }
.fact { border: 1px solid var(--line); border-left-width: 5px; border-radius: 6px; padding: 1rem 1.25rem;
  margin: 1rem 0; background: var(--paper); }
.fact.sev-error { border-left-color: var(--error); }
.fact.sev-warning { border-left-color: var(--warning); }
.fact.sev-note { border-left-color: var(--note); }
.verdicts { list-style: none; margin: 0 0 .75rem; padding: 0; font-size: .95rem; }
.verdicts li { margin: .5rem 0; display: grid; grid-template-columns: 5.5rem 1fr; align-items: start; }
.verdicts p { margin: 0; }
.badge { display: inline-block; min-width: 4.5rem; text-align: center; border-radius: 1rem; padding: 0 .5rem;
  font-size: .8rem; font-weight: 600; color: #fff; margin: .15rem .35rem 0 0; }
.sev-error .badge, .badge.sev-error { background: var(--error); }
.sev-warning .badge, .badge.sev-warning { background: var(--warning); }
.sev-note .badge, .badge.sev-note { background: var(--note); }
.check { color: var(--muted); }
.trailer { font-size: .75rem; color: var(--muted); }
.trailer code { font-size: .75rem; }
table.timeline { border-collapse: collapse; font-size: .85rem; margin: .5rem 0 1rem; }
.timeline th, .timeline td { text-align: left; padding: .2rem .75rem .2rem 0; border-bottom: 1px solid var(--line);
  vertical-align: top; }
.timeline th { color: var(--muted); font-weight: 600; }
.timeline tr.context td { color: var(--muted); }
.quotes { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: .75rem; }
figure.quote { margin: 0; padding: .6rem .8rem; background: var(--tint); border-radius: 6px;
  border-top: 3px solid var(--line); display: flex; flex-direction: column; justify-content: space-between; }
figure.quote.conflict { border-top-color: var(--error); }
figure.quote blockquote { margin: 0 0 .5rem; }
figure.quote strong, strong.mark { background: var(--mark); }
figure.quote em.claim { font-style: italic; color: var(--muted); }
figcaption { font-size: .8rem; color: var(--muted); }
figcaption .where { display: block; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .75rem;
  overflow-wrap: anywhere; }
.quiet, .extra { color: var(--muted); }
footer { max-width: 68rem; margin: 2rem auto; padding: 0 1.25rem; color: var(--muted); font-size: .8rem; }
@media print { .filters { display: none; } .fact { break-inside: avoid; } }
"""

SCRIPT = """
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  function chosen(name) {
    var wanted = {};
    form.querySelectorAll("input[name='" + name + "']").forEach(function (box) { wanted[box.value] = box.checked; });
    return wanted;
  }
  function apply() {
    var severity = chosen("severity"), story = chosen("story"), shown = 0;
    document.querySelectorAll(".finding").forEach(function (finding) {
      var visible = severity[finding.dataset.severity] !== false && story[finding.dataset.story] !== false;
      finding.hidden = !visible;
      if (visible) { shown += 1; }
    });
    document.querySelectorAll(".fact").forEach(function (fact) {
      fact.hidden = !fact.querySelector(".finding:not([hidden])");
    });
    document.querySelectorAll(".story").forEach(function (section) {
      section.hidden = !section.querySelector(".fact:not([hidden])");
    });
    document.getElementById("shown").textContent = String(shown);
  }
  form.addEventListener("change", apply);
  apply();
})();
"""
