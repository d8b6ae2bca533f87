"""The guide's tables and lists, as Markdown, from plain content data.

Small pure functions: each takes the part of the content it shows (lists and dicts
as loaded from content/*.yml), plus `link` where it links to a page (a callable that
turns 'guide/x.md#anchor' into a link target relative to the current page), and
returns Markdown. Nothing here knows about MkDocs, so tests/test_tables.py checks
each one on small hand-made data. macros/render.py calls them for the page macros.
"""
from __future__ import annotations

from datetime import date
from typing import Callable, Iterable


# ------------------------------------------------------------------ helpers
def one_line(text) -> str:
    """YAML folded (or multi-line) text as one line."""
    return " ".join(str(text).split())


def cell(text) -> str:
    """Text safe inside a Markdown table cell: one line, `|` escaped."""
    return one_line(text).replace("|", "\\|")


def long_date(iso) -> str:
    """'2025-05-14' -> '14 May 2025' (GOV.UK date style)."""
    d = date.fromisoformat(str(iso))
    return f"{d.day} {d.strftime('%B')} {d.year}"


def _table(header: Iterable[str], rows: Iterable[str]) -> list[str]:
    header = list(header)
    return ["| " + " | ".join(header) + " |", "|" + "---|" * len(header), *rows]


def _lines(out: list[str]) -> str:
    """Lines joined, ending with one newline."""
    return "\n".join(out) + "\n"


# ------------------------------------------------------------------ sources and versions
SOURCE_KINDS = (
    ("developed-from", "Sources the guide was developed from"),
    ("referenced", "Other sources the guide refers to"),
    ("case-study", "Case studies the guide highlights"),
    ("further-reading", "Also named in the guide"),
    ("site", "Sources this website adds"),
)


def sources_list(sources: list[dict]) -> str:
    """The sources, one heading per kind (kinds with no source left out), each a bullet:
    title (linked if it has a url), then (publisher, year) if known, then its note."""
    out = []
    for kind, heading in SOURCE_KINDS:
        items = [s for s in sources if s["kind"] == kind]
        if not items:
            continue
        out += [f"## {heading} {{#{kind}}}", ""]
        for s in items:
            title = f"[{s['title']}]({s['url']})" if s.get("url") else s["title"]
            meta = ", ".join(b for b in (s.get("publisher"), str(s["year"]) if s.get("year") else None) if b)
            note = f" {one_line(s['note'])}" if s.get("note") else ""
            out.append(f"- {title}" + (f" ({meta})." if meta else ".") + note)
        out.append("")
    return "\n".join(out)


def changelog(guide: list[dict], site: list[dict]) -> str:
    """Two tables: the guide's versions (with who made each change) and the website's."""
    out = ["## Versions of the guide {#guide-versions}", ""]
    out += _table(("Version", "Date", "Change", "By"),
                  (f"| {e['version']} | {long_date(e['date'])} | {cell(e['change'])} | {cell(e.get('by', ''))} |"
                   for e in guide))
    out += ["", "## Changes to this website {#site-versions}", ""]
    out += _table(("Version", "Date", "Change"),
                  (f"| {e['version']} | {long_date(e['date'])} | {cell(e['change'])} |" for e in site))
    return _lines(out)


# ------------------------------------------------------------------ guide tables
def value_area_table(areas: list[dict]) -> str:
    """Value area | its indicators as a bulleted list inside the cell."""
    def row(area: dict) -> str:
        items = "".join(f"<li>{cell(i['text'])}</li>" for i in area["indicators"])
        return f"| **{cell(area['name'])}** | <ul>{items}</ul> |"
    return _lines(_table(("Value area", "Indicators"), map(row, areas)))


def readiness_table(components: list[dict]) -> str:
    """One readiness area's components: name | what it means."""
    return _lines(_table(("Component", "What it means"),
                         (f"| **{cell(c['name'])}** | {cell(c['definition'])} |" for c in components)))


def healthcare_areas_list(areas: list[dict]) -> str:
    return _lines([f"- **{a['name']}**: {one_line(a['description'])}" for a in areas])


def _named(name: str, item_id: str | None, link: Callable[[str], str] | None) -> str:
    """An item's name, linked to its item in a tool when `link` (item id -> target) is given."""
    return f"[{name}]({link(item_id)})" if link and item_id else name


