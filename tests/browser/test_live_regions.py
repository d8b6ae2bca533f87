"""Live regions speak only when their text changes, and counters after a pause:
typing in a tool rewrites no live region on every key press."""
from __future__ import annotations

from playwright.sync_api import expect

COUNT_REWRITES = """() => {
    window.__rewrites = 0
    const seen = new MutationObserver(list => { window.__rewrites += list.length })
    document.querySelectorAll('[aria-live], [role=status]').forEach(r =>
        seen.observe(r, {childList: true, characterData: true, subtree: true}))
}"""


def test_typing_in_the_business_case_rewrites_live_regions_only_after_a_pause(page, base_url):
    page.goto(base_url + "tools/business-case/")
    box = page.locator("textarea[data-aig-words]").first
    count = page.locator(f"#{box.get_attribute('id')}-count")
    expect(count).to_have_text(f"Aim for about {box.get_attribute('data-aig-words')} words.")  # an empty box
    box.click()
    page.evaluate(COUNT_REWRITES)
    page.keyboard.type("Waits of 14 weeks now.", delay=20)  # 22 characters, 5 words
    expect(count).to_contain_text("remaining")
    page.wait_for_timeout(700)  # longer than the counter's pause
    rewrites = page.evaluate("window.__rewrites")
    assert rewrites <= 2, f"{rewrites} live-region rewrites for 22 characters typed"


def test_typing_notes_on_the_checklist_does_not_rewrite_its_progress(page, base_url):
    page.goto(base_url + "tools/deployment-checklist/")
    page.locator("#notes-appoint-ai-lead").click()
    page.evaluate(COUNT_REWRITES)
    page.keyboard.type("Board paper on 12 March", delay=20)
    page.wait_for_timeout(700)
    assert page.evaluate("window.__rewrites") == 0, "progress did not change, so it must not be spoken"
