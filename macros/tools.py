"""The registry of tools: one entry per tool. Elsewhere in Python only content.py
names a tool (SHARED_ID_SPACES: a tool whose items come from several files).

A tool is a component (as in govuk-frontend): its folder overrides/components/<name>/
holds its template (template.html), its script (<name>.js) and styles (<name>.css)
if it has any, and a README.md of the DOM contract between them. The entry below
says which page shows it, how its items are walked from the content, and what its
template is given besides them. render.py's tool() macro walks the items and hands
them to the template and to the context function. To add a tool, see CONTRIBUTING.md
("Adding a tool").
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .tables import long_date

COMPONENTS = Path(__file__).resolve().parent.parent / "overrides" / "components"

# Statuses of a task, in words in the style of the GOV.UK task list component. The
# templates print them; the scripts read them from the page (one source).
STATUSES = (
    ("not-started", "Not started"),
    ("in-progress", "In progress"),
    ("completed", "Completed"),
    ("not-applicable", "Not applicable"),
)


def text(value) -> str:
    """YAML folded text as one line."""
    return " ".join(str(value).split())


def revision(*parts) -> str:
    """A short fingerprint of an item's guidance: content/revisions.yml records it, so
    that no change of the guidance goes unrecorded (macros/revisions.py)."""
    raw = json.dumps([text(p) if isinstance(p, str) else p for p in parts], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:8]


def item(id, title, body="", guide=None, number=None, subs=(), detail=None, points=()):
    """One answerable item as the templates see it. Its fingerprint covers the guidance
    (body, detail, points) but not the title, so rewording a title needs no record."""
    return dict(id=id, title=text(title), text=text(body) if body else "", guide=guide, number=number,
                subs=list(subs), detail=text(detail) if detail else None, points=[text(p) for p in points],
                fingerprint=revision(body or "", detail or "", list(points)))


# ------------------------------------------------------------------ item walks
def checklist_items(c):
    return [item(i["id"], i["title"], i["text"], i["guide"], i["number"],
                 subs=[item(s["id"], s["text"], guide=None)
                       for s in i.get("sub_points", [])])
            for i in c["checklist"]["items"]]


def where_to_start_items(c):
    return [item(s["id"], s["text"], number=n)
            for n, s in enumerate(c["where_to_start"]["steps"], 1)]


def principles_items(c):
    return [item(p["id"], p["text"], guide=p["guide"], number=p["number"])
            for p in c["principles"]["principles"]]


def risk_groups(c):
    """The risk and assurance checklist: four files, one list of groups. Each file
    names its page in the guide (`guide:`)."""
    lim, eth, dp, cs = c["limitations"], c["ethics"], c["data_privacy"], c["clinical_safety"]
    # The limitations' review questions are this website's: their groups carry the label.
    groups = [dict(id=f"limitations-{g['id']}", title=g["name"], guide=lim["guide"],
                   note=c["provenance"]["labels"]["review-questions"],
                   items=[item(i["id"], i["name"], i["review"], lim["guide"], detail=i["description"])
                          for i in g["items"]])
              for g in lim["groups"]]
    groups.append(dict(id="ethics", title="Ethics", guide=eth["guide"],
                       items=[item(e["id"], e["response"], e["action"], eth["guide"],
                                   detail=f"{e['challenge']}: {e['risk']}")
                              for e in eth["challenges"]]))
    for gid, title, model in (("data-privacy", "Data privacy, security and information governance", dp),
                              ("clinical-safety", "Clinical safety", cs)):
        groups.append(dict(id=gid, title=title, guide=model["guide"],
                           items=[item(a["id"], a["name"], a["description"], model["guide"],
                                       points=a.get("points", []))
                                  for a in model["actions"]]))
    return groups


def risk_items(c):
    return [i for g in risk_groups(c) for i in g["items"]]


def readiness_items(c):
    return [item(comp["id"], comp["name"], comp["definition"], comp["guide"])
            for a in c["readiness"]["areas"] for comp in a["components"]]


def benefits_items(c):
    return [item(i["id"], i["text"])
            for a in c["value_areas"]["value_areas"] for i in a["indicators"]]


def business_case_items(c):
    """The cover details, then the template's boxes, in page order."""
    case = c["business_case"]
    return [item(f["id"], f["label"], f["hint"])
            for f in case["details"] + [f for col in case["columns"] for f in col["fields"]]]


