"""Ray Data against the single process: articles/s as the batch grows, with 1 and 2 local workers.

    python -m benchmarks.ray_speed                       # 754 and 5,000 articles (long: parsing is real)
    python -m benchmarks.ray_speed --sizes 754,5000,20000
    python -m benchmarks.ray_speed --sizes 20000 --workers 2   # the single process and Ray with 2 workers

Batches are gva-dev duplicated with new ids, each copy's text ending in a line of its own, so no two
articles share content (the single process parses a repeated article once) and every article is parsed
and embedded for real; the claim cache is off. Each configuration runs in a fresh process (model loads
included, as a CI job pays them) and prints wall seconds and articles/s; ratios are computed within
one run of this script. The machine is shared: quote it with the load average printed beside it.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The checkout's own environment when it has one (the README's set-up makes .venv).
PYTHON = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv" / "bin" / "python").exists() else sys.executable
DATA = ROOT.parent / "shared" / "eval" / "gva-dev" / "articles.jsonl"


def make_batch(size: int, directory: Path) -> Path:
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]
    path = directory / f"gva-{size}.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for i in range(size):
            base, copy = rows[i % len(rows)], i // len(rows)
            row = dict(base, doc_id=f"{base['doc_id']}-{copy}", content=f"{base['content']}\n\nCopy {copy}.")
            out.write(json.dumps(row) + "\n")
    return path


def run(batch: Path, engine: str, workers: int) -> float:
    command = [
        PYTHON,
        "-m",
        "checker",
        "check",
        str(batch),
        "--no-cache",
        "-q",
        "--format",
        "json=/dev/null",
        "--engine",
        engine,
        "--workers",
        str(workers),
    ]
    env = dict(os.environ, HF_HUB_OFFLINE="1")
    started = time.perf_counter()
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if result.returncode not in (0, 1):
        raise SystemExit(f"{engine} x{workers}: exit {result.returncode}: {result.stderr[-2000:]}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="754,5000")
    parser.add_argument("--workers", default="1,2", help="Ray worker counts to time beside the single process")
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start")
    with tempfile.TemporaryDirectory(prefix="checker-ray-") as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            batch = make_batch(size, Path(tmp))
            local = run(batch, "local", 1)
            line = [f"{size:>6} articles | single process {local:7.1f} s {size / local:5.2f}/s"]
            for workers in (int(w) for w in args.workers.split(",")):
                seconds = run(batch, "ray", workers)
                line.append(f"ray x{workers} {seconds:7.1f} s {size / seconds:5.2f}/s ({seconds / local:4.2f}x)")
            print(" | ".join(line), f"| load {os.getloadavg()[0]:.1f}", flush=True)


if __name__ == "__main__":
    main()
