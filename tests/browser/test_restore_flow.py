"""Restoring never looks like loss (issue 20): export every assessment, clear the
browser, import, and find every answer, name and date where it was; two people's
assessments of the same name told apart; each export confirmed; one announcement
per outcome; the GOV.UK error message pattern on an empty name."""
from __future__ import annotations

import json
import re

from playwright.sync_api import expect

from browser.helpers import export_file
from browser.test_assessments import EXAMPLE, rate
from browser.test_checklists import CHECKLIST, fill_item
from browser.test_storage_v2 import manage

READINESS = "tools/readiness-assessment/"
PROGRESS = "tools/my-progress/"
TODAY = r"\d{4}-\d{2}-\d{2}"


def rows(page) -> list[list[str]]:
    return [r.split("\t") for r in page.locator("[data-aig-assessment-rows] tr").all_inner_texts()]


def test_restoring_every_assessment_into_a_cleared_browser(browsing, base_url, tmp_path):
    page = browsing.new().new_page()
    page.goto(base_url + READINESS)
    rate(page)
    manage(page, "New assessment", "Radiology triage")
    page.goto(base_url + CHECKLIST)
    fill_item(page, "appoint-ai-lead", notes="radiology lead named")
    page.goto(base_url + PROGRESS)
    before = {r[0].replace(" (this one)", ""): r[1] for r in rows(page)}
    dl = export_file(page, "Export every assessment (JSON)", by="Alice")
    assert re.fullmatch(rf"ai-guide-every-assessment-alice-{TODAY}\.json", dl.suggested_filename), dl.suggested_filename
    path = tmp_path / dl.suggested_filename
    dl.save_as(path)
    data = json.loads(path.read_text())
    assert [(a["name"], a["by"]) for a in data["assessments"]] == [("My assessment", "Alice"), ("Radiology triage", "Alice")]
    page.screenshot(path="/tmp/restore-flow-exported.png")

    # The browser is cleared (a wiped shared desktop) and the file imported.
    page.evaluate("localStorage.clear(); sessionStorage.clear()")
    page.reload()
    page.set_input_files("#aig-import-all", str(path))
    page.get_by_role("button", name="Add them").click()
    message = page.locator("[data-aig-messages] .aig-msg")
    expect(message).to_contain_text("\u201cMy assessment\u201d (open now) and \u201cRadiology triage\u201d")
    page.screenshot(path="/tmp/restore-flow-restored.png", full_page=True)
    # The empty assessment the cleared browser started with was filled, not kept beside them.
    assert [a["name"] for a in page.evaluate("AIG.assessments()")] == ["My assessment", "Radiology triage"]
    expect(page.locator("[data-aig-assess-name]")).to_have_text("My assessment")
    restored = rows(page)
    assert [r[0] for r in restored] == ["My assessment (this one)", "Radiology triage"]
    for r in restored:
        name = r[0].replace(" (this one)", "")
        assert r[1] == before[name], (name, r)  # the last change as it was
        assert r[2] != "Never", r  # exported: when the file was made
    assert [a["by"] for a in page.evaluate("AIG.assessments()")] == ["Alice", "Alice"]
    # The answers are where the person left them.
    page.goto(base_url + READINESS)
    expect(page.locator("[data-aig-progress]")).to_have_text("8 of 15 rated (1 \u201cDon\u2019t know\u201d)")
    assert page.locator("[data-aig-compare-with] option").all_inner_texts() == ["None chosen", "Radiology triage"]
    page.screenshot(path="/tmp/restore-flow-readiness.png")


def alices_file(tmp_path, name="My assessment"):
    path = tmp_path / "alice.json"
    path.write_text(json.dumps({
        "format": "ai-guide-answers", "version": 2, "exported": "2026-12-02T10:00:00Z", "site_version": "1.0.0", "by": "Alice",
        "assessments": [{"id": "a1", "name": name, "created": "2026-11-20T09:00:00Z", "changed": "2026-12-01T16:00:00Z",
                         "tools": {"readiness-assessment": {"format": 2, "tool": "readiness-assessment", "updated": "2026-12-01T16:00:00Z",
                                                            "answers": {"data-accuracy": {"level": "4"}}}}}]}))
    return path


def test_two_assessments_of_one_name_are_told_apart(browsing, base_url, tmp_path):
    page = browsing.new().new_page()
    page.goto(base_url + READINESS)
    rate(page, {"data-accuracy": "2"})
    export_file(page, "Export answers (JSON)", by="Ben")
    # Ben adds Alice's file as a second assessment (a file of one, so he is asked first).
    page.evaluate("f => AIG.addAll(JSON.parse(f))", alices_file(tmp_path).read_text())
    today = page.evaluate("new Intl.DateTimeFormat('en-GB', {day: 'numeric', month: 'short'}).format(new Date())")
    labels = [f"My assessment (Ben, {today})", "My assessment (Alice, 20 Nov)"]
    page.reload()
    assert page.locator("[data-aig-assess-select] option").all_inner_texts() == labels
    expect(page.locator("[data-aig-assess-name]")).to_have_text(labels[0])
    assert page.locator("[data-aig-compare-with] option").all_inner_texts() == ["None chosen", labels[1]]
    page.goto(base_url + PROGRESS)
    assert [r[0] for r in rows(page)] == [labels[0] + " (this one)", labels[1]]


