"""Word export (overrides/components/word/word.js): a real .docx made in the browser,
under the site's Content-Security-Policy, with every character kept as given."""
from __future__ import annotations

import functools
import re
import shutil
import subprocess
import threading
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import RGBColor, Twips

from conftest import ROOT, Handler, Server, free_port

pytestmark = pytest.mark.browser

COMPONENTS = ROOT / "overrides/components"
# word.js and what it uses (core/: the one download, ui.js; the one script loader, on-demand.js).
SCRIPTS = ["core/contract.js", "core/store.js", "core/ui.js", "core/on-demand.js", "word/word.js"]
VENDOR = ROOT / "docs/assets/vendor/docx"
# No <meta charset>: word.js must still load the library as UTF-8.
PAGE = '<!doctype html><html lang="en"><title>Word</title>' + "".join(
    f'<script src="components/{s}"></script>' for s in SCRIPTS)


def lay_out(root: Path) -> None:
    """The scripts and the page, laid out as in the built site."""
    for s in SCRIPTS:
        (root / "components" / s).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(COMPONENTS / s, root / "components" / s)
    (root / "index.html").write_text(PAGE, encoding="utf-8")

TRICKY = "<b>bold?</b> x<y & \"quotes\" 'apos' emoji \U0001F600 Arabic \u0645\u0631\u062d\u0628\u0627"
MULTI = "First line\n\tIndented second line\nThird\tcolumn  with two spaces\n\nafter a blank line"
HEADER = "Readiness assessment \u2013 27 November 2026 & <draft>"
HEAD = ["Component", "Score <1-5>", "Notes & \"actions\""]
ROWS = [
    ["Leadership", "3", TRICKY],
    ["Data\tquality", "2", "line one\nline two"],
    ["SECTION", "CURRENT", ""],  # words docx would read as page-number fields if passed as child strings
]
DOC = {
    "title": "Readiness <assessment>",
    "subtitle": ["NHS Example Trust", "Exported 27 November 2026"],
    "header": HEADER,
    "footer": "Made with the AI deployment guide",
    "sections": [
        {"heading": "Summary & scores", "pageBreakBefore": True, "blocks": [
            {"p": TRICKY},
            {"p": MULTI},
            {"h": "What next " + TRICKY, "level": 2},
            {"list": ["One & two", "<i>three</i>"]},
            {"h": "Small print", "level": 3},
            {"p": "SECTION"},
        ]},
        {"heading": "Components", "pageBreakBefore": True, "blocks": [
            {"table": {"head": HEAD, "rows": ROWS}},
            {"p": "CURRENT"},
        ]},
    ],
}
# Body paragraphs in order (table cells are checked apart).
PARAGRAPHS = [
    ("Title", DOC["title"]), ("Normal", "NHS Example Trust"), ("Normal", "Exported 27 November 2026"),
    ("Heading 1", "Summary & scores"), ("Normal", TRICKY), ("Normal", MULTI),
    ("Heading 2", "What next " + TRICKY), ("List Paragraph", "One & two"), ("List Paragraph", "<i>three</i>"),
    ("Heading 3", "Small print"), ("Normal", "SECTION"),
    ("Heading 1", "Components"), ("Normal", "CURRENT"),
]


