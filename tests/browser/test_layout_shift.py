"""Nothing moves when a tool starts: what the script reveals (toolbars, the assessment
bar, the draft button) is laid out from the first paint, because html.aig-js is set in
the head. Each page is laid out with its tool scripts held back, then again once they
have run; headings, items and tables stay where they were (Lighthouse counted a layout
shift of 0.076 on the business case when the toolbar appeared late)."""
from __future__ import annotations

import pytest

from macros.tools import TOOLS

TOPS = """() => Object.fromEntries(Array.from(document.querySelectorAll(
    'article :is(h2, h3, table, label, [data-aig-item])')).map((e, i) => [i + ' ' + e.tagName + '#' + e.id,
    e.offsetParent ? Math.round(e.getBoundingClientRect().top + scrollY) : null]))"""

# Every page of the tool registry, so a tool added later is checked too.
PAGES = [t.page.removesuffix(".md") + "/" for t in TOOLS]


@pytest.mark.parametrize("path", PAGES)
def test_nothing_moves_when_the_tool_starts(page, base_url, path):
    # Material's bundle is left out of both layouts: it runs after the tool scripts
    # (deferred, in page order), so holding them back holds it back too, and its own
    # changes (tables wrapped in a scroll box) are the theme's, not the tools'.
    page.route("**/assets/javascripts/bundle.*.min.js",
               lambda route: route.fulfill(status=200, content_type="text/javascript", body=""))
    held, released = [], []
    page.route("**/components/**/*.js", lambda route: route.continue_() if released else held.append(route))
    page.goto(base_url + path, wait_until="commit")
    page.locator(".md-footer").wait_for(state="attached")  # the whole page is parsed
    assert page.evaluate("document.documentElement.classList.contains('aig-js')")
    assert page.locator("[data-aig-ready]").count() == 0, "the tool scripts are held back"
    before = page.evaluate(TOPS)
    released.append(True)
    for route in held:
        route.continue_()
    page.locator("[data-aig-ready]").first.wait_for(state="attached")
    after = page.evaluate(TOPS)
    moved = {k: (before[k], after[k]) for k in before if before[k] is not None and after.get(k) is not None
             and abs(before[k] - after[k]) > 1}
    assert len([v for v in before.values() if v is not None]) >= 2
    assert not moved, sorted(moved.items(), key=lambda kv: kv[1][0])
