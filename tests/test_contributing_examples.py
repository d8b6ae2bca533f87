"""Every content example in CONTRIBUTING.md works: applied to a copy of the project,
the site still builds strictly and shows it.

An example is a ```yaml block in a section of CONTRIBUTING.md, after a sentence that
names its file (`content/<name>.yml`). It is applied the way an editor would: each
entry whose id is new is added to the file's list; an entry whose id is already in
the file names the item to change, and may only add to its lists (such as
`sub_points`), never replace what is there. Inline macro calls the text tells you to
put in a page (`{{ source('...') }}`) are added to a page.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import textwrap

import pytest
import yaml

from conftest import ROOT

GUIDE = ROOT / "CONTRIBUTING.md"
PARTS = ("mkdocs.yml", "docs", "content", "macros", "overrides")


def sections(text: str) -> dict[str, str]:
    parts = re.split(r"(?m)^## +(.+)$", text)
    return {parts[i].strip(): parts[i + 1] for i in range(1, len(parts), 2)}


def examples() -> list[tuple[str, str, str]]:
    """(section, content file, YAML text) for every content example."""
    found = []
    for title, body in sections(GUIDE.read_text(encoding="utf-8")).items():
        for m in re.finditer(r"(?ms)^```ya?ml\n(.*?)^```", body):
            named = re.findall(r"`content/([a-z_]+\.yml)`", body[:m.start()])
            if named:
                found.append((title, named[-1], m.group(1)))
    return found


def macro_calls() -> list[str]:
    return re.findall(r"`(\{\{ *source\('[^']+'\) *\}\})`", GUIDE.read_text(encoding="utf-8"))


EXAMPLES = examples()


def test_the_guide_has_the_examples_editors_need():
    files = {f for _, f, _ in EXAMPLES}
    assert {"glossary.yml", "checklist.yml", "sources.yml"} <= files, files
    assert macro_calls(), "CONTRIBUTING.md should show how to link to a source"


def all_ids(data) -> set:
    if isinstance(data, dict):
        own = {data["id"]} if isinstance(data.get("id"), str) else set()
        return own.union(*(all_ids(v) for v in data.values()))
    if isinstance(data, list):
        return set().union(*(all_ids(v) for v in data)) if data else set()
    return set()


def the_list(data: dict) -> list:
    """The file's main list of items (terms, items, sources, ...)."""
    lists = [v for v in data.values() if isinstance(v, list) and v and isinstance(v[0], dict) and "id" in v[0]]
    assert len(lists) == 1, "expected one list of items with ids"
    return lists[0]


def apply(data: dict, example: list, where: str) -> list[str]:
    """Apply one example; return the ids it adds."""
    items = the_list(data)
    by_id = {i["id"]: i for i in items}
    existing = all_ids(data)
    added = []
    for entry in example:
        assert isinstance(entry, dict) and "id" in entry, f"{where}: every entry needs an id"
        if entry["id"] in by_id:
            target = by_id[entry["id"]]
            for key, value in entry.items():
                if key == "id":
                    continue
                assert isinstance(value, list), (
                    f"{where}: id '{entry['id']}' is already used; the example would replace its "
                    f"'{key}' (use a new id)")
                target.setdefault(key, []).extend(value)
                added += sorted(all_ids(value))
        else:
            items.append(entry)
            added += sorted(all_ids(entry))
    for ident in added:
        assert ident not in existing, f"{where}: id '{ident}' is already used in the file"
    return added


@pytest.fixture(scope="module")
def applied(tmp_path_factory):
    dest = tmp_path_factory.mktemp("contributing")
    for part in PARTS:
        src = ROOT / part
        (shutil.copytree if src.is_dir() else shutil.copy)(src, dest / part)
    added = {}
    for title, name, text in EXAMPLES:
        path = dest / "content" / name
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        example = yaml.safe_load(textwrap.dedent(text))
        added[title] = apply(data, example, f"CONTRIBUTING.md, '{title}'")
        path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    page = dest / "docs" / "guide" / "resources.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n" + "\n".join(f"- {c}" for c in macro_calls()) + "\n",
                    encoding="utf-8")
    out = dest / "site"
    env = {"NO_MKDOCS_2_WARNING": "1", "PATH": ""}
    # New items enter the revisions lock, as CONTRIBUTING.md says.
    revise = subprocess.run([sys.executable, "-m", "macros.revise", "--new"], cwd=dest, capture_output=True,
                            text=True, env=env)
    assert revise.returncode == 0, revise.stdout + revise.stderr
    validate = subprocess.run([sys.executable, "-m", "macros.validate"], cwd=dest, capture_output=True,
                              text=True, env=env)
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)], cwd=dest,
                           capture_output=True, text=True, env=env)
    return dict(dest=dest, out=out, added=added, validate=validate, build=build)


def test_examples_pass_validation(applied):
    done = applied["validate"]
    assert done.returncode == 0, done.stdout + done.stderr


def test_examples_build_strictly(applied):
    done = applied["build"]
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"{t} ({f})" for t, f, _ in EXAMPLES])
def test_each_example_shows_on_the_site(applied, example):
    title, name, text = example
    assert applied["build"].returncode == 0
    html = "\n".join(p.read_text(encoding="utf-8") for p in applied["out"].rglob("*.html"))
    flat = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    entries = yaml.safe_load(textwrap.dedent(text))
    for entry in entries:
        shown = [v for k, v in entry.items() if k in ("term", "title")] + \
                [s["text"] for s in entry.get("sub_points", [])]
        for value in shown:
            assert " ".join(str(value).split()) in flat, f"'{title}': {value!r} is on no page"
    assert applied["added"][title], f"'{title}' added nothing"


def test_source_link_example_renders(applied):
    page = (applied["out"] / "guide" / "resources" / "index.html").read_text(encoding="utf-8")
    for call in macro_calls():
        ident = re.search(r"'([^']+)'", call).group(1)
        data = yaml.safe_load((applied["dest"] / "content" / "sources.yml").read_text(encoding="utf-8"))
        title = next(s["title"] for s in data["sources"] if s["id"] == ident)
        assert title in page, f"{call} did not render the source's title"
