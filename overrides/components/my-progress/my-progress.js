// My progress: every tool's progress and last change, and answers whose item has
// left the guide (kept, listed and exported, never dropped).
;(function () {
  "use strict"
  var S = window.AIG
  if (S.loaded["my-progress"]) return S.init() // already loaded on an earlier page

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
  S.loaded["my-progress"] = true
  S.init()
})()
