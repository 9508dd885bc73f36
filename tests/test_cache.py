"""The cache is keyed on content: a renamed or copied article reuses its claims under its own id; a
warm re-check loads no model; an article repeated in a batch is parsed once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from checker.analyse.batch import ArticleClaims
from checker.analyse.build import extract_claims
from checker.analyse.cache import Cache
from checker.records import Article, CountClaim, claim_from_json, decode
from checker.records.articles import Sentence
from checker.records.validation import checked_json

ROOT = Path(__file__).resolve().parent.parent
REPORT = json.loads((ROOT / "reports" / "report.json").read_text(encoding="utf-8"))


def _seed_article() -> tuple[Article, ArticleClaims]:
    """An article of the seeds report with a total and its parts, as the cache would store it."""
    entry = next(a for a in REPORT["articles"] if any(c.get("parts") or c.get("total_of") for c in a["claims"]))
    article = Article(id=entry["id"], path=entry["path"], text="copy as read", published=None)
    claims = tuple(claim_from_json(c) for c in entry["claims"])
    sentences = tuple(
        decode(
            Sentence,
            {"article": entry["id"], "index": i, "field": "text", "start": 0, "end": 1, "text": "x", "paragraph": 0},
        )
        for i in range(3)
    )
    return article, ArticleClaims(sentences, claims, checked_json(claims))


def test_a_renamed_article_reuses_its_claims_under_its_new_id(tmp_path):
    article, extracted = _seed_article()
    cache = Cache(tmp_path)
    cache.put_article(article, extracted)
    cache.commit()
    renamed = replace(article, id="renamed", path="elsewhere/renamed.md")
    edited = replace(article, text="copy as read, then edited")
    found = Cache(tmp_path).get_articles([renamed, edited])
    assert set(found) == {"renamed"}  # an edit is another article; a rename is not
    moved = found["renamed"]
    assert [c.id.split("#")[1] for c in moved.claims] == [c.id.split("#")[1] for c in extracted.claims]
    assert all(c.id.startswith("renamed#") and c.article_id == "renamed" for c in moved.claims)
    assert all(s.article_id == "renamed" for s in moved.sentences)
    ids = {c.id for c in moved.claims}
    for claim in moved.claims:
        if isinstance(claim, CountClaim):
            assert set(claim.parts) <= ids and (claim.total_of is None or claim.total_of in ids)
    assert [c["id"] for c in moved.claims_json] == [c.id for c in moved.claims]


def test_an_article_repeated_in_a_batch_is_parsed_once(monkeypatch):
    import checker.analyse.build as build

    parsed: list[str] = []
    real = build.parse_articles

    def counting(articles, **options):
        parsed.extend(a.id for a in articles)
        return real(articles, **options)

    monkeypatch.setattr(build, "parse_articles", counting)
    text = "Police said two people were killed in the shooting on Tuesday."
    first = Article(id="wire", path="wire.md", format="markdown", text=text)
    copy_ = replace(first, id="copy", path="local/copy.md")
    out = extract_claims([first, copy_])
    assert parsed == ["wire"]
    assert [c.id.replace("wire", "copy") for c in out["wire"].claims] == [c.id for c in out["copy"].claims]


def test_a_warm_recheck_loads_no_model_and_writes_the_same_report(tmp_path):
    env = dict(os.environ, HF_HUB_OFFLINE="1")
    command = [sys.executable, "-m", "checker", "check", "seeds/", "--cache-dir", str(tmp_path / "cache"), "-q"]
    cold = subprocess.run([*command, "--out", str(tmp_path / "cold")], cwd=ROOT, env=env, capture_output=True)
    assert cold.returncode == 1, cold.stderr
    probe = (
        "import sys\nfrom checker.cli import run\n"
        f"code = run({[*command[3:], '--out', str(tmp_path / 'warm')]!r})\n"
        "heavy = {'torch', 'spacy', 'sklearn', 'sentence_transformers', 'onnxruntime', 'transformers'}\n"
        "print(code, sorted({m.split('.')[0] for m in sys.modules} & heavy))\n"
    )
    warm = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True)
    assert warm.stdout.splitlines()[-1].split() == ["1", "[]"], warm.stderr  # after the findings (text format)
    for name in ("report.json", "report.md"):
        assert (tmp_path / "warm" / name).read_text(encoding="utf-8") == (tmp_path / "cold" / name).read_text(
            encoding="utf-8"
        )
