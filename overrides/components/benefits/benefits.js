// Benefits planner: show the measure fields of chosen indicators, a summary table,
// and the plan as a spreadsheet (CSV).
;(function start() {
  "use strict"
  var S = window.AIG
  if (!S) return AIGWait.push(start)
  if (S.loaded["benefits"]) return S.init() // already loaded on an earlier page
  var MONEY = { yes: "Yes", no: "No" }

  function cell(tr, text, tag) { return tr.appendChild(S.el(tag || "td", null, text)) }

  // One row per chosen indicator; dates as saved (YYYY-MM-DD), which spreadsheets read as dates.
  S.actions["export-csv-benefits"] = function (ctx) {
    var rows = [["id", "indicator", "value area", "how it will be measured", "baseline", "target", "by when", "owner", "money value"]]
    S.$$(ctx.root, "[data-aig-item]").forEach(function (item) {
      var a = ctx.record.answers[item.getAttribute("data-aig-item")] || {}
      if (a.chosen) rows.push([item.getAttribute("data-aig-item"), item.getAttribute("data-aig-name"), item.getAttribute("data-aig-area"),
        a.measure, a.baseline, a.target, a.due, a.owner, MONEY[a.money] || a.money || "Not decided"])
    })
    S.downloadCsv(S.fileStem() + "-benefits-plan.csv", rows)
  }

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
        cell(tr, [a.baseline && "from " + a.baseline, a.target && "to " + a.target, a.due && "by " + S.day(a.due)].filter(Boolean).join(" "))
        cell(tr, a.owner || "")
        cell(tr, MONEY[a.money] || "Not decided")
        body.appendChild(tr)
      })
      ctx.root.querySelector("[data-aig-summary]").hidden = false
      ctx.root.querySelector("[data-aig-summary-table]").hidden = !n
      ctx.root.querySelector("[data-aig-summary-none]").hidden = !!n
    }
  }
  S.loaded["benefits"] = true
  S.init()
})()
