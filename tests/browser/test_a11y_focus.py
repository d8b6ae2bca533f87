"""WCAG 2.2 2.4.11 Focus Not Obscured, tried with the keyboard in Chromium.

Tab through a long tool page forwards and backwards, at 1280 px and 320 px wide:
every control that takes focus must be wholly below Material's sticky header and
not covered by anything else ("Back to top" included): the element at the centre
of its visible part is the control itself or inside it. "Back to top" must never
take focus while it is invisible, and closed navigation drawers on a phone must not
hold focus off screen.
"""
from __future__ import annotations

import pytest

CHECKLIST = "tools/deployment-checklist/"

# Where the focused element is, what is at its centre, and whether the sticky
# header or anything else hides it. Returns null when focus is outside the content.
STATE = """(scope) => {
  const el = document.activeElement
  if (!el || el === document.body) return null
  const r = el.getBoundingClientRect()
  const header = document.querySelector('.md-header').getBoundingClientRect().bottom
  const inside = !!el.closest(scope)
  const style = getComputedStyle(el)
  const visible = r.width > 0 && r.height > 0 && style.visibility !== 'hidden' &&
    r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight
  // A link that wraps onto two lines: its first line box, not the box around both.
  const box = [...el.getClientRects()].find(b => b.width > 0 && b.height > 0) || r
  const x = (Math.max(box.left, 0) + Math.min(box.right, innerWidth)) / 2
  const y = (Math.max(box.top, header) + Math.min(box.bottom, innerHeight)) / 2
  const at = document.elementFromPoint(x, y)
  const label = (el.labels && el.labels[0]) || null
  const covered = !(at && (at === el || el.contains(at) || (label && label.contains(at))))
  const what = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : '') +
    ' "' + (el.textContent || el.value || '').trim().slice(0, 30) + '"'
  return {inside, visible, top: r.top, header, covered, what,
          at: at ? at.tagName.toLowerCase() + '.' + String(at.className).split(' ')[0] : null}
}"""


def walk(page, key: str, scope: str, limit: int = 400) -> list[dict]:
    """Press key until focus leaves `scope` (after having entered it); each state."""
    states, entered = [], False
    for _ in range(limit):
        page.keyboard.press(key)
        s = page.evaluate(STATE, scope)
        if s and s["covered"] and (s["at"] or "").startswith("div.md-tooltip2"):
            # The tooltip of a glossary term that has just lost focus fades out (250 ms).
            page.wait_for_timeout(400)
            s = page.evaluate(STATE, scope)
        if s is None:
            continue
        if not s["inside"]:
            if entered:
                break
            continue
        entered = True
        states.append(s)
    return states


def problems(states: list[dict]) -> list[str]:
    out = []
    for s in states:
        if not s["visible"]:
            continue  # a zero-sized control (its label shows); checked elsewhere
        if s["top"] < s["header"] - 0.5:
            out.append(f"{s['what']}: top {s['top']:.0f} px is under the header (ends at {s['header']:.0f} px)")
        elif s["covered"]:
            out.append(f"{s['what']}: covered by {s['at']}")
    return out


@pytest.mark.slow
@pytest.mark.parametrize("width", [1280, 320])
def test_focus_is_never_under_the_header_or_covered(browsing, base_url, width):
    page = browsing.new(viewport={"width": width, "height": 800}).new_page()
    page.goto(base_url + CHECKLIST)
    page.locator("[data-aig-ready]").first.wait_for()
    # Forwards, from the page title.
    page.evaluate("() => { const h = document.querySelector('.md-content h1'); h.tabIndex = -1; h.focus() }")
    forwards = walk(page, "Tab", ".md-content")
    # Backwards, from the footer, scrolling up the long page as people do.
    page.locator(".md-footer a").first.focus()
    backwards = walk(page, "Shift+Tab", ".md-content")
    assert len(forwards) > 60 and len(backwards) > 60, (len(forwards), len(backwards))
    found = problems(forwards) + problems(backwards)
    assert not found, f"{len(found)} focused controls hidden at {width} px:\n" + "\n".join(found)


def test_focus_never_lands_on_anything_off_screen_or_invisible_on_a_phone(browsing, base_url):
    """From the top of the page to the tool, every stop is visible: no links in the
    closed navigation drawer, no invisible "Back to top"."""
    page = browsing.new(viewport={"width": 320, "height": 800}).new_page()
    page.goto(base_url + CHECKLIST)
    page.locator("[data-aig-ready]").first.wait_for()
    # The closed search's scroll area (tabindex 0 in Material) takes no focus unseen.
    assert page.locator(".md-search__scrollwrap").evaluate("e => getComputedStyle(e).visibility") == "hidden"
    stops = walk(page, "Tab", "body", limit=40)
    hidden = [s["what"] for s in stops if not s["visible"] and "md-option" not in s["what"]]
    assert not hidden, hidden


def test_back_to_top_takes_no_focus_while_invisible_and_never_covers_a_field(page, base_url):
    page.goto(base_url + CHECKLIST)
    page.locator("[data-aig-ready]").first.wait_for()
    top = page.locator(".md-top")
    # Invisible on arrival: not in the tab order, not in the accessibility tree.
    assert top.evaluate("t => t.hidden")
    assert top.evaluate("t => getComputedStyle(t).visibility") == "hidden"
    # Shown when scrolling up; a focused field then hides it.
    page.mouse.wheel(0, 3000)
    page.wait_for_timeout(300)
    page.mouse.wheel(0, -400)
    page.wait_for_timeout(300)
    assert top.evaluate("t => !t.hidden && getComputedStyle(t).visibility === 'visible'"), "Back to top should show"
    page.locator("textarea").nth(8).focus()
    assert top.evaluate("t => getComputedStyle(t).visibility") == "hidden"
