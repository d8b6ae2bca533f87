"""The checklist tools in Chromium: answers saved, restored, moved, protected."""
from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from browser.helpers import tool_key, without_rev, export_file, ITEMS, POINTS

KEY = "/ai-guide.v1."
CHECKLIST = "tools/deployment-checklist/"

N = POINTS["deployment-checklist"]  # the guide's 15 numbered points


def storage(page) -> dict:
    return page.evaluate("Object.fromEntries(Object.entries(localStorage))")


def saved(page, tool="deployment-checklist") -> dict:
    raw = storage(page).get(tool_key(page, tool))
    return without_rev(json.loads(raw)["answers"]) if raw else {}


def fill_item(page, item, status="Completed", notes=None, owner=None, due=None):
    page.select_option(f"#status-{item}", label=status)
    if notes is not None:
        page.fill(f"#notes-{item}", notes)
    if owner is not None:
        page.fill(f"#owner-{item}", owner)
    if due is not None:
        page.fill(f"#due-{item}", due)


def progress(page) -> str:
    return page.locator("[data-aig-progress]").first.inner_text()


def test_status_and_notes_survive_reload_and_instant_navigation(page, base_url):
    page.goto(base_url + CHECKLIST)
    assert progress(page) == f"0 of {N} completed"
    fill_item(page, "appoint-ai-lead", notes="Dr Patel appointed; see board minutes 12/3", owner="Chief Digital Officer",
              due="2026-12-31")
    fill_item(page, "define-the-problem", status="Not applicable")
    fill_item(page, "avoid-automated-high-risk", status="In progress")
    assert progress(page) == f"1 of {N - 1} completed (1 not applicable, left out)"
    assert saved(page)["appoint-ai-lead"] == {"status": "completed", "notes": "Dr Patel appointed; see board minutes 12/3",
                                              "owner": "Chief Digital Officer", "due": "2026-12-31"}
    assert page.locator("#item-appoint-ai-lead [data-aig-tag]").inner_text() == "Completed"

    page.reload()
    assert page.input_value("#status-appoint-ai-lead") == "completed"
    assert page.input_value("#notes-appoint-ai-lead") == "Dr Patel appointed; see board minutes 12/3"
    assert page.input_value("#due-appoint-ai-lead") == "2026-12-31"
    assert page.input_value("#status-avoid-automated-high-risk") == "in-progress"

    # Instant navigation: the page is swapped without a load, so a marker survives.
    page.evaluate("window.__same_document = true")
    page.click("a.md-nav__link[href$='tools/where-to-start/']")
    page.wait_for_url("**/tools/where-to-start/")
    page.locator("[data-aig-tool=where-to-start][data-aig-ready]").wait_for()
    page.select_option("#status-plot-the-journey", label="In progress")
    page.click("a.md-nav__link[href$='tools/deployment-checklist/']")
    page.wait_for_url("**/tools/deployment-checklist/")
    page.locator("[data-aig-tool=deployment-checklist][data-aig-ready]").wait_for()
    assert page.evaluate("window.__same_document") is True, "instant navigation was not used"
    assert page.input_value("#status-appoint-ai-lead") == "completed"
    assert page.input_value("#notes-appoint-ai-lead") == "Dr Patel appointed; see board minutes 12/3"
    assert progress(page) == f"1 of {N - 1} completed (1 not applicable, left out)"
    assert saved(page, "where-to-start") == {"plot-the-journey": {"status": "in-progress"}}


def test_two_tabs_stay_in_step(context, base_url):
    a, b = context.new_page(), context.new_page()
    for p in (a, b):
        p.goto(base_url + CHECKLIST)
    fill_item(a, "business-case", status="In progress", notes="Drafting with finance")
    expect(b.locator('#notes-business-case')).to_have_value('Drafting with finance')
    assert b.input_value("#status-business-case") == "in-progress"
    assert f"0 of {N}" in progress(b)