def limitations_table(groups: list[dict], link: Callable[[str], str] | None = None) -> str:
    """One bold heading and table per group, each followed by a blank line. With `link`,
    each limitation's name links to its item in the risk and assurance checklist."""
    out = []
    for group in groups:
        out += [f"**{group['name']}**", ""]
        out += _table(("Limitation", "What it means"),
                      (f"| **{_named(cell(i['name']), i.get('id'), link)}** | {cell(i['description'])} |"
                       for i in group["items"]))
        out.append("")
    return "\n".join(out)


def ethics_table(challenges: list[dict], link: Callable[[str], str] | None = None) -> str:
    """Challenge and its risk | the response and its action (the response linked to its
    checklist item with `link`)."""
    return _lines(_table(("Challenge", "How to meet it"),
                         (f"| **{cell(ch['challenge'])}**<br>{cell(ch['risk'])} | "
                          f"**{_named(cell(ch['response']), ch.get('id'), link)}**<br>{cell(ch['action'])} |"
                          for ch in challenges)))


def actions_list(actions: list[dict], link: Callable[[str], str] | None = None) -> str:
    """Named actions as bullets, each with its optional points nested under it
    (data privacy, clinical safety). With `link`, each name links to its checklist item."""
    out = []
    for a in actions:
        out.append(f"- **{_named(a['name'], a.get('id'), link)}**: {one_line(a['description'])}")
        out += [f"    - {one_line(p)}" for p in a.get("points", [])]
    return _lines(out)


def headed_list(heading: str, items: list[dict]) -> str:
    """A bold heading and a bulleted list. The guide's two-column tables of pain
    points and gains, as one list so the reading order is plain."""
    return f"**{heading}**\n\n" + _lines([f"- {one_line(i['text'])}" for i in items])


def pain_points_table(pain_points: list[dict]) -> str:
    return headed_list("Common pain points and challenges", pain_points)


def gains_table(gains: list[dict]) -> str:
    return headed_list("Gains and expectations from working together on digital transformation", gains)


def action_plan_table(themes: list[dict], translation: str) -> str:
    """Key theme | sub-theme | NHS priority, one row per sub-theme; the theme's name
    only on its first row. Then the plan's translation as a paragraph."""
    rows = []
    for theme in themes:
        for n, sub in enumerate(theme["sub_themes"]):
            name = f"**{cell(theme['name'])}**" if n == 0 else ""
            rows.append(f"| {name} | {cell(sub['name'])} | {cell(sub['nhs_priority'])} |")
    return _lines(_table(("Key theme", "Sub-theme", "NHS priority for using AI"), rows)
                  + ["", one_line(translation)])


def support_services(support: dict) -> str:
    """Where to get help: the support services and the networks, each an intro and a
    bulleted list of names in one cell."""
    def row(title: str, what: str, part: dict) -> str:
        names = "".join(f"<li>{cell(i['name'])}</li>" for i in part["items"])
        return f"| **{title}**<br>{what} | {cell(part['intro'])}<ul>{names}</ul> |"
    return _lines(_table(("Where to get help", "What they offer"), (
        row("Support organisations and services", "NHS AI deployment support, services and domain expertise",
            support["services"]),
        row("Networks and communities of practice", "NHS and public sector AI learning networks",
            support["networks"]),
    )))


def principles_list(principles: list[dict], link: Callable[[str], str]) -> str:
    """The numbered principles, each with a 'more' link to its part of the guide."""
    return _lines([f"{p['number']}. {one_line(p['text'])} ([more]({link(p['guide'])}))" for p in principles])


def checklist_list(items: list[dict]) -> str:
    """The numbered checklist (numbers from the content), sub-points nested."""
    out = []
    for item in items:
        out.append(f"{item['number']}. **{item['title']}.** {one_line(item['text'])}")
        out += [f"    - {one_line(sub['text'])}" for sub in item.get("sub_points", [])]
    return _lines(out)


def where_to_start_list(steps: list[dict]) -> str:
    return _lines([f"- {one_line(s['text'])}" for s in steps])


def business_case_template(columns: list[dict]) -> str:
    """One column per question; row n holds each column's n-th field (label and
    hint), and an empty cell where a column has fewer fields than the longest."""
    depth = max(len(c["fields"]) for c in columns)
    rows = ("| " + " | ".join(f"**{cell(c['fields'][n]['label'])}**<br>{cell(c['fields'][n]['hint'])}"
                              if n < len(c["fields"]) else "" for c in columns) + " |"
            for n in range(depth))
    return _lines(_table((c["question"] for c in columns), rows))
