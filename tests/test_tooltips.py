"""Glossary tooltips land only where a word means the term, once per page.

Unit tests of the matcher on small pieces of Markdown, then a check of every page of
a freshly built site: each <abbr> is a glossary term's own word or phrase, whole, not
part of a longer phrase that means something else (a skip phrase in glossary.yml, the
traps the issue names, or a longer glossary term), never in a heading, and each term
is marked at most once per page.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from macros.content import load_all
from macros.tooltips import Marker, hint, mark_markdown, terms_from

CONTENT = load_all()
GLOSSARY = CONTENT["glossary"]
LABELS = CONTENT["provenance"]["labels"]
TERMS, SKIPS = terms_from(GLOSSARY, LABELS)
BY_TITLE = {t.title: t for t in TERMS}

# Phrases that contain a glossary word but do not mean it (issue 9, part 4). They must
# never carry a tooltip, whatever glossary.yml says.
TRAPS = ["three-pillar model", "Five Case Model", "wellness model"]

BLOCK = {"p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "figcaption",
         "blockquote", "div", "section", "article", "nav", "header", "footer", "table", "tr",
         "ul", "ol", "label", "summary", "details", "button", "option", "title", "br"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


# ------------------------------------------------------------------ unit tests
@pytest.fixture(scope="module")
def marker():
    return Marker(TERMS, SKIPS)


def titles_in(markdown: str) -> list[str]:
    return re.findall(r'<abbr title="[^"]*">([^<]*)</abbr>', markdown)


def test_first_use_only(marker):
    out = mark_markdown("AI is here.\n\nAI again, and artificial intelligence.", marker)
    assert titles_in(out) == ["AI"]


def test_skip_phrases_and_traps_get_no_tooltip(marker):
    text = ("The three-pillar model, the Five Case Model and a wellness model. "
            "A basic AI literacy model.")
    out = mark_markdown(text, marker)
    assert "model</abbr>" not in out.replace("AI literacy</abbr>", "")
    assert titles_in(out) == ["AI literacy"]


def test_the_longer_term_wins(marker):
    out = mark_markdown("Large language models and generative AI.", marker)
    assert titles_in(out) == ["Large language models", "generative AI"]


def test_headings_links_code_and_html_are_never_marked(marker):
    md = ("# AI\n\n[AI in the NHS](https://example.org/ai) `AI` <span title=\"AI\">x</span>\n\n"
          "<div>\nAI\n</div>\n\n!!! note \"AI\"\n\n    Then AI.")
    out = mark_markdown(md, marker)
    assert titles_in(out) == ["AI"]
    assert out.endswith('    Then <abbr title="' + html_title("artificial-intelligence") + '">AI</abbr>.')


def test_whole_words_only(marker):
    assert titles_in(mark_markdown("AI-ready, MAIL, models-based, remodel.", marker)) == []


def html_title(term_id: str) -> str:
    import html
    title = html.escape(next(t.title for t in TERMS if t.id == term_id), quote=True)
    return "".join(f"&#{ord(ch)};" if ch in "`*_[]|\\{}" else ch for ch in title)


def test_tooltip_is_short_and_ends_with_the_label():
    long = "word " * 100
    text = hint(long, LABELS["glossary"]["tooltip"])
    assert len(text) <= 200 and text.endswith(LABELS["glossary"]["tooltip"])


# ------------------------------------------------------------ the whole built site
class _Page(HTMLParser):
    """Text of the page, with block boundaries as NUL, and where each <abbr> is."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.length = 0
        self.abbrs: list[dict] = []
        self.stack: list[str] = []
        self.open: dict | None = None
        self.skip = 0

    def _add(self, s: str):
        self.text.append(s)
        self.length += len(s)

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template"):
            self.skip += 1
        if tag in BLOCK:
            self._add("\0")
        if tag == "abbr":
            self.open = dict(title=dict(attrs).get("title", ""), start=self.length,
                             heading=any(t in HEADINGS for t in self.stack))
        if tag not in ("br", "img", "input", "meta", "link", "hr", "wbr"):
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template") and self.skip:
            self.skip -= 1
        if tag == "abbr" and self.open is not None:
            self.open["end"] = self.length
            self.abbrs.append(self.open)
            self.open = None
        if tag in BLOCK:
            self._add("\0")
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def handle_data(self, data):
        if not self.skip:
            self._add(re.sub(r"\s+", " ", data))


