// One-page business case: word guide under each box (guides, never blocks), links
// from empty boxes to the tools that fill them, "Draft from my answers" (fills empty
// boxes only, each answer where it belongs, each within its box's word guide: the text
// comes from drafts.js, loaded on the first click), and Markdown and Word downloads.
;(function start() {
  "use strict"
  var S = window.AIG
  if (!S) return AIGWait.push(start)
  if (S.loaded["business-case"]) return S.init() // already loaded on an earlier page
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

  function status(a) { return (S.STATUS[a.status || "not-started"] || a.status).toLowerCase() }

  // Text for each box, from the user's other tools ("" when there is nothing).
  function drafts(root) {
    function json(name) { return JSON.parse(root.getAttribute(name)) }
    var comps = labels(root, "readiness-assessment"), ready = S.read("readiness-assessment").answers, limits = {}
    S.$$(root, "textarea[data-aig-words]").forEach(function (t) {
      limits[t.closest("[data-aig-item]").getAttribute("data-aig-item")] = Number(t.getAttribute("data-aig-words"))
    })
    return window.AIGDrafts.drafts({
      benefits: S.read("benefits-planner").answers, benefitNames: labels(root, "benefits-planner"),
      risks: S.read("risk-assurance").answers, riskNames: labels(root, "risk-assurance"),
      weak: S.readiness ? S.readiness.weakest(ready, Object.keys(comps)) : [], components: comps,
      areas: json("data-aig-areas"), helps: json("data-aig-helps"), inUse: root.getAttribute("data-aig-in-use"),
      steps: S.read("deployment-checklist").answers, stepNames: labels(root, "deployment-checklist"),
      problemItem: root.getAttribute("data-aig-problem-item")
    }, limits, S.day, status)
  }

  S.actions.draft = function (ctx, say) {
    S.loadScript("../business-case/drafts.js", function () { return !!window.AIGDrafts }).then(function () { draft(ctx, say) },
      function () { say(ctx.root, "The drafting could not be loaded, so no box was filled. Reload the page and try again.", "error") })
  }
  function draft(ctx, say) {
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
      var cover = p.cover.slice(1, -1)
      var doc = {
        // One row for the cover, as printed on one line; this document's date and the versions in its header and footer.
        title: title, subtitle: p.cover[0].text ? template : [], landscape: true,
        header: title + " \u2013 " + assessment() + " \u2013 " + today,
        footer: "Made with the AI deployment guide, site version " + root.getAttribute("data-aig-site-version") +
          ", guide version " + root.getAttribute("data-aig-guide-version"),
        sections: [{ heading: "About this business case", blocks: [{ table: {
          head: cover.map(function (f) { return f.label }).concat("Assessment"),
          rows: [cover.map(function (f) { return f.text || NONE }).concat(assessment())] } }] },
          { heading: p.cover[p.cover.length - 1].label, blocks: [{ p: p.cover[p.cover.length - 1].text || NONE }] }]
          .concat(p.cols.map(function (col, i) {
            // As printed: one landscape page, three columns in reading order, each question starting a column.
            return { heading: col.q, columns: 3, columnBreakBefore: i > 0,
              blocks: [].concat.apply([], col.fields.map(function (f) { return [{ h: f.label }, { p: f.text || NONE }] })) }
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
