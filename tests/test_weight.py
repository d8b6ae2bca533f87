"""The JS and CSS the project adds stay within the issues' budgets (sizes, not
timings, so a test is stable), pages load only what they use, and wait for as few
stylesheets of ours as can be before their first paint."""
import re
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import measure_weight  # noqa: E402


def test_each_pages_first_load_within_budget(built_site):
    """Issue 16: the project's own JS and CSS a page loads first, at most 3 KB gzip on a
    page without a tool and 30 KB on a tool page (the total for every tool together is
    retired: each page loads only its own tools)."""
    data = measure_weight.weigh(built_site)
    over = {p: w["gzip"] for p, w in data["pages"].items()
            if w["gzip"] > (measure_weight.TOOL_PAGE_BUDGET if measure_weight.is_tool_page(p)
                            else measure_weight.GUIDE_PAGE_BUDGET)}
    assert not over, over
    assert len(data["pages"]) > 30 and any(measure_weight.is_tool_page(p) for p in data["pages"])
    # The Word library never adds to a page's first load.
    assert not any("docx" in url or "word.js" in url for url in _first_load_urls(built_site))


def test_render_blocking_stylesheets_per_page_kind(built_site):
    """Issue 16: before its first paint a page waits for one stylesheet of ours
    (site.css, with the figures' and the home page's styles), a tool page for at most
    two (site.css and its tool's one stylesheet), all in the head."""
    sys.path.insert(0, str(ROOT))
    from macros.tools import TOOLS, stylesheet
    data = measure_weight.weigh(built_site)
    kinds = {}
    for page, w in data["pages"].items():
        tool = measure_weight.is_tool_page(page)
        kinds.setdefault("tool" if tool else "guide", set()).add(tuple(w["stylesheets"]))
        assert len(w["stylesheets"]) <= (2 if tool else 1), (page, w["stylesheets"])
    assert kinds == {"guide": {("assets/stylesheets/site.css",)},
                     "tool": {("assets/stylesheets/site.css", stylesheet(t)) for t in TOOLS}}, kinds
    for t in TOOLS:
        page = t.page.removesuffix(".md") + "/"
        assert data["pages"][page]["stylesheets"][1] == stylesheet(t), page
    for html in built_site.rglob("*.html"):
        body = html.read_text(encoding="utf-8").split("</head>", 1)[-1]
        assert '<link rel="stylesheet"' not in body, html  # it would hold back what follows it


def test_each_tool_pages_stylesheet_is_its_tools_styles_unchanged(built_site):
    """A tool page's stylesheet, rendered by MkDocs, is core.css, its component's own
    stylesheet and those of the components it needs, byte for byte (Jinja changed
    nothing in them), each once; every component's stylesheet is on some page, and
    mkdocs.yml renders each page's stylesheet."""
    import yaml
    sys.path.insert(0, str(ROOT))
    from macros.tools import BY_ID, TOOLS, page_styles, stylesheet
    used = set()
    for t in TOOLS:
        parts = page_styles(t)
        assert parts[0] == "components/core/core.css" and len(set(parts)) == len(parts), parts
        if (ROOT / "overrides" / f"components/{t.component}/{t.component}.css").is_file():
            assert parts[1] == f"components/{t.component}/{t.component}.css", parts
        built = (built_site / stylesheet(t)).read_text(encoding="utf-8")
        assert built == "".join((ROOT / "overrides" / p).read_text(encoding="utf-8") for p in parts), t.id
        used.update(parts)
    # Every component's own stylesheet (<name>/<name>.css); board-pack/print.css and
    # team-view/results.css are linked by their scripts.
    assert sorted(used) == sorted(p.relative_to(ROOT / "overrides").as_posix()
                                  for p in (ROOT / "overrides" / "components").glob("*/*.css") if p.stem == p.parent.name)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert sorted(config["theme"]["static_templates"]) == sorted({stylesheet(t) for t in TOOLS})
    # a page loads no other tool's styles; those that need only core's share one file
    assert ".aig-pack" not in (built_site / "components/styles/readiness.css").read_text(encoding="utf-8")
    assert stylesheet(BY_ID["deployment-checklist"]) == stylesheet(BY_ID["my-progress"]) == "components/styles/core.css"


def _first_load_urls(site):
    return [u for html in site.rglob("*.html")
            for u in re.findall(r'(?:src|href)="([^"]+\.(?:js|css))"', html.read_text(encoding="utf-8"))]


def test_pages_load_only_what_they_use(built_site):
    def scripts(page):  # ours, in order: theme.js in the head, then the tools' at the end
        found = re.findall(r'<script src="[^"]*/([^/"]+\.js)"', (built_site / page / "index.html").read_text())
        return [s for s in found if not s.startswith("bundle.")]

    assert scripts("guide/managing-risk") == ["theme.js"]
    core = ["theme.js", "contract.js", "store.js", "ui.js"]  # first, in this order: the others build on them
    assert scripts("tools/deployment-checklist") == core + ["fields.js", "toolbar.js"]
    assert scripts("tools/readiness-assessment") == core + ["fields.js", "toolbar.js", "compare.js", "readiness.js"]
    # no form, no toolbar; on-demand.js loads the CSV rows (team-csv.js) on the first download
    assert scripts("tools/team-view") == core + ["on-demand.js", "team-view.js"]
    styles = re.findall(r'<link rel="stylesheet" href="[^"]*/([^/"]+\.css)"',
                        (built_site / "guide/purpose-and-audience/index.html").read_text())
    assert [s for s in styles if not s.startswith(("main.", "palette."))] == ["site.css"], styles


def test_nothing_of_ours_stops_the_first_paint_of_the_article(built_site):
    """theme.js runs in the head (not mid-header, where fetching it stopped the parser
    and the header was painted before the article), and Material's bundle is deferred
    (the article is painted before the bundle runs)."""
    page = (built_site / "guide/managing-risk/index.html").read_text(encoding="utf-8")
    head, body = page.split("</head>", 1)
    assert re.search(r'<script src="[^"]*/theme\.js"', head)
    assert not re.search(r"<script src=\"[^\"]*/theme\.js\"", body)
    assert re.search(r'<script src="[^"]*/bundle\.[0-9a-f]+\.min\.js" defer>', body)


def test_no_automatic_palette_for_theme_js_to_restore():
    """theme.js restores a chosen palette by its stored attributes only; Material's
    automatic palette (media "(prefers-color-scheme)") would need its branch back."""
    import yaml
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    media = [p.get("media") for p in config["theme"]["palette"]]
    assert "(prefers-color-scheme)" not in media, media
