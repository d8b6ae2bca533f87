"""Lighthouse 12.2.3 scores of this site's main pages beside a bare Material 9.8 page,
measured in one run (mobile and desktop), recorded in BENCHMARKS.md ("## Lighthouse").

Needs Node.js and `npm install lighthouse@12.2.3` in a folder given by --lighthouse
(default /tmp/lh). Both sites are served by Python's http.server (no compression), as
on a plain intranet server. Scores move a few points between runs on a busy machine.

    python scripts/lighthouse.py [--lighthouse /tmp/lh] [--runs 1]
"""
from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchmark import bare_site  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PAGES = {"home": "", "a guide page": "guide/managing-risk/", "glossary": "glossary/",
         "deployment checklist": "tools/deployment-checklist/", "readiness assessment": "tools/readiness-assessment/",
         "business case": "tools/business-case/"}
FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking " \
        "--disable-component-update --disable-sync"
CATEGORIES = ("performance", "accessibility", "best-practices")


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory: Path, port: int):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Quiet, directory=str(directory)))
    server.request_queue_size = 128
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def run(lh: Path, url: str, preset: str) -> dict:
    out = subprocess.run([str(lh / "node_modules/.bin/lighthouse"), url, "--quiet", "--output=json", "--output-path=stdout",
                          f"--chrome-flags={FLAGS}", "--only-categories=" + ",".join(CATEGORIES)]
                         + (["--preset=desktop"] if preset == "desktop" else []),
                         capture_output=True, text=True, env=dict(os.environ, CHROME_PATH="/usr/bin/chromium"), check=True)
    report = json.loads(out.stdout)
    return {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lighthouse", default="/tmp/lh")
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    lh = Path(args.lighthouse)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp / "site")], cwd=ROOT,
                       check=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL="http://127.0.0.1:8611/"))
        bare = bare_site(tmp / "bare", 32)
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(tmp / "bare-site")], cwd=bare, check=True,
                       env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
        servers = [serve(tmp / "site", 8611), serve(tmp / "bare-site", 8612)]
        targets = {"bare Material page": "http://127.0.0.1:8612/"} | {
            name: f"http://127.0.0.1:8611/{path}" for name, path in PAGES.items()}
        rows = {}
        for preset in ("mobile", "desktop"):
            for name, url in targets.items():
                scores = [run(lh, url, preset) for _ in range(args.runs)]
                rows[(name, preset)] = {c: statistics.median(s[c] for s in scores) for c in CATEGORIES}
                print(preset, name, rows[(name, preset)], flush=True)
        for s in servers:
            s.shutdown()
    lines = ["## Lighthouse", "",
             f"Measured by `scripts/lighthouse.py` (Lighthouse 12.2.3, Chromium, served by Python without compression, "
             f"median of {args.runs} run(s)). Performance / accessibility / best practices:", "",
             "| Page | mobile | desktop |", "|---|---|---|"]
    for name in targets:
        cell = lambda p: " / ".join(f"{rows[(name, p)][c]:.0f}" for c in CATEGORIES)  # noqa: E731
        lines.append(f"| {name} | {cell('mobile')} | {cell('desktop')} |")
    lines.append("")
    path = ROOT / "BENCHMARKS.md"
    text = path.read_text(encoding="utf-8")
    if "## Lighthouse" in text:
        head, rest = text.split("## Lighthouse", 1)
        nxt = rest.find("\n## ")
        text = head + "\n".join(lines) + (rest[nxt:] if nxt >= 0 else "")
    else:
        text = text.rstrip() + "\n\n" + "\n".join(lines)
    path.write_text(text, encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
