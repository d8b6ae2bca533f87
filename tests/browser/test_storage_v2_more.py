"""More of issue 7 in Chromium: a full storage on every tool page and on My progress
and the team view; axe (WCAG 2.2 A/AA) with two assessments and the export reminder
shown, light and dark; and screenshots of the assessment switcher, My progress and a
changed-guidance flag (in /tmp/shots/). The round trip of generated text up to each
form's limit is tests/js/round-trip.test.js (Node); the browser flow that types,
reloads, exports and imports is tests/browser/test_round_trip.py."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from browser.helpers import FILL, ITEMS, axe_light_and_dark, export_file, tool_key, without_rev
from browser.test_round_trip import FILL_STORAGE
from browser.test_storage_v2 import manage

SHOTS = Path("/tmp/shots")
PROGRESS = "tools/my-progress/"
TEAM = "tools/team-view/"

def open_tool(page, base_url, tool):
    page.goto(base_url + f"tools/{tool}/")
    page.locator(f"[data-aig-tool={tool}][data-aig-ready]").wait_for()


def exported_answers(download) -> dict:
    data = json.loads(Path(download.path()).read_text(encoding="utf-8"))
    return {t: r["answers"] for t, r in data["assessments"][0]["tools"].items()}


# ----------------------------------------------------------------- storage full
TOOL_PAGES = sorted(ITEMS)

CONTROLS = """item => Array.from(document.querySelectorAll('[data-aig-item="' + item + '"] [data-aig-field]'))
  .filter(e => e.closest('[data-aig-item]').getAttribute('data-aig-item') === item)
  .map(e => ({ id: e.id, type: e.type, name: e.name, value: e.value }))"""

ANSWERS = """items => Object.fromEntries(items.map(item => [item, Object.fromEntries(
  Array.from(document.querySelectorAll('[data-aig-item="' + item + '"] [data-aig-field]'))
    .filter(e => e.closest('[data-aig-item]').getAttribute('data-aig-item') === item)
    .map(e => [e.getAttribute('data-aig-field'), e.type === 'checkbox' ? e.checked : e.type === 'radio' ? (e.checked ? e.value : '') : e.value])
    .filter(([f, v]) => v !== '' && v !== false))]))"""


def use_items(page, items: list[str]) -> dict:
    """Answer every control of some items as a person would; returns the answers the
    form now holds, as the tool saves them ({item: {field: value}})."""
    for n, item in enumerate(items):
        radios_seen: dict[str, int] = {}
        for c in page.evaluate(CONTROLS, item):
            sel = "#" + c["id"]
            if c["type"] == "checkbox":
                page.check(sel)
            elif c["type"] == "radio":
                radios_seen[c["name"]] = radios_seen.get(c["name"], 0) + 1
                if radios_seen[c["name"]] == 2:
                    page.check(sel)
            elif c["type"].startswith("select"):
                page.select_option(sel, index=2)
            elif c["type"] == "date":
                page.fill(sel, "2027-03-31")
            else:
                page.fill(sel, f"typed while storage is full {n}: x<y & <b>bold</b> \U0001F469\u200D\u2695\uFE0F \u05E9\u05DC\u05D5\u05DD\n\tend")
    return page.evaluate(ANSWERS, items)


def storage_is_full_of_others_data(page, base_url):
    """None of this site's answers saved, and no room for them."""
    page.goto(base_url + "guide/")  # no tool script here, so nothing is written
    assert [k for k in page.evaluate("Object.keys(localStorage)") if "ai-guide" in k] == []
    assert page.evaluate("(() => { try { localStorage.setItem('one-more', 'x'); return true } catch (e) { return false } })()") is False


@pytest.fixture(scope="module")
def full_storage(module_browsing, base_url):
    """A browser whose storage for this site is already full of someone else's data,
    filled once for the module: the site can save nothing in it, so each test finds it
    as the last one did (checked after each)."""
    ctx = module_browsing.new()
    page = ctx.new_page()
    page.goto(base_url + "guide/")
    page.evaluate(FILL_STORAGE)
    storage_is_full_of_others_data(page, base_url)
    page.close()
    return ctx


@pytest.fixture
def full_page(full_storage, base_url):
    """A new tab in the browser whose storage is full."""
    page = full_storage.new_page()
    yield page
    page.close()
    check = full_storage.new_page()
    storage_is_full_of_others_data(check, base_url)
    check.close()


