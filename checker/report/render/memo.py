"""The memo to the desk: what the editor's reports say, worked out once for the Markdown and HTML renderers.

The report lists findings, one per rule and fact; an editor thinks in facts ("how many fighters were
killed?"), not rules. So findings about one fact (one story, one topic, sharing claims) are gathered
into one item with its verdicts (worst first, each with what to check), and its reports in publication
order: date, outlet, who says it, the figure, and the sentence with the claims in conflict marked. Articles
are named by outlet, date and headline, never by id; rule ids, scores and fingerprints travel separately
for the trailer. Every word and count is decided here, so the two renderers differ only in syntax, and
what they show is plain text (they escape it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ...records import TIMELINE_LEAD, Rule, Severity
from ...rules.docs import rule_docs_url
from .timeline import ArticleRef, Entry, Piece, Quote, article_ref, fact_entries, parse_day, printable

__all__ = [
    "ArticleRef",
    "Entry",
    "FactItem",
    "Memo",
    "Piece",
    "Quote",
    "StoryItem",
    "Verdict",
    "build_memo",
    "count",
    "join_words",
    "printable",
]

SEVERITY_WORD = {"error": "Error", "warning": "Warning", "note": "Note"}

# How the summary names a fact, by the engine of the rule that judged it (engines are a fixed set; a
# custom rule file names one of them). person_attribute depends on the rule's ``attribute`` param.
_KIND_BY_ENGINE = {
    "count_consistency": ("disputed toll", "disputed tolls"),
    "parts_total": ("disputed toll", "disputed tolls"),
    "weekday_mismatch": ("wrong weekday", "wrong weekdays"),
    "date_consistency": ("disputed date", "disputed dates"),
    "name_variant": ("name spelling", "name spellings"),
    "figure_consistency": ("figure stated twice", "figures stated twice"),
}
_KIND_BY_ATTRIBUTE = {"age": ("disputed age", "disputed ages"), "title": ("disputed title", "disputed titles")}


@dataclass(frozen=True)
class Verdict:
    severity: str
    rule: str
    name: str
    text: str  # the finding's message without the topic it repeats or the timeline the memo lays out
    check: str  # what to check, from the rule file ("" when the rule file has none)
    score: float
    fingerprint: str
    docs: str  # link to the rule's section of docs/rules.md
    blocking: bool  # at or above the run's fail-on level: needs a fix before publishing


@dataclass(frozen=True)
class FactItem:
    topic: str  # capitalised: "Fighters killed", "The day of the fighting"
    kind: tuple[str, str]  # singular and plural, for the summary: ("toll", "tolls")
    verdicts: tuple[Verdict, ...]
    entries: tuple[Entry, ...]

    @property
    def severity(self) -> str:
        return self.verdicts[0].severity

    @property
    def blocking(self) -> bool:
        return any(v.blocking for v in self.verdicts)


@dataclass(frozen=True)
class StoryItem:
    id: str
    headline: str
    articles: tuple[ArticleRef, ...]
    facts: tuple[FactItem, ...]


@dataclass(frozen=True)
class Memo:
    status: str  # "pass" | "fail" | "error", as in the report
    verdict: str  # the opening sentence: passes or fails, and how many facts need a fix
    summary: str  # what was read and what the facts are, in words
    tally: str  # the findings by severity, for the people who run the gate
    stories: tuple[StoryItem, ...]  # stories with something to check
    quiet: tuple[StoryItem, ...]  # stories with nothing to check
    input_errors: tuple[str, ...]
    notes: tuple[str, ...]
    by_severity: Mapping[str, int]


def count(n: int, singular: str, plural: str | None = None) -> str:
    """'1 error', '2 errors', '1 story', '3 stories'."""
    return f"{n} {singular if n == 1 else (plural or singular + 's')}"


def join_words(words: Sequence[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(words) < 2:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def build_memo(report: dict[str, Any], rules: Sequence[Rule] = ()) -> Memo:
    """The memo for a validated report; ``rules`` (when given) supply what to check and person attributes."""
    by_rule = {r.id: r for r in rules}
    listed = {r["id"]: r for r in report["rules"]}
    fail_on = report["settings"]["fail_on"]
    threshold = None if fail_on == "never" else Severity(fail_on).rank
    years = {day.year for a in report["articles"] if (day := parse_day(a.get("published")))}
    refs = {a["id"]: article_ref(a, with_year=len(years) > 1) for a in report["articles"]}
    order = {  # publication order, then the order articles were read (as the facts were built)
        a["id"]: ((parse_day(a.get("published")) or dt.date.max).isoformat(), i)
        for i, a in enumerate(report["articles"])
    }
    claims = {c["id"]: c for a in report["articles"] for c in a["claims"]}

    def verdict(finding: dict[str, Any]) -> Verdict:
        rule = by_rule.get(finding["rule"])
        severity = finding["severity"]
        return Verdict(
            severity=severity,
            rule=finding["rule"],
            name=finding["name"],
            text=_verdict_text(finding["message"], finding.get("topic", "")),
            check=rule.doc.check if rule else "",
            score=finding["score"],
            fingerprint=finding["id"],
            docs=rule_docs_url(finding["rule"]),
            blocking=threshold is not None and Severity(severity).rank >= threshold,
        )

    facts_by_story: dict[str | None, list[FactItem]] = {}
    for story, group in _group_by_fact(report["findings"]):
        ranked = sorted(group, key=lambda f: -Severity(f["severity"]).rank)  # stable: report order within a level
        kind = _kind(ranked[0], listed, by_rule)
        item = FactItem(
            topic=_capitalised(ranked[0].get("topic") or ranked[0]["name"]),
            kind=kind,
            verdicts=tuple(verdict(f) for f in ranked),
            entries=fact_entries(ranked, refs, order, claims, with_details=kind in _KIND_BY_ATTRIBUTE.values()),
        )
        facts_by_story.setdefault(story, []).append(item)
    stories: list[StoryItem] = []
    quiet: list[StoryItem] = []
    known = {s["id"] for s in report["stories"]}
    for story in report["stories"]:
        facts = sorted(facts_by_story.get(story["id"], []), key=lambda f: -Severity(f.severity).rank)
        articles = tuple(refs[a] for a in sorted(story["articles"], key=order.__getitem__))
        told = StoryItem(story["id"], story["title"] or "Untitled story", articles, tuple(facts))
        (stories if facts else quiet).append(told)
    stray = [f for story, facts in facts_by_story.items() if story not in known for f in facts]
    if stray:  # findings outside any story (none today; kept rather than dropped)
        stories.append(StoryItem("", "Across stories", (), tuple(stray)))
    all_facts = [f for s in stories for f in s.facts]
    summary = report["summary"]
    return Memo(
        status=summary["status"],
        verdict=_verdict_sentence(summary, all_facts),
        summary=_summary_sentence(summary, report["stories"], all_facts),
        tally=_tally(summary),
        stories=tuple(stories),
        quiet=tuple(quiet),
        input_errors=tuple(f"{e['path']}: {e['message']}" for e in report["errors"]),
        notes=_notes(report),
        by_severity=dict(summary["by_severity"]),
    )


def _group_by_fact(findings: Iterable[dict[str, Any]]) -> list[tuple[str | None, list[dict[str, Any]]]]:
    """Findings about one fact: same story and topic, and linked by shared claims (two facts that happen to
    share a topic, such as two figures each stated twice, stay apart). Groups keep report order."""
    groups: list[tuple[str | None, list[dict[str, Any]], set[str]]] = []
    for finding in findings:
        key, ids = finding["story"], set(finding["claims"])
        topic = finding.get("topic", "")
        joined = [g for g in groups if topic and g[0] == key and g[1][0].get("topic") == topic and g[2] & ids]
        if not joined:
            groups.append((key, [finding], ids))
            continue
        first = joined[0]
        first[1].append(finding)
        first[2].update(ids)
        for other in joined[1:]:  # a finding that links two groups merges them
            first[1].extend(other[1])
            first[2].update(other[2])
            groups.remove(other)
    return [(story, members) for story, members, _ in groups]


def _kind(finding: dict[str, Any], listed: dict[str, Any], by_rule: dict[str, Rule]) -> tuple[str, str]:
    entry = listed.get(finding["rule"], {})
    engine = entry.get("engine", "")
    if engine == "person_attribute" and finding["rule"] in by_rule:
        attribute = str(by_rule[finding["rule"]].params.get("attribute"))
        return _KIND_BY_ATTRIBUTE.get(attribute, ("detail about a person", "details about people"))
    if engine in _KIND_BY_ENGINE:
        return _KIND_BY_ENGINE[engine]
    group = entry.get("group", "other")
    return (f"{group} problem", f"{group} problems")


def _verdict_text(message: str, topic: str) -> str:
    """The message without the timeline (laid out beside it) or a leading 'Topic: ' (the heading says it)."""
    text = message.split(TIMELINE_LEAD, 1)[0].strip()
    if topic and text.lower().startswith(topic.lower() + ": "):
        text = _capitalised(text[len(topic) + 2 :])
    return text if text.endswith((".", "!", "?")) else text + "."


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _verdict_sentence(summary: dict[str, Any], facts: list[FactItem]) -> str:
    """Passes or fails, in the desk's terms: facts that need a fix before publishing, and the rest."""
    blocking = sum(f.blocking for f in facts)
    others = len(facts) - blocking
    unread = f"{count(summary['errors'], 'file')} could not be read (listed at the end). " if summary["errors"] else ""
    if blocking:
        need = "needs" if blocking == 1 else "need"
        which = f"{blocking} of {len(facts)} facts" if others else count(blocking, "fact")
        rest = f"; {count(others, 'more is', 'more are')} worth a look" if others else ""
        opening = "Input errors" if summary["status"] == "error" else "Fails"
        return f"{opening}: {unread}{_capitalised(which)} {need} a fix before publishing{rest}."
    if summary["status"] == "error":
        return f"Input errors: {unread}Nothing in the articles read needs a fix before publishing."
    if not facts:
        return "Passes: no disagreements found."
    return f"Passes: nothing needs a fix before publishing; {count(others, 'fact is', 'facts are')} worth a look."


