"""What this site wrote itself is labelled wherever a reader sees it, and the content
model makes the label impossible to forget.

- content/provenance.yml holds each label once.
- The schemas require `source` on glossary terms, readiness scale levels and figures,
  and `levels_source` on readiness components; a site figure also needs its `note`.
- The built site (built once) shows the glossary label on the glossary page and on
  every definition this site wrote, and every figure whose contents are inferred
  (source: site) shows the figure label and its note wherever it appears.
"""
from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest
import yaml

from macros.content import CONTENT_DIR, DOCS_DIR, ContentError, load_all

CONTENT = load_all()
LABELS = CONTENT["provenance"]["labels"]
FIGURES = CONTENT["figures"]["figures"]
SITE_FIGURES = [f for f in FIGURES if f["source"] == "site"]
FIGURE_DIR = CONTENT_DIR.parent / "overrides" / "partials" / "figures"


def flat(text: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())


def one_line(text: str) -> str:
    return " ".join(text.split())


# ------------------------------------------------------------------ the model
def test_every_site_authored_entry_says_so():
    assert all(t["source"] in ("site", "guide") for t in CONTENT["glossary"]["terms"])
    assert all(level["source"] == "site" for level in CONTENT["readiness"]["scale"])
    components = [c for a in CONTENT["readiness"]["areas"] for c in a["components"]]
    assert components and all(c["levels_source"] == "site" for c in components)
    # The figures the issue names as inferred, figure 4, and figure 3 (whose foundation,
    # roof and pillar texts the guide's text does not set out) are marked as the site's.
    assert {f["id"] for f in SITE_FIGURES} >= {"risk-quadrants", "collaboration", "support-options",
                                               "transformation-journey", "three-pillar-model"}


def test_every_figure_template_is_listed_with_its_source():
    templates = {p.stem for p in FIGURE_DIR.glob("*.html") if not p.name.startswith("_")}
    assert templates == {f["id"] for f in FIGURES}


def broken_copy(tmp_path: Path, model: str, edit) -> str:
    """Copy content/, apply edit to one model's data, return the loader's message."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, content)
    data = yaml.safe_load((content / f"{model}.yml").read_text(encoding="utf-8"))
    edit(data)
    (content / f"{model}.yml").write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True),
                                          encoding="utf-8")
    with pytest.raises(ContentError) as err:
        load_all(content, DOCS_DIR)
    return str(err.value)


def drop(key):
    def edit(block):
        del block[key]
    return edit


CASES = {
    "glossary term without source": (
        "glossary", lambda d: drop("source")(d["terms"][0]), "terms[0]", "missing required field 'source'"),
    "glossary term with an unknown source": (
        "glossary", lambda d: d["terms"][0].update(source="ours"), "terms[0].source", "is not allowed"),
    "readiness level without source": (
        "readiness", lambda d: drop("source")(d["scale"][0]), "scale[0]", "missing required field 'source'"),
    "readiness level said to be the guide's": (
        "readiness", lambda d: d["scale"][0].update(source="guide"), "scale[0].source", "is not allowed"),
    "readiness component without levels_source": (
        "readiness", lambda d: drop("levels_source")(d["areas"][0]["components"][0]),
        "areas[0].components[0]", "missing required field 'levels_source'"),
    "figure without source": (
        "figures", lambda d: drop("source")(d["figures"][0]), "figures[0]", "missing required field 'source'"),
    "site figure without its note": (
        "figures", lambda d: drop("note")(next(f for f in d["figures"] if f["source"] == "site")),
        "figures[", "missing required field 'note'"),
    "a label missing": (
        "provenance", lambda d: d["labels"].pop("figure"), "labels", "missing required field 'figure'"),
}


@pytest.mark.parametrize("case", CASES)
def test_schema_rejects_site_content_without_its_provenance(tmp_path, case):
    model, edit, where, what = CASES[case]
    message = broken_copy(tmp_path, model, edit)
    lines = [line for line in message.splitlines() if f"content/{model}.yml:" in line and what in line]
    assert lines, message
    assert where in lines[0], message
    assert re.search(rf"content/{model}\.yml:\d+:", lines[0]), message


# ------------------------------------------------------------- the built site
def page(built_site: Path, url: str) -> str:
    return (built_site / url / "index.html").read_text(encoding="utf-8")


def test_glossary_page_labels_every_site_definition(built_site):
    source = page(built_site, "glossary")
    text = flat(source)
    assert one_line(LABELS["glossary"]["text"]) in text
    tag = html.escape(LABELS["glossary"]["tag"], quote=False)
    problems = []
    for term in CONTENT["glossary"]["terms"]:
        start = source.find(f'id="{term["id"]}"')
        assert start != -1, f"the glossary page has no entry for {term['id']}"
        end = source.find("<h", source.find("</h3>", start))
        entry = source[start:end if end != -1 else len(source)]
        labelled = LABELS["glossary"]["tag"] in flat(entry)
        if term["source"] == "site" and not labelled:
            problems.append(f"{term['id']}: its definition is this site's, but has no label")
        if term["source"] == "guide" and labelled:
            problems.append(f"{term['id']}: the guide's definition is labelled as this site's")
    assert tag
    assert not problems, "\n".join(problems)
    # The labels are elements, not markup shown as text (str + Markup once escaped them).
    assert source.count('<p class="aig-provenance" data-aig-provenance="glossary">') == 1 + sum(
        t["source"] == "site" for t in CONTENT["glossary"]["terms"])


def test_no_page_shows_markup_as_text(built_site):
    """An escaped tag in a page's HTML is the site's own markup printed as words."""
    shown = [f"{p.relative_to(built_site)}: {m.group(0)}" for p in sorted(built_site.rglob("*.html"))
             for m in re.finditer(r"&lt;/?(p|small|strong|a|span|div|em)\b[^&]{0,40}", p.read_text(encoding="utf-8"))]
    assert not shown, "\n".join(shown[:10])


def pages_showing(built_site: Path, figure_id: str) -> list[Path]:
    return [p for p in built_site.rglob("*.html") if f"aig-figure--{figure_id}" in p.read_text(encoding="utf-8")]


@pytest.mark.parametrize("figure", FIGURES, ids=[f["id"] for f in FIGURES])
def test_every_inferred_figure_says_so_wherever_it_appears(built_site, figure):
    pages = pages_showing(built_site, figure["id"])
    assert pages, f"figure {figure['id']} is on no page"
    label = one_line(LABELS["figure"]["tag"]) + " " + one_line(LABELS["figure"]["text"])
    for path in pages:
        source = path.read_text(encoding="utf-8")
        start = source.index(f"aig-figure--{figure['id']}")
        caption = flat(source[start:source.index("</figure>", start)].split("<figcaption>", 1)[1])
        where = path.relative_to(built_site)
        assert f"Figure {figure['number']}:" in caption, where
        if figure["source"] == "site":
            assert label in caption, f"{where}: figure {figure['id']} has no provenance label"
            assert one_line(figure["note"]) in caption, f"{where}: figure {figure['id']} does not say what was inferred"
        else:
            assert LABELS["figure"]["tag"] not in caption, f"{where}: {figure['id']} is the guide's, not inferred"


def test_about_page_says_what_the_site_adds(built_site):
    text = flat(page(built_site, "about"))
    assert "does not add new guidance" not in text
    for what in ("readiness levels", "glossary's definitions", "what some of our figures show",
                 "review question for each limitation", "prompt in each box", "What helps", "routes by job"):
        assert what in text, what


def test_about_lists_every_figure_and_every_inferred_one_from_the_content(built_site):
    """About's lists come from content/figures.yml, so marking a figure `source: site`
    puts it in the list of inferred figures, and none is left out."""
    source = page(built_site, "about")
    drawn = flat(source.split('id="how-it-relates"', 1)[1].split('id="what-it-adds"', 1)[0])
    ours = flat(source.split('id="what-is-ours"', 1)[1].split('id="guide-versions"', 1)[0])
    for f in FIGURES:
        line = f"Figure {f['number']}: {one_line(f['title'])}"
        assert line in drawn, line
        assert (line in ours) == (f["source"] == "site"), line


def test_home_and_about_say_the_figures_are_drawn_not_redrawn(built_site):
    """The figures are images the site never had: it draws its own from the guide's text."""
    for url in ("", "about"):
        text = flat(page(built_site, url) if url else (built_site / "index.html").read_text(encoding="utf-8"))
        assert "redrawn" not in text.lower(), url or "home"
        assert "drawn our own" in text, url or "home"
    assert "we say so where it appears" in flat((built_site / "index.html").read_text(encoding="utf-8"))


