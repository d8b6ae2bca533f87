// Readiness self-assessment: scores per area and overall (average of the levels
// given; "Don't know" counted apart), a chart with the table's figures, the weakest
// components with what helps; "N of M rated" as you go (M from the page), the results
// after the last component, and "Print your results" to print them alone.
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

  // Each area's name above its bar, so the text stays readable on a phone's width.
  function chart(rows) {
    var w = 400, pad = 8, step = 44, h = rows.length * step + 30, unit = (w - pad - 40) / 5
    var root = svg("svg", { viewBox: "0 0 " + w + " " + h, class: "aig-chart", role: "img", "aria-labelledby": "aig-chart-title" })
    root.appendChild(svg("title", { id: "aig-chart-title" }, "Bar chart of readiness scores out of 5: " +
      rows.map(function (r) { return r.name + " " + fmt(r.score) }).join(", ") + ". The table below gives the same figures."))
    rows.forEach(function (r, i) {
      var y = i * step
      root.appendChild(svg("text", { x: pad, y: y + 14 }, r.name))
      if (r.score !== null) root.appendChild(svg("rect", { class: "bar", x: pad, y: y + 20, height: 16, width: Math.max(2, r.score * unit) }))
      root.appendChild(svg("text", { x: pad + (r.score || 0) * unit + 6, y: y + 33 }, fmt(r.score)))
    })
    var base = rows.length * step + 4
    root.appendChild(svg("line", { class: "axis", x1: pad, x2: pad + 5 * unit, y1: base, y2: base }))
    for (var n = 0; n <= 5; n++) root.appendChild(svg("text", { x: pad + n * unit - 3, y: base + 16 }, String(n)))
    return root
  }

  S.readiness = { score: score, weakest: weakest }

  // Set text only when it changes (no needless redraws).
  function put(el, text) { if (el.textContent !== text) el.textContent = text }
  function dontKnow(n) { return n ? " (" + n + " \u201cDon\u2019t know\u201d)" : "" }

  function progressLines(ctx, overall) {
    var root = ctx.root, answers = ctx.record.answers
    var done = overall.rated + overall.unknown, total = overall.total, all = done === total
    S.$$(root, "[data-aig-area-progress]").forEach(function (p) {
      var area = p.getAttribute("data-aig-area-progress")
      var ids = S.$$(root, "[data-aig-item][data-aig-area='" + area + "']").map(function (f) { return f.getAttribute("data-aig-item") })
      var a = score(answers, ids), heading = root.querySelector("#area-" + area)
      put(p, (heading ? heading.textContent + ": " : "") + (a.rated + a.unknown) + " of " + a.total + " rated. In all, " +
        done + " of " + total + " rated" + (all ? ": your results are after the last component." : "."))
      p.hidden = !done
    })
    put(root.querySelector("[data-aig-results-progress]"), all
      ? "You have rated all " + total + " components" + dontKnow(overall.unknown) + "."
      : "You have rated " + done + " of " + total + " components so far" + dontKnow(overall.unknown) +
        ". The others are left out of the scores until you rate them.")
    var top = root.querySelector("[data-aig-summary-top]")
    var text = (overall.score === null ? "No score yet: every component you rated is \u201cDon\u2019t know\u201d. "
      : "Overall readiness " + fmt(overall.score) + " out of 5, from " + done + " of " + total + " components rated. ")
    if (top.getAttribute("data-text") !== text) {
      top.setAttribute("data-text", text)
      top.textContent = text
      var link = S.el("a", null, "See your results and where to start improving")
      link.href = "#results"
      top.appendChild(link)
    }
    top.hidden = !done
  }

  // Print the results alone: the page title, the assessment's name and the results.
  S.actions["print-results"] = function () {
    var html = document.documentElement
    html.classList.add("aig-print-results")
    window.addEventListener("afterprint", function done() {
      html.classList.remove("aig-print-results")
      window.removeEventListener("afterprint", done)
    })
    window.print()
  }

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
      progressLines(ctx, rows[rows.length - 1])
    }
  }
  S.loaded["readiness"] = true
  S.init()
})()
