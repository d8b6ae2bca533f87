"""Recorded changes to the guidance, seen by people with saved answers (Chromium).

A copy of the project is built twice, and served from one address so that the
browser keeps its answers between the two builds:
  before: answers are given through the page, and others are saved as the site saved
          them before the revisions lock (each with the fingerprint of its guidance);
          one answer file is exported;
  after:  two items get a wording fix and two a change of guidance, each recorded with
          `python -m macros.revise`, and one item is removed (recorded too).
A wording fix flags nothing; a change of guidance flags exactly the answers to that
item, with its note and date; a removed item's answers survive reload, export and
import; the What's changed page lists what changed. (An unrecorded edit stopping the
build: tests/test_revisions.py.)"""
from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import sys
import threading

import pytest
from playwright.sync_api import expect

from browser.helpers import axe_violations, export_file, tool_key
from conftest import ROOT, Handler, Server, free_port

pytestmark = pytest.mark.xdist_group("revisions")  # one worker builds the two sites (module fixture)
from macros.tools import BY_ID

PARTS = ("mkdocs.yml", "docs", "content", "macros", "overrides")
CHECKLIST, STEPS = "tools/deployment-checklist/", "tools/where-to-start/"
WORDING = ("appoint-ai-lead", "understand-user-needs")                # by the page, and as saved before the lock
GUIDANCE = ("define-the-problem", "evaluate-traditional-solutions")   # the same
REMOVED = "demystify-and-involve-users"                                # a where-to-start step
NOTE = "Asks you to write the problem down and agree it with the people who have it"
DAY, DAY_READ = "2026-12-03", "3 December 2026"


def edit(project, relpath, old, new):
    path = project / relpath
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def revise(project, *args):
    """Record a decision; True once the content and the lock agree."""
    done = subprocess.run([sys.executable, "-m", "macros.revise", *args], cwd=project, capture_output=True, text=True)
    assert "recorded" in done.stdout, done.stdout + done.stderr
    return done.returncode == 0


class Project:
    """A copy of the project, built into one served folder at a time."""

    def __init__(self, root):
        self.root, self.port = root, free_port()
        for part in PARTS:
            (shutil.copytree if (ROOT / part).is_dir() else shutil.copy)(ROOT / part, root / part)
        self.served = root / "served"  # a link to the build being served
        self.url = f"http://127.0.0.1:{self.port}/"
        self.server = Server(("127.0.0.1", self.port), functools.partial(Handler, directory=str(self.served)))
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def build(self, name):
        dest = self.root / name
        done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(dest)],
                              cwd=self.root, capture_output=True, text=True,
                              env=dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=self.url))
        assert done.returncode == 0, done.stdout + done.stderr
        if self.served.is_symlink():
            self.served.unlink()
        self.served.symlink_to(dest)


def answers(page, tool="deployment-checklist"):
    raw = page.evaluate("k => localStorage.getItem(k)", tool_key(page, tool))
    return json.loads(raw)["answers"] if raw else {}


def fingerprints(page):
    """Each item's fingerprint now, as a page before the lock saved it: the last in
    data-aig-revs (earlier ones are wording fixes or revisions before it)."""
    return page.evaluate("""() => { const r = document.querySelector('[data-aig-tool]')
      const ids = r.getAttribute('data-aig-ids').split(' '), revs = r.getAttribute('data-aig-revs').split(' ')
      return Object.fromEntries(ids.map((id, i) => [id, revs[i].split(/[,+]/).pop()])) }""")


