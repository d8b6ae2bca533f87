// The storage contract's pure half (overrides/components/core/contract.js), table by
// table: every refusal of an export file and its exact message, hostile keys at any
// depth, format 1 and 2 files, progress wording, CSV, file names and dates.
"use strict"
process.env.TZ = "Europe/London" // people's dates are local: test them in UK time, summer and winter
const test = require("node:test")
const assert = require("node:assert/strict")
const fs = require("node:fs")
const path = require("node:path")
const C = require("../../overrides/components/core/contract.js")

const FIXTURES = path.join(__dirname, "..", "fixtures")
const rec = (tool, answers, format = 2) => ({ format, tool, updated: "2026-11-01T10:00:00.000Z", answers })
const v2 = (assessments, extra = {}) => JSON.stringify({ format: "ai-guide-answers", version: 2, exported: "2026-11-02T09:00:00.000Z", by: "CCIO", assessments, ...extra })
const one = (tools) => v2([{ name: "Pilot", tools }])

test("every refusal of an export file, with its exact message", async (t) => {
  const shape = (why) => `This file is not a valid export from this site (${why}), so nothing was imported.`
  const table = [
    ["not JSON", "{ not json", C.T.notJson],
    ["empty", "", C.T.notJson],
    ["JSON, not an object", "[1, 2]", shape("it does not say it is an answers export")],
    ["null", "null", shape("it does not say it is an answers export")],
    ["a string", '"ai-guide-answers"', shape("it does not say it is an answers export")],
    ["another format", JSON.stringify({ format: "something-else", version: 2 }), shape("it does not say it is an answers export")],
    ["no format", JSON.stringify({ version: 2, assessments: [] }), shape("it does not say it is an answers export")],
    ["a newer version", JSON.stringify({ format: "ai-guide-answers", version: 3, assessments: [] }), C.T.newer],
    ["a much newer version", JSON.stringify({ format: "ai-guide-answers", version: 99 }), C.T.newer],
    ["version 0", JSON.stringify({ format: "ai-guide-answers", version: 0 }), shape("it is format version 0")],
    ["version as text", JSON.stringify({ format: "ai-guide-answers", version: "2" }), shape("it is format version 2")],
    ["no version", JSON.stringify({ format: "ai-guide-answers" }), shape("it is format version undefined")],
    ["version 1.5", JSON.stringify({ format: "ai-guide-answers", version: 1.5 }), shape("it is format version 1.5")],
    ["format 1 without tools", JSON.stringify({ format: "ai-guide-answers", version: 1 }), shape("it has no answers")],
    ["format 1 with a list of tools", JSON.stringify({ format: "ai-guide-answers", version: 1, tools: [] }), shape("it has no answers")],
    ["no assessments", JSON.stringify({ format: "ai-guide-answers", version: 2 }), shape("it has no answers")],
    ["an empty list", v2([]), shape("it has no answers")],
    ["assessments not a list", v2({ a: {} }), shape("it has no answers")],
    ["an assessment that is not an object", v2(["x"]), shape("an assessment has no answers")],
    ["an assessment without tools", v2([{ name: "x" }]), shape("an assessment has no answers")],
    ["tools as a list", v2([{ tools: [] }]), shape("an assessment has no answers")],
    ["a bad tool name", one({ "Bad Name": rec("Bad Name", {}) }), shape("a tool name is not valid")],
    ["a tool name with a dot", one({ "a.b": rec("a.b", {}) }), shape("a tool name is not valid")],
    ["a tool that is not a record", one({ "where-to-start": "x" }), shape("where-to-start: not a record")],
    ["an unknown record format", one({ "where-to-start": rec("where-to-start", {}, 3) }), shape("where-to-start: unknown format")],
    ["another tool's record", one({ "where-to-start": rec("risk-assurance", {}) }), shape("where-to-start: belongs to another tool")],
    ["a record without answers", one({ "where-to-start": { format: 2, tool: "where-to-start" } }), shape("where-to-start: no answers")],
    ["answers as a list", one({ "where-to-start": rec("where-to-start", []) }), shape("where-to-start: no answers")],
  ]
  for (const [name, text, message] of table) {
    await t.test(name, () => assert.deepEqual(C.parseExport(text), { error: message }))
  }
})

