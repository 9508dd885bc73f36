"""Wall time, throughput and peak memory of `checker check`, each run in a fresh process with an empty cache.

    python -m benchmarks.speed            # seeds/ and the 754-article gva-dev batch
    python -m benchmarks.speed --quick    # seeds/ only

Figures go to stdout as a table; nothing here asserts a target (speed is measured, not unit-tested).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tabulate import tabulate

ROOT = Path(__file__).resolve().parent.parent
# The processes timed run the checkout's own environment when it has one (the README's set-up makes
# .venv), so `python3 benchmarks/...` from a shell without it activated still times the checker.
PYTHON = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv" / "bin" / "python").exists() else sys.executable
GVA = ROOT.parent / "shared" / "eval" / "gva-dev" / "articles.jsonl"


def run(label: str, paths: list[str]) -> list[object]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        command = [
            PYTHON,
            "-m",
            "checker",
            "check",
            *paths,
            "--out",
            str(out),
            "--cache-dir",
            str(Path(tmp) / "cache"),
            "-q",
        ]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        result = subprocess.run(
            command, cwd=ROOT, capture_output=True, text=True, env=dict(os.environ, HF_HUB_OFFLINE="1")
        )
        seconds = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if result.returncode not in (0, 1):
            raise SystemExit(f"{label}: checker exited {result.returncode}: {result.stderr.strip()}")
        summary = json.loads((out / "report.json").read_text(encoding="utf-8"))["summary"]
    peak_mb = max(before.ru_maxrss, after.ru_maxrss) / 1024  # ru_maxrss is in KiB on Linux
    return [
        label,
        summary["articles"],
        summary["claims"],
        summary["findings"],
        f"{seconds:.1f}",
        f"{summary['articles'] / seconds:.1f}",
        f"{peak_mb:.0f}",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="only seeds/")
    args = parser.parse_args(argv)
    rows = [run("seeds/", ["seeds/"])]
    if not args.quick and GVA.exists():
        rows.append(run("gva-dev batch (one run)", [str(GVA)]))
    print(
        tabulate(
            rows,
            headers=["input", "articles", "claims", "findings", "seconds", "articles/s", "peak MB"],
            tablefmt="github",
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
