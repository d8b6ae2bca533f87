// Saved answers: the storage contract in DESIGN.md, shared by every tool.
// One key per tool, "<scope>ai-guide.v1.<tool>", holding
// {format: 1, tool, updated, answers: {<item id>: {<field>: value}}}.
// Plain script, not an ES module: Chromium refuses module scripts over file://,
// and the offline build must work from a file share.
;(function () {
  "use strict"
  var NS = "ai-guide.v1."
  var EXPORT_FORMAT = "ai-guide-answers"
  // The import limits are far above what the forms allow (maxlength 50,000 on a
  // note, 500 on a short field), so whatever a form accepted always imports back.
  // 10 MB is more than a browser's storage for one site can hold.
  var MAX_IMPORT_BYTES = 10 * 1024 * 1024
  var MAX_TEXT = 100000
  var NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/

  // Every user-facing message in one place.
  var T = {
    cannotSave: "Your answers cannot be saved in this browser: it is blocking or has run out of storage for this site. " +
      "They will be lost when you close or reload the page. Export them to keep a copy.",
    unreadable: function (title, key) {
      return "Your saved answers for " + title + " could not be read, so this tool has started empty. " +
        "Nothing was deleted: the unreadable data is kept in this browser under the key \u201c" + key + "\u201d."
    },
    notJson: "This file is not a JSON export from this site, so nothing was imported.",
    tooBig: "This file is larger than 10 MB, which is far bigger than any export from this site, so it was not imported.",
    wrongShape: function (why) { return "This file is not a valid export from this site (" + why + "), so nothing was imported." },
    partly: function (title, ids, key) {
      return "Some saved answers for " + title + " could not be read (" + ids.join(", ") + "), so those items start empty. " +
        "Your other answers are here. Nothing was deleted: the unreadable answers are kept in this browser under the key \u201c" + key + "\u201d."
    },
    unreadableFile: "This file could not be read, so nothing was imported.",
    newer: "This file was exported by a newer version of this site, which this version cannot read, so nothing was imported. " +
      "Open it with the newest version of the site."
  }

  var blocked = !!(window.__md_blocked && window.__md_blocked.indexOf("localStorage") >= 0)
  var failed = false
  var memory = {} // answers kept for this visit when they cannot be saved
  var notices = {} // tool -> message about data set aside

  function prefix() { return (window.__md_scope ? window.__md_scope.pathname : "/") + NS }
  function key(tool) { return prefix() + tool }
  function now() { return new Date().toISOString() }
  function isObject(v) { return v !== null && typeof v === "object" && !Array.isArray(v) }
  function empty(tool) { return { format: 1, tool: tool, updated: null, answers: {} } }
  function copy(v) { return JSON.parse(JSON.stringify(v)) }

  // Why a saved or imported record is unusable as a whole, or "" when its shape is fine.
  function problem(rec, tool) {
    if (!isObject(rec)) return "not a record"
    if (rec.format !== 1) return "unknown format"
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

  function read(tool) {
    if (memory[tool]) return copy(memory[tool])
    var raw = null
    try { raw = localStorage.getItem(key(tool)) } catch (e) { failed = true }
    if (raw === null) return empty(tool)
    var rec
    try { rec = JSON.parse(raw) } catch (e) { rec = undefined }
    var whole = problem(rec, tool)
    var out = whole ? null : sift(rec)
    if (out && !out.ids.length) return rec
    // Keep the unreadable data aside under another key; never delete it silently.
    var aside = key(tool) + ".unreadable-" + now().replace(/[:.]/g, "-")
    try {
      localStorage.setItem(aside, whole ? raw : JSON.stringify({ format: 1, tool: tool, answers: out.bad }))
      if (whole) localStorage.removeItem(key(tool))
      else localStorage.setItem(key(tool), JSON.stringify(rec))
    } catch (e) {
      aside = key(tool)
      memory[tool] = whole ? empty(tool) : copy(rec) // could not move it: never write over it this visit
      failed = true
    }
    notices[tool] = { key: aside, ids: out && out.ids }
    return whole ? empty(tool) : rec
  }

  function write(tool, rec, quiet) {
    rec.updated = now()
    if (!blocked && !memory[tool]) {
      try {
        localStorage.setItem(key(tool), JSON.stringify(rec))
        if (!quiet) changed(tool)
        return true
      } catch (e) { failed = true }
    }
    memory[tool] = copy(rec)
    if (!quiet) changed(tool)
    return false
  }

  function remove(tool) {
    delete memory[tool]
    try { localStorage.removeItem(key(tool)) } catch (e) { failed = true }
    changed(tool)
  }

  var undoMemory = null // the undo snapshot when storage is full (never among the tools)

  function changed(tool, external) {
    document.dispatchEvent(new CustomEvent("aig:change", { detail: { tool: tool, external: !!external } }))
  }

  // Tools with answers saved in this browser (or kept for this visit).
  function savedTools() {
    var out = Object.keys(memory), p = prefix()
    try {
      for (var i = 0; i < localStorage.length; i++) {
        var k = localStorage.key(i)
        if (k && k.indexOf(p) === 0 && NAME.test(k.slice(p.length)) && out.indexOf(k.slice(p.length)) < 0) out.push(k.slice(p.length))
      }
    } catch (e) { failed = true }
    return out
  }

  // Another tab changed an answer: tell this page's tools.
  window.addEventListener("storage", function (e) {
    if (e.key && e.key.indexOf(prefix()) === 0) changed(e.key.slice(prefix().length), true)
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
  function envelope(tools, siteVersion) {
    var out = { format: EXPORT_FORMAT, version: 1, exported: now(), site_version: siteVersion || "", tools: {} }
    tools.forEach(function (t) { var r = read(t); if (r.updated || Object.keys(r.answers).length) out.tools[t] = r })
    return out
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
  // Answers that fail their check are left out and listed; the rest import.
  function parseExport(text) {
    var data
    try { data = JSON.parse(text) } catch (e) { return { error: T.notJson } }
    if (!isObject(data) || data.format !== EXPORT_FORMAT) return { error: T.wrongShape("it does not say it is an answers export") }
    if (typeof data.version === "number" && data.version > 1) return { error: T.newer }
    if (data.version !== 1) return { error: T.wrongShape("it is format version " + data.version + ", this site reads version 1") }
    if (!isObject(data.tools)) return { error: T.wrongShape("it has no answers") }
    var dropped = []
    for (var t in data.tools) {
      if (!NAME.test(t)) return { error: T.wrongShape("a tool name is not valid") }
      var why = problem(data.tools[t], t)
      if (why) return { error: T.wrongShape(t + ": " + why) }
      sift(data.tools[t]).ids.forEach(function (id) { dropped.push(t + ": " + id) })
    }
    return { data: data, dropped: dropped }
  }

  function readFile(file, done) {
    if (!file) return
    if (file.size > MAX_IMPORT_BYTES) return done({ error: T.tooBig })
    file.text().then(function (text) { done(parseExport(text)) }, function () { done({ error: T.unreadableFile }) })
  }

  // What an import would change, per tool.
  function diff(data, mode) {
    return Object.keys(data.tools).map(function (t) {
      var mine = read(t).answers, theirs = data.tools[t].answers, d = { tool: t, added: 0, changed: 0, removed: 0 }
      for (var id in theirs) {
        if (!(id in mine)) d.added++
        else if (JSON.stringify(mine[id]) !== JSON.stringify(theirs[id])) d.changed++
      }
      if (mode === "replace") for (id in mine) if (!(id in theirs)) d.removed++
      return d
    })
  }

  // Keep the state before an import or reset, so it can be undone.
  function snapshot(tools) {
    var snap = { taken: now(), tools: {} }
    tools.forEach(function (t) { snap.tools[t] = read(t) })
    undoMemory = null
    try { localStorage.setItem(prefix() + "__undo", JSON.stringify(snap)) } catch (e) { undoMemory = snap }
  }

  function apply(data, mode) {
    var tools = Object.keys(data.tools)
    snapshot(tools)
    tools.forEach(function (t) {
      var rec = read(t)
      rec.answers = mode === "replace" ? copy(data.tools[t].answers) : Object.assign(rec.answers, copy(data.tools[t].answers))
      write(t, rec)
    })
  }

  function reset(tools) {
    snapshot(tools)
    tools.forEach(remove)
  }

  function undo() {
    var snap = undoMemory
    try { snap = snap || JSON.parse(localStorage.getItem(prefix() + "__undo")) } catch (e) { snap = null }
    if (!isObject(snap) || !isObject(snap.tools)) return false
    for (var t in snap.tools) {
      var rec = snap.tools[t]
      if (problem(rec, t)) continue
      sift(rec)
      if (rec.updated || Object.keys(rec.answers).length) write(t, rec)
      else remove(t)
    }
    undoMemory = null
    try { localStorage.removeItem(prefix() + "__undo") } catch (e) {}
    return true
  }

  window.AIG = {
    T: T, kinds: {}, pages: {}, actions: {},
    read: read, write: write, savedTools: savedTools, progress: progress,
    envelope: envelope, download: download, readFile: readFile, parseExport: parseExport,
    diff: diff, apply: apply, reset: reset, undo: undo,
    cannotSave: function () { return blocked || failed },
    unreadableNotice: function (tool) { var k = notices[tool]; delete notices[tool]; return k },
    unreadableText: function (title, n) { return n.ids ? T.partly(title, n.ids, n.key) : T.unreadable(title, n.key) },
    // Text for a CSV cell: quoted, and never read as a formula by a spreadsheet.
    csvCell: function (v) {
      v = v == null ? "" : String(v)
      if (/^[=+\-@\t\r]/.test(v)) v = "'" + v
      return '"' + v.replace(/"/g, '""') + '"'
    }
  }
})()
