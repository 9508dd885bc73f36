"""How fast `checker check` is on the 754 gva-dev articles, where the time goes, and how far it is from the floor.

    python -m benchmarks.speed                  # everything, once (about 5 minutes when the machine is quiet)
    python -m benchmarks.speed --repeat 3       # medians of 3 interleaved rounds
    python -m benchmarks.speed --embedder torch # the torch backend instead of the configured default
    python -m benchmarks.speed --skip-scale     # without the 500 vs 5,000 articles comparison

Every check runs in a fresh process (`python -m checker check`, in-process stage timers from
``checker.timing``), so the figures include what a CI job pays: interpreter start, imports, model loads.
One round measures, side by side on the same machine load:

- cold: empty cache; warm: the same batch again; draft: one new article added to the warm batch;
- floors: in one fresh process, spaCy loaded and `nlp.pipe` over the same paragraphs the checker parses,
  then the embedder loaded and the same texts the cold check embedded encoded, nothing else;
- scale: a warm check (claims and vectors from the cache) per article at 500 articles and at 5,000
  (gva-dev copied under new ids, so stories grow as well as the batch).

Figures go to stdout; nothing here asserts a target (speed is measured, not unit-tested).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# The processes timed run the checkout's own environment when it has one (the README's set-up makes
# .venv), so `python3 benchmarks/...` from a shell without it activated still times the checker.
PYTHON = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv" / "bin" / "python").exists() else sys.executable
GVA = Path(os.environ.get("CHECKER_SPEED_DATA") or ROOT.parent / "shared" / "eval" / "gva-dev" / "articles.jsonl")
SCALES = (500, 5000)
SCALE_TIMEOUT = 1800.0  # seconds; a superlinear step shows as "did not finish"

DRAFT = """---
title: "Draft: two teenagers wounded in overnight shooting near Humboldt Park"
published: 2016-06-20
source: Newsroom draft
---
Two teenagers were wounded in a shooting near Humboldt Park late Sunday, police said.

A 16-year-old boy was shot in the leg and a 17-year-old girl was grazed in the arm, according to
Chicago police spokesman Anthony Guglielmi. Both were taken to Stroger Hospital in good condition.

No one was in custody Monday. Police said the shooting happened about 11:30 p.m. Sunday.
"""


# --- children: each runs in a fresh interpreter and writes JSON to the file named by its last argument --------


def _peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_check(argv: list[str], out: Path, texts_file: Path | None) -> None:
    """`checker check ARGV` in this process, with its stage timings, counters and peak memory."""
    started = time.perf_counter()
    from checker import timing
    from checker.cli import run
    from checker.nlp.embeddings import Embedder

    seen: dict[str, None] = {}
    original = Embedder.encode

    def recording(self: Embedder, texts: Any) -> Any:  # what the check asked to embed, for the floor
        seen.update(dict.fromkeys(texts))
        return original(self, texts)

    if texts_file is not None:
        Embedder.encode = recording  # type: ignore[method-assign]
    code = run(argv)
    import resource

    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    result = {
        "code": code,
        "seconds_in_process": time.perf_counter() - started,
        "stages": timing.stages(),
        "counters": timing.counters(),
        "cpu": own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime,  # with spaCy's workers
        "peak_mb": _peak_mb(),
        "worker_peak_mb": workers.ru_maxrss / 1024,
    }
    if texts_file is not None:
        texts_file.write_text(json.dumps(list(seen)), encoding="utf-8")
    out.write_text(json.dumps(result), encoding="utf-8")


def child_floors(texts_file: Path, embedder: str, out: Path) -> None:
    """The two models alone on the same texts: spaCy's full pipeline, then the sentence embedder."""
    from checker.ingest import read_paths
    from checker.nlp.sentences import _parse_form, _pieces

    articles = read_paths([GVA]).articles
    paragraphs = [_parse_form(p) for i, a in enumerate(articles) for p in _pieces(i, a)]
    texts = json.loads(texts_file.read_text(encoding="utf-8"))
    figures: dict[str, float] = {}
    start = time.perf_counter()
    import spacy

    from checker.nlp.models import SPACY_MODEL

    nlp = spacy.load(SPACY_MODEL)
    figures["spaCy load"] = time.perf_counter() - start
    start = time.perf_counter()
    for _ in nlp.pipe(paragraphs, batch_size=64):
        pass
    figures["nlp.pipe"] = time.perf_counter() - start
    start = time.perf_counter()
    encode = _bare_encoder(embedder)
    figures["embedder load"] = time.perf_counter() - start
    start = time.perf_counter()
    encode(texts)
    figures["encode"] = time.perf_counter() - start
    payload = {"figures": figures, "paragraphs": len(paragraphs), "texts": len(texts), "peak_mb": _peak_mb()}
    out.write_text(json.dumps(payload), encoding="utf-8")


