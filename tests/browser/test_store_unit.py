"""Unit tests of the storage module's pure functions (overrides/components/core/core.js),
run in Chromium on a blank page that loads only that script, under the site's CSP."""
from __future__ import annotations

import functools
import json
import shutil
import threading

import pytest

from conftest import ROOT, Handler, Server, free_port


@pytest.fixture(scope="module")
def blank(browser, tmp_path_factory):
    where = tmp_path_factory.mktemp("blank")
    shutil.copy(ROOT / "overrides/components/core/core.js", where / "core.js")
    (where / "index.html").write_text('<!doctype html><meta charset="utf-8"><title>blank</title>'
                                      '<script src="core.js"></script>')
    port = free_port()
    server = Server(("127.0.0.1", port), functools.partial(Handler, directory=str(where)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    ctx = browser.new_context()
    page = ctx.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"http://127.0.0.1:{port}/index.html")
    yield page
    assert not errors, errors
    ctx.close()
    server.shutdown()


def parse(page, data) -> dict:
    text = data if isinstance(data, str) else json.dumps(data)
    return page.evaluate("t => AIG.parseExport(t)", text)


V1 = {"format": "ai-guide-answers", "version": 1, "exported": "2026-11-01T10:00:00Z", "tools": {
    "deployment-checklist": {"format": 1, "tool": "deployment-checklist", "answers": {
        "appoint-ai-lead": {"status": "completed", "notes": "<b>x</b> & y"}, "bad-one": {"notes": ["list"]}}}}}


def test_parse_reads_format_1_as_one_assessment_and_sets_aside_only_bad_answers(blank):
    out = parse(blank, V1)
    assert out["dropped"] == ["deployment-checklist: bad-one"]
    [a] = out["data"]["assessments"]
    assert a["tools"]["deployment-checklist"]["answers"] == {"appoint-ai-lead": {"status": "completed", "notes": "<b>x</b> & y"}}


@pytest.mark.parametrize("text,expected", [
    ("{ not json", "not a JSON export"),
    (json.dumps({"format": "something-else"}), "does not say it is an answers export"),
    (json.dumps({"format": "ai-guide-answers", "version": 3, "assessments": []}), "newer version of this site"),
    (json.dumps({"format": "ai-guide-answers", "version": 2, "assessments": []}), "it has no answers"),
    ('{"format":"ai-guide-answers","version":2,"assessments":[{"tools":{},"__proto__":{"x":1}}]}', "__proto__"),
    ('{"format":"ai-guide-answers","version":2,"assessments":[{"tools":{"constructor":{}}}]}', "__proto__"),
    (json.dumps({"format": "ai-guide-answers", "version": 2, "assessments": [{"tools": {"Bad Name": {}}}]}),
     "tool name is not valid"),
])
def test_parse_refuses_with_a_plain_message(blank, text, expected):
    out = parse(blank, text)
    assert "data" not in out and expected in out["error"]
    assert blank.evaluate("({}).x") is None


def test_exported_assessments_give_names_and_answers(blank):
    data = parse(blank, {"format": "ai-guide-answers", "version": 2, "by": "CCIO", "assessments": [
        {"name": "Pilot", "tools": {"where-to-start": {"format": 2, "tool": "where-to-start",
                                                       "answers": {"plot-the-journey": {"status": "completed"}}}}}]})["data"]
    assert blank.evaluate("d => AIG.exportedAssessments(d)", data)[0] == {
        "name": "Pilot", "by": "CCIO", "exported": None,
        "tools": {"where-to-start": {"plot-the-journey": {"status": "completed"}}}}


@pytest.mark.parametrize("kind,answers,ids,expected", [
    ("checklist", {"a": {"status": "completed"}, "b": {"status": "not-applicable"}}, ["a", "b", "c"],
     "1 of 2 completed (1 not applicable, left out)"),
    ("rating", {"a": {"level": "3"}, "b": {"level": "unknown"}}, ["a", "b", "c"], "2 of 3 rated (1 \u201cDon\u2019t know\u201d)"),
    ("benefits", {"a": {"chosen": True, "measure": "m", "baseline": "1", "target": "2"}, "b": {"chosen": True}},
     ["a", "b"], "2 indicators chosen, 1 with a measure, baseline and target"),
    ("case", {"a": {"text": "  "}, "b": {"text": "written"}}, ["a", "b"], "1 of 2 boxes written"),
])
def test_progress(blank, kind, answers, ids, expected):
    assert blank.evaluate("([k, a, i]) => AIG.progress(k, a, i)", [kind, answers, ids]) == expected


@pytest.mark.parametrize("value,cell", [
    ("=SUM(1)", "\"'=SUM(1)\""), ("+44 20", "\"'+44 20\""), ("-1", "\"'-1\""), ("@here", "\"'@here\""),
    ('say "yes"', '"say ""yes"""'), ("caf\u00e9 \u00a3", '"caf\u00e9 \u00a3"'), (None, '""'),
])
def test_csv_cells_are_quoted_and_never_formulas(blank, value, cell):
    assert blank.evaluate("v => AIG.csvCell(v)", value) == cell


def test_dates_read_the_uk_way(blank):
    assert blank.evaluate("AIG.date('2026-03-31T12:00')") == "31 March 2026"
    assert blank.evaluate("AIG.date(null)") == "Never"


def test_file_stems_name_the_assessment(blank):
    assert blank.evaluate("AIG.current().name") == "My assessment"
    assert blank.evaluate("AIG.fileStem()").startswith("my-assessment-20")
