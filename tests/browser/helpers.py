"""Helpers for browser tests."""
from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

from axe_playwright_python.base import AXE_SCRIPT
from pypdf import PdfReader

from macros.content import load_all
from macros.tools import TOOLS, flatten

# Counts come from the content, so an editor adding an item breaks no test.
CONTENT = load_all()
ITEMS = {t.id: len(flatten(t.items(CONTENT))) for t in TOOLS if t.items}   # every answerable item
POINTS = {t.id: len(t.items(CONTENT)) for t in TOOLS if t.items}           # what progress counts
IDS = {t.id: [i["id"] for i in flatten(t.items(CONTENT))] for t in TOOLS if t.items}  # every item id, in page order

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


# A tool page filled in, so that everything answers can show shows (for axe): every
# status in turn, ratings, every indicator chosen (its fields and the summary), text in
# every box and one box past its word guide (its count says so, after its pause).
FILL = """() => {
  const statuses = ['completed', 'in-progress', 'not-applicable', 'not-started']
  let n = 0
  for (const s of document.querySelectorAll('select[data-aig-field=status]')) {
    s.value = statuses[n++ % 4]; s.dispatchEvent(new Event('change', {bubbles: true})) }
  const names = new Set([...document.querySelectorAll('input[type=radio][data-aig-field]')].map(r => r.name))
  let i = 0
  for (const name of names) {
    const r = document.querySelectorAll(`input[type=radio][name="${name}"]`)[i++ % 6]
    r.checked = true; r.dispatchEvent(new Event('change', {bubbles: true})) }
  for (const c of document.querySelectorAll('input[type=checkbox][data-aig-field]')) {
    c.checked = true; c.dispatchEvent(new Event('change', {bubbles: true})) }
  let over = false
  for (const t of document.querySelectorAll('textarea[data-aig-field], input[type=text][data-aig-field]')) {
    const words = Number(t.getAttribute('data-aig-words'))
    t.value = words && !over ? 'word '.repeat(words + 20) : 'Evidence: board minutes of 12 March'
    over = over || !!words
    t.dispatchEvent(new Event('input', {bubbles: true})) }
  return new Promise(done => setTimeout(done, 600))
}"""


def axe_violations(page, rules: list[str] | None = None) -> list[str]:
    """WCAG 2.2 A/AA violations axe finds on the page, one line each (only the given
    axe rules, if any)."""
    # Let running transitions (Material's 125 ms colour changes) finish: axe reads
    # colours mid-change otherwise. A condition, not a fixed pause; at most 1 s.
    page.evaluate("""() => Promise.race([new Promise(done => setTimeout(done, 1000)), Promise.all(
      document.getAnimations().filter(a => a.effect && a.effect.getTiming().iterations !== Infinity)
        .map(a => a.finished.catch(() => null)))])""")
    # resultTypes: axe still finds every violation, but gathers only one node of each
    # pass and incomplete result, which halves its time on a tool page.
    run_only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": WCAG}
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(AXE_SCRIPT)  # axe-core (570 KB) once per page load, not once per run
    violations = page.evaluate("options => axe.run(document, options).then(r => r.violations)",
                               {"runOnly": run_only, "resultTypes": ["violations"]})
    return [f"{v['id']}: {v['help']} -> " + "; ".join(n["target"][0] if isinstance(n["target"][0], str) else str(n["target"])
                                                     for n in v["nodes"][:3])
            for v in violations]


def axe_light_and_dark(page) -> list[str]:
    """axe on a page shown in the light scheme (every WCAG rule), then in the dark scheme
    (the rules that read colours). The page's markup is the same in both schemes, only
    its colours change, so the other rules would report the same nodes twice; switching
    in place instead of loading the page again halves the cost of checking both."""
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "default", "start in light"
    found = [f"light: {v}" for v in axe_violations(page)]
    colour_rules = page.evaluate("w => axe.getRules(w).filter(r => r.tags.includes('cat.color')).map(r => r.ruleId)", WCAG)
    assert "color-contrast" in colour_rules, colour_rules
    # What the palette toggle does (both palettes share primary and accent colours).
    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
    found += [f"dark: {v}" for v in axe_violations(page, colour_rules)]
    return found


