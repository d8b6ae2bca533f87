"""The guide's tables and lists (macros/tables.py), each on small hand-made data.

Not the real content: each fixture is the least data that shows one rule (a `|` in a
cell escaped, folded text joined into one line, an optional field left out, numbers
from the content, the action plan's theme named on its first row only, the business
case's columns of uneven length). The built pages are checked elsewhere.
"""
from __future__ import annotations

from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from macros import tables
from macros.render import Renderer

FOLDED = "Two lines\n  of folded   text\n"  # as YAML `>` gives it, with stray spaces


# ------------------------------------------------------------------ helpers
@pytest.mark.parametrize("raw, want", [
    ("a | b", "a \\| b"),
    (FOLDED, "Two lines of folded text"),
    ("||", "\\|\\|"),
    (2025, "2025"),
    ("", ""),
])
def test_cell_is_one_line_with_pipes_escaped(raw, want):
    assert tables.cell(raw) == want


def test_one_line_joins_but_does_not_escape():
    assert tables.one_line(" a |\n b ") == "a | b"


@pytest.mark.parametrize("iso, want", [("2025-05-14", "14 May 2025"), ("2024-01-01", "1 January 2024")])
def test_long_date_is_govuk_style(iso, want):
    assert tables.long_date(iso) == want


# ------------------------------------------------------------------ sources and versions
def test_sources_list_groups_by_kind_in_fixed_order_and_skips_empty_kinds():
    sources = [
        {"kind": "referenced", "title": "B", "url": "https://b.example/", "publisher": "NHS", "year": 2024},
        {"kind": "developed-from", "title": "A"},
    ]
    assert tables.sources_list(sources) == (
        "## Sources the guide was developed from {#developed-from}\n\n"
        "- A.\n\n"
        "## Other sources the guide refers to {#referenced}\n\n"
        "- [B](https://b.example/) (NHS, 2024).\n"
    )


@pytest.mark.parametrize("extra, want", [
    ({}, "- T."),
    ({"publisher": "P"}, "- T (P)."),
    ({"year": 2020}, "- T (2020)."),
    ({"publisher": "", "year": None}, "- T."),
    ({"note": FOLDED}, "- T. Two lines of folded text"),
])
def test_sources_list_optional_fields(extra, want):
    out = tables.sources_list([{"kind": "case-study", "title": "T", **extra}])
    assert out.splitlines()[2] == want


def test_sources_list_of_nothing_is_empty():
    assert tables.sources_list([]) == ""


def test_changelog_two_tables_with_by_optional_and_cells_escaped():
    guide = [{"version": "1.0", "date": "2025-05-14", "change": "First | issue", "by": "CSU"},
             {"version": "1.1", "date": "2025-06-02", "change": FOLDED}]
    site = [{"version": "0.1", "date": "2025-07-01", "change": "Site"}]
    assert tables.changelog(guide, site) == (
        "## Versions of the guide {#guide-versions}\n\n"
        "| Version | Date | Change | By |\n|---|---|---|---|\n"
        "| 1.0 | 14 May 2025 | First \\| issue | CSU |\n"
        "| 1.1 | 2 June 2025 | Two lines of folded text |  |\n"
        "\n## Changes to this website {#site-versions}\n\n"
        "| Version | Date | Change |\n|---|---|---|\n"
        "| 0.1 | 1 July 2025 | Site |\n"
    )


# ------------------------------------------------------------------ guide tables
def test_value_area_table_lists_indicators_in_the_cell():
    areas = [{"name": "Care | cost", "indicators": [{"text": "One"}, {"text": FOLDED}]},
             {"name": "None yet", "indicators": []}]
    assert tables.value_area_table(areas) == (
        "| Value area | Indicators |\n|---|---|\n"
        "| **Care \\| cost** | <ul><li>One</li><li>Two lines of folded text</li></ul> |\n"
        "| **None yet** | <ul></ul> |\n"
    )


