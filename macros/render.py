"""Turn the checked content into page fragments.

Tables and lists that readers see in the guide are returned as Markdown, so MkDocs
styles them and adds glossary tooltips. Tools are rendered once, as complete HTML,
from the Jinja templates in overrides/partials/tools/: they work and print with
JavaScript off, and the scripts in docs/assets/javascripts/ only enhance them.
"""
from __future__ import annotations

import re
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

ROOT = Path(__file__).resolve().parent.parent
PARTIALS = ROOT / "overrides" / "partials"

STATUSES = (
    ("not-started", "Not started"),
    ("in-progress", "In progress"),
    ("completed", "Completed"),
    ("not-applicable", "Not applicable"),
)

# Every tool: its page, its title, how its progress is counted (kind).
TOOLS = {
    "deployment-checklist": ("tools/deployment-checklist.md", "Deployment checklist", "checklist"),
    "where-to-start": ("tools/where-to-start.md", "Where do I start", "checklist"),
    "readiness-assessment": ("tools/readiness-assessment.md", "Readiness self-assessment", "rating"),
    "benefits-planner": ("tools/benefits-planner.md", "Benefits planner", "benefits"),
    "risk-assurance": ("tools/risk-assurance.md", "Risk and assurance checklist", "checklist"),
    "principles-self-check": ("tools/principles-self-check.md", "10 principles self-check", "checklist"),
    "business-case": ("tools/business-case.md", "One-page business case", "case"),
}


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
            loader=FileSystemLoader(str(PARTIALS)),
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
        ctx = dict(url=self.url, statuses=STATUSES, site_version=self.env.conf.extra.get("site_version", ""))
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
        builder = getattr(self, "_tool_" + tool_id.replace("-", "_"), None)
        if tool_id not in TOOLS and tool_id not in ("my-progress", "team-view") or builder is None:
            raise PluginError(f"{self._page_name()}: tool('{tool_id}') is not a tool this site has")
        return builder()

    def _tool_meta(self, tool_id: str) -> dict:
        page, title, kind = TOOLS[tool_id]
        return dict(tool_id=tool_id, title=title, kind=kind, ids=" ".join(self.tool_ids(tool_id)))

    def tool_ids(self, tool_id: str) -> list[str]:
        """The ids a tool saves answers under, in page order."""
        c = self.c
        if tool_id == "deployment-checklist":
            return [i for item in c["checklist"]["items"]
                    for i in [item["id"]] + [s["id"] for s in item.get("sub_points", [])]]
        if tool_id == "where-to-start":
            return [s["id"] for s in c["where_to_start"]["steps"]]
        if tool_id == "principles-self-check":
            return [p["id"] for p in c["principles"]["principles"]]
        if tool_id == "risk-assurance":
            return [i["id"] for g in self._risk_groups() for i in g["items"]]
        if tool_id == "readiness-assessment":
            return [comp["id"] for a in c["readiness"]["areas"] for comp in a["components"]]
        if tool_id == "benefits-planner":
            return [i["id"] for a in c["value_areas"]["value_areas"] for i in a["indicators"]]
        if tool_id == "business-case":
            return [f["id"] for col in c["business_case"]["columns"] for f in col["fields"]]
        raise KeyError(tool_id)

    def _checklist_tool(self, tool_id: str, groups: list[dict]) -> str:
        return self._template("tools/checklist.html", groups=groups, **self._tool_meta(tool_id))

    def _tool_deployment_checklist(self) -> str:
        items = [dict(id=i["id"], number=i["number"], title=i["title"], text=i["text"], guide=i["guide"],
                      subs=[dict(id=s["id"], title=s["text"], text="", guide=None, number=None, subs=[])
                            for s in i.get("sub_points", [])])
                 for i in self.c["checklist"]["items"]]
        return self._checklist_tool("deployment-checklist", [dict(id="points", title=None, intro=None, items=items)])

    def _tool_where_to_start(self) -> str:
        items = [dict(id=s["id"], number=n, title=s["text"], text="", guide=None, subs=[])
                 for n, s in enumerate(self.c["where_to_start"]["steps"], 1)]
        return self._checklist_tool("where-to-start", [dict(id="steps", title=None, intro=None, items=items)])

    def _tool_principles_self_check(self) -> str:
        items = [dict(id=p["id"], number=p["number"], title=p["text"], text="", guide=p["guide"], subs=[])
                 for p in self.c["principles"]["principles"]]
        return self._checklist_tool("principles-self-check", [dict(id="principles", title=None, intro=None, items=items)])

    def _risk_groups(self) -> list[dict]:
        c = self.c
        groups = [dict(id=f"limitations-{g['id']}", title=g["name"],
                       intro=None, guide="guide/managing-risk.md#limitations",
                       items=[dict(id=i["id"], number=None, title=i["name"], text=i["review"],
                                   detail=i["description"], guide="guide/managing-risk.md#limitations", subs=[])
                              for i in g["items"]])
                  for g in c["limitations"]["groups"]]
        groups.append(dict(id="ethics", title="Ethics", intro=None, guide="guide/managing-risk.md#ethics",
                           items=[dict(id=e["id"], number=None, title=e["response"], text=e["action"],
                                       detail=f"{e['challenge']}: {e['risk']}",
                                       guide="guide/managing-risk.md#ethics", subs=[])
                                  for e in c["ethics"]["challenges"]]))
        groups.append(dict(id="data-privacy", title="Data privacy, security and information governance", intro=None,
                           guide="guide/managing-risk.md#data-privacy-and-information-governance",
                           items=[dict(id=a["id"], number=None, title=a["name"], text=a["description"],
                                       points=a.get("points", []),
                                       guide="guide/managing-risk.md#data-privacy-and-information-governance", subs=[])
                                  for a in c["data_privacy"]["actions"]]))
        groups.append(dict(id="clinical-safety", title="Clinical safety", intro=None,
                           guide="guide/managing-risk.md#clinical-safety",
                           items=[dict(id=a["id"], number=None, title=a["name"], text=a["description"],
                                       points=a.get("points", []),
                                       guide="guide/managing-risk.md#clinical-safety", subs=[])
                                  for a in c["clinical_safety"]["actions"]]))
        return groups

    def _tool_risk_assurance(self) -> str:
        return self._checklist_tool("risk-assurance", self._risk_groups())

    def _tool_readiness_assessment(self) -> str:
        checklist = {i["id"]: i for item in self.c["checklist"]["items"]
                     for i in [item] + item.get("sub_points", [])}
        return self._template("tools/readiness.html", readiness=self.c["readiness"], checklist=checklist,
                              **self._tool_meta("readiness-assessment"))

    def _tool_benefits_planner(self) -> str:
        return self._template("tools/benefits.html", areas=self.c["value_areas"]["value_areas"],
                              **self._tool_meta("benefits-planner"))

    def _labels(self) -> dict:
        """Names other tools' ids stand for, for pages that read several tools."""
        c = self.c
        return {
            "benefits-planner": [(i["id"], i["text"]) for a in c["value_areas"]["value_areas"] for i in a["indicators"]],
            "risk-assurance": [(i["id"], i["title"]) for g in self._risk_groups() for i in g["items"]],
            "readiness-assessment": [(comp["id"], comp["name"]) for a in c["readiness"]["areas"]
                                     for comp in a["components"]],
        }

    def _tool_business_case(self) -> str:
        return self._template("tools/business-case.html", case=self.c["business_case"], labels=self._labels(),
                              problem_item=self.c["checklist"]["problem_statement_item"],
                              **self._tool_meta("business-case"))

    def _tool_my_progress(self) -> str:
        tools = [dict(id=t, title=title, kind=kind, url=self.url(page), ids=" ".join(self.tool_ids(t)))
                 for t, (page, title, kind) in TOOLS.items()]
        return self._template("tools/my-progress.html", tools=tools)

    def _tool_team_view(self) -> str:
        checklist = [dict(id=i, title=t) for i, t in
                     [(item["id"], f"{item['number']}. {item['title']}") for item in self.c["checklist"]["items"]]]
        return self._template("tools/team-view.html", readiness=self.c["readiness"], checklist=checklist)
