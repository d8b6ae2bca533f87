"""Every `data-aig-*` attribute a script reads or writes is written down: a component's
script in its own README.md or in the contract every tool shares
(overrides/components/README.md); any other script of ours in some component's README.
No browser: the scripts are read as text, whatever files they are split into."""
from __future__ import annotations

import re
from pathlib import Path

from conftest import ROOT

COMPONENTS = ROOT / "overrides" / "components"
SHARED = COMPONENTS / "README.md"
NAME = re.compile(r"data-aig-[a-z0-9]+(?:-[a-z0-9]+)*")
DATASET = re.compile(r"""dataset(?:\.(aig[A-Z][A-Za-z0-9]*)|\[\s*["'](aig[A-Z][A-Za-z0-9]*)["']\s*\])""")
# A name put together at run time ("data-aig-" + x) cannot be checked: write it out.
BUILT = re.compile(r"""data-aig-["'`]""")


def scripts() -> list[Path]:
    """Our scripts: every .js under overrides/ and docs/assets/javascripts/, not vendored ones."""
    found = list((ROOT / "overrides").rglob("*.js")) + list((ROOT / "docs/assets/javascripts").rglob("*.js"))
    return sorted(p for p in found if "vendor" not in p.relative_to(ROOT).parts)


def attributes(js: str) -> set[str]:
    """data-aig-* names in selectors, getAttribute/setAttribute/hasAttribute and the like,
    and dataset.aigSomeName (as data-aig-some-name)."""
    names = set(NAME.findall(js))
    for m in DATASET.finditer(js):
        camel = m.group(1) or m.group(2)
        names.add("data-" + re.sub(r"[A-Z]", lambda c: "-" + c.group(0).lower(), camel))
    return names


def named_in(readme: Path) -> set[str]:
    return set(NAME.findall(readme.read_text(encoding="utf-8"))) if readme.is_file() else set()


def test_the_scan_finds_every_form():
    js = """root.querySelector("[data-aig-pack-item]"); el.getAttribute('data-aig-cell')
            e.setAttribute("data-aig-ready", "1"); b.dataset.aigAssessDo; b.dataset["aigKeep"]"""
    assert attributes(js) == {"data-aig-pack-item", "data-aig-cell", "data-aig-ready",
                              "data-aig-assess-do", "data-aig-keep"}


def test_every_component_with_a_script_has_a_readme():
    missing = sorted({p.parent.name for p in scripts() if p.parent.parent == COMPONENTS
                      and not (p.parent / "README.md").is_file()})
    assert not missing, f"components with a script but no README.md: {', '.join(missing)}"


def test_every_attribute_a_script_uses_is_in_a_readme():
    every_readme = set().union(*(named_in(r) for r in COMPONENTS.rglob("README.md")))
    shared = named_in(SHARED)
    problems, seen = [], set()
    for path in scripts():
        js = path.read_text(encoding="utf-8")
        where = path.relative_to(ROOT).as_posix()
        if BUILT.search(js):
            problems.append(f"{where} builds a data-aig-* name at run time: write the whole name")
        used = attributes(js)
        seen |= used
        own = COMPONENTS in path.parents
        readme = next((d / "README.md" for d in path.parents if d.parent == COMPONENTS), None) if own else None
        known = (named_in(readme) | shared) if readme else every_readme
        for name in sorted(used - known):
            place = readme.relative_to(ROOT).as_posix() if readme else "any README under overrides/components/"
            problems.append(f"{where} uses {name}, which {place} does not name"
                            + (" (nor overrides/components/README.md)" if readme else ""))
    assert len(seen) > 50, f"only {len(seen)} data-aig-* names found: is the scan still reading the scripts?"
    assert not problems, "\n".join(problems)
