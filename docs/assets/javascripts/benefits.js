// Benefits planner: show the measure fields of chosen indicators, and a summary table.
;(function () {
  "use strict"
  var S = window.AIG
  var COLS = ["measure", "baseline", "target", "due", "owner", "money"]
  var MONEY = { yes: "Yes", no: "No" }

  S.kinds.benefits = {
    update: function (ctx) {
      var answers = ctx.record.answers, body = ctx.root.querySelector("[data-aig-summary-body]"), n = 0
      body.textContent = ""
      S.$$(ctx.root, "[data-aig-item]").forEach(function (item) {
        var a = answers[item.getAttribute("data-aig-item")] || {}
        item.classList.toggle("aig-chosen", !!a.chosen)
        if (!a.chosen) return
        n++
        var tr = S.el("tr")
        tr.appendChild(S.el("td", null, item.getAttribute("data-aig-area")))
        tr.appendChild(S.el("th", null, item.getAttribute("data-aig-name"))).setAttribute("scope", "row")
        COLS.forEach(function (c) { tr.appendChild(S.el("td", null, c === "money" ? MONEY[a.money] || "Not decided" : a[c] || "")) })
        body.appendChild(tr)
      })
      ctx.root.querySelector("[data-aig-summary]").hidden = false
      ctx.root.querySelector("[data-aig-summary-table]").hidden = !n
      ctx.root.querySelector("[data-aig-summary-none]").hidden = !!n
    }
  }
})()
