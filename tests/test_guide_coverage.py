"""Every element of the source guide reached the site.

The site rewrites the guide in its own words, so a literal diff is useless. Instead,
tests/guide_coverage.yml lists every element of the guide, in the guide's order
(sections, paragraph points, bullets, table rows, checklist items, template fields,
quotations, spotlight case studies and references), with the built page it must be on
and 1-4 words or phrases that the site's wording of it contains. Each entry is checked
against the text of a freshly built page.

If an entry fails, the element is missing from that page: add it to the site rather
than weakening the entry.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

INVENTORY = Path(__file__).with_name("guide_coverage.yml")
MIN_ENTRIES = 200

# Tags that do not break a word: text either side of them is joined without a space,
# so "<abbr>AI</abbr>-ready" reads "ai-ready". Every other tag separates text.
INLINE = {"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd",
          "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr"}
SKIP = {"script", "style", "template"}

NORMALISE = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u00ad": "",
})


def normalise(text: str) -> str:
    """Lower case, straight quotes, plain hyphens, single spaces."""
    return re.sub(r"\s+", " ", text.translate(NORMALISE)).strip().lower()


class _Text(HTMLParser):
    """The visible text of a page's main content (the Material <article>, which
    leaves out the navigation, header and footer that every page repeats)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)  # unescapes entities in text
        self.parts: list[str] = []
        self.skip = 0
        self.article = 0
        self.seen_article = False

    def handle_starttag(self, tag, attrs):
        if tag in SKIP:
            self.skip += 1
        if tag == "article":
            self.article += 1
            self.seen_article = True
        if tag not in INLINE:
            self.parts.append(" ")

    def handle_startendtag(self, tag, attrs):
        if tag not in INLINE:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in SKIP and self.skip:
            self.skip -= 1
        if tag == "article" and self.article:
            self.article -= 1
        if tag not in INLINE:
            self.parts.append(" ")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data if self.article else "\0" + data)


def page_text(html: str) -> str:
    """Normalised text of the page's <article>, or of the whole page if it has none."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    parts = parser.parts
    if parser.seen_article:
        parts = [p for p in parts if not p.startswith("\0")]
    else:
        parts = [p.lstrip("\0") for p in parts]
    return normalise("".join(parts))


def load_inventory() -> list[dict]:
    with INVENTORY.open(encoding="utf-8") as f:
        entries = yaml.safe_load(f)
    assert isinstance(entries, list), f"{INVENTORY.name} must be a YAML list"
    return entries


ENTRIES = load_inventory()


def _page_file(site: Path, page: str) -> Path:
    return site / page.strip("/") / "index.html" if page.strip("/") else site / "index.html"


@pytest.fixture(scope="session")
def site_text(built_site):
    """Normalised text of each built page, read once."""
    cache: dict[str, str] = {}

    def get(page: str) -> str:
        if page not in cache:
            path = _page_file(built_site, page)
            assert path.is_file(), f"page {page!r} was not built ({path} does not exist)"
            cache[page] = page_text(path.read_text(encoding="utf-8"))
        return cache[page]

    return get


def test_inventory_is_complete_enough():
    assert len(ENTRIES) >= MIN_ENTRIES, (
        f"{INVENTORY.name} has {len(ENTRIES)} entries; the guide has at least {MIN_ENTRIES} elements")


def test_inventory_entries_are_well_formed():
    problems = []
    names = set()
    for n, e in enumerate(ENTRIES, 1):
        where = f"entry {n} ({e.get('element', '?')!r})" if isinstance(e, dict) else f"entry {n}"
        if not isinstance(e, dict) or set(e) != {"element", "page", "words"}:
            problems.append(f"{where}: needs exactly the keys element, page, words")
            continue
        if not isinstance(e["element"], str) or not e["element"].strip():
            problems.append(f"{where}: element must be a non-empty string")
        elif e["element"] in names:
            problems.append(f"{where}: element name is used twice")
        names.add(e["element"])
        if not isinstance(e["page"], str) or not re.fullmatch(r"([a-z0-9-]+/)*", e["page"]):
            problems.append(f"{where}: page must be a directory URL like 'guide/benefits/'")
        words = e["words"]
        if not isinstance(words, list) or not 1 <= len(words) <= 4 \
                or not all(isinstance(w, str) and w.strip() for w in words):
            problems.append(f"{where}: words must be a list of 1 to 4 non-empty strings")
    assert not problems, "\n".join(problems)


def test_every_listed_page_exists(built_site):
    missing = sorted({e["page"] for e in ENTRIES if not _page_file(built_site, e["page"]).is_file()})
    assert not missing, f"pages listed in {INVENTORY.name} that the build did not produce: {missing}"


@pytest.mark.parametrize("entry", ENTRIES, ids=[e["element"] for e in ENTRIES])
def test_guide_element_is_on_site(entry, site_text):
    text = site_text(entry["page"])
    missing = [w for w in entry["words"] if normalise(w) not in text]
    assert not missing, (
        f"guide element {entry['element']!r} not found on {entry['page']}: "
        f"the page does not contain {missing}")