def test_a_file_of_one_assessment_restores_its_name_into_an_empty_browser(browsing, base_url, tmp_path):
    page = browsing.new().new_page()
    page.goto(base_url + READINESS)
    page.set_input_files(f"#aig-import-readiness-assessment", str(alices_file(tmp_path, "Dermatology triage")))
    expect(page.locator("[data-aig-messages] .aig-msg")).to_contain_text("\u201cDermatology triage\u201d")
    expect(page.locator("[data-aig-assess-name]")).to_have_text("Dermatology triage")
    a = page.evaluate("AIG.current()")
    assert (a["created"], a["changed"], a["exported"], a["by"]) == (
        "2026-11-20T09:00:00Z", "2026-12-01T16:00:00Z", "2026-12-02T10:00:00Z", "Alice")
    assert page.is_checked("#level-data-accuracy-4")


def test_each_export_is_confirmed_and_the_name_question_goes(browsing, base_url):
    page = browsing.new().new_page()
    page.goto(base_url + PROGRESS)
    manage(page, "Rename", "Ambient voice pilot")
    page.goto(base_url + CHECKLIST)
    fill_item(page, "appoint-ai-lead")
    dl = export_file(page, "Export answers (JSON)", by="Asha Patel")
    assert re.fullmatch(rf"ai-guide-ambient-voice-pilot-asha-patel-{TODAY}-deployment-checklist\.json",
                        dl.suggested_filename), dl.suggested_filename
    banner = page.locator("[data-aig-messages] .aig-msg--success")
    expect(banner).to_contain_text(f"Exported \u201cAmbient voice pilot\u201d as {dl.suggested_filename}")
    assert page.evaluate("document.activeElement.closest('.aig-msg') !== null"), "the banner has focus"
    expect(page.get_by_role("textbox", name="Your name or role")).to_have_count(0)
    page.goto(base_url + PROGRESS)
    export_file(page, "Export every assessment (JSON)")
    expect(page.locator("[data-aig-messages] .aig-msg--success")).to_contain_text("Exported every assessment")
    assert rows(page)[0][2] != "Never", "Last exported shows the export at once"


def test_the_reminders_export_moves_focus_to_the_banner(browsing, base_url):
    page = browsing.new().new_page()
    page.goto(base_url + CHECKLIST)
    fill_item(page, "appoint-ai-lead")
    page.evaluate("""() => { const k = window.__md_scope.pathname + 'ai-guide.v2.assessments'
        const ix = JSON.parse(localStorage.getItem(k)); ix.by = 'Asha'; ix.list[0].dirty = ix.list[0].unexportedSince = new Date(Date.now() - 8 * 864e5).toISOString()
        localStorage.setItem(k, JSON.stringify(ix)) }""")
    page.reload()
    export_file(page, "Export this assessment")
    expect(page.locator("[data-aig-assess-reminder]")).to_be_hidden()
    assert page.evaluate("document.activeElement.closest('.aig-msg--success') !== null"), \
        page.evaluate("document.activeElement.outerHTML.slice(0, 80)")


def test_a_new_assessment_suggests_an_export_and_its_message_goes_when_answers_come(browsing, base_url):
    page = browsing.new().new_page()
    page.goto(base_url + CHECKLIST)
    fill_item(page, "appoint-ai-lead")
    manage(page, "New assessment", "Second project")
    message = page.locator("[data-aig-messages] .aig-msg")
    expect(message).to_contain_text("which has no answers yet")
    expect(message).to_contain_text("export")
    page.screenshot(path="/tmp/restore-flow-new-assessment.png")
    fill_item(page, "appoint-ai-lead")
    expect(page.locator("[data-aig-messages]")).not_to_contain_text("no answers yet")


def test_an_empty_name_keeps_the_field_with_an_error_message(browsing, base_url):
    page = browsing.new().new_page()
    page.goto(base_url + CHECKLIST)
    for action, verb in (("New assessment", "Create"), ("Rename", "Rename")):
        manage(page, action)
        box = page.locator("[data-aig-messages] input[type=text]")
        box.fill("  ")
        page.locator("[data-aig-messages]").get_by_role("button", name=verb, exact=True).click()
        expect(box).to_be_focused()
        assert box.get_attribute("aria-invalid") == "true"
        error = page.locator("#" + box.get_attribute("aria-describedby").split()[-1])
        expect(error).to_have_text("Error: Enter a name for the assessment")
        assert error.locator(".aig-vh").inner_text() == "Error:"
        page.screenshot(path="/tmp/restore-flow-empty-name.png")
        box.fill("Named")
        box.press("Enter")
        expect(page.locator("[data-aig-assess-name]")).to_have_text("Named")