def read_page(path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    page.full = "".join(page.text)
    for a in page.abbrs:
        a["text"] = page.full[a["start"]:a["end"]]
    return page


def _phrase(p: str, flags=re.I) -> re.Pattern:
    return re.compile(r"(?<![\w-])" + r" +".join(re.escape(w) for w in p.split()) + r"(?![\w-])", flags)


LONGER = [(p, _phrase(p)) for p in set(SKIPS) | set(TRAPS)] + \
         [(p, _phrase(p, 0 if not t.any_case else re.I)) for t in TERMS for p in t.phrases]


@pytest.fixture(scope="session")
def pages(built_site):
    found = {}
    for path in sorted(built_site.rglob("*.html")):
        if "assets" in path.parts:
            continue
        found[str(path.relative_to(built_site))] = read_page(path)
    assert len(found) > 20
    return found


def test_tooltips_appear(pages):
    marked = [name for name, page in pages.items() if page.abbrs]
    assert len(marked) >= 15, marked
    ai = next(t for t in TERMS if t.id == "artificial-intelligence")
    assert any(a["title"] == ai.title for a in pages["index.html"].abbrs)


def test_every_tooltip_is_a_glossary_term_with_its_label(pages):
    problems = []
    for name, page in pages.items():
        for a in page.abbrs:
            term = BY_TITLE.get(a["title"])
            if term is None:
                problems.append(f"{name}: <abbr>{a['text']}</abbr> has a title that is no glossary term's")
                continue
            words = " ".join(a["text"].split())
            if not any(words == p or (term.any_case and words.lower() == p.lower()) for p in term.phrases):
                problems.append(f"{name}: '{words}' is not one of {term.id}'s phrases {term.phrases}")
            source = next(t for t in GLOSSARY["terms"] if t["id"] == term.id)["source"]
            if source == "site" and not a["title"].endswith(LABELS["glossary"]["tooltip"]):
                problems.append(f"{name}: the tooltip of {term.id} does not say it was written for this site")
    assert not problems, "\n".join(problems)


def test_each_term_is_marked_at_most_once_per_page(pages):
    problems = []
    for name, page in pages.items():
        seen: dict[str, int] = {}
        for a in page.abbrs:
            term = BY_TITLE.get(a["title"])
            key = term.id if term else a["title"]
            seen[key] = seen.get(key, 0) + 1
        problems += [f"{name}: {key} is marked {n} times" for key, n in seen.items() if n > 1]
    assert not problems, "\n".join(problems)


def test_no_tooltip_in_a_heading(pages):
    problems = [f"{name}: <abbr>{a['text']}</abbr> in a heading"
                for name, page in pages.items() for a in page.abbrs if a["heading"]]
    assert not problems, "\n".join(problems)


def test_no_tooltip_inside_a_longer_phrase_that_is_not_the_term(pages):
    """Not part of a longer word, and not inside a skip phrase, a trap or a longer
    glossary term's phrase."""
    problems = []
    for name, page in pages.items():
        text = page.full
        for a in page.abbrs:
            s, e = a["start"], a["end"]
            before, after = text[s - 1:s], text[e:e + 1]
            if re.match(r"[\w-]", before or " ") or re.match(r"[\w-]", after or " "):
                problems.append(f"{name}: '{a['text']}' is marked inside a longer word: "
                                f"...{text[max(0, s - 30):e + 30]}...")
                continue
            block_start = text.rfind("\0", 0, s) + 1
            block_end = text.find("\0", e)
            block = text[block_start:block_end if block_end != -1 else len(text)]
            s0, e0 = s - block_start, e - block_start
            for phrase, pattern in LONGER:
                for m in pattern.finditer(block):
                    if m.start() <= s0 and e0 <= m.end() and (m.end() - m.start()) > (e0 - s0):
                        problems.append(f"{name}: '{a['text']}' is marked inside '{m.group(0)}': "
                                        f"...{block[max(0, s0 - 40):e0 + 40]}...")
    assert not problems, "\n".join(problems)


def test_traps_never_carry_a_tooltip(pages):
    """The phrases the issue names, wherever they appear on the site."""
    seen = 0
    problems = []
    for name, page in pages.items():
        for trap in TRAPS:
            for m in _phrase(trap).finditer(page.full):
                seen += 1
                for a in page.abbrs:
                    overlaps = a["start"] < m.end() and m.start() < a["end"]
                    holds_it = a["start"] <= m.start() and m.end() <= a["end"]  # a longer term
                    if overlaps and not holds_it:
                        problems.append(f"{name}: '{m.group(0)}' carries the tooltip of '{a['text']}'")
    assert seen >= 3, "the traps should appear on the site (three-pillar model, Five Case Model, wellness model)"
    assert not problems, "\n".join(problems)
