// The store (overrides/components/core/store.js) over fake storage: the index and
// migration from v1, records, unreadable data set aside, storage that throws
// (QuotaExceededError, SecurityError), undo after import, reset and delete, and two
// tabs on one storage. The exact round trip of generated text is in round-trip.test.js.
"use strict"
const test = require("node:test")
const assert = require("node:assert/strict")
const fs = require("node:fs")
const path = require("node:path")
const C = require("../../overrides/components/core/contract.js")
const Store = require("../../overrides/components/core/store.js")
const { FakeStorage } = require("./fake-storage.js")

const SCOPE = "/ai-guide/"
const P = SCOPE + "ai-guide.v2."
const FIXTURE = fs.readFileSync(path.join(__dirname, "..", "fixtures", "export-v1-site-1.0.0.json"), "utf8")

// A clock that moves on one second each time it is read.
function ticking(start = "2026-11-20T10:00:00.000Z") {
  let t = Date.parse(start)
  const clock = () => (t += 1000)
  clock.set = (iso) => { t = Date.parse(iso) }
  return clock
}

function tab(storage, opts = {}) {
  const session = opts.session || new FakeStorage()
  const news = []
  const store = Store.create({ storage, session, scope: SCOPE, clock: opts.clock || ticking(), blocked: opts.blocked })
  store.subscribe((n) => news.push(n))
  if (opts.open !== false) store.open()
  return { store, session, news }
}
const index = (storage) => JSON.parse(storage.getItem(P + "assessments"))
const answers = (store, tool) => store.read(tool).answers
// Save a tool's answers as a page does: its record as read, with new answers.
function put(store, tool, answers) {
  const rec = store.read(tool)
  rec.answers = answers
  return store.write(tool, rec)
}

test("nothing touches storage until a page opens the store", () => {
  const storage = new FakeStorage({ [SCOPE + "ai-guide.v1.where-to-start"]: JSON.stringify({ format: 1, answers: {} }) })
  tab(storage, { open: false })
  assert.deepEqual(storage.writes, [])
  const { store } = tab(storage)
  assert.equal(store.current().name, "My assessment")
  assert.equal(index(storage).list.length, 1)
})

test("the first visit makes one assessment, and a new tab opens the index's current one", () => {
  const storage = new FakeStorage()
  const { store } = tab(storage)
  const ix = index(storage)
  assert.equal(ix.format, 2)
  assert.deepEqual(ix.list.map((a) => a.name), ["My assessment"])
  assert.equal(ix.current, store.current().id)
  assert.deepEqual(Object.keys(ix.list[0]).sort(), ["changed", "created", "exported", "id", "name", "unexportedSince"])
})

test("v1 answers become the first assessment; v1 keys go only once v2 is read back", () => {
  const v1 = (tool, updated, answers) => JSON.stringify({ format: 1, tool, updated, answers })
  const storage = new FakeStorage({
    [SCOPE + "ai-guide.v1.deployment-checklist"]: v1("deployment-checklist", "2026-11-01T10:00:00Z", { "appoint-ai-lead": { status: "completed" } }),
    [SCOPE + "ai-guide.v1.where-to-start"]: v1("where-to-start", "2026-11-03T10:00:00Z", { "plot-the-journey": { notes: "x" } }),
    [SCOPE + "ai-guide.v1.broken"]: "{ not json",
    [SCOPE + "ai-guide.v1.Bad Name"]: v1("x", null, {}),
    ["/other-site/ai-guide.v1.where-to-start"]: v1("where-to-start", null, { a: { notes: "another site" } }),
  })
  const { store } = tab(storage)
  const a = store.current()
  assert.equal(a.name, "My assessment")
  assert.equal(a.changed, "2026-11-03T10:00:00Z")
  assert.deepEqual(answers(store, "deployment-checklist"), { "appoint-ai-lead": { status: "completed" } })
  assert.deepEqual(answers(store, "where-to-start"), { "plot-the-journey": { notes: "x" } })
  assert.deepEqual(JSON.parse(storage.getItem(P + a.id + ".where-to-start")),
    { format: 2, tool: "where-to-start", updated: "2026-11-03T10:00:00Z", answers: { "plot-the-journey": { notes: "x" } } })
  const left = Object.keys(storage.dump()).filter((k) => k.includes(".v1.")).sort()
  assert.deepEqual(left, ["/ai-guide/ai-guide.v1.Bad Name", "/ai-guide/ai-guide.v1.broken", "/other-site/ai-guide.v1.where-to-start"])
})

