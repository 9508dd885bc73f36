"""--engine ray: the same findings and report as the single-process run, on a local Ray instance, also when
a worker dies mid-run; an article that fails on a worker is an error record, never a lost article."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

ray = pytest.importorskip("ray", reason='the ray engine is an extra: pip install "newsroom-checker[scale]"')

from checker.commands import check_articles  # noqa: E402
from checker.ingest import read_paths  # noqa: E402
from checker.records import encode  # noqa: E402
from checker.rules.loading import load_rules  # noqa: E402
from checker.rules.selection import Selection  # noqa: E402
from checker.scale.ray_engine import check_with_ray  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
GVA = ROOT.parent / "shared" / "eval" / "gva-dev" / "articles.jsonl"


@pytest.fixture(scope="module")
def articles(tmp_path_factory):
    """The seeds plus 12 real gva-dev articles: several stories, many claims."""
    feed = tmp_path_factory.mktemp("feed") / "gva.jsonl"
    feed.write_text("\n".join(GVA.read_text(encoding="utf-8").splitlines()[:12]) + "\n", encoding="utf-8")
    return list(read_paths([ROOT / "seeds", feed]).articles)


@pytest.fixture(scope="module")
def rules():
    return Selection().resolve(load_rules())


@pytest.fixture(scope="module")
def local(articles, rules):
    return check_articles(articles, rules)


@pytest.fixture(scope="module", autouse=True)
def ray_instance():
    from ray import cloudpickle

    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # the fault hooks below travel to the workers
    yield
    ray.shutdown()


def _findings(findings) -> list[str]:
    return [json.dumps(encode(f), sort_keys=True) for f in findings]


def test_ray_gives_the_single_process_findings_and_claims(articles, rules, local):
    batch, findings, errors = check_with_ray(articles, rules, workers=2, batch_size=4)
    assert not errors
    assert _findings(findings) == _findings(local.findings) and len(findings) > 5
    assert batch.stories == local.batch.stories
    assert [encode(c) for c in batch.claims] == [encode(c) for c in local.batch.claims]


def _crash_once(marker: str, article_id: str) -> None:
    """Kill the worker process the first time it is called (a node lost mid-run)."""
    if not os.path.exists(marker):
        Path(marker).write_text(article_id, encoding="utf-8")
        os._exit(1)


def _fail_one(bad_id: str, article_id: str) -> None:
    if article_id == bad_id:
        raise ValueError("injected failure")


def test_a_killed_worker_is_retried_and_the_run_completes(articles, rules, local, tmp_path):
    from functools import partial

    marker = tmp_path / "crashed"
    batch, findings, errors = check_with_ray(
        articles, rules, workers=2, batch_size=4, fault=partial(_crash_once, str(marker))
    )
    assert marker.exists(), "the fault was never injected"
    assert not errors and _findings(findings) == _findings(local.findings)
    assert len(batch.articles) == len(articles)


def test_a_failed_article_is_an_error_record_not_a_lost_article(articles, rules):
    from functools import partial

    bad = articles[7].id
    batch, findings, errors = check_with_ray(articles, rules, workers=2, batch_size=4, fault=partial(_fail_one, bad))
    assert [e.code.value for e in errors] == ["article-failed"] and bad in errors[0].message
    assert len(batch.articles) == len(articles) and findings


def test_archive_add_on_ray_stores_what_a_local_add_stores(articles, tmp_path):
    from functools import partial

    from checker.archive.adding import add_articles
    from checker.archive.store import ArchiveStore
    from checker.scale.ray_engine import analyse_with_ray

    contents = []
    for name, analyse in (("local", None), ("ray", partial(analyse_with_ray, workers=2, batch_size=4))):
        store = ArchiveStore(tmp_path / name, create=True)
        try:
            add_articles(store, articles, analyse=analyse)
            stored = store.load(seqs=range(store.next_seq()))
            contents.append([(s.article.id, s.story, [encode(c) for c in s.claims]) for s in stored])
        finally:
            store.close()
    assert contents[0] == contents[1] and len(contents[0]) == len(articles)
