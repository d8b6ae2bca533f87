"""Every built page, in Chromium under Content-Security-Policy default-src 'self':
no request to another origin, no script error, no CSP violation, no axe WCAG 2.2
A/AA violation, in light and dark. One test per page and scheme, so the pages are
spread over the test workers."""
from __future__ import annotations

import pytest

from browser.helpers import axe_violations, built_pages, csp_violations, source_pages
from conftest import CSP_LISTENER, ROOT, Watch

PAGES = source_pages(ROOT / "docs")


def test_page_list_is_complete(built_site):
    assert sorted(built_pages(built_site)) == sorted(PAGES)
    assert "tools/deployment-checklist/" in PAGES and "glossary/" in PAGES


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_every_page_is_clean(browser, base_url, path, scheme):
    ctx = browser.new_context(color_scheme=scheme)
    ctx.add_init_script(CSP_LISTENER)
    try:
        page = ctx.new_page()
        watch = Watch(base_url.rstrip("/")).attach(page)
        page.goto(base_url + path, wait_until="load")
        found = axe_violations(page) + watch.errors + [f"foreign request {u}" for u in watch.foreign] + \
            [f"CSP {v}" for v in csp_violations(page)]
    finally:
        ctx.close()
    assert not found, "\n".join(found)