def cannot_save_alert(page):
    alert = page.get_by_role("alert").filter(has_text="cannot be saved")
    expect(alert).to_be_visible()
    expect(alert.get_by_role("button", name="Export answers now")).to_be_visible()
    return alert


@pytest.mark.xdist_group("full-storage")
@pytest.mark.parametrize("tool", TOOL_PAGES)
def test_storage_full_on_a_tool_page(full_page, base_url, tool):
    """Storage full before the first visit: the tool warns, works for the visit, and
    the warning's export button downloads what was typed."""
    page = full_page
    open_tool(page, base_url, tool)
    cannot_save_alert(page)
    before = page.locator("[data-aig-progress]").first.inner_text()
    items = page.locator(f"[data-aig-tool={tool}]").get_attribute("data-aig-ids").split()[:2]
    typed = use_items(page, items)
    assert all(typed.values()), typed
    # The tool keeps working for this visit: progress moves, and the answers are kept in memory.
    expect(page.locator("[data-aig-progress]").first).not_to_have_text(before)
    assert without_rev(page.evaluate("t => AIG.read(t).answers", tool)) == typed
    cannot_save_alert(page)
    dl = export_file(page, "Export answers now")
    assert without_rev(exported_answers(dl)[tool]) == typed
    assert dl.suggested_filename.endswith(f"-{tool}.json")


@pytest.mark.xdist_group("full-storage")
def test_storage_full_warning_stays_after_an_export(full_page, base_url):
    page = full_page
    open_tool(page, base_url, "deployment-checklist")
    typed = use_items(page, ["appoint-ai-lead"])
    cannot_save_alert(page)
    export_file(page, "Export answers now")
    # Answers typed after the export are not saved either, so the person must still be told.
    more = use_items(page, ["define-the-problem"])
    assert without_rev(page.evaluate("AIG.read('deployment-checklist').answers")) == {**typed, **more}
    cannot_save_alert(page)


@pytest.mark.xdist_group("full-storage")
def test_storage_full_on_my_progress(full_page, base_url):
    """Answers typed on a tool page with storage full, then My progress reached by
    instant navigation (the same visit): shown, exported, and every action still works."""
    page = full_page
    open_tool(page, base_url, "deployment-checklist")
    typed = use_items(page, ["appoint-ai-lead", "define-the-problem"])
    page.evaluate("window.__same_document = true")
    page.click("a.md-nav__link[href$='tools/my-progress/']")
    page.wait_for_url("**/tools/my-progress/")
    page.locator("[data-aig-page=my-progress][data-aig-ready]").wait_for()
    assert page.evaluate("window.__same_document") is True, "instant navigation was not used"
    cannot_save_alert(page)
    expect(page.locator("[data-aig-tool-row=deployment-checklist] [data-aig-progress]")).not_to_have_text("No answers yet")
    dl = export_file(page, "Export answers now")
    assert without_rev(exported_answers(dl)["deployment-checklist"]) == typed
    dl = export_file(page, "Export this assessment (JSON)")
    assert without_rev(exported_answers(dl)["deployment-checklist"]) == typed
    manage(page, "New assessment", "Radiology triage")
    expect(page.locator("[data-aig-assess-name]")).to_have_text("Radiology triage")
    expect(page.locator("[data-aig-assessment-rows] tr")).to_have_count(2)
    expect(page.locator("[data-aig-tool-row=deployment-checklist] [data-aig-progress]")).to_have_text("No answers yet")
    with page.expect_download() as every:
        page.get_by_role("button", name="Export every assessment (JSON)").click()
    data = json.loads(Path(every.value.path()).read_text(encoding="utf-8"))
    assert [a["name"] for a in data["assessments"]] == ["My assessment", "Radiology triage"]
    assert without_rev(data["assessments"][0]["tools"]["deployment-checklist"]["answers"]) == typed
    page.select_option("[data-aig-assess-select]", label="My assessment")
    page.get_by_role("button", name="Switch", exact=True).click()
    expect(page.locator("[data-aig-tool-row=deployment-checklist] [data-aig-progress]")).not_to_have_text("No answers yet")
    page.get_by_role("button", name="Reset all tools in this assessment").click()
    page.get_by_role("button", name="Yes, reset").click()
    expect(page.locator("[data-aig-tool-row=deployment-checklist] [data-aig-progress]")).to_have_text("No answers yet")
    page.get_by_role("button", name="Undo", exact=True).click()
    expect(page.locator("[data-aig-messages]")).to_contain_text("previous answers are back")
    expect(page.locator("[data-aig-tool-row=deployment-checklist] [data-aig-progress]")).not_to_have_text("No answers yet")
    assert without_rev(page.evaluate("AIG.read('deployment-checklist').answers")) == typed


