// Above every tool and on My progress: the toolbar (export, import, reset, undo) and
// the assessment bar (switch, create, rename, duplicate, delete, keep in a file),
// together because each export or import changes what the bar shows.
;(function start() {
  "use strict"
  var S = window.AIG
  if (!S) return AIGWait.push(start)
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

  // The first export asks for a name or role: colleagues comparing files know whose it
  // is. which: "every" assessment, true: this one, false: this page's tools. Each export
  // is confirmed in a message that takes focus.
  function exportJson(root, which) {
    if (S.by() == null) return later(function () { S.askName(root, "Your name or role, written in the file so colleagues comparing answers know whose they are (optional)",
      "", "Export", function (v) { S.by(v); exportJson(root, which) }, "Nothing was exported.") })
    var every = which === "every", tools = which ? null : toolsOf(root), one = tools && tools.length === 1
    var data = every ? S.store.envelopeOfAll(S.siteVersion()) : S.envelope(tools, S.siteVersion())
    var name = "ai-guide-" + S.fileStem(every && "every assessment") + (one ? "-" + tools[0] : "") + ".json"
    S.download(name, "application/json", JSON.stringify(data, null, 2))
    S.markExported(!one, every && data.assessments.map(function (a) { return a.id }), data.exported)
    say(root, "Exported " + (every ? "every assessment" : "\u201c" + S.current().name + "\u201d") + " as " + name + ", in your downloads folder.",
      "success", null, true)
  }

  function offerUndo(root, text) {
    say(root, text, "success", [button("Undo", function () {
      S.undo()
      say(root, "Your previous answers are back.", "success", null, true)
    })], "button")
  }

  // The name question, import, managing assessments, keeping one in a file and the CSVs
  // (manage.js) load at first use: no page needs them before.
  function later(go) {
    if (S.onImport) return go()
    var js = el("script")
    js.src = document.querySelector("script[src*='core/toolbar.js']").src.replace(/toolbar\.js/, "manage.js")
    js.onload = go
    js.onerror = function () { js.remove() }
    document.head.appendChild(js)
  }
  function onImport(root, input, then) { later(function () { S.onImport(root, input, then) }) }

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
      else if (act === "export-csv") later(function () { S.exportCsv(root) })
      else if (act === "export-every") exportJson(root, "every")
      else if (act === "reset") onReset(root)
      else if (S.actions[act]) S.actions[act](root.__aig, say)
      else later(function () { S.actions[act](root.__aig, say) })
    })
    $$(root, "input[type=file][data-aig-action=import]").forEach(function (input) {
      input.addEventListener("change", function () { onImport(root, input) })
    })
    if (S.cannotSave()) warnCannotSave(root)
  }

  // Keeping an assessment in a file (File System Access API): manage.js links and writes.
  var canFile = !!window.showSaveFilePicker
  S.linked = {} // assessment id -> file handle

  function showAssess() {
    var a = S.current(), list = S.assessments(), names = S.labels()
    $$(document, "[data-aig-assess]").forEach(function (bar) {
      bar.querySelector("[data-aig-assess-name]").textContent = names[a.id]
      var sel = bar.querySelector("[data-aig-assess-select]")
      sel.textContent = ""
      list.forEach(function (x) { var o = el("option", null, names[x.id]); o.value = x.id; o.selected = x.id === a.id; sel.appendChild(o) })
      $$(bar, "[data-aig-assess-switch]").forEach(function (e) { e.hidden = list.length < 2 })
      $$(bar, "[data-aig-assess-do=keep-file], [data-aig-assess-do=open-file]").forEach(function (b) { b.hidden = !canFile })
      var file = bar.querySelector("[data-aig-assess-file]")
      file.textContent = a.file ? "Every change is written to the file \u201c" + a.file + "\u201d" +
        (S.linked[a.id] ? "." : " when you link it again (Keep in a file).") : ""
      var rem = bar.querySelector("[data-aig-assess-reminder]")
      rem.hidden = !S.needsExport(a)
    })
  }

  S.store.subscribe(function (news) {
    if (news.type !== "write") return
    if (S.linked[news.id]) S.writeFile(news.id) // linked by manage.js, so it is here
    $$(document, "[data-aig-while-empty]").forEach(function (m) { m.remove() }) // it has answers now
  })

  function setupAssess(root) {
    var bar = root.querySelector("[data-aig-assess]")
    if (!bar) return
    bar.addEventListener("click", function (e) {
      var b = e.target.closest("[data-aig-assess-do]")
      if (b) later(function () { S.assessAction(root, b.getAttribute("data-aig-assess-do")) })
    })
    var a = S.current()
    if (canFile && a.file && !S.linked[a.id]) later(function () { S.relink(a.id) }) // its file, linked on an earlier visit
    showAssess()
  }

  // Another assessment, or a change to the list: show it.
  document.addEventListener("aig:change", function (e) { if (!e.detail.tool) showAssess() })

  S.setupBar = setupBar
  S.warnCannotSave = warnCannotSave
  Object.assign(S, { offerUndo: offerUndo, exportJson: exportJson, showAssess: showAssess, later: later })
  S.loaded.toolbar = true
  S.init()
})()
