"""The board pack (issue 8, part 2; issue 17, point 3): every tool of the current
assessment on one page, printed by Chromium to an A4 PDF (sections flowing, a long one
starting a page; the assessment's name, the date and "Page N of M" on every page; no
section for a tool with no answers, no page with only a heading or a line or two) and
downloaded as one Word document with the same sections and real tables; axe-clean."""
from __future__ import annotations

import io
import json
import re
import zipfile
from datetime import date

import pytest
from docx import Document
from docx.oxml.ns import qn
from playwright.sync_api import expect

from browser.helpers import IDS, LOW_READINESS, axe_violations, libreoffice_pages, printed, seed

# One worker builds this module's answered states (xdist --dist loadgroup).
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("board-pack")]

PACK = "tools/board-pack/"
MARKUP = "<b>bold?</b> x<y & \"quotes\" 'apos' \U0001F600"
SECTIONS = ["Summary", "Readiness self-assessment", "Deployment checklist", "First steps to build confidence", "Benefits plan",
            "Risk and assurance checklist", "10 principles self-check", "One-page business case"]
TODAY = f"{date.today().day} {date.today():%B %Y}"


def uk(iso: str) -> str:
    d = date.fromisoformat(iso)
    return f"{d.day} {d:%B %Y}"


# Every tool answered: what is typed, by tool, and where it should come out.
CHECKLIST = {"appoint-ai-lead": ("completed", "Chief Clinical Information Officer", "2026-01-31", MARKUP + "\nSecond line"),
             "define-the-problem": ("in-progress", "=SUM(A1)", "2020-03-31", "Waits are 14 weeks & rising")}
READINESS = {"data-accuracy": "1", "data-consistency": "2", "infra-hardware": "4", "org-culture": "unknown"}
BENEFIT = {"measure": "Hours of admin <per clinic>", "baseline": "6 hours", "target": "3 hours", "due": "2027-06-30",
           "owner": "Service manager"}
CASE = {"case-title": "AI triage <pilot>", "organisation": "NHS Example Trust & partners", "case-date": "2026-12-03",
        "problem": "Patients wait 14 weeks.\nUrgent cases are missed.", "benefits": MARKUP}


def fill_checklist(page, base_url, tool, answers):
    page.goto(base_url + f"tools/{tool}/")
    for item, (status, owner, due, notes) in answers.items():
        page.select_option(f"#status-{item}", status)
        page.fill(f"#owner-{item}", owner)
        page.fill(f"#due-{item}", due)
        page.fill(f"#notes-{item}", notes)


def fill_one(page, base_url):
    fill_checklist(page, base_url, "deployment-checklist", CHECKLIST)


def fill_every(page, base_url):
    fill_one(page, base_url)
    page.goto(base_url + "tools/readiness-assessment/")
    for comp, level in READINESS.items():
        page.check(f"#level-{comp}-{level}")
    page.fill("#notes-data-accuracy", MARKUP)
    fill_checklist(page, base_url, "where-to-start", {"plot-the-journey": ("in-progress", "AI lead", "2027-01-15", "Draft")})
    page.goto(base_url + "tools/benefits-planner/")
    page.check("#chosen-workforce-productivity")
    for field, value in BENEFIT.items():
        page.fill(f"#{field}-workforce-productivity", value)
    fill_checklist(page, base_url, "risk-assurance", {"dpia": ("in-progress", "DPO", "2027-02-01", "DPO reviewing draft DPIA")})
    fill_checklist(page, base_url, "principles-self-check",
                   {"start-with-a-problem": ("completed", "Board", "2026-10-01", "Problem agreed")})
    page.goto(base_url + "tools/business-case/")
    for field, value in CASE.items():
        page.fill(f"#case-{field}", value)


# A typical AI lead (issue 17): readiness rated, three benefits planned, six deployment
# checklist points under way, and the business case drafted from them with its cover.
TYPICAL = {
    "readiness-assessment": {c: {"level": "23232123342232"[n % 14], **({"notes": "Board minutes of 12 March"} if n % 4 == 0 else {})}
                             for n, c in enumerate(IDS["readiness-assessment"])},
    "benefits-planner": {i: LOW_READINESS["benefits-planner"][i]
                         for i in ("workforce-productivity", "improved-patient-experience", "clinical-risk-reduction")},
    "deployment-checklist": {i: {"status": s, "owner": "AI lead", "due": "2027-03-31", "notes": "Agreed at the programme board"}
                             for i, s in zip(IDS["deployment-checklist"], ["completed", "completed", "in-progress",
                                                                            "in-progress", "not-started", "in-progress"])},
}
COVER = {"case-title": "AI triage of dermatology referrals", "organisation": "NHS Example Trust", "author": "A. Lead, AI lead",
         "case-date": "2026-12-10", "decision-sought": "Approve a six-month pilot, funded from the digital budget."}
