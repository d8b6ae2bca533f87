"""How the build and the tools scale: the site with its content multiplied, and a tool
of 1,000 items restored in Chromium. Records the figures in BENCHMARKS.md (its own
section, "## Scale"; the other sections are left as they are).

    python scripts/benchmark_scale.py [--factor 10] [--runs 3] [--items 1000] [--restore-runs 5]
                                      [--ref COMMIT] [--no-record]

It measures the working tree (without venvs and built sites), or with --ref a commit.

1. Build time against content. The project is copied twice into a temporary folder.
   One copy is left as it is (1x); in the other, the content is multiplied by --factor:
   checklist items, readiness components and glossary terms get synthetic copies (new
   ids), and every guide page gets copies (prose only: lines that are a whole macro
   call are left out, so the data each macro renders is counted once), added to the
   nav. Both are built --runs times, alternately, and the medians compared. Where a
   schema limit (such as a checklist item's `number` maximum) would refuse the copies,
   it is relaxed in the copy only and the output says which.
2. Restore time. A third copy gets a deployment checklist of --items items; its page is
   served over HTTP and opened in Chromium with saved answers for every item in
   localStorage. The time comes from the `performance.measure` entry that the tool
   engine makes around restoring a tool ("aig:restore:<tool id>"); if the page has no
   such entry, from DOMContentLoaded to the moment a `[data-aig-ready]` attribute
   appears (seen by a MutationObserver, so after the script task that set it has run).
   The output says which one was used, and how many items showed their saved answer.

Timings are noisy on shared machines: compare figures from one run.
"""
from __future__ import annotations

import argparse
import contextlib
import copy
import functools
import http.server
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator

ROOT = Path(__file__).resolve().parent.parent
TOOL = "deployment-checklist"
TOOL_PAGE = "tools/deployment-checklist/index.html"
SECTION = "## Scale"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SKIP = shutil.ignore_patterns(".git", ".venv", ".venv-*", "site", "__pycache__", ".pytest_cache", "node_modules",
                              "*.egg-info", "test-results", "screenshots", "tmp")


# ----------------------------------------------------------------------------------
# STORAGE FORMAT: the only piece that knows how the tools save answers. Update it when
# the storage contract (DESIGN.md) changes; nothing else here needs to.
#   v1 (docs/assets/javascripts/store.js at 5efec32): one key per tool,
#      "<scope>ai-guide.v1.<tool>" = {format: 1, tool, updated, answers: {<id>: {<field>: value}}}
#   v2 (DESIGN.md; overrides/components/core/store.js): an index
#      "<scope>ai-guide.v2.assessments" = {format: 2, current, list: [{id, name, created, ...}]}
#      and "<scope>ai-guide.v2.<assessment id>.<tool>" = {format: 2, tool, updated,
#      answers: {<id>: {<field>: value, rev: <item revision>}}}
# The version is the newest whose key prefix appears in the built site's scripts. The run
# checks that every item shows its seeded status, so a stale format shows up as
# "restored 0 of 1000", never as a wrong time.
SEEDED_STATUS = "in-progress"


def storage_version(site_dir: Path) -> int:
    scripts = "".join(p.read_text(encoding="utf-8", errors="replace") for p in site_dir.rglob("*.js")
                      if "assets/javascripts/bundle." not in p.as_posix())
    return 2 if "ai-guide.v2." in scripts else 1


def seed_entries(version: int, scope: str, tool: str, ids: list[str], revs: list[str]) -> dict[str, str]:
    """localStorage entries (key -> string value) holding an answer for every id."""
    updated = "2026-11-27T09:00:00.000Z"
    answers = {i: {"status": SEEDED_STATUS, "owner": f"Owner {n}", "due": "2027-03-31",
                   "notes": f"Evidence and decisions for item {n}: see the project log."}
               for n, i in enumerate(ids, 1)}
    if version == 1:
        return {f"{scope}ai-guide.v1.{tool}": json.dumps(
            {"format": 1, "tool": tool, "updated": updated, "answers": answers})}
    for i, rev in zip(ids, revs):
        if rev:
            answers[i]["rev"] = rev
    assessment = {"id": "benchmark", "name": "Benchmark", "created": updated, "changed": updated,
                  "exported": None, "unexportedSince": None}
    return {f"{scope}ai-guide.v2.assessments": json.dumps({"format": 2, "current": "benchmark", "list": [assessment]}),
            f"{scope}ai-guide.v2.benchmark.{tool}": json.dumps(
                {"format": 2, "tool": tool, "updated": updated, "answers": answers})}