def _summary_sentence(summary: dict[str, Any], stories: list[dict[str, Any]], facts: list[FactItem]) -> str:
    read = f"{count(summary['articles'], 'article')} in {count(len(stories), 'story', 'stories')}"
    if not facts:
        return f"Checked {read}."
    kinds: dict[tuple[str, str], int] = {}
    for fact in facts:
        kinds[fact.kind] = kinds.get(fact.kind, 0) + 1
    listed = join_words([count(n, singular, plural) for (singular, plural), n in kinds.items()])
    return f"Checked {read}; {count(len(facts), 'fact')} to check: {listed}."


def _tally(summary: dict[str, Any]) -> str:
    by = summary["by_severity"]
    parts = [count(by[s], s) for s in ("error", "warning", "note") if by.get(s)]
    text = f"{count(summary['findings'], 'finding')}" + (f": {join_words(parts)}" if parts else "")
    if summary["suppressed"]:
        text += f"; {summary['suppressed']} more suppressed"  # by a directive in the copy or the baseline
    return text + "."


def _notes(report: dict[str, Any]) -> tuple[str, ...]:
    notes = []
    for note in report["notes"]:
        where = f" ({note['path']}{':' + str(note['line']) if note.get('line') else ''})" if note.get("path") else ""
        notes.append(f"{note['message']}{where}")
    return tuple(notes)
