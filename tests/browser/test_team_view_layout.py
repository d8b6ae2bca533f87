"""Team view readable and operable for everyone (issue 20) and usable at scale (issue 17
point 5): each table scrolls in one named, focusable region that the keyboard reaches
the last column with at 320 px, captions wrap inside it, each table its own region,
every person's column on the printed page, and 200 people fold away without widening
the page. Page states are built once for the module."""
from __future__ import annotations

import sys

import pytest
from playwright.sync_api import expect

from browser.helpers import CONTENT, printed
from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
from benchmark_team_view import people, write_exports  # noqa: E402

TEAM = "tools/team-view/"
# Long names and roles, as colleagues write them; the last one's column is the one to reach.
NAMES = ["Asha Patel, chief clinical information officer", "Ben Okoro, project manager",
         "Dr Carys Ellis, clinical safety officer", "Dev Sharma, data protection officer",
         "Eilidh Grant, head of digital transformation", "Femi Adeyemi, finance business partner"]
LEVELS = {c["id"]: ["1", "2", "3", "4", "5", "unknown"] for a in CONTENT["readiness"]["areas"] for c in a["components"]}
STATUSES = {i["id"]: ["not-started", "in-progress", "completed", "not-applicable"] for i in CONTENT["checklist"]["items"]}
FIELDS = {"readiness-assessment": {i: {"level": v} for i, v in LEVELS.items()},
          "deployment-checklist": {i: {"status": v} for i, v in STATUSES.items()}}


def team_page(module_browsing, base_url, files, **options):
    page = module_browsing.new(**options).new_page()
    page.goto(base_url + TEAM)
    page.set_input_files("#aig-team-files", files)
    expect(page.locator("[data-aig-messages] .aig-msg")).to_contain_text(f"{len(files)} people compared.")
    return page


@pytest.fixture(scope="module")
def narrow(module_browsing, base_url, tmp_path_factory):
    """Six people at 320 px wide."""
    files = write_exports(tmp_path_factory.mktemp("six"), NAMES, FIELDS)
    return team_page(module_browsing, base_url, files, viewport={"width": 320, "height": 700})


@pytest.fixture(scope="module")
def many(module_browsing, base_url, tmp_path_factory):
    """200 people at 1280 px wide."""
    files = write_exports(tmp_path_factory.mktemp("many"), people(200), FIELDS)
    return team_page(module_browsing, base_url, files)


SCROLLERS = """root => Array.from(root.querySelectorAll('*')).filter(e => e.scrollWidth > e.clientWidth + 1 &&
  /auto|scroll/.test(getComputedStyle(e).overflowX)).map(e => e.className + ' ' + (e.getAttribute('role') || ''))"""


def test_each_table_scrolls_in_one_named_focusable_region(narrow):
    """The region that scrolls is the one the keyboard and screen readers know: Material's
    own table wrapper inside it does not scroll on its own (WCAG 2.1.1)."""
    results = narrow.locator("[data-aig-team-results]")
    assert narrow.evaluate(SCROLLERS, results.element_handle()) == ["aig-scroll region", "aig-scroll region"]
    for table in ("readiness", "checklist"):
        region = narrow.locator(f".aig-scroll:has([data-aig-team-{table}])")
        caption = region.locator("caption")
        assert region.get_attribute("tabindex") == "0"
        assert region.get_attribute("aria-labelledby") == caption.get_attribute("id")
        expect(narrow.get_by_role("region", name=caption.inner_text())).to_have_count(1)


def test_arrow_keys_bring_the_last_persons_column_into_view_at_320px(narrow):
    region = narrow.locator(".aig-scroll:has([data-aig-team-readiness])")
    last = region.locator("th[data-aig-person]").last
    expect(last).to_have_text(NAMES[-1])

    def in_view() -> bool:
        box, seen = last.bounding_box(), region.bounding_box()
        return box["x"] >= seen["x"] - 1 and box["x"] + box["width"] <= seen["x"] + seen["width"] + 1

    region.focus()
    assert not in_view()
    for _ in range(100):  # 40 px a press
        if in_view():
            break
        narrow.keyboard.press("ArrowRight")
    assert in_view(), region.evaluate("e => [e.scrollLeft, e.scrollWidth, e.clientWidth]")


def test_captions_wrap_inside_their_region_at_320px(narrow):
    """Long captions wrap within what the region shows, not cut mid-line (WCAG 1.4.10)."""
    for region in narrow.locator(".aig-scroll").all():
        region.evaluate("e => { e.scrollLeft = 0 }")  # as first shown (another test scrolls it)
        seen, caption = region.bounding_box(), region.locator("caption").bounding_box()
        assert caption["x"] >= seen["x"] and caption["x"] + caption["width"] <= seen["x"] + seen["width"], (seen, caption)
        assert caption["height"] > 60, "wrapped over several lines"
        assert region.evaluate("e => e.scrollWidth > e.clientWidth"), "the table itself is wider: it scrolls"
    assert narrow.evaluate("document.documentElement.scrollWidth") <= 320


def test_each_table_has_its_own_region_and_none_holds_the_other(narrow):
    """The checklist table is not inside the readiness section or its region (WCAG 1.3.1)."""
    landmarks = narrow.evaluate("""() => Object.fromEntries(['readiness', 'checklist'].map(t => {
      const out = []
      for (let e = document.querySelector(`[data-aig-team-${t}]`).parentElement; e; e = e.parentElement)
        if (e.matches('section[aria-labelledby], [role=region]'))
          out.push(document.getElementById(e.getAttribute('aria-labelledby')).textContent.trim().split(/[:,]/)[0])
      return [t, out]
    }))""")
    assert landmarks == {  # the table's region (named by its caption), then its section (by its heading)
        "readiness": ["For each component", "Readiness"],
        "checklist": ["Number of people at each status", "Deployment checklist"],
    }, landmarks


def test_every_persons_column_is_on_the_printed_page(narrow):
    """Printed with the site's print styles: landscape A4, and each person's name in the
    readiness table's header on paper as well as in the list of people (a column cut off
    by the scroll box is not printed)."""
    pdf = printed(narrow)
    box = pdf.pages[0].mediabox
    assert float(box.width) > float(box.height), "landscape"
    words = " ".join(page.extract_text() for page in pdf.pages).split()
    for name in NAMES:
        first = name.split()[0]
        assert words.count(first) >= 2, (name, words.count(first))
    assert len(pdf.pages) <= 6, len(pdf.pages)


def test_200_people_fold_away_and_never_widen_the_page(many):
    people = many.locator("[data-aig-team-fold]")
    summary = people.locator("summary")
    expect(summary).to_have_text("200 people compared")
    expect(people).not_to_have_attribute("open", "")
    expect(many.locator("[data-aig-messages] .aig-msg")).to_contain_text("Added 200 people. 200 people compared.")
    expect(many.get_by_role("button", name="Remove Person 1, trust 1")).to_be_hidden()
    summary.focus()
    many.keyboard.press("Enter")  # a native disclosure
    expect(many.get_by_role("button", name="Remove Person 1, trust 1")).to_be_visible()
    many.keyboard.press("Enter")
    expect(people).not_to_have_attribute("open", "")
    for width in (1280, 320):
        many.set_viewport_size({"width": width, "height": 800})
        assert many.evaluate("document.documentElement.scrollWidth") <= width
        region = many.locator(".aig-scroll:has([data-aig-team-readiness])")
        assert region.evaluate("e => e.scrollWidth > 5 * e.clientWidth"), "the people's columns scroll inside"
