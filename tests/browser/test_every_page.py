"""Every built page, in Chromium under Content-Security-Policy default-src 'self':
no request to another origin, no script error, no CSP violation, no axe WCAG 2.2
A/AA violation, in light and dark."""
from __future__ import annotations

import re

import pytest

from browser.helpers import axe_violations, built_pages, csp_violations
from conftest import CSP_LISTENER
from conftest import Watch


def test_page_list_is_complete(built_site):
    pages = built_pages(built_site)
    assert len(pages) >= 30, pages
    assert "tools/deployment-checklist/" in pages and "glossary/" in pages


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_is_clean(browser, built_site, base_url, scheme):
    problems = []
    ctx = browser.new_context(color_scheme=scheme)
    ctx.add_init_script(CSP_LISTENER)
    try:
        for path in built_pages(built_site):
            page = ctx.new_page()
            watch = Watch(base_url.rstrip("/"))
            watch.attach(page)
            page.goto(base_url + path, wait_until="load")
            page.wait_for_timeout(150)
            found = watch.errors + [f"foreign request {u}" for u in watch.foreign] + \
                [f"CSP {v}" for v in csp_violations(page)] + axe_violations(page)
            problems += [f"{path}: {f}" for f in found]
            page.close()
    finally:
        ctx.close()
    assert not problems, "\n".join(problems)
