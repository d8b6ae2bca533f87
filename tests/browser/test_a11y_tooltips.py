"""WCAG 2.2 1.4.13 Content on Hover or Focus: the glossary tooltips (Material's
content.tooltips on each term's first use, <abbr title>) can be reached with the
keyboard, closed with Escape without moving focus or pointer, and stay while the
pointer moves onto them."""
from __future__ import annotations

import re

from playwright.sync_api import expect

PAGE = "guide/managing-risk/"
ACTIVE = ".md-tooltip2--active"


def first_term(page):
    page.wait_for_timeout(300)  # Material mounts its tooltips just after load
    return page.locator("article abbr").first


def test_a_term_takes_focus_and_escape_closes_its_tooltip(page, base_url):
    page.goto(base_url + PAGE)
    term = first_term(page)
    definition = term.get_attribute("title")
    assert definition
    # Reached with the keyboard: Tab from the page title lands on the first term.
    page.evaluate("() => { const h = document.querySelector('.md-content h1'); h.tabIndex = -1; h.focus() }")
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.tagName") == "ABBR":
            break
    assert page.evaluate("() => document.activeElement.textContent") == term.inner_text()
    # The term's own tooltip (a heading's permalink tooltip may still be fading out).
    expect(term).to_have_attribute("aria-describedby", re.compile(".+"))
    tip = page.locator("#" + term.get_attribute("aria-describedby"))
    expect(tip).to_be_visible()
    expect(tip).to_have_text(definition)
    # Escape closes it; focus stays on the term.
    page.keyboard.press("Escape")
    expect(page.locator(ACTIVE)).to_have_count(0)
    assert page.evaluate("() => document.activeElement.tagName") == "ABBR"
    # Moving on and back opens it again.
    page.keyboard.press("Shift+Tab")
    page.wait_for_timeout(100)  # as a person would; Material notes focus changes after 1 ms
    page.keyboard.press("Tab")
    expect(page.locator(ACTIVE)).to_be_visible()


def test_the_pointer_can_move_onto_a_tooltip_and_escape_closes_it(page, base_url):
    page.goto(base_url + PAGE)
    term = first_term(page)
    term.scroll_into_view_if_needed()
    term.hover()
    tip = page.locator(ACTIVE)
    expect(tip).to_be_visible()
    page.wait_for_timeout(400)  # the tooltip has finished moving into place
    box = tip.locator(".md-tooltip2__inner").bounding_box()
    host = term.bounding_box()
    # Down from the term onto the tooltip, through the gap between them.
    steps = 6
    for i in range(1, steps + 1):
        page.mouse.move(host["x"] + host["width"] / 2,
                        host["y"] + host["height"] / 2 + (box["y"] + 6 - host["y"] - host["height"] / 2) * i / steps)
        page.wait_for_timeout(20)
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=3)
    page.wait_for_timeout(700)
    expect(page.locator(ACTIVE)).to_be_visible()
    # Escape closes it without moving the pointer.
    page.keyboard.press("Escape")
    expect(page.locator(ACTIVE)).to_have_count(0)


def test_tooltip_text_is_readable(page, base_url):
    page.goto(base_url + PAGE)
    first_term(page).hover()
    inner = page.locator(ACTIVE + " .md-tooltip2__inner")
    expect(inner).to_be_visible()
    size = inner.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert size >= 12.5, f"definition text is {size} px"