def _bare_encoder(embedder: str) -> Any:
    from checker.nlp.models import embedding_model_path, offline

    offline()
    if embedder == "default":
        from checker.config import Config

        embedder = getattr(Config(), "embedder", "torch")
    if embedder == "torch":
        from sentence_transformers import SentenceTransformer

        model = SentenceTransformer(embedding_model_path(), device="cpu")
        return lambda texts: model.encode(texts, batch_size=64, normalize_embeddings=True, show_progress_bar=False)
    from checker.nlp.onnx_embedder import load_onnx_encoder

    return load_onnx_encoder().encode


def child_scale(cache_dir: Path, backend: str, out: Path) -> None:
    """A warm check per article at each batch size: gva-dev, then copies of it under new ids (the cache is
    keyed on content, so copies reuse its claims and vectors: what is left is analysis, rules and report)."""
    import dataclasses

    from checker import timing
    from checker.analyse.cache import Cache
    from checker.commands import check_articles
    from checker.config import Config
    from checker.ingest import read_paths
    from checker.nlp.embeddings import Embedder
    from checker.report.build import build_report
    from checker.report.render import RENDERERS
    from checker.rules.loading import load_rules
    from checker.rules.selection import Selection

    rules = Selection().resolve(load_rules())
    originals = list(read_paths([GVA]).articles)
    cache = Cache(cache_dir)
    embedder = Embedder(Config().embedder if backend == "default" else backend, store=cache)
    figures: dict[str, Any] = {}
    for n in SCALES:
        articles = [
            dataclasses.replace(a, id=a.id if i < len(originals) else f"{a.id}~{i // len(originals)}")
            for i in range(n)
            for a in [originals[i % len(originals)]]
        ]
        timing.reset()
        start = time.perf_counter()
        checked = check_articles(articles, rules, embedder=embedder, cache=cache)
        report = build_report(checked.batch, checked.findings, (), rules, fail_on="error")
        with timing.stage("render"):
            for name in ("json", "markdown"):
                RENDERERS[name](report, rules)
        figures[str(n)] = {
            "seconds": time.perf_counter() - start,
            "stages": timing.stages(),
            "claims": len(checked.batch.claims),
            "stories": len(set(checked.batch.stories.values())),
        }
    cache.close()
    out.write_text(json.dumps(figures), encoding="utf-8")


# --- the parent: rounds of fresh processes, medians, one table ------------------------------------------------


