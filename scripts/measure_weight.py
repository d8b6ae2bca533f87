"""Weigh the JavaScript and CSS this project adds to Material (gzip -9, each file as
the browser fetches it), against the budgets in the issues:
- every tool together (all the project's scripts and styles a page can load on
  arrival): at most 22 KB;
- a guide page with no tool: at most 3 KB of the project's own;
- files loaded only when a person asks (the Word library and its adapter) are listed
  apart and never count towards a page's first load.

    python scripts/measure_weight.py                 # table, exit 1 if over budget
    python scripts/measure_weight.py --json          # figures for other scripts and tests
    python scripts/measure_weight.py --site site/    # also weigh each built page's first load
"""
from __future__ import annotations

import gzip
import json
import re
import sys
from pathlib import Path
from urllib.parse import urljoin

ROOT = Path(__file__).resolve().parent.parent
BUDGET = 22 * 1024  # issue 7's goal for every tool together (see BENCHMARKS.md)
GUIDE_PAGE_BUDGET = 3 * 1024
ON_DEMAND = ("overrides/components/word/", "docs/assets/vendor/")


def project_files() -> list[Path]:
    """Every script and stylesheet of the project, by the path the site serves it at."""
    return (sorted((ROOT / "docs" / "assets").rglob("*.js")) + sorted((ROOT / "docs" / "assets").rglob("*.css"))
            + sorted((ROOT / "overrides" / "components").rglob("*.js"))
            + sorted((ROOT / "overrides" / "components").rglob("*.css")))


def served_path(f: Path) -> str:
    rel = f.relative_to(ROOT).as_posix()
    return rel.removeprefix("docs/").removeprefix("overrides/")


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def page_weights(site: Path, sizes: dict) -> dict:
    """The project's own JS and CSS each built page loads on arrival (gzip bytes)."""
    out = {}
    for html in sorted(site.rglob("*.html")):
        rel = html.relative_to(site).as_posix()
        if rel.startswith(("assets/", "components/")) or rel == "404.html":
            continue
        text = html.read_text(encoding="utf-8")
        urls = re.findall(r'<script src="([^"]+)"', text) + re.findall(r'<link rel="stylesheet" href="([^"]+)"', text)
        total = 0
        for url in urls:
            path = urljoin("/" + rel, url).lstrip("/")
            total += sizes.get(path, 0)  # Material's own files are not in sizes
        out[rel.removesuffix("index.html") or "/"] = total
    return out


def weigh(site: Path | None = None) -> dict:
    rows = {}
    for f in project_files():
        rows[served_path(f)] = {"bytes": f.stat().st_size, "gzip": gz(f.read_bytes()),
                                "on_demand": f.relative_to(ROOT).as_posix().startswith(ON_DEMAND)}
    total = sum(r["gzip"] for r in rows.values() if not r["on_demand"])
    data = {"files": rows, "total_gzip": total, "budget_gzip": BUDGET, "guide_page_budget_gzip": GUIDE_PAGE_BUDGET}
    if site is not None:
        pages = page_weights(site, {k: r["gzip"] for k, r in rows.items() if not r["on_demand"]})
        data["pages"] = pages
        guide = {p: w for p, w in pages.items() if not p.startswith("tools/")}
        data["guide_page_max_gzip"] = max(guide.values())
    return data


def main() -> int:
    site = Path(sys.argv[sys.argv.index("--site") + 1]) if "--site" in sys.argv else None
    data = weigh(site)
    if "--json" in sys.argv:
        print(json.dumps(data, indent=2))
    else:
        for name, r in data["files"].items():
            print(f"{r['gzip']:>7,} B gzip {r['bytes']:>9,} B  {name}" + ("  (loaded only when asked)" if r["on_demand"] else ""))
        print(f"{data['total_gzip']:>7,} B gzip for every tool together; budget {BUDGET:,} B")
        for page, w in data.get("pages", {}).items():
            print(f"{w:>7,} B gzip first load of the project's own on {page}")
        if site is not None:
            print(f"{data['guide_page_max_gzip']:>7,} B gzip at most on a page with no tool; budget {GUIDE_PAGE_BUDGET:,} B")
    ok = data["total_gzip"] <= BUDGET and data.get("guide_page_max_gzip", 0) <= GUIDE_PAGE_BUDGET
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
