"""Turn the checked content into page fragments.

Tables and lists that readers see in the guide are returned as Markdown, so MkDocs
styles them and adds glossary tooltips. Tools are rendered once, as complete HTML,
from the Jinja templates in overrides/partials/tools/: they work and print with
JavaScript off, and the scripts in docs/assets/javascripts/ only enhance them.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from .tools import BY_ID, STATUSES, assets, flatten

ROOT = Path(__file__).resolve().parent.parent
PARTIALS = ROOT / "overrides" / "partials"
OVERRIDES = ROOT / "overrides"



def _cell(text) -> str:
    """Text safe inside a Markdown table cell."""
    return " ".join(str(text).split()).replace("|", "\\|")


def long_date(iso: str) -> str:
    """'2025-05-14' -> '14 May 2025' (GOV.UK date style)."""
    from datetime import date
    d = date.fromisoformat(str(iso))
    return f"{d.day} {d.strftime('%B')} {d.year}"


def _compact(html: str) -> str:
    """Raw HTML for Markdown: no blank or indented lines, so it stays one HTML block."""
    return "\n".join(line.strip() for line in html.splitlines() if line.strip())


class Renderer:
    macro_names = (
        "glossary", "sources_list", "changelog", "source", "value_area_table",
        "readiness_table", "healthcare_areas_list", "limitations_table", "ethics_table",
        "data_privacy_list", "clinical_safety_list", "pain_points_table", "gains_table",
        "action_plan_table", "support_services", "principles_list", "checklist_list",
        "where_to_start_list", "business_case_template", "figure", "tool",
    )

    def __init__(self, env, content: dict):
        self.env = env
        self.c = content
        self.sources = {s["id"]: s for s in content["sources"]["sources"]}
        self.jinja = Environment(
            loader=FileSystemLoader([str(PARTIALS), str(OVERRIDES)]),
            autoescape=select_autoescape(default=True, default_for_string=True),
            undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
        )
        self._abbr = None

    # ------------------------------------------------------------------ helpers
    def url(self, target: str) -> str:
        """Relative URL from the current page to a docs page ('guide/x.md#anchor')."""
        page, _, anchor = target.partition("#")
        conf = self.env.conf
        dest = File(page, conf["docs_dir"], conf["site_dir"], conf["use_directory_urls"]).url
        here = self.env.page.file.url if self.env.page else ""
        rel = get_relative_url(dest, here)
        return rel + (f"#{anchor}" if anchor else "")

    def _md_link(self, target: str) -> str:
        """A Markdown link target relative to the current page's source file (checked by MkDocs)."""
        page, _, anchor = target.partition("#")
        here = self.env.page.file.src_uri if self.env.page else ""
        rel = get_relative_url(page, here) if "/" in here else page
        return rel + (f"#{anchor}" if anchor else "")

    def _template(self, name: str, **context) -> str:
        ctx = dict(url=self.url, statuses=STATUSES, statuses_json=json.dumps(dict(STATUSES)),
                   site_version=self.env.conf.extra.get("site_version", ""))
        ctx.update(context)
        return _compact(self.jinja.get_template(name).render(**ctx))

    # ---------------------------------------------------------------- glossary
    def glossary(self) -> str:
        from markupsafe import escape
        terms = sorted(self.c["glossary"]["terms"], key=lambda t: t["term"].lower())
        names = {t["id"]: t["term"] for t in terms}
        letters = sorted({t["term"][0].upper() for t in terms})
        out = ["<nav class=\"aig-az\" aria-label=\"Glossary by letter\">"
               + " ".join(f"<a href=\"#letter-{l.lower()}\">{l}</a>" for l in letters) + "</nav>", ""]
        # Provenance (content/provenance.yml): said once for the page, and on each
        # definition this site wrote, so a reader who lands on one term sees it too.
        label = self.c["provenance"]["labels"]["glossary"]
        if any(t["source"] == "site" for t in terms):
            out += ["<p class=\"aig-provenance\" data-aig-provenance=\"glossary\">"
                    + escape(" ".join(label["text"].split())) + "</p>", ""]
        current = None
        for t in terms:
            letter = t["term"][0].upper()
            if letter != current:
                current = letter
                out += [f"## {letter} {{#letter-{letter.lower()}}}", ""]
            abbr = f" ({t['abbr']})" if t.get("abbr") else ""
            out += [f"### {t['term']}{abbr} {{#{t['id']}}}", "", " ".join(t["definition"].split()), ""]
            if t["source"] == "site":
                out += ["<p class=\"aig-provenance\" data-aig-provenance=\"glossary\"><small>"
                        + escape(label["tag"]) + "</small></p>", ""]
            if t.get("see_also"):
                out += ["See also: " + ", ".join(f"[{names[i]}](#{i})" for i in t["see_also"]), ""]
        return "\n".join(out)

    def abbreviations(self, markdown: str) -> str:
        """The page's Markdown with the first use of each glossary term given its
        definition as a tooltip, where the words mean the term (macros/tooltips.py)."""
        from . import tooltips
        if self._abbr is None:
            self._abbr = tooltips.Marker(*tooltips.terms_from(self.c["glossary"], self.c["provenance"]["labels"]))
        return tooltips.mark_markdown(markdown, self._abbr)

    # ----------------------------------------------------------------- sources
    def source(self, source_id: str, text: str | None = None) -> str:
        s = self.sources.get(source_id)
        if s is None:
            raise PluginError(f"{self._page_name()}: source('{source_id}') is not an id in content/sources.yml")
        label = text or s["title"]
        return f"[{label}]({s['url']})" if s.get("url") else f"*{label}*"

    def _page_name(self) -> str:
        return f"docs/{self.env.page.file.src_uri}" if self.env.page else "a page"

    def sources_list(self) -> str:
        kinds = (
            ("developed-from", "Sources the guide was developed from"),
            ("referenced", "Other sources the guide refers to"),
            ("case-study", "Case studies the guide highlights"),
            ("further-reading", "Also named in the guide"),
        )
        out = []
        for kind, heading in kinds:
            items = [s for s in self.c["sources"]["sources"] if s["kind"] == kind]
            if not items:
                continue
            out += [f"## {heading} {{#{kind}}}", ""]
            for s in items:
                title = f"[{s['title']}]({s['url']})" if s.get("url") else s["title"]
                bits = [s.get("publisher"), str(s["year"]) if s.get("year") else None]
                meta = ", ".join(b for b in bits if b)
                note = f" {' '.join(s['note'].split())}" if s.get("note") else ""
                out.append(f"- {title}" + (f" ({meta})." if meta else ".") + note)
            out.append("")
        return "\n".join(out)

    def changelog(self) -> str:
        log = self.c["changelog"]
        out = ["## Versions of the guide {#guide-versions}", "",
               "| Version | Date | Change | By |", "|---|---|---|---|"]
        out += [f"| {e['version']} | {long_date(e['date'])} | {_cell(e['change'])} | {_cell(e.get('by', ''))} |"
                for e in log["entries"]]
        out += ["", "## Changes to this website {#site-versions}", "",
                "| Version | Date | Change |", "|---|---|---|"]
        out += [f"| {e['version']} | {long_date(e['date'])} | {_cell(e['change'])} |" for e in log["site"]]
        return "\n".join(out) + "\n"

    # ------------------------------------------------------------ guide tables
    def value_area_table(self) -> str:
        out = ["| Value area | Indicators |", "|---|---|"]
        for area in self.c["value_areas"]["value_areas"]:
            items = "".join(f"<li>{_cell(i['text'])}</li>" for i in area["indicators"])
            out.append(f"| **{_cell(area['name'])}** | <ul>{items}</ul> |")
        return "\n".join(out) + "\n"

    def readiness_table(self, area_id: str) -> str:
        areas = {a["id"]: a for a in self.c["readiness"]["areas"]}
        if area_id not in areas:
            raise PluginError(f"{self._page_name()}: readiness_table('{area_id}'): no such area in "
                              f"content/readiness.yml (have: {', '.join(areas)})")
        rows = ["| Component | What it means |", "|---|---|"]
        rows += [f"| **{_cell(c['name'])}** | {_cell(c['definition'])} |" for c in areas[area_id]["components"]]
        return "\n".join(rows) + "\n"

    def healthcare_areas_list(self) -> str:
        return "\n".join(f"- **{a['name']}**: {' '.join(a['description'].split())}"
                         for a in self.c["healthcare_areas"]["areas"]) + "\n"

    def limitations_table(self) -> str:
        out = []
        for group in self.c["limitations"]["groups"]:
            out += [f"**{group['name']}**", "", "| Limitation | What it means |", "|---|---|"]
            out += [f"| **{_cell(i['name'])}** | {_cell(i['description'])} |" for i in group["items"]]
            out.append("")
        return "\n".join(out)

    def ethics_table(self) -> str:
        out = ["| Challenge | How to meet it |", "|---|---|"]
        for ch in self.c["ethics"]["challenges"]:
            out.append(f"| **{_cell(ch['challenge'])}**<br>{_cell(ch['risk'])} | "
                       f"**{_cell(ch['response'])}**<br>{_cell(ch['action'])} |")
        return "\n".join(out) + "\n"

    def _actions(self, actions) -> str:
        out = []
        for a in actions:
            out.append(f"- **{a['name']}**: {' '.join(a['description'].split())}")
            for p in a.get("points", []):
                out.append(f"    - {' '.join(p.split())}")
        return "\n".join(out) + "\n"

    def data_privacy_list(self) -> str:
        return self._actions(self.c["data_privacy"]["actions"])

    def clinical_safety_list(self) -> str:
        return self._actions(self.c["clinical_safety"]["actions"])

    def pain_points_table(self) -> str:
        return self._list("Common pain points and challenges", self.c["pain_points"]["pain_points"])

    def gains_table(self) -> str:
        return self._list("Gains and expectations from working together on digital transformation",
                          self.c["pain_points"]["gains"])

    @staticmethod
    def _list(heading, items) -> str:
        # The guide's two-column tables, as one list so the reading order is plain.
        return f"**{heading}**\n\n" + "\n".join(f"- {' '.join(i['text'].split())}" for i in items) + "\n"

    def action_plan_table(self) -> str:
        plan = self.c["action_plan"]
        out = ["| Key theme | Sub-theme | NHS priority for using AI |", "|---|---|---|"]
        for theme in plan["themes"]:
            for n, sub in enumerate(theme["sub_themes"]):
                name = f"**{_cell(theme['name'])}**" if n == 0 else ""
                out.append(f"| {name} | {_cell(sub['name'])} | {_cell(sub['nhs_priority'])} |")
        out += ["", f"In short: {' '.join(plan['translation'].split())}"]
        return "\n".join(out) + "\n"

    def support_services(self) -> str:
        s = self.c["support"]
        out = ["| Where to get help | What they offer |", "|---|---|",
               "| **Support organisations and services**<br>NHS AI deployment support, services and domain expertise | "
               + _cell(s["services"]["intro"]) + "<ul>"
               + "".join(f"<li>{_cell(i['name'])}</li>" for i in s["services"]["items"]) + "</ul> |",
               "| **Networks and communities of practice**<br>NHS and public sector AI learning networks | "
               + _cell(s["networks"]["intro"]) + "<ul>"
               + "".join(f"<li>{_cell(i['name'])}</li>" for i in s["networks"]["items"]) + "</ul> |"]
        return "\n".join(out) + "\n"

    def principles_list(self) -> str:
        return "\n".join(f"{p['number']}. {' '.join(p['text'].split())} ([more]({self._md_link(p['guide'])}))"
                         for p in self.c["principles"]["principles"]) + "\n"

    def checklist_list(self) -> str:
        out = []
        for item in self.c["checklist"]["items"]:
            out.append(f"{item['number']}. **{item['title']}.** {' '.join(item['text'].split())}")
            for sub in item.get("sub_points", []):
                out.append(f"    - {' '.join(sub['text'].split())}")
        return "\n".join(out) + "\n"

    def where_to_start_list(self) -> str:
        return "\n".join(f"- {' '.join(s['text'].split())}" for s in self.c["where_to_start"]["steps"]) + "\n"

    def business_case_template(self) -> str:
        cols = self.c["business_case"]["columns"]
        out = ["| " + " | ".join(c["question"] for c in cols) + " |", "|" + "---|" * len(cols)]
        depth = max(len(c["fields"]) for c in cols)
        for row in range(depth):
            cells = []
            for c in cols:
                f = c["fields"][row] if row < len(c["fields"]) else None
                cells.append(f"**{_cell(f['label'])}**<br>{_cell(f['hint'])}" if f else "")
            out.append("| " + " | ".join(cells) + " |")
        return "\n".join(out) + "\n"

    def figure(self, name: str) -> str:
        """A redrawn figure: the Jinja template overrides/partials/figures/<name>.html,
        rendered with the content (c), its entry in content/figures.yml (figure) and the
        provenance labels (labels)."""
        figures = {f["id"]: f for f in self.c["figures"]["figures"]}
        if name not in figures or not (PARTIALS / "figures" / f"{name}.html").is_file():
            raise PluginError(f"{self._page_name()}: figure('{name}'): not in content/figures.yml, "
                              f"or no file overrides/partials/figures/{name}.html")
        return _compact(self.jinja.get_template(f"figures/{name}.html").render(
            c=self.c, figure=figures[name], labels=self.c["provenance"]["labels"]))

    # -------------------------------------------------------------------- tools
    def tool(self, tool_id: str) -> str:
        t = BY_ID.get(tool_id)
        if t is None:
            raise PluginError(f"{self._page_name()}: tool('{tool_id}') is not a tool this site has "
                              f"(have: {', '.join(BY_ID)}; the registry is macros/tools.py)")
        self.tool_items = t.items(self.c) if t.items else []
        flat = flatten(self.tool_items)
        # The scripts (besides core) that must have loaded before the page is enhanced.
        scripts = " ".join(n for n in (*t.needs, t.component) if assets(n, "js"))
        html = self._template(f"components/{t.component}/template.html", tool_id=t.id, title=t.title, kind=t.kind,
                              ids=" ".join(i["id"] for i in flat), revs=" ".join(i["rev"] for i in flat),
                              scripts=scripts, **t.context(self))
        self._use_assets(t)
        return html

    def _use_assets(self, t) -> None:
        """Note on the page which scripts and styles its tools need; main.html loads
        them, so pages without a tool load none."""
        if not self.env.page:
            return
        meta = self.env.page.meta
        scripts, styles = meta.setdefault("aig_scripts", []), meta.setdefault("aig_styles", [])
        for name in ("core", *t.needs, t.component):
            for path in assets(name, "js"):
                if path not in scripts:
                    scripts.append(path)
        for name in ("core", t.component):
            for path in assets(name, "css"):
                if path not in styles:
                    styles.append(path)
