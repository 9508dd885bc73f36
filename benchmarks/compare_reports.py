"""Compare the claims and findings of two report.json files (before / after a change).

    python -m benchmarks.compare_reports before.json after.json [--show 20]

Prints how many claims and findings are identical, and the ones that differ, grouped by
article and rule. Report fields a refactoring may add (such as a new article field) are
ignored unless they are claims or findings.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any


def _claims(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {c["id"]: c for a in report["articles"] for c in a["claims"]}


def _findings(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {f["id"]: f for f in report["findings"]}


def compare(before: dict[str, Any], after: dict[str, Any], show: int) -> bool:
    same = True
    for label, get in (("claims", _claims), ("findings", _findings)):
        a, b = get(before), get(after)
        gone = sorted(set(a) - set(b))
        new = sorted(set(b) - set(a))
        changed = sorted(k for k in set(a) & set(b) if a[k] != b[k])
        print(
            f"{label}: {len(a)} before, {len(b)} after; {len(set(a) & set(b)) - len(changed)} identical, "
            f"{len(changed)} changed, {len(gone)} only before, {len(new)} only after"
        )
        if label == "findings":
            print(
                "  by rule, before -> after:",
                {
                    r: f"{n} -> {Counter(f['rule'] for f in b.values())[r]}"
                    for r, n in sorted(Counter(f["rule"] for f in a.values()).items())
                },
            )
        for title, keys, source in (("changed", changed, b), ("only before", gone, a), ("only after", new, b)):
            for key in keys[:show]:
                item = source[key]
                if label == "claims":
                    fields = {
                        k: (a[key].get(k), b[key].get(k))
                        for k in item
                        if key in a and key in b and a[key].get(k) != b[key].get(k)
                    }
                    print(f"  {title}: {key} {item.get('kind')} {item.get('text')!r} {fields or ''}")
                else:
                    print(f"  {title}: {item['rule']} {item['message'][:140]}")
        same = same and not (gone or new or changed)
    return same


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--show", type=int, default=20, help="differences to print per kind")
    args = parser.parse_args()
    before = json.loads(args.before.read_text(encoding="utf-8"))
    after = json.loads(args.after.read_text(encoding="utf-8"))
    raise SystemExit(0 if compare(before, after, args.show) else 1)


if __name__ == "__main__":
    main()
