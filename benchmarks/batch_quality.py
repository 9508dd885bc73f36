"""What an editor would see checking the whole of gva-dev as ONE batch: are stories incidents, and are
findings about one incident?

    python -m benchmarks.batch_quality            # figures
    python -m benchmarks.batch_quality --show 40  # also list the error findings and those across incidents

Prints: pairwise precision / recall of "same story" against the archive's incident ids, B-cubed
precision / recall / F1, the number of stories against the number of incidents; findings whose
conflicting claims come from articles of different incidents (share of all findings); findings per
100 articles by severity and rule. Reads ../shared/eval at run time (uses the claim cache).
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections import Counter
from itertools import combinations
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from checker.analyse.cache import Cache  # noqa: E402
from checker.commands import check_articles  # noqa: E402
from checker.config import Config  # noqa: E402
from checker.ingest import read_paths  # noqa: E402
from checker.nlp.embeddings import BACKENDS, Embedder  # noqa: E402
from checker.rules.loading import load_rules  # noqa: E402
from checker.rules.selection import Selection  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "eval" / "gva-dev" / "articles.jsonl"


def story_scores(story: dict[str, str], gold: dict[str, str]) -> dict[str, float]:
    """Pairwise and B-cubed precision/recall of predicted stories against gold incidents."""
    ids = sorted(story)
    same_pred = {pair for pair in combinations(ids, 2) if story[pair[0]] == story[pair[1]]}
    same_gold = {pair for pair in combinations(ids, 2) if gold[pair[0]] == gold[pair[1]]}
    both = len(same_pred & same_gold)
    by_pred: dict[str, set[str]] = {}
    by_gold: dict[str, set[str]] = {}
    for i in ids:
        by_pred.setdefault(story[i], set()).add(i)
        by_gold.setdefault(gold[i], set()).add(i)
    b3p = sum(len(by_pred[story[i]] & by_gold[gold[i]]) / len(by_pred[story[i]]) for i in ids) / len(ids)
    b3r = sum(len(by_pred[story[i]] & by_gold[gold[i]]) / len(by_gold[gold[i]]) for i in ids) / len(ids)
    return {
        "pair_precision": both / len(same_pred) if same_pred else 1.0,
        "pair_recall": both / len(same_gold) if same_gold else 1.0,
        "b3_precision": b3p,
        "b3_recall": b3r,
        "b3_f1": 2 * b3p * b3r / (b3p + b3r),
        "stories": len(by_pred),
        "incidents": len(by_gold),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--show", type=int, default=0, help="list up to N error findings")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument(
        "--embedder", choices=list(BACKENDS), default=Config().embedder, help="sentence-embedding backend"
    )
    args = parser.parse_args()
    gold = {json.loads(line)["doc_id"]: json.loads(line)["incident_id"] for line in args.data.open(encoding="utf-8")}
    read = read_paths([args.data])
    rules = Selection().resolve(load_rules())
    started = time.perf_counter()
    cache = Cache(ROOT / ".checker_cache")
    try:
        checked = check_articles(list(read.articles), rules, embedder=Embedder(args.embedder, store=cache), cache=cache)
    finally:
        cache.close()
    seconds = time.perf_counter() - started
    n = len(read.articles)
    figures: dict[str, object] = {"articles": n, "seconds": round(seconds, 1)}
    figures |= {k: round(v, 3) for k, v in story_scores(dict(checked.batch.stories), gold).items()}
    findings = checked.findings
    crossing = [f for f in findings if len({gold[e.article_id] for e in f.evidence if e.conflict}) > 1]
    figures["findings"] = len(findings)
    figures["findings_across_incidents"] = len(crossing)
    figures["findings_across_incidents_share"] = round(len(crossing) / max(1, len(findings)), 3)
    severity = Counter(f.severity.value for f in findings)
    for level in ("error", "warning", "note"):
        figures[f"{level}_per_100"] = round(100 * severity[level] / n, 2)
    figures["by_rule"] = dict(sorted(Counter(f.rule for f in findings).items()))
    for key, value in figures.items():
        print(f"{key:34} {value}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    errors = [f for f in findings if f.severity.value == "error"]
    for label, listed in (("", errors), ("(across incidents) ", crossing)):
        for finding in listed[: args.show]:
            incidents = sorted({gold[e.article_id] for e in finding.evidence if e.conflict})
            print(f"\n{label}[{finding.rule}] incidents={incidents} {finding.message[:400]}")
            for e in finding.evidence:
                if e.conflict:
                    print(f"   {e.article_id[:8]} {gold[e.article_id]} | {e.sentence[:220]}")


if __name__ == "__main__":
    main()