WORDS = "The service team agreed this with the clinical safety officer and will review it at the next programme board".split()


def text(n):
    return " ".join((WORDS * 10)[:n])


# Every item of every tool answered, every box of the case at its word guide.
EVERYTHING = {
    **{t: {i: {"status": ["completed", "in-progress", "not-started", "not-applicable"][n % 4], "owner": "AI lead",
               "due": "2027-03-31", "notes": text(15)} for n, i in enumerate(IDS[t])}
       for t in ("deployment-checklist", "where-to-start", "risk-assurance", "principles-self-check")},
    "readiness-assessment": {c: {"level": str(1 + n % 5), "notes": text(12)} for n, c in enumerate(IDS["readiness-assessment"])},
    "benefits-planner": {i: LOW_READINESS["benefits-planner"]["workforce-productivity"] for i in IDS["benefits-planner"]},
}


def fill_typical(page, base_url):
    page.goto(base_url + "tools/business-case/")
    seed(page, TYPICAL)
    page.reload()
    page.get_by_role("button", name="Draft from my answers").click()
    expect(page.locator("[data-aig-messages]")).to_contain_text("Filled from your answers")
    for field, value in COVER.items():
        page.fill(f"#case-{field}", value)


def fill_everything(page, base_url):
    page.goto(base_url + "tools/business-case/")
    words = dict(page.locator("textarea[data-aig-words]").evaluate_all(
        "els => els.map(e => [e.closest('[data-aig-item]').dataset.aigItem, +e.dataset.aigWords])"))
    seed(page, {**EVERYTHING, "business-case": {**{i: {"text": text(n)} for i, n in words.items()},
                                                **{f: {"text": v} for f, v in COVER.items()}}})


@pytest.fixture(scope="module")
def answered(module_browsing, base_url) -> dict:
    """This site's storage with one tool answered, every tool answered, a typical AI
    lead's answers and everything answered, each made once for the module (typed
    through the forms, or saved as the tools save them; Playwright storage states); the
    tests open the board pack in a new browser holding one of them."""
    states = {}
    for how, fill in (("one tool answered", fill_one), ("every tool answered", fill_every),
                      ("a typical AI lead", fill_typical), ("everything answered", fill_everything)):
        ctx = module_browsing.new()
        page = ctx.new_page()
        fill(page, base_url)
        open_pack(page, base_url)  # every answer saved before the snapshot
        states[how] = ctx.storage_state()
    return states


def pack_page(browsing, answered, how="nothing answered"):
    """A page in a new browser whose storage holds the answers `how` names."""
    return browsing.new(storage_state=answered.get(how)).new_page()


def open_pack(page, base_url):
    page.goto(base_url + PACK)
    expect(page.locator("[data-aig-pack-bar]")).to_be_visible()
    return page.evaluate("AIG.current().name")


def pdf_pages(page) -> list[str]:
    reader = printed(page)
    box = reader.pages[0].mediabox
    assert abs(float(box.width) - 595.3) < 2 and abs(float(box.height) - 841.9) < 2, "A4 portrait"
    return [p.extract_text() for p in reader.pages]


def check_pages(pages, name, sections):
    """Every page starts with the running header and says "Page N of M"; the sections are
    the given ones, in order, each heading once; no page holds only a heading or a line or two."""
    header = f"Board pack: {name} \u2013 {TODAY}"
    for n, text in enumerate(pages, 1):
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        assert f"Page {n} of {len(pages)}" in lines, (n, lines[:3])  # the margin box comes first in the text
        lines.remove(f"Page {n} of {len(pages)}")
        assert lines[0] == header, (n, lines[:3])
        assert len(lines[1:]) >= 3, f"page {n} holds only {lines[1:]}"
    assert "\nBoard pack\n" in pages[0] and "\nSummary\n" in pages[0], pages[0][:300]
    text = "\n".join(pages)
    found = [line for line in text.splitlines() if line.strip() in SECTIONS + ["Change over time"]]
    assert found == sections, found
    assert "No answers yet: open the tool" not in text and "No benefits chosen yet" not in text  # no empty section


