"""Routes for NHS roles on the home page (issue 11, part 5): board members, clinicians,
digital and project managers, and information governance and clinical safety officers,
beside the guide's own roles, all within the first screen of a 390 px phone; each route
points to the parts of the guide and the tools that serve it, and the routes the site
suggests itself say so."""
from __future__ import annotations

import pytest


JOBS = {"Board member": "board-members", "Clinician": "clinicians",
        "Digital or project manager": "digital-and-project-managers",
        "Information governance or clinical safety officer": "information-governance-and-clinical-safety"}
GUIDE_ROLES = {"AI leader": "ai-leaders", "AI professional": "ai-professionals", "AI worker": "ai-workers",
               "Patient or member of the public": "patients-and-the-public"}


@pytest.fixture
def phone(browsing):
    return browsing.new(viewport={"width": 390, "height": 844}).new_page()


def test_every_route_is_on_a_phones_first_screen(phone, base_url):
    phone.goto(base_url)
    routes = phone.locator(".aig-routes a")
    assert routes.all_inner_texts() == list(JOBS) + list(GUIDE_ROLES)
    for link in routes.all():
        box = link.bounding_box()
        assert box["y"] >= 48 and box["y"] + box["height"] <= 844, (link.inner_text(), box)
        assert box["height"] >= 24 and box["width"] >= 24  # target size
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390


def test_each_route_leads_to_guide_parts_and_tools(page, base_url):
    page.goto(base_url)
    for name, anchor in {**JOBS, **GUIDE_ROLES}.items():
        link = page.locator(".aig-routes a", has_text=name)
        assert link.get_attribute("href").endswith(f"#{anchor}")  # Material may make it absolute
        section = page.locator(f"#{anchor}")
        assert section.evaluate("h => h.tagName") == "H3"
        # The links of the section: up to the next heading.
        hrefs = section.evaluate("""h => { const out = []
            for (let e = h.nextElementSibling; e && !/^H[1-3]$/.test(e.tagName); e = e.nextElementSibling)
              out.push(...[...e.querySelectorAll('a')].map(a => a.getAttribute('href')))
            return out }""")
        assert any("guide/" in h for h in hrefs), (name, hrefs)
        if name in JOBS:
            assert any("tools/" in h for h in hrefs), (name, hrefs)
    # Links that land: a route's section is on the page, its parts and tools exist.
    page.locator(".aig-routes a", has_text="Clinician").click()
    assert page.url.endswith("#clinicians")
    page.locator("#clinicians ~ ul a", has_text="clinical safety").first.click()
    page.wait_for_url("**/guide/managing-risk/#clinical-safety")


def test_the_sites_own_routes_say_so(page, base_url):
    page.goto(base_url)
    groups = page.locator(".aig-routes__group").all_inner_texts()
    assert groups == ["By your job (this website's suggestion)", "By the guide's roles"]
    assert "The routes by job are this website's suggestion, not the guide's" in page.locator("article").inner_text()


def test_a_dark_system_setting_opens_the_home_page_dark(browsing, base_url):
    """axe checks the home page light and dark at 1280 px (test_every_page) and 390 px
    (test_a11y_axe), switching the scheme in place; a browser set to dark opens it dark."""
    page = browsing.new(color_scheme="dark").new_page()
    page.goto(base_url)
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
