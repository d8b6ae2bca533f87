"""Lighthouse 12.2.3 scores of this site's main pages, recorded in BENCHMARKS.md.

Default: the main pages beside a bare Material 9.8 page, in one run (mobile and
desktop), section "## Lighthouse".

--paired: mobile performance of a guide page, the glossary and the deployment checklist,
each measured beside its twin, the same built page with the project's own stylesheets
and scripts taken out (Material's files, and the HTML, untouched; Material's inline
start-up script put back where theme.js stood, since Material's bundle needs it), in
--rounds rounds, every page next to its twin in the same round (the machine is shared:
a busy moment moves both). With --before REF, that commit's pages and twins are
measured in the same rounds. Section "## Lighthouse: each page beside itself without
the project's files".

Needs Node.js and `npm install lighthouse@12.2.3` in a folder given by --lighthouse
(default /tmp/lh). The sites are served by Python's http.server (no compression), as
on a plain intranet server. Scores move a few points between runs on a busy machine.

    python scripts/lighthouse.py [--lighthouse /tmp/lh] [--runs 1]
    python scripts/lighthouse.py --paired [--rounds 2] [--before REF] [--reports DIR]
"""
from __future__ import annotations

import argparse
import html as htmllib
import functools
import http.server
import json
import re
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchmark import bare_site, checkout  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PAGES = {"home": "", "a guide page": "guide/managing-risk/", "glossary": "glossary/",
         "deployment checklist": "tools/deployment-checklist/", "readiness assessment": "tools/readiness-assessment/",
         "business case": "tools/business-case/"}
FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking " \
        "--disable-component-update --disable-sync"
CATEGORIES = ("performance", "accessibility", "best-practices")
PAIRED = {"a guide page (managing risk)": "guide/managing-risk/", "glossary": "glossary/",
          "deployment checklist": "tools/deployment-checklist/"}
METRICS = {"first-contentful-paint": "FCP", "largest-contentful-paint": "LCP", "speed-index": "SI",
           "total-blocking-time": "TBT", "cumulative-layout-shift": "CLS"}
MATERIAL = re.compile(r"/(main|palette)\.[0-9a-f]+\.min\.css$|/bundle\.[0-9a-f]+\.min\.js$")
# Material 9.8's inline start-up script (partials/javascripts/base.html), for the twins.
MATERIAL_START = ('<script>__md_scope=new URL("{scope}",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+'
                  '_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),'
                  '__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}'
                  'catch(e){}}</script>')


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory: Path, port: int):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Quiet, directory=str(directory)))
    server.request_queue_size = 128
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def lighthouse(lh: Path, url: str, preset: str = "mobile", categories=CATEGORIES) -> dict:
    out = subprocess.run([str(lh / "node_modules/.bin/lighthouse"), url, "--quiet", "--output=json", "--output-path=stdout",
                          f"--chrome-flags={FLAGS}", "--only-categories=" + ",".join(categories)]
                         + (["--preset=desktop"] if preset == "desktop" else []),
                         capture_output=True, text=True, env=dict(os.environ, CHROME_PATH="/usr/bin/chromium"), check=True)
    return json.loads(out.stdout)


def run(lh: Path, url: str, preset: str) -> dict:
    report = lighthouse(lh, url, preset)
    return {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}


def strip_project_files(site: Path) -> Path:
    """The built site with every stylesheet and script of the project taken out of each
    page; theme.js gives way to Material's own inline start-up script."""
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")

        def theme(m):
            return MATERIAL_START.replace("{scope}", htmllib.unescape(m.group(1)))
        text = re.sub(r'<script src="[^"]*/theme\.js" data-md-scope="([^"]*)"></script>', theme, text)
        text = re.sub(r'<link rel="stylesheet" href="([^"]+\.css)">\n?',
                      lambda m: m.group(0) if MATERIAL.search(m.group(1)) else "", text)
        text = re.sub(r'<script src="([^"]+\.js)"( defer)?></script>\n?',
                      lambda m: m.group(0) if MATERIAL.search(m.group(1)) else "", text)
        page.write_text(text, encoding="utf-8")
    return site


def build(project: Path, site: Path, url: str) -> Path:
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)], cwd=project,
                   check=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=url))
    return site


def replace_section(title: str, lines: list[str]) -> None:
    path = ROOT / "BENCHMARKS.md"
    text = path.read_text(encoding="utf-8")
    heading = f"\n## {title}\n"
    if heading in text:
        head, rest = text.split(heading, 1)
        nxt = rest.find("\n## ")
        text = head + "\n" + "\n".join(lines) + (rest[nxt:] if nxt >= 0 else "\n")
    else:
        text = text.rstrip() + "\n\n" + "\n".join(lines) + "\n"
    path.write_text(text, encoding="utf-8")


