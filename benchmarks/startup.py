"""Start-up time of the commands that read no article: help, version, rules, usage errors.

    .venv/bin/python benchmarks/startup.py               # 15 runs of each command, medians
    .venv/bin/python benchmarks/startup.py --runs 30
    .venv/bin/python benchmarks/startup.py --source /path/to/other/checkout   # time another tree

Each run is a fresh ``python -m checker`` process (what a shell, an editor or CI pays), timed
like hyperfine does: wall time of the whole process, a warm-up run first, median of the rest.
These commands must answer in well under a second: none of them may import the models,
torch or scikit-learn (``tests/test_layers.py`` checks the imports on every run).
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

COMMANDS = {
    "checker --help": ["--help"],
    "checker --version": ["--version"],
    "checker rules": ["rules"],
    "checker rules explain CNT001": ["rules", "explain", "CNT001"],
    "checker check (no such path)": ["check", "no-such-dir/"],
    "checker check --fail-on bogus": ["check", "seeds/", "--fail-on", "bogus"],
    "checker check empty-dir/": ["check", "{empty}"],
}


def time_command(args: list[str], source: Path, runs: int) -> list[float]:
    env = dict(os.environ, HF_HUB_OFFLINE="1", PYTHONPATH=str(source))
    command = [PYTHON, "-m", "checker", *args]
    subprocess.run(command, cwd=source, env=env, capture_output=True)  # warm-up: page cache, .pyc files
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=source, env=env, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="timed runs per command (default 15)")
    parser.add_argument("--source", type=Path, default=ROOT, help="checkout whose checker to time (default: this one)")
    args = parser.parse_args(argv)
    source = args.source.resolve()
    print(f"source: {source}  ({args.runs} runs each, fresh process, median / min / max in seconds)")
    with tempfile.TemporaryDirectory(prefix="checker-empty-") as empty:
        for name, command in COMMANDS.items():
            times = time_command([a.replace("{empty}", empty) for a in command], source, args.runs)
            print(f"{name:32} {statistics.median(times):6.3f}  {min(times):6.3f}  {max(times):6.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
