"""CONTRIBUTING.md's "Adding a tool" steps are complete: followed on a copy of the
project (content and schema, the model list, one registry entry, a page and a nav
line, reusing the checklist component), the site builds strictly, the new tool works
as a tool, and My progress and the board pack know it, with nothing else changed."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys

from conftest import ROOT

PARTS = ("mkdocs.yml", "docs", "content", "macros", "overrides")
STEPS = ("content/", "MODELS", "overrides/components/", "TOOLS", "docs/tools/", "nav", "macros.revise")


def test_the_steps_are_written_down():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = text.split("## Adding a tool", 1)[1].split("\n## ", 1)[0]
    for step in STEPS:
        assert step in section, step


def test_following_the_steps_gives_a_working_tool(tmp_path):
    for part in PARTS:
        (shutil.copytree if (ROOT / part).is_dir() else shutil.copy)(ROOT / part, tmp_path / part)
    # 1. Content, with a schema beside it (the shape of where_to_start's), and the model list.
    schema = (tmp_path / "content/where_to_start.schema.json").read_text().replace("where_to_start", "supplier_checks")
    (tmp_path / "content/supplier_checks.schema.json").write_text(schema)
    (tmp_path / "content/supplier_checks.yml").write_text(
        "steps:\n  - id: supplier-dtac\n    text: Ask the supplier for its DTAC assessment.\n"
        "  - id: supplier-dpia-support\n    text: Agree who writes the DPIA.\n")
    content_py = tmp_path / "macros/content.py"
    content_py.write_text(content_py.read_text().replace('"business_case", ', '"business_case", "supplier_checks", ', 1))
    # 2. No component of its own: it reuses the checklist. 3. One registry entry.
    with open(tmp_path / "macros/tools.py", "a") as f:
        f.write('\n\nTOOLS = TOOLS[:-2] + (Tool("supplier-checks", "Supplier checks", "tools/supplier-checks.md", '
                '"checklist", "checklist", lambda c: [item(s["id"], s["text"]) for s in c["supplier_checks"]["steps"]], '
                'one_group("steps"), models=("supplier_checks",)),) + TOOLS[-2:]\nBY_ID = {t.id: t for t in TOOLS}\n')
    # 4. A page and a nav line.
    (tmp_path / "docs/tools/supplier-checks.md").write_text("# Supplier checks\n\n{{ tool('supplier-checks') }}\n")
    mk = tmp_path / "mkdocs.yml"
    mk.write_text(mk.read_text().replace("      - My progress: tools/my-progress.md",
                                         "      - Supplier checks: tools/supplier-checks.md\n"
                                         "      - My progress: tools/my-progress.md"))
    # Before step 5, the check stops on the new items, pointing into the new file.
    check = subprocess.run([sys.executable, "-m", "macros.validate"], cwd=tmp_path, capture_output=True, text=True)
    assert check.returncode != 0 and "content/supplier_checks.yml:2: item 'supplier-dtac'" in check.stdout + check.stderr, \
        check.stdout + check.stderr
    # 5. Its items enter the revisions lock.
    recorded = subprocess.run([sys.executable, "-m", "macros.revise", "--new"], cwd=tmp_path, capture_output=True,
                              text=True)
    assert recorded.returncode == 0, recorded.stdout + recorded.stderr
    assert "supplier-checks/supplier-dtac: recorded at revision 1" in recorded.stdout
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path / "site")],
                          cwd=tmp_path, capture_output=True, text=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": ""})
    assert done.returncode == 0, done.stdout + done.stderr
    page = (tmp_path / "site/tools/supplier-checks/index.html").read_text()
    assert 'data-aig-tool="supplier-checks"' in page and 'data-aig-ids="supplier-dtac supplier-dpia-support"' in page
    assert re.search(r'<script src="[^"]*components/core/fields.js" defer>', page), "the page loads the field engine"
    assert 'id="status-supplier-dtac"' in page and "Ask the supplier for its DTAC assessment." in page
    progress = (tmp_path / "site/tools/my-progress/index.html").read_text()
    assert 'data-aig-tool-row="supplier-checks"' in progress
    # The board pack: a row in its summary, and a section of its own with every item.
    pack = (tmp_path / "site/tools/board-pack/index.html").read_text()
    assert re.search(r'<tr data-aig-pack-tool="supplier-checks" data-aig-kind="checklist" '
                     r'data-aig-ids="supplier-dtac supplier-dpia-support">', pack), "the summary lists it"
    section = re.search(r'<section class="aig-pack__section" data-aig-section="supplier-checks".*?</section>', pack, re.S)
    assert section, "the board pack has a section for it"
    assert '<h2 id="pack-supplier-checks">Supplier checks</h2>' in section.group(0)
    rows = re.findall(r'<tr data-aig-pack-item="([^"]+)"><th scope="row">([^<]+)</th>', section.group(0))
    assert rows == [("supplier-dtac", "Ask the supplier for its DTAC assessment."),
                    ("supplier-dpia-support", "Agree who writes the DPIA.")]
