"""Readiness assessment, benefits planner, business case and team view in Chromium."""
from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from browser.helpers import tool_key, without_rev, export_file

KEY = "/ai-guide.v1."
READINESS = "tools/readiness-assessment/"
BENEFITS = "tools/benefits-planner/"
CASE = "tools/business-case/"

# A worked example: the levels given, and the results they must produce.
EXAMPLE = {"data-accuracy": "1", "data-consistency": "2", "data-completeness": "3", "data-timeliness": "unknown",
           "infra-hardware": "4", "infra-software": "5", "org-strategy": "2", "org-culture": "3"}
EXPECTED = {  # area: (score, rated, don't know)
    "high-quality-data": ("2.0", "3 of 5", "1"),
    "ai-ready-infrastructure": ("4.5", "2 of 5", "0"),
    "organisational-readiness": ("2.5", "2 of 5", "0"),
    "overall": ("2.9", "7 of 15", "1"),  # 20 / 7 = 2.857
}


def storage(page) -> dict:
    return page.evaluate("Object.fromEntries(Object.entries(localStorage))")


def answers(page, tool) -> dict:
    raw = storage(page).get(tool_key(page, tool))
    return without_rev(json.loads(raw)["answers"]) if raw else {}


def rate(page, levels=EXAMPLE):
    for comp, level in levels.items():
        page.check(f"#level-{comp}-{level}")


def fill_benefits(page):
    page.check("#chosen-workforce-productivity")
    page.fill("#measure-workforce-productivity", "Hours of admin time per clinic")
    page.fill("#baseline-workforce-productivity", "6 hours")
    page.fill("#target-workforce-productivity", "3 hours")
    page.fill("#due-workforce-productivity", "2027-06-30")
    page.fill("#owner-workforce-productivity", "Service manager")
    page.select_option("#money-workforce-productivity", "yes")
    page.check("#chosen-reduced-inequalities")


def test_readiness_saves_restores_and_matches_the_worked_example(page, base_url):
    page.goto(base_url + READINESS)
    assert not page.locator("[data-aig-results]").is_visible()
    rate(page)
    page.fill("#notes-data-accuracy", "Audit found 12% of records with errors")
    page.reload()
    for comp, level in EXAMPLE.items():
        assert page.is_checked(f"#level-{comp}-{level}"), comp
    assert page.input_value("#notes-data-accuracy") == "Audit found 12% of records with errors"
    assert answers(page, "readiness-assessment")["data-timeliness"] == {"level": "unknown"}
    assert page.locator("[data-aig-progress]").inner_text() == "8 of 15 rated (1 \u201cDon\u2019t know\u201d)"

    results = page.locator("[data-aig-results]")
    assert results.is_visible()
    for area, (score, rated, unknown) in EXPECTED.items():
        row = results.locator(f"tr[data-aig-area={area}]")
        assert row.locator("[data-aig-score]").inner_text() == score, area
        assert row.locator("[data-aig-rated]").inner_text() == rated, area
        assert row.locator("[data-aig-unknown]").inner_text() == unknown, area
    # The chart carries the same figures, and says so.
    title = results.locator("svg[role=img]").get_attribute("aria-label")
    assert "High-quality data 2.0" in title and "Overall 2.9" in title and "table below" in title
    assert results.locator("svg rect.bar").count() == 4
    # Weakest: every component at level 1 or 2, lowest first, each with links that help.
    weakest = results.locator("[data-aig-weakest] > li")
    assert [w.split(":")[0] for w in weakest.all_inner_texts()] == ["Accuracy", "Consistency", "Strategy"]
    first = weakest.first
    assert first.locator("a", has_text="in the guide").count() == 1
    assert first.locator("a", has_text="Checklist:").count() >= 1
    href = first.locator("a", has_text="Checklist:").first.get_attribute("href")
    assert re.search(r"tools/deployment-checklist/#item-[a-z-]+$", href), href


