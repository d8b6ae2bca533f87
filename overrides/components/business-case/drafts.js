// "Draft from my answers": the drafts' text, pure (no page, no storage), so that node
// can test it (tests/js/business-case-drafts.test.js); business-case.js loads it on the
// first click (AIG.loadScript), so it adds nothing to the page's first load. A long
// list is summed up, the worst first, then "and N more: see <tool>", so that each box
// stays within its own word guide.
// Exported as contract.js is: window.AIGDrafts in a page, module.exports in node.
;(function (root) {
  "use strict"
  var DONE = { completed: 1, "not-applicable": 1 }

  function words(text) { return (text || "").trim().split(/\s+/).filter(Boolean).length }
  function line(parts) { return parts.filter(Boolean).join("; ") }
  function and(xs) { return xs.length < 2 ? xs.join("") : xs.slice(0, -1).join(", ") + " and " + xs[xs.length - 1] }
  function more(n, where) { return n > 0 ? "- And " + n + " more: see the " + where + "." : "" }
  function lines(xs) { return xs.filter(Boolean).join("\n") }

  // The largest k (0..n) whose text render(k) is within the limit (0 if none is).
  function fit(render, n, limit) {
    for (var k = n; k > 0; k--) if (words(render(k)) <= limit) return k
    return 0
  }

  // A person's own text cut to the limit, saying where the whole of it is.
  function clip(text, limit, where) {
    var ws = (text || "").trim().split(/\s+/).filter(Boolean)
    if (ws.length <= limit) return (text || "").trim()
    var tail = "(the full text is in the " + where + ")"
    return ws.slice(0, Math.max(limit - words(tail), 1)).join(" ") + "\u2026 " + tail
  }

  // Readiness gaps as one line: grouped by area, the worst first, then "and N more".
  // weak: [{id, level}] worst first; names, areas: {id: text}; helps: {id: [[point id, title]]}.
  function gaps(weak, names, areas, helps, inUse, k) {
    if (!weak.length) return ""
    var where = "readiness assessment"
    if (!k) return "- Readiness gaps: " + weak.length + " component" + (weak.length === 1 ? "" : "s") + " at level " +
      weak[0].level + " or below of this site's 5-level scale: see the " + where + "."
    var shown = weak.slice(0, k), groups = [], byArea = {}
    shown.forEach(function (w) {
      var area = areas[w.id] || ""
      if (!byArea[area]) groups.push(byArea[area] = { area: area, levels: [], byLevel: {} })
      var g = byArea[area]
      if (!g.byLevel[w.level]) g.levels.push(g.byLevel[w.level] = { level: w.level, names: [] })
      g.byLevel[w.level].names.push(names[w.id])
    })
    var text = groups.map(function (g) {
      return (g.area ? g.area + ": " : "") + g.levels.map(function (l) { return and(l.names) + " (level " + l.level + ")" }).join(", ")
    }).join("; ")
    // Mitigation: the checklist point most linked from the gaps shown, and monitoring once AI is in use.
    var counts = {}, titles = {}, monitor = ""
    shown.forEach(function (w) {
      (helps[w.id] || []).forEach(function (h) {
        if (h[0] === inUse) return (monitor = h[1])
        counts[h[0]] = (counts[h[0]] || 0) + 1
        titles[h[0]] = h[1]
      })
    })
    var top = Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a] })[0]
    var mitigation = top || monitor ? " Mitigation: the deployment checklist points linked to each gap" +
      (top ? ", most often \u201c" + titles[top] + "\u201d" : "") +
      (monitor ? "; once the AI is in use, \u201c" + monitor + "\u201d" : "") + "." : ""
    return "- Readiness gaps, worst first, on this site's 5-level scale: " + text +
      (k < weak.length ? "; and " + (weak.length - k) + " more: see the " + where : "") + "." + mitigation
  }

  // {box id: text} ("" when there is nothing). a: the other tools' answers and names
  // ({id: name} in page order); limits: {box id: words}; day(iso), status(answer) format.
  function drafts(a, limits, day, status) {
    var out = {}

    var benefits = a.benefits || {}, names = a.benefitNames || {}
    var chosen = Object.keys(names).filter(function (id) { return benefits[id] && benefits[id].chosen })
    function benefit(id, full) {
      var b = benefits[id]
      return "- " + names[id] + (full && (b.baseline || b.target || b.measure) ? ": " + line([
        b.baseline && "baseline " + b.baseline, b.target && "target " + b.target + (b.due ? " by " + day(b.due) : ""),
        b.measure && "measured by " + b.measure, b.owner && "owner " + b.owner]) : "")
    }
    // With their details while they fit, then by name only, then "and N more".
    function benefitsText(full, brief) {
      return lines(chosen.slice(0, full).map(function (id) { return benefit(id, true) })
        .concat(chosen.slice(full, full + brief).map(function (id) { return benefit(id, false) }))
        .concat(more(chosen.length - full - brief, "benefits planner")))
    }
    var full = fit(function (k) { return benefitsText(k, 0) }, chosen.length, limits.benefits)
    var brief = fit(function (k) { return benefitsText(full, k) }, chosen.length - full, limits.benefits)
    out.benefits = chosen.length ? benefitsText(full, brief) : ""

    var money = chosen.filter(function (id) { return benefits[id].money === "yes" })
    function moneyText(k) {
      return lines(["Benefits that can be given a money value:"].concat(money.slice(0, k).map(function (id) { return "- " + names[id] }))
        .concat(more(money.length - k, "benefits planner")))
    }
    out["cost-analysis"] = money.length ? moneyText(fit(moneyText, money.length, limits["cost-analysis"])) : ""

    // Risks: open risks from the risk and assurance checklist (a person's own), then the readiness gaps.
    var riskAnswers = a.risks || {}, riskNames = a.riskNames || {}
    var open = Object.keys(riskNames).filter(function (id) {
      var r = riskAnswers[id]
      return r && !DONE[r.status] && (r.status || r.notes || r.owner || r.due)
    }).map(function (id) {
      var r = riskAnswers[id]
      return "- Risk: " + riskNames[id] + " (" + status(r) + "). Mitigation: " + (clip(r.notes, 15, "risk and assurance checklist") || "not agreed yet") +
        (r.owner || r.due ? " (" + line([r.owner && "owner " + r.owner, r.due && "by " + day(r.due)]) + ")" : "")
    })
    var weak = a.weak || []
    function risksText(kr, kg) {
      return lines(open.slice(0, kr).concat(more(open.length - kr, "risk and assurance checklist"),
        gaps(weak, a.components || {}, a.areas || {}, a.helps || {}, a.inUse, kg)))
    }
    var kr = fit(function (k) { return risksText(k, 0) }, open.length, limits["risks-and-mitigations"])
    var kg = fit(function (k) { return risksText(kr, k) }, weak.length, limits["risks-and-mitigations"])
    out["risks-and-mitigations"] = risksText(kr, kg)

    // The plan: open checklist points with an owner or a target date, soonest first.
    var steps = a.steps || {}, stepNames = a.stepNames || {}
    var plan = Object.keys(stepNames).filter(function (id) {
      var s = steps[id]
      return s && !DONE[s.status] && (s.due || s.owner)
    }).sort(function (x, y) { return (steps[x].due || "9") < (steps[y].due || "9") ? -1 : 1 }).map(function (id) {
      var s = steps[id]
      return "- " + stepNames[id] + " (" + line([status(s), s.owner && "owner " + s.owner, s.due && "by " + day(s.due)]) + ")"
    })
    function planText(k) { return lines(plan.slice(0, k).concat(more(plan.length - k, "deployment checklist"))) }
    out["implementation-plan"] = plan.length ? planText(fit(planText, plan.length, limits["implementation-plan"])) : ""

    var problem = steps[a.problemItem]
    out.problem = problem && problem.notes ? clip(problem.notes, limits.problem, "deployment checklist") : ""
    return out
  }

  var D = { drafts: drafts, words: words, fit: fit, clip: clip }
  if (typeof module !== "undefined" && module.exports) module.exports = D
  else root.AIGDrafts = D
})(typeof window !== "undefined" ? window : this)
