"""Turn the checked content into page fragments.

Tables and lists that readers see in the guide are returned as Markdown (built by
macros/tables.py), so MkDocs styles them and adds glossary tooltips. Tools are
rendered once, as complete HTML, from each component's template
(overrides/components/<name>/template.html, named by the registry in macros/tools.py):
they work and print with JavaScript off, and the component's script only enhances
them. Figures are drawn by the templates in overrides/partials/figures/.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from . import revisions, tables
from .search import exclude_hidden_helpers
from .tools import BY_ID, STATUSES, awaited, flatten, scripts, stylesheet

ROOT = Path(__file__).resolve().parent.parent
PARTIALS = ROOT / "overrides" / "partials"
OVERRIDES = ROOT / "overrides"


def _compact(html: str) -> str:
    """Raw HTML for Markdown: no blank or indented lines, so it stays one HTML block."""
    return "\n".join(line.strip() for line in html.splitlines() if line.strip())


class Renderer:
    macro_names = (
        "glossary", "sources_list", "changelog", "source", "value_area_table",
        "readiness_table", "healthcare_areas_list", "limitations_table", "ethics_table",
        "data_privacy_list", "clinical_safety_list", "pain_points_table", "gains_table",
        "action_plan_table", "support_services", "principles_list", "checklist_list",
        "where_to_start_list", "business_case_template", "figure", "figures_list", "tool", "whats_changed",
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
        # str(): Markup + str would escape the str, so the tags would show as text
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
                    + str(escape(" ".join(label["text"].split()))) + "</p>", ""]
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
                        + str(escape(label["tag"])) + "</small></p>", ""]
            if t.get("sources"):
                out += [("Source: " if len(t["sources"]) == 1 else "Sources: ")
                        + ", ".join(self.source(i) for i in t["sources"]), ""]
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
        return tables.sources_list(self.c["sources"]["sources"])

    def changelog(self) -> str:
        return tables.changelog(self.c["changelog"]["entries"], self.c["releases"]["releases"])

    def whats_changed(self) -> str:
        """Per version of the site, the items whose guidance changed (content/revisions.yml)."""
        return revisions.whats_changed(
            self.c, lambda tool, ident: self._md_link(f"{BY_ID[tool].page}#item-{ident}"), tables.long_date)

    # ------------------------------------------------------------ guide tables
    # The guide's tables and lists are pure functions in macros/tables.py (tested in
    # tests/test_tables.py); these methods hand them their part of the content.
    def value_area_table(self) -> str:
        return tables.value_area_table(self.c["value_areas"]["value_areas"])

    def readiness_table(self, area_id: str) -> str:
        areas = {a["id"]: a for a in self.c["readiness"]["areas"]}
        if area_id not in areas:
            raise PluginError(f"{self._page_name()}: readiness_table('{area_id}'): no such area in "
                              f"content/readiness.yml (have: {', '.join(areas)})")
        return tables.readiness_table(areas[area_id]["components"])

    def healthcare_areas_list(self) -> str:
        return tables.healthcare_areas_list(self.c["healthcare_areas"]["areas"])

    def _risk_item(self, item_id: str) -> str:
        """Link target of an item in the risk and assurance checklist (its page from the registry)."""
        return self._md_link(f"{BY_ID['risk-assurance'].page}#item-{item_id}")

    def limitations_table(self) -> str:
        return tables.limitations_table(self.c["limitations"]["groups"], self._risk_item)

    def ethics_table(self) -> str:
        return tables.ethics_table(self.c["ethics"]["challenges"], self._risk_item)

    def data_privacy_list(self) -> str:
        return tables.actions_list(self.c["data_privacy"]["actions"], self._risk_item)

    def clinical_safety_list(self) -> str:
        return tables.actions_list(self.c["clinical_safety"]["actions"], self._risk_item)

    def pain_points_table(self) -> str:
        return tables.pain_points_table(self.c["pain_points"]["pain_points"])

    def gains_table(self) -> str:
        return tables.gains_table(self.c["pain_points"]["gains"])

    def action_plan_table(self) -> str:
        return tables.action_plan_table(self.c["action_plan"]["themes"], self.c["action_plan"]["translation"])

    def support_services(self) -> str:
        return tables.support_services(self.c["support"])

    def principles_list(self) -> str:
        return tables.principles_list(self.c["principles"]["principles"], self._md_link)

    def checklist_list(self) -> str:
        return tables.checklist_list(self.c["checklist"]["items"])

    def where_to_start_list(self) -> str:
        return tables.where_to_start_list(self.c["where_to_start"]["steps"])

    def business_case_template(self) -> str:
        """The guide's template, with the boxes' prompts, then the label that says the
        prompts are this website's (the guide's boxes say only "text here")."""
        from markupsafe import escape
        label = self.c["provenance"]["labels"]["business-case-prompts"]
        return (tables.business_case_template(self.c["business_case"]["columns"]) + "\n"
                + '<p class="aig-provenance" data-aig-provenance="business-case-prompts"><strong>'
                + str(escape(label["tag"])) + "</strong> " + str(escape(" ".join(label["text"].split()))) + "</p>\n")

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

    def figures_list(self, source: str | None = None, indent: int = 0) -> str:
        """The figures this website draws from the guide's text (content/figures.yml), as
        a bulleted list (indented to nest it in another list); `source='site'` lists only
        those whose contents it inferred."""
        return "\n".join(" " * indent + f"- Figure {f['number']}: {' '.join(f['title'].split())}"
                          for f in self.c["figures"]["figures"] if source in (None, f["source"])) + "\n"

    # -------------------------------------------------------------------- tools
    def tool(self, tool_id: str) -> str:
        t = BY_ID.get(tool_id)
        if t is None:
            raise PluginError(f"{self._page_name()}: tool('{tool_id}') is not a tool this site has "
                              f"(have: {', '.join(BY_ID)}; the registry is macros/tools.py)")
        items = t.items(self.c) if t.items else []
        flat = flatten(items)
        revs, notes = revisions.page_revisions(self.c[revisions.LOCK], t.id, [i["id"] for i in flat])
        notes = {i: [[tables.long_date(day), note] for day, note in n] for i, n in notes.items()}
        html = self._template(f"components/{t.component}/template.html", tool_id=t.id, title=t.title, kind=t.kind,
                              ids=" ".join(i["id"] for i in flat), revs=revs,
                              rev_notes=json.dumps(notes, ensure_ascii=False) if notes else "",
                              counted=" ".join(i["id"] for i in items), scripts=awaited(t), **t.context(self, items))
        self._use_assets(t)
        self._note_sections(html)
        return exclude_hidden_helpers(html)  # out of the site search (macros/search.py)

    # A group's heading in a tool: <section class="aig-group" ...><h2 id="...">Title</h2>
    # (a visually hidden "Checklist items" heading has a class, so it is not matched).
    SECTION = re.compile(r'<section class="aig-group"[^>]*>\s*<h2 id="([^"]+)">([^<]+)</h2>')

    def _note_sections(self, html: str) -> None:
        """Note the tool's sections for the page's table of contents (main.html adds
        them): Markdown's table of contents cannot see headings inside the tool's HTML,
        so without this a long tool page had an empty contents list."""
        if not self.env.page:
            return
        from mkdocs.structure.toc import AnchorLink
        sections = self.env.page.meta.setdefault("aig_toc", [])
        sections += [AnchorLink(title, anchor, 2) for anchor, title in self.SECTION.findall(html)]

    def _use_assets(self, t) -> None:
        """Note on the page which scripts its tools need, and its tool's one stylesheet;
        main.html loads them, so pages without a tool load none."""
        if not self.env.page:
            return
        meta = self.env.page.meta
        page_scripts, styles = meta.setdefault("aig_scripts", []), meta.setdefault("aig_styles", [])
        for path in scripts(t):
            if path not in page_scripts:
                page_scripts.append(path)
        if stylesheet(t) not in styles:
            styles.append(stylesheet(t))