def test_unreadable_saved_data_is_kept_aside_and_the_user_told(page, base_url):
    page.goto(base_url + CHECKLIST)
    page.evaluate(f"localStorage.setItem('{tool_key(page, 'deployment-checklist')}', '{{not json')")
    page.reload()
    message = page.locator("[data-aig-messages]").inner_text()
    assert "could not be read" in message and "Nothing was deleted" in message
    assert page.input_value("#status-appoint-ai-lead") == "not-started"
    kept = {k: v for k, v in storage(page).items() if ".unreadable-" in k}
    assert list(kept.values()) == ["{not json"]
    # Wrong shape (valid JSON) is treated the same way.
    page.evaluate(f"localStorage.setItem('{tool_key(page, 'where-to-start')}', JSON.stringify({{format: 1, answers: 'oops'}}))")
    page.goto(base_url + "tools/where-to-start/")
    assert "could not be read" in page.locator("[data-aig-messages]").inner_text()
    # My progress, the first page to read it, tells the user too.
    page.evaluate(f"localStorage.setItem('{tool_key(page, 'principles-self-check')}', '[1, 2')")
    page.goto(base_url + "tools/my-progress/")
    assert "10 principles self-check could not be read" in page.locator("[data-aig-messages] [role=alert]").inner_text()
    assert "[1, 2" in storage(page).values()
    # The tool still saves normally afterwards.
    page.goto(base_url + "tools/where-to-start/")
    page.select_option("#status-plot-the-journey", label="Completed")
    assert saved(page, "where-to-start") == {"plot-the-journey": {"status": "completed"}}


def test_removed_item_answer_survives_content_change(page, base_url):
    page.goto(base_url + CHECKLIST)
    old = {"format": 1, "tool": "deployment-checklist", "updated": "2026-01-01T00:00:00.000Z",
           "answers": {"retired-point": {"status": "completed", "notes": "From an older version"},
                       "appoint-ai-lead": {"status": "in-progress"}}}
    page.evaluate(f"localStorage.setItem('{tool_key(page, 'deployment-checklist')}', {json.dumps(json.dumps(old))})")
    page.reload()
    fill_item(page, "appoint-ai-lead", status="Completed")
    assert saved(page)["retired-point"] == {"status": "completed", "notes": "From an older version"}
    page.goto(base_url + "tools/my-progress/")
    orphans = page.locator("[data-aig-orphans]")
    assert orphans.is_visible()
    assert "retired-point" in orphans.inner_text() and "no longer in the guide" in orphans.inner_text()
    dl = export_file(page, "Export this assessment (JSON)")
    data = json.loads(open(dl.path()).read())
    assert data["assessments"][0]["tools"]["deployment-checklist"]["answers"]["retired-point"]["notes"] == "From an older version"


def test_export_then_import_into_a_fresh_browser_restores_everything(browsing, page, base_url, tmp_path):
    page.goto(base_url + CHECKLIST)
    fill_item(page, "appoint-ai-lead", notes="Named lead: CCIO", owner="CCIO", due="2027-01-15")
    fill_item(page, "monitor-continuously", status="In progress", notes="Monthly review")
    page.goto(base_url + "tools/risk-assurance/")
    fill_item(page, "dpia", status="Completed", notes="DPIA signed off by the DPO")
    page.goto(base_url + "tools/my-progress/")
    assert f"1 of {N} completed" in page.locator("[data-aig-tool-row=deployment-checklist]").inner_text()
    dl = export_file(page, "Export this assessment (JSON)")
    path = tmp_path / "answers.json"
    dl.save_as(path)
    exported = json.loads(path.read_text())
    assert exported["format"] == "ai-guide-answers" and exported["version"] == 2 and exported["by"] == "Tester"
    assert exported["site_version"] == "1.0.0" and exported["exported"]
    assert exported["assessments"][0]["name"] == "My assessment"
    before = {t: without_rev(r["answers"]) for t, r in exported["assessments"][0]["tools"].items()}

    other = browsing.new().new_page()
    other.goto(base_url + "tools/my-progress/")
    other.set_input_files("#aig-import-all", str(path))
    # An empty browser has nothing to merge with: the answers come in at once, with Undo.
    assert "Answers imported into" in other.locator("[data-aig-messages] .aig-msg").inner_text()
    assert other.evaluate("document.activeElement.textContent") == "Undo"
    after = {t: saved(other, t) for t in before}
    assert after == before
    other.goto(base_url + CHECKLIST)
    assert other.input_value("#notes-appoint-ai-lead") == "Named lead: CCIO"
    assert other.input_value("#due-appoint-ai-lead") == "2027-01-15"
    assert other.input_value("#status-monitor-continuously") == "in-progress"
    # Undo brings back the state before the import (empty here).
    other.goto(base_url + "tools/my-progress/")
    other.goto(base_url + CHECKLIST)
    fill_item(other, "appoint-ai-lead", notes="changed here")
    other.goto(base_url + "tools/my-progress/")
    other.set_input_files("#aig-import-all", str(path))
    summary = other.locator("[data-aig-messages] .aig-msg").inner_text()
    assert "Deployment checklist: 0 new, 1 changed" in summary and "Risk and assurance checklist: 0 new, 0 changed" in summary
    other.get_by_role("button", name="Replace my answers").click()
    assert saved(other) == before["deployment-checklist"]
    other.get_by_role("button", name="Undo", exact=True).click()
    assert saved(other)["appoint-ai-lead"]["notes"] == "changed here"