# The board pack's printed pages for issue 17's four cases (before: 8, 8, 8 and 11 pages).
PAGES = {"nothing answered": 1, "one tool answered": 1, "a typical AI lead": 4, "everything answered": 10}
SHOWN = {"nothing answered": SECTIONS[:1], "one tool answered": SECTIONS[:1] + ["Deployment checklist"],
         "every tool answered": SECTIONS, "everything answered": SECTIONS,
         "a typical AI lead": ["Summary", "Readiness self-assessment", "Deployment checklist", "Benefits plan",
                               "One-page business case"]}


@pytest.mark.parametrize("how", ["nothing answered", "one tool answered", "every tool answered", "a typical AI lead",
                                 "everything answered"])
def test_board_pack_prints_with_nothing_empty_and_the_name_and_page_number_on_each_page(browsing, answered, base_url, how):
    page = pack_page(browsing, answered, how)
    name = open_pack(page, base_url)
    pages = pdf_pages(page)
    print(f"{how}: {len(pages)} pages")  # figures for the closing note
    check_pages(pages, name, SHOWN[how])
    if how in PAGES:
        assert len(pages) <= PAGES[how], len(pages)
    text = "\n".join(pages)
    # Tools with no answers are named once, in the summary.
    not_started = [s for s in SECTIONS[1:] if s not in SHOWN[how]]
    if not_started:
        assert "Not started, so not in this pack:" in " ".join(pages[0].split())
    if how == "nothing answered":
        assert "No component has been rated yet." in pages[0] and "No item is past its target date." in pages[0]
        assert "Item Status" not in text, "no empty tables"
    elif how == "one tool answered":
        assert "1 completed, 1 in progress, 13 not started" in pages[0]  # the 15 points (sub-points not counted)
        assert "Not listed: 15 items with no answer yet." in text  # only the answered rows are listed
    elif how == "every tool answered":
        # The summary: where each tool stands, the weakest components, the item past its date.
        assert "Accuracy: level 1 of 5 (Not in place)" in pages[0]
        assert "Consistency: level 2 of 5 (Emerging)" in pages[0]
        assert re.search(r"2\. Define the problem Deployment checklist 31 March 2020 =SUM\(A1\) In progress", pages[0])
        assert "31 January 2026" not in pages[0], "a completed item is never late"
        flat = " ".join(text.split())  # table cells wrap
        assert "Waits are 14 weeks & rising" in flat and "<b>bold?</b> x<y" in flat
        assert "Hours of admin <per clinic>" in flat and "30 June 2027" in flat
        assert "2027-06-30" not in text and "2026-12-03" not in text, "dates as people read them"
        assert "Not written yet: Author, Decision sought, Background and context" in flat


def test_board_pack_on_screen_fills_the_answers_as_text(browsing, answered, base_url):
    page = pack_page(browsing, answered, "every tool answered")
    open_pack(page, base_url)
    row = page.locator("[data-aig-section=deployment-checklist] [data-aig-pack-item=appoint-ai-lead] td")
    assert row.all_inner_texts()[:3] == ["Completed", "Chief Clinical Information Officer", "31 January 2026"]
    assert row.nth(3).evaluate("e => e.textContent") == MARKUP + "\nSecond line"
    assert page.locator(".aig-pack b").count() == 0, "markup-like answers are text, never HTML"
    # Only chosen benefits are listed; unanswered tools are not on this page.
    assert page.locator("[data-aig-section=benefits-planner] tbody tr:visible").count() == 1
    case = page.locator("[data-aig-section=business-case]")
    expect(case.locator("[data-aig-pack-item=background-and-context]")).to_be_hidden()  # not written: named once
    expect(case.locator("[data-aig-unanswered]")).to_contain_text("Not written yet: Author, Decision sought, Background and context")
    assert case.locator("[data-aig-pack-item=case-date] td").inner_text() == "3 December 2026"
    # Checklists list only the items with an answer, and count the others.
    expect(page.locator("[data-aig-section=where-to-start] tbody tr:visible")).to_have_count(1)
    expect(page.locator("[data-aig-section=where-to-start] [data-aig-unanswered]")).to_have_text("Not listed: 7 items with no answer yet.")
    expect(page.locator("[data-aig-section=risk-assurance] [data-aig-pack-group]:visible")).to_have_count(1)  # the group answered
    expect(page.locator("[data-aig-pack-tool=business-case] td").first).to_have_text("In progress")
    # Every data table names itself in its caption (WCAG 1.3.1, issue 20): visible where no
    # heading says what it holds, visually hidden under a heading that does; each told apart.
    names = page.locator(".aig-pack table:not(.aig-pack__frame)").evaluate_all(
        "ts => ts.map(t => t.caption ? t.caption.textContent.trim() : '')")
    assert len(names) >= 10 and all(names) and len(set(names)) == len(names), names
    expect(page.get_by_role("table", name="Score in each area")).to_be_visible()
    expect(page.get_by_role("table", name="Summary: where each tool stands")).to_be_visible()