# What a screen reader is told after an action: each live region (polite, assertive,
# status, alert) whose content grows or changes while it is live, each alert added,
# and each move of focus into a message that the page makes.
COUNT = """() => {
  window.__said = []
  const live = n => {
    for (let e = n.nodeType === 1 ? n : n.parentElement; e; e = e.parentElement) {
      const l = e.getAttribute('aria-live'), r = e.getAttribute('role')
      if (l) return l === 'off' ? null : e
      if (r === 'status' || r === 'alert' || r === 'log') return e
    }
    return null
  }
  const note = (e, why) => { if (!window.__said.some(s => s.e === e)) window.__said.push({e, why}) }
  new MutationObserver(list => { for (const m of list) {
    if (m.type === 'childList' && !m.addedNodes.length) continue  // removals are not spoken
    const r = live(m.target)
    if (r) note(r, 'live: ' + (r.className || r.getAttribute('role') || 'messages'))
    for (const n of m.addedNodes) if (n.nodeType === 1 && n.getAttribute('role') === 'alert') note(n, 'alert')
  } }).observe(document.body, {childList: true, characterData: true, subtree: true})
  // Focus the page moves, not the pointer (a click focuses its button between mousedown and mouseup).
  let down = false
  document.addEventListener('mousedown', () => { down = true }, true)
  document.addEventListener('mouseup', () => { down = false }, true)
  document.addEventListener('focusin', e => {
    if (!down && e.target.closest('[data-aig-messages]')) window.__said.push({e: null, why: 'focus'}) })
}"""


def said(page, act) -> list[str]:
    page.evaluate("window.__said.length = 0")
    act()
    page.wait_for_timeout(1300)  # every pause of the page's counters, and the outcome's quiet time
    return page.evaluate("window.__said.map(s => s.why)")


def test_one_announcement_per_outcome(browsing, base_url, tmp_path):
    page = browsing.new().new_page()
    page.goto(base_url + CHECKLIST)
    page.evaluate(COUNT)
    bar = page.locator("[data-aig-messages]")
    counts = {}

    def outcome(name, act):
        counts[name] = said(page, act)

    def click(name):
        return lambda: bar.get_by_role("button", name=name, exact=True).click()

    outcome("an answer", lambda: fill_item(page, "appoint-ai-lead"))
    outcome("export: the name question", lambda: page.get_by_role("button", name="Export answers (JSON)").click())
    with page.expect_download() as dl:
        outcome("export: done", lambda: (page.get_by_role("textbox", name="Your name or role").fill("Asha"),
                                         click("Export")()))
    path = tmp_path / "mine.json"
    dl.value.save_as(path)
    outcome("reset: the question", lambda: page.get_by_role("button", name="Reset this tool").click())
    outcome("reset: done", click("Yes, reset"))
    outcome("undo", click("Undo"))
    page.select_option("#status-define-the-problem", label="Completed")
    page.wait_for_timeout(1300)
    outcome("import: the question", lambda: page.set_input_files("#aig-import-deployment-checklist", str(path)))
    outcome("import: merged", click("Merge with my answers"))
    bad = tmp_path / "bad.json"
    bad.write_text("not json")
    outcome("import: an unreadable file", lambda: page.set_input_files("#aig-import-deployment-checklist", str(bad)))
    outcome("new: the name question", lambda: manage(page, "New assessment"))
    outcome("new: an empty name", click("Create"))
    outcome("new: created", lambda: (page.locator("[data-aig-messages] input[type=text]").fill("Second"), click("Create")()))
    page.select_option("[data-aig-assess-select]", label="My assessment")
    outcome("switch", lambda: page.get_by_role("button", name="Switch", exact=True).click())
    outcome("delete: the question", lambda: manage(page, "Delete this assessment"))
    outcome("delete: done", click("Yes, delete it"))

    page.goto(base_url + "tools/benefits-planner/")
    page.check("#chosen-workforce-productivity")
    page.fill("#measure-workforce-productivity", "Hours of admin time per clinic")
    page.goto(base_url + "tools/business-case/")
    page.evaluate(COUNT)
    outcome("draft from my answers", lambda: page.get_by_role("button", name="Draft from my answers").click())
    print(json.dumps(counts, indent=1))
    many = {k: v for k, v in counts.items() if len(v) != 1}
    assert not many, many