def test_undo_after_import_restores_previous_answers(page, base_url, tmp_path):
    page.goto(base_url + CHECKLIST)
    fill_item(page, "appoint-ai-lead", notes="mine")
    theirs = {"format": "ai-guide-answers", "version": 1, "exported": "2026-11-01T10:00:00Z", "site_version": "1.0.0",
              "tools": {"deployment-checklist": {"format": 1, "tool": "deployment-checklist", "updated": "2026-11-01T10:00:00Z",
                                                 "answers": {"appoint-ai-lead": {"status": "in-progress", "notes": "theirs"}}}}}
    path = tmp_path / "theirs.json"
    path.write_text(json.dumps(theirs))
    page.set_input_files("#aig-import-deployment-checklist", str(path))
    assert "1 changed" in page.locator("[data-aig-messages] .aig-msg").inner_text()
    page.get_by_role("button", name="Replace my answers").click()
    assert page.input_value("#notes-appoint-ai-lead") == "theirs"
    page.get_by_role("button", name="Undo", exact=True).click()
    assert page.input_value("#notes-appoint-ai-lead") == "mine"
    assert saved(page)["appoint-ai-lead"] == {"status": "completed", "notes": "mine"}


HOSTILE = {
    "invalid JSON": ("bad.json", b"{ this is not json", "not a JSON export"),
    "wrong shape": ("shape.json", json.dumps({"format": "ai-guide-answers", "version": 1, "tools": {
        "deployment-checklist": {"format": 1, "tool": "deployment-checklist", "answers": ["a", "b"]}}}).encode(),
                    "not a valid export"),
    "eleven megabytes": ("big.json", b'{"format":"ai-guide-answers","pad":"' + b"x" * (11 * 1024 * 1024) + b'"}',
                         "larger than 10 MB"),
    "newer format": ("newer.json", json.dumps({"format": "ai-guide-answers", "version": 99, "tools": {}}).encode(),
                     "newer version of this site"),
}
# Keys that would reach Object.prototype if assigned: refused, and nothing polluted.
PROTO = ('{"format":"ai-guide-answers","version":2,"assessments":[{"name":"x","tools":{"deployment-checklist":'
         '{"format":2,"tool":"deployment-checklist","answers":{"appoint-ai-lead":{"notes":"y"},'
         '"__proto__":{"polluted":true}}}}}]}')
HOSTILE["__proto__ key"] = ("proto.json", PROTO.encode(), "__proto__")
HOSTILE["constructor key"] = ("ctor.json", PROTO.replace("__proto__", "constructor").encode(), "__proto__")


@pytest.fixture(scope="module")
def answered_page(module_browsing, base_url):
    """One page for the hostile files, with an answer typed that they must leave alone."""
    page = module_browsing.new().new_page()
    page.goto(base_url + CHECKLIST)
    fill_item(page, "appoint-ai-lead", notes="keep me")
    page.locator("#notes-appoint-ai-lead").blur()
    return page


