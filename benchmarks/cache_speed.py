"""Time a cold check (empty cache directory) against a warm re-check of the same articles.

    python benchmarks/cache_speed.py               # seeds/, 3 warm runs
    python benchmarks/cache_speed.py --runs 5 articles/

Each run is a fresh ``python -m checker check`` process, so the figures include what a CI job
or pre-commit hook pays: interpreter start, imports and model loading. Warm runs read claims
and vectors from the cache, so spaCy and the sentence-transformer never load.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The processes timed run the checkout's own environment when it has one (the README's set-up makes
# .venv), so `python3 benchmarks/...` from a shell without it activated still times the checker.
PYTHON = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv" / "bin" / "python").exists() else sys.executable


def timed_check(paths: list[str], cache_dir: Path) -> float:
    env = dict(os.environ, HF_HUB_OFFLINE="1", PYTHONPATH=str(ROOT))
    command = [
        PYTHON,
        "-m",
        "checker",
        "check",
        *paths,
        "--cache-dir",
        str(cache_dir),
        "--quiet",
        "--fail-on",
        "never",
        "--isolated",
    ]
    start = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"check failed ({result.returncode}): {result.stderr.strip()}")
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=["seeds/"], help="articles to check (default: seeds/)")
    parser.add_argument("--runs", type=int, default=3, help="warm runs to time (default 3)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="checker-cache-") as tmp:
        cache_dir = Path(tmp) / "cache"
        cold = timed_check(args.paths, cache_dir)
        warm = [timed_check(args.paths, cache_dir) for _ in range(args.runs)]
    best, median = min(warm), statistics.median(warm)
    print(f"checked: {' '.join(args.paths)} (fresh process per run)")
    print(f"cold (empty cache): {cold:6.2f} s")
    print(f"warm (median of {len(warm)}): {median:6.2f} s   best {best:.2f} s")
    print(f"speed-up: {cold / median:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
