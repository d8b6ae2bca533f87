"""One vocabulary (content/vocabulary.yml): every variant of a preferred term in
content/, docs/ and the figure templates is reported with its file and line, by
`python -m macros.validate` and by the build, which stops."""
from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from conftest import ROOT
from macros.content import load_all
from macros.vocabulary import Vocabulary

TERMS = load_all()["vocabulary"]["terms"]
PARTS = ("mkdocs.yml", "docs", "content", "macros", "overrides")


@pytest.fixture(scope="module")
def vocabulary():
    return Vocabulary(TERMS)


def test_finds_variants_with_file_and_line(vocabulary):
    text = "First line.\nWe use cyber security and data sets,\nand decision\n  making too.\n"
    found = vocabulary.problems_in(text, "docs/x.md", "md")
    assert [p.split(": ", 1)[0] for p in found] == ["docs/x.md:2", "docs/x.md:2", "docs/x.md:3"]
    assert "'cyber security' is a variant of 'cybersecurity'" in found[0]
    assert "'data sets' is a variant of 'dataset'" in found[1]
    assert "'decision making' is a variant of 'decision-making'" in found[2]


def test_preferred_forms_names_and_quotations_pass(vocabulary):
    text = ("Cybersecurity and datasets. The National Cyber Security Centre wrote "
            "'AI and cyber security: what you need to know'. HM Treasury's Five Case Model "
            "and Better Business Cases. McKinsey: \"activities involving decision making and "
            "collaboration\". HM Government.\n")
    assert vocabulary.problems_in(text, "docs/x.md", "md") == []


def test_case_matters_where_the_name_has_capitals(vocabulary):
    found = vocabulary.problems_in("Better business cases and the Five-Case Model.", "f.md", "md")
    assert len(found) == 2


def test_ids_addresses_links_comments_and_macros_are_not_prose(vocabulary):
    yaml_text = ("# cyber security in a comment\n"
                 "  - id: cyber-security\n"
                 "    see_also: [cyber-security, data-set]\n"
                 "    url: https://example.org/cyber-security\n")
    assert vocabulary.problems_in(yaml_text, "content/x.yml", "yaml") == []
    block_list = "    see_also:\n    - cyber-security\n    - use-case\n    text: a cyber-security plan\n"
    assert [p.split(": ", 1)[0] for p in vocabulary.problems_in(block_list, "content/x.yml", "yaml")] \
        == ["content/x.yml:4"]
    md = ("[NCSC](https://www.ncsc.gov.uk/guidance/ai-and-cyber-security) "
          "{{ source('ncsc-ai-and-cyber-security') }} ## Heading { #cyber-security }\n")
    assert vocabulary.problems_in(md, "docs/x.md", "md") == []


def test_the_site_has_no_variants():
    """load_all runs the check, so this is what the build and validate see."""
    load_all()


# ---------------------------------------------------- a planted variant fails the build
@pytest.fixture(scope="module")
def project(tmp_path_factory):
    dest = tmp_path_factory.mktemp("project")
    for part in PARTS:
        src = ROOT / part
        (shutil.copytree if src.is_dir() else shutil.copy)(src, dest / part)
    page = dest / "docs" / "guide" / "benefits.md"
    lines = page.read_text(encoding="utf-8").split("\n")
    lines.insert(8, "Plan for cyber security from the start.")
    page.write_text("\n".join(lines), encoding="utf-8")
    glossary = dest / "content" / "glossary.yml"
    text = glossary.read_text(encoding="utf-8")
    glossary.write_text(text.replace("cybersecurity risks", "Cyber Security risks", 1), encoding="utf-8")
    planted_line = text[: text.index("cybersecurity risks")].count("\n") + 1
    return dest, 9, planted_line


def run(project, *args):
    return subprocess.run([sys.executable, *args], cwd=project, capture_output=True, text=True,
                          env={"NO_MKDOCS_2_WARNING": "1", "PATH": ""})


def test_a_planted_variant_fails_validate_with_file_and_line(project):
    dest, page_line, glossary_line = project
    done = run(dest, "-m", "macros.validate")
    assert done.returncode == 1
    out = done.stdout + done.stderr
    assert f"docs/guide/benefits.md:{page_line}: 'cyber security' is a variant of 'cybersecurity'" in out, out
    assert f"content/glossary.yml:{glossary_line}: 'Cyber Security' is a variant of 'cybersecurity'" in out, out
    assert "Traceback" not in out


def test_a_planted_variant_fails_the_build(project, tmp_path):
    dest, page_line, _ = project
    done = run(dest, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "out"))
    out = done.stdout + done.stderr
    assert done.returncode != 0
    assert f"docs/guide/benefits.md:{page_line}: 'cyber security' is a variant of 'cybersecurity'" in out, out
    assert "Traceback" not in out
