// The core of every tool page: saved answers (the storage contract in DESIGN.md)
// and the engine that enhances each tool's server-rendered HTML. Loaded on tool
// pages only; each tool's own script (components/<name>/<name>.js) adds to it.
// Saved answers: the storage contract in DESIGN.md, shared by every tool.
// One key per tool, "<scope>ai-guide.v1.<tool>", holding
// {format: 1, tool, updated, answers: {<item id>: {<field>: value}}}.
// Plain script, not an ES module: Chromium refuses module scripts over file://,
// and the offline build must work from a file share.
;(function () {
  "use strict"
  // Instant navigation re-runs the scripts of each new page: keep the first copy.
  if (window.AIG) return
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
    loaded: {}, // component scripts that have registered themselves
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
  function say(root, text, type, actions) {
    var box = root.querySelector("[data-aig-messages]")
    if (!box) return
    box.textContent = ""
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
  }

  // ----- reading and writing controls -----
  function itemOf(control) { return control.closest("[data-aig-item]").getAttribute("data-aig-item") }
  function fieldOf(control) { return control.getAttribute("data-aig-field") }

  function valueOf(control) {
    if (control.type === "checkbox") return control.checked
    if (control.type === "radio") return control.checked ? control.value : undefined
    return control.value
  }

  function setValue(control, v) {
    if (control.type === "checkbox") control.checked = v === true
    else if (control.type === "radio") control.checked = v === control.value
    else if (control.tagName === "SELECT") control.value = v == null || v === "" ? control.options[0].value : v
    else control.value = v == null ? "" : v
  }

  // The printed answer beside each control (controls are hidden in print).
  function mirrorOf(control) {
    var host = control.type === "radio" ? control.closest(".aig-radios") : control
    var m = host.nextElementSibling
    if (!m || !m.classList.contains("aig-print")) {
      m = el("div", "aig-print")
      host.parentNode.insertBefore(m, host.nextSibling)
    }
    return m
  }

  function printText(control, answer) {
    var v = answer[fieldOf(control)]
    if (control.type === "radio") {
      var chosen = control.closest(".aig-radios").querySelector("input:checked")
      return chosen ? chosen.labels[0].textContent : ""
    }
    if (control.type === "checkbox") return ""
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

  function refresh(ctx) {
    var answers = ctx.record.answers
    ctx.controls.forEach(function (c) {
      var m = mirrorOf(c)
      m.textContent = printText(c, answers[itemOf(c)] || {})
      m.hidden = !m.textContent
      // In print, a field left empty is left out rather than shown as a bare label.
      var field = c.closest(".aig-field")
      if (field) field.classList.toggle("aig-empty", !m.textContent)
    })
    $$(ctx.root, "[data-aig-tag]").forEach(function (tag) {
      var a = answers[tag.closest("[data-aig-item]").getAttribute("data-aig-item")] || {}
      var status = a.status || "not-started"
      tag.textContent = STATUS[status] || status
      tag.className = "aig-tag aig-tag--" + status
    })
    var p = ctx.root.querySelector("[data-aig-progress]")
    if (p) p.textContent = S.progress(ctx.kind, answers, ctx.ids)
    var kind = S.kinds[ctx.kind]
    if (kind && kind.update) kind.update(ctx)
  }

  function save(ctx, control) {
    var id = itemOf(control), field = fieldOf(control)
    var a = ctx.record.answers[id] || {}
    var v = valueOf(control)
    if (v === undefined) return // an unchecked radio: its checked sibling reports the change
    if (v === "" || v === false) delete a[field]; else a[field] = v
    if (Object.keys(a).length) ctx.record.answers[id] = a; else delete ctx.record.answers[id]
    var saved = S.write(ctx.tool, ctx.record, true)
    refresh(ctx)
    if (!saved) warnCannotSave(ctx.root)
  }

  function warnCannotSave(root) {
    if (root.getAttribute("data-aig-warned")) return
    root.setAttribute("data-aig-warned", "1")
    say(root, S.T.cannotSave, "error", [button("Export answers now", function () { exportJson(root) })])
  }

  // A long text box counts the characters left once the person nears its limit
  // (the GOV.UK character count pattern), updated after a pause in typing.
  function setupCounts(ctx) {
    $$(ctx.root, "textarea[maxlength]").forEach(function (area) {
      var out = el("p", "aig-chars")
      out.id = area.id + "-chars"
      out.setAttribute("aria-live", "polite")
      area.parentNode.insertBefore(out, area.nextSibling)
      area.setAttribute("aria-describedby", ((area.getAttribute("aria-describedby") || "") + " " + out.id).trim())
      var timer
      var show = function () {
        var max = Number(area.getAttribute("maxlength")), left = max - area.value.length
        var text = area.value.length >= max * 0.8 ? "You have " + left.toLocaleString("en-GB") + " character" +
          (left === 1 ? "" : "s") + " remaining (at most " + max.toLocaleString("en-GB") + ")" : ""
        if (out.textContent !== text) out.textContent = text
      }
      area.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(show, 400) })
      ctx.counts.push(show)
    })
  }

  // ----- toolbar: export, import, reset (tool pages and My progress) -----
  function toolsOf(root) {
    var one = root.getAttribute("data-aig-tool")
    if (one) return [one]
    var tools = $$(root, "[data-aig-row]").map(function (r) { return r.getAttribute("data-aig-row") })
    S.savedTools().forEach(function (t) { if (tools.indexOf(t) < 0) tools.push(t) })
    return tools
  }

  function stamp() { return new Date().toISOString().slice(0, 10) }

  function exportJson(root) {
    var tools = toolsOf(root)
    var data = S.envelope(tools, root.getAttribute("data-aig-site-version"))
    S.download("ai-guide-" + (tools.length === 1 ? tools[0] : "all-answers") + "-" + stamp() + ".json",
      "application/json", JSON.stringify(data, null, 2))
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
      rows.push([id, "", STATUS[a.status] || a.status, a.owner, a.due, a.notes, "no longer in the guide"])
    }
    S.download(ctx.tool + "-" + stamp() + ".csv", "text/csv",
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
      say(root, "Your previous answers are back.", "success")
    })])
  }

  function onImport(root, input) {
    S.readFile(input.files[0], function (result) {
      input.value = ""
      if (result.error) return say(root, result.error, "error")
      var data = result.data
      var left = result.dropped.length ? " These answers in the file could not be read and will be left out: " +
        result.dropped.join(", ") + "." : ""
      if (!Object.keys(data.tools).length) return say(root, "This file has no answers in it, so nothing was imported.", "error")
      var go = function (mode) {
        return function () {
          S.apply(data, mode)
          offerUndo(root, "Answers imported (" + (mode === "replace" ? "replaced" : "merged") + "). You can undo this.")
        }
      }
      say(root, "This file, exported " + (data.exported || "at an unknown time") + ", would change: " +
        describe(S.diff(data, "merge")) + ". Merge keeps your other answers; replace swaps each tool's answers for the file's (" +
        describe(S.diff(data, "replace")) + ")." + left, "warning",
        [button("Merge with my answers", go("merge"), true), button("Replace my answers", go("replace")),
          button("Cancel", function () { say(root, "Nothing was imported.", "info") })])
    })
  }

  function onReset(root) {
    var tools = toolsOf(root)
    say(root, "This deletes your saved answers for " + (tools.length === 1 ? "this tool" : "every tool") +
      " from this browser. You can undo this straight after. Are you sure?", "warning",
      [button("Yes, reset", function () { S.reset(tools); offerUndo(root, "Answers deleted.") }, true),
        button("Cancel", function () { say(root, "Nothing was deleted.", "info") })])
  }

  function setupBar(root) {
    var bar = root.querySelector("[data-aig-bar]")
    if (bar) bar.hidden = false
    root.addEventListener("click", function (e) {
      var b = e.target.closest("[data-aig-action]")
      if (!b || b.tagName !== "BUTTON") return
      var act = b.getAttribute("data-aig-action")
      if (act === "export-json") exportJson(root)
      else if (act === "export-csv") exportCsv(root)
      else if (act === "reset") onReset(root)
      else if (S.actions[act]) S.actions[act](root.__aig, say)
    })
    $$(root, "input[type=file][data-aig-action=import]").forEach(function (input) {
      input.addEventListener("change", function () { onImport(root, input) })
    })
    if (S.cannotSave()) warnCannotSave(root)
  }

  // ----- a tool -----
  function setupTool(root) {
    var ctx = {
      root: root,
      tool: root.getAttribute("data-aig-tool"),
      kind: root.getAttribute("data-aig-kind"),
      ids: root.getAttribute("data-aig-ids").split(" "),
      controls: $$(root, "[data-aig-field]"),
      counts: []
    }
    root.__aig = ctx
    performance.mark("aig:restore:start")
    ctx.record = S.read(ctx.tool)
    setupBar(root)
    var aside = S.unreadableNotice(ctx.tool)
    if (aside) say(root, S.unreadableText(root.getAttribute("data-aig-title"), aside), "error")
    var kind = S.kinds[ctx.kind]
    if (kind && kind.setup) kind.setup(ctx, say)
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
      if (ctx && ctx.tool === e.detail.tool) { ctx.record = S.read(ctx.tool); fill(ctx) }
    })
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
    document.documentElement.classList.add("aig-js")
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
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init)
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init)
  else init()
})()