def word_file(page, tmp_path):
    assert page.evaluate("typeof window.docx") == "undefined", "the Word library loads only when asked"
    with page.expect_download() as info:
        page.get_by_role("button", name="Download as Word").click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    assert path.suffix == ".docx" and path.name.startswith("board-pack-")
    with zipfile.ZipFile(path) as z:
        assert z.testzip() is None
    return Document(str(path))


def rows(table):
    return [[c.text for c in r.cells] for r in table.rows]


def test_board_pack_word_has_the_same_sections_and_real_tables(browsing, answered, base_url, tmp_path):
    page = pack_page(browsing, answered, "every tool answered")
    name = open_pack(page, base_url)
    doc = word_file(page, tmp_path)
    assert doc.paragraphs[0].style.name == "Title" and doc.paragraphs[0].text == f"Board pack: {name}"
    assert [p.text for p in doc.paragraphs if p.style.name == "Heading 1"] == SECTIONS
    assert doc.sections[0].header.paragraphs[0].text == f"Board pack: {name} \u2013 {TODAY}"
    # As printed: a long section starts a new page (none here); a short one follows on, kept whole.
    assert not any(p.paragraph_format.page_break_before for p in doc.paragraphs)
    assert [p.paragraph_format.keep_with_next for p in doc.paragraphs if p.text.startswith("Not listed:")] == [None] * 4
    tables = {tuple(rows(t)[0]): rows(t) for t in doc.tables}  # by head row (the checklists' repeat: see below)
    # Every table on the page is a Word table with the same cells.
    assert len(doc.tables) == page.locator(".aig-pack__frame table:visible").count()
    checklist = [rows(t) for t in doc.tables if rows(t)[1][0] == "1. Appoint an AI lead"][0]
    assert checklist[0] == ["Item", "Status", "Owner", "Target date", "Notes"] and len(checklist) == 1 + 2  # those answered
    assert checklist[1:3] == [
        ["1. Appoint an AI lead", "Completed", "Chief Clinical Information Officer", "31 January 2026", MARKUP + "\nSecond line"],
        ["2. Define the problem", "In progress", "=SUM(A1)", "31 March 2020", "Waits are 14 weeks & rising"]]
    readiness = tables[("Component", "Area", "Level", "Evidence and notes")]
    assert readiness[1] == ["Accuracy", "High-quality data", "1 \u2013 Not in place", MARKUP]
    assert ["Culture", "Organisational readiness", "Don't know", ""] in readiness
    benefits = tables[("Indicator", "Value area", "How it will be measured", "Baseline", "Target", "By when", "Owner")]
    assert len(benefits) == 2 and benefits[1][2:] == [BENEFIT["measure"], "6 hours", "3 hours", "30 June 2027", "Service manager"]
    cover = tables[("Cover", "Answer")]
    assert cover[1:] == [["Title", CASE["case-title"]], ["Organisation", CASE["organisation"]], ["Date", "3 December 2026"]]
    late = tables[("Item", "Tool", "Target date", "Owner", "Status")]
    assert late[1:] == [["2. Define the problem", "Deployment checklist", "31 March 2020", "=SUM(A1)", "In progress"]]
    # Business case boxes: a sub-heading and its text, exactly as typed.
    texts = [p.text for p in doc.paragraphs]
    i = texts.index("What is the problem?")
    assert doc.paragraphs[i].style.name == "Heading 3" and texts[i + 1] == CASE["problem"]
    assert texts[texts.index("Recommended solution: benefits") + 1] == MARKUP
    assert "Background and context" not in texts and texts[-1].startswith("Not written yet: Author, Decision sought, Background")


