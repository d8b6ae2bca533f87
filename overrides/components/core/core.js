// The core of every tool page: saved answers (the storage contract v2 in DESIGN.md)
// and the engine that enhances each tool's server-rendered HTML. Loaded on tool
// pages only; each tool's own script (components/<name>/<name>.js) adds to it.
//
// Keys, each prefixed with Material's scope (two sites on one origin never mix):
//   ai-guide.v2.assessments        index: {format: 2, current, by, list: [{id, name,
//                                  created, changed, exported, dirty, file}]}
//   ai-guide.v2.<assessment>.<tool> {format: 2, tool, updated, answers:
//                                  {<item id>: {<field>: value, rev: <item revision>}}}
// Which assessment a tab shows is kept per tab (sessionStorage), so two tabs on two
// assessments never mix; the index's `current` is what a new tab opens.
// v1 keys (ai-guide.v1.<tool>) become the first assessment, and are removed only
// after the v2 copy has been written and read back.
;(function () {
  "use strict"
  // Instant navigation re-runs the scripts of each new page: keep the first copy.
  if (window.AIG) return
  var V1 = "ai-guide.v1.", V2 = "ai-guide.v2."
  var EXPORT_FORMAT = "ai-guide-answers", VERSION = 2
  // The import limits are far above what the forms allow (maxlength 50,000 on a
  // note, 500 on a short field), so whatever a form accepted always imports back.
  // 10 MB is more than a browser's storage for one site can hold.
  var MAX_IMPORT_BYTES = 10 * 1024 * 1024
  var MAX_TEXT = 100000
  var NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/
  var DAY = 864e5
  var ukDay, ukTime // Intl formatters, made on first use

  // Every user-facing message in one place.
  var T = {
    cannotSave: "Your answers cannot be saved in this browser: it is blocking or has run out of storage for this site. " +
      "They will be lost when you close or reload the page. Export them to keep a copy.",
    unreadable: function (title, key) {
      return "Your saved answers for " + title + " could not be read, so this tool has started empty. " +
        "Nothing was deleted: the unreadable data is kept in this browser under the key \u201c" + key + "\u201d."
    },
    partly: function (title, ids, key) {
      return "Some saved answers for " + title + " could not be read (" + ids.join(", ") + "), so those items start empty. " +
        "Your other answers are here. Nothing was deleted: the unreadable answers are kept in this browser under the key \u201c" + key + "\u201d."
    },
    notJson: "This file is not a JSON export from this site, so nothing was imported.",
    tooBig: "This file is larger than 10 MB, which is far bigger than any export from this site, so it was not imported.",
    wrongShape: function (why) { return "This file is not a valid export from this site (" + why + "), so nothing was imported." },
    hostile: "This file contains names that could change how the page works (such as \u201c__proto__\u201d), so nothing was imported.",
    unreadableFile: "This file could not be read, so nothing was imported.",
    newer: "This file was exported by a newer version of this site, which this version cannot read, so nothing was imported. " +
      "Open it with the newest version of the site."
  }

  var blocked = !!(window.__md_blocked && window.__md_blocked.indexOf("localStorage") >= 0)
  var failed = false
  var mem = {} // key -> value kept for this visit when it could not be saved (null: removed)
  var notices = {} // tool -> data set aside
  var undoMemory = null // the undo snapshot when storage is full

  function prefix() { return (window.__md_scope ? window.__md_scope.pathname : "/") + V2 }
  function now() { return new Date().toISOString() }
  function isObject(v) { return v !== null && typeof v === "object" && !Array.isArray(v) }
  function copy(v) { return JSON.parse(JSON.stringify(v)) }
  function newId() { return "a" + Date.now().toString(36) + Math.random().toString(36).slice(2, 6) }

  // Raw storage, with this visit's memory over it when saving fails.
  function get(k) {
    if (k in mem) return mem[k]
    try { return localStorage.getItem(k) } catch (e) { failed = true; return null }
  }
  function set(k, v) {
    if (!blocked) {
      try {
        if (v === null) localStorage.removeItem(k); else localStorage.setItem(k, v)
        delete mem[k]
        return true
      } catch (e) { failed = true }
    }
    mem[k] = v
    return false
  }
  function keys() {
    var out = Object.keys(mem)
    try { for (var i = 0; i < localStorage.length; i++) if (out.indexOf(localStorage.key(i)) < 0) out.push(localStorage.key(i)) } catch (e) { failed = true }
    return out.filter(function (k) { return get(k) !== null })
  }

  // ----- the index of assessments -----
  function readIndex() {
    var ix
    try { ix = JSON.parse(get(prefix() + "assessments")) } catch (e) { ix = null }
    return isObject(ix) && Array.isArray(ix.list) ? ix : null
  }
  function writeIndex(ix) { set(prefix() + "assessments", JSON.stringify(ix)) }
  function entry(name) { var t = now(); return { id: newId(), name: name, created: t, changed: null, exported: null, dirty: null } }

  // The first visit after the v2 update: v1 answers become the first assessment.
  function migrate() {
    var ix = readIndex()
    if (ix && ix.list.length) return ix
    var scope = prefix().slice(0, -V2.length) + V1, first = entry("My assessment"), moved = []
    ix = { format: 2, current: first.id, list: [first] }
    keys().forEach(function (k) {
      var tool = k.slice(scope.length)
      if (k.indexOf(scope) !== 0 || !NAME.test(tool)) return
      var raw = get(k), rec
      try { rec = JSON.parse(raw) } catch (e) { rec = null }
      if (!isObject(rec) || !isObject(rec.answers)) return // left as it is; never deleted
      var v2 = JSON.stringify({ format: 2, tool: tool, updated: rec.updated || null, answers: rec.answers })
      var to = prefix() + first.id + "." + tool
      if (set(to, v2) && get(to) === v2) moved.push(k) // written and read back
      if (rec.updated && (!first.changed || rec.updated > first.changed)) first.changed = rec.updated
    })
    writeIndex(ix)
    if (readIndex()) moved.forEach(function (k) { set(k, null) })
    return ix
  }

  var index = migrate()
  var tabKey = prefix() + "current"
  function currentId() {
    var id
    try { id = sessionStorage.getItem(tabKey) } catch (e) { id = null }
    index = readIndex() || index
    if (!find(id)) {
      id = find(index.current) ? index.current : index.list[0].id
      // Pin this tab to it, so another tab's switch never moves this one.
      try { sessionStorage.setItem(tabKey, id) } catch (e) {}
    }
    return id
  }
  function find(id) { return index.list.filter(function (a) { return a.id === id })[0] }
  function current() { return find(currentId()) }
  function switchTo(id) {
    try { sessionStorage.setItem(tabKey, id) } catch (e) {}
    index.current = id
    writeIndex(index)
    changed(null)
  }
  function touch(id) {
    var a = find(id)
    if (!a) return
    a.changed = now()
    if (!a.dirty) a.dirty = a.changed
    writeIndex(index)
  }

  function create(name, from) {
    var a = entry(name)
    index.list.push(a)
    if (from) toolsIn(from).forEach(function (t) { var r = readIn(from, t); set(key(t, a.id), JSON.stringify(r)) })
    switchTo(a.id)
    return a
  }
  function rename(id, name) { find(id).name = name; writeIndex(index); changed(null) }
  function removeAssessment(id) {
    snapshot(id)
    toolsIn(id).forEach(function (t) { set(key(t, id), null) })
    index.list = index.list.filter(function (a) { return a.id !== id })
    if (!index.list.length) index.list.push(entry("My assessment"))
    switchTo(index.list[0].id)
  }

  // ----- one tool's answers in one assessment -----
  function key(tool, id) { return prefix() + (id || currentId()) + "." + tool }
  function empty(tool) { return { format: 2, tool: tool, updated: null, answers: {} } }

  // Why a saved or imported record is unusable as a whole, or "" when its shape is fine.
  function problem(rec, tool) {
    if (!isObject(rec)) return "not a record"
    if (rec.format !== 1 && rec.format !== 2) return "unknown format"
    if (tool && rec.tool !== tool) return "belongs to another tool"
    if (!isObject(rec.answers)) return "no answers"
    return ""
  }

  // Why one answer is unusable, or "".
  function badAnswer(id, a) {
    if (!NAME.test(id) || id.length > 100) return "bad item id"
    if (!isObject(a)) return "not a set of fields"
    for (var f in a) {
      var v = a[f]
      if (!/^[a-z]{1,20}$/.test(f)) return "bad field name"
      if (typeof v === "string" ? v.length > MAX_TEXT : typeof v !== "boolean" && typeof v !== "number") return "bad value"
    }
    return ""
  }

  // Split a record's answers into the usable and the unusable, so that one bad
  // answer never hides the others. Returns the ids of the unusable ones.
  function sift(rec) {
    var bad = {}, ids = []
    Object.keys(rec.answers).forEach(function (id) {
      if (badAnswer(id, rec.answers[id])) { bad[id] = rec.answers[id]; ids.push(id); delete rec.answers[id] }
    })
    return { bad: bad, ids: ids }
  }

  function readIn(id, tool) {
    var k = key(tool, id), raw = get(k)
    if (raw === null) return empty(tool)
    var rec
    try { rec = JSON.parse(raw) } catch (e) { rec = undefined }
    var whole = problem(rec, tool)
    var out = whole ? null : sift(rec)
    if (out && !out.ids.length) return rec
    // Keep the unreadable data aside under another key; never delete it silently.
    var aside = k + ".unreadable-" + now().replace(/[:.]/g, "-")
    if (!set(aside, whole ? raw : JSON.stringify({ format: 2, tool: tool, answers: out.bad }))) aside = k
    else set(k, whole ? null : JSON.stringify(rec))
    notices[tool] = { key: aside, ids: out && out.ids }
    return whole ? empty(tool) : rec
  }
  function read(tool) { return readIn(null, tool) }

  var persistAsked = false
  function write(tool, rec, quiet) {
    rec.format = 2
    rec.updated = now()
    var id = currentId(), saved = set(key(tool, id), JSON.stringify(rec))
    touch(id)
    // Ask the browser to keep this site's data when it clears storage (first save).
    if (saved && !persistAsked && navigator.storage && navigator.storage.persist) { persistAsked = true; navigator.storage.persist() }
    if (!quiet) changed(tool)
    if (S.afterWrite) S.afterWrite(id)
    return saved
  }

  function remove(tool) { set(key(tool), null); touch(currentId()); changed(tool) }

  function changed(tool, external) {
    document.dispatchEvent(new CustomEvent("aig:change", { detail: { tool: tool, external: !!external } }))
  }

  // Tools with answers saved in an assessment (or kept for this visit).
  function toolsIn(id) {
    var p = prefix() + (id || currentId()) + "."
    return keys().filter(function (k) { return k.indexOf(p) === 0 && NAME.test(k.slice(p.length)) })
      .map(function (k) { return k.slice(p.length) })
  }

  // Another tab changed something: tell this page, but only about this tab's assessment.
  window.addEventListener("storage", function (e) {
    if (!e.key || e.key.indexOf(prefix()) !== 0) return
    index = readIndex() || index
    var p = prefix() + currentId() + "."
    if (e.key.indexOf(p) === 0) changed(e.key.slice(p.length), true)
    else if (e.key === prefix() + "assessments") changed(null, true)
  })

  // ----- progress, shared by tool pages and My progress -----
  function progress(kind, answers, ids) {
    var n = 0, skip = 0, unknown = 0, chosen = 0
    ids.forEach(function (id) {
      var a = answers[id] || {}
      if (kind === "checklist") { if (a.status === "completed") n++; else if (a.status === "not-applicable") skip++ }
      else if (kind === "rating") { if (a.level === "unknown") unknown++; else if (a.level) n++ }
      else if (kind === "benefits") { if (a.chosen) { chosen++; if (a.measure && a.baseline && a.target) n++ } }
      else if (kind === "case") { if (a.text && a.text.trim()) n++ }
    })
    var total = ids.length - skip
    if (kind === "checklist") return n + " of " + total + " completed" + (skip ? " (" + skip + " not applicable, left out)" : "")
    if (kind === "rating") return (n + unknown) + " of " + total + " rated" + (unknown ? " (" + unknown + " \u201cDon\u2019t know\u201d)" : "")
    if (kind === "benefits") return chosen + " indicator" + (chosen === 1 ? "" : "s") + " chosen, " + n + " with a measure, baseline and target"
    return n + " of " + total + " boxes written"
  }

  // ----- export and import -----
  // An export of the current assessment (some tools, or all it holds).
  function envelope(tools, siteVersion, id) {
    var a = id ? find(id) : current(), out = { format: EXPORT_FORMAT, version: VERSION, exported: now(), site_version: siteVersion || "",
      by: index.by || "", assessments: [{ id: a.id, name: a.name, created: a.created, changed: a.changed, tools: {} }] }
    ;(tools || toolsIn(a.id)).forEach(function (t) {
      var r = readIn(a.id, t)
      if (r.updated || Object.keys(r.answers).length) out.assessments[0].tools[t] = r
    })
    return out
  }
  function exported(all) {
    var t = now(), a = current()
    a.exported = t
    if (all) a.dirty = null
    writeIndex(index)
  }

  // A file-name stem: the assessment's name and today's date.
  function fileStem() {
    var name = current().name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40)
    return (name || "assessment") + "-" + now().slice(0, 10)
  }

  function download(name, type, text) {
    var url = URL.createObjectURL(new Blob([text], { type: type }))
    var a = document.createElement("a")
    a.href = url
    a.download = name
    document.body.appendChild(a)
    a.click()
    a.remove()
    setTimeout(function () { URL.revokeObjectURL(url) }, 1000)
  }

  // Check an export file's text: {data, dropped} when usable, {error} when not.
  // Files of format 1 (one assessment's tools) and 2 (assessments) both read; answers
  // that fail their check are left out and listed; the rest import.
  function parseExport(text) {
    var data, hostile = false
    try {
      data = JSON.parse(text, function (k, v) {
        if (k === "__proto__" || k === "constructor" || k === "prototype") hostile = true
        return v
      })
    } catch (e) { return { error: T.notJson } }
    if (hostile) return { error: T.hostile }
    if (!isObject(data) || data.format !== EXPORT_FORMAT) return { error: T.wrongShape("it does not say it is an answers export") }
    if (typeof data.version === "number" && data.version > VERSION) return { error: T.newer }
    if (data.version === 1) {
      if (!isObject(data.tools)) return { error: T.wrongShape("it has no answers") }
      data = { format: EXPORT_FORMAT, version: 2, exported: data.exported, site_version: data.site_version, by: "",
        assessments: [{ name: "", tools: data.tools }] }
    } else if (data.version !== 2) return { error: T.wrongShape("it is format version " + data.version) }
    if (!Array.isArray(data.assessments) || !data.assessments.length) return { error: T.wrongShape("it has no answers") }
    var dropped = []
    for (var i = 0; i < data.assessments.length; i++) {
      var a = data.assessments[i]
      if (!isObject(a) || !isObject(a.tools)) return { error: T.wrongShape("an assessment has no answers") }
      a.name = typeof a.name === "string" ? a.name.slice(0, 100) : ""
      for (var t in a.tools) {
        if (!NAME.test(t)) return { error: T.wrongShape("a tool name is not valid") }
        var why = problem(a.tools[t], t)
        if (why) return { error: T.wrongShape(t + ": " + why) }
        sift(a.tools[t]).ids.forEach(function (id) { dropped.push(t + ": " + id) })
      }
    }
    return { data: data, dropped: dropped }
  }

  // Every assessment in an export, as {name, by, tools: {tool: answers}} (team view, comparison).
  function exportedAssessments(data) {
    return data.assessments.map(function (a) {
      var tools = {}
      for (var t in a.tools) tools[t] = a.tools[t].answers
      return { name: a.name, by: data.by || "", exported: data.exported, tools: tools }
    })
  }

  function readFile(file, done) {
    if (!file) return
    if (file.size > MAX_IMPORT_BYTES) return done({ error: T.tooBig })
    file.text().then(function (text) { done(parseExport(text)) }, function () { done({ error: T.unreadableFile }) })
  }

  // What an import of one assessment would change in the current one, per tool.
  function diff(tools, mode) {
    return Object.keys(tools).map(function (t) {
      var mine = read(t).answers, theirs = tools[t].answers, d = { tool: t, added: 0, changed: 0, removed: 0 }
      for (var id in theirs) {
        if (!(id in mine)) d.added++
        else if (JSON.stringify(mine[id]) !== JSON.stringify(theirs[id])) d.changed++
      }
      if (mode === "replace") for (id in mine) if (!(id in theirs)) d.removed++
      return d
    })
  }

  // Keep the state before an import, reset or delete (raw keys and the index), so it
  // can be undone.
  function snapshot(id) {
    id = id || currentId()
    var p = prefix() + id + ".", snap = { id: id, index: copy(index), keys: {} }
    keys().forEach(function (k) { if (k.indexOf(p) === 0) snap.keys[k] = get(k) })
    undoMemory = null
    if (!set(prefix() + "undo", JSON.stringify(snap))) undoMemory = snap
  }

  function apply(tools, mode) {
    snapshot()
    Object.keys(tools).forEach(function (t) {
      var rec = read(t)
      rec.answers = mode === "replace" ? copy(tools[t].answers) : Object.assign(rec.answers, copy(tools[t].answers))
      write(t, rec)
    })
  }

  // A file of several assessments: each becomes a new assessment here.
  function addAll(data) {
    snapshot()
    data.assessments.forEach(function (a) {
      var e = entry(a.name || "Imported assessment")
      index.list.push(e)
      for (var t in a.tools) set(key(t, e.id), JSON.stringify(a.tools[t]))
    })
    writeIndex(index)
    changed(null)
  }

  function reset(tools) {
    snapshot()
    tools.forEach(remove)
  }

  function undo() {
    var snap = undoMemory
    try { snap = snap || JSON.parse(get(prefix() + "undo")) } catch (e) { snap = null }
    if (!isObject(snap) || !isObject(snap.keys) || !isObject(snap.index)) return false
    index = snap.index
    writeIndex(index)
    var ids = index.list.map(function (a) { return a.id })
    // Remove what was added since (assessments the snapshot did not know, and keys of
    // the snapshot's assessment it did not hold), then put back each key as it was.
    keys().forEach(function (k) {
      var rest = k.slice(prefix().length).split(".")
      if (k.indexOf(prefix()) === 0 && rest.length === 2 && NAME.test(rest[1]) &&
        (ids.indexOf(rest[0]) < 0 || (rest[0] === snap.id && !(k in snap.keys)))) set(k, null)
    })
    for (var k in snap.keys) set(k, snap.keys[k])
    writeIndex(index)
    undoMemory = null
    set(prefix() + "undo", null)
    switchTo(snap.id)
    return true
  }

  // Changes that are in no export for more than 7 days.
  function needsExport(a) { return !!(a.dirty && Date.now() - Date.parse(a.dirty) > 7 * DAY) }

  var S = window.AIG = {
    T: T, kinds: {}, pages: {}, actions: {}, loaded: {},
    read: read, readIn: readIn, write: write, toolsIn: toolsIn, progress: progress,
    envelope: envelope, exportOf: function (id, v) { return envelope(null, v, id) }, exported: exported, download: download, readFile: readFile, parseExport: parseExport,
    exportedAssessments: exportedAssessments, fileStem: fileStem,
    diff: diff, apply: apply, addAll: addAll, reset: reset, undo: undo,
    assessments: function () { index = readIndex() || index; return index.list.slice() },
    saveEntry: function (a) { var e = find(a.id); if (e) { Object.assign(e, a); writeIndex(index) } },
    current: current, switchTo: switchTo, create: create, rename: rename, removeAssessment: removeAssessment,
    needsExport: needsExport, by: function (v) { if (v != null) { index.by = v; writeIndex(index) } return index.by },
    cannotSave: function () { return blocked || failed },
    unreadableNotice: function (tool) { var k = notices[tool]; delete notices[tool]; return k },
    unreadableText: function (title, n) { return n.ids ? T.partly(title, n.ids, n.key) : T.unreadable(title, n.key) },
    // A date as people read it in the UK: 27 November 2026 (with the time if asked).
    // One formatter for every call: making one per date took 0.2 s for 1,000 dates.
    date: function (iso, time) {
      var d = iso && new Date(iso)
      if (!d || isNaN(d)) return "Never"
      if (!ukDay) {
        ukDay = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric" })
        ukTime = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit" })
      }
      return ukDay.format(d) + (time ? " at " + ukTime.format(d) : "")
    },
    // Text for a CSV cell: quoted, and never read as a formula by a spreadsheet.
    csvCell: function (v) {
      v = v == null ? "" : String(v)
      if (/^[=+\-@\t\r]/.test(v)) v = "'" + v
      return '"' + v.replace(/"/g, '""') + '"'
    }
  }
})()