def test_readiness_table():
    components = [{"name": "Data", "definition": FOLDED}, {"name": "A|B", "definition": "x"}]
    assert tables.readiness_table(components) == (
        "| Component | What it means |\n|---|---|\n"
        "| **Data** | Two lines of folded text |\n"
        "| **A\\|B** | x |\n"
    )


def test_an_empty_table_keeps_its_header():
    assert tables.readiness_table([]) == "| Component | What it means |\n|---|---|\n"


def test_healthcare_areas_list():
    areas = [{"name": "Imaging", "description": FOLDED}, {"name": "Triage", "description": "Sort"}]
    assert tables.healthcare_areas_list(areas) == "- **Imaging**: Two lines of folded text\n- **Triage**: Sort\n"


def test_limitations_table_one_table_per_group():
    groups = [{"name": "Technical", "items": [{"name": "Drift", "description": "a | b"}]},
              {"name": "People", "items": [{"name": "Trust", "description": FOLDED}]}]
    assert tables.limitations_table(groups) == (
        "**Technical**\n\n| Limitation | What it means |\n|---|---|\n| **Drift** | a \\| b |\n\n"
        "**People**\n\n| Limitation | What it means |\n|---|---|\n| **Trust** | Two lines of folded text |\n"
    )


def test_ethics_table_two_parts_per_cell():
    challenges = [{"challenge": "Bias", "risk": FOLDED, "response": "Test | audit", "action": "Do it"}]
    assert tables.ethics_table(challenges) == (
        "| Challenge | How to meet it |\n|---|---|\n"
        "| **Bias**<br>Two lines of folded text | **Test \\| audit**<br>Do it |\n"
    )


def test_actions_list_nests_points_and_points_are_optional():
    actions = [{"name": "DPIA", "description": FOLDED, "points": ["First", "Second\n  point"]},
               {"name": "DCB0129", "description": "Hazard log"}]
    assert tables.actions_list(actions) == (
        "- **DPIA**: Two lines of folded text\n"
        "    - First\n"
        "    - Second point\n"
        "- **DCB0129**: Hazard log\n"
    )


def test_risk_names_link_to_their_checklist_items_when_asked():
    link = "tools/risk-assurance.md#item-{}".format
    groups = [{"name": "T", "items": [{"id": "drift", "name": "Drift", "description": "d"}]}]
    assert "| **[Drift](tools/risk-assurance.md#item-drift)** | d |" in tables.limitations_table(groups, link)
    challenges = [{"id": "audit", "challenge": "Bias", "risk": "r", "response": "Audit", "action": "a"}]
    assert "**[Audit](tools/risk-assurance.md#item-audit)**<br>a" in tables.ethics_table(challenges, link)
    assert tables.actions_list([{"id": "dpia", "name": "DPIA", "description": "d"}], link) == (
        "- **[DPIA](tools/risk-assurance.md#item-dpia)**: d\n")


def test_headed_list():
    assert tables.headed_list("Heading", [{"text": FOLDED}, {"text": "b | c"}]) == (
        "**Heading**\n\n- Two lines of folded text\n- b | c\n"
    )


def test_pain_points_and_gains_have_their_headings():
    items = [{"text": "x"}]
    assert tables.pain_points_table(items) == "**Common pain points and challenges**\n\n- x\n"
    assert tables.gains_table(items).startswith(
        "**Gains and expectations from working together on digital transformation**\n\n- x\n")


def test_action_plan_names_each_theme_on_its_first_row_only():
    themes = [{"name": "Workforce | skills", "sub_themes": [
                  {"name": "Training", "nhs_priority": "Upskill"},
                  {"name": "Roles", "nhs_priority": FOLDED},
                  {"name": "Leaders", "nhs_priority": "Lead"}]},
              {"name": "Data", "sub_themes": [{"name": "Quality", "nhs_priority": "Clean"}]}]
    assert tables.action_plan_table(themes, FOLDED) == (
        "| Key theme | Sub-theme | NHS priority for using AI |\n|---|---|---|\n"
        "| **Workforce \\| skills** | Training | Upskill |\n"
        "|  | Roles | Two lines of folded text |\n"
        "|  | Leaders | Lead |\n"
        "| **Data** | Quality | Clean |\n"
        "\nTwo lines of folded text\n"
    )