def test_dont_know_is_never_counted_as_a_low_score(page, base_url):
    page.goto(base_url + READINESS)
    rate(page, {"data-accuracy": "4", "data-consistency": "unknown", "data-completeness": "unknown"})
    row = page.locator("tr[data-aig-area=high-quality-data]")
    assert row.locator("[data-aig-score]").inner_text() == "4.0"
    assert row.locator("[data-aig-unknown]").inner_text() == "2"
    # Only "don't know" given: no score, not zero.
    page.get_by_role("button", name="Reset this tool").click()
    page.get_by_role("button", name="Yes, reset").click()
    rate(page, {"org-culture": "unknown"})
    assert page.locator("tr[data-aig-area=overall] [data-aig-score]").inner_text() == "\u2013"


def test_benefits_planner_saves_restores_and_summarises(page, base_url):
    page.goto(base_url + BENEFITS)
    assert not page.locator("#measure-workforce-productivity").is_visible()
    fill_benefits(page)
    page.reload()
    assert page.is_checked("#chosen-workforce-productivity")
    assert page.input_value("#target-workforce-productivity") == "3 hours"
    assert page.input_value("#money-workforce-productivity") == "yes"
    rows = page.locator("[data-aig-summary-body] tr")
    assert rows.count() == 2
    first = rows.first.locator("td, th").all_inner_texts()
    name = page.locator("#item-workforce-productivity").get_attribute("data-aig-name")
    assert first == [f"{name} (Productivity and cost reduction)", "Hours of admin time per clinic",
                     "from 6 hours to 3 hours by 30 June 2027", "Service manager", "Yes"]
    assert page.locator("[data-aig-progress]").inner_text() == "2 indicators chosen, 1 with a measure, baseline and target"


def test_business_case_word_guide_draft_and_markdown_export(page, base_url, tmp_path):
    # The user's other tools.
    page.goto(base_url + BENEFITS)
    fill_benefits(page)
    page.goto(base_url + "tools/risk-assurance/")
    page.select_option("#status-dpia", label="In progress")
    page.fill("#notes-dpia", "DPO reviewing draft DPIA")
    page.select_option("#status-encryption", label="Completed")
    page.goto(base_url + READINESS)
    rate(page)
    page.goto(base_url + "tools/deployment-checklist/")
    page.fill("#notes-define-the-problem", "Dermatology triage waits are 14 weeks")

    page.goto(base_url + CASE)
    count = page.locator("#case-problem-count")
    page.fill("#case-problem", "My own words about the problem")
    expect(count).to_contain_text("remaining")
    assert re.match(r"You have \d+ words remaining", count.inner_text())
    page.fill("#case-background-and-context", "word " * 200)
    expect(page.locator("#case-background-and-context-count")).to_contain_text("too many")
    assert page.input_value("#case-background-and-context").count("word") == 200, "the guide never blocks typing"

    page.get_by_role("button", name="Draft from my answers").click()
    expect(page.locator("[data-aig-messages]")).to_contain_text("Filled from your answers")  # drafts.js loads on the first click
    message = page.locator("[data-aig-messages]").inner_text()
    assert ("Filled from your answers: \u201cRecommended solution: benefits\u201d, \u201cRecommended solution: cost analysis\u201d, "
            "\u201cRisks and mitigations\u201d.") in message
    assert "Left as you wrote them: \u201cWhat is the problem?\u201d." in message
    # No checklist point has an owner or a target date yet, so there is no plan to draft.
    assert "Nothing in your other tools yet for: \u201cImplementation plan\u201d." in message
    assert page.input_value("#case-problem") == "My own words about the problem"  # never overwritten
    benefits = page.input_value("#case-benefits")
    assert "Hours of admin time per clinic" in benefits and "target 3 hours by 30 June 2027" in benefits
    risks = page.input_value("#case-risks-and-mitigations")
    assert "DPO reviewing draft DPIA" in risks and "in progress" in risks
    assert "ncryption" not in risks, "completed items are not open risks"
    # Readiness gaps are risks, with their mitigation; never steps of the plan.
    assert "Readiness gaps, worst first, on this site's 5-level scale:" in risks and "Accuracy (level 1)" in risks
    assert "Strategy" in risks and "Mitigation:" in risks
    assert page.input_value("#case-implementation-plan") == ""
    assert page.input_value("#case-options-analysis") == ""  # nothing to draft it from
    # Drafting again changes nothing the user now has.
    page.fill("#case-benefits", "Edited by me")
    page.get_by_role("button", name="Draft from my answers").click()
    assert page.input_value("#case-benefits") == "Edited by me"
    # Empty problem box is filled from the checklist note.
    page.fill("#case-problem", "")
    page.get_by_role("button", name="Draft from my answers").click()
    assert page.input_value("#case-problem") == "Dermatology triage waits are 14 weeks"
    page.reload()
    assert page.input_value("#case-benefits") == "Edited by me"

    with page.expect_download() as dl:
        page.get_by_role("button", name="Export as Markdown").click()
    md = open(dl.value.path(), encoding="utf-8").read()
    labels = page.locator(".aig-case__label").all_inner_texts()
    assert len(labels) == 10
    for label in labels:
        assert f"### {label}\n" in md, label
    for q in ("Why should we do this?", "What does it look like?", "How will we get there?"):
        assert f"## {q}\n" in md
    assert "Dermatology triage waits are 14 weeks" in md and "Edited by me" in md
    # The 10 boxes and the 5 cover fields (title, organisation, author, date, decision sought).
    assert md.count("_Not written yet._") == 15 - len([k for k, v in answers(page, "business-case").items() if v.get("text")])
    dl = export_file(page, "Export answers (JSON)")
    data = json.loads(open(dl.path()).read())
    assert without_rev(data["assessments"][0]["tools"]["business-case"]["answers"])["benefits"] == {"text": "Edited by me"}


