"""Measure the build and the pages, and record the figures in BENCHMARKS.md.

Build time is the median of several runs on this machine (noisy: compare figures
from the same run, not across machines). Sizes are exact.

    python scripts/benchmark.py [--runs 3]
"""
from __future__ import annotations

import argparse
import gzip
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure_weight import weigh  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["index.html", "guide/managing-risk/index.html", "glossary/index.html",
         "tools/deployment-checklist/index.html", "tools/readiness-assessment/index.html",
         "tools/business-case/index.html"]


def build(dest: Path, **env) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(dest)], cwd=ROOT, check=True,
                   env=dict(os.environ, NO_MKDOCS_2_WARNING="1", **env))
    return time.perf_counter() - start


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def page_weight(site: Path, page: str) -> tuple[int, int]:
    """(HTML gzip, HTML + every script and stylesheet it loads, gzip)."""
    html = (site / page).read_bytes()
    total = gz(html)
    for ref in re.findall(rb'(?:src|href)="([^"]+\.(?:js|css))"', html):
        total += gz(((site / page).parent / ref.decode()).resolve().read_bytes())
    return gz(html), total


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "macros.validate"], cwd=ROOT, check=True, capture_output=True)
    validate = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        times = [build(site) for _ in range(args.runs)]
        offline = build(Path(tmp) / "offline", OFFLINE="true")
        pages = {p: page_weight(site, p) for p in PAGES}
        files = sum(1 for _ in site.rglob("*") if _.is_file())
        size = sum(f.stat().st_size for f in site.rglob("*") if f.is_file())
    weight = weigh()
    lines = [
        "# Benchmarks", "",
        f"Measured by `scripts/benchmark.py` on {time.strftime('%Y-%m-%d')} ({os.cpu_count()} cores). "
        "Timings are noisy on shared machines: compare figures from one run.", "",
        "## Build", "",
        f"- `mkdocs build --strict`: median {statistics.median(times):.2f} s over {args.runs} runs "
        f"({', '.join(f'{t:.2f}' for t in times)} s)",
        f"- offline build (`OFFLINE=true`): {offline:.2f} s",
        f"- content check alone (`python -m macros.validate`, including start-up): {validate:.2f} s "
        f"({statistics.median(times) / validate:.0f}x faster than a build)",
        f"- built site: {files} files, {size / 1024:.0f} KB", "",
        "## Page weight (gzip)", "",
        "| Page | HTML | HTML + all scripts and styles |", "|---|---:|---:|",
    ] + [f"| `{p}` | {h / 1024:.1f} KB | {t / 1024:.1f} KB |" for p, (h, t) in pages.items()] + [
        "", "## JavaScript and CSS the project adds (gzip)", "",
        "| File | gzip | raw |", "|---|---:|---:|",
    ] + [f"| `{n}` | {r['gzip']:,} B | {r['bytes']:,} B |" for n, r in weight["files"].items()] + [
        f"| **checklist engine** (budget {weight['engine_budget_gzip']:,} B) | **{weight['engine_gzip']:,} B** | |",
        f"| **all** (budget {weight['budget_gzip']:,} B) | **{weight['total_gzip']:,} B** | |", "",
    ]
    (ROOT / "BENCHMARKS.md").write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