test("the messages read as the site has always written them", () => {
  assert.equal(C.T.notJson, "This file is not a JSON export from this site, so nothing was imported.")
  assert.equal(C.T.tooBig, "This file is larger than 10 MB, which is far bigger than any export from this site, so it was not imported.")
  assert.equal(C.T.hostile, "This file contains names that could change how the page works (such as \u201c__proto__\u201d), so nothing was imported.")
  assert.equal(C.T.unreadableFile, "This file could not be read, so nothing was imported.")
  assert.equal(C.T.newer, "This file was exported by a newer version of this site, which this version cannot read, so nothing was imported. Open it with the newest version of the site.")
  assert.equal(C.T.unreadable("Deployment checklist", "k"), "Your saved answers for Deployment checklist could not be read, so this tool has started empty. Nothing was deleted: the unreadable data is kept in this browser under the key \u201ck\u201d.")
  assert.equal(C.T.partly("Deployment checklist", ["a", "b"], "k"), "Some saved answers for Deployment checklist could not be read (a, b), so those items start empty. Your other answers are here. Nothing was deleted: the unreadable answers are kept in this browser under the key \u201ck\u201d.")
  assert.equal(C.MAX_IMPORT_BYTES, 10 * 1024 * 1024)
})

test("hostile keys are refused at any depth, and pollute nothing", async (t) => {
  const answers = (extra) => `{"format":2,"tool":"where-to-start","answers":{"plot-the-journey":{"status":"completed"${extra}}}}`
  for (const name of ["__proto__", "constructor", "prototype"]) {
    const places = {
      "at the top": `{"format":"ai-guide-answers","version":2,"${name}":{"x":1},"assessments":[{"tools":{}}]}`,
      "in an assessment": `{"format":"ai-guide-answers","version":2,"assessments":[{"tools":{},"${name}":{"x":1}}]}`,
      "as a tool": `{"format":"ai-guide-answers","version":2,"assessments":[{"tools":{"${name}":{}}}]}`,
      "as an item": `{"format":"ai-guide-answers","version":2,"assessments":[{"tools":{"where-to-start":{"format":2,"tool":"where-to-start","answers":{"${name}":{"x":1}}}}}]}`,
      "as a field": `{"format":"ai-guide-answers","version":2,"assessments":[{"tools":{"where-to-start":${answers(`,"${name}":{"x":1}`)}}}]}`,
      "in format 1": `{"format":"ai-guide-answers","version":1,"tools":{"where-to-start":${answers(`,"${name}":"x"`)}}}`,
      "in a value": `{"format":"ai-guide-answers","version":2,"assessments":[{"tools":{"where-to-start":${answers(`,"notes":{"${name}":1}`)}}}]}`,
    }
    for (const [where, text] of Object.entries(places)) {
      await t.test(`${name} ${where}`, () => {
        assert.deepEqual(C.parseExport(text), { error: C.T.hostile })
        assert.equal({}.x, undefined)
        assert.equal(Object.prototype.x, undefined)
      })
    }
  }
})

test("format 2: answers that fail their check are left out and listed; the rest import", () => {
  const long = "x".repeat(C.MAX_TEXT)
  const out = C.parseExport(one({
    "deployment-checklist": rec("deployment-checklist", {
      "appoint-ai-lead": { status: "completed", notes: "<b>x</b> & y", rev: "3f2388e6" },
      "at-the-limit": { notes: long },
      "past-the-limit": { notes: long + "x" },
      "Bad-Id": { status: "completed" },
      ["x".repeat(101)]: { status: "completed" },
      "not-fields": "completed",
      "a-list": ["completed"],
      "bad-field": { "Status": "completed" },
      "long-field": { ["a".repeat(21)]: "x" },
      "a-null": { notes: null },
      "an-object": { notes: { text: "x" } },
      "numbers-and-flags": { chosen: true, level: 3 },
    }),
  }))
  assert.deepEqual(out.dropped, ["past-the-limit", "Bad-Id", "x".repeat(101), "not-fields", "a-list", "bad-field", "long-field", "a-null", "an-object"]
    .map((id) => "deployment-checklist: " + id))
  assert.deepEqual(Object.keys(out.data.assessments[0].tools["deployment-checklist"].answers), ["appoint-ai-lead", "at-the-limit", "numbers-and-flags"])
  assert.equal(out.data.assessments[0].name, "Pilot")
})