TYPICAL = {
    "background-and-context": "Our dermatology service receives 1,200 referrals a month. Most need a photo review before triage, "
                              "and consultants spend two sessions a week doing it by hand. Demand is rising by 8% a year.",
    "problem": "Patients wait 14 weeks for triage. Urgent cases can be missed in the queue, and consultant time goes on "
               "routine reviews instead of clinics.",
    "solution-and-vision": "Use an approved AI tool to sort referral photos by urgency, with a consultant checking every "
                           "result, so that urgent patients are seen first and waits fall.",
    "options-analysis": "1. Do nothing: waits keep rising. 2. Extra locum sessions: costly and short term. 3. AI-assisted "
                        "triage with human review: faster, scalable, needs assurance. Option 3 is preferred.",
    "solution-details": "A UKCA-marked triage product bought through a national framework, integrated with the e-referral "
                        "service, piloted in one clinic for six months before scaling.",
    "benefits": "Triage wait down from 14 weeks to 4. Two consultant sessions a week released. Fewer missed urgent cases, "
                "measured monthly against a baseline audit.",
    "cost-analysis": "Licence £60,000 a year, integration £25,000 once, clinical safety and IG work £15,000. Released "
                     "consultant time is worth about £70,000 a year.",
    "implementation-plan": "Months 1-2: DPIA, DCB0160 and procurement. Months 3-8: pilot in one clinic with evaluation. "
                           "Month 9: decision to scale across the trust.",
    "risks-and-mitigations": "Bias for darker skin tones: supplier evidence and local audit. Staff trust: training and "
                             "clear escalation. Supplier lock-in: exit terms in the contract.",
    "governance-and-monitoring": "Digital board owns the project. The clinical safety officer reviews the hazard log "
                                 "monthly; performance and equity are reported each quarter.",
}


@pytest.mark.parametrize("how_full", ["typical", "every box at its word guide"])
def test_business_case_prints_on_one_landscape_a4_page(page, base_url, how_full):
    page.goto(base_url + CASE)
    words = " ".join(TYPICAL.values()).split() * 3
    for field, text in TYPICAL.items():
        if how_full != "typical":
            guide = int(page.get_attribute(f"#case-{field}", "data-aig-words"))
            text, words = " ".join(words[:guide]), words[guide:]
        page.fill(f"#case-{field}", text)
    page.emulate_media(media="print")
    assert not page.locator("#case-problem").is_visible()
    assert page.locator("#item-problem .aig-print").inner_text() == page.input_value("#case-problem")
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    pages = re.findall(rb"/Type\s*/Page[^s]", pdf)
    assert len(pages) == 1, f"{len(pages)} pages"
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    width, height = float(box.group(1)), float(box.group(2))
    assert width > height and abs(width - 841.9) < 2 and abs(height - 595.3) < 2, (width, height)


