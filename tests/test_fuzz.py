"""The fuzz targets, run for a fixed-seed short while on every test run (issue 12: a short fuzz in CI).

``python -m benchmarks.fuzz --minutes N`` runs the same targets for longer (coverage-guided with
atheris); here each target gets a fixed number of hypothesis-generated inputs from a fixed seed, so
the run is the same every time and any failure it finds is a regression. The harness itself is
tested too: a planted bug is found, counted once however often it recurs, and saved to reproduce.
"""

from __future__ import annotations

import pytest

from benchmarks import fuzz
from benchmarks.fuzz_targets import TARGETS, Broken

# Inputs per target: cheap targets get many, the ones that parse with spaCy or build a report fewer.
EXAMPLES = {"readers": 300, "cleaner": 150, "numbers": 300, "dates": 300, "loaders": 150, "renderers": 40}
EXAMPLES["extract"] = 25


@pytest.mark.parametrize("target", sorted(TARGETS))
def test_fixed_seed_fuzz_finds_no_failure(target, tmp_path):
    tried = fuzz.run_hypothesis(target, tmp_path, 0, seed=20_240_612, examples=EXAMPLES[target])
    found = fuzz.failures(tmp_path, target)
    details = "\n".join(p.read_text(encoding="utf-8") for p in (tmp_path / "failures" / target).glob("*.txt"))
    assert not found, details
    assert tried == EXAMPLES[target]


def test_the_harness_counts_a_bug_once_and_keeps_its_input(tmp_path, monkeypatch):
    def planted(data: bytes) -> None:
        if len(data) > 3:
            raise Broken(f"planted bug on {len(data)} bytes")

    monkeypatch.setitem(TARGETS, "cleaner", planted)
    tried = fuzz.run_hypothesis("cleaner", tmp_path, 0, seed=1, examples=100)
    found = fuzz.failures(tmp_path, "cleaner")
    assert tried == 100 and len(found) == 1, found
    assert found[0].startswith("Broken at test_fuzz.py:") and found[0].endswith(": planted bug on # bytes")
    saved = next((tmp_path / "failures" / "cleaner").glob("*.bin")).read_bytes()
    with pytest.raises(Broken):
        planted(saved)


def test_the_coverage_guided_engine_runs_a_target(tmp_path):
    pytest.importorskip("atheris")
    tried = fuzz.run_atheris("numbers", tmp_path, 0, seed=1, runs=400)
    assert tried >= 400 and fuzz.failures(tmp_path, "numbers") == []
