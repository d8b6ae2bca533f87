"""WCAG 1.4.12 Text Spacing on the site's one bar chart (AIG.chart, compare.js): with
the criterion's spacing applied (line height 1.5, letters 0.12 em, words 0.16 em,
paragraphs 2 em), no name or value runs under a bar and none is cut off at the chart's
edge: the comparison's two series, the board pack's levels and the readiness results.
Each chart's text and bars are compared by their boxes on screen (issue 20)."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("text-spacing")]

SPACING = """* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important }
p { margin-bottom: 2em !important }"""
# Each text's box against each bar's (legend swatches included) and the chart's edge;
# each row's name wholly above that row's bars (the rects after it), so that no spacing
# can run a name under a bar: beside its bars, a longer name meets them.
OVERLAPS = """(svg, names) => {
  const box = e => e.getBoundingClientRect(), s = box(svg), out = []
  const meet = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5
  const bars = [...svg.querySelectorAll('rect')]
  let name = null, rows = 0
  for (const e of svg.children) {
    const b = box(e)
    if (e.tagName === 'text') {
      if (b.left < s.left - 0.5 || b.right > s.right + 0.5 || b.top < s.top - 0.5 || b.bottom > s.bottom + 0.5)
        out.push(`"${e.textContent}" is cut off at the chart's edge`)
      for (const r of bars) if (meet(b, box(r))) out.push(`"${e.textContent}" runs under a bar`)
      if (names.includes(e.textContent)) { name = e; rows++ }
    } else if (e.tagName === 'rect' && name && box(name).bottom > b.top + 0.5)
      out.push(`"${name.textContent}" is beside its bar, not above it`)
  }
  return {problems: out, rows}
}"""


@pytest.fixture(scope="module")
def context(module_browsing, base_url):
    """Every component rated in an earlier assessment and, differently, in the current one."""
    ctx = module_browsing.new()
    page = ctx.new_page()
    page.goto(base_url + "tools/readiness-assessment/")
    comps = page.locator("[data-aig-item]").evaluate_all("fs => fs.map(f => f.getAttribute('data-aig-item'))")
    ctx.names = page.locator("[data-aig-compare-row] th").all_inner_texts() + page.locator("h2[id^=area-]").all_inner_texts()
    for i, comp in enumerate(comps):
        page.check(f"#level-{comp}-{i % 5 + 1}")
    page.evaluate("AIG.create('Earlier', AIG.current().id)")
    page.reload()
    for i, comp in enumerate(comps):
        page.check(f"#level-{comp}-{(i + 2) % 5 + 1}")
    page.close()
    return ctx


def spaced_charts(page, where, names):
    # A constructed stylesheet, as a bookmarklet adds it (the site's CSP refuses inline styles).
    page.evaluate("css => { const s = new CSSStyleSheet(); s.replaceSync(css); document.adoptedStyleSheets = [...document.adoptedStyleSheets, s] }", SPACING)
    assert page.locator(".md-content p").first.evaluate("p => getComputedStyle(p).wordSpacing") != "0px"
    page.wait_for_timeout(100)  # a style change lays out before the next frame
    return {f"{where} chart {i + 1}": page.locator(".md-content svg.aig-chart").nth(i).evaluate(OVERLAPS, names)
            for i in range(page.locator(".md-content svg.aig-chart").count())}


def test_chart_text_never_runs_under_a_bar_with_wcag_text_spacing(context, base_url):
    page = context.new_page()
    page.goto(base_url + "tools/readiness-assessment/")
    page.locator("#aig-compare-with").select_option(label="My assessment")
    expect(page.locator("[data-aig-compare-chart] svg")).to_be_visible()
    found = spaced_charts(page, "readiness", context.names)  # the results' chart, then the comparison's
    page.goto(base_url + "tools/board-pack/")
    expect(page.locator("[data-aig-pack-chart] svg")).to_be_visible()
    found.update(spaced_charts(page, "board pack", context.names))
    assert len(found) == 3, found.keys()
    assert [f["rows"] for f in found.values()] == [3, 15, 15], found  # areas; components
    problems = [f"{where}: {p}" for where, f in found.items() for p in f["problems"]]
    assert not problems, problems
