"""axe (WCAG 2.2 A/AA) stays clean, light and dark, on the pages issue 11 changed, in
the states that matter: statuses and ratings given (tags, results, counts shown), a
glossary tooltip open, and a phone's width."""
from __future__ import annotations

import pytest

from browser.helpers import axe_violations
from conftest import new_context

FILL = """() => {
  const statuses = ['completed', 'in-progress', 'not-applicable', 'not-started']
  let n = 0
  for (const s of document.querySelectorAll('select[data-aig-field=status]')) {
    s.value = statuses[n++ % 4]; s.dispatchEvent(new Event('change', {bubbles: true})) }
  const names = new Set([...document.querySelectorAll('input[type=radio][data-aig-field]')].map(r => r.name))
  let i = 0
  for (const name of names) {
    const r = document.querySelectorAll(`input[type=radio][name="${name}"]`)[i++ % 6]
    r.checked = true; r.dispatchEvent(new Event('change', {bubbles: true})) }
}"""

PAGES = ["", "guide/managing-risk/", "glossary/", "tools/deployment-checklist/", "tools/where-to-start/",
         "tools/risk-assurance/", "tools/principles-self-check/", "tools/readiness-assessment/", "tools/team-view/"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_changed_pages_are_clean(browser, base_url, scheme):
    ctx = new_context(browser, color_scheme=scheme)
    page = ctx.new_page()
    found = []
    try:
        for width in (1280, 390):
            page.set_viewport_size({"width": width, "height": 900})
            for path in PAGES:
                page.goto(base_url + path)
                if page.locator("[data-aig-tool]").count():
                    page.locator("[data-aig-bar]").first.wait_for()
                    page.evaluate(FILL)
                found += [f"{path or '/'} at {width} px: {v}" for v in axe_violations(page)]
            # A glossary tooltip open, by keyboard.
            page.goto(base_url + "guide/managing-risk/")
            page.wait_for_timeout(300)
            page.evaluate("() => { const h = document.querySelector('.md-content h1'); h.tabIndex = -1; h.focus() }")
            for _ in range(20):
                page.keyboard.press("Tab")
                if page.evaluate("document.activeElement.tagName") == "ABBR":
                    break
            page.locator(".md-tooltip2--active").wait_for()
            found += [f"tooltip open at {width} px: {v}" for v in axe_violations(page)]
    finally:
        ctx.close()
    assert not found, "\n".join(found)
