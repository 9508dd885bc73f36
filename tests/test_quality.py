"""A fast subset of benchmarks/evaluate.py: regressions in extraction or false alarms fail CI.

Figures are asserted with a margin below the latest full measurement (README "Quality"),
not as exact values. The data lives in ../shared/eval (never copied into the repository).
"""

from __future__ import annotations

import pytest

from benchmarks import evaluate

pytestmark = pytest.mark.skipif(not evaluate.DEFAULT_DATA.is_dir(), reason="../shared/eval is not present")


@pytest.fixture(scope="module")
def gva():
    return evaluate.gva_articles(evaluate.DEFAULT_DATA)


def test_gold_extraction_precision_and_recall(gva):
    articles, _, _ = gva
    gold = [row for path in evaluate.GOLD_FILES for row in evaluate.load_jsonl(path)]
    assert len(gold) == 100
    wanted = {row["doc_id"] for row in gold}
    scores = evaluate.gold_scores(evaluate.extract([a for a in articles if a.id in wanted]), gold)
    assert scores["count_precision"] >= 0.72, scores["count_precision"]
    assert scores["count_recall"] >= 0.55, scores["count_recall"]
    assert scores["date_precision"] >= 0.80, scores["date_precision"]
    assert scores["date_recall"] >= 0.88, scores["date_recall"]


def test_false_alarms_on_real_copy_stay_rare(gva, embedder):
    articles, _, _ = gva
    result = evaluate.false_alarms(articles[:150], embedder, "subset")
    assert result["subset_errors_per_100"] <= 6.0, result["_subset_findings"]


def test_qualifier_semantics_on_nli_numeric():
    result = evaluate.nli_numeric(evaluate.DEFAULT_DATA, limit=2000)
    assert result["nli_applicable"] >= 1900
    assert result["nli_accuracy"] >= 0.97
