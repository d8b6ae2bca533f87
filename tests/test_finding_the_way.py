"""Finding one's way (issue 20): the long tool pages have a table of contents, search
finds an acronym in brackets and opens a checklist at the matching item, the guide's
risk sections link to their checklist items, and the home page's routes lead to the
tools a role needs. Read from the built site (the phone flow is in
tests/browser/test_finding_the_way.py)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from macros.content import load_all
from macros.tools import BY_ID, risk_groups

CONTENT = load_all()


def html(built_site: Path, url: str) -> str:
    return (built_site / url / "index.html").read_text(encoding="utf-8")


def toc_links(source: str) -> list[tuple[str, str]]:
    """(href, text) of the page's own table of contents (Material's secondary sidebar)."""
    sidebar = source.split('class="md-nav md-nav--secondary"', 1)[1].split("</nav>\n", 1)[0]
    return [(h, " ".join(t.split())) for h, t in
            re.findall(r'<a href="(#[^"]+)" class="md-nav__link">\s*<span class="md-ellipsis">(.*?)</span>', sidebar, re.S)]


@pytest.mark.parametrize("url, groups", [
    ("tools/risk-assurance", [(f"#group-{g['id']}", g["title"]) for g in risk_groups(CONTENT)]),
    ("tools/readiness-assessment", [(f"#area-{a['id']}", a["name"]) for a in CONTENT["readiness"]["areas"]]),
])
def test_long_tool_pages_list_their_sections_in_the_table_of_contents(built_site, url, groups):
    source = html(built_site, url)
    assert toc_links(source) == groups
    for anchor, _ in groups:
        assert f'id="{anchor[1:]}"' in source, anchor
    # The same list is in the navigation menu, where a phone shows it.
    primary = source.split('class="md-nav md-nav--primary"', 1)[1]
    assert all(f'href="{anchor}"' in primary for anchor, _ in groups)


def search_docs(built_site: Path) -> tuple[list[dict], re.Pattern]:
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return index["docs"], re.compile(index["config"]["separator"])


def words(separator: re.Pattern, text: str) -> set[str]:
    return {w.lower() for w in separator.split(re.sub(r"<[^>]+>", " ", text)) if w}


def test_search_for_an_acronym_finds_the_glossary_term_that_gives_it_in_brackets(built_site):
    docs, separator = search_docs(built_site)
    terms = [t for t in CONTENT["glossary"]["terms"] if t.get("abbr")]
    for term in terms:
        entry = next(d for d in docs if d["location"] == f"glossary/#{term['id']}")
        for word in term["abbr"].lower().split():
            assert word in words(separator, entry["title"]), (term["id"], entry["title"])
    dpia = next(d for d in docs if d["location"] == "glossary/#data-protection-impact-assessment")
    assert dpia["title"] == "Data protection impact assessment (DPIA)"


def test_search_opens_a_checklist_at_the_matching_item(built_site):
    """Each item of a checklist tool is a section of the search index under its own
    heading (its title's id), so a result for an item's name links to the item, not to
    the top of its group; a checklist item's text is in its own section too (Material's
    search ends a section where the element around its heading ends: the heading is a
    child of the item). A readiness component's heading is in its fieldset's legend, so
    its text stays in its area's section."""
    docs, _ = search_docs(built_site)
    by_location = {d["location"]: d for d in docs}
    for tool in ("risk-assurance", "deployment-checklist", "readiness-assessment"):
        page = BY_ID[tool].page.removesuffix(".md")
        for item in BY_ID[tool].items(CONTENT):
            doc = by_location.get(f"{page}/#item-{item['id']}-title")
            assert doc, f"{tool}: no search section for {item['id']}"
            assert item["title"] in doc["title"]
    for tool in ("risk-assurance", "deployment-checklist"):
        page = BY_ID[tool].page.removesuffix(".md")
        for item in BY_ID[tool].items(CONTENT):
            text = by_location[f"{page}/#item-{item['id']}-title"]["text"]
            for part in (item.get("detail"), item.get("text")):
                if part:
                    assert part[:40] in text, (tool, item["id"], part[:40])
    words_of = {d["location"]: d["title"] + " " + d["text"] for d in docs}
    assert any("Article 35(3)(a)" in t for loc, t in words_of.items() if loc.startswith("tools/risk-assurance/"))


def test_the_guides_risk_sections_link_to_their_checklist_items(built_site):
    guide = html(built_site, "guide/managing-risk")
    tool = html(built_site, "tools/risk-assurance")
    for group in risk_groups(CONTENT):
        for item in group["items"]:
            href = f'href="../../tools/risk-assurance/#item-{item["id"]}"'
            assert href in guide, item["id"]
            assert f'id="item-{item["id"]}"' in tool, item["id"]
    clinical = guide.split('id="clinical-safety"', 1)[1]
    assert 'href="../../tools/risk-assurance/#group-clinical-safety"' in clinical


def route(home: str, anchor: str) -> str:
    start = home.index(f'id="{anchor}"')
    return home[start:home.index("<h3", start + 1)]


def test_home_routes_lead_to_the_tools_each_role_needs(built_site):
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'href="tools/risk-assurance/#group-clinical-safety"' in route(home, "clinicians")
    leaders = route(home, "ai-leaders")
    assert 'href="tools/business-case/"' in leaders and 'href="tools/board-pack/"' in leaders


def test_the_first_steps_tool_is_named_for_what_it_holds(built_site):
    tool = BY_ID["where-to-start"]
    assert tool.title == "First steps to build confidence"  # the id (saved answers) stays where-to-start
    page = html(built_site, "tools/where-to-start")
    assert "<h1" in page and ">First steps to build confidence</h1>" in page.replace('<a class="headerlink"', "</h1><a")
    # Wherever a page shows the tool's name; the guide's own heading may still be quoted.
    for path in built_site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for m in re.finditer(r"<a [^>]*href=\"[^\"]*where-to-start/\"[^>]*>(.*?)</a>", text, re.S):
            assert "where do i start" not in m.group(1).lower(), (path, m.group(1))
