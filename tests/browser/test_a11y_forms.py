"""Item titles as headings, and NHS.UK form patterns on the tools: large radios and
checkboxes, a styled file upload, the destructive Reset apart from Export, a toolbar
that leaves the first item on the first screen of a phone, and [hidden] that hides."""
from __future__ import annotations

from playwright.sync_api import expect

CHECKLIST = "tools/deployment-checklist/"


def test_checklist_items_are_headings_with_their_ids_and_links(page, base_url):
    page.goto(base_url + CHECKLIST)
    items = page.locator(".aig-tool > .aig-group > ul > li[data-aig-item]")
    subs = page.locator(".aig-items--sub > li[data-aig-item]")
    assert items.count() >= 15 and subs.count() >= 1
    # One h3 per item, one h4 per nested item, each the item's title.
    assert page.locator("li[data-aig-item] > h3.aig-item__title").count() == items.count()
    assert page.locator(".aig-items--sub li[data-aig-item] > h4.aig-item__title").count() == subs.count()
    first = items.first
    assert first.get_attribute("id") == "item-appoint-ai-lead"
    assert first.locator("h3").inner_text() == "1. Appoint an AI lead"
    assert page.get_by_role("heading", level=3, name="1. Appoint an AI lead").count() == 1
    # Links to an item still land on it.
    page.goto(base_url + CHECKLIST + "#item-select-use-cases")
    page.wait_for_timeout(300)
    box = page.locator("#item-select-use-cases").bounding_box()
    assert 0 <= box["y"] < 300, box


def test_readiness_components_are_headings_inside_their_legends(page, base_url):
    page.goto(base_url + "tools/readiness-assessment/")
    assert page.locator("fieldset.aig-rating").count() == 15
    assert page.locator("fieldset.aig-rating > legend > h3").count() == 15
    assert page.get_by_role("group", name="Accuracy (High-quality data)").count() == 1
    assert page.get_by_role("heading", level=3, name="Accuracy (High-quality data)").count() == 1


def test_radios_and_checkboxes_are_large(page, base_url):
    page.goto(base_url + "tools/readiness-assessment/")
    radio = page.locator(".aig-radio input[type=radio]").first.bounding_box()
    assert radio["width"] >= 30 and radio["height"] >= 30, radio
    page.goto(base_url + "tools/benefits-planner/")
    box = page.locator(".aig-check input[type=checkbox]").first.bounding_box()
    assert box["width"] >= 30 and box["height"] >= 30, box


def test_file_upload_is_a_button_with_its_label_and_takes_focus(page, base_url):
    page.goto(base_url + CHECKLIST)
    page.locator("[data-aig-ready]").first.wait_for()
    label = page.locator(".aig-file label")
    expect(label).to_be_visible()
    assert label.evaluate("l => parseFloat(getComputedStyle(l).borderTopWidth)") >= 1
    assert label.evaluate("l => getComputedStyle(l).cursor") == "pointer"
    # The input keeps its label, and focus on it shows on the button-like label.
    file_input = page.get_by_label("Import answers from a file (JSON)")
    assert file_input.evaluate("i => i.type") == "file"
    page.get_by_role("button", name="Export checklist (CSV)").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "file"
    assert label.evaluate("l => getComputedStyle(l).outlineStyle") == "solid"


def test_reset_sits_apart_from_export(page, base_url):
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 844})
        page.goto(base_url + CHECKLIST)
        page.locator("[data-aig-ready]").first.wait_for()
        reset = page.get_by_role("button", name="Reset this tool").bounding_box()
        for name in ("Export answers (JSON)", "Export checklist (CSV)"):
            export = page.get_by_role("button", name=name).bounding_box()
            same_row = abs(export["y"] - reset["y"]) < 5
            gap = reset["x"] - (export["x"] + export["width"])
            assert not same_row or gap >= 48, (width, name, export, reset)
        # Reset is the last control of the bar, at its far end.
        bar = page.locator("[data-aig-bar] .aig-actions").bounding_box()
        assert abs((reset["x"] + reset["width"]) - (bar["x"] + bar["width"])) < 2, (width, reset, bar)


def test_toolbar_leaves_the_first_item_on_a_phones_first_screen(browsing, base_url):
    page = browsing.new(viewport={"width": 390, "height": 844}).new_page()
    page.goto(base_url + CHECKLIST)
    bar = page.locator("[data-aig-bar]")
    bar.wait_for()
    height = bar.bounding_box()["height"]
    assert height <= 130, f"the toolbar is {height:.0f} px tall on a phone"
    title = page.locator("[data-aig-item] .aig-item__title").first.bounding_box()
    assert title["y"] + title["height"] <= 844, title


def test_hidden_means_hidden_in_tools(page, base_url):
    """The benefits planner's summary table is [hidden] until an indicator is chosen;
    Material's table:not([class]) display rule must not show it."""
    page.goto(base_url + "tools/benefits-planner/")
    page.locator("[data-aig-ready]").first.wait_for()
    table = page.locator("[data-aig-summary-table]")
    if table.count():
        assert table.evaluate("t => t.hidden")
        expect(table).to_be_hidden()
    assert page.evaluate("""() => [...document.querySelectorAll('.aig-tool [hidden], [data-aig-page] [hidden]')]
        .filter(e => getComputedStyle(e).display !== 'none').map(e => e.outerHTML.slice(0, 80))""") == []