test("v1 keys stay when the v2 copy cannot be written or does not read back", async (t) => {
  const v1 = { [SCOPE + "ai-guide.v1.where-to-start"]: JSON.stringify({ format: 1, answers: { a: { notes: "kept" } } }) }
  await t.test("storage full", () => {
    const storage = new FakeStorage(v1)
    storage.fail = "QuotaExceededError"
    const { store } = tab(storage)
    assert.deepEqual(answers(store, "where-to-start"), { a: { notes: "kept" } }) // kept for this visit
    assert.ok(store.cannotSave())
    assert.deepEqual(Object.keys(storage.dump()), Object.keys(v1))
  })
  await t.test("a copy that reads back different", () => {
    const storage = new FakeStorage(v1)
    const set = storage.setItem.bind(storage)
    storage.setItem = (k, v) => set(k, k.endsWith(".where-to-start") ? v.replace("kept", "garbled") : v)
    tab(storage)
    assert.ok(storage.getItem(SCOPE + "ai-guide.v1.where-to-start"))
  })
  await t.test("the index cannot be read back", () => {
    const storage = new FakeStorage(v1)
    const set = storage.setItem.bind(storage)
    storage.setItem = (k, v) => set(k, k.endsWith("assessments") ? "{ broken" : v)
    tab(storage)
    assert.ok(storage.getItem(SCOPE + "ai-guide.v1.where-to-start"))
  })
})

test("an index written before the rename (`dirty`) reads as `unexportedSince`", () => {
  const storage = new FakeStorage({ [P + "assessments"]: JSON.stringify({ format: 2, current: "a1", list: [
    { id: "a1", name: "Old", created: "2026-10-01T00:00:00Z", changed: "2026-10-02T00:00:00Z", exported: null, dirty: "2026-10-02T00:00:00Z" },
    { id: "a2", name: "Exported", created: "2026-10-01T00:00:00Z", changed: null, exported: "2026-10-03T00:00:00Z", dirty: null }] }) })
  const { store } = tab(storage)
  const [old, done] = store.assessments()
  assert.equal(old.unexportedSince, "2026-10-02T00:00:00Z")
  assert.equal(done.unexportedSince, null)
  assert.ok(!("dirty" in old) && !("dirty" in done))
  assert.ok(store.needsExport(old))
  store.rename("a1", "Renamed")
  assert.ok(!storage.getItem(P + "assessments").includes("dirty"))
})

test("write and read one tool; the assessment notes the change until an export", () => {
  const storage = new FakeStorage(), clock = ticking()
  const { store, news } = tab(storage, { clock })
  const rec = store.read("where-to-start")
  assert.deepEqual(rec, { format: 2, tool: "where-to-start", updated: null, answers: {} })
  rec.answers["plot-the-journey"] = { status: "completed", rev: "abc" }
  assert.equal(store.write("where-to-start", rec), true)
  const a = store.current()
  assert.deepEqual(JSON.parse(storage.getItem(P + a.id + ".where-to-start")), rec)
  assert.ok(a.changed && a.unexportedSince === a.changed)
  assert.deepEqual(news.slice(-2), [{ type: "change", tool: "where-to-start", external: false }, { type: "write", id: a.id, saved: true }])
  store.write("where-to-start", rec, true) // quiet: the page shows it already
  assert.deepEqual(news.slice(-1), [{ type: "write", id: a.id, saved: true }])
  assert.equal(store.current().unexportedSince, a.unexportedSince) // the first unexported change
  store.markExported(false) // one tool's export
  assert.ok(store.current().exported && store.current().unexportedSince)
  clock.set("2026-12-01T00:00:00Z")
  assert.ok(store.needsExport(store.current()))
  store.markExported(true)
  assert.equal(store.current().unexportedSince, null)
  assert.ok(!store.needsExport(store.current()))
})

