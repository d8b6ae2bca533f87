"""Glossary tooltips: the first use on a page of each glossary term gets its definition,
as <abbr title="...">, and only where the words mean the term.

Each term in content/glossary.yml matches its name (and the same with a lower-case first
letter, if only its first letter is a capital) and its acronym, as whole words, in the case written; its
optional `match` block can allow any case, add other forms (`phrases`) and list longer
phrases that contain the term but do not mean it (`skip`, such as "three-pillar model"
for "model"). Where two terms overlap, the longer one wins ("large language model", not
"model"), and a term is never marked inside a longer term or a skip phrase.

Marked once per page (first use), so a page never carries dozens of tooltips (WCAG 2.2,
1.4.13). Never marked: headings, admonition titles, link text, code, raw HTML blocks
(tools, figures), HTML tags and attribute lists.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

MAX_HINT = 200


@dataclass
class Term:
    id: str
    title: str
    phrases: list[str]  # forms that mean the term
    any_case: bool


def hint(definition: str, suffix: str = "") -> str:
    """The tooltip text: the definition, cut at a word near MAX_HINT characters, then the
    suffix (the provenance label) in full."""
    text = " ".join(definition.split())
    room = MAX_HINT - (len(suffix) + 1 if suffix else 0)
    if len(text) > room:
        text = text[: room - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return f"{text} {suffix}" if suffix else text


def default_phrases(term: dict) -> list[str]:
    name = term["term"]
    phrases = [name]
    first = name.split()[0]
    if first[0].isupper() and first[1:] == first[1:].lower():
        phrases.append(name[0].lower() + name[1:])  # "Generative AI" -> "generative AI"
    if term.get("abbr"):
        phrases.append(term["abbr"])
    return phrases


def terms_from(glossary: dict, labels: dict) -> tuple[list[Term], list[str]]:
    """(terms, skip phrases) from content/glossary.yml and content/provenance.yml."""
    terms, skips = [], []
    for t in glossary["terms"]:
        rules = t.get("match", {})
        phrases = default_phrases(t) + [p for p in rules.get("phrases", []) if p not in default_phrases(t)]
        suffix = labels["glossary"]["tooltip"] if t.get("source", "site") == "site" else ""
        terms.append(Term(t["id"], hint(t["definition"], suffix), phrases, rules.get("case") == "any"))
        skips += rules.get("skip", [])
    return terms, skips


def _words(phrase: str) -> str:
    return r"\s+".join(re.escape(w) for w in phrase.split())


class Marker:
    def __init__(self, terms: list[Term], skips: list[str]):
        self.terms = {t.id: t for t in terms}
        self.exact: dict[str, str] = {}     # phrase -> term id
        self.folded: dict[str, str] = {}    # lower-case phrase -> term id (any-case terms)
        alternatives = []                  # (length, pattern)
        for t in terms:
            for p in t.phrases:
                (self.folded if t.any_case else self.exact).setdefault(
                    p.lower() if t.any_case else p, t.id)
                alternatives.append((len(p), f"(?i:{_words(p)})" if t.any_case else _words(p)))
        # Longest first, so at any position the longest phrase wins.
        alternatives.sort(key=lambda a: -a[0])
        self.pattern = re.compile(r"(?<![\w-])(?:" + "|".join(a[1] for a in alternatives) + r")(?![\w-])")
        # Skip phrases are found on their own, so that one starting inside a term ("AI
        # literacy model" holds the term "AI literacy" and the skip phrase "literacy
        # model") still keeps "model" unmarked.
        skips = sorted(set(skips), key=len, reverse=True)
        self.skip = re.compile(r"(?<![\w-])(?:" + "|".join(f"(?i:{_words(s)})" for s in skips) + r")(?![\w-])") \
            if skips else None

    def term_for(self, text: str) -> str | None:
        text = " ".join(text.split())
        return self.exact.get(text) or self.folded.get(text.lower())

    def skipped(self, text: str) -> list[tuple[int, int]]:
        """Where the skip phrases are in a piece of text, overlapping ones included."""
        if self.skip is None:
            return []
        spans, pos = [], 0
        while (m := self.skip.search(text, pos)) is not None:
            spans.append(m.span())
            pos = m.start() + 1
        return spans

    def mark_text(self, text: str, done: set) -> str:
        out, last = [], 0
        skipped = self.skipped(text)
        for m in self.pattern.finditer(text):
            term_id = self.term_for(m.group(0))
            if term_id is None or term_id in done:
                continue  # a term already marked on this page
            if any(s <= m.start() and m.end() <= e for s, e in skipped):
                continue  # inside a phrase that does not mean the term
            done.add(term_id)
            title = html.escape(self.terms[term_id].title, quote=True)
            # Characters Markdown might read inside an inline HTML tag, as entities.
            title = "".join(f"&#{ord(ch)};" if ch in "`*_[]|\\{}" else ch for ch in title)
            out += [text[last:m.start()], f'<abbr title="{title}">{m.group(0)}</abbr>']
            last = m.end()
        out.append(text[last:])
        return "".join(out)


# Inline pieces of a line that are never marked.
_INLINE_SKIP = re.compile(
    r"(`+)[^`]*?\1"                                   # code spans
    r"|<(a|abbr|code|kbd|samp|script|style)\b[^>]*>.*?</\2\s*>"  # inline HTML with its text
    r"|<[^>]*>"                                       # other HTML tags
    r"|!?\[(?:[^\[\]]|\[[^\[\]]*\])*\](?:\([^)]*\)|\[[^\]]*\])?"  # links, images, references
    r"|\{\s*[#.:][^}]*\}"                             # attribute lists
    r"|https?://\S+"                                  # bare web addresses
    r"|&[#\w]+;",                                     # entities
    re.S,
)
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_HTML_BLOCK = re.compile(r"^\s{0,3}<(?:[A-Za-z][\w-]*|/[A-Za-z]|!--)")
_NEVER = re.compile(
    r"^\s*(?:#{1,6}(?:\s|$)"          # headings
    r"|(?:!!!|\?\?\?\+?)\s"           # admonition and details titles
    r"|\*\[[^\]]*\]:"                 # abbreviation definitions
    r"|\[[^\]]+\]:\s"                 # link reference definitions
    r"|\|?\s*:?-{3,}"                 # table separator rows
    r"|[=-]{3,}\s*$)"                 # setext underlines, rules
)


def mark_markdown(markdown: str, marker: Marker) -> str:
    """The page's Markdown with the first use of each glossary term marked."""
    done: set = set()
    lines = markdown.split("\n")
    fence = None
    in_html = False
    for n, line in enumerate(lines):
        if fence:
            if line.strip().startswith(fence):
                fence = None
            continue
        opened = _FENCE.match(line)
        if opened:
            fence = opened.group(1)
            continue
        if in_html:
            in_html = bool(line.strip())
            continue
        if _HTML_BLOCK.match(line):
            in_html = True
            continue
        if not line.strip() or _NEVER.match(line):
            continue
        out, last = [], 0
        for m in _INLINE_SKIP.finditer(line):
            out += [marker.mark_text(line[last:m.start()], done), m.group(0)]
            last = m.end()
        out.append(marker.mark_text(line[last:], done))
        lines[n] = "".join(out)
    return "\n".join(lines)
