// Readiness self-assessment: scores per area and overall, a chart with the table's
// figures, the weakest components with what helps, "N of M rated" as you go, and
// "Print your results" to print them alone.
;(function start() {
  "use strict"
  var S = window.AIG
  if (!S) return AIGWait.push(start)
  if (S.loaded["readiness"]) return S.init() // already loaded on an earlier page

  var score = S.readiness.score, weakest = S.readiness.weakest

  function fmt(x) { return x === null ? "\u2013" : x.toFixed(1) }

  // Each area's name above its bar, so the text stays readable on a phone's width.
  function chart(rows) {
    return S.chart(rows.map(function (r) { return { name: r.name, values: [r.score] } }), ["Score"],
      "Bar chart of readiness scores out of 5: " + rows.map(function (r) { return r.name + " " + fmt(r.score) }).join(", ") +
      ". The table below gives the same figures.", { big: true, text: fmt })
  }

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
