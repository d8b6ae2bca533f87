// Above every tool and on My progress: the toolbar (export, import, reset, undo) and
// the assessment bar (switch, create, rename, duplicate, delete, keep in a file),
// together because each export or import changes what the bar shows.
;(function () {
  "use strict"
  var S = window.AIG
  if (S.loaded.toolbar) return S.init() // already loaded on an earlier page
  var $$ = S.$$, el = S.el, button = S.button, say = S.say

  function warnCannotSave(root) {
    if (root.getAttribute("data-aig-warned")) return
    root.setAttribute("data-aig-warned", "1")
    var msg = say(root, S.T.cannotSave, "error", [button("Export answers now", function () { exportJson(root) })])
    if (msg) msg.setAttribute("data-aig-keep", "")
  }

  // Its tool, or on My progress every tool listed and any other with answers.
  function toolsOf(root) {
    var one = root.getAttribute("data-aig-tool")
    if (one) return [one]
    var tools = $$(root, "[data-aig-tool-row]").map(function (r) { return r.getAttribute("data-aig-tool-row") })
    S.toolsIn().forEach(function (t) { if (tools.indexOf(t) < 0) tools.push(t) })
    return tools
  }

  // The first export asks for a name or role: colleagues comparing files know whose it is.
  function exportJson(root, all) {
    if (S.by() == null) return S.askName(root, "Your name or role, written in the file so colleagues comparing answers know whose they are (optional)",
      "", "Export", function (v) { S.by(v); exportJson(root, all) }, "Nothing was exported.")
    var tools = all ? null : toolsOf(root)
    var data = S.envelope(tools, S.siteVersion())
    S.download("ai-guide-" + S.fileStem() + (tools && tools.length === 1 ? "-" + tools[0] : "") + ".json",
      "application/json", JSON.stringify(data, null, 2))
    S.markExported(!tools || tools.length > 1)
    showAssess()
  }

  function exportCsv(root) {
    var ctx = root.__aig
    var rows = [["id", "item", "status", "owner", "target date", "notes", "in the guide"]]
    var seen = {}
    $$(root, "[data-aig-item]").forEach(function (item) {
      var id = item.getAttribute("data-aig-item"), a = ctx.record.answers[id] || {}
      seen[id] = 1
      var title = item.querySelector(".aig-item__title").textContent.trim()
      rows.push([id, title, S.STATUS[a.status || "not-started"], a.owner, a.due, a.notes, "yes"])
    })
    for (var id in ctx.record.answers) {
      if (seen[id]) continue
      var a = ctx.record.answers[id]
      rows.push([id, "", S.STATUS[a.status] || a.status, a.owner, a.due, a.notes, "no longer on this site"])
    }
    S.downloadCsv(S.fileStem() + "-" + ctx.tool + ".csv", rows)
  }

  // A tool's name as the page shows it (My progress lists them all).
  function titleOf(tool) {
    var e = document.querySelector("[data-aig-tool-row='" + tool + "'], [data-aig-tool='" + tool + "']")
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
      S.askName(root, what === "rename" ? "New name for \u201c" + a.name + "\u201d" : dup ?
        "Name of the copy (for example a re-assessment or a dated baseline)" : "Name of the new assessment (for example the AI project)",
        what === "rename" ? a.name : dup ? a.name + " " + S.day(S.today()) : "",
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

  // Each assessment's file handle kept across visits, where the browser allows it
  // (IndexedDB "ai-guide", store "files"); any failure is ignored.
  function files(mode, use) {
    try {
      var r = indexedDB.open("ai-guide", 1)
      r.onupgradeneeded = function () { r.result.createObjectStore("files") }
      r.onsuccess = function () { try { use(r.result.transaction("files", mode).objectStore("files")) } catch (e) {} }
    } catch (e) {}
  }

  function link(id, h) {
    linked[id] = h
    S.saveEntry({ id: id, file: h.name })
    files("readwrite", function (store) { store.put(h, id) })
  }

  // Every saved change goes to the assessment's file, if it has one, after a pause.
  var fileTimer
  function writeFile(id) {
    var h = linked[id]
    if (!h) return
    clearTimeout(fileTimer)
    fileTimer = setTimeout(function () {
      var text = JSON.stringify(S.envelope(null, S.siteVersion()), null, 2)
      var ask = h.requestPermission ? h.requestPermission({ mode: "readwrite" }) : Promise.resolve("granted")
      ask.then(function (state) {
        if (state !== "granted") return
        return h.createWritable().then(function (w) { return w.write(text).then(function () { return w.close() }) })
          .then(function () { S.markExported(true); showAssess() })
      }).catch(function () {})
    }, 300)
  }
  S.store.subscribe(function (news) { if (news.type === "write") writeFile(news.id) })

  function setupAssess(root) {
    var bar = root.querySelector("[data-aig-assess]")
    if (!bar) return
    bar.addEventListener("click", function (e) {
      var b = e.target.closest("[data-aig-assess-do]")
      if (b) assessAction(root, b.getAttribute("data-aig-assess-do"))
    })
    var a = S.current()
    if (canFile && a.file && !linked[a.id]) {
      files("readonly", function (store) {
        var g = store.get(a.id)
        g.onsuccess = function () { if (g.result) { linked[a.id] = g.result; showAssess() } }
      })
    }
    showAssess()
  }

  // Another assessment, or a change to the list: show it.
  document.addEventListener("aig:change", function (e) { if (!e.detail.tool) showAssess() })

  S.setupBar = setupBar
  S.warnCannotSave = warnCannotSave
  S.showAssess = showAssess
  S.loaded.toolbar = true
  S.init()
})()
