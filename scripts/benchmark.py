"""Measure the build and the pages, and record the figures in BENCHMARKS.md.

Builds are timed in one run, alternating, so the ratios compare like with like on a
noisy machine: this project, a bare Material site of as many pages (the theme's own
cost), and optionally an earlier commit (`--ref`, for before and after). Wall time
and CPU time (user + system of the build process) are both reported: CPU time moves
much less when the machine is busy. Sizes are exact.

    python scripts/benchmark.py [--runs 3] [--ref 5efec32]

It rewrites only its own part of BENCHMARKS.md (between its markers), so sections
written by other scripts (scripts/benchmark_scale.py, Lighthouse) stay.
"""
from __future__ import annotations

import argparse
import gzip
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure_weight import weigh  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
START, END = "<!-- scripts/benchmark.py: start -->", "<!-- scripts/benchmark.py: end -->"
PAGES = ["index.html", "guide/managing-risk/index.html", "glossary/index.html",
         "tools/deployment-checklist/index.html", "tools/readiness-assessment/index.html",
         "tools/business-case/index.html"]


def build(project: Path, dest: Path, **env) -> tuple[float, float]:
    """Build once; (wall seconds, CPU seconds of the build)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(dest)], cwd=project,
                   check=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1", **env))
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def bare_site(where: Path, pages: int) -> Path:
    """A bare Material 9.8 site with as many pages of plain prose."""
    (where / "docs").mkdir(parents=True)
    text = "Plain prose for a bare page. " * 40
    for n in range(pages):
        (where / "docs" / ("index.md" if n == 0 else f"page-{n}.md")).write_text(f"# Page {n}\n\n{text}\n")
    (where / "mkdocs.yml").write_text("site_name: Bare\ntheme:\n  name: material\n  font: false\n")
    return where


def checkout(ref: str, where: Path) -> Path:
    """The project as it was at a commit (its content, macros, overrides and docs)."""
    where.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", ref], cwd=ROOT, check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(where)], input=archive, check=True)
    return where


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def page_weight(site: Path, page: str) -> tuple[int, int]:
    """(HTML gzip, HTML + every script and stylesheet it loads, gzip)."""
    html = (site / page).read_bytes()
    total = gz(html)
    for ref in re.findall(rb'(?:src|href)="([^"]+\.(?:js|css))"', html):
        total += gz(((site / page).parent / ref.decode()).resolve().read_bytes())
    return gz(html), total


def median(runs, i):
    return statistics.median(r[i] for r in runs)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--ref", help="an earlier commit to build in the same run (before and after)")
    args = parser.parse_args()
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "macros.validate"], cwd=ROOT, check=True, capture_output=True)
    validate = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        site = tmp / "site"
        subjects = {"this project": ROOT}
        build(ROOT, site)
        count = sum(1 for _ in site.rglob("index.html"))
        subjects["bare Material 9.8"] = bare_site(tmp / "bare", count)
        if args.ref:
            subjects[f"this project at {args.ref}"] = checkout(args.ref, tmp / "ref")
        runs = {name: [] for name in subjects}
        for n in range(args.runs):
            for name, project in subjects.items():
                runs[name].append(build(project, tmp / f"out-{n}-{len(runs[name])}-{abs(hash(name))}"))
        offline = build(ROOT, tmp / "offline", OFFLINE="true")
        pages = {p: page_weight(site, p) for p in PAGES}
        files = sum(1 for _ in site.rglob("*") if _.is_file())
        size = sum(f.stat().st_size for f in site.rglob("*") if f.is_file())
        weight = weigh(site)
    bare_wall, bare_cpu = median(runs["bare Material 9.8"], 0), median(runs["bare Material 9.8"], 1)
    lines = [
        START, "",
        f"Measured by `scripts/benchmark.py` on {time.strftime('%Y-%m-%d')} ({os.cpu_count()} cores, load average "
        f"{os.getloadavg()[0]:.1f} at the end). Timings are noisy on shared machines: compare figures from one run.", "",
        "## Build", "",
        f"`mkdocs build --strict`, median of {args.runs} runs each, alternating, {count} pages:", "",
        "| Build | wall | CPU | wall vs bare | CPU vs bare |", "|---|---:|---:|---:|---:|",
    ] + [f"| {name} | {median(r, 0):.2f} s | {median(r, 1):.2f} s | {median(r, 0) / bare_wall:.1f}x | "
         f"{median(r, 1) / bare_cpu:.1f}x |" for name, r in runs.items()] + [
        "",
        f"- offline build (`OFFLINE=true`): {offline[0]:.2f} s",
        f"- content check alone (`python -m macros.validate`, including start-up): {validate:.2f} s",
        f"- built site: {files} files, {size / 1024:.0f} KB", "",
        "## Page weight (gzip)", "",
        "| Page | HTML | HTML + all scripts and styles |", "|---|---:|---:|",
    ] + [f"| `{p}` | {h / 1024:.1f} KB | {t / 1024:.1f} KB |" for p, (h, t) in pages.items()] + [
        "", "## JavaScript and CSS the project adds (gzip)", "",
        "| File | gzip | raw |", "|---|---:|---:|",
    ] + [f"| `{n}` | {r['gzip']:,} B | {r['bytes']:,} B |" + (" loaded only when asked" if r["on_demand"] else "")
         for n, r in weight["files"].items()] + [
        f"| **most on a page with no tool, first load** (budget {weight['guide_page_budget_gzip']:,} B) | "
        f"**{weight['guide_page_max_gzip']:,} B** | |",
        f"| **most on a tool page, first load** (`{weight['tool_page_max']}`; budget "
        f"{weight['tool_page_budget_gzip']:,} B) | **{weight['tool_page_max_gzip']:,} B** | |", "", END,
    ]
    path = ROOT / "BENCHMARKS.md"
    old = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    if START in old:
        head, rest = old.split(START, 1)
        tail = rest.split(END, 1)[1] if END in rest else ""
    else:  # first run with markers: keep the title and every section another script wrote
        head = "# Benchmarks\n\n"
        tail = "\n" + old[old.index("## Scale"):] if "## Scale" in old else ""
    path.write_text(head + "\n".join(lines) + tail, encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
