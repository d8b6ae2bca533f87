// The team view's CSV rows (issue 17 point 4) and the median its table and CSV share.
"use strict"
const test = require("node:test")
const assert = require("node:assert/strict")
const C = require("../../overrides/components/core/contract.js")
const { answerRows, readinessRows } = require("../../overrides/components/team-view/team-csv.js")

test("median: odd, even, one, none", () => {
  assert.equal(C.median([3, 1, 2]), 2)
  assert.equal(C.median([4, 1, 2, 3]), 2.5)
  assert.equal(C.median([5]), 5)
  assert.equal(C.median([]), null)
})

const labels = { "readiness-assessment": [["data-accuracy", "Accuracy"], ["infra-hardware", "Hardware"]],
  "deployment-checklist": [["appoint-ai-lead", "Appoint an AI lead"]] }
const people = [
  { name: "CCIO", assessment: "Pilot", exported: "2026-11-20T09:00:00Z", tools: {
    "readiness-assessment": { "data-accuracy": { level: "2", rev: 1 }, "infra-hardware": { level: "unknown" } },
    "deployment-checklist": { "appoint-ai-lead": { status: "completed", notes: "=1+1", owner: "" }, "retired-point": { status: "completed" } } } },
  { name: "Finance lead", assessment: "", exported: "2026-11-21", tools: { "readiness-assessment": { "data-accuracy": { level: "5" } } } },
  { name: "Nurse", exported: "2026-11-22", tools: { "readiness-assessment": { "data-accuracy": { level: "3" }, "infra-hardware": { level: "4" } } } },
]

test("one row per person, assessment, tool, item and field; empty fields and rev left out", () => {
  const rows = answerRows(people, labels)
  assert.deepEqual(rows[0], ["person or role", "assessment", "tool", "item id", "item title", "field", "value", "item revision", "export date"])
  assert.deepEqual(rows.slice(1), [
    ["CCIO", "Pilot", "readiness-assessment", "data-accuracy", "Accuracy", "level", "2", "1", "2026-11-20"],
    ["CCIO", "Pilot", "readiness-assessment", "infra-hardware", "Hardware", "level", "unknown", "", "2026-11-20"],
    ["CCIO", "Pilot", "deployment-checklist", "appoint-ai-lead", "Appoint an AI lead", "status", "completed", "", "2026-11-20"],
    ["CCIO", "Pilot", "deployment-checklist", "appoint-ai-lead", "Appoint an AI lead", "notes", "=1+1", "", "2026-11-20"],
    ["CCIO", "Pilot", "deployment-checklist", "retired-point", "", "status", "completed", "", "2026-11-20"],
    ["Finance lead", "", "readiness-assessment", "data-accuracy", "Accuracy", "level", "5", "", "2026-11-21"],
    ["Nurse", "", "readiness-assessment", "data-accuracy", "Accuracy", "level", "3", "", "2026-11-22"],
    ["Nurse", "", "readiness-assessment", "infra-hardware", "Hardware", "level", "4", "", "2026-11-22"],
  ])
  // In the file a formula-like answer is text, never a formula.
  assert.match(C.csv(rows), /"'=1\+1"/)
})

test("readiness summary: a column per person, then lowest, median and highest without Don't know", () => {
  assert.deepEqual(readinessRows(people, labels["readiness-assessment"]), [
    ["component", "CCIO", "Finance lead", "Nurse", "lowest", "median", "highest"],
    ["Accuracy", "2", "5", "3", "2", "3", "5"],
    ["Hardware", "Don't know", "", "4", "4", "4", "4"],
  ])
  assert.deepEqual(readinessRows([people[1]], labels["readiness-assessment"])[2], ["Hardware", "", "", "", ""])
})
