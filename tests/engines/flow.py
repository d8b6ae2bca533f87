"""What the engine flows do on every tool page, shared by the Firefox flow (firefox.mjs,
run by test_firefox.py) and the WebKit flow (test_webkit.py).

Each flow opens every page of the tool registry in one browser and, where the page
offers it (read from its DOM by in_page.js): starts with no script error, types tricky
text into the tool's first text box, finds it saved and exactly the same after a
reload, exports (the JSON the site builds for the download), creates an assessment
with the assessment bar, imports a format 1 and a format 2 export into it (or compares
with them, or adds them to the team view), switches back and finds the text again, and
shows "Keep in a file" only where the browser has window.showSaveFilePicker. The flow
reports the steps it did on each page; check() says whether they are all there.
"""
from __future__ import annotations

import json
from pathlib import Path

from macros.tools import TOOLS

HERE = Path(__file__).resolve().parent
IN_PAGE = HERE / "in_page.js"
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
FILES = {"1": FIXTURES / "export-v1-site-1.0.0.json", "2": FIXTURES / "export-v2-site-1.0.0.json"}

# Every page of the tool registry, so a tool added later is driven too.
PAGES = [dict(path=t.page.removesuffix(".md") + "/", saves=t.items is not None) for t in TOOLS]

# Quotes, markup, emoji (one of several code points), characters outside the Basic
# Multilingual Plane, and a new line (a one-line box gets a space instead).
TEXT = 'Ward 7 said "yes" & it\'s <b>markup</b> \U0001FA7A \U0001F469\U0001F3FD\u200D\u2695\uFE0F\nline two: \U0001D518\U0001D52B \U0002070E \u2013 done'
ASSESSMENT = "Imported \u201ctest\u201d <i>2</i> \U0001F9EA"
BY = "Tester \u2013 ward \U0001FA7A"

# What each page must have done: tools that save answers go through every step; the
# other pages start cleanly and read both formats of export in their own way.
EVERY_STEP = ["start", "save", "reload", "export", "lacks", "new", "import 1", "import 2", "switch"]
READS_FILES = [("import 1", "import 2"), ("compare 1", "compare 2"), ("team 1+2",)]


def config(base_url: str) -> dict:
    """What a flow is given: where the site is, its pages, the files and the texts."""
    return dict(base=base_url, pages=PAGES, files={k: str(v) for k, v in FILES.items()},
                answers={k: answers(k) for k in FILES}, text=TEXT, assessment=ASSESSMENT, by=BY)


def answers(fmt: str) -> dict:
    """Each tool's answers in the export file of that format: {tool: {item: {field: value}}}."""
    data = json.loads(FILES[fmt].read_text(encoding="utf-8"))
    tools = data["tools"] if fmt == "1" else data["assessments"][0]["tools"]
    return {t: r["answers"] for t, r in tools.items()}


def check(result: dict) -> list[str]:
    """What is missing or wrong in a flow's result: its failures, and any page that
    skipped a step it should have done."""
    problems = list(result.get("failures", []))
    done = {p["path"]: p["steps"] for p in result.get("pages", [])}
    for page in PAGES:
        steps = done.get(page["path"])
        if steps is None:
            problems.append(f"{page['path']}: not reached")
            continue
        if page["saves"]:
            missing = [s for s in EVERY_STEP if s not in steps]
        else:
            missing = [] if "start" in steps and any(all(s in steps for s in group) for group in READS_FILES) \
                else ["start, and reading both formats of export"]
        if missing:
            problems.append(f"{page['path']}: did not {', '.join(missing)} (did {', '.join(steps) or 'nothing'})")
    return problems


def summary(result: dict) -> str:
    """One line for the test's output and BENCHMARKS.md."""
    lacks = sorted({x for p in result.get("pages", []) for x in p.get("lacks", [])})
    return (f"{result.get('engine')} {result.get('version')}: {len(result.get('pages', []))} pages in "
            f"{result.get('seconds', 0):.1f} s (browser start {result.get('start_seconds', 0):.1f} s); "
            f"lacks: {', '.join(lacks) or 'nothing'}")
