"""Measure extraction and false alarms on the development data in ../shared/eval.

    python -m benchmarks.evaluate                 # everything (a few minutes)
    python -m benchmarks.evaluate --only gold,nli # a part
    python -m benchmarks.evaluate --json out.json # also write the figures as JSON

Figures (see README "Quality"):
 1. counts vs the Gun Violence Archive record (gva-dev, articles within 7 days of the incident);
 2. incident dates vs the record (same articles);
 3. precision/recall against the hand-checked gold labels in tests/gold/;
 4. error-level findings per 100 clean real articles, each article checked alone;
 5. contradiction recall on contradoc-dev by contra_type, with evidence matching the gold sentence;
 6. accuracy of the qualifier/range comparison on nli-numeric.
No article text is copied into the repository: the data is read from ../shared/eval at run time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlparse

from tabulate import tabulate

from checker.analyse.build import extract_claims
from checker.analyse.cache import Cache
from checker.commands import check_articles
from checker.config import Config
from checker.extract.numbers import apply_qualifier, parse_number
from checker.ingest import normalise_text, read_paths
from checker.lexicon.numbers import QUALIFIER_PHRASES
from checker.nlp.embeddings import BACKENDS, Embedder
from checker.records import Article, Claim, CountClaim, DateClaim, Range, Severity, ranges_overlap
from checker.rules.loading import load_rules
from checker.rules.selection import Selection

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "eval"
GOLD_FILES = sorted((ROOT / "tests" / "gold").glob("gva_gold_*.jsonl"))
WINDOW_DAYS = 7


# --- data -----------------------------------------------------------------------------------------


def load_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def gva_articles(data: Path) -> tuple[list[Article], dict[str, dict], dict[str, str]]:
    """Articles (id = doc_id), incidents by id, and incident id by doc id."""
    path = data / "gva-dev" / "articles.jsonl"
    rows = load_jsonl(path)
    incidents = {row["incident_uri"]: row for row in load_jsonl(data / "gva-dev" / "incidents.jsonl")}
    read = read_paths([path])  # the same reader users get: doc_id, dct, content, uri are understood
    if read.errors:
        raise RuntimeError(f"cannot read {path}: {read.errors[0].one_line()}")
    articles = [replace(a, source=urlparse(a.url or "").netloc or None) for a in read.articles]
    return articles, incidents, {row["doc_id"]: row["incident_id"] for row in rows}


def record_date(incident: dict) -> dt.date:
    return dt.datetime.strptime(incident["date"], "%B %d, %Y").date()


def in_window(article: Article, incident: dict) -> bool:
    if article.published is None:
        return False
    delta = (article.published - record_date(incident)).days
    return 0 <= delta <= WINDOW_DAYS


# --- what an article says about its incident -------------------------------------------------------


def current_counts(claims: Iterable[Claim], event: str) -> list[CountClaim]:
    """This incident's figures for the whole group of victims: not background, not a subset, not a part
    of a listed total ("two women and one man"), and counting people in general when the article does."""
    claims = list(claims)
    parts = {p for c in claims if isinstance(c, CountClaim) for p in c.parts}
    found = [
        c
        for c in claims
        if isinstance(c, CountClaim)
        and c.event == event
        and not c.background
        and not c.partitive
        and c.total_of is None
        and c.id not in parts
    ]
    generic = [c for c in found if c.subject_class == "people" or c.implicit or c.perpetrator]
    return generic if any(not c.implicit and not c.perpetrator for c in generic) else found


def _value(claim: CountClaim) -> int | None:
    if claim.min is not None and claim.min == claim.max:
        return claim.min
    return claim.min if claim.min is not None else claim.max


def killed_figure(claims: Sequence[Claim]) -> int | None:
    """The toll an article states: its largest explicit figure, else its singular victims; plus a dead gunman."""
    killed = current_counts(claims, "killed")
    victims = [c for c in killed if not c.perpetrator]
    explicit = [v for c in victims if not c.implicit and (v := _value(c)) is not None]
    figure: int | None
    if explicit:
        figure = max(explicit)
    elif victims:
        # singular victims named differently ("Garcia died", "Ponce died") are different people
        named = _people([c.subject for c in victims if c.subject[:1].isupper()])
        figure = max(named, max(_value(c) or 0 for c in victims))
    else:
        figure = None
    if any(c.perpetrator for c in killed):
        figure = (figure or 0) + 1  # the archive counts a gunman who died among the killed
    return figure


def _people(names: list[str]) -> int:
    """How many people some names are: "Kadin T. Mann", "Kadin" and "Mann" are one person."""
    groups: list[set[str]] = []
    for name in names:
        words = {w.strip(".,").lower() for w in name.split() if len(w.strip(".,")) > 2}
        touching = [g for g in groups if g & words]
        for group in touching:
            groups.remove(group)
            words |= group
        groups.append(words)
    return len(groups)


def injured_figure(claims: Sequence[Claim]) -> int | None:
    injured = [c for c in current_counts(claims, "injured") if not c.perpetrator]
    explicit = [v for c in injured if not c.implicit and (v := _value(c)) is not None]
    if explicit:
        return max(explicit)
    shot = [v for c in current_counts(claims, "shot") if not c.implicit and (v := _value(c)) is not None]
    if shot:
        killed = killed_figure(claims) or 0
        return max(0, max(shot) - killed)
    if injured:
        return max(_value(c) or 0 for c in injured)
    return None


def incident_date(claims: Sequence[Claim], published: dt.date | None = None) -> dt.date | None:
    """The first resolved day the article gives for the incident itself; failing that, for a death; failing
    that, the first past day of the last week that is not a court date, an arrest or a memorial."""
    for about in ("incident", "death"):
        for claim in claims:
            if isinstance(claim, DateClaim) and claim.about == about and claim.granularity == "day" and claim.date:
                return claim.date
    for claim in claims:
        if isinstance(claim, DateClaim) and claim.about == "other" and claim.granularity == "day" and claim.date:
            if published is None or 0 <= (published - claim.date).days <= WINDOW_DAYS:
                return claim.date
    return None


# --- metrics --------------------------------------------------------------------------------------


@dataclass
class Extracted:
    articles: list[Article]
    claims: dict[str, list[Claim]]


def extract(articles: list[Article], cache: Cache | None = None) -> Extracted:
    by_id = extract_claims(articles, cache=cache)
    return Extracted(articles, {k: list(v.claims) for k, v in by_id.items()})


def counts_vs_record(ex: Extracted, incidents: dict, incident_of: dict) -> dict:
    hits = Counter()
    totals = Counter()
    wrong = Counter()
    extracted = Counter()
    misses: list[tuple] = []
    for article in ex.articles:
        incident = incidents[incident_of[article.id]]
        if not in_window(article, incident):
            continue
        claims = ex.claims[article.id]
        for event, figure, record in (
            ("killed", killed_figure(claims), int(incident["num_killed"])),
            ("injured", injured_figure(claims), int(incident["num_injured"])),
        ):
            totals[event] += 1
            if (figure or 0) == record:
                hits[event] += 1
            else:
                misses.append(
                    (
                        article.id[:10],
                        event,
                        record,
                        figure,
                        [(c.text, c.min, c.max, c.implicit) for c in current_counts(claims, event)][:6],
                    )
                )
            if record > 0:
                totals[event + "_nonzero"] += 1
                hits[event + "_nonzero"] += int(figure == record)
            slack = 1 if event == "killed" and any(c.perpetrator for c in current_counts(claims, "killed")) else 0
            for claim in current_counts(claims, event):
                if claim.perpetrator:
                    continue
                extracted[event] += 1
                low = claim.min
                high = None if claim.implicit else claim.max
                rng = Range(None if low is None else low - slack, None if high is None else high + slack)
                if not rng.contains(record):
                    wrong[event] += 1
    return {
        "articles": totals["killed"],
        "killed_recall": _ratio(hits["killed"], totals["killed"]),
        "killed_recall_nonzero": _ratio(hits["killed_nonzero"], totals["killed_nonzero"]),
        "injured_recall": _ratio(hits["injured"], totals["injured"]),
        "injured_recall_nonzero": _ratio(hits["injured_nonzero"], totals["injured_nonzero"]),
        "killed_wrong_share": _ratio(wrong["killed"], extracted["killed"]),
        "injured_wrong_share": _ratio(wrong["injured"], extracted["injured"]),
        "wrong_share": _ratio(wrong["killed"] + wrong["injured"], extracted["killed"] + extracted["injured"]),
        "claims_checked": extracted["killed"] + extracted["injured"],
        "_count_misses": misses,
    }


def dates_vs_record(ex: Extracted, incidents: dict, incident_of: dict) -> dict:
    total = hit = any_hit = 0
    misses = []
    for article in ex.articles:
        incident = incidents[incident_of[article.id]]
        if not in_window(article, incident):
            continue
        total += 1
        claims = ex.claims[article.id]
        expected = record_date(incident)
        found = incident_date(claims, article.published)
        hit += int(found == expected)
        any_hit += int(any(isinstance(c, DateClaim) and c.date == expected and c.about != "other" for c in claims))
        if found != expected:
            misses.append(
                (
                    article.id[:10],
                    str(article.published),
                    str(expected),
                    str(found),
                    [
                        (c.expression, str(c.date), c.about)
                        for c in claims
                        if isinstance(c, DateClaim) and c.granularity == "day"
                    ][:5],
                )
            )
    return {
        "articles": total,
        "date_accuracy": _ratio(hit, total),
        "date_any_incident_claim": _ratio(any_hit, total),
        "_date_misses": misses,
    }


def gold_scores(ex: Extracted, gold: list[dict]) -> dict:
    """Per-kind precision/recall against the hand labels (distinct facts per article)."""
    tp = Counter()
    n_pred = Counter()
    n_gold = Counter()
    misses: list[tuple[str, str, tuple]] = []
    spurious: list[tuple[str, str, tuple]] = []
    for row in gold:
        claims = ex.claims.get(row["doc_id"])
        if claims is None:
            continue
        gold_counts = {(c["event"], c["min"], c["max"]) for c in row["counts"] if not c["background"]}
        predicted = {
            (c.event, c.min, c.max)
            for c in claims
            if isinstance(c, CountClaim)
            and not c.background
            and c.event in ("killed", "injured", "shot", "arrested", "missing")
        }
        tp["count"] += len(gold_counts & predicted)
        n_pred["count"] += len(predicted)
        n_gold["count"] += len(gold_counts)
        misses += [(row["doc_id"], "count", g) for g in gold_counts - predicted]
        spurious += [(row["doc_id"], "count", p) for p in predicted - gold_counts]
        gold_dates = {d["date"] for d in row["dates"] if d.get("date")}
        predicted_dates = {
            c.date.isoformat() for c in claims if isinstance(c, DateClaim) and c.granularity == "day" and c.date
        }
        tp["date"] += len(gold_dates & predicted_dates)
        n_pred["date"] += len(predicted_dates)
        n_gold["date"] += len(gold_dates)
        misses += [(row["doc_id"], "date", (g,)) for g in gold_dates - predicted_dates]
        spurious += [(row["doc_id"], "date", (p,)) for p in predicted_dates - gold_dates]
    out = {}
    for kind in ("count", "date"):
        out[f"{kind}_precision"] = _ratio(tp[kind], n_pred[kind])
        out[f"{kind}_recall"] = _ratio(tp[kind], n_gold[kind])
        out[f"{kind}_gold_items"] = n_gold[kind]
    out["_misses"] = misses
    out["_spurious"] = spurious
    return out


def false_alarms(articles: list[Article], embedder: Embedder, label: str, cache: Cache | None = None) -> dict:
    """Error-level findings per 100 articles, each article checked alone (as a single-article CI run)."""
    rules = Selection().resolve(load_rules())
    errors = []
    warnings = []
    for article in articles:
        analysis = check_articles([article], rules, embedder=embedder, cache=cache)
        errors += [f for f in analysis.findings if f.severity == Severity.ERROR]
        warnings += [f for f in analysis.findings if f.severity == Severity.WARNING]
    per_rule = Counter(f.rule for f in errors)
    return {
        f"{label}_articles": len(articles),
        f"{label}_errors": len(errors),
        f"{label}_errors_per_100": round(100 * len(errors) / max(1, len(articles)), 2),
        f"{label}_warnings_per_100": round(100 * len(warnings) / max(1, len(articles)), 2),
        f"{label}_by_rule": dict(sorted(per_rule.items())),
        f"_{label}_findings": [(f.evidence[0].article_id, f.rule, f.message) for f in errors],
    }


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", text.lower())).strip()


def _overlaps(a: str, b: str) -> bool:
    na, nb = _norm(a), _norm(b)
    if not na or not nb:
        return False
    if na in nb or nb in na:
        return True
    return difflib.SequenceMatcher(None, na, nb).ratio() >= 0.6


def contradoc_articles(data: Path, label: str | None = None) -> list[tuple[dict, Article]]:
    out = []
    for row in load_jsonl(data / "contradoc-dev" / "documents.jsonl"):
        if label and row["label"] != label:
            continue
        text = normalise_text(row["text_first2000"])
        out.append((row, Article(id=row["id"], path=f"contradoc-dev#{row['id']}", text=text, source="contradoc")))
    return out


def contradoc_recall(data: Path, embedder: Embedder, cache: Cache | None = None) -> dict:
    rules = Selection().resolve(load_rules())
    found = Counter()
    total = Counter()
    for row, article in contradoc_articles(data, "contradictory"):
        evidence = row.get("evidence") or ""
        if not evidence or _norm(evidence[:80]) not in _norm(article.text):
            continue  # the contradiction lies past the 2,000-character cut
        types = (row.get("contra_type") or "unknown").split("|")
        analysis = check_articles([article], rules, embedder=embedder, cache=cache)
        hit = any(_overlaps(e.sentence, evidence) for f in analysis.findings for e in f.evidence)
        for kind in types:
            total[kind] += 1
            found[kind] += int(hit)
    return {f"contradoc_recall_{k}": f"{_ratio(found[k], total[k])} ({found[k]}/{total[k]})" for k in sorted(total)} | {
        "contradoc_numeric_recall": _ratio(found["Numeric"], total["Numeric"]),
    }


_QUANTITY = re.compile(
    r"(?P<qual>" + "|".join(sorted((re.escape(q) for q in QUALIFIER_PHRASES), key=len, reverse=True)) + r")?\s*"
    r"(?P<num>\d[\d,]*(?:\.\d+)?)",
    re.IGNORECASE,
)


def quantity_ranges(text: str) -> list[tuple[Range, str]]:
    out = []
    for match in _QUANTITY.finditer(text):
        number = match.group("num").replace(",", "")
        if "." in number:
            continue
        value = parse_number([number])
        if value is None:
            continue
        qualifier = QUALIFIER_PHRASES.get((match.group("qual") or "").lower().strip(), "exact")
        out.append((apply_qualifier(value, qualifier), match.group(0)))
    return out


def nli_numeric(data: Path, limit: int | None = None) -> dict:
    """Contradiction iff the differing quantities' ranges cannot overlap (pairs that differ in one quantity)."""
    rows = load_jsonl(data / "nli-numeric" / "pairs.jsonl")
    if limit:
        rows = rows[:limit]
    applicable = correct = 0
    for row in rows:
        a = quantity_ranges(row["premise"])
        b = quantity_ranges(row["hypothesis"])
        if len(a) != len(b) or not a:
            continue
        differing = [(x, y) for x, y in zip(a, b) if x[1] != y[1]]
        if len(differing) != 1:
            continue
        (ra, _), (rb, _) = differing[0]
        applicable += 1
        predicted = "contradiction" if not ranges_overlap(ra, rb) else "not"
        gold = "contradiction" if row["gold_label"] == "contradiction" else "not"
        correct += int(predicted == gold)
    return {"nli_pairs": len(rows), "nli_applicable": applicable, "nli_accuracy": _ratio(correct, applicable)}


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