test("unreadable saved data is set aside under another key, never deleted", async (t) => {
  await t.test("a whole record", () => {
    const storage = new FakeStorage()
    const { store } = tab(storage)
    const k = P + store.current().id + ".where-to-start"
    storage.setItem(k, "{ not json")
    assert.deepEqual(answers(store, "where-to-start"), {})
    const n = store.unreadableNotice("where-to-start")
    assert.match(n.key, /\.where-to-start\.unreadable-2026-11-20T10-00-\d\d-000Z$/)
    assert.equal(n.ids, null)
    assert.equal(storage.getItem(n.key), "{ not json")
    assert.equal(storage.getItem(k), null)
    assert.equal(store.unreadableNotice("where-to-start"), undefined) // told once
  })
  await t.test("one bad answer among good ones", () => {
    const storage = new FakeStorage()
    const { store } = tab(storage)
    const k = P + store.current().id + ".deployment-checklist"
    storage.setItem(k, JSON.stringify({ format: 1, tool: "deployment-checklist", answers: {
      "appoint-ai-lead": { notes: "keep me" }, "define-the-problem": { notes: ["not", "text"] } } }))
    assert.deepEqual(answers(store, "deployment-checklist"), { "appoint-ai-lead": { notes: "keep me" } })
    const n = store.unreadableNotice("deployment-checklist")
    assert.deepEqual(n.ids, ["define-the-problem"])
    assert.deepEqual(JSON.parse(storage.getItem(n.key)),
      { format: 2, tool: "deployment-checklist", answers: { "define-the-problem": { notes: ["not", "text"] } } })
    assert.deepEqual(JSON.parse(storage.getItem(k)).answers, { "appoint-ai-lead": { notes: "keep me" } })
  })
  await t.test("another tool's record, with storage full: nothing moves", () => {
    const storage = new FakeStorage()
    const { store } = tab(storage)
    const k = P + store.current().id + ".where-to-start"
    const raw = JSON.stringify({ format: 2, tool: "risk-assurance", answers: {} })
    storage.setItem(k, raw)
    storage.fail = "QuotaExceededError"
    assert.deepEqual(answers(store, "where-to-start"), {})
    assert.equal(store.unreadableNotice("where-to-start").key, k) // kept where it is
    assert.equal(storage.getItem(k), raw)
  })
})

test("storage that throws: answers are kept for this visit and the page is told", async (t) => {
  for (const fail of ["QuotaExceededError", "SecurityError"]) {
    await t.test(fail, () => {
      const storage = new FakeStorage()
      const { store } = tab(storage)
      put(store, "where-to-start", { "plot-the-journey": { notes: "before" } })
      assert.equal(store.cannotSave(), false)
      storage.fail = fail
      const rec = store.read("where-to-start")
      rec.answers["user-research"] = { notes: "typed while full" }
      assert.equal(store.write("where-to-start", rec), false)
      assert.equal(store.cannotSave(), true)
      // A full storage still reads what it held; a blocked one reads nothing of it.
      const before = fail === "QuotaExceededError" ? { "plot-the-journey": { notes: "before" } } : {}
      assert.deepEqual(answers(store, "where-to-start"), { ...before, "user-research": { notes: "typed while full" } })
      assert.deepEqual(store.toolsIn(), ["where-to-start"])
      // Export still holds it; reset and undo still work.
      assert.deepEqual(Object.keys(store.envelope(null, "1.0.0").assessments[0].tools), ["where-to-start"])
      store.reset(["where-to-start"])
      assert.deepEqual(answers(store, "where-to-start"), {})
      assert.ok(store.undo())
      assert.equal(answers(store, "where-to-start")["user-research"].notes, "typed while full")
    })
  }
  await t.test("a browser that blocks storage (theme.js gave a memory object)", () => {
    const storage = new FakeStorage()
    const { store } = tab(storage, { blocked: true })
    assert.equal(put(store, "where-to-start", { a: { notes: "x" } }), false)
    assert.ok(store.cannotSave())
    assert.deepEqual(answers(store, "where-to-start"), { a: { notes: "x" } })
    assert.deepEqual(storage.dump(), {})
  })
})