def built_pages(site: Path) -> list[str]:
    """Every HTML page of the built site, as URL paths."""
    pages = []
    for html in sorted(site.rglob("*.html")):
        rel = html.relative_to(site).as_posix()
        if rel.startswith("assets/") or rel == "404.html":
            continue
        pages.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return pages


def tool_key(page, tool: str) -> str:
    """The storage key of a tool's answers in the page's current assessment (contract v2)."""
    return page.evaluate("t => window.__md_scope.pathname + 'ai-guide.v2.' + AIG.current().id + '.' + t", tool)


def seed(page, answers: dict) -> None:
    """Save answers ({tool: {item: {field: value}}}) in the current assessment, as the
    tools save them; the page must be a tool page (AIG loaded)."""
    page.wait_for_function("() => window.AIG && AIG.current")
    for tool, a in answers.items():
        page.evaluate("([k, t, a]) => localStorage.setItem(k, JSON.stringify({format: 2, tool: t, "
                      "updated: new Date().toISOString(), answers: a}))", [tool_key(page, tool), tool, a])


# A new organisation that rates itself low (issue 17): all 15 readiness components at the
# second level, five benefits with their details, five open risks and eight plan points.
LOW_READINESS = {
    "readiness-assessment": {c: {"level": "2"} for c in IDS["readiness-assessment"]},
    "benefits-planner": {i: {"chosen": True, "measure": "Hours of admin time per clinic", "baseline": "6 hours",
                             "target": "3 hours", "due": "2027-06-30", "owner": "Service manager", "money": "yes"}
                         for i in ("workforce-productivity", "improved-patient-experience", "staff-satisfaction-and-morale",
                                   "clinical-risk-reduction", "reduced-inequalities")},
    "risk-assurance": {i: {"status": "in-progress", "notes": "The data protection officer is reviewing this with the supplier"}
                       for i in ("dpia", "encryption", "bias-and-fairness-testing", "dcb0129", "dcb0160")},
    "deployment-checklist": {i: {"status": "in-progress", "owner": "AI lead", "due": "2027-03-31"}
                             for i in ("appoint-ai-lead", "understand-user-needs", "select-use-cases", "routes-to-market",
                                       "proof-of-concept", "communication-strategy", "business-case", "monitor-continuously")},
}


def without_rev(answers: dict) -> dict:
    """Saved answers without the revision each one records (changed-guidance flag)."""
    return {i: {f: v for f, v in a.items() if f != "rev"} for i, a in answers.items()}


def export_file(page, button: str, by: str = "Tester"):
    """Click an export button and return the download; the first export asks for a
    name or role, which this answers."""
    with page.expect_download() as dl:
        page.get_by_role("button", name=button).click()
        ask = page.get_by_role("textbox", name="Your name or role")
        # The question is asked (its script loads at first use) only when no name is saved.
        page.wait_for_function("() => AIG.by() != null || !!document.querySelector('[data-aig-messages] input')")
        if ask.count():
            ask.fill(by)
            page.get_by_role("button", name="Export", exact=True).click()
    return dl.value


def source_pages(docs: Path) -> list[str]:
    """The URL path of every Markdown page in docs/ (known before the build, so that
    every test worker collects the same tests)."""
    out = []
    for md in sorted(docs.rglob("*.md")):
        rel = md.relative_to(docs).with_suffix("").as_posix()
        out.append("" if rel == "index" else rel.removesuffix("/index").removesuffix("index") + "/")
    return out


def printed(page) -> PdfReader:
    """The page as Chromium prints it (print media, the page size its CSS sets)."""
    page.emulate_media(media="print")
    try:
        return PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, print_background=True)))
    finally:
        page.emulate_media(media="screen")


