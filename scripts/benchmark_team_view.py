"""The team view with many colleagues' exports (issue 17, point 5): the time to read
and show 200 and 1,000 full exports in Chromium, and the size of "Download all answers
(CSV)". Records the figures in BENCHMARKS.md (its own section, "## Team view at scale";
the other sections are left as they are).

    python scripts/benchmark_team_view.py [--people 200 1000] [--runs 3] [--ref COMMIT] [--before COMMIT]
                                          [--no-record]

The working tree (or with --ref a commit) is built into a temporary folder and served over HTTP. A full export
answers every field of every item of every tool (the fields each item has are read from
the built tool pages); the file's shape (format 2, site version, one assessment) is
tests/fixtures/export-v2-site-1.0.0.json's, its texts the fixture's too, and each
person's statuses and levels differ (a seeded random choice, so runs compare).

Times are from the page: the file input's change event (a listener that runs before the
team view's) to the message that says who was added (the files read, parsed and the
tables filled), and to the first frame after it (laid out and painted). Each run is a
fresh page. The CSV is the file the button downloads, its time from the click to the
browser's download event (the rows made, the file handed to the browser). Timings are
noisy on shared machines: compare figures from one run (--before measures a commit in
the same run).
"""
from __future__ import annotations

import argparse
import copy
import csv
import io
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchmark_scale import CHROMIUM, CHROMIUM_ARGS, build, copy_project, git_state, record, served  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "export-v2-site-1.0.0.json"
SECTION = "## Team view at scale"
PAGE = "tools/team-view/"

# Every [data-aig-field] of a tool page: its tool, item, field and the values it offers.
FIELDS = """() => Array.from(document.querySelectorAll('[data-aig-tool] [data-aig-item] [data-aig-field]'), f => ({
  tool: f.closest('[data-aig-tool]').getAttribute('data-aig-tool'),
  item: f.closest('[data-aig-item]').getAttribute('data-aig-item'),
  field: f.getAttribute('data-aig-field'), type: f.type,
  values: f.tagName === 'SELECT' ? Array.from(f.options, o => o.value).filter(Boolean) : f.type === 'radio' ? [f.value] : []}))"""


def fixture_texts(data: dict) -> dict[str, str]:
    """A text for each field name the fixture answers (its longest), for free-text fields."""
    texts = {}
    for tool in data["assessments"][0]["tools"].values():
        for answer in tool["answers"].values():
            for field, value in answer.items():
                if isinstance(value, str) and len(value) > len(texts.get(field, "")):
                    texts[field] = value
    return texts


def answerable(page, base: str) -> dict:
    """{tool: {item: {field: [choices] or None (free text) or True (a tick)}}} from the
    built tool pages that have items."""
    sys.path.insert(0, str(ROOT))
    from macros.tools import TOOLS
    out = {}
    for tool in (t for t in TOOLS if t.items):
        page.goto(base + tool.page.removesuffix(".md") + "/")
        for f in page.evaluate(FIELDS):
            fields = out.setdefault(f["tool"], {}).setdefault(f["item"], {})
            if f["type"] == "checkbox":
                fields[f["field"]] = True
            elif f["values"]:
                fields[f["field"]] = sorted(set(fields.get(f["field"]) or []) | set(f["values"]))
            else:
                fields.setdefault(f["field"], None)
    return out


def full_export(template: dict, by: str, fields: dict, texts: dict[str, str], seed: int) -> dict:
    """One person's export of format 2 answering every field of every item."""
    pick = random.Random(seed)
    data = copy.deepcopy(template)
    data["by"] = by
    assessment = data["assessments"][0]
    when = data["exported"]
    assessment["tools"] = {tool: {"format": 2, "tool": tool, "updated": when, "answers": {
        item: {field: (True if kind is True else pick.choice(kind) if kind else
                       texts.get(field, f"{field} of {item}: notes written for the benchmark"))
               for field, kind in item_fields.items()}
        for item, item_fields in items.items()}} for tool, items in fields.items()}
    return data


def people(n: int) -> list[str]:
    return [f"Person {i + 1}, trust {i % 40 + 1}" for i in range(n)]


def write_exports(folder: Path, names: list[str], fields: dict) -> list[str]:
    """A full export for each name (its "by") in folder; their paths."""
    template = json.loads(FIXTURE.read_text(encoding="utf-8"))
    texts = fixture_texts(template)
    paths = []
    for i, name in enumerate(names):
        path = folder / f"export-{i + 1:04d}.json"
        path.write_text(json.dumps(full_export(template, name, fields, texts, i)), encoding="utf-8")
        paths.append(str(path))
    return paths


# Times from the input's change event to the "Added ..." message, and to the frame after it.
TIMER = """() => {
  const input = document.querySelector('[data-aig-team-input]'), box = document.querySelector('[data-aig-messages]')
  window.__tv = {}
  document.addEventListener('change', e => { if (e.target === input) window.__tv.start = performance.now() }, true)
  new MutationObserver(() => {
    if (window.__tv.shown || !/compared\\./.test(box.textContent)) return
    window.__tv.shown = performance.now()
    requestAnimationFrame(() => setTimeout(() => { window.__tv.painted = performance.now() }))
  }).observe(box, {childList: true, subtree: true, characterData: true})
}"""