@pytest.fixture(scope="module")
def site(tmp_path_factory, module_browsing):
    project = Project(tmp_path_factory.mktemp("revisions"))
    ctx = module_browsing.new(origin=project.url)
    page = ctx.new_page()
    watch = module_browsing.watch
    old_export = project.root / "before.json"
    try:
        # Before: answers given through the page, and answers as saved before the lock.
        project.build("before")
        page.goto(project.url + CHECKLIST)
        page.select_option(f"#status-{WORDING[0]}", label="Completed")
        page.select_option(f"#status-{GUIDANCE[0]}", label="In progress")
        page.fill(f"#notes-{GUIDANCE[0]}", "Problem statement drafted")
        saved_now = answers(page)
        fp = fingerprints(page)
        record = json.loads(page.evaluate("k => localStorage.getItem(k)", tool_key(page, "deployment-checklist")))
        for ident in (WORDING[1], GUIDANCE[1]):
            record["answers"][ident] = {"status": "completed", "notes": "Saved before the lock", "rev": fp[ident]}
        page.evaluate("([k, v]) => localStorage.setItem(k, v)",
                      [tool_key(page, "deployment-checklist"), json.dumps(record)])
        page.reload()
        expect(page.locator("[data-aig-tool][data-aig-ready]")).to_have_count(1)
        export_file(page, "Export answers (JSON)").save_as(old_export)
        page.goto(project.url + STEPS)
        page.select_option(f"#status-{REMOVED}", label="Completed")
        page.fill(f"#notes-{REMOVED}", "Users involved from the start")
        assert not watch.problems(page)

        # After: two wording fixes, two changes of guidance and a removal, each recorded.
        root = project.root
        for ident in (*WORDING, *GUIDANCE):
            # The end of the item's text (a folded block): a wording fix drops its full
            # stop; a change of guidance adds a sentence.
            text = (root / "content/checklist.yml").read_text(encoding="utf-8")
            at = text.index("text: >-\n", text.index(f"- id: {ident}")) + len("text: >-\n")
            while text.startswith("      ", at):
                at = text.index("\n", at) + 1
            end = at - 1
            assert text[end - 1] == ".", text[end - 40:end]
            added = "" if ident in WORDING else ". Write the problem down and agree it with the people who have it."
            (root / "content/checklist.yml").write_text(text[:end - 1] + added + text[end:], encoding="utf-8")
        edit(root, "content/where_to_start.yml",
             "  - id: demystify-and-involve-users\n    text: Explain AI in plain terms and involve users before you "
             "start any deployment.\n", "")
        revise(root, *WORDING, "--wording")
        revise(root, *GUIDANCE, "--guidance", NOTE, "--date", DAY)
        assert revise(root, REMOVED, "--removed", "Now part of the other steps", "--date", DAY)
        project.build("after")
        yield dict(project=project, ctx=ctx, page=page, watch=watch, saved_now=saved_now, old_export=old_export, fp=fp)
        assert not watch.problems(page)
    finally:
        ctx.close()
        project.server.shutdown()


def flagged(page):
    return page.evaluate("() => [...document.querySelectorAll('.aig-changed')].map(f => f.closest('[data-aig-item]')"
                         ".getAttribute('data-aig-item')).sort()")


def test_answers_saved_today_record_revision_1(site):
    assert site["saved_now"][WORDING[0]]["rev"] == 1 and site["saved_now"][GUIDANCE[0]]["rev"] == 1


def test_a_wording_fix_flags_nothing_and_a_change_of_guidance_flags_exactly_its_answers(site):
    page = site["page"]
    page.goto(site["project"].url + CHECKLIST)
    expect(page.locator(f"#item-{GUIDANCE[0]} .aig-changed")).to_be_visible()
    assert flagged(page) == sorted(GUIDANCE), "answers to the items with a wording fix are not flagged"
    for ident in GUIDANCE:
        expect(page.locator(f"#item-{ident} .aig-changed p")).to_have_text(
            f"The guidance for this point changed on {DAY_READ}: {NOTE}. Review your answer.")
    page.locator(f"#item-{GUIDANCE[0]}").scroll_into_view_if_needed()
    page.locator(f"#item-{GUIDANCE[0]}").screenshot(path="/tmp/revisions-flag.png")
    assert axe_violations(page) == []
    # Confirming clears the flag; so does editing the answer.
    page.locator(f"#item-{GUIDANCE[0]}").get_by_role("button", name="I have reviewed my answer").click()
    page.fill(f"#notes-{GUIDANCE[1]}", "Saved before the lock, and reviewed")
    assert flagged(page) == []
    page.reload()
    expect(page.locator("[data-aig-tool][data-aig-ready]")).to_have_count(1)
    assert flagged(page) == []
    now = answers(page)
    assert [now[i]["rev"] for i in GUIDANCE] == [2, 2]
    assert now[WORDING[1]]["rev"] == site["fp"][WORDING[1]], "an answer nobody touched keeps what it saved"