@pytest.fixture(scope="module")
def word_site(tmp_path_factory):
    """Only word.js, what it uses and the vendored library, laid out as in the built site, served with the site's CSP."""
    root = tmp_path_factory.mktemp("word-site")
    lay_out(root)
    shutil.copytree(VENDOR, root / "assets/vendor/docx")
    (root / "favicon.ico").write_bytes(b"")  # Chromium asks for it; a 404 would show as a console error
    server = Server(("127.0.0.1", free_port()), functools.partial(Handler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield root, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def download(page, filename, doc, dest: Path) -> Path:
    with page.expect_download() as info:
        page.evaluate("([f, d]) => AIGWord.download(f, d).then(() => true)", [filename, doc])
    assert info.value.suggested_filename == "readiness.docx"
    path = dest / "readiness.docx"
    info.value.save_as(path)
    return path


@pytest.fixture(scope="module")
def docx_file(module_browsing, word_site, tmp_path_factory) -> Path:
    root, origin = word_site
    page = module_browsing.new(origin=origin).new_page()
    page.goto(origin + "/index.html")
    assert page.evaluate("typeof window.docx") == "undefined", "the library must load only when first used"
    return download(page, "readiness", DOC, tmp_path_factory.mktemp("word"))


def font_names(el) -> set[str]:
    return {v for f in el.iter(qn("w:rFonts")) for k, v in f.attrib.items() if k != qn("w:hint")}


def test_docx_is_a_sound_zip_and_keeps_every_character(docx_file):
    with zipfile.ZipFile(docx_file) as z:
        assert z.testzip() is None
    doc = Document(str(docx_file))
    assert [(p.style.name, p.text) for p in doc.paragraphs] == PARAGRAPHS
    # New lines are line breaks and tabs are tabs inside one paragraph, not literal characters.
    multi = doc.paragraphs[5]._p
    assert len(multi.findall(".//" + qn("w:br"))) == 4 and len(multi.findall(".//" + qn("w:tab"))) == 2
    assert "\t" not in "".join(t.text or "" for t in multi.iter(qn("w:t")))

    # The library's own text (its bullet) survives, even on a page with no <meta charset>.
    bullet = doc.part.numbering_part.element.find(".//" + qn("w:lvlText"))
    assert bullet.get(qn("w:val")) == "\u25cf"

    (table,) = doc.tables
    assert [[c.text for c in r.cells] for r in table.rows] == [HEAD] + ROWS
    first_row = table.rows[0]._tr
    assert first_row.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None, "header row must repeat on each page"
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert {b.tag.split("}")[1] for b in borders} >= {"top", "bottom", "left", "right", "insideH", "insideV"}
    assert all(b.get(qn("w:val")) == "single" for b in borders)


def test_docx_layout_fonts_and_header(docx_file):
    doc = Document(str(docx_file))
    (section,) = doc.sections
    assert (section.page_width, section.page_height) == (Twips(11906), Twips(16838))  # A4 portrait
    assert section.left_margin == section.right_margin == Twips(1134)
    assert [p.text for p in section.header.paragraphs] == [HEADER]
    footer = section.footer._element
    assert "Made with the AI deployment guide" in section.footer.paragraphs[0].text
    assert [i.text.strip() for i in footer.iter(qn("w:instrText"))] == ["PAGE", "NUMPAGES"]

    # Section headings start new pages.
    for p in doc.paragraphs:
        if p.style.name == "Heading 1":
            assert p.paragraph_format.page_break_before is True, p.text
    # Headings and the title in NHS blue, bold.
    styles = {p.style.name: p.style for p in doc.paragraphs}
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3"):
        style = styles[name]
        assert style.font.color.rgb == RGBColor(0x00, 0x5E, 0xB8), name
        assert style.font.bold is True, name
    # Arial for every script (the Arabic uses the complex-script font), and no other font anywhere.
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rfonts = defaults.find(".//" + qn("w:rFonts"))
    assert {k.split("}")[1]: v for k, v in rfonts.attrib.items()} == {
        "ascii": "Arial", "hAnsi": "Arial", "cs": "Arial", "eastAsia": "Arial"}
    for part in (doc.styles.element, doc.element, section.header._element, footer):
        assert font_names(part) <= {"Arial"}, font_names(part)


def test_libreoffice_opens_it(docx_file, tmp_path):
    """Optional: only where LibreOffice and poppler are installed."""
    soffice, pdfinfo = shutil.which("soffice"), shutil.which("pdfinfo")
    assert soffice and pdfinfo, "LibreOffice (soffice) or poppler (pdfinfo) is missing: run scripts/setup --test"
    done = subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                           "--convert-to", "pdf", "--outdir", str(tmp_path), str(docx_file)],
                          capture_output=True, text=True, timeout=180)
    pdf = tmp_path / "readiness.pdf"
    assert pdf.exists(), done.stdout + done.stderr
    info = subprocess.run([pdfinfo, str(pdf)], capture_output=True, text=True).stdout
    assert re.search(r"^Pages: +3$", info, re.M), info  # title page, then each section on its own page
    assert re.search(r"^Page size: .*\(A4\)$", info, re.M), info


def test_works_from_file_url(browsing, word_site, tmp_path):
    """Opened from a file share: the library is found beside word.js over file://."""
    root, _ = word_site
    page = browsing.new().new_page()
    page.goto((root / "index.html").as_uri())
    path = download(page, "readiness.docx", DOC, tmp_path)
    assert [p.text for p in Document(str(path)).paragraphs] == [t for _, t in PARAGRAPHS]


def test_library_missing_rejects_with_plain_english(browsing, tmp_path):
    lay_out(tmp_path)
    page = browsing.new().new_page()
    page.goto((tmp_path / "index.html").as_uri())
    message = page.evaluate("AIGWord.download('x', {title: 'x'}).then(() => 'no error', e => e.message)")
    # The library asked for and not found: expected here, and nothing else.
    assert browsing.watch.forgive(r"docx|ERR_FILE_NOT_FOUND"), "the missing library was asked for"
    assert message.startswith("The Word export could not be loaded"), message
