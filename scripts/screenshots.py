"""Take screenshots of the site as a user sees it, filled with a worked example,
for reviewing changes by eye. Needs a site served at --url (scripts/serve).

    python scripts/screenshots.py --url http://127.0.0.1:8000/ --out screenshots/
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests" / "browser"))
from conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from test_assessments import TYPICAL, export_file, fill_benefits, rate  # noqa: E402
from test_checklists import fill_item  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="http://127.0.0.1:8000/")
    parser.add_argument("--out", default="screenshots")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    base = args.url
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for scheme in ("light", "dark"):
            page = browser.new_page(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
            for name, path in (("home", ""), ("guide-managing-risk", "guide/managing-risk/"), ("glossary", "glossary/")):
                page.goto(base + path)
                page.screenshot(path=out / f"{name}-{scheme}.png")
            page.close()
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(base + "tools/deployment-checklist/")
        fill_item(page, "appoint-ai-lead", notes="Appointed at the November board. Terms of reference on the intranet.",
                  owner="Chief Clinical Information Officer", due="2026-12-31")
        fill_item(page, "define-the-problem", status="In progress", notes="Dermatology triage waits are 14 weeks")
        fill_item(page, "evaluate-traditional-solutions", status="Not applicable")
        page.screenshot(path=out / "checklist-filled.png", full_page=False)
        page.emulate_media(media="print")
        page.pdf(path=str(out / "checklist-print.pdf"))
        page.screenshot(path=out / "checklist-print-preview.png")
        page.emulate_media(media="screen")
        page.goto(base + "tools/readiness-assessment/")
        rate(page)
        page.locator("[data-aig-results]").screenshot(path=out / "readiness-results.png")
        page.goto(base + "tools/benefits-planner/")
        fill_benefits(page)
        page.goto(base + "tools/business-case/")
        for field, text in TYPICAL.items():
            page.fill(f"#case-{field}", text)
        page.screenshot(path=out / "business-case.png", full_page=True)
        page.emulate_media(media="print")
        page.pdf(path=str(out / "business-case-print.pdf"), prefer_css_page_size=True)
        page.screenshot(path=out / "business-case-print-preview.png", full_page=True)
        page.emulate_media(media="screen")
        page.goto(base + "tools/my-progress/")
        page.screenshot(path=out / "my-progress.png")
        files = [export_file(out, f"{n}.json", r, c) for n, r, c in (
            ("asha", {"data-accuracy": "1", "org-culture": "4", "infra-security": "3"}, {"appoint-ai-lead": "completed"}),
            ("ben", {"data-accuracy": "3", "org-culture": "unknown", "infra-security": "2"}, {"appoint-ai-lead": "in-progress"}),
            ("carys", {"data-accuracy": "4", "org-culture": "2", "infra-security": "4"}, {"define-the-problem": "completed"}))]
        (out / "not-an-export.json").write_text(json.dumps({"hello": "world"}))
        page.goto(base + "tools/team-view/")
        page.set_input_files("#aig-team-files", [str(f) for f in files] + [str(out / "not-an-export.json")])
        page.locator("[data-aig-messages] .aig-msg").wait_for()
        page.screenshot(path=out / "team-view.png", full_page=True)
        browser.close()
    print(f"Screenshots in {out}/")


if __name__ == "__main__":
    main()
