"""Team view (issue 11, part 3): people named from their exports, files added one at
a time or together, a person removed, "my answers" with one tick, the spread of each
readiness component with disagreements of 2 levels or more marked in words, and each
person and item counted once. Exports of format 1 and 2 both read."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

from browser.helpers import axe_light_and_dark

TEAM = "tools/team-view/"
EXPORTED = "2026-11-20T09:00:00Z"


def tools_of(readiness=None, checklist=None, version=2) -> dict:
    tools = {}
    if readiness is not None:
        tools["readiness-assessment"] = {"format": version, "tool": "readiness-assessment", "updated": EXPORTED,
                                         "answers": {k: {"level": v} for k, v in readiness.items()}}
    if checklist is not None:
        tools["deployment-checklist"] = {"format": version, "tool": "deployment-checklist", "updated": EXPORTED,
                                         "answers": {k: {"status": v} for k, v in checklist.items()}}
    return tools


def v2(path, by, readiness=None, checklist=None, name="My assessment", more=()):
    """An export of format 2, as the site writes it now (the name or role in "by")."""
    assessments = [{"id": "a1", "name": name, "tools": tools_of(readiness, checklist)}]
    assessments += [{"id": f"a{i + 2}", "name": n, "tools": tools_of(r, c)} for i, (n, r, c) in enumerate(more)]
    data = {"format": "ai-guide-answers", "version": 2, "exported": EXPORTED, "site_version": "1.0.0",
            "assessments": assessments}
    if by is not None:
        data["by"] = by
    path.write_text(json.dumps(data))
    return str(path)


def v1(path, readiness=None, checklist=None):
    """An export of format 1 (before names were asked): no "by"."""
    path.write_text(json.dumps({"format": "ai-guide-answers", "version": 1, "exported": EXPORTED,
                                "site_version": "1.0.0", "tools": tools_of(readiness, checklist, version=1)}))
    return str(path)


def head(page) -> list[str]:
    return page.locator("[data-aig-team-readiness] thead th").all_inner_texts()


def cells(page, row) -> list[str]:
    return page.locator(f"[data-aig-team-readiness] tr[data-aig-team-row={row}] td").all_inner_texts()


def counts(page, row) -> list[int]:
    return [int(x) for x in page.locator(f"[data-aig-team-checklist] tr[data-aig-team-row={row}] td").all_inner_texts()]


def add(page, *files):
    page.set_input_files("#aig-team-files", list(files))
    expect(page.locator("#aig-team-files")).to_have_value("")  # read, and ready for the next


def storage(page) -> dict:
    return page.evaluate("Object.fromEntries(Object.entries(localStorage))")


@pytest.fixture
def three(tmp_path):
    return [
        v2(tmp_path / "ai-guide-answers-2026-11-27.json", "Asha Patel, CCIO",
           {"data-accuracy": "1", "org-culture": "4", "infra-hardware": "2"},
           {"appoint-ai-lead": "completed", "define-the-problem": "in-progress"}),
        v2(tmp_path / "ai-guide-answers-2026-11-27 (1).json", "Ben Okoro, project manager",
           {"data-accuracy": "3", "org-culture": "unknown", "infra-hardware": "3"}, {"appoint-ai-lead": "completed"}),
        v2(tmp_path / "carys.json", "Dr Carys Ellis, clinical safety officer",
           {"data-accuracy": "4", "org-culture": "4", "infra-hardware": "2"},
           {"appoint-ai-lead": "not-applicable", "define-the-problem": "completed"}),
    ]


def test_people_are_named_added_one_at_a_time_or_together_and_removed(page, base_url, tmp_path, three):
    old = v1(tmp_path / "ai-guide-answers-2026-11-02.json", {"data-accuracy": "2"})
    bad = tmp_path / "holiday-photo.json"
    bad.write_text("not an export")
    page.goto(base_url + TEAM)
    before = storage(page)
    expect(page.locator("[data-aig-team-results]")).to_be_hidden()

    add(page, three[0])
    message = page.locator("[data-aig-messages] .aig-msg")
    expect(message).to_contain_text("Added Asha Patel, CCIO. 1 person compared.")
    add(page, three[1])  # a second choice adds; it does not replace
    expect(message).to_contain_text("Added Ben Okoro, project manager. 2 people compared.")
    add(page, three[2], old, str(bad))  # several at once, one unusable
    expect(message).to_contain_text("Skipped 1 file that could not be used: holiday-photo.json")
    assert head(page) == ["Component", "Agreement", "Lowest", "Median", "Highest",
                          "Asha Patel, CCIO", "Ben Okoro, project manager", "Dr Carys Ellis, clinical safety officer",
                          "ai-guide-answers-2026-11-02 (exported 20 November 2026)"]
    people = page.locator("[data-aig-team-list] > li")
    expect(people).to_have_count(4)
    expect(people.nth(0)).to_contain_text("from ai-guide-answers-2026-11-27.json, exported 20 November 2026")

    # The same file again: that person is not counted twice.
    add(page, three[1])
    expect(message).to_contain_text("Already compared, so not added again: Ben Okoro, project manager")
    expect(people).to_have_count(4)

    # Remove one person; focus moves to the next person's Remove button.
    page.get_by_role("button", name="Remove Ben Okoro, project manager").click()
    expect(people).to_have_count(3)
    expect(message).to_contain_text("Removed Ben Okoro, project manager. 3 people compared.")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Remove Dr Carys Ellis, clinical safety officer", focused
    assert "Ben Okoro, project manager" not in head(page)
    assert storage(page) == before, "the user's own answers never change"


def test_spread_and_disagreements_of_two_levels_or_more(page, base_url, three):
    page.goto(base_url + TEAM)
    add(page, *three)
    # Agreement, lowest, median and highest first (what a phone shows), then each person's level.
    assert cells(page, "data-accuracy") == ["Differ by 3 levels", "1", "3", "4", "1", "3", "4"]
    assert cells(page, "org-culture") == ["Agree", "4", "4", "4", "4", "?", "4"]  # "Don't know" left out
    assert cells(page, "infra-hardware") == ["Within 1 level", "2", "2", "3", "2", "3", "2"]
    assert cells(page, "infra-software") == ["\u2013"] * 4 + ["\u2013"] * 3
    row = page.locator("[data-aig-team-readiness] tr[data-aig-team-row=data-accuracy]")
    # Marked in words (a strong "Differ by"), with a bar and a tint as well: not colour alone.
    expect(row.locator("strong.aig-team__flag")).to_have_text("Differ by 3 levels")
    assert "aig-team__split" in row.get_attribute("class")
    assert page.locator("tr.aig-team__split").count() == 1
    expect(page.locator("[data-aig-team-split]")).to_have_text(
        "Ratings are 2 or more levels apart on 1 of 15 components: Accuracy. Talk these through first.")


def test_my_answers_with_one_tick_and_counted_once(page, base_url, tmp_path, three):
    page.goto(base_url + "tools/readiness-assessment/")
    page.check("#level-data-accuracy-5")
    page.goto(base_url + "tools/deployment-checklist/")
    page.select_option("#status-appoint-ai-lead", label="In progress")
    page.goto(base_url + TEAM)
    add(page, *three)
    page.get_by_label("Include my answers from this browser").check()
    expect(page.locator("[data-aig-messages] .aig-msg")).to_contain_text("Added your answers from this browser. 4 people compared.")
    assert head(page)[-1] == "You (this browser)"
    assert cells(page, "data-accuracy") == ["Differ by 4 levels", "1", "3.5", "5", "1", "3", "4", "5"]
    # Each person counts once for each point: the four statuses add up to four people.
    assert counts(page, "appoint-ai-lead") == [0, 1, 2, 1]
    assert counts(page, "define-the-problem") == [2, 1, 1, 0]
    for row in page.locator("[data-aig-team-checklist] tbody tr").all():
        assert sum(int(x) for x in row.locator("td").all_inner_texts()) == 4
    # Unticking removes them again.
    page.get_by_label("Include my answers from this browser").uncheck()
    assert "You (this browser)" not in head(page)
    assert counts(page, "appoint-ai-lead") == [0, 0, 2, 1]


def test_my_own_export_and_my_answers_count_once(page, base_url, tmp_path):
    page.goto(base_url + "tools/readiness-assessment/")
    page.check("#level-data-accuracy-2")
    mine = page.evaluate("() => { AIG.by('Dana Okafor, AI lead'); return JSON.stringify(AIG.envelope(null, '1.0.0')) }")
    path = tmp_path / "dana.json"
    path.write_text(mine)
    page.goto(base_url + TEAM)
    page.get_by_label("Include my answers from this browser").check()
    assert head(page)[-1] == "Dana Okafor, AI lead (this browser)"
    add(page, str(path))
    expect(page.locator("[data-aig-messages] .aig-msg")).to_contain_text("Already compared, so not added again")
    expect(page.locator("[data-aig-team-list] > li")).to_have_count(1)


def test_an_export_with_several_assessments_gives_one_column_each(page, base_url, tmp_path):
    f = v2(tmp_path / "trust.json", "Digital team", {"data-accuracy": "2"}, name="Dermatology triage",
           more=[("Radiology reporting", {"data-accuracy": "4"}, None)])
    page.goto(base_url + TEAM)
    add(page, f)
    assert head(page)[5:] == ["Digital team: Dermatology triage", "Digital team: Radiology reporting"]
    assert cells(page, "data-accuracy") == ["Differ by 2 levels", "2", "3", "4", "2", "4"]


def test_team_view_is_clean_in_light_and_dark_with_people(browsing, base_url, three):
    page = browsing.new(color_scheme="light").new_page()
    page.goto(base_url + TEAM)
    add(page, *three)
    page.get_by_label("Include my answers from this browser").check()
    assert axe_light_and_dark(page) == []
    page.set_viewport_size({"width": 320, "height": 700})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


FIXTURES = Path(__file__).parent.parent / "fixtures"
ANSWERS_COLUMNS = ["person or role", "assessment", "tool", "item id", "item title", "field", "value", "item revision",
                   "export date"]


def answer_fields(path) -> int:
    """How many non-empty answer fields (besides "rev") an export holds: its rows in the CSV."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    assessments = [a["tools"] for a in data["assessments"]] if "assessments" in data else [data["tools"]]
    return sum(1 for tools in assessments for rec in tools.values() for a in rec["answers"].values()
               for f, v in a.items() if f != "rev" and v not in ("", None))