test("import: merge, replace and add, each undone", async (t) => {
  const setup = () => {
    const storage = new FakeStorage()
    const { store, news } = tab(storage)
    put(store, "where-to-start", { "plot-the-journey": { status: "completed" }, "user-research": { notes: "mine" } })
    return { storage, store, news, before: JSON.stringify(storage.dump()) }
  }
  const file = C.parseExport(JSON.stringify({ format: "ai-guide-answers", version: 2, assessments: [{ name: "Theirs", tools: {
    "where-to-start": { format: 2, tool: "where-to-start", answers: { "plot-the-journey": { status: "in-progress" }, "explainable-ai": { notes: "theirs" } } },
    "risk-assurance": { format: 2, tool: "risk-assurance", answers: { dpia: { status: "completed" } } } } }] })).data
  const tools = file.assessments[0].tools
  await t.test("merge", () => {
    const { storage, store, before } = setup()
    assert.deepEqual(store.diff(tools, "merge"), [{ tool: "where-to-start", added: 1, changed: 1, removed: 0 }, { tool: "risk-assurance", added: 1, changed: 0, removed: 0 }])
    store.apply(tools, "merge")
    assert.deepEqual(answers(store, "where-to-start"), { "plot-the-journey": { status: "in-progress" }, "user-research": { notes: "mine" }, "explainable-ai": { notes: "theirs" } })
    assert.deepEqual(answers(store, "risk-assurance"), { dpia: { status: "completed" } })
    assert.ok(store.undo())
    assert.deepEqual(Object.keys(storage.dump()).sort(), Object.keys(JSON.parse(before)).sort())
    assert.deepEqual(answers(store, "where-to-start"), { "plot-the-journey": { status: "completed" }, "user-research": { notes: "mine" } })
    assert.deepEqual(store.toolsIn(), ["where-to-start"])
    assert.equal(store.undo(), false) // once
  })
  await t.test("replace", () => {
    const { store } = setup()
    assert.deepEqual(store.diff(tools, "replace")[0], { tool: "where-to-start", added: 1, changed: 1, removed: 1 })
    store.apply(tools, "replace")
    assert.deepEqual(answers(store, "where-to-start"), { "plot-the-journey": { status: "in-progress" }, "explainable-ai": { notes: "theirs" } })
    assert.ok(store.undo())
    assert.deepEqual(answers(store, "where-to-start"), { "plot-the-journey": { status: "completed" }, "user-research": { notes: "mine" } })
  })
  await t.test("add several assessments", () => {
    const { store, storage, before } = setup()
    const two = { assessments: [{ name: "One", tools }, { name: "", tools: {} }] }
    store.addAll(two)
    assert.deepEqual(store.assessments().map((a) => a.name), ["My assessment", "One", "Imported assessment"])
    assert.deepEqual(store.readIn(store.assessments()[1].id, "risk-assurance").answers, { dpia: { status: "completed" } })
    assert.ok(store.undo())
    assert.deepEqual(store.assessments().map((a) => a.name), ["My assessment"])
    assert.deepEqual(Object.keys(storage.dump()).sort(), Object.keys(JSON.parse(before)).sort())
  })
  await t.test("undo with storage full keeps the snapshot in memory", () => {
    const { storage, store } = setup()
    storage.fail = "QuotaExceededError"
    store.apply(tools, "replace")
    assert.equal(storage.getItem(P + "undo"), null)
    assert.ok(store.undo())
    assert.deepEqual(answers(store, "where-to-start"), { "plot-the-journey": { status: "completed" }, "user-research": { notes: "mine" } })
  })
})

