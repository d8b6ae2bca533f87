"""WCAG 2.2 1.4.10 Reflow: at 320 px wide no tool page scrolls sideways, with every
status given on every tool (nested items "Not applicable" included), every rating
chosen, every indicator chosen, and long unbroken text (a pasted web address)."""
from __future__ import annotations

import pytest

from browser.helpers import built_pages

LONG = "https://intranet.example.nhs.uk/governance/ai/evidence/dpia-version-3-signed-off-by-the-caldicott-guardian.pdf"

# Every control a tool has, given a value, so every tag, print mirror and summary shows.
FILL_ALL = """(long) => {
  const statuses = ['not-applicable', 'completed', 'in-progress', 'not-started']
  let n = 0
  for (const s of document.querySelectorAll('select[data-aig-field=status]')) {
    // Nested items first get "Not applicable", the longest tag.
    s.value = s.closest('.aig-items--sub') ? 'not-applicable' : statuses[n++ % statuses.length]
    s.dispatchEvent(new Event('change', {bubbles: true}))
  }
  for (const s of document.querySelectorAll('select[data-aig-field]:not([data-aig-field=status])')) {
    s.selectedIndex = s.options.length - 1
    s.dispatchEvent(new Event('change', {bubbles: true}))
  }
  const groups = new Set([...document.querySelectorAll('input[type=radio][data-aig-field]')].map(r => r.name))
  for (const name of groups) {
    const r = document.querySelector(`input[type=radio][name="${name}"]`)
    r.checked = true
    r.dispatchEvent(new Event('change', {bubbles: true}))
  }
  for (const c of document.querySelectorAll('input[type=checkbox][data-aig-field]')) {
    c.checked = true
    c.dispatchEvent(new Event('change', {bubbles: true}))
  }
  for (const t of document.querySelectorAll('textarea[data-aig-field], input[type=text][data-aig-field]')) {
    t.value = long
    t.dispatchEvent(new Event('input', {bubbles: true}))
  }
}"""

WIDER = """() => {
  const out = []
  const vw = document.documentElement.clientWidth
  if (document.documentElement.scrollWidth > vw) out.push('page is ' + document.documentElement.scrollWidth + ' px wide')
  for (const e of document.querySelectorAll('.md-content *')) {
    const r = e.getBoundingClientRect()
    if (!r.width || getComputedStyle(e).visibility === 'hidden') continue
    // A data table may scroll inside its own box (1.4.10 allows it for tables); the page may not.
    if (e.closest('.aig-scroll, .md-typeset__scrollwrap')) continue
    if (r.right > vw + 0.5 || r.left < -0.5)
      out.push(e.tagName.toLowerCase() + '.' + String(e.className).split(' ')[0] + ' "' +
               (e.textContent || '').trim().slice(0, 30) + '" spans ' + Math.round(r.left) + '..' + Math.round(r.right))
  }
  return out.slice(0, 12)
}"""


def tool_pages(site):
    return [p for p in built_pages(site) if p.startswith("tools/") and p != "tools/"]


@pytest.fixture(scope="module")
def pages(built_site):
    return tool_pages(built_site)


def test_every_tool_page_reflows_at_320_px(browsing, base_url, pages):
    page = browsing.new(viewport={"width": 320, "height": 700}).new_page()
    found = []
    for path in pages:
        page.goto(base_url + path)
        page.wait_for_timeout(200)
        if page.locator("[data-aig-tool]").count():
            page.locator("[data-aig-ready]").first.wait_for()
            page.evaluate(FILL_ALL, LONG)
            page.wait_for_timeout(100)
        found += [f"{path}: {w}" for w in page.evaluate(WIDER)]
    # My progress with every tool answered, and the checklist as printed on screen
    # after a reload (every answer restored).
    for path in ("tools/my-progress/", "tools/deployment-checklist/"):
        page.goto(base_url + path)
        page.wait_for_timeout(300)
        found += [f"{path} (answers restored): {w}" for w in page.evaluate(WIDER)]
    assert len(pages) >= 8, pages
    assert not found, "\n".join(found)


def test_nested_not_applicable_tag_is_whole_at_320_px(browsing, base_url):
    page = browsing.new(viewport={"width": 320, "height": 700}).new_page()
    page.goto(base_url + "tools/deployment-checklist/")
    page.locator("[data-aig-ready]").first.wait_for()
    sub = page.locator(".aig-items--sub [data-aig-item]").first
    sub_id = sub.get_attribute("data-aig-item")
    page.select_option(f"#status-{sub_id}", label="Not applicable")
    tag = sub.locator("[data-aig-tag]").first
    assert tag.inner_text() == "Not applicable"
    box = tag.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 320, box
    assert tag.evaluate("t => t.scrollWidth <= t.clientWidth + 1"), "tag text is cut off"
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