# --- command line -----------------------------------------------------------------------------------

PARTS = ("record", "gold", "falsealarms", "contradoc", "nli")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--only", default=",".join(PARTS), help="comma-separated parts: " + ", ".join(PARTS))
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--show", type=int, default=0, help="print up to N misses / false alarms per part")
    parser.add_argument(
        "--no-cache", action="store_true", help="re-parse everything (the cache is keyed by extractor code)"
    )
    parser.add_argument(
        "--embedder", choices=list(BACKENDS), default=Config().embedder, help="sentence-embedding backend"
    )
    args = parser.parse_args(argv)
    parts = {p.strip() for p in args.only.split(",") if p.strip()}
    if not args.data.is_dir():
        print(f"evaluate: no evaluation data at {args.data}", file=sys.stderr)
        return 2
    figures: dict[str, object] = {}
    timings: dict[str, float] = {}
    cache = None if args.no_cache else Cache(ROOT / ".checker_cache" / "eval")
    embedder = Embedder(args.embedder, store=cache)
    articles, incidents, incident_of = gva_articles(args.data)
    ex: Extracted | None = None
    if parts & {"record", "gold"}:
        start = time.perf_counter()
        gold = [row for path in GOLD_FILES for row in load_jsonl(path)]
        wanted = articles if "record" in parts else [a for a in articles if a.id in {g["doc_id"] for g in gold}]
        ex = extract(wanted, cache)
        timings["extract"] = time.perf_counter() - start
        if "record" in parts:
            counts = counts_vs_record(ex, incidents, incident_of)
            figures.update({k: v for k, v in counts.items() if not k.startswith("_")})
            if args.show:
                print("count misses:", *counts["_count_misses"][: args.show], sep="\n  ")
            dates = dates_vs_record(ex, incidents, incident_of)
            figures.update({k: v for k, v in dates.items() if not k.startswith("_")})
            if args.show:
                print("date misses:", *dates["_date_misses"][: args.show], sep="\n  ")
        if "gold" in parts:
            scores = gold_scores(ex, gold)
            figures.update({k: v for k, v in scores.items() if not k.startswith("_")})
            if args.show:
                print("gold misses:", *scores["_misses"][: args.show], sep="\n  ")
                print("gold spurious:", *scores["_spurious"][: args.show], sep="\n  ")
    if "falsealarms" in parts:
        start = time.perf_counter()
        result = false_alarms(articles, embedder, "gva", cache)
        clean = [a for row, a in contradoc_articles(args.data, "non_contradictory") if row["doc_type"] == "news"]
        result.update(false_alarms(clean, embedder, "contradoc_clean_news", cache))
        figures.update({k: v for k, v in result.items() if not k.startswith("_")})
        if args.show:
            for key in ("_gva_findings", "_contradoc_clean_news_findings"):
                print(key, *result[key][: args.show], sep="\n  ")
        timings["falsealarms"] = time.perf_counter() - start
    if "contradoc" in parts:
        start = time.perf_counter()
        figures.update(contradoc_recall(args.data, embedder, cache))
        timings["contradoc"] = time.perf_counter() - start
    if "nli" in parts:
        figures.update(nli_numeric(args.data))
    rows = [[k, v] for k, v in figures.items()]
    print(tabulate(rows, headers=["figure", "value"], tablefmt="github"))
    print("timings (s): " + ", ".join(f"{k} {v:.1f}" for k, v in timings.items()))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, default=str) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
