"""More of issue 7 in Chromium: a property-style round trip of generated text through
type, reload, export, import into a fresh browser and export again; a full storage
on every tool page and on My progress and the team view; axe (WCAG 2.2 A/AA) with
two assessments and the export reminder shown, light and dark; and screenshots of
the assessment switcher, My progress and a changed-guidance flag (in /tmp/shots/)."""
from __future__ import annotations

import json
import random
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

# ----------------------------------------------------------------- generated text
# Every class of text issue 7 names. Each string is what a person could type or paste.
PIECES = {
    "markup": ["<b>", "</b>", "x<y", "a > b", "</textarea>", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
               "<!-- note -->", "<![CDATA[", "]]>", "{{ page.title }}", "${x}", "<p class=\"x\">", "<"],
    "amp": ["&", "&amp;", "&lt;b&gt;", "&#x3C;", "AT&T", "&nbsp;", "R&D", "&&"],
    "quotes": ['"', "'", "`", "\u201cquoted\u201d", "\u2018it\u2019s\u2019", '\\"', "\\", "\\n", "''", '""'],
    "emoji": ["\U0001F600", "\U0001F469\u200D\u2695\uFE0F", "\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466",
              "\U0001F1EC\U0001F1E7", "\U0001F1FA\U0001F1E6", "\U0001F3F4\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F",
              "\U0001F44D\U0001F3FD", "\u2764\uFE0F", "\U0001F9D1\U0001F3FF\u200D\U0001F4BB", "\U0001F3E5"],
    "rtl": ["\u0645\u0631\u062D\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645", "\u0627\u0644\u0633\u062C\u0644 \u0627\u0644\u0635\u062D\u064A",
            "\u05E9\u05DC\u05D5\u05DD \u05E2\u05D5\u05DC\u05DD", "\u05D1\u05D9\u05EA \u05D7\u05D5\u05DC\u05D9\u05DD", "\u200FRLM\u200F",
            "\u202Eoverride\u202C", "NHS \u0645\u0631\u062D\u0628\u0627 123"],
    "newline": ["\n", "\r\n", "\n\n", "\r", "\r\n\r\n"],
    "tab": ["\t", "\t\t", " \t "],
    "space": [" ", "   ", "\u00A0", "\u2003", "\u200B"],
    "other": ["\u00E9", "e\u0301", "\u00DF", "\u03A9", "\u4E2D\u6587", "\u65E5\u672C\u8A9E", "\uFEFF", "\u2028", "\u2029",
              "\U0001D518\U0001D52B\U0001D526", "\u00A31,000", "\u20AC", "\u00BD", "\u0000", "\u0001", "\u001F"],
}
CLASSES = sorted(PIECES)
# Pieces the round trip must have carried, whatever the random choices.
MUST = ["<b>", "x<y", "</textarea>", "<script>", "&", '"', "'", "\U0001F469\u200D\u2695\uFE0F",
        "\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466", "\U0001F1EC\U0001F1E7",
        "\U0001F3F4\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F",
        "\u0645\u0631\u062D\u0628\u0627", "\u05E9\u05DC\u05D5\u05DD", "\n", "\t", "e\u0301"]
WORDS = "the AI lead agreed a pilot with the CCIO and the DPO after the board met on Tuesday".split()


def units(s: str) -> int:
    """A string's length as the browser counts it (UTF-16 code units), as maxlength does."""
    return len(s.encode("utf-16-le")) // 2


def generated(rng: random.Random, length: int, focus: str | None = None, breaks: int = 40) -> str:
    """A string of exactly `length` UTF-16 units mixing every class of text (mostly
    `focus`, if given), never splitting a character. At most `breaks` line breaks:
    Chromium types each one as an editing command that lays out the whole box again,
    so a 50,000-character note broken every line would take minutes to type."""
    out, n = [], 0
    while n < length:
        cls = focus if focus and rng.random() < 0.6 else rng.choice(CLASSES + ["words"])
        if cls == "newline" and breaks <= 0:
            cls = "words"
        breaks -= cls == "newline"
        piece = " ".join(rng.choices(WORDS, k=rng.randint(1, 6))) if cls == "words" else rng.choice(PIECES[cls])
        out.append(piece)
        n += units(piece)
    s = "".join(out)
    while units(s) > length:
        s = s[:-1]
    return s + "." * (length - units(s))


def values_for(rng: random.Random, fields: list[dict], second: int) -> list[str]:
    """One generated string per field. Of each kind of control (textarea, text box) in
    a tool, the first is filled to the limit exactly, the second goes past it (the
    form cuts it), or ends in a character cluster across the limit, or is as long as
    the old 20,000 limit (a textarea takes only the case `second` names, to keep the
    test quick); then spaces around a string and spaces alone; then strings focused on
    each class in turn, some of them long."""
    seen: dict[str, int] = {}
    out = []
    for f in fields:
        i = seen[f["tag"]] = seen.get(f["tag"], -1) + 1
        limit = f["max"]
        if i == 1 and f["tag"] == "textarea":
            i = second
        elif 1 <= i <= 3 and f["tag"] == "textarea":
            i = 6 + i
        if i == 0:
            v = generated(rng, limit)
        elif i == 1:
            v = generated(rng, limit + 37)
        elif i == 2:
            v = generated(rng, limit - 1) + "\U0001F469\u200D\u2695\uFE0F"
        elif i == 3:
            v = generated(rng, 20001 if limit > 20001 else limit - 1)
        elif i == 4:
            v = "  \t" + generated(rng, rng.randint(5, 60)) + " \t  "
        elif i == 5:
            v = " \t "
        else:
            focus = CLASSES[i % len(CLASSES)]
            size = rng.randint(1000, 3000) if limit > 3000 and i % 5 == 0 else rng.randint(1, min(limit, 300))
            v = generated(rng, size, focus)
            if rng.random() < 0.3:
                v = " " + v + "  "
        out.append(v)
    return out


