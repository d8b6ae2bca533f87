"""Weigh the JavaScript and CSS this project adds to Material (gzip -9, each file as
the built site serves it), page by page, against the budgets in the issues:
- a guide page (any page without a tool): at most 3 KB of the project's own first load;
- a tool page: at most 30 KB (issue 16: half of Material's own first load);
- files loaded only when a person asks (the Word library and its adapter) are listed
  apart and never count towards a page's first load.
It also counts the stylesheets of ours each page waits for before its first paint
(issue 16: one on a guide page, at most two on a tool page).

    python scripts/measure_weight.py --site site/            # table, exit 1 if over budget
    python scripts/measure_weight.py --site site/ --json     # figures for other scripts and tests
"""
from __future__ import annotations

import gzip
import json
import re
import sys
from pathlib import Path
from urllib.parse import urljoin

ROOT = Path(__file__).resolve().parent.parent
GUIDE_PAGE_BUDGET = 3 * 1024
TOOL_PAGE_BUDGET = 30 * 1024
GUIDE_PAGE_STYLESHEETS, TOOL_PAGE_STYLESHEETS = 1, 2
# Loaded only when a person asks: a Word file; an import or managing assessments (core/manage.js);
# or after the page has started: the board pack's print layout (board-pack/print.css), the
# team view's styles for its tables, people and print (team-view/results.css).
ON_DEMAND = ("components/word/", "assets/vendor/", "components/core/manage.js", "components/board-pack/print.css",
             "components/team-view/results.css")
# Material's own files, which a page also loads: not ours to weigh.
MATERIAL = re.compile(r"(^|/)(main|palette)\.[0-9a-f]+\.min\.css$|(^|/)bundle\.[0-9a-f]+\.min\.js$")


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def first_load(html: str) -> tuple[list[str], list[str]]:
    """The stylesheets and the scripts a built page names in tags (URLs as written)."""
    return (re.findall(r'<link rel="stylesheet" href="([^"]+)"', html),
            re.findall(r'<script src="([^"]+)"', html))


def pages(site: Path):
    """(page, its HTML) for every built page, e.g. ("tools/board-pack/", ...)."""
    for html in sorted(site.rglob("*.html")):
        rel = html.relative_to(site).as_posix()
        if rel.startswith(("assets/", "components/")) or rel == "404.html":
            continue
        yield rel.removesuffix("index.html") or "/", rel, html.read_text(encoding="utf-8")


def weigh(site: Path) -> dict:
    """Every file of ours that a built page loads or may load on demand, and each page's
    first load of ours: gzip bytes, and the stylesheets it waits for."""
    rows, out = {}, {}
    for path in sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.suffix in (".js", ".css")):
        if path.startswith(ON_DEMAND):
            data = (site / path).read_bytes()
            rows[path] = {"bytes": len(data), "gzip": gz(data), "on_demand": True}
    for page, rel, text in pages(site):
        styles, scripts = first_load(text)
        ours = {"stylesheets": [], "scripts": [], "gzip": 0}
        for kind, urls in (("stylesheets", styles), ("scripts", scripts)):
            for url in urls:
                path = urljoin("/" + rel, url).lstrip("/")
                if MATERIAL.search(path) or not (site / path).is_file():
                    continue  # Material's, or another origin's (which a test forbids)
                if path not in rows:
                    data = (site / path).read_bytes()
                    rows[path] = {"bytes": len(data), "gzip": gz(data), "on_demand": path.startswith(ON_DEMAND)}
                ours[kind].append(path)
                if not rows[path]["on_demand"]:
                    ours["gzip"] += rows[path]["gzip"]
        out[page] = ours
    guide = {p: w["gzip"] for p, w in out.items() if not is_tool_page(p)}
    tool = {p: w["gzip"] for p, w in out.items() if is_tool_page(p)}
    return {"files": dict(sorted(rows.items())), "pages": out,
            "guide_page_budget_gzip": GUIDE_PAGE_BUDGET, "tool_page_budget_gzip": TOOL_PAGE_BUDGET,
            "guide_page_max_gzip": max(guide.values()), "tool_page_max_gzip": max(tool.values()),
            "tool_page_max": max(tool, key=tool.get)}


def is_tool_page(page: str) -> bool:
    """A page that shows a tool (the tools' index page shows none)."""
    return page.startswith("tools/") and page != "tools/"


def within_budget(data: dict) -> bool:
    return data["guide_page_max_gzip"] <= GUIDE_PAGE_BUDGET and data["tool_page_max_gzip"] <= TOOL_PAGE_BUDGET


def main() -> int:
    if "--site" not in sys.argv:
        sys.exit(__doc__)
    data = weigh(Path(sys.argv[sys.argv.index("--site") + 1]))
    if "--json" in sys.argv:
        print(json.dumps(data, indent=2))
    else:
        for name, r in data["files"].items():
            print(f"{r['gzip']:>7,} B gzip {r['bytes']:>9,} B  {name}" + ("  (loaded only when asked)" if r["on_demand"] else ""))
        for page, w in data["pages"].items():
            print(f"{w['gzip']:>7,} B gzip, {len(w['stylesheets'])} stylesheet(s) of ours before the first paint: {page}")
        print(f"{data['guide_page_max_gzip']:>7,} B gzip at most on a page with no tool; budget {GUIDE_PAGE_BUDGET:,} B")
        print(f"{data['tool_page_max_gzip']:>7,} B gzip at most on a tool page ({data['tool_page_max']}); "
              f"budget {TOOL_PAGE_BUDGET:,} B")
    return 0 if within_budget(data) else 1


if __name__ == "__main__":
    sys.exit(main())