# ----------------------------------------------------------------------------------


def load(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def dump(path: Path, data) -> None:
    # Lists of plain values in flow style ("checklist: [a, b]"), as the content is written:
    # the project's line-based vocabulary check knows such lines hold ids, not prose.
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000,
                                   default_flow_style=None), encoding="utf-8")


def relax_schema(site: Path, model: str) -> list[str]:
    """Remove the `maximum` / `maxItems` limits the synthetic content breaks (in the copy)."""
    schema_path = site / "content" / f"{model}.schema.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    data = load(site / "content" / f"{model}.yml")
    relaxed = []
    while True:
        errors = [e for e in Draft202012Validator(schema).iter_errors(data)
                  if e.validator in ("maximum", "maxItems")]
        if not errors:
            break
        e = errors[0]
        # e.schema is the (sub)schema object itself, also when reached through a $ref.
        relaxed.append(f"{model}.schema.json {'/'.join(map(str, list(e.schema_path)[:-1]))}: "
                       f"{e.validator} {e.schema.pop(e.validator)}")
    schema_path.write_text(json.dumps(schema, indent=2), encoding="utf-8")
    return relaxed


def suffix_ids(item, k: int):
    """A deep copy of a YAML block with every 'id' made unique for copy k."""
    item = copy.deepcopy(item)

    def walk(x):
        if isinstance(x, dict):
            if isinstance(x.get("id"), str):
                x["id"] = f"{x['id']}-scale{k}"
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)
    walk(item)
    return item


def checklist_items(data) -> int:
    return sum(1 + len(i.get("sub_points", [])) for i in data["items"])


def multiply(site: Path, factor: int) -> dict:
    """Multiply the content of the copy in `site`; return what was added."""
    content = site / "content"
    added = {}

    path = content / "checklist.yml"
    data = load(path)
    originals = list(data["items"])
    number = max(i["number"] for i in originals)
    for k in range(2, factor + 1):
        for item in originals:
            new = suffix_ids(item, k)
            number += 1
            new["number"] = number
            new["title"] = f"{item['title']} (copy {k})"
            data["items"].append(new)
    dump(path, data)
    added["checklist items (with sub-points)"] = (checklist_items({"items": originals}), checklist_items(data))

    path = content / "readiness.yml"
    data = load(path)
    before = sum(len(a["components"]) for a in data["areas"])
    for area in data["areas"]:
        originals = list(area["components"])
        for k in range(2, factor + 1):
            for comp in originals:
                new = suffix_ids(comp, k)
                new["name"] = f"{comp['name']} (copy {k})"
                area["components"].append(new)
    dump(path, data)
    added["readiness components"] = (before, sum(len(a["components"]) for a in data["areas"]))

    path = content / "glossary.yml"
    data = load(path)
    originals = list(data["terms"])
    for k in range(2, factor + 1):
        for term in originals:
            new = suffix_ids(term, k)
            new["term"] = f"{term['term']} variant {k}"
            if new.get("abbr"):
                new["abbr"] = f"{term['abbr']}{k}"
            match = new.get("match")
            if match and match.get("phrases"):
                match["phrases"] = [f"{p} variant {k}" for p in match["phrases"]]
            data["terms"].append(new)
    dump(path, data)
    added["glossary terms"] = (len(originals), len(data["terms"]))

    # Guide pages: prose copies in the same folder (so relative links still work).
    guide = site / "docs" / "guide"
    pages = sorted(p for p in guide.glob("*.md") if p.name != "index.md")
    whole_macro = re.compile(r"^\s*\{\{.*\}\}\s*$")
    nav = []
    for k in range(2, factor + 1):
        for page in pages:
            text = "\n".join(line for line in page.read_text(encoding="utf-8").split("\n")
                             if not whole_macro.match(line))
            text = re.sub(r"(?m)^# (.+)$", rf"# \1 (copy {k})", text, count=1)
            name = f"{page.stem}-scale{k}.md"
            (guide / name).write_text(text, encoding="utf-8")
            nav.append(f'"{page.stem} (copy {k})": guide/{name}')
    config = site / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").split("\n")
    last = max(n for n, line in enumerate(lines) if re.search(r"^\s*- .*guide/[\w/-]+\.md\s*$", line))
    indent = re.match(r"^(\s*)", lines[last]).group(1)
    lines[last + 1:last + 1] = [f"{indent}- {entry}" for entry in nav]
    config.write_text("\n".join(lines), encoding="utf-8")
    added["guide pages in the nav"] = (len(pages) + 1, len(pages) * factor + 1)

    relaxed = []
    for model in ("checklist", "readiness", "glossary"):
        relaxed += relax_schema(site, model)
    added["schema limits relaxed"] = relaxed
    return added


