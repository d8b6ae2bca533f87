// Team view: several colleagues' exports side by side, read in this browser only.
// Never writes to storage, so the user's own answers cannot change.
;(function () {
  "use strict"
  var S = window.AIG
  if (S.loaded["team-view"]) return S.init() // already loaded on an earlier page

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
            tools = S.exportedAssessments(result.data)[0].tools
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
  S.loaded["team-view"] = true
  S.init()
})()