def read_csv(download) -> list[list[str]]:
    raw = Path(download.path()).read_bytes()
    assert raw.startswith("\ufeff".encode("utf-8")), "a byte order mark, so Excel reads UTF-8"
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_two_exports_download_as_one_table_of_answers_and_a_readiness_summary(browsing, base_url, tmp_path):
    """Issue 17 point 4: the answers of everyone compared as one CSV table, and the
    readiness summary, read back with Python's csv module."""
    formula = tmp_path / "formula.json"
    v2(formula, "Finance lead", {"data-accuracy": "2", "infra-hardware": "unknown"}, {"appoint-ai-lead": "completed"})
    data = json.loads(formula.read_text())
    data["assessments"][0]["tools"]["deployment-checklist"]["answers"]["appoint-ai-lead"]["notes"] = "=1+1"
    formula.write_text(json.dumps(data))
    files = [str(FIXTURES / "export-v1-site-1.0.0.json"), str(FIXTURES / "export-v2-site-1.0.0.json"), str(formula)]
    page = browsing.new(accept_downloads=True).new_page()
    page.goto(base_url + TEAM)
    tables = page.locator("[data-aig-team-tables]")
    expect(tables).to_be_hidden()  # nothing to download before anyone is added
    add(page, *files)
    expect(tables).to_be_visible()
    people = page.locator("[data-aig-team-list] li").count()
    assert people >= 3
    expect(tables).to_contain_text("This website's own help")
    expect(tables).to_contain_text("From Text/CSV")
    expect(tables).to_contain_text("Get data, then Text/CSV")

    with page.expect_download() as dl:
        page.get_by_role("button", name="Download all answers (CSV)").click()
    assert dl.value.suggested_filename.endswith(".csv")
    rows = read_csv(dl.value)
    assert rows[0] == ANSWERS_COLUMNS
    assert all(len(r) == len(ANSWERS_COLUMNS) for r in rows)
    assert len(rows) - 1 == sum(answer_fields(f) for f in files)
    assert {r[0] for r in rows[1:]} == set(page.locator("[data-aig-team-list] li strong").all_inner_texts())
    note = [r for r in rows if r[0] == "Finance lead" and r[5] == "notes"]
    assert note == [["Finance lead", "My assessment", "deployment-checklist", "appoint-ai-lead", "Appoint an AI lead",
                     "notes", "'=1+1", "", EXPORTED[:10]]]
    accuracy = [r for r in rows if r[0] == "Finance lead" and r[3] == "data-accuracy"]
    assert accuracy == [["Finance lead", "My assessment", "readiness-assessment", "data-accuracy", "Accuracy", "level", "2",
                         "", EXPORTED[:10]]]

    with page.expect_download() as dl:
        page.get_by_role("button", name="Download readiness summary (CSV)").click()
    summary = read_csv(dl.value)
    names = page.locator("[data-aig-team-list] li strong").all_inner_texts()
    assert summary[0] == ["component", *names, "lowest", "median", "highest"]
    assert len(summary) == 1 + 15 and all(len(r) == len(summary[0]) for r in summary)
    # The same figures as the table on the page ("Don't know" and unrated left out).
    for row in summary[1:]:
        tr = page.locator("[data-aig-team-readiness] tbody tr").nth(summary.index(row) - 1)
        shown = [tr.locator(f"[data-aig-{k}]").inner_text() for k in ("low", "median", "high")]
        assert [x or "\u2013" for x in row[-3:]] == shown, (row, shown)
    hardware = [r for r in summary if r[0] == "Hardware"][0]
    assert hardware[1 + names.index("Finance lead")] == "Don't know"
