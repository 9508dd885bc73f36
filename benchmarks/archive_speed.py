"""Archive at scale: add throughput, draft-check latency, disk and memory at 10k, 100k and 1M claims.

    python -m benchmarks.archive_speed                 # all sizes (several minutes)
    python -m benchmarks.archive_speed --sizes 10000   # one size
    python -m benchmarks.archive_speed --load 40       # also a load test of POST /check, 4 clients

The base archive is gva-dev (754 real articles, ~23k claims) added through the real pipeline (read,
extract, embed, place in stories). Larger archives are made from it: each copy of the base gets new
ids, stories and dates (500 days apart, so copies never meet in one story), its own names (each name
key carries the copy number, so names stay as rare as in one copy) and its lead vectors turned by a
random rotation of its own (the copies' leads stay as close to each other as the base's, and far from
every other copy's). Drafts are 50 real gva-dev articles checked with warm models. Figures are
medians and 95th percentiles of wall time on this machine; it is shared, so quote them with the load.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import numpy as np  # noqa: E402

from checker.analyse.cache import Cache  # noqa: E402
from checker.analyse.story_signals import StoryName  # noqa: E402
from checker.archive.adding import add_articles  # noqa: E402
from checker.archive.draft import check_drafts  # noqa: E402
from checker.archive.index import LeadIndex  # noqa: E402
from checker.archive.store import ArchiveStore, StoredArticle  # noqa: E402
from checker.ingest import read_paths  # noqa: E402
from checker.nlp.embeddings import Embedder  # noqa: E402
from checker.rules.loading import load_rules  # noqa: E402
from checker.rules.selection import Selection  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "eval" / "gva-dev" / "articles.jsonl"


def _copy(stored: StoredArticle, k: int, rotation: np.ndarray, seq: int) -> StoredArticle:
    """The k-th synthetic copy of an archived article: new id, story, dates, names and a rotated lead."""
    shift = dt.timedelta(days=500 * k)
    old, new = stored.article.id, f"{stored.article.id}~{k}"
    published = stored.article.published + shift if stored.article.published else None
    article = replace(stored.article, id=new, published=published)
    claims = [replace(c, id=c.id.replace(old, new, 1), article_id=new) for c in stored.claims]
    sentences = [replace(s, article_id=new) for s in stored.sentences]
    names = tuple(StoryName(f"{n.key}#{k}", n.entity_type, n.resolved, n.official) for n in stored.names)
    lead = (rotation @ stored.lead).astype(np.float32)
    dates = frozenset(d + shift for d in stored.dates)
    return StoredArticle(article, seq, f"{stored.story}~{k}", sentences, claims, lead, stored.local, names, dates)


def grow(store: ArchiveStore, base: list[StoredArticle], target_claims: int, rng: np.random.Generator) -> None:
    """Insert copies of the base until the archive holds ``target_claims`` claims."""
    claims = sum(len(s.claims) for s in store.load(seqs=range(store.next_seq())))
    k = int(store.meta("copies") or 0)
    while claims < target_claims:
        k += 1
        rotation, _ = np.linalg.qr(rng.standard_normal((384, 384)))
        with store.transaction():
            for stored in base:
                if claims >= target_claims:
                    break
                copy = _copy(stored, k, rotation, store.next_seq())
                store.insert(copy)
                claims += len(copy.claims)
            store.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('copies', ?)", (str(k),))
    LeadIndex(store).rebuild()


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def latency(store: ArchiveStore, drafts: list, rules: list, embedder: Embedder) -> tuple[float, float]:
    index = LeadIndex(store)
    times = []
    for draft in drafts:
        started = time.perf_counter()
        check_drafts(store, [replace(draft, id=f"draft-{draft.id}")], rules, embedder=embedder, index=index)
        times.append(time.perf_counter() - started)
    return statistics.median(times), _percentile(times, 0.95)


def load_test(directory: Path, requests: int, clients: int = 4) -> dict[str, float]:
    """POST /check from ``clients`` threads against a real service on loopback."""
    from concurrent.futures import ThreadPoolExecutor

    import httpx

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "checker", "serve", "--archive", str(directory), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            try:
                if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.5)
        rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()[:requests]]
        bodies = [{"title": r["title"], "text": r["content"], "published": r["dct"], "source": "bench"} for r in rows]

        def call(body: dict) -> float:
            started = time.perf_counter()
            response = httpx.post(f"{base}/check", json=body, timeout=600)
            response.raise_for_status()
            return time.perf_counter() - started

        started = time.perf_counter()
        with ThreadPoolExecutor(clients) as pool:
            times = list(pool.map(call, bodies))
        wall = time.perf_counter() - started
    finally:
        process.terminate()
        process.wait(timeout=30)
    return {
        "requests": len(times),
        "clients": clients,
        "requests_per_s": round(len(times) / wall, 2),
        "p50_s": round(statistics.median(times), 3),
        "p95_s": round(_percentile(times, 0.95), 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000", help="claims per archive, comma-separated")
    parser.add_argument("--drafts", type=int, default=50)
    parser.add_argument("--load", type=int, default=0, help="requests for the load test on the largest archive")
    parser.add_argument("--keep", type=Path, help="build the archives here and keep them")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="checker-archive-"))
    rng = np.random.default_rng(7)
    articles = list(read_paths([DATA]).articles)
    rules = Selection().resolve(load_rules())
    embedder = Embedder()
    cache = Cache(ROOT / ".checker_cache")
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    directory = work / "archive"
    store = ArchiveStore(directory, create=True)
    started = time.perf_counter()
    add_articles(store, articles, embedder=embedder, cache=cache)
    seconds = time.perf_counter() - started
    print(
        f"base: {store.count()} articles added in {seconds:.1f} s ({store.count() / seconds:.1f} articles/s; "
        "claims from the cache when warm, placement and storing included)"
    )
    base = store.load(seqs=range(store.next_seq()))
    drafts = [
        replace(a, id=f"d{i}") for i, a in enumerate(articles[:: max(1, len(articles) // args.drafts)][: args.drafts])
    ]
    for size in sorted(int(s) for s in args.sizes.split(",")):
        grow(store, base, size, rng)
        stats = store.stats()
        p50, p95 = latency(store, drafts, rules, embedder)
        fresh = [replace(a, id=f"new-{size}-{a.id}") for a in articles[:40]]
        started = time.perf_counter()
        add_articles(store, fresh, embedder=embedder, cache=cache)
        rate = len(fresh) / (time.perf_counter() - started)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"{stats['claims']:>9} claims {stats['articles']:>6} articles | add {rate:6.1f} articles/s | "
            f"draft check p50 {p50 * 1000:6.0f} ms p95 {p95 * 1000:6.0f} ms | "
            f"disk {stats['bytes_on_disk'] / 1e6:7.1f} MB | "
            f"peak RSS {peak:6.0f} MB"
        )
    store.close()
    cache.close()
    if args.load:
        print("load test:", load_test(directory, args.load))
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
