"""Every built page, in Chromium under Content-Security-Policy default-src 'self':
no request to another origin, no script error, no CSP violation, no axe WCAG 2.2
A/AA violation, in light and dark. One test per page, so the pages are spread over the
test workers; each page is loaded once and checked in both schemes (axe_light_and_dark).
Loading a page in the dark scheme is tested in test_theme and test_a11y_home."""
from __future__ import annotations

import pytest

from browser.helpers import axe_light_and_dark, built_pages, source_pages
from conftest import ROOT

PAGES = source_pages(ROOT / "docs")


def test_page_list_is_complete(built_site):
    assert sorted(built_pages(built_site)) == sorted(PAGES)
    assert "tools/deployment-checklist/" in PAGES and "glossary/" in PAGES


@pytest.mark.parametrize("path", PAGES)
def test_every_page_is_clean(browsing, base_url, path):
    # Search left on: every page starts Material's search worker cleanly too.
    page = browsing.new(color_scheme="light", search=True).new_page()
    page.goto(base_url + path, wait_until="load")
    found = axe_light_and_dark(page) + browsing.check()
    assert not found, "\n".join(found)


def test_a_fault_seen_only_in_dark_is_found(browsing, base_url):
    """The cheaper dark check still finds a colour fault that only the dark scheme has."""
    page = browsing.new(color_scheme="light", bypass_csp=True).new_page()  # to add the faulty style
    page.goto(base_url + "about/", wait_until="load")
    page.add_style_tag(content="[data-md-color-scheme=slate] .md-typeset p { color: #333 !important }")
    found = axe_light_and_dark(page)
    assert found and all(f.startswith("dark: color-contrast") for f in found), found