// The engine: enhances the tools' server-rendered HTML: restores saved answers,
// saves every change, shows progress, and runs the export / import / reset toolbar.
// User text only ever goes into form values and textContent, never into HTML.
;(function () {
  "use strict"
  var S = window.AIG
  if (S.init) return S.init()
  var STATUS = {}

  function $$(root, sel) { return Array.prototype.slice.call(root.querySelectorAll(sel)) }
  function el(tag, cls, text) {
    var e = document.createElement(tag)
    if (cls) e.className = cls
    if (text != null) e.textContent = text
    return e
  }
  function button(text, onClick, primary) {
    var b = el("button", "md-button" + (primary ? " md-button--primary" : ""), text)
    b.type = "button"
    b.addEventListener("click", onClick)
    return b
  }

  // A message in the tool's message area; error messages are announced at once.
  // After a person's action the message takes focus (its first button if `focus` is
  // "button"), so focus never drops to the page body when the pressed button goes.
  function say(root, text, type, actions, focus) {
    var box = root.querySelector("[data-aig-messages]")
    if (!box) return
    // A new message replaces the last, but never the warning that nothing can be saved.
    $$(box, ":scope > :not([data-aig-keep])").forEach(function (m) { m.remove() })
    var msg = el("div", "aig-msg aig-msg--" + (type || "info"))
    // The area is a polite live region; errors interrupt.
    if (type === "error") msg.setAttribute("role", "alert")
    msg.appendChild(el("p", null, text))
    if (actions && actions.length) {
      var row = el("div", "aig-msg__actions")
      actions.forEach(function (a) { row.appendChild(a) })
      msg.appendChild(row)
    }
    box.appendChild(msg)
    if (focus) {
      var target = focus === "button" && msg.querySelector("button") || msg
      if (target === msg) msg.tabIndex = -1
      target.focus()
    }
    return msg
  }

  // ----- reading and writing controls -----
  function itemOf(control) {
    if (!control.__aigItem) control.__aigItem = control.closest("[data-aig-item]").getAttribute("data-aig-item")
    return control.__aigItem
  }
  function fieldOf(control) { return control.getAttribute("data-aig-field") }

  function valueOf(control) {
    if (control.type === "checkbox") return control.checked
    if (control.type === "radio") return control.checked ? control.value : undefined
    return control.value
  }

  // Set a control only when its value differs: a tool of 1,000 items restores mostly
  // empty fields, and writing "" to an empty date box still costs the browser work.
  function setValue(control, v) {
    if (control.type === "checkbox") { if (control.checked !== (v === true)) control.checked = v === true; return }
    if (control.type === "radio") { if (control.checked !== (v === control.value)) control.checked = v === control.value; return }
    var next = control.tagName === "SELECT" && (v == null || v === "") ? control.options[0].value : v == null ? "" : v
    if (control.value !== next) control.value = next
  }

  // The printed answer's element after a control (controls are hidden in print); made
  // only when there is something to print (a tool of 1,000 items restores without
  // thousands of empty elements).
  function mirrorOf(control, make) {
    var host = control.__aigHost || control
    var m = host.nextElementSibling
    if (m && m.classList.contains("aig-print")) return m
    if (!make) return null
    m = el("div", "aig-print")
    host.parentNode.insertBefore(m, host.nextSibling)
    return m
  }

  function printText(control, answer) {
    var v = answer[fieldOf(control)]
    if (control.type === "radio") {
      var chosen = control.__aigHost.querySelector("input:checked")
      return chosen ? chosen.labels[0].textContent : ""
    }
    if (control.type === "checkbox") return ""
    if (control.type === "date" && v) return S.date(v + "T12:00") // printed as people read dates: 31 March 2026
    // A value that is not one of the options (from an older or edited file) prints as saved.
    if (control.tagName === "SELECT") return control.selectedOptions.length ? control.selectedOptions[0].textContent : v || ""
    return v || ""
  }

  function fill(ctx) {
    var answers = ctx.record.answers
    ctx.controls.forEach(function (c) { setValue(c, (answers[itemOf(c)] || {})[fieldOf(c)]) })
    refresh(ctx)
    ctx.counts.forEach(function (show) { show() })
  }

  // What refresh touches for each item, found once when the tool is set up, so that
  // restoring a tool of 1,000 items never searches the page again per control.
  function mapItems(ctx) {
    ctx.items = {}
    $$(ctx.root, "[data-aig-item]").forEach(function (item) {
      ctx.items[item.getAttribute("data-aig-item")] = { el: item, controls: [], tag: null, flag: null }
    })
    ctx.controls.forEach(function (c) {
      var it = ctx.items[itemOf(c)]
      if (c.type === "radio") {
        // A group of radios prints one answer: its first radio stands for the group.
        c.__aigHost = c.closest(".aig-radios")
        if (c.__aigHost.__aigFirst) return
        c.__aigHost.__aigFirst = c
      }
      c.__aigField = c.closest(".aig-field")
      it.controls.push(c)
    })
    $$(ctx.root, "[data-aig-tag]").forEach(function (tag) {
      ctx.items[tag.closest("[data-aig-item]").getAttribute("data-aig-item")].tag = tag
    })
  }

  // Show the saved answers: every item, or only the one just changed (`only`, an id).
  function refresh(ctx, only) {
    var answers = ctx.record.answers
    ;(only ? [only] : Object.keys(ctx.items)).forEach(function (id) {
      var it = ctx.items[id], a = answers[id] || {}
      if (!it) return
      it.controls.forEach(function (c) {
        var text = printText(c, a), m = mirrorOf(c, !!text)
        if (m && m.textContent !== text) { m.textContent = text; m.hidden = !text }
        // In print, a field left empty is left out rather than shown as a bare label.
        var field = c.__aigField
        if (field && field.__aigEmpty !== !text) { field.__aigEmpty = !text; field.classList.toggle("aig-empty", !text) }
      })
      if (it.tag) {
        var status = a.status || "not-started", label = STATUS[status] || status
        if (it.tag.textContent !== label) it.tag.textContent = label
        if (it.tag.className !== "aig-tag aig-tag--" + status) it.tag.className = "aig-tag aig-tag--" + status
      }
    })
    var p = ctx.root.querySelector("[data-aig-progress]")
    var text = S.progress(ctx.kind, answers, ctx.counted)
    if (p && p.textContent !== text) p.textContent = text // a live region: speak only on change
    flags(ctx)
    var kind = S.kinds[ctx.kind]
    if (kind && kind.update) kind.update(ctx)
  }

  function save(ctx, control) {
    var id = itemOf(control), field = fieldOf(control)
    var a = ctx.record.answers[id] || {}
    var v = valueOf(control)
    if (v === undefined) return // an unchecked radio: its checked sibling reports the change
    if (v === "" || v === false) delete a[field]; else a[field] = v
    delete a.rev
    // Each answer records the revision of the guidance it answers (changed-guidance flag).
    if (Object.keys(a).length) { if (ctx.revs[id]) a.rev = ctx.revs[id].n; ctx.record.answers[id] = a } else delete ctx.record.answers[id]
    var saved = S.write(ctx.tool, ctx.record, true)
    refresh(ctx, id)
    if (!saved) warnCannotSave(ctx.root)
  }

  function warnCannotSave(root) {
    if (root.getAttribute("data-aig-warned")) return
    root.setAttribute("data-aig-warned", "1")
    var msg = say(root, S.T.cannotSave, "error", [button("Export answers now", function () { exportJson(root) })])
    if (msg) msg.setAttribute("data-aig-keep", "")
  }

  // A long text box counts the characters left once the person nears its limit
  // (the GOV.UK character count pattern), updated after a pause in typing.
  // The count's live region is made when the box is first focused (or restored nearly
  // full), not for every box on load: a tool of 1,000 items has 1,000 of them.
  function setupCounts(ctx) {
    $$(ctx.root, "textarea[maxlength]").forEach(function (area) {
      var out = null, timer
      var made = function () {
        if (out) return out
        out = el("p", "aig-chars")
        out.id = area.id + "-chars"
        out.setAttribute("aria-live", "polite")
        area.parentNode.insertBefore(out, area.nextSibling)
        area.setAttribute("aria-describedby", ((area.getAttribute("aria-describedby") || "") + " " + out.id).trim())
        return out
      }
      var show = function () {
        var max = Number(area.getAttribute("maxlength")), left = max - area.value.length
        var text = area.value.length >= max * 0.8 ? "You have " + left.toLocaleString("en-GB") + " character" +
          (left === 1 ? "" : "s") + " remaining (at most " + max.toLocaleString("en-GB") + ")" : ""
        if ((out || text) && made().textContent !== text) out.textContent = text
      }
      area.addEventListener("focus", made)
      area.addEventListener("input", function () { made(); clearTimeout(timer); timer = setTimeout(show, 400) })
      ctx.counts.push(show)
    })
  }

  // ----- toolbar: export, import, reset (tool pages and My progress) -----
  function toolsOf(root) {
    var one = root.getAttribute("data-aig-tool")
    if (one) return [one]
    var tools = $$(root, "[data-aig-row]").map(function (r) { return r.getAttribute("data-aig-row") })
    S.toolsIn().forEach(function (t) { if (tools.indexOf(t) < 0) tools.push(t) })
    return tools
  }

  // Export the current assessment (this tool, or every tool on My progress). The
  // first export asks for a name or role, so colleagues comparing files know whose it is.
  function exportJson(root, all) {
    if (S.by() == null) return askName(root, "Your name or role, written in the file so colleagues comparing answers know whose they are (optional)",
      "", "Export", function (v) { S.by(v); exportJson(root, all) }, "Nothing was exported.")
    var tools = all ? null : toolsOf(root)
    var data = S.envelope(tools, root.getAttribute("data-aig-site-version"))
    S.download("ai-guide-" + S.fileStem() + (tools && tools.length === 1 ? "-" + tools[0] : "") + ".json",
      "application/json", JSON.stringify(data, null, 2))
    S.exported(!tools || tools.length > 1)
    showAssess()
  }

  // A short inline form (never a browser prompt): a labelled text box and two buttons.
  function askName(root, label, value, verb, done, cancelled) {
    var id = "aig-ask-" + Date.now(), input = el("input")
    input.type = "text"
    input.id = id
    input.maxLength = 100
    input.value = value
    var lab = el("label", null, label)
    lab.htmlFor = id
    var go = function () { done(input.value.trim()) }
    input.addEventListener("keydown", function (e) { if (e.key === "Enter") go() })
    say(root, "", "info", [lab, input, button(verb, go, true), button("Cancel", function () { say(root, cancelled, "info", null, true) })])
    input.focus()
  }

  function exportCsv(root) {
    var ctx = root.__aig
    var rows = [["id", "item", "status", "owner", "target date", "notes", "in the guide"]]
    var seen = {}
    $$(root, "[data-aig-item]").forEach(function (item) {
      var id = item.getAttribute("data-aig-item"), a = ctx.record.answers[id] || {}
      seen[id] = 1
      var title = item.querySelector(".aig-item__title").textContent.trim()
      rows.push([id, title, STATUS[a.status || "not-started"], a.owner, a.due, a.notes, "yes"])
    })
    for (var id in ctx.record.answers) {
      if (seen[id]) continue
      var a = ctx.record.answers[id]
      rows.push([id, "", STATUS[a.status] || a.status, a.owner, a.due, a.notes, "no longer on this site"])
    }
    S.download(S.fileStem() + "-" + ctx.tool + ".csv", "text/csv",
      "\ufeff" + rows.map(function (r) { return r.map(S.csvCell).join(",") }).join("\r\n") + "\r\n")
  }

  // A tool's name as the page shows it (My progress lists them all).
  function titleOf(tool) {
    var e = document.querySelector("[data-aig-row='" + tool + "'], [data-aig-tool='" + tool + "']")
    return e ? e.getAttribute("data-aig-title") : tool
  }

  function describe(d) {
    return d.map(function (x) {
      return titleOf(x.tool) + ": " + x.added + " new, " + x.changed + " changed" + (x.removed ? ", " + x.removed + " removed" : "")
    }).join("; ")
  }

  function offerUndo(root, text) {
    say(root, text, "success", [button("Undo", function () {
      S.undo()
      say(root, "Your previous answers are back.", "success", null, true)
    })], "button")
  }

  function onImport(root, input, then) {
    S.readFile(input.files[0], function (result) {
      input.value = ""
      if (result.error) return say(root, result.error, "error", null, true)
      var data = result.data, list = data.assessments, tools = list[0].tools
      var left = result.dropped.length ? " These answers in the file could not be read and are left out: " +
        result.dropped.join(", ") + "." : ""
      var when = " (exported " + S.date(data.exported, true) + (data.by ? " by " + data.by : "") + ")"
      if (list.length > 1) {
        return say(root, "This file" + when + " holds " + list.length + " assessments: " + list.map(function (a) { return a.name }).join(", ") +
          ". Each will be added as a new assessment; your own stay as they are." + left, "warning",
          [button("Add them", function () { S.addAll(data); offerUndo(root, "Assessments added. You can undo this.") }, true),
            button("Cancel", function () { say(root, "Nothing was imported.", "info", null, true) })], "button")
      }
      if (!Object.keys(tools).length) return say(root, "This file has no answers in it, so nothing was imported.", "error", null, true)
      var go = function (mode) {
        return function () {
          S.apply(tools, mode)
          if (then) then()
          offerUndo(root, "Answers imported into \u201c" + S.current().name + "\u201d" + (mode === "replace" ? " (replaced)" : "") + "." + left + " You can undo this.")
        }
      }
      // Nothing here yet: no choice to make.
      var mine = Object.keys(tools).some(function (t) { return Object.keys(S.read(t).answers).length })
      if (!mine) return go("merge")()
      say(root, "This file" + when + " would change \u201c" + S.current().name + "\u201d: " +
        describe(S.diff(tools, "merge")) + ". Merge keeps your other answers; replace swaps each tool's answers for the file's (" +
        describe(S.diff(tools, "replace")) + ")." + left, "warning",
        [button("Merge with my answers", go("merge"), true), button("Replace my answers", go("replace")),
          button("Cancel", function () { say(root, "Nothing was imported.", "info", null, true) })], "button")
    })
  }

  function onReset(root) {
    var tools = toolsOf(root)
    say(root, "This deletes your saved answers for " + (tools.length === 1 ? "this tool" : "every tool") +
      " in \u201c" + S.current().name + "\u201d from this browser. You can undo this straight after. Are you sure?", "warning",
      [button("Yes, reset", function () { S.reset(tools); offerUndo(root, "Answers deleted.") }, true),
        button("Cancel", function () { say(root, "Nothing was deleted.", "info", null, true) })], "button")
  }

  function setupBar(root) {
    setupAssess(root)
    root.addEventListener("click", function (e) {
      var b = e.target.closest("[data-aig-action]")
      if (!b || b.tagName !== "BUTTON") return
      var act = b.getAttribute("data-aig-action")
      if (act === "export-json") exportJson(root, false)
      else if (act === "export-csv") exportCsv(root)
      else if (act === "reset") onReset(root)
      else if (S.actions[act]) S.actions[act](root.__aig, say)
    })
    $$(root, "input[type=file][data-aig-action=import]").forEach(function (input) {
      input.addEventListener("change", function () { onImport(root, input) })
    })
    if (S.cannotSave()) warnCannotSave(root)
  }

  // ----- changed guidance: answers given before an editor changed the item -----
  // data-aig-revs: per item, revisions oldest first (","), each its fingerprints ("+");
  // an answer's rev: a number, or a fingerprint (saved before the lock; unknown: 0).
  function readRevs(ctx) {
    var revs = (ctx.root.getAttribute("data-aig-revs") || "").split(" ")
    ctx.notes = JSON.parse(ctx.root.getAttribute("data-aig-rev-notes") || "{}")
    ctx.ids.forEach(function (id, i) {
      var r = ctx.revs[id] = { n: 0, fp: {} }
      revs[i].split(",").forEach(function (part) {
        r.n++
        part.split("+").forEach(function (f) { r.fp[f] = r.fp[f] || r.n })
      })
    })
  }

  function flags(ctx) {
    Object.keys(ctx.items).forEach(function (id) {
      var it = ctx.items[id], a = ctx.record.answers[id] || {}, r = ctx.revs[id]
      var at = a.rev === undefined ? Infinity : typeof a.rev === "number" ? a.rev : r.fp[a.rev] || 0
      if (at >= r.n) { if (it.flag) { it.flag.remove(); it.flag = null } return }
      if (it.flag) return
      var text = (ctx.notes[id] || []).slice(at ? at - 1 : -1).map(function (c, i) {
        return (i ? "It changed again on " : "The guidance for this point changed on ") + c[0] + ": " + c[1] + "."
      }).join(" ") || "The guidance for this point changed after you answered."
      var flag = it.flag = el("div", "aig-changed")
      flag.appendChild(el("p", null, text + " Review your answer."))
      flag.appendChild(button("I have reviewed my answer", function () {
        a.rev = r.n
        S.write(ctx.tool, ctx.record, true)
        refresh(ctx)
        var next = it.el.querySelector("[data-aig-field]")
        if (next) next.focus()
      }))
      it.el.insertBefore(flag, it.el.children[1] || null)
    })
  }

  // ----- assessments: which one this page shows, switch, create, rename, duplicate, delete -----
  var linked = {} // assessment id -> file handle (File System Access API)
  var canFile = !!window.showSaveFilePicker

  function showAssess() {
    var a = S.current(), list = S.assessments()
    $$(document, "[data-aig-assess]").forEach(function (bar) {
      bar.querySelector("[data-aig-assess-name]").textContent = a.name
      var sel = bar.querySelector("[data-aig-assess-select]")
      sel.textContent = ""
      list.forEach(function (x) { var o = el("option", null, x.name); o.value = x.id; o.selected = x.id === a.id; sel.appendChild(o) })
      $$(bar, "[data-aig-assess-switch]").forEach(function (e) { e.hidden = list.length < 2 })
      $$(bar, "[data-aig-assess-do=keep-file], [data-aig-assess-do=open-file]").forEach(function (b) { b.hidden = !canFile })
      var file = bar.querySelector("[data-aig-assess-file]")
      file.textContent = a.file ? "Every change is written to the file \u201c" + a.file + "\u201d" +
        (linked[a.id] ? "." : " when you link it again (Keep in a file).") : ""
      var rem = bar.querySelector("[data-aig-assess-reminder]")
      rem.hidden = !S.needsExport(a)
    })
  }

  function assessAction(root, what) {
    var a = S.current()
    if (what === "switch") {
      var id = root.querySelector("[data-aig-assess-select]").value
      if (id !== a.id) { S.switchTo(id); say(root, "You are now in \u201c" + S.current().name + "\u201d.", "success", null, true) }
    } else if (what === "new" || what === "duplicate" || what === "rename") {
      var dup = what === "duplicate"
      askName(root, what === "rename" ? "New name for \u201c" + a.name + "\u201d" : dup ?
        "Name of the copy (for example a re-assessment or a dated baseline)" : "Name of the new assessment (for example the AI project)",
        what === "rename" ? a.name : dup ? a.name + " " + S.date(new Date().toISOString()) : "",
        what === "rename" ? "Rename" : "Create", function (name) {
          if (!name) return say(root, "Give the assessment a name.", "error", null, true)
          if (what === "rename") S.rename(a.id, name); else S.create(name, dup ? a.id : null)
          say(root, what === "rename" ? "Renamed to \u201c" + name + "\u201d." : "You are now in \u201c" + name + "\u201d" +
            (dup ? ", a copy of \u201c" + a.name + "\u201d." : ", which has no answers yet."), "success", null, true)
        }, "Nothing was changed.")
    } else if (what === "delete") {
      say(root, "This deletes \u201c" + a.name + "\u201d and every answer in it from this browser. You can undo this straight after. Are you sure?",
        "warning", [button("Yes, delete it", function () { S.removeAssessment(a.id); offerUndo(root, "\u201c" + a.name + "\u201d was deleted.") }, true),
          button("Cancel", function () { say(root, "Nothing was deleted.", "info", null, true) })], "button")
    } else if (what === "export") exportJson(root, true)
    else if (what === "keep-file") {
      window.showSaveFilePicker({ suggestedName: "ai-guide-" + S.fileStem() + ".json",
        types: [{ description: "Answers (JSON)", accept: { "application/json": [".json"] } }] }).then(function (h) {
        link(a.id, h)
        writeFile(a.id)
        say(root, "\u201c" + a.name + "\u201d is now kept in the file \u201c" + h.name + "\u201d: every change is written to it.", "success", null, true)
      }, function () {})
    } else if (what === "open-file") {
      window.showOpenFilePicker({ types: [{ description: "Answers (JSON)", accept: { "application/json": [".json"] } }] }).then(function (hs) {
        return hs[0].getFile().then(function (f) { onImport(root, { files: [f] }, function () { link(S.current().id, hs[0]) }) })
      }, function () {})
    }
    showAssess()
  }

  function link(id, h) {
    linked[id] = h
    var a = S.assessments().filter(function (x) { return x.id === id })[0]
    if (a) { a.file = h.name; S.saveEntry(a) }
    try { // keep the link across visits where the browser allows it
      var r = indexedDB.open("ai-guide", 1)
      r.onupgradeneeded = function () { r.result.createObjectStore("files") }
      r.onsuccess = function () { try { r.result.transaction("files", "readwrite").objectStore("files").put(h, id) } catch (e) {} }
    } catch (e) {}
  }

  var fileTimer
  function writeFile(id) {
    var h = linked[id]
    if (!h) return
    clearTimeout(fileTimer)
    fileTimer = setTimeout(function () {
      var text = JSON.stringify(S.envelope(null, document.querySelector("[data-aig-site-version]") &&
        document.querySelector("[data-aig-site-version]").getAttribute("data-aig-site-version")), null, 2)
      var ask = h.requestPermission ? h.requestPermission({ mode: "readwrite" }) : Promise.resolve("granted")
      ask.then(function (state) {
        if (state !== "granted") return
        return h.createWritable().then(function (w) { return w.write(text).then(function () { return w.close() }) })
          .then(function () { S.exported(true); showAssess() })
      }).catch(function () {})
    }, 300)
  }
  S.afterWrite = writeFile

  function setupAssess(root) {
    var bar = root.querySelector("[data-aig-assess]")
    if (!bar) return
    bar.addEventListener("click", function (e) {
      var b = e.target.closest("[data-aig-assess-do]")
      if (b) assessAction(root, b.getAttribute("data-aig-assess-do"))
    })
    var a = S.current()
    if (canFile && a.file && !linked[a.id]) {
      try {
        var r = indexedDB.open("ai-guide", 1)
        r.onupgradeneeded = function () { r.result.createObjectStore("files") }
        r.onsuccess = function () {
          try {
            var g = r.result.transaction("files").objectStore("files").get(a.id)
            g.onsuccess = function () { if (g.result) { linked[a.id] = g.result; showAssess() } }
          } catch (e) {}
        }
      } catch (e) {}
    }
    showAssess()
  }

  // ----- a tool -----
  function setupTool(root) {
    var ctx = {
      root: root,
      tool: root.getAttribute("data-aig-tool"),
      kind: root.getAttribute("data-aig-kind"),
      ids: root.getAttribute("data-aig-ids").split(" "),
      // Progress counts the numbered points; sub-points are answered but not counted.
      counted: (root.getAttribute("data-aig-counted") || root.getAttribute("data-aig-ids")).split(" "),
      revs: {},
      controls: $$(root, "[data-aig-field]"),
      counts: []
    }
    root.__aig = ctx
    readRevs(ctx)
    performance.mark("aig:restore:start")
    ctx.record = S.read(ctx.tool)
    setupBar(root)
    var aside = S.unreadableNotice(ctx.tool)
    if (aside) say(root, S.unreadableText(root.getAttribute("data-aig-title"), aside), "error")
    var kind = S.kinds[ctx.kind]
    if (kind && kind.setup) kind.setup(ctx, say)
    mapItems(ctx)
    setupCounts(ctx)
    fill(ctx)
    performance.measure("aig:restore:" + ctx.tool, "aig:restore:start")
    root.addEventListener("input", function (e) { if (e.target.matches("[data-aig-field]")) save(ctx, e.target) })
    root.addEventListener("change", function (e) { if (e.target.matches("[data-aig-field]")) save(ctx, e.target) })
  }

  // A change from another tab, an import, a reset or an undo: show it.
  document.addEventListener("aig:change", function (e) {
    $$(document, "[data-aig-tool]").forEach(function (root) {
      var ctx = root.__aig
      if (ctx && (!e.detail.tool || ctx.tool === e.detail.tool)) { ctx.record = S.read(ctx.tool); fill(ctx) }
    })
    if (!e.detail.tool) showAssess()
  })

  S.$$ = $$
  S.el = el
  S.button = button
  S.say = say
  S.STATUS = STATUS

  // A tool or page is set up once the scripts it names (data-aig-scripts) have
  // registered; each of them calls init() when it loads, and so does every page
  // change. Safe to run any number of times.
  function ready(root) {
    return (root.getAttribute("data-aig-scripts") || "").split(" ").every(function (n) { return !n || S.loaded[n] })
  }

  function init() {
    readStatuses()
    $$(document, "[data-aig-tool]:not([data-aig-ready]), [data-aig-page]:not([data-aig-ready])").forEach(function (root) {
      if (!ready(root)) return
      root.setAttribute("data-aig-ready", "1")
      if (root.hasAttribute("data-aig-tool")) return setupTool(root)
      var page = S.pages[root.getAttribute("data-aig-page")]
      if (page) { if (root.querySelector("[data-aig-bar]")) setupBar(root); page(root) }
    })
  }
  S.init = init

  // Status names come from the page, so wording lives in one place (macros/tools.py).
  function readStatuses() {
    var holder = document.querySelector("[data-aig-statuses]")
    if (holder) Object.assign(STATUS, JSON.parse(holder.getAttribute("data-aig-statuses")))
  }

  // Material's instant navigation swaps the page without a load event; over
  // file:// its document$ may never emit, hence DOMContentLoaded as well.
  // Material's bundle is deferred after this script (overrides/main.html), so document$
  // may only exist once the page has loaded.
  var subscribed = false
  function subscribe() {
    if (!subscribed && window.document$ && window.document$.subscribe) { subscribed = true; window.document$.subscribe(init) }
  }
  subscribe()
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", function () { subscribe(); init() })
  else init()
})()
