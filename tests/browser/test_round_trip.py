"""What a person types comes back exactly: long notes, markup-like text, and a full
browser storage never lose or hide answers (issue 7's three faults). The browser flows
here type, reload, export and import; generated text of every kind up to each form's
limit goes through the store, the export and the import in tests/js/round-trip.test.js
(Node), with the limits checked here against the built pages."""
from __future__ import annotations

import json
import re

from playwright.sync_api import expect

from browser.helpers import tool_key, export_file
from browser.test_checklists import CHECKLIST, fill_item, saved, storage

FILL_STORAGE = """() => {
    let chunk = 'x'.repeat(1 << 20), i = 0
    while (chunk.length) {
        try { localStorage.setItem('filler-' + i++, chunk) } catch (e) { chunk = chunk.slice(0, chunk.length >> 1) }
    }
}"""


# The forms' limits, as tests/js/round-trip.test.js fills them.
LIMITS = {"textarea": 50000, "text": 500}


def test_every_text_box_has_the_limit_the_node_round_trip_fills(built_site):
    found = {"textarea": 0, "text": 0}
    for html in (built_site / "tools").rglob("index.html"):
        for tag in re.findall(r"<(?:textarea|input)\b[^>]*\bdata-aig-field=[^>]*>", html.read_text(encoding="utf-8")):
            kind = "textarea" if tag.startswith("<textarea") else re.search(r'type="([^"]+)"', tag).group(1)
            if kind in LIMITS:
                found[kind] += 1
                assert f'maxlength="{LIMITS[kind]}"' in tag, (html, tag)
    assert found["textarea"] > 50 and found["text"] > 50, found


def test_a_long_note_survives_reload_and_the_form_enforces_its_limit(page, base_url):
    page.goto(base_url + CHECKLIST)
    meeting = ("Minutes of the AI steering group.\n\tItem 1: agreed.\n" * 700)[:30000]
    # Pasted, as a meeting record would be (Playwright's typing of 30,000 characters
    # with 1,400 line breaks is slow enough to time out on a busy machine).
    page.locator("#notes-appoint-ai-lead").evaluate(
        "(t, v) => { t.value = v; t.dispatchEvent(new Event('input', {bubbles: true})) }", meeting)
    fill_item(page, "define-the-problem", notes="short")
    page.reload()
    assert page.input_value("#notes-appoint-ai-lead") == meeting
    assert page.input_value("#notes-define-the-problem") == "short"
    assert page.locator("[data-aig-messages] [role=alert]").count() == 0
    # The form stops at its limit and says how much is left, after a pause.
    page.fill("#notes-appoint-ai-lead", "y" * 50010)
    assert len(page.input_value("#notes-appoint-ai-lead")) == 50000
    expect(page.locator("#notes-appoint-ai-lead-chars")).to_have_text("You have 0 characters remaining (at most 50,000)")


def test_one_bad_saved_answer_hides_no_other(page, base_url):
    page.goto(base_url + CHECKLIST)
    record = {"format": 1, "tool": "deployment-checklist", "updated": "2026-11-01T00:00:00Z",
              "answers": {"appoint-ai-lead": {"notes": "keep me"}, "define-the-problem": {"notes": ["not", "text"]}}}
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [tool_key(page, "deployment-checklist"), json.dumps(record)])
    page.reload()
    assert page.input_value("#notes-appoint-ai-lead") == "keep me"
    alert = page.locator("[data-aig-messages] [role=alert]").inner_text()
    assert "define-the-problem" in alert and "other answers are here" in alert
    aside = [json.loads(v) for k, v in storage(page).items() if ".unreadable-" in k]
    assert aside == [{"format": 2, "tool": "deployment-checklist", "answers": {"define-the-problem": {"notes": ["not", "text"]}}}]
    assert saved(page) == {"appoint-ai-lead": {"notes": "keep me"}}


def test_markup_like_text_exports_and_imports_back_exactly(browsing, page, base_url, tmp_path):
    text = "x<y & <b>bold</b> \"quoted\" 'apos' <script>alert(1)</script> 😀 مرحبا\n\tend"
    page.goto(base_url + CHECKLIST)
    fill_item(page, "appoint-ai-lead", notes=text, owner="<i>CCIO</i>")
    dl = export_file(page, "Export answers (JSON)")
    path = tmp_path / "mine.json"
    dl.save_as(path)
    other = browsing.new().new_page()
    other.goto(base_url + CHECKLIST)
    other.set_input_files("#aig-import-deployment-checklist", str(path))  # empty browser: no choice to make
    expect(other.locator("#notes-appoint-ai-lead")).to_have_value(text)
    assert saved(other) == saved(page)
    assert other.locator("#item-appoint-ai-lead b, #item-appoint-ai-lead script").count() == 0


def test_storage_full_reset_all_and_export_all_still_work(page, base_url):
    page.goto(base_url + CHECKLIST)
    fill_item(page, "appoint-ai-lead", notes="saved before the storage filled up")
    page.evaluate(FILL_STORAGE)
    fill_item(page, "define-the-problem", notes="typed while storage is full " * 100)
    page.goto(base_url + "tools/my-progress/")
    dl = export_file(page, "Export this assessment (JSON)")
    data = json.loads(open(dl.path(), encoding="utf-8").read())
    assert data["assessments"][0]["tools"]["deployment-checklist"]["answers"]["appoint-ai-lead"]["notes"] == "saved before the storage filled up"
    page.get_by_role("button", name="Reset all tools").click()
    page.get_by_role("button", name="Yes, reset").click()
    page.get_by_role("button", name="Undo", exact=True).click()
    assert "previous answers are back" in page.locator("[data-aig-messages]").inner_text()