test("format 2: names are cut to 100 characters; a missing name is empty", () => {
  const out = C.parseExport(v2([{ name: "n".repeat(150), tools: {} }, { name: 7, tools: {} }, { tools: {} }]))
  assert.deepEqual(out.data.assessments.map((a) => a.name), ["n".repeat(100), "", ""])
})

test("format 1 reads as one assessment of format 2", () => {
  const text = fs.readFileSync(path.join(FIXTURES, "export-v1-site-1.0.0.json"), "utf8")
  const raw = JSON.parse(text)
  const out = C.parseExport(text)
  assert.deepEqual(out.dropped, [])
  assert.equal(out.data.version, 2)
  assert.equal(out.data.by, "")
  assert.equal(out.data.exported, raw.exported)
  assert.equal(out.data.site_version, "1.0.0")
  assert.equal(out.data.assessments.length, 1)
  assert.equal(out.data.assessments[0].name, "")
  assert.deepEqual(out.data.assessments[0].tools, raw.tools)
})

test("exportedAssessments gives each assessment's name, author and answers", () => {
  const data = C.parseExport(v2([
    { name: "Pilot", tools: { "where-to-start": rec("where-to-start", { "plot-the-journey": { status: "completed" } }) } },
    { name: "Baseline", tools: {} }]))
  assert.deepEqual(C.exportedAssessments(data.data), [
    { name: "Pilot", by: "CCIO", exported: "2026-11-02T09:00:00.000Z", tools: { "where-to-start": { "plot-the-journey": { status: "completed" } } } },
    { name: "Baseline", by: "CCIO", exported: "2026-11-02T09:00:00.000Z", tools: {} }])
})

test("diff counts what an import adds, changes and (on replace) removes, per tool", () => {
  const mine = { "where-to-start": { a: { status: "completed" }, b: { status: "in-progress" }, c: { notes: "x" } } }
  const theirs = { "where-to-start": { answers: { a: { status: "completed" }, b: { status: "completed" }, d: { notes: "new" } } },
    "risk-assurance": { answers: { e: { notes: "y" } } } }
  const have = (t) => mine[t] || {}
  assert.deepEqual(C.diff(have, theirs, "merge"), [
    { tool: "where-to-start", added: 1, changed: 1, removed: 0 }, { tool: "risk-assurance", added: 1, changed: 0, removed: 0 }])
  assert.deepEqual(C.diff(have, theirs, "replace")[0], { tool: "where-to-start", added: 1, changed: 1, removed: 1 })
})

test("progress in words, as the toolbar, My progress and (in full, with the state) the board pack say it", () => {
  const table = [
    ["checklist", { a: { status: "completed" }, b: { status: "not-applicable" } }, ["a", "b", "c"],
      "1 of 2 completed (1 not applicable, left out)", ["In progress", "1 completed, 0 in progress, 1 not started (1 not applicable)"]],
    ["checklist", { a: { status: "in-progress" } }, ["a", "b"], "0 of 2 completed", ["In progress", "0 completed, 1 in progress, 1 not started"]],
    ["checklist", { a: { status: "completed" }, b: { status: "completed" } }, ["a", "b"], "2 of 2 completed", ["Completed", "2 completed, 0 in progress, 0 not started"]],
    ["checklist", {}, ["a"], "0 of 1 completed", ["Not started", "No answers yet"]],
    ["checklist", { a: { rev: "x" }, b: { notes: "" } }, ["a", "b"], "0 of 2 completed", ["Not started", "No answers yet"]],
    ["rating", { a: { level: "3" }, b: { level: "unknown" } }, ["a", "b", "c"],
      "2 of 3 rated (1 \u201cDon\u2019t know\u201d)", ["In progress", "2 of 3 rated (1 \u201cDon\u2019t know\u201d)"]],
    ["rating", { a: { level: "3" }, b: { level: "1" } }, ["a", "b"], "2 of 2 rated", ["Completed", "2 of 2 rated"]],
    ["benefits", { a: { chosen: true, measure: "m", baseline: "1", target: "2" }, b: { chosen: true } }, ["a", "b"],
      "2 indicators chosen, 1 with a measure, baseline and target", ["In progress", "2 indicators chosen, 1 with a measure, baseline and target"]],
    ["benefits", { a: { chosen: true, measure: "m", baseline: "1", target: "2" } }, ["a", "b"],
      "1 indicator chosen, 1 with a measure, baseline and target", ["Completed", "1 indicator chosen, 1 with a measure, baseline and target"]],
    ["benefits", { a: { owner: "x" } }, ["a"], "0 indicators chosen, 0 with a measure, baseline and target",
      ["In progress", "0 indicators chosen, 0 with a measure, baseline and target"]],
    ["case", { a: { text: "  " }, b: { text: "written" } }, ["a", "b"], "1 of 2 boxes written", ["In progress", "1 of 2 boxes written"]],
  ]
  for (const [kind, answers, ids, words, standing] of table) {
    assert.equal(C.progress(kind, answers, ids), words, `${kind} ${JSON.stringify(answers)}`)
    // The board pack's words, or none when nothing is answered (its state: test_board_pack.py).
    const any = C.count(kind, answers, ids).any
    assert.equal(any ? C.progress(kind, answers, ids, true) : "No answers yet", standing[1], `${kind} ${JSON.stringify(answers)}`)
  }
})

