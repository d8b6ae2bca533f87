"""Storage contract v2 in Chromium: named assessments, migration from v1, the v1
export fixture, two tabs, changed guidance, Keep in a file, reminder."""
from __future__ import annotations

import json
from pathlib import Path

from playwright.sync_api import expect

from browser.helpers import axe_violations, export_file, tool_key
from browser.test_checklists import CHECKLIST, fill_item, saved, storage

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "export-v1-site-1.0.0.json"
SCOPE = "/"


def manage(page, action, name=None):
    details = page.locator(".aig-assess__manage").first
    if not details.get_attribute("open") and details.get_attribute("open") != "":
        details.locator("summary").click()
    page.get_by_role("button", name=action, exact=True).first.click()
    if name is not None:
        box = page.locator("[data-aig-messages] input[type=text]")
        box.fill(name)
        box.press("Enter")


def test_v1_answers_become_the_first_assessment(page, base_url):
    page.goto(base_url + "guide/")  # no tool script here: nothing migrates yet
    old = {"format": 1, "tool": "deployment-checklist", "updated": "2026-10-01T09:00:00Z",
           "answers": {"appoint-ai-lead": {"status": "completed", "notes": "from v1 <b>kept</b>"}}}
    page.evaluate("v => localStorage.setItem('/ai-guide.v1.deployment-checklist', v)", json.dumps(old))
    page.goto(base_url + CHECKLIST)
    expect(page.locator("#notes-appoint-ai-lead")).to_have_value("from v1 <b>kept</b>")
    assert page.locator("[data-aig-assess-name]").inner_text() == "My assessment"
    keys = storage(page)
    assert "/ai-guide.v1.deployment-checklist" not in keys, "v1 key removed after the v2 copy was read back"
    assert saved(page) == {"appoint-ai-lead": {"status": "completed", "notes": "from v1 <b>kept</b>"}}


def test_the_committed_v1_export_imports_completely(page, base_url):
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    page.goto(base_url + "tools/my-progress/")
    page.set_input_files("#aig-import-all", str(FIXTURE))
    expect(page.locator("[data-aig-messages] .aig-msg")).to_contain_text("Answers imported into")
    for tool, record in data["tools"].items():
        assert saved(page, tool) == record["answers"], tool
    assert len(data["tools"]) == 7


def test_several_assessments_switch_rename_duplicate_delete_and_undo(page, base_url):
    page.goto(base_url + CHECKLIST)
    fill_item(page, "appoint-ai-lead", notes="ambient voice")
    manage(page, "New assessment", "Radiology triage")
    expect(page.locator("[data-aig-assess-name]")).to_have_text("Radiology triage")
    assert page.evaluate("document.activeElement.className").startswith("aig-msg")
    expect(page.locator("#notes-appoint-ai-lead")).to_have_value("")
    fill_item(page, "appoint-ai-lead", notes="radiology")
    page.select_option("[data-aig-assess-select]", label="My assessment")
    page.get_by_role("button", name="Switch", exact=True).click()
    expect(page.locator("#notes-appoint-ai-lead")).to_have_value("ambient voice")
    manage(page, "Rename", "Ambient voice pilot")
    expect(page.locator("[data-aig-assess-name]")).to_have_text("Ambient voice pilot")
    manage(page, "Duplicate", "Ambient voice pilot, March baseline")
    expect(page.locator("#notes-appoint-ai-lead")).to_have_value("ambient voice")
    # The name travels into print and file names.
    page.emulate_media(media="print")
    assert page.locator(".aig-assess__now").is_visible() and "March baseline" in page.locator(".aig-assess__now").inner_text()
    page.emulate_media(media="screen")
    dl = export_file(page, "Export answers (JSON)")
    assert dl.suggested_filename.startswith("ai-guide-ambient-voice-pilot-march-baseline-")
    assert json.loads(open(dl.path()).read())["assessments"][0]["name"] == "Ambient voice pilot, March baseline"
    manage(page, "Delete this assessment")
    page.get_by_role("button", name="Yes, delete it").click()
    assert page.evaluate("document.activeElement.textContent") == "Undo"
    assert [a["name"] for a in page.evaluate("AIG.assessments()")] == ["Ambient voice pilot", "Radiology triage"]
    page.get_by_role("button", name="Undo", exact=True).click()
    assert len(page.evaluate("AIG.assessments()")) == 3
    # Undo brings the deleted one back, shown at once, and touches no other assessment.
    expect(page.locator("[data-aig-assess-name]")).to_have_text("Ambient voice pilot, March baseline")
    notes = page.evaluate("""AIG.assessments().map(a => [a.name,
        (AIG.readIn(a.id, 'deployment-checklist').answers['appoint-ai-lead'] || {}).notes])""")
    assert notes == [["Ambient voice pilot", "ambient voice"], ["Radiology triage", "radiology"],
                     ["Ambient voice pilot, March baseline", "ambient voice"]]
    page.goto(base_url + "tools/my-progress/")
    rows = page.locator("[data-aig-assessment-rows] tr").all_inner_texts()
    assert len(rows) == 3 and any("Radiology triage" in r for r in rows)
    assert "persistently" in page.locator("[data-aig-persist]").inner_text() or "promise" in page.locator("[data-aig-persist]").inner_text()


