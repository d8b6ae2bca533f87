// The team view's two tables for a region's spreadsheet or Power BI, pure (no page), so
// that node tests them (tests/js/team-csv.test.js); team-view.js loads this file on
// the first click of a download (AIG.loadScript). Rows of cells; contract.js's csv()
// turns them into a file (byte order mark, formula-like cells neutralised).
;(function (root) {
  "use strict"
  var C = typeof module !== "undefined" && module.exports ? require("../core/contract.js") : root.AIGContract

  // people: [{name, assessment, exported (ISO date or time), tools: {tool: {item id: answer}}}];
  // labels: {tool: [[item id, title], ...]} in page order. One row per person, assessment,
  // tool, item and field; items the site no longer has keep their id, with no title.
  function answerRows(people, labels) {
    var rows = [["person or role", "assessment", "tool", "item id", "item title", "field", "value", "item revision", "export date"]]
    people.forEach(function (p) {
      var tools = Object.keys(labels).concat(Object.keys(p.tools).filter(function (t) { return !labels[t] }))
      tools.forEach(function (tool) {
        var answers = p.tools[tool] || {}, titles = {}, order = (labels[tool] || []).map(function (pair) { titles[pair[0]] = pair[1]; return pair[0] })
        order.concat(Object.keys(answers).filter(function (id) { return !(id in titles) })).forEach(function (id) {
          var a = answers[id]
          if (!a || typeof a !== "object") return
          Object.keys(a).forEach(function (field) {
            if (field === "rev" || a[field] === "" || a[field] == null) return
            rows.push([p.name, p.assessment || "", tool, id, titles[id] || "", field, String(a[field]),
              a.rev == null ? "" : String(a.rev), String(p.exported || "").slice(0, 10)])
          })
        })
      })
    })
    return rows
  }

  // One row per readiness component (comps: [[id, name]]), one column per person, then
  // the lowest, median and highest level given ("Don't know" and unrated left out).
  function readinessRows(people, comps) {
    var rows = [["component"].concat(people.map(function (p) { return p.name }), ["lowest", "median", "highest"])]
    comps.forEach(function (c) {
      var xs = []
      var levels = people.map(function (p) {
        var level = ((p.tools["readiness-assessment"] || {})[c[0]] || {}).level
        if (level === "unknown") return "Don't know"
        if (level && !isNaN(Number(level))) xs.push(Number(level))
        return level ? String(level) : ""
      })
      var m = C.median(xs)
      rows.push([c[1]].concat(levels, xs.length ? [Math.min.apply(null, xs), m, Math.max.apply(null, xs)].map(String) : ["", "", ""]))
    })
    return rows
  }

  var T = { answerRows: answerRows, readinessRows: readinessRows }
  if (typeof module !== "undefined" && module.exports) module.exports = T
  else root.AIGTeamCsv = T
})(typeof window !== "undefined" ? window : this)
