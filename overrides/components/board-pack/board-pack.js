// Board pack: fills the page's sections with the current assessment's answers
// (textContent only), the summary at the top, and one Word document of it all.
;(function start() {
  "use strict"
  var S = window.AIG
  if (!S) return AIGWait.push(start)
  if (S.loaded["board-pack"]) return S.init() // already loaded on an earlier page
  var DONE = { completed: 1, "not-applicable": 1 }

  function name() { return S.current().name }
  function and(xs) { return xs.length < 2 ? xs.join("") : xs.slice(0, -1).join(", ") + " and " + xs[xs.length - 1] }

  // Where a tool stands: [state, progress] from its answers and item ids.
  function standing(kind, answers, ids) {
    var c = S.count(kind, answers, ids)
    var complete = kind === "benefits" ? c.chosen && c.done === c.chosen : kind === "rating" ? c.done + c.unknown === c.total : c.done === c.total
    return [!c.any ? "Not started" : complete ? "Completed" : "In progress", c.any ? S.progress(kind, answers, ids, true) : "No answers yet"]
  }

  function cellText(td, a, levels) {
    var f = td.getAttribute("data-aig-cell"), v = a[f]
    if (f === "status") return S.STATUS[v || "not-started"] || v
    if (f === "level") return v === "unknown" ? "Don't know" : v ? v + " \u2013 " + (levels[v] || "") : "Not rated"
    if (f === "due" || td.hasAttribute("data-aig-date")) v = S.day(v)
    return v == null ? "" : String(v)
  }

  function fill(root) {
    var today = S.day(S.today()), levels = JSON.parse(root.querySelector("[data-aig-levels]").getAttribute("data-aig-levels"))
    var late = root.querySelector("[data-aig-late-rows]")
    late.textContent = ""
    S.$$(root, "[data-aig-pack-assessment], [data-aig-pack-name]").forEach(function (e) { e.textContent = name() })
    root.querySelector("[data-aig-running]").textContent = "Board pack: " + name() + " \u2013 " + today
    root.querySelector("[data-aig-pack-meta]").textContent = today + ". Site version " + root.getAttribute("data-aig-site-version") +
      ". Guide version " + root.getAttribute("data-aig-guide-version") + "."

    S.$$(root, "section[data-aig-section]").forEach(function (sec) {
      if (!sec.querySelector("[data-aig-pack-item]")) return // the summary, the comparison
      var answers = S.read(sec.getAttribute("data-aig-section")).answers, title = sec.querySelector("h2").textContent
      var any = false, unanswered = [], line = sec.querySelector("[data-aig-unanswered]"), lines = 0
      S.$$(sec, "[data-aig-pack-item]").forEach(function (row) {
        var a = answers[row.getAttribute("data-aig-pack-item")] || {}, cond = row.getAttribute("data-aig-if")
        var shown = cond ? !!a[cond] : S.given(a)
        if (shown) any = true
        // Only what has an answer is listed (benefits: those chosen); the rest is counted or named once.
        if (cond || line) row.hidden = !shown
        if (line && !shown) unanswered.push(row.querySelector("th, h4").textContent)
        S.$$(row, "[data-aig-cell]").forEach(function (td) { td.textContent = cellText(td, a, levels) })
        if (!row.hidden) lines += 1 + Math.floor(row.textContent.length / 150)
        if (a.due && a.due < S.today() && row.querySelector("[data-aig-cell=status]") && !DONE[a.status]) {
          var tr = S.el("tr"), th = tr.appendChild(S.el("th", null, row.cells[0].textContent))
          th.scope = "row"
          ;[title, S.day(a.due), a.owner || "", S.STATUS[a.status || "not-started"]].forEach(function (t) { tr.appendChild(S.el("td", null, t)) })
          late.appendChild(tr)
        }
      })
      S.$$(sec, "[data-aig-pack-group]").forEach(function (g) { g.hidden = !g.querySelector("[data-aig-pack-item]:not([hidden])") })
      if (line) {
        line.hidden = !unanswered.length
        line.textContent = line.getAttribute("data-aig-unanswered") === "count"
          ? "Not listed: " + unanswered.length + (unanswered.length === 1 ? " item" : " items") + " with no answer yet."
          : "Not written yet: " + and(unanswered) + "."
      }
      // A tool with no answers has no section (the summary names it). A long section
      // (about half a page or more) starts a new page; a shorter one follows on.
      sec.hidden = !any
      sec.classList.toggle("aig-pack__section--long", lines + (sec.querySelector("[data-aig-pack-chart]") ? 14 : 0) > 30)
    })
    root.querySelector("[data-aig-late]").hidden = !late.children.length
    root.querySelector("[data-aig-late-none]").hidden = !!late.children.length

    var none = []
    S.$$(root, "[data-aig-pack-tool]").forEach(function (tr) {
      var s = standing(tr.getAttribute("data-aig-kind"), S.read(tr.getAttribute("data-aig-pack-tool")).answers, tr.getAttribute("data-aig-ids").split(" "))
      tr.cells[1].textContent = s[0]
      tr.cells[2].textContent = s[1]
      if (s[0] === "Not started") none.push(tr.cells[0].textContent)
    })
    var notStarted = root.querySelector("[data-aig-not-started]")
    notStarted.hidden = !none.length
    notStarted.textContent = "Not started, so not in this pack: " + and(none) + "."
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
    box.appendChild(S.chart(rows.map(function (r) {
      var l = Number((answers[r.getAttribute("data-aig-pack-item")] || {}).level)
      return { name: r.cells[0].textContent, values: [l > 0 ? l : null] }
    }), ["Level"], "Bar chart of the readiness level of each component, on this website\u2019s 5-level scale. The table below gives the same figures."))
    var weak = S.readiness.weakest(answers, Object.keys(names)), list = root.querySelector("[data-aig-weak]")
    list.textContent = ""
    weak.forEach(function (w) { list.appendChild(S.el("li", null, names[w.id] + ": level " + w.level + " of 5 (" + levels[w.level] + ")")) })
    list.hidden = !weak.length
    root.querySelector("[data-aig-weak-none]").hidden = !!weak.length
  }

  // One Word document with the same sections (those printed), and real tables.
  function word(root, Word) {
    var today = S.day(S.today())
    var sections = S.$$(root, "section[data-aig-section]").filter(function (s) { return !s.hidden && !s.classList.contains("aig-compare--none") })
    return {
      title: "Board pack: " + name(),
      subtitle: [today, "Site version " + root.getAttribute("data-aig-site-version") + ". Guide version " + root.getAttribute("data-aig-guide-version") + "."],
      header: "Board pack: " + name() + " \u2013 " + today,
      footer: "Made with the AI deployment guide",
      sections: sections.map(function (s) {
        // As in print: a long section starts a new page, a short one follows on, kept whole.
        var long = s.classList.contains("aig-pack__section--long")
        return { heading: s.querySelector("h2").textContent, pageBreakBefore: long, keepTogether: !long, blocks: Word.blocks(s) }
      })
    }
  }

  S.pages["board-pack"] = function (root) {
    S.loadStyle("../board-pack/print.css", "print") // linked now rather than with the page's stylesheet
    fill(root)
    document.addEventListener("aig:change", function () { if (root.isConnected) fill(root) })
    root.addEventListener("click", function (e) {
      var b = e.target.closest("[data-aig-pack-do]")
      if (!b) return
      if (b.getAttribute("data-aig-pack-do") === "print") return window.print()
      S.word().then(function (Word) { return Word.download("board-pack-" + S.fileStem(), word(root, Word)) })
        .catch(function (err) { S.say(root, err.message, "error") })
    })
  }
  S.loaded["board-pack"] = true
  S.init()
})()
