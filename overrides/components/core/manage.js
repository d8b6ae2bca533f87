// Import (what a file would change, merge or replace, or each of its assessments
// added; a restore fills an empty browser's one assessment), the assessment bar's
// actions, a checklist as CSV, and the offer of answers saved under another path of
// this site. toolbar.js loads it at first use (My progress, where there are answers
// to offer): no page needs it before.
;(function () {
  "use strict"
  var S = window.AIG, say = S.say, button = S.button, $$ = S.$$

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

  // "A", "A and B", "A, B and C".
  function and(xs) { return new Intl.ListFormat("en-GB").format(xs) }

  // What an import or a bringing added (S.addAll's {ids, filled}) from `where` ("the file").
  function added(done, where) {
    var names = S.labels(), now = S.current().id, more = done.ids.length > 1
    var them = and(done.ids.map(function (id) { return "\u201c" + names[id] + "\u201d" + (more && id === done.filled ? " (open now)" : "") }))
    return (!done.filled ? "Added " + them + " from " + where + ". You are still in \u201c" + names[now] + "\u201d." :
      more ? "Restored " + them + " from " + where + "." : "Answers imported into " + them + ", named and dated as in " + where + ".") +
      (more || !done.filled ? " Switch to another assessment above." : "")
  }

  // Answers this browser holds under another path of this site (it moved), found on My
  // progress: offered, never brought by themselves; the copy there is left as it is.
  function offerElsewhere(root) {
    var found = S.elsewhere()[0], n = found.list.length, where = found.scope + " (where this site was)"
    say(root, "This browser also holds answers saved when this site was at " + found.scope + ": " + (n === 1 ? "an assessment, " : n + " assessments, ") +
      and(found.list.map(function (a) { return "\u201c" + a.name + "\u201d" })) + ". Bring them here? The copy there is left as it is.", "info",
      [button("Bring them here", function () { S.offerUndo(root, added(S.bringFrom(found), where) + " The copy there is left as it is. You can undo this.") }, true)])
  }

  function onImport(root, input, then) {
    S.readFile(input.files[0], function (result) {
      input.value = ""
      if (result.error) return say(root, result.error, "error", null, true)
      var data = result.data, list = data.assessments, tools = list[0].tools
      var left = result.dropped.length ? " These answers in the file could not be read and are left out: " +
        result.dropped.join(", ") + "." : ""
      var when = " (exported " + S.date(data.exported, true) + (data.by ? " by " + data.by : "") + ")"
      // A file of several, or a restore into a browser whose only assessment is empty:
      // each assessment keeps its name, dates and maker, and the message says where.
      var fill = S.restoreTarget(), add = function () {
        var done = S.addAll(data)
        if (then) then()
        S.offerUndo(root, added(done, "the file") + left + " You can undo this.")
      }
      if (list.length > 1) {
        return say(root, "This file" + when + " holds " + list.length + " assessments: " + and(list.map(function (a) { return "\u201c" + a.name + "\u201d" })) +
          ". Each will be added" + (fill ? ", the first in place of the empty \u201c" + S.current().name + "\u201d." : " as a new assessment; your own stay as they are.") + left, "warning",
          [button("Add them", add, true), button("Cancel", function () { say(root, "Nothing was imported.", "info", null, true) })], "button")
      }
      if (!Object.keys(tools).length) return say(root, "This file has no answers in it, so nothing was imported.", "error", null, true)
      if (fill) return add()
      var go = function (mode) {
        return function () {
          S.apply(tools, mode)
          if (then) then()
          S.offerUndo(root, "Answers imported into \u201c" + S.current().name + "\u201d" + (mode === "replace" ? " (replaced)" : "") + "." + left + " You can undo this.")
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

  // Each assessment's file handle kept across visits, where the browser allows it
  // (IndexedDB "ai-guide", store "files"); any failure is ignored.
  function files(mode, use) {
    try {
      var r = indexedDB.open("ai-guide", 1)
      r.onupgradeneeded = function () { r.result.createObjectStore("files") }
      r.onsuccess = function () { try { use(r.result.transaction("files", mode).objectStore("files")) } catch (e) {} }
    } catch (e) {}
  }

  // The handle kept on an earlier visit (toolbar.js asks when the assessment has a file).
  function relink(id) {
    files("readonly", function (store) {
      var g = store.get(id)
      g.onsuccess = function () { if (g.result) { S.linked[id] = g.result; S.showAssess() } }
    })
  }

  function link(id, h) {
    S.linked[id] = h
    S.saveEntry({ id: id, file: h.name })
    files("readwrite", function (store) { store.put(h, id) })
  }

  // Every saved change goes to the assessment's file, if it has one, after a pause.
  var fileTimer
  function writeFile(id) {
    var h = S.linked[id]
    if (!h) return
    clearTimeout(fileTimer)
    fileTimer = setTimeout(function () {
      var text = JSON.stringify(S.envelope(null, S.siteVersion()), null, 2)
      var ask = h.requestPermission ? h.requestPermission({ mode: "readwrite" }) : Promise.resolve("granted")
      ask.then(function (state) {
        if (state !== "granted") return
        return h.createWritable().then(function (w) { return w.write(text).then(function () { return w.close() }) })
          .then(function () { S.markExported(true); S.showAssess() })
      }).catch(function () {})
    }, 300)
  }

  function assessAction(root, what) {
    var a = S.current()
    if (what === "switch") {
      var id = root.querySelector("[data-aig-assess-select]").value
      if (id !== a.id) { S.switchTo(id); say(root, "You are now in \u201c" + S.labels()[id] + "\u201d.", "success", null, true) }
    } else if (what === "new" || what === "duplicate" || what === "rename") {
      var dup = what === "duplicate"
      S.askName(root, what === "rename" ? "New name for \u201c" + a.name + "\u201d" : dup ?
        "Name of the copy (for example a re-assessment or a dated baseline)" : "Name of the new assessment (for example the AI project)",
        what === "rename" ? a.name : dup ? a.name + " " + S.day(S.today()) : "",
        what === "rename" ? "Rename" : "Create", function (name) {
          if (what === "rename") { S.rename(a.id, name); return say(root, "Renamed to \u201c" + name + "\u201d.", "success", null, true) }
          S.create(name, dup ? a.id : null)
          if (dup) return say(root, "You are now in \u201c" + name + "\u201d, a copy of \u201c" + a.name + "\u201d.", "success", null, true)
          // Until its first answer; a new assessment is a moment to keep a copy of the others.
          say(root, "You are now in \u201c" + name + "\u201d, which has no answers yet. Your other assessments stay in this browser only: " +
            "export them to keep a copy.", "success", [button("Export every assessment", function () { S.exportJson(root, "every") })], true)
            .setAttribute("data-aig-while-empty", "")
        }, "Nothing was changed.", function (name) { return name ? "" : "Enter a name for the assessment" })
    } else if (what === "delete") {
      say(root, "This deletes \u201c" + a.name + "\u201d and every answer in it from this browser. You can undo this straight after. Are you sure?",
        "warning", [button("Yes, delete it", function () { S.removeAssessment(a.id); S.offerUndo(root, "\u201c" + a.name + "\u201d was deleted.") }, true),
          button("Cancel", function () { say(root, "Nothing was deleted.", "info", null, true) })], "button")
    } else if (what === "export") S.exportJson(root, true)
    else if (what === "keep-file") {
      window.showSaveFilePicker({ suggestedName: "ai-guide-" + S.fileStem() + ".json",
        types: [{ description: "Answers (JSON)", accept: { "application/json": [".json"] } }] }).then(function (h) {
        link(a.id, h)
        writeFile(a.id)
        say(root, "\u201c" + a.name + "\u201d is now kept in the file \u201c" + h.name + "\u201d: every change is written to it.", "success", null, true)
      }, function () {})
    } else if (what === "open-file") {
      window.showOpenFilePicker({ types: [{ description: "Answers (JSON)", accept: { "application/json": [".json"] } }] }).then(function (hs) {
        return hs[0].getFile().then(function (f) { S.onImport(root, { files: [f] }, function () { link(S.current().id, hs[0]) }) })
      }, function () {})
    }
    S.showAssess()
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
      rows.push([id, "", S.STATUS[a.status] || a.status, a.owner, a.due, a.notes, "no longer in the guide"])
    }
    S.downloadCsv(S.fileStem() + "-" + ctx.tool + ".csv", rows)
  }

  // A short inline form (never a browser prompt): a labelled text box and two buttons.
  // check(value): an error to show (GOV.UK error message: the field stays and takes focus).
  function askName(root, label, value, verb, done, cancelled, check) {
    var id = "aig-ask-" + Date.now(), input = S.el("input"), lab = S.el("label", null, label), error = S.el("p", "aig-error")
    input.type = "text"
    input.id = lab.htmlFor = id
    input.maxLength = 100
    input.value = value
    error.id = id + "-error"
    error.hidden = true
    var go = function () {
      var v = input.value.trim(), why = check ? check(v) : ""
      if (!why) return done(v)
      error.textContent = " " + why
      error.insertBefore(S.el("span", "aig-vh", "Error:"), error.firstChild)
      error.hidden = false
      input.setAttribute("aria-describedby", error.id)
      input.setAttribute("aria-invalid", "true")
      error.closest(".aig-msg").classList.add("aig-msg--error")
      input.blur() // focused again, so the field is read with its error
      input.focus()
    }
    input.addEventListener("keydown", function (e) { if (e.key === "Enter") go() })
    say(root, "", "info", [lab, error, input, button(verb, go, true), button("Cancel", function () { say(root, cancelled, "info", null, true) })], input)
  }

  S.onImport = onImport
  S.offerElsewhere = offerElsewhere
  Object.assign(S, { writeFile: writeFile, relink: relink })
  S.askName = askName
  // The readiness assessment as a spreadsheet: component, area, level and notes.
  S.actions["export-csv-rating"] = function (ctx) {
    var rows = [["id", "component", "area", "level", "notes"]]
    S.$$(ctx.root, "[data-aig-item]").forEach(function (item) {
      var id = item.getAttribute("data-aig-item"), a = ctx.record.answers[id] || {}
      rows.push([id, item.getAttribute("data-aig-name"), document.getElementById("area-" + item.getAttribute("data-aig-area")).textContent,
        a.level ? S.levelText(a) : "", a.notes])
    })
    S.downloadCsv(S.fileStem() + "-readiness.csv", rows)
  }
  S.exportCsv = exportCsv
  S.assessAction = assessAction
})()