test("the committed v1 export imports completely and exports again as format 2", () => {
  const raw = JSON.parse(FIXTURE)
  const { store } = tab(new FakeStorage())
  const parsed = C.parseExport(FIXTURE)
  store.apply(parsed.data.assessments[0].tools, "merge")
  for (const t in raw.tools) assert.deepEqual(answers(store, t), raw.tools[t].answers, t)
  store.by("CCIO")
  const out = store.envelope(null, "2.0.0")
  assert.equal(out.version, 2)
  assert.equal(out.by, "CCIO")
  const again = C.parseExport(JSON.stringify(out))
  assert.deepEqual(again.dropped, [])
  for (const t in raw.tools) assert.deepEqual(again.data.assessments[0].tools[t].answers, raw.tools[t].answers, t)
})

test("assessments: create, duplicate, rename, switch, delete and undo", () => {
  const storage = new FakeStorage()
  const { store, news } = tab(storage)
  const first = store.current()
  put(store, "where-to-start", { "plot-the-journey": { notes: "first" } })
  const copy = store.create("Copy", first.id)
  assert.equal(store.current().id, copy.id)
  assert.deepEqual(answers(store, "where-to-start"), { "plot-the-journey": { notes: "first" } })
  put(store, "where-to-start", { "plot-the-journey": { notes: "copy" } })
  assert.deepEqual(store.readIn(first.id, "where-to-start").answers, { "plot-the-journey": { notes: "first" } })
  store.rename(copy.id, "Q4 <re-assessment>")
  assert.equal(store.current().name, "Q4 <re-assessment>")
  assert.deepEqual(news.filter((n) => n.type === "change" && n.tool === null).length, 2)
  store.removeAssessment(copy.id)
  assert.deepEqual(store.assessments().map((a) => a.name), ["My assessment"])
  assert.equal(storage.getItem(P + copy.id + ".where-to-start"), null)
  assert.ok(store.undo())
  assert.deepEqual(store.assessments().map((a) => a.name), ["My assessment", "Q4 <re-assessment>"])
  assert.equal(store.current().id, copy.id)
  assert.deepEqual(answers(store, "where-to-start"), { "plot-the-journey": { notes: "copy" } })
  // Deleting the last one leaves a new, empty one.
  store.removeAssessment(copy.id)
  store.removeAssessment(first.id)
  assert.deepEqual(store.assessments().map((a) => a.name), ["My assessment"])
  assert.notEqual(store.current().id, first.id)
  assert.deepEqual(store.toolsIn(), [])
})

test("every assessment in one export, each marked exported", () => {
  const { store } = tab(new FakeStorage())
  put(store, "where-to-start", { a: { notes: "1" } })
  store.create("Second")
  put(store, "risk-assurance", { dpia: { status: "completed" } })
  const all = store.envelopeOfAll("1.0.0")
  assert.deepEqual(all.assessments.map((a) => [a.name, Object.keys(a.tools)]), [["My assessment", ["where-to-start"]], ["Second", ["risk-assurance"]]])
  store.markExported(true, store.assessments().map((a) => a.id), all.exported)
  assert.ok(store.assessments().every((a) => a.exported === all.exported && a.unexportedSince === null))
})

test("two tabs on one storage: each keeps its own assessment, and hears of the other's changes to it", () => {
  const storage = new FakeStorage()
  const A = tab(storage), B = tab(storage)
  assert.equal(A.store.current().id, B.store.current().id)
  const first = A.store.current().id
  const other = A.store.create("Tab A's").id
  B.store.onStorage(P + "assessments")
  assert.equal(B.store.current().id, first, "another tab's switch never moves this one")
  assert.deepEqual(B.store.assessments().map((a) => a.name), ["My assessment", "Tab A's"])
  // A writes in its assessment: B is told of the index only, not of A's answers.
  B.news.length = 0
  storage.writes.length = 0
  put(A.store, "where-to-start", { a: { notes: "from A" } })
  storage.writes.forEach((k) => B.store.onStorage(k))
  assert.deepEqual(B.news, [{ type: "change", tool: null, external: true }])
  assert.deepEqual(answers(B.store, "where-to-start"), {})
  // A switches to B's assessment and writes: B is told of the tool.
  A.store.switchTo(first)
  B.news.length = 0
  storage.writes.length = 0
  put(A.store, "where-to-start", { a: { notes: "both" } })
  storage.writes.forEach((k) => B.store.onStorage(k))
  assert.deepEqual(B.news[0], { type: "change", tool: "where-to-start", external: true })
  assert.deepEqual(answers(B.store, "where-to-start"), { a: { notes: "both" } })
  // Keys of another site, or none (storage cleared), say nothing.
  B.news.length = 0
  B.store.onStorage("/other-site/ai-guide.v2.assessments")
  B.store.onStorage(null)
  assert.deepEqual(B.news, [])
  assert.ok(other)
})

