"""Bad content stops `mkdocs build` with one clear message naming the file, the
place and what is wrong, and no traceback."""
from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from conftest import ROOT

PARTS = ("mkdocs.yml", "docs", "content", "macros", "overrides")


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    dest = tmp_path_factory.mktemp("project")
    for part in PARTS:
        src = ROOT / part
        (shutil.copytree if src.is_dir() else shutil.copy)(src, dest / part)
    return dest


def build_with(project, tmp_path, relpath, edit):
    """Build a copy of the project with one file edited; return (code, output)."""
    target = project / relpath
    original = target.read_text(encoding="utf-8")
    target.write_text(edit(original), encoding="utf-8")
    try:
        done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "out")],
                              cwd=project, capture_output=True, text=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": ""})
    finally:
        target.write_text(original, encoding="utf-8")
    return done.returncode, done.stdout + done.stderr


def line_of(text, needle):
    return text[: text.index(needle)].count("\n") + 1


CASES = {
    "yaml syntax error": ("content/glossary.yml",
                          lambda t: t.replace("  - id: ", "  - id: [unclosed\n    oops: ", 1),
                          "content/glossary.yml:", "YAML syntax error"),
    "duplicate id": ("content/checklist.yml",
                     lambda t: t.replace("id: define-the-problem", "id: appoint-ai-lead", 1),
                     "content/checklist.yml:", "id 'appoint-ai-lead' is used twice"),
    "missing required field": ("content/principles.yml",
                               lambda t: t.replace("    number: 1\n", "", 1),
                               "content/principles.yml:", "missing required field 'number'"),
    "wrong type": ("content/principles.yml",
                   lambda t: t.replace("number: 2", "number: two", 1),
                   "content/principles.yml:", "principles[1].number: should be integer, but is text"),
    "unknown key": ("content/where_to_start.yml",
                    lambda t: t.replace("  - id: plot-the-journey\n", "  - id: plot-the-journey\n    colour: blue\n", 1),
                    "content/where_to_start.yml:", "steps[0].colour: unknown field 'colour'"),
    "reference to a missing id": ("content/readiness.yml",
                                  lambda t: t.replace("checklist: [", "checklist: [no-such-item, ", 1),
                                  "content/readiness.yml:", "'no-such-item' is not an id in content/checklist.yml"),
}


@pytest.mark.parametrize("case", CASES)
def test_bad_content_fails_the_build_clearly(project, tmp_path, case):
    relpath, edit, where, what = CASES[case]
    edited = edit((project / relpath).read_text(encoding="utf-8"))
    assert edited != (project / relpath).read_text(encoding="utf-8"), "the edit must change the file"
    code, out = build_with(project, tmp_path, relpath, edit)
    assert code != 0
    assert "Traceback" not in out
    errors = [line for line in out.splitlines() if where in line]
    assert errors, out
    assert any(what in line for line in errors), out
    # The place: a line number right after the file name.
    assert any(line.split(where, 1)[1].split(":", 1)[0].isdigit() for line in errors), out


def test_unknown_source_in_a_page_fails_the_build(project, tmp_path):
    code, out = build_with(project, tmp_path, "docs/guide/resources.md",
                           lambda t: t + "\n{{ source('no-such-source') }}\n")
    assert code != 0
    assert "no-such-source" in out and "docs/guide/resources.md" in out