def test_two_tabs_on_two_assessments_never_mix(context, base_url):
    a = context.new_page()
    a.goto(base_url + CHECKLIST)
    fill_item(a, "appoint-ai-lead", notes="tab A")
    b = context.new_page()
    b.goto(base_url + CHECKLIST)
    manage(b, "New assessment", "Second project")
    fill_item(b, "appoint-ai-lead", notes="tab B")
    fill_item(a, "define-the-problem", notes="tab A again")
    a.wait_for_timeout(200)
    assert a.input_value("#notes-appoint-ai-lead") == "tab A"
    assert b.input_value("#notes-define-the-problem") == ""
    assert saved(a)["appoint-ai-lead"]["notes"] == "tab A" and saved(b)["appoint-ai-lead"]["notes"] == "tab B"


def test_changed_guidance_is_flagged_until_reviewed(page, base_url):
    page.goto(base_url + CHECKLIST)
    old = {"format": 2, "tool": "deployment-checklist", "updated": "2026-10-01T09:00:00Z",
           "answers": {"appoint-ai-lead": {"status": "completed", "rev": "00000000"},
                       "define-the-problem": {"status": "completed"}}}
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [tool_key(page, "deployment-checklist"), json.dumps(old)])
    page.reload()
    flag = page.locator("#item-appoint-ai-lead .aig-changed")
    expect(flag).to_contain_text("The guidance for this point changed after you answered. Review your answer.")
    assert page.locator("#item-define-the-problem .aig-changed").count() == 0, "no revision recorded: nothing to flag"
    page.screenshot(path="/tmp/changed-guidance.png", full_page=False)
    assert axe_violations(page) == []
    flag.get_by_role("button", name="I have reviewed my answer").click()
    assert page.locator(".aig-changed").count() == 0
    page.reload()
    assert page.locator(".aig-changed").count() == 0


FAKE_PICKER = """
window.__written = []
window.showSaveFilePicker = async () => ({
  name: 'ai-guide-on-the-shared-drive.json',
  createWritable: async () => ({ write: async t => window.__written.push(t), close: async () => {} })
})
"""


def test_keep_in_a_file_writes_every_change(browsing, base_url):
    ctx = browsing.new()
    ctx.add_init_script(FAKE_PICKER)
    page = ctx.new_page()
    page.goto(base_url + CHECKLIST)
    manage(page, "Keep in a file")
    expect(page.locator("[data-aig-messages]")).to_contain_text("ai-guide-on-the-shared-drive.json")
    fill_item(page, "appoint-ai-lead", notes="written to the file")
    expect(page.locator("[data-aig-assess-file]")).to_contain_text("ai-guide-on-the-shared-drive.json")
    page.wait_for_timeout(800)  # the file is written 300 ms after the last change
    last = json.loads(page.evaluate("window.__written[window.__written.length - 1]"))
    notes = last["assessments"][0]["tools"]["deployment-checklist"]["answers"]["appoint-ai-lead"]["notes"]
    assert notes == "written to the file"