def flatten(items):
    """Every answerable item, sub-points after their point, in page order."""
    return [x for i in items for x in [i] + flatten(i["subs"])]


# ------------------------------------------------------------------ contexts
# A context is given the renderer and the tool's items (from its `items` walk).
def one_group(gid):
    return lambda r, items: dict(groups=[dict(id=gid, title=None, items=items)])


def readiness_context(r, items):
    checklist = {i["id"]: i for i in flatten(checklist_items(r.c))}
    return dict(readiness=r.c["readiness"], checklist=checklist,
                levels_label=r.c["provenance"]["labels"]["readiness-levels"],
                helps_label=r.c["provenance"]["labels"]["what-helps"])


def guide_version(r) -> str:
    """The guide's version and date as people read them: '1.0, 14 May 2025'."""
    g = r.c["changelog"]["guide"]
    return f"{g['version']}, {long_date(g['approved'])}"


def business_case_context(r, items):
    checklist = {i["id"]: i["title"] for i in flatten(checklist_items(r.c))}
    # What helps each readiness component (its checklist points): the mitigation of a gap.
    # [[id, title]] so that the draft can tell "Monitor continuously" (once AI is in use) apart.
    helps = {comp["id"]: [[i, checklist[i]] for i in comp.get("checklist", [])]
             for a in r.c["readiness"]["areas"] for comp in a["components"]}
    # Each component's area, so that a long list of gaps can be summed up by area.
    areas = {comp["id"]: a["name"] for a in r.c["readiness"]["areas"] for comp in a["components"]}
    return dict(case=r.c["business_case"], labels=labels(r), helps=helps, areas=areas, guide_version=guide_version(r),
                prompts_label=r.c["provenance"]["labels"]["business-case-prompts"],
                problem_item=r.c["checklist"]["problem_statement_item"], in_use_item=r.c["checklist"]["in_use_item"],
                tools={t.id: dict(title=t.title, url=r.url(t.page)) for t in TOOLS if t.items})


def board_pack_context(r, items):
    """Every tool that saves answers, one section each: the sections' skeleton, item
    names and component names come from here, so the board pack's script only fills in
    answers. A tool's section is drawn by the macro for its kind in
    board-pack/template.html; a checklist's shows the groups its own page shows."""
    c = r.c

    def rows(items):
        out = []
        for i in items:
            out.append(dict(id=i["id"], title=f"{i['number']}. {i['title']}" if i["number"] else i["title"]))
            out += [dict(id=s["id"], title=f"\u2013 {s['title']}") for s in i["subs"]]
        return out

    def section(t):
        items = t.items(c)
        # Progress counts the items My progress counts (a checklist's points, not sub-points).
        s = dict(id=t.id, title=t.title, url=r.url(t.page), kind=t.kind, ids=" ".join(i["id"] for i in items))
        if t.kind == "checklist":
            s["groups"] = [dict(title=g["title"], rows=rows(g["items"])) for g in t.context(r, items)["groups"]]
        return s

    tools = [section(t) for t in TOOLS if t.items]
    scale = {str(level["level"]): level["name"] for level in c["readiness"]["scale"]}
    return dict(
        # The summary lists the tools in the registry's order; the sections follow it
        # too, after the readiness assessment, which the summary's weakest components
        # come from.
        tools=tools, sections=sorted(tools, key=lambda t: t["kind"] != "rating"),
        readiness=c["readiness"], scale=scale, levels_tag=c["provenance"]["labels"]["readiness-levels"]["tag"],
        areas=c["value_areas"]["value_areas"], case=c["business_case"], guide_version=guide_version(r),
        urls={t.id: r.url(t.page) for t in TOOLS})


def labels(r):
    """Names that other tools' ids stand for, for pages that read several tools."""
    return {t.id: [(i["id"], i["title"]) for i in flatten(t.items(r.c))]
            for t in TOOLS if t.items and t.id != "business-case"}


# ------------------------------------------------------------------ registry
@dataclass(frozen=True)
class Tool:
    id: str                 # saved answers are kept under this name: never change it
    title: str              # as My progress and messages name it
    page: str               # the docs page that shows it
    component: str          # its folder under overrides/components/
    kind: str = ""          # how progress is counted: checklist, rating, benefits, case
    items: Callable | None = None     # content -> items (None: a page that saves nothing)
    context: Callable = lambda r, items: {}  # (renderer, its items) -> what its template needs besides them
    needs: tuple = ()       # other components whose scripts it uses
    core: tuple = ("fields", "toolbar")  # parts of core/ it uses besides CORE (scripts())
    models: tuple = ()      # the content files its items come from: where a build error about an item points


