// Enhances the tools' server-rendered HTML: restores saved answers, saves every
// change, shows progress, and runs the export / import / reset toolbar.
// User text only ever goes into form values and textContent, never into HTML.
;(function () {
  "use strict"
  var S = window.AIG
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
    ctx.record = S.read(ctx.tool)
    setupBar(root)
    var aside = S.unreadableNotice(ctx.tool)
    if (aside) say(root, S.unreadableText(root.getAttribute("data-aig-title"), aside), "error")
    var kind = S.kinds[ctx.kind]
    if (kind && kind.setup) kind.setup(ctx, say)
    setupCounts(ctx)
    fill(ctx)
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

  // Runs on first load and after each instant navigation; safe to run twice.
  function init() {
    document.documentElement.classList.add("aig-js")
    $$(document, "[data-aig-tool]:not([data-aig-ready])").concat($$(document, "[data-aig-page]:not([data-aig-ready])"))
      .forEach(function (root) {
        root.setAttribute("data-aig-ready", "1")
        if (root.hasAttribute("data-aig-tool")) return setupTool(root)
        var page = S.pages[root.getAttribute("data-aig-page")]
        if (page) { if (root.querySelector("[data-aig-bar]")) setupBar(root); page(root) }
      })
  }

  // Status names come from the page, so wording lives in one place (the template).
  function readStatuses() {
    var sel = document.querySelector("[data-aig-field=status]")
    if (sel) $$(sel, "option").forEach(function (o) { STATUS[o.value] = o.textContent })
    else Object.assign(STATUS, { "not-started": "Not started", "in-progress": "In progress", completed: "Completed", "not-applicable": "Not applicable" })
  }

  function start() {
    readStatuses()
    init()
    // Material's instant navigation swaps the page without a load event.
    if (window.document$ && window.document$.subscribe) window.document$.subscribe(function () { readStatuses(); init() })
  }
  // Deferred scripts run before DOMContentLoaded: wait for it, so that the
  // scripts after this one (readiness, case, ...) have registered themselves.
  if (document.readyState === "complete") start()
  else document.addEventListener("DOMContentLoaded", start)
})()

// My progress: every tool's progress and last change, and answers whose item has
// left the guide (kept, listed and exported, never dropped).
;(function () {
  "use strict"
  var S = window.AIG

  function when(iso) {
    var d = iso && new Date(iso)
    return d && !isNaN(d) ? d.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" }) : "Never"
  }

  function render(root) {
    var list = root.querySelector("[data-aig-orphan-list]")
    var known = {}
    list.textContent = ""
    S.$$(root, "[data-aig-row]").forEach(function (row) {
      var tool = row.getAttribute("data-aig-row"), ids = row.getAttribute("data-aig-ids").split(" ")
      var rec = S.read(tool)
      known[tool] = 1
      row.querySelector("[data-aig-progress]").textContent = rec.updated || Object.keys(rec.answers).length
        ? S.progress(row.getAttribute("data-aig-kind"), rec.answers, ids) : "No answers yet"
      row.querySelector("[data-aig-updated]").textContent = when(rec.updated)
      var aside = S.unreadableNotice(tool)
      if (aside) S.say(root, S.unreadableText(row.getAttribute("data-aig-title"), aside), "error")
      Object.keys(rec.answers).forEach(function (id) {
        if (ids.indexOf(id) < 0) orphan(list, row.getAttribute("data-aig-title"), id, rec.answers[id])
      })
    })
    // Answers saved for a tool this version of the site no longer has.
    S.savedTools().forEach(function (tool) {
      if (known[tool]) return
      var rec = S.read(tool)
      Object.keys(rec.answers).forEach(function (id) { orphan(list, tool, id, rec.answers[id]) })
    })
    root.querySelector("[data-aig-orphans]").hidden = !list.children.length
  }

  function orphan(list, title, id, answer) {
    var li = S.el("li")
    li.appendChild(S.el("strong", null, title + ": " + id))
    li.appendChild(document.createTextNode(" (no longer in the guide) "))
    li.appendChild(S.el("span", "aig-muted", Object.keys(answer).map(function (f) {
      return f + ": " + answer[f]
    }).join("; ")))
    list.appendChild(li)
  }

  S.pages["my-progress"] = function (root) {
    render(root)
    document.addEventListener("aig:change", function () { if (root.isConnected) render(root) })
  }
})()