def write_export(tmp_path, name, readiness, checklist):
    tools = {}
    if readiness is not None:
        tools["readiness-assessment"] = {"format": 1, "tool": "readiness-assessment", "updated": "2026-11-20T09:00:00Z",
                                         "answers": {k: {"level": v} for k, v in readiness.items()}}
    if checklist is not None:
        tools["deployment-checklist"] = {"format": 1, "tool": "deployment-checklist", "updated": "2026-11-20T09:00:00Z",
                                         "answers": {k: {"status": v} for k, v in checklist.items()}}
    path = tmp_path / name
    path.write_text(json.dumps({"format": "ai-guide-answers", "version": 1, "exported": "2026-11-20T09:00:00Z",
                                "site_version": "1.0.0", "tools": tools}))
    return path


def test_team_view_merges_three_exports_and_skips_a_bad_one(page, base_url, tmp_path):
    files = [
        write_export(tmp_path, "asha.json", {"data-accuracy": "1", "org-culture": "4"},
                    {"appoint-ai-lead": "completed", "define-the-problem": "in-progress"}),
        write_export(tmp_path, "ben.json", {"data-accuracy": "3", "org-culture": "unknown"},
                    {"appoint-ai-lead": "completed"}),
        write_export(tmp_path, "carys.json", {"data-accuracy": "4", "org-culture": "2"},
                    {"appoint-ai-lead": "not-applicable", "define-the-problem": "completed"}),
    ]
    bad = tmp_path / "holiday-photo.json"
    bad.write_text("not an export")
    page.goto(base_url + "tools/team-view/")
    before = storage(page)
    page.set_input_files("#aig-team-files", [str(f) for f in files] + [str(bad)])
    message = page.locator("[data-aig-messages] .aig-msg")
    message.wait_for()
    text = message.inner_text()
    # Files of format 1 carry no name ("by"): each person is their file name and export date.
    assert "Added asha (exported 20 November 2026), ben (exported 20 November 2026) and carys" in text
    assert "Skipped 1" in text and "holiday-photo.json" in text
    table = page.locator("[data-aig-team-readiness]")
    assert table.locator("thead th").all_inner_texts() == [
        "Component", "Agreement", "Lowest", "Median", "Highest",
        "asha (exported 20 November 2026)", "ben (exported 20 November 2026)", "carys (exported 20 November 2026)"]
    accuracy = table.locator("tr[data-aig-team-row=data-accuracy] td").all_inner_texts()
    assert accuracy == ["Differ by 3 levels", "1", "3", "4", "1", "3", "4"]
    culture = table.locator("tr[data-aig-team-row=org-culture] td").all_inner_texts()
    assert culture == ["Differ by 2 levels", "2", "3", "4", "4", "?", "2"]  # "Don't know" is left out
    assert table.locator("tr[data-aig-team-row=infra-hardware] td").all_inner_texts() == ["\u2013"] * 4 + ["\u2013"] * 3
    lead = page.locator("[data-aig-team-checklist] tr[data-aig-team-row=appoint-ai-lead] td").all_inner_texts()
    assert lead == ["0", "0", "2", "1"]  # not started, in progress, completed, not applicable
    problem = page.locator("[data-aig-team-checklist] tr[data-aig-team-row=define-the-problem] td").all_inner_texts()
    assert problem == ["1", "1", "1", "0"]
    assert storage(page) == before, "the user's own answers never change"
    # Choosing again adds to the comparison (issue 11); the same file again counts once.
    page.set_input_files("#aig-team-files", [str(files[0])])
    expect(message).to_contain_text("Already compared, so not added again")
    expect(page.locator("[data-aig-team-readiness] thead th")).to_have_count(8)


def test_my_progress_includes_the_new_tools(page, base_url):
    page.goto(base_url + READINESS)
    rate(page)
    page.goto(base_url + BENEFITS)
    fill_benefits(page)
    page.goto(base_url + CASE)
    page.fill("#case-problem", "A problem")
    page.goto(base_url + "tools/my-progress/")
    assert "8 of 15 rated" in page.locator("[data-aig-tool-row=readiness-assessment]").inner_text()
    assert "2 indicators chosen" in page.locator("[data-aig-tool-row=benefits-planner]").inner_text()
    assert "1 of 15 boxes written" in page.locator("[data-aig-tool-row=business-case]").inner_text()  # 10 boxes and the cover
    assert page.locator("[data-aig-tool-row=business-case] [data-aig-updated]").inner_text() != "Never"