def test_action_plan_theme_with_no_sub_themes_has_no_row():
    out = tables.action_plan_table([{"name": "Empty", "sub_themes": []}], "t")
    assert "Empty" not in out


def test_support_services_two_rows_of_intro_and_names():
    support = {"services": {"intro": FOLDED, "items": [{"name": "AI Lab"}, {"name": "A | B"}]},
               "networks": {"intro": "Join", "items": []}}
    assert tables.support_services(support) == (
        "| Where to get help | What they offer |\n|---|---|\n"
        "| **Support organisations and services**<br>NHS AI deployment support, services and domain expertise"
        " | Two lines of folded text<ul><li>AI Lab</li><li>A \\| B</li></ul> |\n"
        "| **Networks and communities of practice**<br>NHS and public sector AI learning networks"
        " | Join<ul></ul> |\n"
    )


def test_principles_list_numbers_from_content_and_links_through_link():
    principles = [{"number": 3, "text": FOLDED, "guide": "guide/a.md#x"},
                  {"number": 7, "text": "Seven", "guide": "guide/b.md"}]
    seen = []

    def link(target):
        seen.append(target)
        return f"../{target}"

    assert tables.principles_list(principles, link) == (
        "3. Two lines of folded text ([more](../guide/a.md#x))\n"
        "7. Seven ([more](../guide/b.md))\n"
    )
    assert seen == ["guide/a.md#x", "guide/b.md"]


def test_checklist_list_numbers_titles_and_optional_sub_points():
    items = [{"number": 1, "title": "Plan", "text": FOLDED, "sub_points": [{"text": "a\n b"}, {"text": "c"}]},
             {"number": 2, "title": "Do", "text": "It"}]
    assert tables.checklist_list(items) == (
        "1. **Plan.** Two lines of folded text\n"
        "    - a b\n"
        "    - c\n"
        "2. **Do.** It\n"
    )


def test_where_to_start_list():
    assert tables.where_to_start_list([{"text": FOLDED}, {"text": "Next"}]) == (
        "- Two lines of folded text\n- Next\n")


def test_business_case_template_fills_short_columns_with_empty_cells():
    columns = [{"question": "Why?", "fields": [{"label": "Need", "hint": FOLDED},
                                               {"label": "Who", "hint": "a | b"},
                                               {"label": "When", "hint": "Soon"}]},
               {"question": "What?", "fields": [{"label": "Tool", "hint": "AI"}]},
               {"question": "Cost?", "fields": []}]
    assert tables.business_case_template(columns) == (
        "| Why? | What? | Cost? |\n|---|---|---|\n"
        "| **Need**<br>Two lines of folded text | **Tool**<br>AI |  |\n"
        "| **Who**<br>a \\| b |  |  |\n"
        "| **When**<br>Soon |  |  |\n"
    )


def test_business_case_template_one_column():
    columns = [{"question": "Q", "fields": [{"label": "L", "hint": "H"}]}]
    assert tables.business_case_template(columns) == "| Q |\n|---|\n| **L**<br>H |\n"


# ------------------------------------------------------------------ the macros
def renderer(content: dict) -> Renderer:
    env = SimpleNamespace(page=None, conf={})
    return Renderer(env, {"sources": {"sources": []}, **content})


def test_readiness_table_macro_names_a_bad_area_id():
    r = renderer({"readiness": {"areas": [{"id": "data", "components": [{"name": "N", "definition": "D"}]}]}})
    assert r.readiness_table("data") == tables.readiness_table([{"name": "N", "definition": "D"}])
    with pytest.raises(PluginError, match=r"readiness_table\('nope'\): no such area .*\(have: data\)"):
        r.readiness_table("nope")