@pytest.mark.xdist_group("hostile-imports")  # one worker, one page
@pytest.mark.parametrize("case", HOSTILE)
def test_hostile_import_changes_nothing_and_runs_nothing(answered_page, base_url, tmp_path, case):
    name, body, expected = HOSTILE[case]
    page = answered_page
    page.goto(base_url + CHECKLIST)
    before = storage(page)
    path = tmp_path / name
    path.write_bytes(body)
    for url, input_id in ((CHECKLIST, "#aig-import-deployment-checklist"), ("tools/my-progress/", "#aig-import-all")):
        page.goto(base_url + url)
        page.set_input_files(input_id, str(path))
        message = page.locator("[data-aig-messages] .aig-msg--error")  # focused: after a person's action
        message.wait_for()
        expect(message).to_be_focused()
        assert expected in message.inner_text()
        assert page.locator("[data-aig-messages] button").count() == 0, "no way to apply a refused file"
        assert storage(page) == before
        assert page.evaluate("window.__pwned") is None and page.evaluate("({}).polluted") is None
        assert page.locator("img[src=x]").count() == 0
    page.goto(base_url + CHECKLIST)
    assert page.input_value("#notes-appoint-ai-lead") == "keep me"


def test_reset_asks_first_and_can_be_undone(page, base_url):
    page.goto(base_url + CHECKLIST)
    fill_item(page, "appoint-ai-lead", notes="important")
    page.get_by_role("button", name="Reset this tool").click()
    assert "Are you sure" in page.locator("[data-aig-messages]").inner_text()
    page.get_by_role("button", name="Cancel", exact=True).click()
    assert saved(page)["appoint-ai-lead"]["notes"] == "important"
    page.get_by_role("button", name="Reset this tool").click()
    page.get_by_role("button", name="Yes, reset").click()
    assert saved(page) == {}
    assert page.input_value("#notes-appoint-ai-lead") == ""
    page.get_by_role("button", name="Undo", exact=True).click()
    assert page.input_value("#notes-appoint-ai-lead") == "important"


def test_csv_export(page, base_url):
    page.goto(base_url + CHECKLIST)
    fill_item(page, "appoint-ai-lead", notes='Says "yes", then =SUM(1)', owner="=HYPERLINK()")
    with page.expect_download() as dl:
        page.get_by_role("button", name="Export checklist (CSV)").click()
    text = open(dl.value.path(), encoding="utf-8-sig", newline="").read()
    lines = text.strip().split("\r\n")
    assert lines[0] == '"id","item","status","owner","target date","notes","in the guide"'
    assert len(lines) == 1 + ITEMS["deployment-checklist"]
    assert lines[1].startswith('"appoint-ai-lead","1. Appoint an AI lead","Completed","\'=HYPERLINK()"')
    assert '"Says ""yes"", then =SUM(1)"' in lines[1]


def test_javascript_off_shows_every_item_and_prints_empty_boxes(browsing, base_url):
    page = browsing.new(java_script_enabled=False).new_page()
    page.goto(base_url + CHECKLIST)
    assert page.locator("[data-aig-item]").count() == ITEMS["deployment-checklist"]
    assert page.locator(".aig-nojs").is_visible()
    assert not page.locator("[data-aig-bar]").is_visible()
    assert "Appoint an AI lead" in page.inner_text("article")
    page.emulate_media(media="print")
    assert page.locator(".aig-paper").first.is_visible()
    assert "Not started" in page.locator(".aig-paper").first.inner_text()
    assert page.locator("#notes-appoint-ai-lead").is_visible()
    assert not page.locator("#status-appoint-ai-lead").is_visible()


def test_print_shows_answers_not_controls(page, base_url):
    page.goto(base_url + CHECKLIST)
    fill_item(page, "appoint-ai-lead", notes="Board approved", owner="CCIO")
    page.emulate_media(media="print")
    item = page.locator("#item-appoint-ai-lead")
    assert not page.locator("#status-appoint-ai-lead").is_visible()
    assert not page.locator("#notes-appoint-ai-lead").is_visible()
    printed = item.locator(".aig-print:visible").all_inner_texts()
    assert "Completed" in printed and "Board approved" in printed and "CCIO" in printed
    assert not page.locator("[data-aig-bar]").is_visible()
    assert not page.locator(".aig-paper").first.is_visible()