def test_reminder_after_seven_days_without_export(page, base_url):
    page.goto(base_url + CHECKLIST)
    fill_item(page, "appoint-ai-lead", notes="x")
    expect(page.locator("[data-aig-assess-reminder]")).to_be_hidden()
    page.evaluate("""() => { const k = window.__md_scope.pathname + 'ai-guide.v2.assessments'
        const ix = JSON.parse(localStorage.getItem(k)); ix.list[0].unexportedSince = new Date(Date.now() - 8 * 864e5).toISOString()
        localStorage.setItem(k, JSON.stringify(ix)) }""")
    page.reload()
    reminder = page.locator("[data-aig-assess-reminder]")
    expect(reminder).to_be_visible()
    manage(page, "New assessment", "Second")
    page.select_option("[data-aig-assess-select]", label="My assessment")
    page.get_by_role("button", name="Switch", exact=True).click()
    page.screenshot(path="/tmp/assessment-switcher.png")
    dl = export_file(page, "Export this assessment")
    assert json.loads(open(dl.path()).read())["assessments"][0]["tools"]["deployment-checklist"]
    expect(reminder).to_be_hidden()


def test_answers_under_another_path_are_offered_and_brought_here_with_undo(page, base_url):
    """The site moved on the same origin (from /old-guide/ to /): the answers saved at the
    old path are found, offered on My progress (the offer loads with manage.js, which a
    visit with nothing to offer never loads), brought here on request into the empty
    assessment, undone, and the old copy is never touched."""
    page.goto(base_url + "tools/my-progress/")
    expect(page.locator("[data-aig-assessment-rows]")).to_contain_text("My assessment")
    assert page.locator("script[src*='manage.js']").count() == 0, "nothing to offer: manage.js not loaded"
    old_index = {"format": 2, "current": "aold1", "list": [{"id": "aold1", "name": "Ward 7 pilot",
                 "created": "2026-09-01T09:00:00Z", "changed": "2026-10-01T09:00:00Z", "exported": None}]}
    old_rec = {"format": 2, "tool": "deployment-checklist", "updated": "2026-10-01T09:00:00Z",
               "answers": {"appoint-ai-lead": {"status": "completed", "notes": "moved <i>with</i> the site"}}}
    old = {"/old-guide/ai-guide.v2.assessments": json.dumps(old_index),
           "/old-guide/ai-guide.v2.aold1.deployment-checklist": json.dumps(old_rec)}
    page.evaluate("o => { for (const k in o) localStorage.setItem(k, o[k]) }", old)
    page.reload()
    offer = page.locator("[data-aig-messages]").first
    expect(offer).to_contain_text("saved when this site was at /old-guide/: an assessment, \u201cWard 7 pilot\u201d")
    page.get_by_role("button", name="Bring them here").click()
    expect(offer).to_contain_text("Answers imported into \u201cWard 7 pilot\u201d, named and dated as in /old-guide/")
    expect(offer).to_contain_text("The copy there is left as it is. You can undo this.")
    assert page.locator("[data-aig-assess-select] option").all_inner_texts() == ["Ward 7 pilot"]
    expect(page.locator("[data-aig-assessment-rows]")).to_contain_text("1 October 2026")  # its dates came with it
    expect(page.locator("[data-aig-tool-row='deployment-checklist'] [data-aig-progress]")).not_to_have_text("No answers yet")
    page.get_by_role("button", name="Undo").click()
    expect(offer).to_contain_text("Your previous answers are back.")
    assert page.locator("[data-aig-assess-select] option").all_inner_texts() == ["My assessment"]
    page.reload()  # offered again, since the undo took them away
    page.get_by_role("button", name="Bring them here").click()
    expect(page.locator("[data-aig-assessment-rows]")).to_contain_text("Ward 7 pilot")
    page.reload()  # brought: not offered again
    expect(page.locator("[data-aig-assessment-rows]")).to_contain_text("Ward 7 pilot")
    expect(page.get_by_role("button", name="Bring them here")).to_have_count(0)
    page.goto(base_url + CHECKLIST)
    expect(page.locator("#notes-appoint-ai-lead")).to_have_value("moved <i>with</i> the site")
    kept = page.evaluate("() => Object.fromEntries(Object.keys(localStorage).filter(k => k.startsWith('/old-guide/')).map(k => [k, localStorage.getItem(k)]))")
    assert kept == old, "the old path's answers are exactly as they were"