def test_each_macro_hands_its_content_to_its_function():
    """The Renderer methods are one-line wrappers: each gives its function the right
    part of the content (a mistake would show as a KeyError or a wrong result)."""
    item = [{"text": "t"}]
    c = {
        "sources": {"sources": [{"id": "s", "kind": "referenced", "title": "S"}]},
        "changelog": {"entries": [{"version": "1", "date": "2025-01-02", "change": "c"}]},
        "releases": {"releases": [{"version": "2", "date": "2025-01-03", "guide_version": "1", "change": "d"}]},
        "value_areas": {"value_areas": [{"name": "V", "indicators": item}]},
        "healthcare_areas": {"areas": [{"name": "H", "description": "d"}]},
        "limitations": {"groups": [{"name": "L", "items": [{"id": "n", "name": "n", "description": "d"}]}]},
        "ethics": {"challenges": [{"id": "e", "challenge": "c", "risk": "r", "response": "p", "action": "a"}]},
        "data_privacy": {"actions": [{"id": "dp", "name": "DP", "description": "d"}]},
        "clinical_safety": {"actions": [{"id": "cs", "name": "CS", "description": "d"}]},
        "pain_points": {"pain_points": [{"text": "pain"}], "gains": [{"text": "gain"}]},
        "action_plan": {"themes": [{"name": "T", "sub_themes": [{"name": "s", "nhs_priority": "p"}]}],
                        "translation": "tr"},
        "support": {"services": {"intro": "i", "items": []}, "networks": {"intro": "j", "items": []}},
        "principles": {"principles": [{"number": 1, "text": "p", "guide": "guide/x.md"}]},
        "checklist": {"items": [{"number": 1, "title": "C", "text": "t"}]},
        "where_to_start": {"steps": [{"text": "w"}]},
        "business_case": {"columns": [{"question": "Q", "fields": [{"label": "l", "hint": "h"}]}]},
        "provenance": {"labels": {"business-case-prompts": {"tag": "Ours.", "text": "The prompts\n are ours."}}},
    }
    r = Renderer(SimpleNamespace(page=None, conf={}), c)
    assert r.sources_list() == tables.sources_list(c["sources"]["sources"])
    assert r.changelog() == tables.changelog(c["changelog"]["entries"], c["releases"]["releases"])
    assert r.value_area_table() == tables.value_area_table(c["value_areas"]["value_areas"])
    assert r.healthcare_areas_list() == "- **H**: d\n"
    # The guide's risk tables and lists link each item to the risk and assurance checklist.
    assert "| **[n](tools/risk-assurance.md#item-n)** | d |" in r.limitations_table()
    assert "**[p](tools/risk-assurance.md#item-e)**<br>a" in r.ethics_table()
    assert r.data_privacy_list() == "- **[DP](tools/risk-assurance.md#item-dp)**: d\n"
    assert r.clinical_safety_list() == "- **[CS](tools/risk-assurance.md#item-cs)**: d\n"
    assert r.pain_points_table().endswith("- pain\n")
    assert r.gains_table().endswith("- gain\n")
    assert r.action_plan_table().endswith("| **T** | s | p |\n\ntr\n")
    assert r.support_services() == tables.support_services(c["support"])
    # With no current page, the link target is the docs path itself.
    assert r.principles_list() == "1. p ([more](guide/x.md))\n"
    assert r.checklist_list() == "1. **C.** t\n"
    assert r.where_to_start_list() == "- w\n"
    # The template's prompts are this website's: the label follows the table.
    assert r.business_case_template() == (
        "| Q |\n|---|\n| **l**<br>h |\n\n"
        '<p class="aig-provenance" data-aig-provenance="business-case-prompts"><strong>Ours.</strong> '
        "The prompts are ours.</p>\n")
