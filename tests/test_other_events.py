"""Beyond shootings: an earthquake, a ferry capsizing, a factory fire and a plane crash.

``tests/events/other_events.jsonl`` is fictional copy written for this test, in the shapes wire and
local stories take (datelines, bylines, junk lines, tolls that rise, residents' estimates, a recalled
earlier disaster). Each planted discrepancy must be found, and the stories that agree (the fire) or
only recall another event (the 2009 crash toll beside this crash's) must produce nothing.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BATCH = ROOT / "tests" / "events" / "other_events.jsonl"

EXPECTED = Counter(
    {
        # the regional director is 47 in two wire stories and 49 in the local paper
        ("PER003", ("quake-cp-0309", "quake-cp-0310", "quake-herald-0310")): 1,
        # "Saturday, March 9" in a paper of March 10, 2025: March 9 was a Sunday
        ("DAT001", ("quake-herald-0310",)): 1,
        # "Kestrel Valley" and "Kestral Valley" in one article, and across the three
        ("NAM001", ("quake-herald-0310",)): 1,
        ("NAM002", ("quake-cp-0309", "quake-cp-0310", "quake-herald-0310")): 1,
        # the agency's 41 against residents' "more than 60": a note, not an error
        ("CNT003", ("quake-cp-0310", "quake-herald-0310")): 1,
        # "The 26 dead included 15 women and 14 children"
        ("CNT006", ("ferry-coastal-0816",)): 1,
        # the ferry capsized Thursday (wire, same day) / overturned on Wednesday (next day's paper)
        ("DAT003", ("ferry-coastal-0816", "ferry-rna-0815")): 1,
        # the captain is 58 and 61
        ("PER003", ("ferry-coastal-0816", "ferry-rna-0815")): 1,
        # the pilot is 52 and 57
        ("PER003", ("crash-cp-1102", "crash-gazette-1103")): 1,
    }
)


def test_other_kinds_of_events(tmp_path):
    env = dict(os.environ, HF_HUB_OFFLINE="1")
    result = subprocess.run(
        [sys.executable, "-m", "checker", "check", str(BATCH), "--out", str(tmp_path), "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 1, result.stderr
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    found = Counter(
        (f["rule"], tuple(sorted({e["article"] for e in f["evidence"] if e["conflict"]}))) for f in report["findings"]
    )
    assert found == EXPECTED
    # the four events are four stories apart (the ferry's reports may split; they never join another event)
    for story in report["stories"]:
        assert len({a.split("-")[0] for a in story["articles"]}) == 1, story
    # the fire stories agree; the crash's recalled 2009 toll (49) is another event's
    flagged = {e["article"] for f in report["findings"] for e in f["evidence"]}
    assert not flagged & {"fire-metro-0620", "fire-ledger-0621"}
    assert all("49" not in f["message"] for f in report["findings"] if f["rule"].startswith("CNT"))
