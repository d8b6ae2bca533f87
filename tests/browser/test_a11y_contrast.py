"""Contrast of the tools' form controls and buttons in both colour schemes (issue 20).

Every form control's border is at least 3:1 against the page and against its own fill
(WCAG 1.4.11); every kind of button keeps its text at least 4.5:1 at rest, under the
pointer and focused from the keyboard (1.4.3), and a focused one takes NHS.UK's focus
state: yellow #ffeb3b with #212b32 text. Colours are read as Chromium paints them
(helpers.CONTRAST), on pages where everything is showing: a second assessment makes
the comparison offer its list. Run with -s to see every figure."""
from __future__ import annotations

import pytest

from browser.helpers import contrast_tools

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("contrast")]

# The pages with each kind of control; the home page for its link buttons.
PAGES = ["tools/readiness-assessment/", "tools/my-progress/", "tools/board-pack/", "tools/business-case/",
         "tools/benefits-planner/", "tools/team-view/", ""]
CONTROLS = ".md-content :is(input:not([type=radio],[type=checkbox],[type=file]),select,textarea,[data-aig-page] input[type=file],.aig-file label)"
BUTTONS = {"secondary button": ".md-content .md-button:not(.md-button--primary,.aig-button--warn)",
           "primary button": ".md-content .md-button--primary", "warning button": ".md-content .aig-button--warn",
           "import button (a label)": ".aig-file label", "disclosure": ".md-content summary",
           "file input's button": "[data-aig-page] input[type=file]"}
NHS_FOCUS = {"background": "#ffeb3b", "color": "#212b32"}
SETTLE = """() => Promise.race([new Promise(done => setTimeout(done, 1000)), Promise.all(
  document.getAnimations().map(a => a.finished.catch(() => null)))])"""


@pytest.fixture(scope="module")
def context(module_browsing, base_url):
    ctx = module_browsing.new()
    page = ctx.new_page()
    page.goto(base_url + "tools/readiness-assessment/")
    page.wait_for_function("() => window.AIG && AIG.current && AIG.current()")
    page.evaluate("AIG.create('Earlier', AIG.current().id)")
    page.close()
    return ctx


def open_page(context, base_url, path):
    page = context.new_page()
    page.goto(base_url + path)
    if path:
        page.locator("[data-aig-page], [data-aig-tool]").first.wait_for()
        page.wait_for_function("() => !document.querySelector('[data-aig-page=compare]') || "
                               "!document.querySelector('[data-aig-page=compare]').hidden")
    contrast_tools(page)
    return page


def scheme(page, name):
    page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{name}')")
    page.evaluate(SETTLE)


@pytest.mark.parametrize("path", [p for p in PAGES if p])
def test_every_form_controls_border_is_3_to_1_in_both_schemes(context, base_url, path):
    page = open_page(context, base_url, path)
    low, seen = [], []
    for name in ("default", "slate"):
        scheme(page, name)
        found = page.evaluate("""sel => [...document.querySelectorAll(sel)].filter(e => e.getClientRects().length &&
            getComputedStyle(e).visibility !== 'hidden').map(e => {
          const file = e.type === 'file', r = window.__contrast(e, file ? '::file-selector-button' : null)
          return {what: e.tagName.toLowerCase() + (e.tagName === 'INPUT' ? '[' + e.type + ']' : '') + (e.id ? '#' + e.id : ''), ...r} })""", CONTROLS)
        for c in found:
            seen.append(c["what"])
            print(f"{path} {name}: {c['what']} border {c['border']}:1")
            if c["border"] < 3:
                low.append(f"{name}: {c['what']} {c['border']}:1")
    page.close()
    if path in ("tools/readiness-assessment/", "tools/board-pack/"):  # the comparison's, which the tools' rule missed
        assert {"select#aig-compare-with", "input[file]#aig-compare-file"} <= set(seen), seen
    assert seen, "no controls found"
    assert not low, low


def button_states(page, sel):
    """The first visible element of a kind: its contrast at rest, hovered and focused."""
    el = page.locator(sel).locator("visible=true").first
    file = el.evaluate("e => e.type === 'file'")
    pseudo = "::file-selector-button" if file else None
    read = lambda: el.evaluate("(e, p) => window.__contrast(e, p)", pseudo)  # noqa: E731
    el.evaluate("e => e.scrollIntoView({block: 'center'})")
    page.mouse.move(1, 1)
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.evaluate(SETTLE)
    states = {"rest": read()}
    box = el.bounding_box()
    page.mouse.move(box["x"] + (12 if file else box["width"] / 2), box["y"] + box["height"] / 2)
    page.evaluate(SETTLE)
    assert el.evaluate("e => e.matches(':hover')"), sel
    states["hover"] = read()
    page.mouse.move(1, 1)
    page.keyboard.press("Shift")  # a key was pressed last: focus() is keyboard focus (:focus-visible)
    el.evaluate("e => (e.closest('.aig-file') ? e.closest('.aig-file').querySelector('input') : e).focus()")
    page.evaluate(SETTLE)
    states["focus"] = read()
    page.evaluate("document.activeElement.blur()")
    return states


@pytest.mark.parametrize("path", PAGES)
def test_every_kind_of_button_at_rest_hovered_and_focused_in_both_schemes(context, base_url, path):
    page = open_page(context, base_url, path)
    kinds = {k: s for k, s in BUTTONS.items() if page.locator(s).locator("visible=true").count()}
    assert kinds, "no buttons found"
    low = []
    for name in ("default", "slate"):
        scheme(page, name)
        for kind, sel in kinds.items():
            for state, c in button_states(page, sel).items():
                print(f"{path or 'home'} {name}: {kind} {state} {c['color']} on {c['background']} {c['text']}:1")
                if c["text"] < 4.5:
                    low.append(f"{name}: {kind} {state}: {c['color']} on {c['background']} {c['text']}:1")
                if state == "focus" and {k: c[k] for k in NHS_FOCUS} != NHS_FOCUS:
                    low.append(f"{name}: {kind} focused is {c['color']} on {c['background']}, not NHS.UK's focus state")
    page.close()
    assert not low, low
