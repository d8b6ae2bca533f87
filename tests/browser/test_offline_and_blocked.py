"""Storage blocked by the browser, and the offline build opened from a file share."""
from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from browser.helpers import built_pages, POINTS
from browser.helpers import export_file
from conftest import CHROMIUM, CHROMIUM_ARGS, build


@pytest.fixture
def blocked_context(playwright, browsing, tmp_path):
    """A real Chromium profile set to block all site data (cookies and storage); search
    left on, as every page is loaded."""
    profile = tmp_path / "profile"
    (profile / "Default").mkdir(parents=True)
    (profile / "Default" / "Preferences").write_text(
        json.dumps({"profile": {"default_content_setting_values": {"cookies": 2}}}))
    return browsing.adopt(playwright.chromium.launch_persistent_context(
        str(profile), executable_path=CHROMIUM, args=CHROMIUM_ARGS, accept_downloads=True), search=True)

N = POINTS["deployment-checklist"]  # the guide's 15 numbered points


@pytest.mark.slow
def test_storage_blocked_every_page_loads_without_error_and_tools_still_work(blocked_context, browsing, built_site, base_url):
    # The browser really refuses storage to this site (seen from a file with no scripts of ours).
    probe = blocked_context.new_page()
    probe.goto(base_url + "assets/vendor/iframe-worker/README.txt")
    assert probe.evaluate("() => { try { localStorage.length; return 'allowed' } catch (e) { return e.name } }") \
        == "SecurityError"
    probe.close()
    watch = browsing.watch
    watch.forgive(r"favicon\.ico|status of 404")  # for a text file Chromium asks for /favicon.ico, which no page uses
    page = blocked_context.new_page()
    page.goto(base_url)
    assert page.evaluate("window.__md_blocked") == ["localStorage", "sessionStorage"]
    for path in built_pages(built_site):
        page.goto(base_url + path)
        assert not watch.problems(page), (path, watch.problems(page))
    page.goto(base_url + "tools/deployment-checklist/")
    alert = page.locator("[data-aig-messages] [role=alert]")
    assert "cannot be saved" in alert.inner_text()
    page.select_option("#status-appoint-ai-lead", label="Completed")
    page.fill("#notes-appoint-ai-lead", "kept for this visit")
    assert page.locator("[data-aig-progress]").inner_text() == f"1 of {N} completed"
    dl = export_file(page, "Export answers now")
    data = json.loads(open(dl.path()).read())
    assert data["assessments"][0]["tools"]["deployment-checklist"]["answers"]["appoint-ai-lead"]["notes"] == "kept for this visit"
    assert not watch.problems(page)


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory):
    dest = tmp_path_factory.mktemp("offline")
    done = build(dest, OFFLINE="true")
    assert done.returncode == 0, done.stdout + done.stderr
    return dest


def test_offline_build_has_nothing_from_other_origins(offline_site):
    shim = offline_site / "assets" / "vendor" / "iframe-worker" / "shim.min.js"
    assert shim.is_file()
    for html in offline_site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert "unpkg.com" not in text and "fonts.googleapis" not in text, html
        assert 'src="http' not in text and "<link rel=\"stylesheet\" href=\"http" not in text, html
    assert (offline_site / "search" / "search_index.js").is_file()


def test_offline_build_tools_and_search_work_over_file(browsing, offline_site):
    page = browsing.new(search=True).new_page()
    url = (offline_site / "tools" / "deployment-checklist.html").as_uri()
    page.goto(url)
    page.select_option("#status-appoint-ai-lead", label="In progress")
    page.fill("#notes-appoint-ai-lead", "from the file share")
    page.reload()
    assert page.input_value("#notes-appoint-ai-lead") == "from the file share"
    assert page.locator("[data-aig-progress]").inner_text() == f"0 of {N} completed"
    # My progress sees it too, through a normal link.
    page.locator("article a[href$='my-progress.html']").first.click()
    page.wait_for_url("**/my-progress.html")
    expect(page.locator("[data-aig-tool-row=deployment-checklist]")).to_contain_text(f"0 of {N} completed")
    # Search runs from the inlined index through the vendored worker shim.
    page.locator("input.md-search__input").focus()  # a click can land on the suggestion layer
    page.keyboard.type("hallucination")
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    assert page.locator(".md-search-result__item").count() > 0