def test_board_pack_word_when_nothing_is_answered(page, base_url, tmp_path):
    open_pack(page, base_url)
    doc = word_file(page, tmp_path)
    assert [p.text for p in doc.paragraphs if p.style.name == "Heading 1"] == ["Summary"]
    # Tools with no answers are named once, in the summary, with no section and no empty table.
    assert ("Not started, so not in this pack: Deployment checklist, First steps to build confidence, Readiness self-assessment, "
            "Benefits planner, Risk and assurance checklist, 10 principles self-check and One-page business case.") in \
        [p.text for p in doc.paragraphs]
    assert [rows(t)[0] for t in doc.tables] == [["Tool", "Where it stands", "Progress"]]


@pytest.mark.parametrize("how", ["a typical AI lead", "everything answered"])
def test_board_pack_word_has_what_the_print_has(browsing, answered, base_url, tmp_path, how):
    """Issue 17 point 3 in Word: the sections printed, each long one on a new page, the
    others following on and kept whole; LibreOffice lays it out on as few pages as the print."""
    page = pack_page(browsing, answered, how)
    open_pack(page, base_url)
    doc = word_file(page, tmp_path)
    assert [p.text for p in doc.paragraphs if p.style.name == "Heading 1"] == SHOWN[how]
    long = page.locator(".aig-pack__section--long h2").all_inner_texts()
    assert [p.text for p in doc.paragraphs if p.paragraph_format.page_break_before] == long
    footer = doc.sections[0].footer._element
    assert [i.text.strip() for i in footer.iter(qn("w:instrText"))] == ["PAGE", "NUMPAGES"]  # "Page N of M"
    pages = libreoffice_pages(next(tmp_path.glob("*.docx")), tmp_path)
    print(f"Word, {how}: {len(pages)} pages (LibreOffice)")  # figures for the closing note
    assert len(pages) <= {"a typical AI lead": 4, "everything answered": 14}[how]
    for n, text in enumerate(pages, 1):  # besides the header and the footer, never only a heading or a line or two
        lines = [line for line in text.splitlines() if line.strip()]
        assert f"Page {n} of {len(pages)}" in text and len(lines) >= 2 + 3, (n, lines)


def test_board_pack_includes_the_comparison_once_chosen(browsing, answered, base_url, tmp_path):
    earlier = tmp_path / "last-quarter.json"
    earlier.write_text(json.dumps({"format": "ai-guide-answers", "version": 1, "exported": "2026-08-20T09:00:00Z",
                                   "site_version": "1.0.0", "tools": {"readiness-assessment": {
                                       "format": 1, "tool": "readiness-assessment", "updated": "2026-08-20T09:00:00Z",
                                       "answers": {"data-accuracy": {"level": "2"}, "data-consistency": {"level": "2"}}}}}))
    page = pack_page(browsing, answered, "every tool answered")
    name = open_pack(page, base_url)
    page.set_input_files("#aig-compare-file", str(earlier))
    expect(page.locator("[data-aig-compare-summary]")).to_contain_text("0 components went up, 1 went down and 1 stayed the same")
    pages = pdf_pages(page)
    check_pages(pages, name, SECTIONS + ["Change over time"])
    start = [n for n, t in enumerate(pages) if "\nChange over time\n" in t][0]
    last = "\n".join(pages[start:])
    assert "Accuracy 2 1 \u22121" in last and "Consistency 2 2 No change" in last and "Hardware Not rated 4 Newly rated" in last
    doc = word_file(page, tmp_path)
    assert [p.text for p in doc.paragraphs if p.style.name == "Heading 1"] == SECTIONS + ["Change over time"]
    compare = [rows(t) for t in doc.tables if rows(t)[0] == ["Component", "Earlier", "Now", "Change"]][0]
    assert compare[1] == ["Accuracy", "2", "1", "\u22121"]


@pytest.mark.parametrize("how", ["empty", "filled"])
def test_board_pack_has_no_axe_violations(browsing, answered, base_url, how):
    page = pack_page(browsing, answered, "every tool answered" if how == "filled" else "nothing answered")
    open_pack(page, base_url)
    assert axe_violations(page) == []