def load_people(browser, url: str, files: list[str], csv_dir: Path) -> dict:
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = ctx.new_page()
    page.set_default_timeout(600_000)
    page.goto(url)
    page.evaluate(TIMER)
    page.set_input_files("[data-aig-team-input]", files)
    page.wait_for_function("() => window.__tv.painted", polling=100)
    t = page.evaluate("window.__tv")
    shown = page.locator("[data-aig-team-list] > li").count()
    start = time.perf_counter()
    with page.expect_download() as dl:
        page.get_by_role("button", name="Download all answers (CSV)").click()
    csv_time = time.perf_counter() - start  # the file made and handed to the browser, not yet copied here
    path = csv_dir / f"answers-{len(files)}.csv"
    dl.value.save_as(path)
    raw = path.read_bytes()
    rows = len(list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))) - 1
    ctx.close()
    return {"read_and_shown": t["shown"] - t["start"], "painted": t["painted"] - t["start"], "people": shown,
            "csv_bytes": len(raw), "csv_rows": rows, "csv_seconds": csv_time}


def measure(ref: str | None, counts: list[int], runs: int) -> dict:
    """Build the working tree (or a commit) and load each number of exports `runs` times."""
    from playwright.sync_api import sync_playwright

    out = {"state": git_state(ref), "results": {}}
    with tempfile.TemporaryDirectory(prefix="aig-team-") as tmp:
        tmp = Path(tmp)
        copy_project(tmp / "project", ref)
        build(tmp / "project", tmp / "site")
        with served(tmp / "site") as base, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            out["fields"] = fields = answerable(page, base)
            page.close()
            for n in counts:
                folder = tmp / f"exports-{n}"
                folder.mkdir()
                files = write_exports(folder, people(n), fields)
                size = sum(Path(f).stat().st_size for f in files)
                loads = [load_people(browser, base + PAGE, files, tmp) for _ in range(runs)]
                out["results"][n] = {"runs": loads, "bytes": size}
                print(f"{out['state']}, {n} people: " + "; ".join(
                    f"{r['read_and_shown']:.0f} ms, painted {r['painted']:.0f} ms" for r in loads), file=sys.stderr)
            out["chromium"] = browser.version
            browser.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, nargs="+", default=[200, 1000])
    parser.add_argument("--runs", type=int, default=3, help="page loads for each number of people (median)")
    parser.add_argument("--ref", help="measure this commit (git archive) instead of the working tree")
    parser.add_argument("--before", help="also measure this commit, for before and after")
    parser.add_argument("--no-record", action="store_true", help="print only; leave BENCHMARKS.md alone")
    args = parser.parse_args()

    load_before = os.getloadavg()[0]
    measured = ([measure(args.before, args.people, args.runs)] if args.before else []) + [
        measure(args.ref, args.people, args.runs)]
    load_after = os.getloadavg()[0]
    fields = measured[-1]["fields"]
    items = sum(len(i) for i in fields.values())
    answers = sum(len(f) for i in fields.values() for f in i.values())

    lines = [
        SECTION, "",
        f"Measured by `scripts/benchmark_team_view.py` on {time.strftime('%Y-%m-%d')} ({os.cpu_count()} cores, "
        f"Chromium {measured[-1]['chromium']}; load average {load_before:.1f} at the start, {load_after:.1f} "
        "at the end: above the number of cores, other work inflates the times). Each export answers every field "
        f"of every item of the {len(fields)} tools ({items} items, {answers} answers); the files are chosen all at "
        "once. Read and shown: from the file input's change to the message naming who was added; painted: to the "
        f"frame after it. Median of {args.runs} page loads.", "",
        "| Code | Exports | their size | read and shown | painted | people listed | \"Download all answers (CSV)\" "
        "| CSV rows | CSV ready after |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for m in measured:
        for n, r in m["results"].items():
            loads = r["runs"]
            med = {k: statistics.median(x[k] for x in loads) for k in ("read_and_shown", "painted", "csv_seconds")}
            lines.append(f"| {m['state']} | {n:,} | {r['bytes'] / 1e6:.1f} MB | {med['read_and_shown'] / 1000:.2f} s | "
                         f"{med['painted'] / 1000:.2f} s | {min(x['people'] for x in loads):,} | "
                         f"{loads[0]['csv_bytes'] / 1e6:.1f} MB | {loads[0]['csv_rows']:,} | {med['csv_seconds']:.2f} s |")
    lines += [""] + [f"- {m['state']}, {n:,} exports, each load (read and shown / painted): " +
                     ", ".join(f"{x['read_and_shown'] / 1000:.2f} / {x['painted'] / 1000:.2f} s" for x in r["runs"])
                     for m in measured for n, r in m["results"].items()]
    print("\n".join(lines))
    if not args.no_record:
        record(lines, SECTION)
        print(f"\nRecorded in {ROOT / 'BENCHMARKS.md'} (section \"{SECTION}\").")


if __name__ == "__main__":
    main()
