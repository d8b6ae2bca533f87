"""Search never surfaces hidden helper text: the toolbar, the "JavaScript is off" note,
print-only boxes, status lists, visually hidden label endings and [hidden] sections
of the tool pages stay out of Material's search index (macros/search.py marks them
data-search-exclude); the tools' own content stays in."""
from __future__ import annotations

import json

from playwright.sync_api import expect

from macros.search import exclude_hidden_helpers

HELPER_TEXT = ["Export answers (JSON)", "Reset this tool", "Import answers from a file", "JavaScript is off",
               "\u2610", "Status of ", "Owner of ", "Not startedIn progress", "Not written yet",
               "Switch to another assessment", "Rate some components to see"]


def index(built_site) -> list[dict]:
    return json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def test_no_hidden_helper_text_in_the_search_index(built_site):
    found = []
    for doc in index(built_site):
        if not doc["location"].startswith("tools/"):
            continue
        text = doc["title"] + " " + doc["text"]
        found += [f"{doc['location']}: {h!r}" for h in HELPER_TEXT if h in text]
    assert not found, "\n".join(found)


def test_the_tools_content_is_still_searchable(built_site):
    # An item's title is the title of its own section (its heading's id), its text in the text.
    text = " ".join(d["title"] + " " + d["text"] for d in index(built_site) if d["location"].startswith("tools/"))
    for words in ("1. Appoint an AI lead", "Nobody checks whether records are correct", "Bias and fairness",
                  "How far data is correct and precise"):
        assert words in text, words


def test_search_box_finds_no_helper_text(browsing, base_url):
    page = browsing.new(search=True).new_page()
    page.goto(base_url + "tools/deployment-checklist/")
    page.locator(".md-search__input").fill("Reset this tool")
    meta = page.locator(".md-search-result__meta")
    expect(meta).not_to_have_text("Initializing search")
    results = page.locator(".md-search-result__item")
    texts = results.all_inner_texts()
    assert not any("Reset this tool" in t for t in texts), texts


def test_marking_survives_the_search_plugins_tag_tracking():
    """The plugin skips by tag name up to the first closing tag of that name, so an
    element with a same-named descendant is not marked itself; its children are."""
    html = ('<div class="aig-tool"><div class="aig-bar" hidden><p>Progress</p><div class="aig-actions">'
            '<button>Export</button></div><div>Messages</div></div>'
            '<label>Status<span class="aig-vh"> of X</span></label><select><option>A</option></select>'
            '<p>Kept</p></div>')
    out = exclude_hidden_helpers(html)
    assert '<div class="aig-bar" hidden>' in out  # not marked: it holds other divs
    assert '<p data-search-exclude>Progress</p>' in out
    assert '<div class="aig-actions" data-search-exclude>' in out and '<div data-search-exclude>Messages' in out
    assert '<span class="aig-vh" data-search-exclude>' in out and '<select data-search-exclude>' in out
    assert '<p>Kept</p>' in out and '<div class="aig-tool">' in out

    from material.plugins.search.plugin import Parser
    parser = Parser()
    parser.feed(out)
    parser.close()
    text = " ".join("".join(s.text) for s in parser.data)
    assert "Kept" in text and "Status" in text
    for hidden in ("Progress", "Export", "Messages", "of X", "A"):
        assert hidden not in text.replace("Kept", "").replace("Status", ""), hidden
