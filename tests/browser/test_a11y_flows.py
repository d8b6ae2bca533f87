"""Flows that end well: the readiness assessment counts "N of M rated" as you go,
shows the result right after the last rating (and at the top), and prints the
results alone."""
from __future__ import annotations

import re

from playwright.sync_api import expect

READINESS = "tools/readiness-assessment/"


def components(page) -> list[str]:
    return page.locator("fieldset[data-aig-item]").evaluate_all("fs => fs.map(f => f.getAttribute('data-aig-item'))")


def test_readiness_counts_as_you_go_and_shows_the_result_after_the_last_rating(page, base_url):
    page.goto(base_url + READINESS)
    page.locator("[data-aig-ready]").first.wait_for()
    ids = components(page)
    total = len(ids)  # from the page, as the tool counts them
    assert total >= 10
    top = page.locator("[data-aig-summary-top]")
    results = page.locator("[data-aig-results]")
    expect(top).to_be_hidden()
    expect(results).to_be_hidden()

    first_area = page.locator("[data-aig-area-progress]").first
    page.check(f"#level-{ids[0]}-2")
    area_name = page.locator("section.aig-group h2").first.inner_text()
    in_area = page.locator(f"fieldset[data-aig-area='{first_area.get_attribute('data-aig-area-progress')}']").count()
    expect(first_area).to_have_text(f"{area_name}: 1 of {in_area} rated. In all, 1 of {total} rated.")
    expect(page.locator("[data-aig-progress]")).to_have_text(f"1 of {total} rated")

    # All but the last: the results say how many are left out.
    for comp in ids[1:-1]:
        page.check(f"#level-{comp}-3")
    page.check(f"#level-{ids[1]}-unknown")
    expect(results.locator("[data-aig-results-progress]")).to_contain_text(f"{total - 1} of {total} components so far")

    # The last rating: the result is right below it, and the top says so too.
    page.check(f"#level-{ids[-1]}-4")
    expect(results).to_be_visible()
    expect(results.locator("[data-aig-results-progress]")).to_have_text(
        f"You have rated all {total} components (1 \u201cDon\u2019t know\u201d).")
    last = page.locator(f"#item-{ids[-1]}").bounding_box()
    res = results.bounding_box()
    assert res["y"] > last["y"] + last["height"], "the results come after the last component"
    between = page.evaluate("""(id) => {
        const last = document.getElementById('item-' + id), res = document.querySelector('[data-aig-results]')
        const all = [...document.querySelectorAll('fieldset[data-aig-item], [data-aig-results]')]
        return all.indexOf(res) - all.indexOf(last)
    }""", ids[-1])
    assert between == 1, "no component between the last one and the results"
    expect(page.locator("[data-aig-area-progress]").last).to_contain_text(
        f"In all, {total} of {total} rated: your results are after the last component.")
    expect(top).to_contain_text(f"from {total} of {total} components rated")
    assert re.search(r"Overall readiness \d\.\d out of 5", top.inner_text())
    assert top.locator("a").get_attribute("href") == "#results"
    overall = results.locator("tr[data-aig-area=overall] [data-aig-rated]")
    expect(overall).to_have_text(f"{total - 1} of {total}")

    # Restored on reload.
    page.reload()
    expect(results.locator("[data-aig-results-progress]")).to_contain_text(f"all {total} components")


def test_readiness_results_print_alone(page, base_url):
    page.goto(base_url + READINESS)
    page.locator("[data-aig-ready]").first.wait_for()
    ids = components(page)
    for comp in ids:
        page.check(f"#level-{comp}-3")
    # The button asks the browser to print with the page marked "results only".
    page.evaluate("""() => { window.__printed = []
        window.print = () => window.__printed.push(document.documentElement.className) }""")
    page.get_by_role("button", name="Print your results").click()
    printed = page.evaluate("window.__printed")
    assert len(printed) == 1 and "aig-print-results" in printed[0]
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert "aig-print-results" not in page.evaluate("document.documentElement.className")

    # What that print shows: the title, the results (with the overall score), nothing else.
    page.evaluate("document.documentElement.classList.add('aig-print-results')")
    page.emulate_media(media="print")
    expect(page.locator("h1")).to_be_visible()
    results = page.locator("[data-aig-results]")
    expect(results).to_be_visible()
    expect(results.locator("tr[data-aig-area=overall] [data-aig-score]")).to_have_text("3.0")
    expect(results.locator("svg.aig-chart")).to_be_visible()
    expect(page.locator("fieldset[data-aig-item]").first).to_be_hidden()
    expect(page.locator("[data-aig-summary-top]")).to_be_hidden()
    expect(page.get_by_role("button", name="Print your results")).to_be_hidden()
    # A normal print still has everything, results included.
    page.evaluate("document.documentElement.classList.remove('aig-print-results')")
    expect(page.locator("fieldset[data-aig-item]").first).to_be_visible()
    expect(results).to_be_visible()