TOOLS = (
    Tool("deployment-checklist", "Deployment checklist", "tools/deployment-checklist.md", "checklist", "checklist",
         checklist_items, one_group("points"), models=("checklist",)),
    Tool("where-to-start", "First steps to build confidence", "tools/where-to-start.md", "checklist", "checklist",
         where_to_start_items, one_group("steps"), models=("where_to_start",)),
    Tool("readiness-assessment", "Readiness self-assessment", "tools/readiness-assessment.md", "readiness", "rating",
         readiness_items, readiness_context, needs=("compare",), core=("fields", "toolbar"),
         models=("readiness",)),
    Tool("benefits-planner", "Benefits planner", "tools/benefits-planner.md", "benefits", "benefits",
         benefits_items, lambda r, items: dict(areas=r.c["value_areas"]["value_areas"]), models=("value_areas",)),
    Tool("risk-assurance", "Risk and assurance checklist", "tools/risk-assurance.md", "checklist", "checklist",
         risk_items, lambda r, items: dict(groups=risk_groups(r.c)),
         models=("limitations", "ethics", "data_privacy", "clinical_safety")),
    Tool("principles-self-check", "10 principles self-check", "tools/principles-self-check.md", "checklist",
         "checklist", principles_items, one_group("principles"), models=("principles",)),
    Tool("business-case", "One-page business case", "tools/business-case.md", "business-case", "case",
         business_case_items, business_case_context, core=("fields", "toolbar", "on-demand"),
         models=("business_case",)),
    Tool("board-pack", "Board pack", "tools/board-pack.md", "board-pack", context=board_pack_context,
         needs=("compare",), core=("on-demand",)),
    Tool("my-progress", "My progress", "tools/my-progress.md", "my-progress", core=("toolbar",),
         context=lambda r, items: dict(tools=[dict(id=t.id, title=t.title, kind=t.kind, url=r.url(t.page),
                                                   ids=" ".join(i["id"] for i in flatten(t.items(r.c))),
                                                   counted=" ".join(i["id"] for i in t.items(r.c)))
                                              for t in TOOLS if t.items])),
    Tool("team-view", "Team view", "tools/team-view.md", "team-view",
         context=lambda r, items: dict(readiness=r.c["readiness"],
                                       levels_tag=r.c["provenance"]["labels"]["readiness-levels"]["tag"],
                                       checklist=[dict(id=i["id"], title=f"{i['number']}. {i['title']}")
                                                  for i in checklist_items(r.c)], labels=labels(r)),
         core=("on-demand",)),
)

BY_ID = {t.id: t for t in TOOLS}


def assets(component: str, ext: str) -> list[str]:
    """Site paths of a component's script or stylesheet, if it has one."""
    path = COMPONENTS / component / f"{component}.{ext}"
    return [f"components/{component}/{component}.{ext}"] if path.is_file() else []


def page_styles(t: Tool) -> list[str]:
    """The parts of a tool page's one stylesheet, in this order: core's, the tool's own,
    then those of the components it needs; a page loads no other tool's styles."""
    return [path for name in dict.fromkeys(("core", t.component, *t.needs)) for path in assets(name, "css")]


def stylesheet(t: Tool) -> str:
    """A tool page's one stylesheet (besides site.css), which MkDocs renders from
    overrides/components/styles/<name>.css: named after its component, or core where
    core's styles are all the page needs (those pages share one file)."""
    return f"components/styles/{t.component if len(page_styles(t)) > 1 else 'core'}.css"


# Every tool page loads these scripts of core/ first: the storage contract, the store
# and the page's side of both (window.AIG); then the parts of core/ its tool uses.
CORE = ("contract", "store", "ui")


def scripts(t: Tool) -> list[str]:
    """Site paths of every script a tool's page loads, in the order they must run."""
    return ([f"components/core/{name}.js" for name in (*CORE, *t.core)]
            + [path for name in (*t.needs, t.component) for path in assets(name, "js")])


def awaited(t: Tool) -> str:
    """What a tool's root waits for before it is enhanced (data-aig-scripts): each of
    these scripts sets AIG.loaded[name] when it has run."""
    return " ".join((*t.core, *(name for name in (*t.needs, t.component) if assets(name, "js"))))
