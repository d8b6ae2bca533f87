// The assessment tools on the shared engine (tools.js): readiness self-assessment,
// benefits planner, one-page business case, and the team view.
// Readiness self-assessment: scores per area and overall (average of the levels
// given; "Don't know" counted apart, never as a low score), a bar chart with the
// same figures as the table, and the weakest components with what helps.
;(function () {
  "use strict"
  var S = window.AIG
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
})()

// Benefits planner: show the measure fields of chosen indicators, and a summary table.
;(function () {
  "use strict"
  var S = window.AIG
  var MONEY = { yes: "Yes", no: "No" }

  function cell(tr, text, tag) { return tr.appendChild(S.el(tag || "td", null, text)) }
  S.kinds.benefits = {
    update: function (ctx) {
      var answers = ctx.record.answers, body = ctx.root.querySelector("[data-aig-summary-body]"), n = 0
      body.textContent = ""
      S.$$(ctx.root, "[data-aig-item]").forEach(function (item) {
        var a = answers[item.getAttribute("data-aig-item")] || {}
        item.classList.toggle("aig-chosen", !!a.chosen)
        if (!a.chosen) return
        n++
        var tr = S.el("tr"), th = cell(tr, item.getAttribute("data-aig-name"), "th")
        th.scope = "row"
        th.appendChild(S.el("span", "aig-muted", " (" + item.getAttribute("data-aig-area") + ")"))
        cell(tr, a.measure || "")
        cell(tr, [a.baseline && "from " + a.baseline, a.target && "to " + a.target, a.due && "by " + a.due].filter(Boolean).join(" "))
        cell(tr, a.owner || "")
        cell(tr, MONEY[a.money] || "Not decided")
        body.appendChild(tr)
      })
      ctx.root.querySelector("[data-aig-summary]").hidden = false
      ctx.root.querySelector("[data-aig-summary-table]").hidden = !n
      ctx.root.querySelector("[data-aig-summary-none]").hidden = !!n
    }
  }
})()

// One-page business case: word guide under each box (guides, never blocks),
// "Draft from my answers" (fills empty boxes only), and Markdown export.
;(function () {
  "use strict"
  var S = window.AIG
  var timers = {}

  function words(text) { return (text || "").trim().split(/\s+/).filter(Boolean).length }

  function count(box) {
    var area = box.querySelector("textarea"), out = box.querySelector("[data-aig-count]")
    var limit = Number(area.getAttribute("data-aig-words")), left = limit - words(area.value)
    out.textContent = left >= 0 ? "You have " + left + " word" + (left === 1 ? "" : "s") + " remaining (a guide, not a limit)"
      : "You have " + -left + " word" + (left === -1 ? "" : "s") + " too many (a guide, not a limit)"
    out.classList.toggle("aig-count--over", left < 0)
  }

  function labels(root, tool) {
    var out = {}
    S.$$(root, "[data-aig-labels='" + tool + "'] li").forEach(function (li) { out[li.getAttribute("data-id")] = li.textContent })
    return out
  }

  function line(parts) { return parts.filter(Boolean).join("; ") }

  // Text for each box, from the user's other tools ("" when there is nothing).
  function drafts(root) {
    var out = {}
    var benefits = S.read("benefits-planner").answers, names = labels(root, "benefits-planner")
    out.benefits = Object.keys(names).filter(function (id) { return benefits[id] && benefits[id].chosen }).map(function (id) {
      var a = benefits[id]
      return "- " + names[id] + (a.measure || a.baseline || a.target ? ": " + line([
        a.measure && "measured by " + a.measure, a.baseline && "baseline " + a.baseline,
        a.target && "target " + a.target + (a.due ? " by " + a.due : ""), a.owner && "owner " + a.owner]) : "")
    }).join("\n")
    var risks = S.read("risk-assurance").answers, riskNames = labels(root, "risk-assurance")
    out["risks-and-mitigations"] = Object.keys(riskNames).filter(function (id) {
      return risks[id] && risks[id].status !== "completed" && risks[id].status !== "not-applicable"
    }).map(function (id) {
      var a = risks[id]
      return "- " + riskNames[id] + " (" + (S.STATUS[a.status || "not-started"] || "Not started").toLowerCase() + ")" +
        (a.notes ? ": " + a.notes : "") + (a.owner ? " Owner: " + a.owner + "." : "")
    }).join("\n")
    var ready = S.read("readiness-assessment").answers, comps = labels(root, "readiness-assessment")
    var weak = S.readiness ? S.readiness.weakest(ready, Object.keys(comps)) : []
    out["implementation-plan"] = weak.length ? "Strengthen these parts of our readiness first:\n" + weak.map(function (w) {
      return "- " + comps[w.id] + " (now at level " + w.level + " of 5)"
    }).join("\n") : ""
    var problem = S.read("deployment-checklist").answers[root.getAttribute("data-aig-problem-item")]
    out.problem = problem && problem.notes ? problem.notes : ""
    return out
  }

  S.actions.draft = function (ctx, say) {
    var d = drafts(ctx.root), filled = [], kept = [], none = []
    Object.keys(d).forEach(function (id) {
      var box = ctx.root.querySelector("[data-aig-item='" + id + "']")
      var area = box.querySelector("textarea"), name = "\u201c" + box.getAttribute("data-aig-name") + "\u201d"
      if (!d[id]) none.push(name)
      else if (area.value.trim()) kept.push(name)
      else { area.value = d[id]; area.dispatchEvent(new Event("input", { bubbles: true })); filled.push(name) }
    })
    say(ctx.root, (filled.length ? "Filled from your answers: " + filled.join(", ") + "." : "No empty box could be filled.") +
      (kept.length ? " Left as you wrote them: " + kept.join(", ") + "." : "") +
      (none.length ? " Nothing in your other tools yet for: " + none.join(", ") + "." : ""), filled.length ? "success" : "info")
  }

  S.actions["export-md"] = function (ctx) {
    var md = ["# " + ctx.root.querySelector(".aig-case__title").textContent, ""]
    S.$$(ctx.root, ".aig-case__col").forEach(function (col) {
      md.push("## " + col.querySelector("h3").textContent, "")
      S.$$(col, "[data-aig-item]").forEach(function (box) {
        var a = ctx.record.answers[box.getAttribute("data-aig-item")] || {}
        md.push("### " + box.getAttribute("data-aig-name"), "", (a.text || "").trim() || "_Not written yet._", "")
      })
    })
    md.push("---", "", "Exported " + new Date().toLocaleString("en-GB") + " from the AI deployment guide site.")
    S.download("business-case-" + new Date().toISOString().slice(0, 10) + ".md", "text/markdown", md.join("\n") + "\n")
  }

  S.kinds.case = {
    setup: function (ctx) {
      ctx.root.querySelector("[data-aig-draft]").hidden = false
      S.$$(ctx.root, "[data-aig-count]").forEach(function (c) { c.setAttribute("aria-live", "polite") })
      // Count as the user types, announcing only once they pause.
      ctx.root.addEventListener("input", function (e) {
        var box = e.target.closest(".aig-case__field")
        if (!box) return
        clearTimeout(timers[box.id])
        timers[box.id] = setTimeout(function () { count(box) }, 500)
      })
    },
    update: function (ctx) { S.$$(ctx.root, ".aig-case__field").forEach(count) }
  }
})()