test("a new tab opens the index's current assessment; a tab whose assessment went falls back", () => {
  const storage = new FakeStorage()
  const A = tab(storage)
  const second = A.store.create("Second")
  const B = tab(storage)
  assert.equal(B.store.current().id, second.id)
  A.store.removeAssessment(second.id)
  B.store.onStorage(P + "assessments")
  assert.equal(B.store.current().name, "My assessment")
})

test("answers saved under another path of the origin are offered, brought here with undo, and never changed there", () => {
  const storage = new FakeStorage()
  const OLD = "/old-guide/"
  const old = Store.create({ storage, session: new FakeStorage(), scope: OLD, clock: ticking() })
  old.open()
  old.rename(old.current().id, "Ward 7 pilot")
  put(old, "deployment-checklist", { "know-your-problem": { status: "completed", rev: 1 } })
  old.create("Ward 8")
  put(old, "deployment-checklist", { "appoint-ai-lead": { status: "in-progress", notes: "<b>kept</b>" } })
  old.markExported(true)
  const theirs = old.assessments()
  const oldKeys = () => JSON.stringify(Object.fromEntries(Object.entries(storage.dump()).filter(([k]) => k.startsWith(OLD))))
  const before = oldKeys()

  const { store } = tab(storage)
  assert.deepEqual(store.elsewhere().map((x) => [x.scope, x.list.map((a) => a.name)]), [[OLD, ["Ward 7 pilot", "Ward 8"]]])
  const done = store.bringFrom(store.elsewhere()[0])
  // As an import of a file: the first fills this browser's one empty assessment.
  assert.equal(done.filled, done.ids[0])
  assert.deepEqual(store.assessments().map((a) => a.name), ["Ward 7 pilot", "Ward 8"])
  const [w7, w8] = store.assessments()
  assert.equal(w7.created, theirs[0].created) // names and dates come with them
  assert.equal(w7.changed, theirs[0].changed)
  assert.equal(w7.exported, null) // export dates as they were
  assert.equal(w8.exported, theirs[1].exported)
  assert.equal(w7.from, OLD)
  assert.deepEqual(store.readIn(w7.id, "deployment-checklist").answers, { "know-your-problem": { status: "completed", rev: 1 } })
  assert.deepEqual(store.readIn(w8.id, "deployment-checklist").answers, { "appoint-ai-lead": { status: "in-progress", notes: "<b>kept</b>" } })
  assert.deepEqual(store.elsewhere(), []) // offered until something from it is here
  assert.equal(oldKeys(), before) // the old path's keys are exactly as they were

  assert.equal(store.undo(), true)
  assert.deepEqual(store.assessments().map((a) => a.name), ["My assessment"])
  assert.deepEqual(store.toolsIn(), [])
  assert.equal(store.elsewhere().length, 1) // undone: offered again
  assert.equal(oldKeys(), before)
})

test("another path's index that cannot be read, or lists nothing, is not offered; nor is this path's", () => {
  const storage = new FakeStorage({ "/x/ai-guide.v2.assessments": "{not json", "/y/ai-guide.v2.assessments": JSON.stringify({ list: [7, null] }),
    "ai-guide.v2.assessments": JSON.stringify({ list: [{ id: "a1", name: "no path" }] }) })
  const { store } = tab(storage)
  assert.deepEqual(store.elsewhere(), [])
})