def checklist_of(site: Path, items: int) -> list[str]:
    """Give the copy's deployment checklist `items` items in all (sub-points count)."""
    path = site / "content" / "checklist.yml"
    data = load(path)
    template = {k: v for k, v in data["items"][0].items() if k not in ("sub_points", "sources")}
    number = max(i["number"] for i in data["items"])
    while checklist_items(data) < items:
        number += 1
        data["items"].append(dict(template, id=f"scale-item-{number:04d}", number=number,
                                  title=f"Synthetic item {number}",
                                  text=f"Synthetic checklist item {number}, added to measure restore time."))
    dump(path, data)
    return relax_schema(site, "checklist")


def record_new_items(site: Path) -> None:
    """Enter the added items in the copy's revisions lock, as an editor would
    (CONTRIBUTING.md); a commit from before the lock has no such command."""
    if (site / "macros" / "revise.py").is_file():
        subprocess.run([sys.executable, "-m", "macros.revise", "--new"], cwd=site, check=True, capture_output=True)


def build(site: Path, dest: Path) -> tuple[float, float]:
    """(wall time, CPU time) of one strict build. CPU time (user + system) moves less than
    wall time when other work shares the machine."""
    cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(dest)], cwd=site,
                   check=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - cpu.ru_utime) + (after.ru_stime - cpu.ru_stime)


