"""Weigh the JavaScript and CSS this project adds to Material (gzip -9, each file
as the browser fetches it), against the budgets in the issues: the checklist tools'
engine (storage, tools, Material's scripts moved out of the page, tool styles) at
most 12 KB, and everything the project adds, every tool together, at most 18 KB.

    python scripts/measure_weight.py          # table, exit 1 if over budget
    python scripts/measure_weight.py --json   # figures for other scripts and tests
"""
from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "docs" / "assets"
BUDGET = 18 * 1024
ENGINE_BUDGET = 12 * 1024
ENGINE = ("store.js", "tools.js", "theme-base.js", "theme-palette.js", "tools.css")


def weigh() -> dict:
    files = sorted((ASSETS / "javascripts").glob("*.js")) + sorted((ASSETS / "stylesheets").glob("*.css"))
    rows = {str(f.relative_to(ROOT)): {"bytes": f.stat().st_size,
                                        "gzip": len(gzip.compress(f.read_bytes(), compresslevel=9, mtime=0))}
            for f in files}
    total = sum(r["gzip"] for r in rows.values())
    engine = sum(r["gzip"] for name, r in rows.items() if Path(name).name in ENGINE)
    return {"files": rows, "total_gzip": total, "budget_gzip": BUDGET,
            "engine_gzip": engine, "engine_budget_gzip": ENGINE_BUDGET}


def main() -> int:
    data = weigh()
    if "--json" in sys.argv:
        print(json.dumps(data, indent=2))
    else:
        for name, r in data["files"].items():
            print(f"{r['gzip']:>7,} B gzip {r['bytes']:>8,} B  {name}")
        print(f"{data['engine_gzip']:>7,} B gzip for the checklist engine ({', '.join(ENGINE)}); "
              f"budget {ENGINE_BUDGET:,} B")
        print(f"{data['total_gzip']:>7,} B gzip in all; budget {BUDGET:,} B")
    return 0 if data["total_gzip"] <= BUDGET and data["engine_gzip"] <= ENGINE_BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())