// Team view: several colleagues' exports side by side, read in this browser only.
// Never writes to storage, so the user's own answers cannot change.
;(function () {
  "use strict"
  var S = window.AIG

  function median(xs) {
    if (!xs.length) return null
    xs = xs.slice().sort(function (a, b) { return a - b })
    var m = Math.floor(xs.length / 2)
    return xs.length % 2 ? xs[m] : (xs[m - 1] + xs[m]) / 2
  }

  function show(root, people) {
    var table = root.querySelector("[data-aig-team-readiness]")
    S.$$(table, "[data-aig-person]").forEach(function (c) { c.remove() })
    var headMedian = table.querySelector("thead [data-aig-median]")
    people.forEach(function (p) {
      var th = S.el("th", null, p.name)
      th.scope = "col"
      th.setAttribute("data-aig-person", "")
      headMedian.parentNode.insertBefore(th, headMedian)
    })
    S.$$(table, "tbody tr").forEach(function (tr) {
      var id = tr.getAttribute("data-aig-row"), levels = [], cell = tr.querySelector("[data-aig-median]")
      people.forEach(function (p) {
        var level = ((p.tools["readiness-assessment"] || {})[id] || {}).level
        if (level && level !== "unknown") levels.push(Number(level))
        var td = S.el("td", null, level === "unknown" ? "?" : level || "\u2013")
        td.setAttribute("data-aig-person", "")
        tr.insertBefore(td, cell)
      })
      var m = median(levels)
      cell.textContent = m === null ? "\u2013" : String(m)
    })
    S.$$(root, "[data-aig-team-checklist] tbody tr").forEach(function (tr) {
      var id = tr.getAttribute("data-aig-row")
      S.$$(tr, "[data-aig-status]").forEach(function (td) {
        var status = td.getAttribute("data-aig-status")
        td.textContent = String(people.filter(function (p) {
          return (((p.tools["deployment-checklist"] || {})[id] || {}).status || "not-started") === status
        }).length)
      })
    })
    root.querySelector("[data-aig-team-results]").hidden = !people.length
  }

  S.pages["team-view"] = function (root) {
    var input = root.querySelector("[data-aig-team-input]")
    input.addEventListener("change", function () {
      var files = Array.prototype.slice.call(input.files), people = [], skipped = [], left = files.length
      if (!left) return
      files.forEach(function (file, i) {
        S.readFile(file, function (result) {
          if (result.error) skipped.push(file.name + " (" + result.error + ")")
          else {
            var tools = {}
            for (var t in result.data.tools) tools[t] = result.data.tools[t].answers
            people[i] = { name: file.name.replace(/\.json$/i, ""), tools: tools }
          }
          if (--left) return
          people = people.filter(Boolean)
          show(root, people)
          S.say(root, "Compared " + people.length + " file" + (people.length === 1 ? "" : "s") +
            (people.length ? ": " + people.map(function (p) { return p.name }).join(", ") : "") + "." +
            (skipped.length ? " Skipped " + skipped.length + " that could not be used: " + skipped.join("; ") : ""),
            skipped.length ? "warning" : "success")
        })
      })
    })
  }
})()
