"""Finding one's way on a phone and with search (issue 20): from the home page to the
clinical safety items of the risk and assurance checklist in at most 3 taps; "DPIA"
finds the glossary entry; a search result for a checklist item opens at that item."""
from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browsing):
    return browsing.new(viewport=PHONE, has_touch=True, is_mobile=True).new_page()


@pytest.fixture
def searching(browsing):
    """A page with Material's search working (the factory leaves it out otherwise)."""
    return browsing.new(search=True).new_page()


@pytest.mark.parametrize("late", [0, 1.5], ids=["stylesheet-at-once", "stylesheet-late"])
def test_home_to_the_clinical_safety_checklist_items_in_3_taps(phone, base_url, late):
    # Late: the tool page's own stylesheet arrives after Material has scrolled to the
    # address's #target (as on a busy machine or a slow network), moving the target.
    phone.route("**/components/styles/*.css", lambda route: (time.sleep(late), route.continue_()))
    phone.goto(base_url)
    taps = 0

    def tap(locator):
        nonlocal taps
        expect(locator).to_be_in_viewport()  # there to see, without hunting for it
        locator.tap()
        taps += 1

    tap(phone.locator(".aig-routes a", has_text="Clinician"))
    tap(phone.locator("#clinicians ~ ul a", has_text="clinical safety items").first)
    phone.wait_for_url("**/tools/risk-assurance/#group-clinical-safety")
    assert taps <= 3
    # Once the page's own stylesheet is in (Material adds its link after the address changes;
    # polled: wait_for_function's eval breaks the CSP).
    for _ in range(200):
        if phone.evaluate("() => !!document.querySelector(\"link[href*='components/styles/']\")?.sheet"):
            break
        phone.wait_for_timeout(50)
    heading = phone.locator("#group-clinical-safety")
    expect(heading).to_have_text("Clinical safety")
    expect(heading).to_be_in_viewport()
    first_item = phone.locator("#group-clinical-safety ~ ul .aig-item__title").first
    expect(first_item).to_be_in_viewport()
    # The page's contents list has the checklist's sections, the same menu a phone opens.
    links = phone.locator(".md-nav--secondary a.md-nav__link").all_inner_texts()
    assert "Clinical safety" in [" ".join(t.split()) for t in links]


def search(page, words: str):
    box = page.locator(".md-search__input")
    box.click()  # Material starts its search worker; typed before it is ready, a query is lost
    expect(page.locator(".md-search-result__meta")).not_to_have_text("Initializing search", timeout=15000)
    box.press_sequentially(words)  # key by key, as a person types (Material reads keyup)
    results = page.locator("a.md-search-result__link")
    expect(results.first).to_be_attached(timeout=15000)
    return results


def test_search_for_dpia_finds_the_glossary_entry(searching, base_url):
    page = searching
    page.goto(base_url)
    results = search(page, "DPIA")
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    assert any(h.split("?")[0].endswith("glossary/") and h.endswith("#data-protection-impact-assessment")
               for h in hrefs), hrefs


def test_a_search_result_opens_the_checklist_at_the_item(searching, base_url):
    page = searching
    page.goto(base_url + "tools/risk-assurance/")
    results = search(page, "DCB0160")
    hit = results.filter(has=page.locator("h1, h2", has_text="DCB0160 clinical safety standard")).first
    href = hit.get_attribute("href")  # with ?h=dcb0160, for Material's highlighting
    assert href.split("?")[0].endswith("tools/risk-assurance/") and href.endswith("#item-dcb0160-title"), href
    hit.click()
    page.wait_for_url("**#item-dcb0160-title")
    expect(page.locator("#item-dcb0160-title")).to_be_in_viewport()


def test_a_search_hit_in_an_items_text_opens_the_checklist_at_that_item(searching, base_url):
    """A word only in an item's text, not its title ("Do you have enough good-quality,
    representative data for the AI to work as intended?"), leads to the item, not to
    its group's heading (19 screens above the match on a phone before)."""
    page = searching
    page.goto(base_url + "tools/risk-assurance/")
    results = search(page, "intended")
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    # Material lists the page first, then the sections that match: here only the item's.
    ours = [h for h in hrefs if h.split("?")[0].endswith("tools/risk-assurance/") and "#" in h]
    assert ours and all(h.endswith("#item-data-quantity-and-quality-title") for h in ours), hrefs
    page.locator(f'a.md-search-result__link[href="{ours[0]}"]').click()
    page.wait_for_url("**#item-data-quantity-and-quality-title")
    expect(page.locator("#item-data-quantity-and-quality .aig-item__text")).to_be_in_viewport()
