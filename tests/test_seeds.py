"""End to end on seeds/: every planted discrepancy is found, nothing else, and reports/ is current."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def _run(out: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, HF_HUB_OFFLINE="1")
    return subprocess.run(
        [sys.executable, "-m", "checker", "check", "seeds/", "--out", str(out), "--no-cache"]
        + ["--format", f"html={out / 'report.html'}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
    )


def test_seeds_end_to_end(tmp_path):
    result = _run(tmp_path)
    assert result.returncode == 1, result.stderr  # planted errors fail the gate
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    expected = yaml.safe_load((ROOT / "tests" / "seeds_expected.yaml").read_text(encoding="utf-8"))
    found = Counter(
        (f["rule"], tuple(sorted({e["article"] for e in f["evidence"] if e["conflict"]}))) for f in report["findings"]
    )
    wanted = Counter({(e["rule"], tuple(sorted(e["articles"]))): e["count"] for e in expected["findings"]})
    assert found == wanted
    for finding in report["findings"]:
        for evidence in finding["evidence"]:
            assert evidence["article"] not in expected["agreeing"]
    # every rule is exercised by the seeds
    rules = {r["id"] for r in report["rules"]}
    assert rules == {rule for rule, _ in found}
    # the committed reports/ are exactly what the README command produces
    for name in ("report.json", "report.md", "report.html"):
        assert (tmp_path / name).read_text(encoding="utf-8") == (ROOT / "reports" / name).read_text(encoding="utf-8"), (
            f"reports/{name} is stale: run `.venv/bin/checker check seeds/ --out reports/ --format html=reports/report.html`"
        )
