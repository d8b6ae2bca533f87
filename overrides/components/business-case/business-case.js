// One-page business case: word guide under each box (guides, never blocks),
// "Draft from my answers" (fills empty boxes only), and Markdown export.
;(function () {
  "use strict"
  var S = window.AIG
  if (S.loaded["business-case"]) return S.init() // already loaded on an earlier page
  var timers = {}

  function words(text) { return (text || "").trim().split(/\s+/).filter(Boolean).length }

  function count(box) {
    var area = box.querySelector("textarea"), out = box.querySelector("[data-aig-count]")
    var limit = Number(area.getAttribute("data-aig-words")), left = limit - words(area.value)
    out.textContent = left >= 0 ? "You have " + left + " word" + (left === 1 ? "" : "s") + " remaining (a guide, not a limit)"
      : "You have " + -left + " word" + (left === -1 ? "" : "s") + " too many (a guide, not a limit)"
    out.classList.toggle("aig-count--over", left < 0)
  }

  // Names of other tools' items, from the page (data-aig-labels: {tool: [[id, name], ...]}).
  function labels(root, tool) {
    var out = {}
    JSON.parse(root.getAttribute("data-aig-labels"))[tool].forEach(function (pair) { out[pair[0]] = pair[1] })
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
  S.loaded["business-case"] = true
  S.init()
})()
