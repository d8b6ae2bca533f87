// My progress: every tool's progress and last change in the current assessment,
// every assessment in this browser, whether the browser keeps them persistently,
// and answers whose item has left this site (kept, listed and exported, never dropped).
;(function start() {
  "use strict"
  var S = window.AIG
  if (!S) return AIGWait.push(start)
  if (S.loaded["my-progress"]) return S.init() // already loaded on an earlier page

  function when(iso) { return S.date(iso, true) }

  function render(root) {
    var list = root.querySelector("[data-aig-orphan-list]")
    var known = {}
    list.textContent = ""
    S.$$(root, "[data-aig-tool-row]").forEach(function (row) {
      var tool = row.getAttribute("data-aig-tool-row"), ids = row.getAttribute("data-aig-ids").split(" ")
      var rec = S.read(tool)
      known[tool] = 1
      row.querySelector("[data-aig-progress]").textContent = rec.updated || Object.keys(rec.answers).length
        ? S.progress(row.getAttribute("data-aig-kind"), rec.answers, row.getAttribute("data-aig-counted").split(" ")) : "No answers yet"
      row.querySelector("[data-aig-updated]").textContent = when(rec.updated)
      var aside = S.unreadableNotice(tool)
      if (aside) S.say(root, S.unreadableText(row.getAttribute("data-aig-title"), aside), "error")
      Object.keys(rec.answers).forEach(function (id) {
        if (ids.indexOf(id) < 0) orphan(list, row.getAttribute("data-aig-title"), id, rec.answers[id])
      })
    })
    // Answers saved for a tool this version of the site no longer has.
    S.toolsIn().forEach(function (tool) {
      if (known[tool]) return
      var rec = S.read(tool)
      Object.keys(rec.answers).forEach(function (id) { orphan(list, tool, id, rec.answers[id]) })
    })
    root.querySelector("[data-aig-orphans]").hidden = !list.children.length
    var body = root.querySelector("[data-aig-assessment-rows]"), cur = S.current().id
    body.textContent = ""
    var names = S.labels()
    S.assessments().forEach(function (a) {
      var tr = S.el("tr"), th = S.el("th", null, names[a.id] + (a.id === cur ? " (this one)" : ""))
      th.scope = "row"
      tr.appendChild(th)
      ;[when(a.changed), when(a.exported), a.file || "No"].forEach(function (t) { tr.appendChild(S.el("td", null, t)) })
      body.appendChild(tr)
    })
    root.querySelector("[data-aig-assessments]").hidden = false
  }

  // Whether this browser keeps the answers when it clears storage to save space.
  function persistence(root) {
    var out = root.querySelector("[data-aig-persist]")
    if (!navigator.storage || !navigator.storage.persisted) return (out.textContent = "This browser cannot say whether it keeps your answers: export them to keep a copy.")
    navigator.storage.persisted().then(function (yes) {
      out.textContent = yes ? "This browser keeps your answers persistently: it will not clear them to save space (clearing site data by hand, or a shared desktop that is wiped at log-off, still removes them)."
        : "This browser does not promise to keep your answers: it may clear them when it runs short of space, and shared desktops are often wiped at log-off. Export them, or keep each assessment in a file."
    })
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
    persistence(root)
    render(root)
    // Answers under another path of this site (it moved): manage.js offers to bring them.
    if (!S.cannotSave() && S.elsewhere().length) S.later(function () { S.offerElsewhere(root) })
    document.addEventListener("aig:change", function () { if (root.isConnected) render(root) })
  }
  S.loaded["my-progress"] = true
  S.init()
})()