def paired(lh: Path, rounds: int, before: str | None, reports: Path | None) -> None:
    title = "Lighthouse: each page beside itself without the project's files"
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        sites = {"now": ROOT} | ({"before": checkout(before, tmp / "before")} if before else {})
        servers, base = [], {}
        for n, (label, project) in enumerate(sites.items()):
            for twin in (False, True):
                port = 8621 + 2 * n + twin
                url = f"http://127.0.0.1:{port}/"
                site = build(project, tmp / f"{label}-{twin}", url)
                if twin:
                    strip_project_files(site)
                servers.append(serve(site, port))
                base[(label, twin)] = url
        bare = bare_site(tmp / "bare", 32)
        build(bare, tmp / "bare-site", "http://127.0.0.1:8629/")
        servers.append(serve(tmp / "bare-site", 8629))
        order = [k for k in (("before", False), ("before", True), ("now", False), ("now", True)) if k in base]
        scores, metrics = {}, {}
        for r in range(rounds):
            for name, path in list(PAIRED.items()) + [("bare Material page", None)]:
                for key in order if path is not None else [("bare", True)]:
                    url = base[key] + path if path is not None else "http://127.0.0.1:8629/"
                    report = lighthouse(lh, url, categories=("performance",))
                    score = round(report["categories"]["performance"]["score"] * 100)
                    scores.setdefault((name, key), []).append(score)
                    metrics.setdefault((name, key), []).append(
                        {v: report["audits"][k]["numericValue"] for k, v in METRICS.items()})
                    if reports:
                        reports.mkdir(parents=True, exist_ok=True)
                        slug = re.sub(r"\W+", "-", f"{r}-{name}-{key[0]}-{'twin' if key[1] else 'page'}")
                        (reports / f"{slug}.json").write_text(json.dumps(report), encoding="utf-8")
                    print(r + 1, name, key, score, metrics[(name, key)][-1], flush=True)
        for s in servers:
            s.shutdown()
    labels = {"before": f"before ({before})", "now": f"now ({commit})"}
    cols = [k for k in order]
    lines = [f"## {title}", "",
             f"Measured by `scripts/lighthouse.py --paired --rounds {rounds}"
             + (f" --before {before}`" if before else "`")
             + " (Lighthouse 12.2.3, mobile, Debian Chromium, served by Python without compression). Mobile "
             "performance, one score per round (round 1 / round 2 ...); in each round every page is measured "
             "right beside its twin without the project's files (Material's files and the HTML untouched). "
             f"Load average {load:.1f} at the start and {os.getloadavg()[0]:.1f} at the end, on "
             f"{os.cpu_count()} cores: compare only scores from the same round.", "",
             "| Page | " + " | ".join(f"{labels[k[0]]}: {'without project files' if k[1] else 'page'}" for k in cols)
             + " |", "|---|" + "---:|" * len(cols)]
    for name in PAIRED:
        lines.append(f"| {name} | " + " | ".join(" / ".join(map(str, scores[(name, k)])) for k in cols) + " |")
    lines.append("| bare Material page | " + " / ".join(map(str, scores[("bare Material page", ("bare", True))]))
                 + " |" + " |" * (len(cols) - 1))
    lines += ["", "Median metrics (simulated mobile): FCP, LCP, speed index and TBT in ms, CLS:", "",
              "| Page | " + " | ".join(f"{labels[k[0]]}: {'twin' if k[1] else 'page'}" for k in cols) + " |",
              "|---|" + "---|" * len(cols)]
    for name in PAIRED:
        cell = lambda k: " / ".join(  # noqa: E731
            f"{statistics.median(m[v] for m in metrics[(name, k)]):.{3 if v == 'CLS' else 0}f}" for v in METRICS.values())
        lines.append(f"| {name} | " + " | ".join(cell(k) for k in cols) + " |")
    lines.append("")
    replace_section(title, lines)
    print("\n".join(lines))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lighthouse", default="/tmp/lh")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--paired", action="store_true", help="each page beside itself without the project's files")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--before", help="with --paired: an earlier commit measured in the same rounds")
    parser.add_argument("--reports", type=Path, help="with --paired: keep every Lighthouse report here")
    args = parser.parse_args()
    lh = Path(args.lighthouse)
    if args.paired:
        return paired(lh, args.rounds, args.before, args.reports)
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
    replace_section("Lighthouse", lines)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
