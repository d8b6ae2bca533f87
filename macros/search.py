"""Keep a tool's hidden helper text out of the site search.

Material's search plugin indexes the whole HTML of a page, so on a tool page it
listed the toolbar ("Export answers (JSON) ... Reset this tool"), the "JavaScript is
off" note, the printed paper boxes ("Status: ☐ Not started ☐ ..."), every status list,
the visually hidden end of each label ("Status of Appoint an AI lead") and sections
that are [hidden] until answers exist. The plugin leaves out any element marked
`data-search-exclude`; this marks, in a tool's rendered HTML, every element that is
hidden helper text:

- `hidden`, `aria-hidden="true"`, or one of the classes aig-vh (visually hidden),
  aig-nojs (shown only without JavaScript), aig-paper, aig-print and aig-case__empty
  (print only), aig-bar, aig-assess, aig-draft, aig-pack__bar and aig-team__add (the
  controls that only JavaScript shows);
- a `<select>` (its options are choices, not content).

The plugin tracks skipped elements by tag name only (macros cannot change that), so
an element is skipped only up to the first closing tag of its own name. An element
with a descendant of the same tag is therefore not marked itself; its children are
considered instead, down to elements that are safe to mark. Headings are never
marked: the plugin would drop their whole section, up to the next heading (a
visually hidden heading such as "Checklist items" titles the items below it).
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

HELPER_CLASSES = {"aig-vh", "aig-nojs", "aig-paper", "aig-print", "aig-case__empty",
                  # controls shown only where JavaScript runs (html.aig-js), never content
                  "aig-bar", "aig-assess", "aig-draft", "aig-pack__bar", "aig-team__add"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
MARK = " data-search-exclude"
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


class _Node:
    __slots__ = ("tag", "attrs", "end", "children", "tags_below")

    def __init__(self, tag: str, attrs: dict, end: int):
        self.tag, self.attrs, self.end = tag, attrs, end  # end: offset of the start tag's ">"
        self.children: list[_Node] = []
        self.tags_below: set[str] = set()


class _Tree(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=False)
        self.html = html
        self.lines = [0]
        for m in re.finditer("\n", html):
            self.lines.append(m.end())
        self.root = _Node("#root", {}, -1)
        self.stack = [self.root]
        self.feed(html)
        self.close()

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.lines[line - 1] + col

    def handle_starttag(self, tag, attrs):
        start = self._offset()
        text = self.get_starttag_text() or ""
        end = start + len(text) - (2 if text.endswith("/>") else 1)
        node = _Node(tag, dict(attrs), end)
        self.stack[-1].children.append(node)
        if tag not in VOID and not text.endswith("/>"):
            self.stack.append(node)

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return


def _fill_tags_below(node: _Node) -> set[str]:
    for child in node.children:
        node.tags_below |= {child.tag} | _fill_tags_below(child)
    return node.tags_below


def _is_helper(node: _Node) -> bool:
    a = node.attrs
    classes = set((a.get("class") or "").split())
    return (node.tag == "select" or "hidden" in a or a.get("aria-hidden") == "true"
            or bool(classes & HELPER_CLASSES))


def _marks(node: _Node, inside: bool, out: list[int]) -> None:
    hidden = inside or _is_helper(node)
    if (hidden and node.tag != "#root" and node.tag not in VOID and node.tag not in HEADINGS
            and "data-search-exclude" not in node.attrs):
        if node.tag not in node.tags_below:
            out.append(node.end)
            return
    for child in node.children:
        _marks(child, hidden, out)


def exclude_hidden_helpers(html: str) -> str:
    """The HTML with `data-search-exclude` on each element of hidden helper text."""
    tree = _Tree(html)
    _fill_tags_below(tree.root)
    ends: list[int] = []
    _marks(tree.root, False, ends)
    for end in sorted(ends, reverse=True):
        html = html[:end] + MARK + html[end:]
    return html