def test_storage_full_keeps_working_and_offers_export(page, base_url):
    page.goto(base_url + CHECKLIST)
    # Fill this origin's storage to its quota with someone else's data.
    page.evaluate("""() => {
        let chunk = 'x'.repeat(1 << 20), i = 0
        while (chunk.length) {
            try { localStorage.setItem('filler-' + i++, chunk) } catch (e) { chunk = chunk.slice(0, chunk.length >> 1) }
        }
    }""")
    fill_item(page, "appoint-ai-lead", notes="too big to save " * 2000)
    alert = page.locator("[data-aig-messages] [role=alert]")
    assert "cannot be saved" in alert.inner_text()
    assert alert.get_by_role("button", name="Export answers now").is_visible()
    # The tool still works for this visit: progress and other items respond.
    fill_item(page, "define-the-problem")
    assert progress(page) == f"2 of {N} completed"
    page.goto(base_url + "tools/my-progress/")  # no script error elsewhere either


# Elements whose icon (a CSS mask) is a data: URL, which the CSP blocks.
ICON_FROM_DATA = """() => [...document.querySelectorAll('*')].flatMap(e => [null, '::before', '::after'].map(p =>
  getComputedStyle(e, p).maskImage)).filter(v => v && v.includes('data:')).length"""


@pytest.mark.parametrize("tool,items", sorted(ITEMS.items()))
def test_every_tool_reads_and_prints_with_javascript_off(browsing, base_url, tool, items):
    page = browsing.new(java_script_enabled=False).new_page()
    page.goto(base_url + f"tools/{tool}/")
    assert page.locator("[data-aig-item]").count() == items
    assert page.locator(".aig-nojs").is_visible()
    assert not page.locator("[data-aig-bar]").is_visible()
    page.emulate_media(media="print")
    assert page.locator(".aig-tool :is(textarea, input[type=text])").first.is_visible(), "an empty box to write in"
    # With scripts off nothing holds the parser, so on a busy machine Chromium can style
    # the page while site.css (which points Material's icons at files) is still on its
    # way, and asks for one of Material's data: icons, which the CSP blocks. Once site.css
    # is in, every icon is a file; with scripts on, theme.js holds the parser until then.
    browsing.watch.forgive(r"^console: Loading the image 'data:image/svg\+xml.*img-src")
    assert not page.evaluate(ICON_FROM_DATA), "icons still drawn from data: URLs"


def test_a_saved_status_the_page_does_not_offer_breaks_nothing(page, base_url):
    page.goto(base_url + CHECKLIST)
    odd = {"format": 1, "tool": "deployment-checklist", "updated": "2026-01-01T00:00:00.000Z",
           "answers": {"appoint-ai-lead": {"status": "waiting-for-board", "notes": "kept"}}}
    page.evaluate(f"localStorage.setItem('{tool_key(page, 'deployment-checklist')}', {json.dumps(json.dumps(odd))})")
    page.reload()
    assert page.input_value("#notes-appoint-ai-lead") == "kept"
    page.emulate_media(media="print")
    assert "waiting-for-board" in page.locator("#item-appoint-ai-lead .aig-print").all_inner_texts()


def test_the_guides_15_points_stay_15_and_every_saved_answer_is_kept(page, base_url):
    page.goto(base_url + CHECKLIST)
    ids = page.get_attribute("[data-aig-tool]", "data-aig-ids").split()
    assert len(ids) == ITEMS["deployment-checklist"] > N == 15
    # The two unnumbered points sit under the points they belong to.
    assert page.locator("[data-aig-item] [data-aig-item]").count() == len(ids) - N
    record = {"format": 1, "tool": "deployment-checklist", "updated": "2026-11-01T00:00:00Z",
              "answers": {i: {"status": "completed", "notes": f"note on {i}"} for i in ids}}
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [tool_key(page, "deployment-checklist"), json.dumps(record)])
    page.reload()
    assert f"{N} points" in page.inner_text("article")
    assert progress(page) == f"{N} of {N} completed"
    for i in ids:
        assert page.input_value(f"#notes-{i}") == f"note on {i}"
    page.goto(base_url + "tools/my-progress/")
    expect(page.locator("[data-aig-tool-row=deployment-checklist]")).to_contain_text(f"{N} of {N} completed")
