// One-page business case: word guide under each box (guides, never blocks), links
// from empty boxes to the tools that fill them, "Draft from my answers" (fills empty
// boxes only, each answer where it belongs), and Markdown and Word downloads.
;(function () {
  "use strict"
  var S = window.AIG
  if (S.loaded["business-case"]) return S.init() // already loaded on an earlier page
  var DONE = { completed: 1, "not-applicable": 1 }
  var timers = {}

  function words(text) { return (text || "").trim().split(/\s+/).filter(Boolean).length }

  function count(box) {
    var area = box.querySelector("textarea"), out = box.querySelector("[data-aig-count]")
    if (!out) return
    var limit = Number(area.getAttribute("data-aig-words")), left = limit - words(area.value)
    var text = left >= 0 ? "You have " + left + " word" + (left === 1 ? "" : "s") + " remaining (a guide, not a limit)"
      : "You have " + -left + " word" + (left === -1 ? "" : "s") + " too many (a guide, not a limit)"
    // An empty box keeps the page's own words, so nothing moves when the tool starts.
    if (!area.value.trim()) text = "Aim for about " + limit + " words."
    if (out.textContent !== text) out.textContent = text // the region speaks only when its text changes
    out.classList.toggle("aig-count--over", left < 0)
  }

  // {id: name} of another tool's items, from the page (data-aig-labels: {tool: [[id, name], ...]}).
  function labels(root, tool) {
    var out = {}
    JSON.parse(root.getAttribute("data-aig-labels"))[tool].forEach(function (pair) { out[pair[0]] = pair[1] })
    return out
  }

  function line(parts) { return parts.filter(Boolean).join("; ") }
  function status(a) { return (S.STATUS[a.status || "not-started"] || a.status).toLowerCase() }

  // Text for each box, from the user's other tools ("" when there is nothing).
  function drafts(root) {
    var out = {}
    var benefits = S.read("benefits-planner").answers, names = labels(root, "benefits-planner")
    var chosen = Object.keys(names).filter(function (id) { return benefits[id] && benefits[id].chosen })
    out.benefits = chosen.map(function (id) {
      var a = benefits[id]
      return "- " + names[id] + (a.baseline || a.target || a.measure ? ": " + line([
        a.baseline && "baseline " + a.baseline, a.target && "target " + a.target + (a.due ? " by " + S.day(a.due) : ""),
        a.measure && "measured by " + a.measure, a.owner && "owner " + a.owner]) : "")
    }).join("\n")
    var money = chosen.filter(function (id) { return benefits[id].money === "yes" })
    out["cost-analysis"] = money.length ? "Benefits that can be given a money value:\n" +
      money.map(function (id) { return "- " + names[id] }).join("\n") : ""

    // Risks: readiness gaps, then open risks from the risk and assurance checklist, each with its mitigation.
    var ready = S.read("readiness-assessment").answers, comps = labels(root, "readiness-assessment")
    var helps = JSON.parse(root.getAttribute("data-aig-helps"))
    var weak = S.readiness.weakest(ready, Object.keys(comps))
    var risks = weak.map(function (w) {
      return "- Readiness gap: " + comps[w.id] + " is at level " + w.level + " of 5. Mitigation: " + (helps[w.id].length
        ? helps[w.id].map(function (h) { return "\u201c" + h + "\u201d" }).join(" and ") + " (deployment checklist)" : "raise it") + ", before going live."
    })
    var riskAnswers = S.read("risk-assurance").answers, riskNames = labels(root, "risk-assurance")
    Object.keys(riskNames).forEach(function (id) {
      var a = riskAnswers[id]
      if (!a || DONE[a.status] || !(a.status || a.notes || a.owner || a.due)) return
      risks.push("- Risk: " + riskNames[id] + " (" + status(a) + "). Mitigation: " + (a.notes || "not agreed yet") +
        (a.owner || a.due ? " (" + line([a.owner && "owner " + a.owner, a.due && "by " + S.day(a.due)]) + ")" : ""))
    })
    out["risks-and-mitigations"] = risks.join("\n")

    // The plan: open checklist points with an owner or a target date, soonest first.
    var steps = S.read("deployment-checklist").answers, stepNames = labels(root, "deployment-checklist")
    out["implementation-plan"] = Object.keys(stepNames).filter(function (id) {
      var a = steps[id]
      return a && !DONE[a.status] && (a.due || a.owner)
    }).sort(function (x, y) { return (steps[x].due || "9") < (steps[y].due || "9") ? -1 : 1 }).map(function (id) {
      var a = steps[id]
      return "- " + stepNames[id] + " (" + line([status(a), a.owner && "owner " + a.owner, a.due && "by " + S.day(a.due)]) + ")"
    }).join("\n")

    var problem = steps[root.getAttribute("data-aig-problem-item")]
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

  // The case as people read it: [{label, text}] per part, dates in UK form.
  function parts(ctx) {
    function part(box) {
      var a = ctx.record.answers[box.getAttribute("data-aig-item")] || {}, text = (a.text || "").trim()
      return { label: box.getAttribute("data-aig-name"), text: box.querySelector("input[type=date]") ? S.day(text) : text }
    }
    return {
      cover: S.$$(ctx.root, ".aig-case__detail").map(part),
      cols: S.$$(ctx.root, ".aig-case__col").map(function (col) {
        return { q: col.querySelector("h3").textContent, fields: S.$$(col, "[data-aig-item]").map(part) }
      })
    }
  }
  function assessment() { return S.current().name }
  var NONE = "Not written yet."

  S.actions["export-md"] = function (ctx) {
    var p = parts(ctx), md = ["# " + (p.cover[0].text || ctx.root.querySelector(".aig-case__title").textContent), ""]
    p.cover.forEach(function (f) { md.push("**" + f.label + ":** " + (f.text || "_" + NONE + "_"), "") })
    p.cols.forEach(function (col) {
      md.push("## " + col.q, "")
      col.fields.forEach(function (f) { md.push("### " + f.label, "", f.text || "_" + NONE + "_", "") })
    })
    md.push("---", "", "Assessment \u201c" + assessment() + "\u201d, exported " + S.day(S.today()) +
      " from the AI deployment guide site.")
    S.download("business-case-" + S.fileStem() + ".md", "text/markdown", md.join("\n") + "\n")
  }

  S.actions["export-word"] = function (ctx, say) {
    S.word().then(function (Word) {
      var p = parts(ctx), root = ctx.root, template = root.querySelector(".aig-case__title").textContent
      var title = p.cover[0].text || template, today = S.day(S.today())
      var about = [["Assessment", assessment()], ["Date of this document", today],
        ["Site version", root.getAttribute("data-aig-site-version")], ["Guide version", root.getAttribute("data-aig-guide-version")]]
      var doc = {
        title: title, subtitle: p.cover[0].text ? template : [],
        header: title + " \u2013 " + assessment() + " \u2013 " + today,
        footer: "Made with the AI deployment guide, site version " + root.getAttribute("data-aig-site-version"),
        sections: [{ heading: "About this business case", blocks: [{ table: { widths: [1, 2.4],
          rows: p.cover.slice(1, -1).map(function (f) { return [f.label, f.text || NONE] }).concat(about) } }] },
          { heading: p.cover[p.cover.length - 1].label, blocks: [{ p: p.cover[p.cover.length - 1].text || NONE }] }]
          .concat(p.cols.map(function (col) {
            return { heading: col.q, blocks: [].concat.apply([], col.fields.map(function (f) { return [{ h: f.label }, { p: f.text || NONE }] })) }
          }))
      }
      return Word.download("business-case-" + S.fileStem(), doc)
    }).catch(function (e) { say(ctx.root, e.message, "error") })
  }

  S.kinds.case = {
    setup: function (ctx) {
      S.$$(ctx.root, "[data-aig-count]").forEach(function (c) { c.setAttribute("aria-live", "polite") })
      // Count as the user types, announcing only once they pause.
      ctx.root.addEventListener("input", function (e) {
        var box = e.target.closest(".aig-case__field")
        if (!box) return
        clearTimeout(timers[box.id])
        timers[box.id] = setTimeout(function () { count(box) }, 500)
      })
    },
    update: function (ctx) {
      S.$$(ctx.root, ".aig-case__field").forEach(function (box) {
        // The box being typed in is counted after a pause (setup), not on every key.
        if (!box.contains(document.activeElement)) count(box)
        var control = box.querySelector("[data-aig-field]"), from = box.querySelector("[data-aig-from]")
        if (from) from.hidden = !!control.value.trim()
        // Dates print as people read them.
        var mirror = control.type === "date" && box.querySelector(".aig-print")
        if (mirror) mirror.textContent = S.day(control.value)
      })
    }
  }
  S.loaded["business-case"] = true
  S.init()
})()
