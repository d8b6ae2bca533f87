"""Every page is in British English (issue 20, WCAG 3.1.1): <html lang="en-GB"> through
theme.language (overrides/partials/languages/en-GB.html), while Material's own words
and its English search stay as they were. Read from the built site."""
from __future__ import annotations

import json


def test_every_page_is_british_english_and_materials_words_stay(built_site):
    pages = [p for p in built_site.rglob("*.html") if not p.relative_to(built_site).as_posix().startswith("assets/")]
    assert len(pages) > 30
    wrong = [p.relative_to(built_site).as_posix() for p in pages if '<html lang="en-GB"' not in p.read_text(encoding="utf-8")]
    assert not wrong, wrong
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert "Skip to content" in home and '"search.result.placeholder": "Type to start searching"' in home
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["en"]  # Material's English stemmer and stop words