test("an assessment needs an export after 7 days of changes in no export", () => {
  const now = Date.parse("2026-11-20T12:00:00Z")
  const table = [[null, false], [undefined, false], ["2026-11-13T12:00:00Z", false], ["2026-11-13T11:59:59Z", true],
    ["2026-11-01T00:00:00Z", true], ["2026-11-19T00:00:00Z", false], ["not a date", false]]
  for (const [since, needs] of table) assert.equal(C.needsExport({ unexportedSince: since }, now), needs, String(since))
})

test("CSV cells are quoted and never read as formulas", () => {
  const table = [["=SUM(1)", "\"'=SUM(1)\""], ["+44 20", "\"'+44 20\""], ["-1", "\"'-1\""], ["@here", "\"'@here\""],
    ["\tx", "\"'\tx\""], ["\rx", "\"'\rx\""], ['say "yes"', '"say ""yes"""'], ["caf\u00e9 \u00a3", '"caf\u00e9 \u00a3"'],
    [null, '""'], [undefined, '""'], [0, '"0"'], [true, '"true"'], ["a\nb", '"a\nb"'], ["a,b", '"a,b"']]
  for (const [value, cell] of table) assert.equal(C.csvCell(value), cell, JSON.stringify(value))
  assert.equal(C.csv([["id", "notes"], ["a", "=1"]]), '\ufeff"id","notes"\r\n"a","\'=1"\r\n')
})

test("file-name stems: the assessment's name and the day where the person is", () => {
  const table = [["My assessment", "my-assessment"], ["Q4 <re-assessment> & more!", "q4-re-assessment-more"],
    ["---", "assessment"], ["", "assessment"], ["\u0645\u0631\u062d\u0628\u0627", "assessment"], ["a".repeat(60), "a".repeat(40)]]
  const when = new Date("2026-11-27T10:00:00Z")
  for (const [name, stem] of table) assert.equal(C.fileStem(name, when), stem + "-2026-11-27")
  // Just after midnight in a British summer: the local day, not UTC's.
  assert.equal(C.fileStem("x", new Date("2026-06-30T23:30:00Z")), "x-2026-07-01")
})

test("dates: UK local dates for people, ISO in files", () => {
  assert.equal(C.isoDay(new Date("2026-06-30T23:30:00Z")), "2026-07-01")
  assert.equal(C.isoDay(new Date("2026-12-31T23:30:00Z")), "2026-12-31")
  assert.equal(C.date("2026-03-31T12:00"), "31 March 2026")
  assert.equal(C.date("2026-06-30T23:30:00Z", true), "1 July 2026 at 00:30")
  assert.equal(C.date("2026-11-27T14:22:03.881Z", true), "27 November 2026 at 14:22")
  for (const never of [null, undefined, "", "not a date"]) assert.equal(C.date(never), "Never")
  const days = [["2026-11-27", "27 November 2026"], ["2027-03-28", "28 March 2027"], ["next week", "next week"], ["", ""],
    [null, ""], [undefined, ""], ["2026-11-27T10:00", "2026-11-27T10:00"]]
  for (const [typed, shown] of days) assert.equal(C.day(typed), shown, String(typed))
})
