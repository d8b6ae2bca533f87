"""theme.js (Material's start-up and palette scripts, in the head): a chosen colour
scheme is on the page from its first frame after a reload and after instant navigation."""
from __future__ import annotations

from playwright.sync_api import expect

# The scheme on <body> when the first frame is drawn (rAF callbacks run before paint).
FIRST_FRAME = """(() => { const look = () => { if (document.body) window.__first = document.body.getAttribute('data-md-color-scheme')
  else requestAnimationFrame(look) }; requestAnimationFrame(look) })()"""


def test_a_chosen_scheme_is_there_from_the_first_frame(page, base_url):
    page.add_init_script(FIRST_FRAME)
    page.goto(base_url + "guide/managing-risk/")
    assert page.evaluate("window.__first") == "default"
    page.locator("label[title='Switch to dark mode']").first.click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    page.reload()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    assert page.evaluate("window.__first") == "slate"
    page.evaluate("window.__same_document = true")
    page.click("a.md-nav__link[href$='glossary/']")
    page.wait_for_url("**/glossary/")
    assert page.evaluate("window.__same_document") is True
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