def accepted_as(typed: str, tag: str) -> str:
    """What a form control holds after typing, before its length limit: a textarea
    normalises line breaks to \\n; a text box keeps one line (Chromium drops line
    breaks at the end of the typed text and types the others as spaces)."""
    if tag == "textarea":
        return typed.replace("\r\n", "\n").replace("\r", "\n")
    return typed.rstrip("\r\n").replace("\r\n", " ").replace("\r", " ").replace("\n", " ")


TEXT_FIELDS = """Array.from(document.querySelectorAll(
    '[data-aig-tool] textarea[data-aig-field], [data-aig-tool] input[type=text][data-aig-field]')).map(e => ({
  id: e.id, item: e.closest('[data-aig-item]').getAttribute('data-aig-item'), field: e.getAttribute('data-aig-field'),
  tag: e.tagName.toLowerCase(), max: e.maxLength, value: e.value }))"""

# Each tool with text and the case its second textarea takes (see values_for).
TEXT_TOOLS = {"deployment-checklist": 1, "readiness-assessment": 2, "benefits-planner": 0, "business-case": 3}


def open_tool(page, base_url, tool):
    page.goto(base_url + f"tools/{tool}/")
    page.locator(f"[data-aig-tool={tool}][data-aig-ready]").wait_for()


def form_values(page) -> dict:
    return {f["id"]: f["value"] for f in page.evaluate(TEXT_FIELDS)}


def exported_answers(download) -> dict:
    data = json.loads(Path(download.path()).read_text(encoding="utf-8"))
    return {t: r["answers"] for t, r in data["assessments"][0]["tools"].items()}


@pytest.mark.slow
def test_generated_text_round_trips_exactly(browsing, page, base_url, tmp_path):
    rng = random.Random(7)  # issue 7: the same strings on every run
    accepted: dict[str, dict[str, str]] = {}   # tool -> {control id: what the form accepted}
    where: dict[str, tuple[str, str]] = {}      # control id -> (item, field)
    count = 0
    for tool, second in TEXT_TOOLS.items():
        open_tool(page, base_url, tool)
        fields = page.evaluate(TEXT_FIELDS)
        assert fields and all(f["max"] > 0 for f in fields), f"{tool}: every text control has a maxlength"
        if tool == "benefits-planner":  # every other indicator; its fields show once it is chosen
            chosen = sorted({f["item"] for f in fields})[::2]
            for item in chosen:
                page.check(f"#chosen-{item}")
            fields = [f for f in fields if f["item"] in chosen]
        typed = dict(zip((f["id"] for f in fields), values_for(rng, fields, second)))
        for cid, v in typed.items():
            page.fill("#" + cid, v)
        accepted[tool] = {f["id"]: f["value"] for f in page.evaluate(TEXT_FIELDS) if f["id"] in typed}
        for f in fields:
            # The form took what was typed, up to its limit, without splitting a character.
            got, want = accepted[tool][f["id"]], accepted_as(typed[f["id"]], f["tag"])
            why = (f["id"], units(got), units(want), f["max"])
            assert units(got) <= f["max"] and want.startswith(got), why
            assert got == want if units(want) <= f["max"] else units(got) >= f["max"] - 7, why
            where[f["id"]] = (f["item"], f["field"])
        count += len(fields)
        # Saved exactly as typed...
        saved = json.loads(page.evaluate("k => localStorage.getItem(k)", tool_key(page, tool)))["answers"]
        for cid, v in accepted[tool].items():
            item, field = where[cid]
            assert saved.get(item, {}).get(field, "") == v, cid  # a box left empty is not saved
        # ...and restored exactly on the next visit, with nothing set aside.
        page.reload()
        page.locator(f"[data-aig-tool={tool}][data-aig-ready]").wait_for()
        assert {k: v for k, v in form_values(page).items() if k in typed} == accepted[tool], tool
        assert page.locator("[data-aig-messages] [role=alert]").count() == 0
    assert count >= 100, count
    lengths = [units(v) for vs in accepted.values() for v in vs.values()]
    assert max(lengths) == 50000 and lengths.count(500) >= 3
    # Every class of text went through the forms.
    everything = "".join(v for vs in accepted.values() for v in vs.values())
    for cls, pieces in PIECES.items():
        assert any(accepted_as(p, "textarea") in everything for p in pieces), cls
    for sample in MUST:
        assert sample in everything, sample

    page.goto(base_url + PROGRESS)
    first = export_file(page, "Export this assessment (JSON)")
    mine = exported_answers(first)
    path = tmp_path / "first.json"
    first.save_as(path)
    for tool, values in accepted.items():
        for cid, v in values.items():
            item, field = where[cid]
            assert mine[tool].get(item, {}).get(field, "") == v, cid

    other = browsing.new().new_page()
    other.goto(base_url + PROGRESS)
    other.set_input_files("#aig-import-all", str(path))  # an empty browser: no choice to make
    message = other.locator("[data-aig-messages] .aig-msg")
    expect(message).to_contain_text("Answers imported into")
    expect(message).not_to_contain_text("could not be read")
    for tool in TEXT_TOOLS:
        open_tool(other, base_url, tool)
        assert {k: v for k, v in form_values(other).items() if k in accepted[tool]} == accepted[tool], tool
    other.goto(base_url + PROGRESS)
    again = exported_answers(export_file(other, "Export this assessment (JSON)"))
    assert again == mine


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
