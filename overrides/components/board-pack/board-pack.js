// Board pack: fills the page's sections with the current assessment's answers
// (textContent only), the summary at the top, and one Word document of it all.
;(function () {
  "use strict"
  var S = window.AIG
  if (S.loaded["board-pack"]) return S.init() // already loaded on an earlier page
  var WORD = document.currentScript && new URL("../word/word.js", document.currentScript.src).href
  var DONE = { completed: 1, "not-applicable": 1 }

  function iso(d) { return new Date(d - d.getTimezoneOffset() * 6e4).toISOString().slice(0, 10) }
  // "2026-11-27" -> "27 November 2026" (UK style); anything else as it is.
  function day(s) { return /^\d{4}-\d\d-\d\d$/.test(s || "") ? S.date(s + "T12:00") : s || "" }
  function given(a) { return !!a && Object.keys(a).some(function (f) { return f !== "rev" && a[f] !== "" && a[f] !== false }) }
  function name() { return S.current ? S.current().name : "My assessment" }
  function n(x, word) { return x + " " + word }

  // Where a tool stands: [state, progress] from its answers and item ids.
  function standing(kind, answers, ids) {
    var c = { done: 0, doing: 0, na: 0, unknown: 0, chosen: 0, any: 0 }
    ids.forEach(function (id) {
      var a = answers[id] || {}
      if (given(a)) c.any++
      if (kind === "checklist") { if (a.status === "completed") c.done++; else if (a.status === "not-applicable") c.na++; else if (a.status === "in-progress") c.doing++ }
      else if (kind === "rating") { if (a.level === "unknown") c.unknown++; else if (a.level) c.done++ }
      else if (kind === "benefits") { if (a.chosen) { c.chosen++; if (a.measure && a.baseline && a.target) c.done++ } }
      else if (a.text && a.text.trim()) c.done++
    })
    var total = ids.length - c.na, progress
    if (kind === "checklist") progress = n(c.done, "completed") + ", " + n(c.doing, "in progress") + ", " +
      n(total - c.done - c.doing, "not started") + (c.na ? " (" + c.na + " not applicable)" : "")
    else if (kind === "rating") progress = (c.done + c.unknown) + " of " + total + " rated" + (c.unknown ? " (" + c.unknown + " \u201cDon\u2019t know\u201d)" : "")
    else if (kind === "benefits") progress = n(c.chosen, c.chosen === 1 ? "indicator" : "indicators") + " chosen, " + c.done + " with a measure, baseline and target"
    else progress = c.done + " of " + total + " boxes written"
    var complete = kind === "benefits" ? c.chosen && c.done === c.chosen : kind === "rating" ? c.done + c.unknown === total : c.done === total
    return [!c.any ? "Not started" : complete ? "Completed" : "In progress", c.any ? progress : "No answers yet"]
  }

  function cellText(td, a, levels) {
    var f = td.getAttribute("data-aig-cell"), v = a[f]
    if (f === "status") return S.STATUS[v || "not-started"] || v
    if (f === "level") return v === "unknown" ? "Don't know" : v ? v + " \u2013 " + (levels[v] || "") : "Not rated"
    if (f === "due" || td.hasAttribute("data-aig-date")) v = day(v)
    if (f === "text" && !(v || "").trim()) return "Not written yet"
    return v == null ? "" : String(v)
  }

  function fill(root) {
    var today = day(iso(new Date())), levels = JSON.parse(root.querySelector("[data-aig-levels]").getAttribute("data-aig-levels"))
    var late = root.querySelector("[data-aig-late-rows]")
    late.textContent = ""
    S.$$(root, "[data-aig-pack-assessment], [data-aig-pack-name]").forEach(function (e) { e.textContent = name() })
    root.querySelector("[data-aig-running]").textContent = "Board pack: " + name() + " \u2013 " + today
    root.querySelector("[data-aig-pack-meta]").textContent = today + ". Site version " + root.getAttribute("data-aig-site-version") +
      ". Guide version " + root.getAttribute("data-aig-guide-version") + "."

    S.$$(root, "section[data-aig-section]").forEach(function (sec) {
      var tool = sec.getAttribute("data-aig-section")
      if (!sec.querySelector("[data-aig-some]")) return
      var answers = S.read(tool).answers, title = sec.querySelector("h2").textContent, any = false
      S.$$(sec, "[data-aig-pack-item]").forEach(function (row) {
        var a = answers[row.getAttribute("data-aig-pack-item")] || {}, cond = row.getAttribute("data-aig-if")
        if (cond) row.hidden = !a[cond]
        if (cond ? a[cond] : given(a)) any = true
        ;(row.hasAttribute("data-aig-cell") ? [row] : S.$$(row, "[data-aig-cell]")).forEach(function (td) {
          td.textContent = cellText(td, a, levels)
          td.classList.toggle("aig-pack__empty", td.textContent === "Not written yet")
        })
        if (a.due && a.due < iso(new Date()) && row.querySelector("[data-aig-cell=status]") && !DONE[a.status]) {
          var tr = S.el("tr"), th = tr.appendChild(S.el("th", null, row.cells[0].textContent))
          th.scope = "row"
          ;[title, day(a.due), a.owner || "", S.STATUS[a.status || "not-started"]].forEach(function (t) { tr.appendChild(S.el("td", null, t)) })
          late.appendChild(tr)
        }
      })
      sec.querySelector("[data-aig-none]").hidden = any
      sec.querySelector("[data-aig-some]").hidden = !any
      sec.classList.toggle("aig-pack__section--none", !any)
    })
    root.querySelector("[data-aig-late]").hidden = !late.children.length
    root.querySelector("[data-aig-late-none]").hidden = !!late.children.length

    S.$$(root, "[data-aig-pack-tool]").forEach(function (tr) {
      var s = standing(tr.getAttribute("data-aig-kind"), S.read(tr.getAttribute("data-aig-pack-tool")).answers, tr.getAttribute("data-aig-ids").split(" "))
      tr.cells[1].textContent = s[0]
      tr.cells[2].textContent = s[1]
    })
    readiness(root, levels)
  }

  function readiness(root, levels) {
    var answers = S.read("readiness-assessment").answers, sec = root.querySelector("[data-aig-section=readiness-assessment]")
    var rows = S.$$(sec, "[data-aig-pack-item]"), names = {}
    rows.forEach(function (r) { names[r.getAttribute("data-aig-pack-item")] = r.cells[0].textContent })
    S.$$(sec, "[data-aig-pack-area]").forEach(function (tr) {
      var s = S.readiness.score(answers, tr.getAttribute("data-aig-pack-area").split(" "))
      tr.cells[1].textContent = s.score === null ? "\u2013" : s.score.toFixed(1)
      tr.cells[2].textContent = s.rated + " of " + s.total
      tr.cells[3].textContent = String(s.unknown)
    })
    var box = sec.querySelector("[data-aig-pack-chart]")
    box.textContent = ""
    box.appendChild(S.compare.chart(rows.map(function (r) {
      var l = Number((answers[r.getAttribute("data-aig-pack-item")] || {}).level)
      return { name: r.cells[0].textContent, values: [l > 0 ? l : null] }
    }), ["Level"], "Bar chart of the readiness level, 1 to 5, of each component. The table below gives the same figures."))
    var weak = S.readiness.weakest(answers, Object.keys(names)), list = root.querySelector("[data-aig-weak]")
    list.textContent = ""
    weak.forEach(function (w) { list.appendChild(S.el("li", null, names[w.id] + ": level " + w.level + " of 5 (" + levels[w.level] + ")")) })
    list.hidden = !weak.length
    root.querySelector("[data-aig-weak-none]").hidden = !!weak.length
  }

  // One Word document with the same sections (those printed), and real tables.
  function word(root) {
    var today = day(iso(new Date()))
    var sections = S.$$(root, "section[data-aig-section]").filter(function (s) { return !s.hidden && !s.classList.contains("aig-compare--none") })
    return {
      title: "Board pack: " + name(),
      subtitle: [today, "Site version " + root.getAttribute("data-aig-site-version") + ". Guide version " + root.getAttribute("data-aig-guide-version") + "."],
      header: "Board pack: " + name() + " \u2013 " + today,
      footer: "Made with the AI deployment guide",
      sections: sections.map(function (s, i) {
        return { heading: s.querySelector("h2").textContent, pageBreakBefore: i > 0, blocks: window.AIGWord.blocks(s) }
      })
    }
  }

  S.pages["board-pack"] = function (root) {
    fill(root)
    document.addEventListener("aig:change", function () { if (root.isConnected) fill(root) })
    root.addEventListener("click", function (e) {
      var b = e.target.closest("[data-aig-pack-do]")
      if (!b) return
      if (b.getAttribute("data-aig-pack-do") === "print") return window.print()
      function go() {
        window.AIGWord.download("board-pack-" + (S.fileStem ? S.fileStem() : iso(new Date())), word(root))
          .catch(function (err) { S.say(root, err.message, "error") })
      }
      if (window.AIGWord) return go()
      var s = document.createElement("script")
      s.src = WORD
      s.onload = go
      s.onerror = function () { s.remove(); S.say(root, "The Word export could not be loaded, so no file was made. Reload the page and try again.", "error") }
      document.head.appendChild(s)
    })
  }
  S.loaded["board-pack"] = true
  S.init()
})()
