// Restoring never looks like loss (issue 20), the pure half and the store: which
// assessment an import fills, what an imported assessment keeps (name, dates, who
// made it), labels that tell two of one name apart, and file names with the person.
"use strict"
const test = require("node:test")
const assert = require("node:assert/strict")
const C = require("../../overrides/components/core/contract.js")
const Store = require("../../overrides/components/core/store.js")
const { FakeStorage } = require("./fake-storage.js")

const SCOPE = "/ai-guide/"

function tab(storage, start = "2026-12-03T10:00:00.000Z") {
  let t = Date.parse(start)
  const store = Store.create({ storage, session: new FakeStorage(), scope: SCOPE, clock: () => (t += 1000) })
  store.open()
  return store
}

function file(assessments, by = "Alice") {
  return C.parseExport(JSON.stringify({ format: "ai-guide-answers", version: 2, exported: "2026-12-02T10:00:00.000Z", by, assessments })).data
}
function assessment(name, answers, extra = {}) {
  return Object.assign({ name, created: "2026-11-20T09:00:00.000Z", changed: "2026-12-01T16:00:00.000Z",
    tools: { "deployment-checklist": { format: 2, tool: "deployment-checklist", updated: "2026-12-01T16:00:00.000Z", answers } } }, extra)
}

test("labels: a name alone while it is the only one of its kind", () => {
  assert.deepEqual(C.labels([{ name: "Radiology" }, { name: "My assessment" }], "Ben"), ["Radiology", "My assessment"])
})

test("labels: two of one name say who made each and when", () => {
  const list = [{ name: "My assessment", created: "2026-12-03T09:00:00Z" },
    { name: "My assessment ", by: "Alice", created: "2026-12-02T09:00:00Z" }, { name: "Other" }]
  assert.deepEqual(C.labels(list, "Ben"), ["My assessment (Ben, 3 Dec)", "My assessment  (Alice, 2 Dec)", "Other"])
  // Nobody named: the day alone.
  assert.deepEqual(C.labels([list[0], { name: "my assessment", created: "2026-12-02T09:00:00Z" }], ""),
    ["My assessment (3 Dec)", "my assessment (2 Dec)"])
})

test("labels: the same person on the same day: numbered from the second", () => {
  const list = [{ name: "A", by: "Asha", created: "2026-12-03T09:00:00Z" }, { name: "a", by: "Asha", created: "2026-12-03T14:05:00Z" },
    { name: "A", by: "Asha", created: "2026-12-03T14:05:00Z" }, { name: "B", by: "Asha" }]
  assert.deepEqual(C.labels(list, ""), ["A (Asha, 3 Dec)", "a (Asha, 3 Dec, 2)", "A (Asha, 3 Dec, 3)", "B"])
})

test("file-name stems carry the assessment's name and the person", () => {
  const day = new Date(2026, 11, 2, 12)
  assert.equal(C.fileStem("My assessment", day, "Alice"), "my-assessment-alice-2026-12-02")
  assert.equal(C.fileStem("Ambient voice pilot, March", day, "Dr Asha Patel (CSO)"), "ambient-voice-pilot-march-dr-asha-patel-cso-2026-12-02")
  assert.equal(C.fileStem("My assessment", day, ""), "my-assessment-2026-12-02")
  assert.equal(C.fileStem("", day), "assessment-2026-12-02")
})

test("an imported assessment keeps its name, dates and who made it; what is not a date is left out", () => {
  const data = file([assessment("Radiology", {}, { by: "Carys" }), assessment("", {}, { created: "yesterday", changed: 5 })])
  assert.deepEqual(C.importedEntry(data.assessments[0], data), { name: "Radiology", created: "2026-11-20T09:00:00.000Z",
    changed: "2026-12-01T16:00:00.000Z", exported: "2026-12-02T10:00:00.000Z", by: "Carys" })
  // What is not there, or not a date: none.
  assert.deepEqual(C.importedEntry(data.assessments[1], data), { name: "", created: null, changed: null,
    exported: "2026-12-02T10:00:00.000Z", by: "Alice" })
})

test("the restore target: the only assessment here, when it is empty", () => {
  assert.equal(C.restoreTarget([{ id: "a", empty: true }]), "a")
  assert.equal(C.restoreTarget([{ id: "a", empty: false }]), null)
  assert.equal(C.restoreTarget([{ id: "a", empty: true }, { id: "b", empty: true }]), null)
})

test("a cleared browser takes every assessment of a file: the empty one is filled, not kept beside them", () => {
  const storage = new FakeStorage()
  const store = tab(storage)
  const empty = store.current().id
  const done = store.addAll(file([assessment("My assessment", { "appoint-ai-lead": { status: "completed" } }),
    assessment("Radiology triage", { "define-the-problem": { status: "in-progress" } })]))
  assert.equal(done.filled, empty)
  const list = store.assessments()
  assert.deepEqual(list.map((a) => [a.name, a.by, a.changed, a.exported]), [
    ["My assessment", "Alice", "2026-12-01T16:00:00.000Z", "2026-12-02T10:00:00.000Z"],
    ["Radiology triage", "Alice", "2026-12-01T16:00:00.000Z", "2026-12-02T10:00:00.000Z"]])
  assert.equal(store.current().id, empty, "the first imported is the one open")
  assert.deepEqual(store.read("deployment-checklist").answers, { "appoint-ai-lead": { status: "completed" } })
  assert.deepEqual(done.ids, list.map((a) => a.id))
  // Undo puts back the empty assessment as it was.
  store.undo()
  assert.deepEqual(store.assessments().map((a) => [a.id, a.name, a.by]), [[empty, "My assessment", undefined]])
  assert.deepEqual(store.read("deployment-checklist").answers, {})
})

test("a file of one unnamed assessment (format 1) keeps the empty assessment's name", () => {
  const store = tab(new FakeStorage())
  store.addAll(C.parseExport(JSON.stringify({ format: "ai-guide-answers", version: 1, exported: "2026-12-02T10:00:00.000Z",
    tools: { "deployment-checklist": { format: 1, tool: "deployment-checklist", answers: { "appoint-ai-lead": { status: "completed" } } } } })).data)
  assert.deepEqual(store.assessments().map((a) => [a.name, a.exported]), [["My assessment", "2026-12-02T10:00:00.000Z"]])
})

test("a browser with answers keeps its own and adds the file's beside them", () => {
  const storage = new FakeStorage()
  const store = tab(storage)
  const mine = store.current().id
  const rec = store.read("deployment-checklist")
  rec.answers = { "appoint-ai-lead": { status: "completed" } }
  store.write("deployment-checklist", rec)
  const done = store.addAll(file([assessment("My assessment", {})]))
  assert.equal(done.filled, null)
  assert.deepEqual(store.assessments().map((a) => a.name), ["My assessment", "My assessment"])
  assert.equal(store.current().id, mine)
})

test("an export names who made each assessment", () => {
  const storage = new FakeStorage()
  const store = tab(storage)
  store.by("Ben")
  store.addAll(file([assessment("Alice's", {}), assessment("Second", {})]))
  store.create("Ben's own")
  const all = store.envelopeOfAll("1.0.0")
  assert.equal(all.by, "Ben")
  assert.deepEqual(all.assessments.map((a) => [a.name, a.by]), [["Alice's", "Alice"], ["Second", "Alice"], ["Ben's own", "Ben"]])
  assert.deepEqual(C.exportedAssessments(all).map((a) => a.by), ["Alice", "Alice", "Ben"])
})