def count_pages(site_dir: Path) -> int:
    return sum(1 for _ in site_dir.rglob("index.html"))


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def served(site_dir: Path):
    """A built site served over HTTP on a free port, while in the block: its base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


# Records when a [data-aig-ready] attribute first appears (the fallback timing).
READY_OBSERVER = """
new MutationObserver(function () {
  if (!window.__aigReadyAt && document.querySelector("[data-aig-ready]")) window.__aigReadyAt = performance.now()
}).observe(document, {subtree: true, childList: true, attributes: true, attributeFilter: ["data-aig-ready"]})
"""

READ_TIMING = """(name) => {
  const m = performance.getEntriesByName(name).filter(e => e.entryType === "measure")
  const nav = performance.getEntriesByType("navigation")[0]
  const statuses = Array.from(document.querySelectorAll("[data-aig-item] [data-aig-field=status]"))
  return {measure: m.length ? m[m.length - 1].duration : null,
          fallback: window.__aigReadyAt ? window.__aigReadyAt - nav.domContentLoadedEventStart : null,
          restored: statuses.filter(s => s.value === %s).length}
}""" % json.dumps(SEEDED_STATUS)


def restore_time(site_dir: Path, runs: int) -> dict:
    from playwright.sync_api import sync_playwright

    with served(site_dir) as base, sync_playwright() as p:
        url = base + TOOL_PAGE.removesuffix("index.html")
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        # Generous: a busy machine can take a long time over a page of 1,000 items.
        page.set_default_timeout(300_000)
        page.set_default_navigation_timeout(300_000)
        page.add_init_script(READY_OBSERVER)
        page.goto(url, wait_until="load")
        scope = page.evaluate("() => window.__md_scope ? window.__md_scope.pathname : '/'")
        ids, revs = page.evaluate(f"""() => {{
            const root = document.querySelector('[data-aig-tool="{TOOL}"]')
            const listed = root && root.getAttribute("data-aig-ids")
            const ids = listed ? listed.split(" ") :
              Array.from(document.querySelectorAll("[data-aig-item]"), e => e.getAttribute("data-aig-item"))
            const revs = ((root && root.getAttribute("data-aig-revs")) || "").split(" ")
            return [ids, ids.map((_, i) => revs[i] || "")]
        }}""")
        version = storage_version(site_dir)
        entries = seed_entries(version, scope, TOOL, ids, revs)
        times, used, restored = [], set(), []
        for _ in range(runs):
            page.evaluate("(entries) => { localStorage.clear(); sessionStorage.clear(); "
                          "for (const k in entries) localStorage.setItem(k, entries[k]) }", entries)
            page.reload(wait_until="load")
            page.wait_for_function(
                f"() => performance.getEntriesByName('aig:restore:{TOOL}').length || window.__aigReadyAt",
                timeout=300_000)
            r = page.evaluate(READ_TIMING, f"aig:restore:{TOOL}")
            if r["measure"] is not None:
                times.append(r["measure"])
                used.add(f'performance.measure "aig:restore:{TOOL}"')
            else:
                times.append(r["fallback"])
                used.add("fallback: DOMContentLoaded to [data-aig-ready] (no aig:restore measure on the page)")
            restored.append(r["restored"])
        chromium = browser.version
        browser.close()
    return {"items": len(ids), "times": times, "used": sorted(used), "restored": min(restored),
            "chromium": chromium, "storage": version}


def record(lines: list[str], section: str = SECTION) -> None:
    """Write lines as BENCHMARKS.md's section (a "## " heading), in place of the old one."""
    path = ROOT / "BENCHMARKS.md"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    block = "\n".join(lines).rstrip() + "\n"
    pattern = re.compile(rf"(?ms)^{re.escape(section)}\b.*?(?=^## |\Z)")
    if pattern.search(text):
        text = pattern.sub(lambda _: block + "\n", text, count=1).rstrip() + "\n"
    else:
        text = text.rstrip() + "\n\n" + block
    path.write_text(text, encoding="utf-8")


def copy_project(dest: Path, ref: str | None) -> None:
    """The working tree (without venvs, caches and built sites), or a commit's tree."""
    if ref is None:
        shutil.copytree(ROOT, dest, ignore=SKIP)
        return
    dest.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", ref], cwd=ROOT, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)