@pytest.mark.xdist_group("full-storage")
def test_storage_full_on_my_progress_loaded_directly(full_page, base_url, tmp_path):
    """My progress opened with storage already full: it warns at once, imports a file
    for this visit, and exports it again."""
    page = full_page
    page.goto(base_url + PROGRESS)
    cannot_save_alert(page)
    answers = {"appoint-ai-lead": {"status": "completed", "notes": "imported <b>while</b> full & \U0001F600"}}
    path = tmp_path / "in.json"
    path.write_text(json.dumps({"format": "ai-guide-answers", "version": 2, "assessments": [{"name": "From a file", "tools": {
        "deployment-checklist": {"format": 2, "tool": "deployment-checklist", "answers": answers}}}]}), encoding="utf-8")
    page.set_input_files("#aig-import-all", str(path))
    expect(page.locator("[data-aig-messages]")).to_contain_text("Answers imported into")
    expect(page.locator("[data-aig-tool-row=deployment-checklist] [data-aig-progress]")).not_to_have_text("No answers yet")
    dl = export_file(page, "Export this assessment (JSON)")
    assert exported_answers(dl)["deployment-checklist"] == answers


@pytest.mark.xdist_group("full-storage")
def test_storage_full_on_the_team_view(full_page, base_url, tmp_path):
    """The team view saves nothing, so with storage full it simply works: no warning
    to give, colleagues' files and my own answers compared as usual."""
    page = full_page
    files = []
    for name, level, status in (("Alex (CCIO)", "2", "completed"), ("Sam (DPO)", "4", "in-progress")):
        p = tmp_path / f"{name.split()[0].lower()}.json"
        p.write_text(json.dumps({"format": "ai-guide-answers", "version": 2, "by": name, "assessments": [{"name": "Pilot", "tools": {
            "readiness-assessment": {"format": 2, "tool": "readiness-assessment", "answers": {"org-strategy": {"level": level}}},
            "deployment-checklist": {"format": 2, "tool": "deployment-checklist", "answers": {"appoint-ai-lead": {"status": status}}}}}]}))
        files.append(str(p))
    page.goto(base_url + TEAM)
    page.locator("[data-aig-page=team-view][data-aig-ready]").wait_for()
    page.set_input_files("#aig-team-files", files)
    people = page.locator("[data-aig-team-list] li")
    expect(people).to_have_count(2)
    expect(people.nth(0)).to_contain_text("Alex (CCIO)")
    expect(people.nth(1)).to_contain_text("Sam (DPO)")
    expect(page.locator("[data-aig-team-readiness] tr[data-aig-team-row=org-strategy] td[data-aig-median]")).to_have_text("3")
    row = page.locator("[data-aig-team-checklist] tr[data-aig-team-row=appoint-ai-lead]")
    expect(row.locator("[data-aig-status=completed]")).to_have_text("1")
    expect(row.locator("[data-aig-status=in-progress]")).to_have_text("1")
    page.check("#aig-team-mine")  # my answers, from this visit's memory
    expect(people).to_have_count(3)
    assert page.get_by_role("alert").count() == 0


# ----------------------------------------------------------------- axe, light and dark
# Changes in no export for 8 days (every assessment, or those with changes in no export).
REMIND = """every => { const k = window.__md_scope.pathname + 'ai-guide.v2.assessments'
  const ix = JSON.parse(localStorage.getItem(k)), then = new Date(Date.now() - 8 * 864e5).toISOString()
  ix.list.forEach(a => { if (every || a.unexportedSince) { a.unexportedSince = then; a.changed = then } })
  localStorage.setItem(k, JSON.stringify(ix)) }"""


@pytest.fixture(scope="module")
def two_assessments(module_browsing, base_url) -> dict:
    """Two assessments, an answer in each, and the export reminder due: made once for
    the module through the assessment bar, kept as a storage state."""
    page = module_browsing.new().new_page()
    open_tool(page, base_url, "deployment-checklist")
    page.select_option("#status-appoint-ai-lead", label="Completed")
    page.fill("#notes-appoint-ai-lead", "Dr Patel appointed (board minutes 12/3)")
    manage(page, "New assessment", "Radiology triage")
    expect(page.locator("[data-aig-assess-name]")).to_have_text("Radiology triage")
    page.select_option("#status-define-the-problem", label="In progress")
    page.evaluate(REMIND, True)
    page.reload()
    expect(page.locator("[data-aig-assess-reminder]")).to_be_visible()
    return page.context.storage_state()


