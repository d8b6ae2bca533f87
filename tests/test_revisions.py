"""The revisions lock (content/revisions.yml): an edit to an item's guidance that is not
recorded stops the build, naming the file, line and item and both ways on; the
`python -m macros.revise` command records each decision. (What people see in the
browser after each decision: tests/browser/test_revisions.py.)"""
from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
import yaml

from conftest import ROOT
from macros import revisions
from macros.tools import BY_ID

STEPS = BY_ID["where-to-start"].title

PARTS = ("mkdocs.yml", "docs", "content", "macros", "overrides")
ENV = {"NO_MKDOCS_2_WARNING": "1", "PATH": ""}
COMMA = ("Appoint an AI lead for each problem or mission, with", "Appoint an AI lead, for each problem or mission, with")


def copy_project(dest):
    for part in PARTS:
        (shutil.copytree if (ROOT / part).is_dir() else shutil.copy)(ROOT / part, dest / part)
    return dest


def run(project, *args):
    return subprocess.run([sys.executable, *args], cwd=project, capture_output=True, text=True, env=ENV)


def edit(project, relpath, old, new):
    path = project / relpath
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def lock(project, tool):
    data = yaml.safe_load((project / "content/revisions.yml").read_text(encoding="utf-8"))
    return {e["item"]: e for e in data["tools"][tool]}


def test_an_unrecorded_edit_stops_the_build_naming_file_line_item_and_both_commands(tmp_path):
    project = copy_project(tmp_path)
    edit(project, "content/checklist.yml", *COMMA)  # one comma, as an editor might add
    text = (project / "content/checklist.yml").read_text(encoding="utf-8")
    line = text[: text.index("- id: appoint-ai-lead")].count("\n") + 1
    built = run(project, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "out"))
    validated = run(project, "-m", "macros.validate")
    for done in (built, validated):
        out = done.stdout + done.stderr
        assert done.returncode != 0, out
        assert (f"content/checklist.yml:{line}: item 'appoint-ai-lead' (Deployment checklist): its guidance has "
                "changed since revision 1 was recorded in content/revisions.yml") in out
        assert "python -m macros.revise appoint-ai-lead --wording" in out
        assert 'python -m macros.revise appoint-ai-lead --guidance "what changed, in one line"' in out
        assert "Traceback" not in out
    assert "Aborted with a BuildError" in built.stdout + built.stderr


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return copy_project(tmp_path_factory.mktemp("revise"))


def test_a_wording_fix_keeps_the_revision(project):
    before = lock(project, "deployment-checklist")["appoint-ai-lead"]["revisions"]
    edit(project, "content/checklist.yml", *COMMA)
    done = run(project, "-m", "macros.revise", "appoint-ai-lead", "--wording")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "still revision 1, no answer flagged" in done.stdout
    after = lock(project, "deployment-checklist")["appoint-ai-lead"]["revisions"]
    assert len(after) == 1 and after[0]["fingerprints"][:-1] == before[0]["fingerprints"]
    assert run(project, "-m", "macros.validate").returncode == 0
    again = run(project, "-m", "macros.revise", "appoint-ai-lead", "--wording")
    assert again.returncode == 1 and "there is nothing to record" in again.stderr


def test_a_change_of_guidance_adds_a_dated_revision_with_its_note(project):
    edit(project, "content/where_to_start.yml", "Plan the journey.", "Plan the journey with your users.")
    done = run(project, "-m", "macros.revise", "plot-the-journey", "--guidance", "Plan with your users.",
               "--date", "2026-12-03")
    assert done.returncode == 0, done.stdout + done.stderr
    revs = lock(project, "where-to-start")["plot-the-journey"]["revisions"]
    assert [(r["revision"], r["date"], r["note"]) for r in revs[1:]] == [(2, "2026-12-03", "Plan with your users")]
    assert run(project, "-m", "macros.validate").returncode == 0
    token, notes = revisions.page_revisions(yaml.safe_load((project / "content/revisions.yml").read_text()),
                                            "where-to-start", ["plot-the-journey"])
    assert token == ",".join("+".join(r["fingerprints"]) for r in revs) and token.count(",") == 1
    assert notes == {"plot-the-journey": [["2026-12-03", "Plan with your users"]]}


def test_new_and_removed_items_are_recorded_and_a_removed_id_stays_taken(project):
    edit(project, "content/where_to_start.yml", "  - id: demystify-and-involve-users\n", "  - id: a-new-step\n")
    done = run(project, "-m", "macros.validate")
    assert done.returncode == 1
    assert f"item 'a-new-step' ({STEPS}) is new" in done.stderr
    assert "python -m macros.revise a-new-step --new" in done.stderr
    assert f"item 'demystify-and-involve-users' ({STEPS}) is no longer in the content" in done.stderr
    assert 'python -m macros.revise demystify-and-involve-users --removed "why, in one line"' in done.stderr
    new = run(project, "-m", "macros.revise", "--new")
    assert "where-to-start/a-new-step: recorded at revision 1" in new.stdout
    assert new.returncode == 1 and "is no longer in the content" in new.stderr  # the removal is still to record
    done = run(project, "-m", "macros.revise", "demystify-and-involve-users", "--removed", "Merged into other steps")
    assert done.returncode == 0, done.stdout + done.stderr
    assert run(project, "-m", "macros.validate").returncode == 0
    entries = lock(project, "where-to-start")
    assert entries["demystify-and-involve-users"]["removed"]["note"] == "Merged into other steps"
    assert entries["a-new-step"]["revisions"][0]["revision"] == 1
    edit(project, "content/where_to_start.yml", "  - id: a-new-step\n", "  - id: demystify-and-involve-users\n")
    done = run(project, "-m", "macros.validate")
    assert done.returncode == 1 and "was recorded as removed" in done.stderr and "give this item a new id" in done.stderr