def git_state(ref: str | None) -> str:
    if ref is not None:
        out = subprocess.run(["git", "rev-parse", "--short", ref], cwd=ROOT, capture_output=True, text=True)
        return f"commit {out.stdout.strip() or ref}"
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                              text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True,
                               text=True, check=True).stdout.strip()
        return head + (" with uncommitted changes" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown commit"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--factor", type=int, default=10)
    parser.add_argument("--runs", type=int, default=3, help="builds of each size (median)")
    parser.add_argument("--items", type=int, default=1000, help="checklist items for the restore test")
    parser.add_argument("--restore-runs", type=int, default=5, help="page loads (median)")
    parser.add_argument("--ref", help="measure this commit (git archive) instead of the working tree")
    parser.add_argument("--no-record", action="store_true", help="print only; leave BENCHMARKS.md alone")
    args = parser.parse_args()

    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="aig-scale-") as tmp:
        tmp = Path(tmp)
        one, many, big = tmp / "x1", tmp / f"x{args.factor}", tmp / f"items{args.items}"
        for dest in (one, many, big):
            copy_project(dest, args.ref)
        added = multiply(many, args.factor)
        relaxed_big = checklist_of(big, args.items)
        for site in (many, big):
            record_new_items(site)

        times = {one: [], many: []}
        for _ in range(args.runs):
            for site in (one, many):
                times[site].append(build(site, tmp / f"site-{site.name}"))
        pages = {site: count_pages(tmp / f"site-{site.name}") for site in (one, many)}
        big_build = build(big, tmp / "site-big")[0]
        restore = restore_time(tmp / "site-big", args.restore_runs)

    load_after = os.getloadavg()[0]
    wall = {site: [w for w, _ in times[site]] for site in times}
    cpu = {site: [c for _, c in times[site]] for site in times}
    t1, tn = statistics.median(wall[one]), statistics.median(wall[many])
    c1, cn = statistics.median(cpu[one]), statistics.median(cpu[many])
    ratio, cpu_ratio = tn / t1, cn / c1
    rt = statistics.median(restore["times"])
    lines = [
        SECTION, "",
        f"Measured by `scripts/benchmark_scale.py` on {time.strftime('%Y-%m-%d')} ({os.cpu_count()} cores, "
        f"{git_state(args.ref)}; load average {load_before:.1f} at the start, {load_after:.1f} at the end: "
        "above the number of cores, other work inflates the wall and restore times, less so the CPU times). "
        f"Goals (issue 10): the {args.factor}x build at most {args.factor} times the 1x build; "
        f"restoring a tool of {args.items:,} items at most 50 ms.", "",
        f"### Build with the content multiplied {args.factor} times", "",
        "| Content | 1x | " + f"{args.factor}x |", "|---|---:|---:|",
    ] + [f"| {name} | {a:,} | {b:,} |" for name, v in added.items() if isinstance(v, tuple) for a, b in [v]] + [
        f"| built pages | {pages[one]:,} | {pages[many]:,} |", "",
        "| Build (median of %d runs, alternating) | 1x | %dx | ratio |" % (args.runs, args.factor),
        "|---|---:|---:|---:|",
        f"| wall time | {t1:.2f} s | {tn:.2f} s | **{ratio:.1f}x** |",
        f"| CPU time (user + system) | {c1:.2f} s | {cn:.2f} s | **{cpu_ratio:.1f}x** |", "",
        f"- wall times: 1x {', '.join(f'{t:.2f}' for t in wall[one])} s; "
        f"{args.factor}x {', '.join(f'{t:.2f}' for t in wall[many])} s",
        f"- {'within' if max(ratio, cpu_ratio) <= args.factor else 'over'} the goal of {args.factor}x",
        "- schema limits relaxed in the copy: " + ("; ".join(added["schema limits relaxed"]) or "none"), "",
        f"### Restoring a tool of {restore['items']:,} items in Chromium", "",
        f"- deployment checklist with {restore['items']:,} items (build {big_build:.2f} s); "
        f"saved answers for every item "
        f"(storage format v{restore['storage']}); Chromium {restore['chromium']}",
        f"- restore time: **median {rt:.1f} ms** over {len(restore['times'])} page loads "
        f"({', '.join(f'{t:.1f}' for t in restore['times'])} ms) "
        f"({'within' if rt <= 50 else 'over'} the goal of 50 ms)",
        f"- timed by: {'; '.join(restore['used'])}",
        f"- items showing their saved status after load: {restore['restored']:,} of {restore['items']:,}",
        "- schema limits relaxed in the copy: " + ("; ".join(relaxed_big) or "none"),
    ]
    print("\n".join(lines))
    if restore["restored"] != restore["items"]:
        print(f"\nWARNING: only {restore['restored']} of {restore['items']} items showed their saved answer: "
              "update seed_entries() to the storage format the tools use now.", file=sys.stderr)
    if not args.no_record:
        record(lines)
        print(f"\nRecorded in {ROOT / 'BENCHMARKS.md'} (section \"{SECTION}\").")


if __name__ == "__main__":
    main()