def test_an_old_export_file_flags_only_the_changed_guidance(site, browsing):
    ctx = browsing.new(origin=site["project"].url)
    try:
        page = ctx.new_page()
        page.goto(site["project"].url + CHECKLIST)
        page.set_input_files("#aig-import-deployment-checklist", str(site["old_export"]))
        expect(page.locator("[data-aig-messages]")).to_contain_text("Answers imported into")
        assert flagged(page) == sorted(GUIDANCE)
    finally:
        ctx.close()


def test_a_removed_items_answers_survive_reload_export_and_import(site, browsing, tmp_path):
    page, url = site["page"], site["project"].url
    page.goto(url + STEPS)
    expect(page.locator("[data-aig-tool][data-aig-ready]")).to_have_count(1)
    assert page.locator(f"#item-{REMOVED}").count() == 0
    kept = answers(page, "where-to-start")[REMOVED]
    assert kept["status"] == "completed" and kept["notes"] == "Users involved from the start"
    page.reload()
    expect(page.locator("[data-aig-tool][data-aig-ready]")).to_have_count(1)
    assert answers(page, "where-to-start")[REMOVED] == kept
    page.goto(url + "tools/my-progress/")
    orphans = page.locator("[data-aig-orphan-list]")
    expect(orphans).to_contain_text(f"{BY_ID['where-to-start'].title}: {REMOVED}")
    expect(orphans).to_contain_text("Users involved from the start")
    path = tmp_path / "after.json"
    export_file(page, "Export this assessment (JSON)").save_as(path)
    exported = json.loads(path.read_text())
    assert exported["assessments"][0]["tools"]["where-to-start"]["answers"][REMOVED] == kept
    ctx = browsing.new(origin=url)
    try:
        other = ctx.new_page()
        other.goto(url + "tools/my-progress/")
        other.set_input_files("#aig-import-all", str(path))
        expect(other.locator("[data-aig-messages]")).to_contain_text("Answers imported into")
        expect(other.locator("[data-aig-orphan-list]")).to_contain_text(f"{BY_ID['where-to-start'].title}: {REMOVED}")
        assert answers(other, "where-to-start")[REMOVED] == kept
    finally:
        ctx.close()


def test_the_whats_changed_page_lists_the_changes_with_links(site):
    page, url = site["page"], site["project"].url
    page.goto(url + CHECKLIST)
    footer = page.locator("[data-aig-version=site]")
    expect(footer).to_have_text("Website version 1.0.0: what's changed.")
    footer.get_by_role("link", name="what's changed").click()
    expect(page).to_have_url(url + "whats-changed/")
    section = page.locator("h2", has_text="Since version 1.0.0")
    expect(section).to_be_visible()
    for ident in GUIDANCE:
        link = page.locator(f"a[href$='tools/deployment-checklist/#item-{ident}']")
        expect(link).to_have_count(1)
        expect(link.locator("xpath=..")).to_contain_text(f"{NOTE}. Changed on {DAY_READ} (revision 2).")
    for ident in WORDING:
        expect(page.locator(f"a[href$='#item-{ident}']")).to_have_count(0)
    expect(page.get_by_text(f"Removed: the item \u201c{REMOVED}\u201d")).to_be_visible()
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path="/tmp/revisions-whats-changed.png", full_page=True)
    assert axe_violations(page) == []
    page.locator(f"a[href$='#item-{GUIDANCE[0]}']").click()
    expect(page).to_have_url(url + f"{CHECKLIST}#item-{GUIDANCE[0]}")