@pytest.mark.xdist_group("two-assessments")
@pytest.mark.parametrize("where", TOOL_PAGES + ["my-progress"])
def test_axe_with_two_assessments_and_the_reminder(browsing, two_assessments, base_url, where):
    """Each tool page filled (FILL: every status, rating, indicator and box, one past its
    word guide) and My progress, with two assessments, the reminder, the assessment
    bar's menu open and the reset question showing: axe, light and dark. The same
    pages empty: test_every_page; at a phone's width: test_a11y_axe."""
    page = browsing.new(color_scheme="light", storage_state=two_assessments).new_page()
    page.goto(base_url + f"tools/{where}/")
    page.locator("[data-aig-ready]").first.wait_for()
    expect(page.locator("[data-aig-assess-reminder]")).to_be_visible()
    expect(page.locator("[data-aig-assess-select] option")).to_have_count(2)
    expect(page.locator("[data-aig-assess-select]")).to_be_visible()
    page.locator(".aig-assess__manage summary").click()
    expect(page.get_by_role("button", name="Delete this assessment")).to_be_visible()
    page.evaluate(FILL)
    page.get_by_role("button", name=re.compile("^Reset")).first.click()  # a message showing
    expect(page.get_by_role("button", name="Yes, reset")).to_be_visible()  # and focused
    page.mouse.move(0, 0)  # the pointer is not left on Reset (its hover colours are not this state)
    assert axe_light_and_dark(page) == []


# ----------------------------------------------------------------- screenshots
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshots_switcher_my_progress_and_changed_guidance(browsing, base_url, scheme):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = browsing.new(color_scheme=scheme).new_page()
    # Two assessments with answers, the first exported once.
    open_tool(page, base_url, "deployment-checklist")
    page.select_option("#status-appoint-ai-lead", label="Completed")
    page.fill("#notes-appoint-ai-lead", "Dr Patel appointed (board minutes 12/3)")
    page.goto(base_url + PROGRESS)
    export_file(page, "Export this assessment (JSON)")
    page.goto(base_url + "tools/deployment-checklist/")
    manage(page, "New assessment", "Radiology triage pilot")
    page.select_option("#status-define-the-problem", label="In progress")
    open_tool(page, base_url, "readiness-assessment")
    page.check("#level-org-strategy-3")
    page.evaluate(REMIND, False)

    # The switcher, open, on the deployment checklist.
    open_tool(page, base_url, "deployment-checklist")
    page.locator(".aig-assess__manage summary").click()
    bar = page.locator("[data-aig-assess]")
    expect(bar.get_by_role("button", name="Delete this assessment")).to_be_visible()
    expect(page.locator("[data-aig-assess-reminder]")).to_be_visible()
    bar.scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    page.screenshot(path=str(SHOTS / f"switcher-open-{scheme}.png"))
    bar.screenshot(path=str(SHOTS / f"switcher-open-{scheme}-close-up.png"))

    # My progress with two assessments.
    page.goto(base_url + PROGRESS)
    expect(page.locator("[data-aig-assessment-rows] tr")).to_have_count(2)
    expect(page.locator("[data-aig-persist]")).not_to_be_empty()
    page.wait_for_timeout(300)
    page.screenshot(path=str(SHOTS / f"my-progress-two-assessments-{scheme}.png"), full_page=True)

    # A changed-guidance flag: an answer given to an older revision of the point.
    open_tool(page, base_url, "deployment-checklist")
    old = {"format": 2, "tool": "deployment-checklist", "updated": "2026-10-01T09:00:00Z",
           "answers": {"appoint-ai-lead": {"status": "completed", "notes": "Answered before the guidance changed", "rev": "00000000"}}}
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [tool_key(page, "deployment-checklist"), json.dumps(old)])
    page.reload()
    item = page.locator("#item-appoint-ai-lead")
    expect(item.locator(".aig-changed")).to_contain_text("The guidance for this point changed after you answered")
    item.scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    item.screenshot(path=str(SHOTS / f"changed-guidance-{scheme}.png"))