def between(source: str, start: str, end: str) -> str:
    i = source.index(start)
    return source[i:source.index(end, i + len(start))]


def test_the_tools_label_the_questions_prompts_and_links_they_add(built_site):
    labels = {k: one_line(v["tag"]) for k, v in LABELS.items()}
    # Business case: its boxes' prompts and word counts (the guide's boxes say "text here"),
    # on the tool and on Annex B, where the template's table shows the prompts too.
    for url in ("tools/business-case", "guide/annex-b-business-case-template"):
        assert labels["business-case-prompts"] in flat(page(built_site, url)), url
    assert "both are this website's suggestions" in flat(page(built_site, "tools/business-case"))
    # Risk and assurance: each group of limitations, whose items carry the site's review questions.
    risk = page(built_site, "tools/risk-assurance")
    for g in CONTENT["limitations"]["groups"]:
        section = between(risk, f'id="group-limitations-{g["id"]}"', "</section>")
        assert labels["review-questions"] in flat(section), g["id"]
    for gid in ("ethics", "data-privacy", "clinical-safety"):  # the guide's own actions: no label
        assert labels["review-questions"] not in flat(between(risk, f'id="group-{gid}"', "</section>")), gid
    # Readiness: every "What helps" list of checklist points says the links are the site's.
    readiness = page(built_site, "tools/readiness-assessment")
    titles = re.findall(r'<p class="aig-help__title">(.*?)</p>', readiness)
    components = [c for a in CONTENT["readiness"]["areas"] for c in a["components"]]
    assert len(titles) == len(components)
    assert all(labels["what-helps"] in flat(t) for t in titles)
    assert "1 to 5, on this website's scale" in flat(readiness)
    # Team view: its levels (1 to 5) are the site's scale.
    team = flat(between(page(built_site, "tools/team-view"), 'id="team-readiness"', "</table>"))
    assert labels["readiness-levels"] in team and "1 to 5, on this website's scale" in team


def level_snippets() -> list[str]:
    """The start of every readiness level description the site wrote."""
    return [one_line(level)[:60] for a in CONTENT["readiness"]["areas"] for c in a["components"]
            for level in c["levels"]]


@pytest.mark.parametrize("folder", ["guide", "tools"])
def test_no_page_shows_readiness_levels_without_the_label(built_site, folder):
    """Guide pages describe the 15 components (the guide's words), never the levels;
    tool pages that show the levels (readiness, board pack) carry the label."""
    snippets = level_snippets()
    label = LABELS["readiness-levels"]["tag"]
    problems = []
    for path in sorted((built_site / folder).rglob("index.html")):
        text = flat(path.read_text(encoding="utf-8"))
        if any(s in text for s in snippets) and label not in text:
            problems.append(str(path.relative_to(built_site)))
    assert not problems, problems
