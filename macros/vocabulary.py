"""One vocabulary: find every variant of a preferred term (content/vocabulary.yml) in the
site's words, with its file and line.

Checked: content/*.yml (except vocabulary.yml itself), docs/**/*.md and the figure
templates in overrides/partials/figures/. Not checked, because they are not words a
reader sees or because they must stay as they are: YAML comments, ids and other
machine values (id, see_also, guide, url, sources, checklist, ...), web addresses,
link targets, heading ids, HTML tags and Jinja or macro calls. Names, titles and
quotations listed in a term's `allowed_in` keep their own spelling.
"""
from __future__ import annotations

import re
from pathlib import Path

# YAML keys whose values are ids, paths or addresses, never prose.
MACHINE_KEYS = ("id", "see_also", "guide", "url", "sources", "source", "checklist", "kind",
                "problem_statement_item", "in_use_item", "levels_source", "case", "item")

_YAML_MACHINE = re.compile(r"^(\s*(?:-\s+)?(?:%s)\s*:).*$" % "|".join(MACHINE_KEYS), re.M)
_YAML_COMMENT = re.compile(r"^\s*#.*$", re.M)
# The same keys with their values as a block list on the lines below ("see_also:" then
# "- an-id" lines), as yaml.safe_dump writes them.
_YAML_MACHINE_LIST = re.compile(r"^([ \t]*(?:-\s+)?(?:%s)[ \t]*:[ \t]*\n)((?:[ \t]*-[ \t]+[^\n:#]*\n)+)"
                                % "|".join(MACHINE_KEYS), re.M)
_MASKS = (
    re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S),   # Jinja and macro calls
    re.compile(r"<!--.*?-->", re.S),                         # HTML comments
    re.compile(r"<[A-Za-z/!][^<>]*>"),                       # HTML tags (not the text between)
    re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)"),          # Markdown link targets
    re.compile(r"\{\s*[#.:][^}]*\}"),                        # attribute lists, heading ids
    re.compile(r"https?://\S+"),                             # web addresses
    re.compile(r"`[^`\n]+`"),                                # inline code
)


def _blank(match: re.Match) -> str:
    """The same text with every character but line breaks made a space, so line
    numbers and positions stay right."""
    return re.sub(r"[^\n]", " ", match.group(0))


def _prose(text: str, kind: str) -> str:
    """The file's text with everything that is not prose blanked out."""
    if kind == "yaml":
        text = _YAML_COMMENT.sub(_blank, text)
        text = _YAML_MACHINE.sub(lambda m: m.group(1) + " " * (len(m.group(0)) - len(m.group(1))), text)
        text = _YAML_MACHINE_LIST.sub(lambda m: m.group(1) + _blank(re.match(r".*", m.group(2), re.S)), text)
    for pattern in _MASKS:
        text = pattern.sub(_blank, text)
    if kind == "md":
        # Fenced code blocks.
        text = re.sub(r"^(```|~~~).*?^\1\s*$", _blank, text, flags=re.M | re.S)
    return text


def _phrase_pattern(phrase: str, plural: bool) -> str:
    """Whole words, any run of spaces or a line break between them. The start of the
    word is checked by _matches: a pattern that opens with a look-behind is tried at
    every position of the text, several times slower."""
    words = [re.escape(w) for w in phrase.split()]
    body = r"\s+".join(words)
    return body + (r"(?:s|es)?" if plural else "") + r"(?![\w-])"


_WORD_BEFORE = re.compile(r"[\w-]")


def _matches(pattern: re.Pattern, text: str):
    r"""Like pattern.finditer(text), for matches that start a word (what the look-behind
    (?<![\w-]) would give)."""
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        if m.start() and _WORD_BEFORE.match(text, m.start() - 1):
            pos = m.start() + 1
            continue
        yield m
        pos = m.end()


class Vocabulary:
    def __init__(self, terms: list[dict]):
        self.rules = []
        for term in terms:
            flags = 0 if term.get("match_case") else re.I
            variants = re.compile("|".join(_phrase_pattern(v, True) for v in
                                           sorted(term["variants"], key=len, reverse=True)), flags)
            allowed = [re.compile(_phrase_pattern(a, False), re.I) for a in term.get("allowed_in", [])]
            # The words of each variant, to skip a term cheaply when a file cannot hold it.
            words = [v.lower().split() for v in term["variants"]]
            self.rules.append((term, variants, allowed, words))

    def problems_in(self, text: str, name: str, kind: str) -> list[str]:
        prose = _prose(text, kind)
        lower = prose.lower()
        found = []
        for term, variants, allowed, words in self.rules:
            if not any(all(w in lower for w in variant) for variant in words):
                continue
            matches = list(_matches(variants, prose))
            spans = [m.span() for a in allowed for m in _matches(a, prose)] if matches else []
            for m in matches:
                word = " ".join(m.group(0).split())
                if word == term["preferred"] or word == term["preferred"] + "s":
                    continue
                if any(s <= m.start() and m.end() <= e for s, e in spans):
                    continue
                line = prose.count("\n", 0, m.start()) + 1
                found.append((line, f"{name}:{line}: '{word}' is a variant of '{term['preferred']}': "
                                    f"use '{term['preferred']}' (content/vocabulary.yml, id '{term['id']}')"))
        return [message for _, message in sorted(found)]


def files_to_check(content_dir: Path, docs_dir: Path) -> list[tuple[Path, str]]:
    files = [(p, "yaml") for p in sorted(content_dir.glob("*.yml")) if p.name != "vocabulary.yml"]
    files += [(p, "md") for p in sorted(docs_dir.rglob("*.md"))]
    figures = content_dir.parent / "overrides" / "partials" / "figures"
    files += [(p, "html") for p in sorted(figures.glob("*.html"))]
    return files


def check(terms: list[dict], content_dir: Path, docs_dir: Path, relative) -> list[str]:
    """Every variant in the site's words, as 'file:line: what to do' messages."""
    vocabulary = Vocabulary(terms)
    problems = []
    for path, kind in files_to_check(content_dir, docs_dir):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # the content loader reports unreadable content files
        problems += vocabulary.problems_in(text, relative(path), kind)
    return problems
