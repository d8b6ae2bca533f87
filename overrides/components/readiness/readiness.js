// Readiness self-assessment: scores per area and overall (average of the levels
// given; "Don't know" counted apart, never as a low score), a bar chart with the
// same figures as the table, and the weakest components with what helps.
;(function () {
  "use strict"
  var S = window.AIG
  if (S.loaded["readiness"]) return S.init() // already loaded on an earlier page
  var SVG = "http://www.w3.org/2000/svg"

  function score(answers, ids) {
    var sum = 0, rated = 0, unknown = 0
    ids.forEach(function (id) {
      var level = (answers[id] || {}).level
      if (level === "unknown") unknown++
      else if (level) { sum += Number(level); rated++ }
    })
    return { score: rated ? sum / rated : null, rated: rated, unknown: unknown, total: ids.length }
  }

  // Components rated 1 or 2; if none, those at the lowest level given below 5.
  function weakest(answers, ids) {
    var rated = ids.filter(function (id) { var l = (answers[id] || {}).level; return l && l !== "unknown" })
      .map(function (id) { return { id: id, level: Number(answers[id].level) } })
    var low = rated.filter(function (r) { return r.level <= 2 })
    if (!low.length && rated.length) {
      var min = Math.min.apply(null, rated.map(function (r) { return r.level }))
      low = min < 5 ? rated.filter(function (r) { return r.level === min }) : []
    }
    return low.sort(function (a, b) { return a.level - b.level })
  }

  function fmt(x) { return x === null ? "\u2013" : x.toFixed(1) }

  function svg(tag, attrs, text) {
    var e = document.createElementNS(SVG, tag)
    for (var k in attrs) e.setAttribute(k, attrs[k])
    if (text != null) e.textContent = text
    return e
  }

  function chart(rows) {
    var w = 560, label = 170, h = rows.length * 30 + 24, unit = (w - label - 50) / 5
    var root = svg("svg", { viewBox: "0 0 " + w + " " + h, class: "aig-chart", role: "img", "aria-labelledby": "aig-chart-title" })
    root.appendChild(svg("title", { id: "aig-chart-title" }, "Bar chart of readiness scores out of 5: " +
      rows.map(function (r) { return r.name + " " + fmt(r.score) }).join(", ") + ". The table below gives the same figures."))
    rows.forEach(function (r, i) {
      var y = i * 30 + 6
      root.appendChild(svg("text", { x: 0, y: y + 15 }, r.name))
      if (r.score !== null) root.appendChild(svg("rect", { class: "bar", x: label, y: y + 2, height: 18, width: Math.max(2, r.score * unit) }))
      root.appendChild(svg("text", { x: label + (r.score || 0) * unit + 6, y: y + 15 }, fmt(r.score)))
    })
    var base = rows.length * 30 + 8
    root.appendChild(svg("line", { class: "axis", x1: label, x2: label + 5 * unit, y1: base, y2: base }))
    for (var n = 0; n <= 5; n++) root.appendChild(svg("text", { x: label + n * unit - 3, y: base + 14 }, String(n)))
    return root
  }

  S.readiness = { score: score, weakest: weakest }

  S.kinds.rating = {
    update: function (ctx) {
      var answers = ctx.record.answers, root = ctx.root
      var results = root.querySelector("[data-aig-results]")
      var rows = S.$$(results, "tr[data-aig-area]").map(function (tr) {
        var area = tr.getAttribute("data-aig-area")
        var ids = area === "overall" ? ctx.ids : tr.getAttribute("data-aig-components").split(" ")
        var s = score(answers, ids)
        tr.querySelector("[data-aig-score]").textContent = fmt(s.score)
        tr.querySelector("[data-aig-rated]").textContent = s.rated + " of " + s.total
        tr.querySelector("[data-aig-unknown]").textContent = String(s.unknown)
        s.name = tr.querySelector("th").textContent
        return s
      })
      results.hidden = !rows[rows.length - 1].rated && !rows[rows.length - 1].unknown
      var box = results.querySelector("[data-aig-chart]")
      box.textContent = ""
      box.appendChild(chart(rows))
      var list = results.querySelector("[data-aig-weakest]")
      list.textContent = ""
      weakest(answers, ctx.ids).forEach(function (w) {
        var item = root.querySelector("[data-aig-item='" + w.id + "']")
        var li = S.el("li")
        li.appendChild(S.el("strong", null, item.getAttribute("data-aig-name")))
        li.appendChild(document.createTextNode(": level " + w.level + " of 5. "))
        var help = item.querySelector("[data-aig-help] ul").cloneNode(true)
        li.appendChild(help)
        list.appendChild(li)
      })
      results.querySelector("[data-aig-weakest-none]").hidden = !!list.children.length
    }
  }
  S.loaded["readiness"] = true
  S.init()
})()