def fragments(reader: PdfReader) -> list[tuple[int, float, float, str]]:
    """Every piece of text of a PDF: (page index, x, y from the bottom, text)."""
    out = []
    for n, p in enumerate(reader.pages):
        def visit(text, cm, tm, font, size, n=n):
            if text.strip():
                out.append((n, tm[4] * cm[0] + tm[5] * cm[2] + cm[4], tm[4] * cm[1] + tm[5] * cm[3] + cm[5], text.strip()))
        p.extract_text(visitor_text=visit)
    return out


def libreoffice_pages(docx: Path, tmp: Path) -> list[str]:
    """The text of each page LibreOffice lays a Word file out on (converted to PDF)."""
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice (soffice) is missing: run scripts/setup --test"
    done = subprocess.run([soffice, f"-env:UserInstallation=file://{tmp}/lo-profile", "--headless", "--convert-to", "pdf",
                           "--outdir", str(tmp), str(docx)], capture_output=True, text=True, timeout=180)
    pdf = tmp / (docx.stem + ".pdf")
    assert pdf.exists(), done.stdout + done.stderr
    return [p.extract_text() for p in PdfReader(str(pdf)).pages]


def word_columns(doc) -> list[int]:
    """The number of text columns of each section of a python-docx Document."""
    ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    return [int((s._sectPr.find(ns + "cols") is not None and s._sectPr.find(ns + "cols").get(ns + "num")) or 1)
            for s in doc.sections]


# WCAG contrast as the browser paints it (window.__contrast, added by `contrast_tools`):
# any CSS colour is drawn on a 1 px canvas and read back, so every syntax Material or
# Chromium computes (rgb, rgba, color-mix) is read alike; the background behind an element
# is its ancestors' backgrounds composed from the page's root down.
CONTRAST = """() => {
  if (window.__contrast) return
  const cv = document.createElement('canvas'); cv.width = cv.height = 1
  const cx = cv.getContext('2d', {willReadFrequently: true})
  const rgba = c => { cx.clearRect(0, 0, 1, 1); cx.fillStyle = '#000'; cx.fillStyle = c; cx.fillRect(0, 0, 1, 1)
    const d = cx.getImageData(0, 0, 1, 1).data; return [d[0], d[1], d[2], d[3] / 255] }
  const over = (top, under) => [0, 1, 2].map(i => top[i] * top[3] + under[i] * (1 - top[3])).concat(1)
  const lum = c => { const [r, g, b] = c.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4 })
    return 0.2126 * r + 0.7152 * g + 0.0722 * b }
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return Math.round((x + 0.05) / (y + 0.05) * 100) / 100 }
  const behind = el => { const chain = []; for (let e = el.parentElement; e; e = e.parentElement) chain.unshift(e)
    let c = [255, 255, 255, 1]; for (const e of chain) c = over(rgba(getComputedStyle(e).backgroundColor), c); return c }
  const hex = c => '#' + c.slice(0, 3).map(v => Math.round(v).toString(16).padStart(2, '0')).join('')
  // An element's (or its ::file-selector-button's) text and top border against what is
  // behind them: {text, border (0 without one), background, color}.
  window.__contrast = (el, pseudo) => {
    const s = getComputedStyle(el, pseudo || null), back = behind(el), fill = over(rgba(s.backgroundColor), back)
    const edge = parseFloat(s.borderTopWidth) ? over(rgba(s.borderTopColor), back) : null
    return {text: ratio(over(rgba(s.color), fill), fill), border: edge ? Math.min(ratio(edge, back), ratio(edge, fill)) : 0,
            background: hex(fill), color: hex(over(rgba(s.color), fill))}
  }
}"""


def contrast_tools(page) -> None:
    """Add window.__contrast(element, pseudo) to the page (see CONTRAST)."""
    page.evaluate(CONTRAST)