def _spawn(args: list[str], timeout: float | None = None) -> tuple[float, dict[str, Any]]:
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        result_file = Path(handle.name)
    env = dict(os.environ, HF_HUB_OFFLINE="1")
    start = time.perf_counter()
    try:
        done = subprocess.run(
            [PYTHON, "-m", "benchmarks.speed", "--child", *args, str(result_file)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return time.perf_counter() - start, {"timeout": timeout}
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"child {args[0]} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    result = json.loads(result_file.read_text(encoding="utf-8"))
    result_file.unlink()
    return seconds, result


def _check_args(paths: list[str], tmp: Path, embedder: str | None) -> list[str]:
    argv = ["check", *paths, "--out", str(tmp / "out"), "--cache-dir", str(tmp / "cache"), "-q", "--fail-on", "never"]
    if embedder:
        config = tmp / "checker.toml"
        config.write_text(f'embedder = "{embedder}"\n', encoding="utf-8")
        argv += ["--config", str(config)]
    else:
        argv += ["--isolated"]
    return argv


def one_round(embedder: str | None, scale: bool) -> dict[str, Any]:
    figures: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="checker-speed-") as name:
        tmp = Path(name)
        texts = tmp / "texts.json"
        argv = _check_args([str(GVA)], tmp, embedder)
        figures["cold"] = _with_wall(*_spawn(["check", str(texts), json.dumps(argv)]))
        figures["warm"] = _with_wall(*_spawn(["check", "-", json.dumps(argv)]))
        draft = tmp / "drafts" / "draft.md"
        draft.parent.mkdir()
        draft.write_text(DRAFT, encoding="utf-8")
        argv_draft = _check_args([str(GVA), str(draft.parent)], tmp, embedder)
        figures["draft"] = _with_wall(*_spawn(["check", "-", json.dumps(argv_draft)]))
        figures["floors"] = _spawn(["floors", str(texts), embedder or "default"])[1]
        if scale:
            figures["scale"] = _spawn(["scale", str(tmp / "cache"), embedder or "default"], timeout=SCALE_TIMEOUT)[1]
    figures["help"] = _help_seconds()
    return figures


def _with_wall(wall: float, result: dict[str, Any]) -> dict[str, Any]:
    if result["code"] not in (0, 1):
        raise SystemExit(f"checker exited {result['code']}")
    return dict(result, wall=wall)


def _help_seconds() -> float:
    start = time.perf_counter()
    subprocess.run([PYTHON, "-m", "checker", "--help"], cwd=ROOT, capture_output=True, check=True)
    return time.perf_counter() - start


def _median(rounds: list[dict[str, Any]], *path: str, default: float = 0.0) -> float:
    """Median over rounds of the figure at ``path`` (e.g. "cold", "stages", "parse")."""
    values = []
    for figures in rounds:
        value: Any = figures
        for key in path:
            value = value.get(key, default) if isinstance(value, dict) else default
        values.append(float(value))
    return statistics.median(values)


RUNS = (("cold", "cold (empty cache)"), ("warm", "warm (unchanged)"), ("draft", "one draft added to the warm batch"))
FLOOR_PARTS = ("spaCy load", "nlp.pipe", "embedder load", "encode")


def report(rounds: list[dict[str, Any]], articles: int) -> str:
    lines: list[str] = []
    wall = {run: _median(rounds, run, "wall") for run, _ in RUNS}
    cold = wall["cold"]
    lines.append(f"## gva-dev, {articles} articles in one batch (median of {len(rounds)} round(s))\n")
    lines.append(
        "| run | seconds | articles/s | vs cold | CPU seconds | peak MB | + parse workers, each | texts embedded |"
    )
    lines.append("|---|---|---|---|---|---|---|---|")
    for run, label in RUNS:
        rate = f"{articles / wall[run]:.1f}" if run != "draft" else ""
        cpu = _median(rounds, run, "cpu")
        peak = _median(rounds, run, "peak_mb")
        workers = _median(rounds, run, "worker_peak_mb")
        embedded = _median(rounds, run, "counters", "texts embedded")
        share = wall[run] / cold
        cells = f"{wall[run]:.1f} | {rate} | {share:.0%} | {cpu:.0f} | {peak:.0f} | {workers:.0f} | {embedded:.0f}"
        lines.append(f"| {label} | {cells} |")
    lines.append("\n### seconds per stage (wall, exclusive; 'start-up, imports, other' = wall minus stages)\n")
    names = list(dict.fromkeys(k for r in rounds for run, _ in RUNS for k in r[run]["stages"]))
    lines.append("| stage | cold | share of cold | warm | draft |")
    lines.append("|---|---|---|---|---|")
    for name in names:
        cells = [_median(rounds, run, "stages", name) for run, _ in RUNS]
        lines.append(f"| {name} | {cells[0]:.2f} | {cells[0] / cold:.1%} | {cells[1]:.2f} | {cells[2]:.2f} |")
    rest = [statistics.median(r[run]["wall"] - sum(r[run]["stages"].values()) for r in rounds) for run, _ in RUNS]
    share = rest[0] / cold
    lines.append(f"| start-up, imports, other | {rest[0]:.2f} | {share:.1%} | {rest[1]:.2f} | {rest[2]:.2f} |")
    floors = rounds[0]["floors"]
    floor = statistics.median(sum(r["floors"]["figures"][k] for k in FLOOR_PARTS) for r in rounds)
    lines.append("\n### floors (one fresh process: the models alone on the same texts)\n")
    lines.append(f"paragraphs parsed: {floors['paragraphs']}, texts embedded: {floors['texts']}\n")
    lines.append("| floor | seconds |")
    lines.append("|---|---|")
    lines += [f"| {part} | {_median(rounds, 'floors', 'figures', part):.2f} |" for part in FLOOR_PARTS]
    lines.append(f"| total | {floor:.2f} |")
    lines.append(f"\nchecker cold / floors = {cold:.1f} / {floor:.1f} = {cold / floor:.2f}")
    if "timeout" in rounds[0].get("scale", {}):
        lines.append(f"\nscale: 500 and 5,000 articles did not finish within {SCALE_TIMEOUT:.0f} s")
    elif "scale" in rounds[0]:
        lines += _scale_table(rounds)
    lines.append(f"\n`checker --help`: {_median(rounds, 'help'):.2f} s")
    return "\n".join(lines)


def _scale_table(rounds: list[dict[str, Any]]) -> list[str]:
    lines = ["\n### time per article as the batch grows (warm: claims and vectors cached; copies under new ids)\n"]
    lines.append("| articles | claims | stories | seconds | ms per article | vs 500 |")
    lines.append("|---|---|---|---|---|---|")
    per = {n: 1000 * _median(rounds, "scale", str(n), "seconds") / n for n in SCALES}
    for n in SCALES:
        shape = rounds[0]["scale"][str(n)]
        seconds = per[n] * n / 1000
        ratio = per[n] / per[SCALES[0]]
        lines.append(f"| {n} | {shape['claims']} | {shape['stories']} | {seconds:.1f} | {per[n]:.2f} | {ratio:.2f}x |")
    lines.append("\n| stage, ms per article | " + " | ".join(str(n) for n in SCALES) + " |")
    lines.append("|---|" + "---|" * len(SCALES))
    for name in rounds[0]["scale"][str(SCALES[-1])]["stages"]:
        cells = [f"{1000 * _median(rounds, 'scale', str(n), 'stages', name) / n:.2f}" for n in SCALES]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return lines


def machine() -> str:
    cpuinfo = Path("/proc/cpuinfo").read_text().splitlines()
    model = next((line.split(":", 1)[1].strip() for line in cpuinfo if "model name" in line), platform.processor())
    meminfo = Path("/proc/meminfo").read_text().splitlines()
    memory = next((int(line.split()[1]) / 2**20 for line in meminfo if line.startswith("MemTotal")), 0.0)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    python = platform.python_version()
    return f"{os.cpu_count()} CPUs ({model}), {memory:.0f} GB RAM, Python {python}; load average {load}"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--child":
        kind, *rest = argv[1:]
        if kind == "check":
            texts, args, out = rest
            child_check(json.loads(args), Path(out), None if texts == "-" else Path(texts))
        elif kind == "floors":
            child_floors(Path(rest[0]), rest[1], Path(rest[2]))
        elif kind == "scale":
            child_scale(Path(rest[0]), rest[1], Path(rest[2]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=1, help="rounds; figures are medians (default 1)")
    parser.add_argument("--embedder", choices=["onnx", "torch"], help="override the configured embedder")
    parser.add_argument("--skip-scale", action="store_true", help="skip the 500 vs 5,000 articles comparison")
    parser.add_argument("--data", type=Path, help=f"a JSONL batch instead of {GVA.name} (quick trials)")
    parser.add_argument("--save", type=Path, help="also write the rounds' raw figures to this JSON file")
    parser.add_argument("--merge", type=Path, nargs="+", help="print the medians of rounds saved with --save")
    args = parser.parse_args(argv)
    if args.merge:  # rounds run at different times (interleaved with another version of the code)
        rounds = [r for path in args.merge for r in json.loads(path.read_text(encoding="utf-8"))]
        print(report(rounds, sum(1 for line in GVA.read_text(encoding="utf-8").splitlines() if line.strip())))
        return 0
    if args.data:
        os.environ["CHECKER_SPEED_DATA"] = str(args.data.resolve())  # children read it too
        globals()["GVA"] = args.data.resolve()
    if not GVA.exists():
        raise SystemExit(f"missing {GVA}")
    print(f"machine: {machine()}")
    rounds = []
    for number in range(args.repeat):
        rounds.append(one_round(args.embedder, not args.skip_scale))
        print(f"round {number + 1}/{args.repeat} done; load average {os.getloadavg()[0]:.1f}", file=sys.stderr)
    articles = sum(1 for line in GVA.read_text(encoding="utf-8").splitlines() if line.strip())
    if args.save:
        args.save.write_text(json.dumps(rounds), encoding="utf-8")
    print(report(rounds, articles))
    print(f"\nload average at the end: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
