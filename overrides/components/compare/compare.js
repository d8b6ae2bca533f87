// Change over time: readiness levels now and in an earlier assessment (in this browser
// or from an export file), as a table and a chart. Also the site's one bar chart,
// AIG.chart (every page that draws bars shows the comparison), and the readiness CSV.
;(function start() {
  "use strict"
  var S = window.AIG
  if (!S) return AIGWait.push(start)
  if (S.loaded.compare) return S.init() // already loaded on an earlier page
  var TOOL = "readiness-assessment", SVG = "http://www.w3.org/2000/svg"
  var files = [] // assessments read from export files this visit: {name, answers}
  var picked = "" // "a:<assessment id>" or "f:<index in files>", kept across instant page changes

  function level(a) { var l = (a || {}).level; return l === "unknown" ? "Don't know" : l ? String(l) : "Not rated" }
  function num(a) { var n = Number((a || {}).level); return n > 0 ? n : null }
  function change(e, n) {
    e = num(e); n = num(n)
    if (e && n) return n > e ? "+" + (n - e) : n < e ? "\u2212" + (e - n) : "No change"
    return n ? "Newly rated" : e ? "Not rated now" : "\u2013"
  }

  function svg(tag, attrs, text) {
    var e = document.createElementNS(SVG, tag)
    for (var k in attrs) e.setAttribute(k, attrs[k])
    if (text != null) e.textContent = text
    return e
  }

  // Bars of 0 to 5: rows [{name, values}], a bar per series (`names`; with two, a legend,
  // the first hollow so they differ without colour); `label` says the figures in words.
  // Names above their bars: text spacing never runs one under a bar (WCAG 1.4.12).
  // opts.big: the readiness results' larger bars; opts.text(v) writes a value.
  function chart(rows, names, label, opts) {
    opts = opts || {}
    var big = !!opts.big, n = names.length, text = opts.text || function (v) { return v ? String(v) : "\u2013" }
    var w = big ? 400 : 560, left = 8, unit = (w - 48) / 5, bar = big ? 16 : 11, line = big ? 20 : 15
    var gap = line + n * bar + (big ? 8 : 5), top = n > 1 ? n * 18 + 8 : 4, h = top + rows.length * gap + 30
    // The readiness page's CSS overrides these colours and sizes.
    var root = svg("svg", { viewBox: "0 0 " + w + " " + h, class: "aig-chart", role: "img", "aria-label": label, fill: "currentColor" })
    function style(i) {
      if (i < n - 1) return { fill: "none", stroke: "currentColor", "stroke-width": 1.5 }
      return big ? { class: "bar" } : { class: "bar", fill: "#005eb8", stroke: "currentColor", "stroke-width": 0.5 }
    }
    if (n > 1) names.forEach(function (name, i) { // the legend, a line each
      root.appendChild(svg("rect", Object.assign({ x: left, y: 4 + i * 18, width: 14, height: 10 }, style(i))))
      root.appendChild(svg("text", { x: left + 20, y: 13 + i * 18, "font-size": 12 }, name))
    })
    rows.forEach(function (r, i) {
      var y = top + i * gap
      root.appendChild(svg("text", { x: left, y: y + line - 5, "font-size": 12 }, r.name))
      r.values.forEach(function (v, j) {
        var by = y + line + j * bar
        if (v !== null) root.appendChild(svg("rect", Object.assign({ x: left, y: by, width: Math.max(2, v * unit), height: bar - 2 * !big }, style(j))))
        root.appendChild(svg("text", { x: left + (v || 0) * unit + 6, y: by + bar - 3, "font-size": 10 }, text(v)))
      })
    })
    var base = top + rows.length * gap + 4
    root.appendChild(svg("line", { class: "axis", x1: left, x2: left + 5 * unit, y1: base, y2: base, stroke: "currentColor" }))
    for (var k = 0; k <= 5; k++) root.appendChild(svg("text", { x: left + k * unit - 3, y: base + 16, "font-size": 11 }, String(k)))
    return root
  }

  S.chart = chart

  function options(root) {
    var sel = root.querySelector("[data-aig-compare-with]"), cur = S.current().id, names = S.labels()
    while (sel.options.length > 1) sel.remove(1)
    S.assessments().forEach(function (a) {
      if (a.id !== cur) sel.add(new Option(names[a.id], "a:" + a.id))
    })
    files.forEach(function (f, i) { sel.add(new Option(f.name, "f:" + i)) })
    sel.value = picked
    if (sel.value !== picked) picked = sel.value = "" // the earlier one has gone, or is now the current one
    root.querySelector("[data-aig-compare-pick]").hidden = sel.options.length < 2
  }

  function render(root) {
    var chosen = null
    if (picked.charAt(0) === "f") chosen = files[+picked.slice(2)]
    else if (picked) {
      var a = S.assessments().filter(function (x) { return "a:" + x.id === picked })[0]
      chosen = a && { name: S.labels()[a.id], answers: S.readIn(a.id, TOOL).answers }
    }
    root.querySelector("[data-aig-compare-result]").hidden = !chosen
    root.classList.toggle("aig-compare--none", !chosen)
    if (!chosen) return
    var now = S.read(TOOL).answers, name = S.labels()[S.current().id], up = 0, down = 0, same = 0
    var rows = S.$$(root, "[data-aig-compare-row]").map(function (tr) {
      var id = tr.getAttribute("data-aig-compare-row"), e = chosen.answers[id], n = now[id], c = change(e, n)
      tr.cells[1].textContent = level(e)
      tr.cells[2].textContent = level(n)
      tr.cells[3].textContent = c
      if (c === "No change") same++; else if (c.charAt(0) === "+") up++; else if (c.charAt(0) === "\u2212") down++
      return { name: tr.cells[0].textContent, values: [num(e), num(n)] }
    })
    root.querySelector("[data-aig-compare-caption]").textContent =
      "Readiness levels on this website\u2019s 5-level scale in \u201c" + chosen.name + "\u201d (earlier) and \u201c" + name + "\u201d (now)"
    root.querySelector("[data-aig-compare-summary]").textContent = "Compared with \u201c" + chosen.name + "\u201d: " +
      up + " component" + (up === 1 ? "" : "s") + " went up, " + down + " went down and " + same + " stayed the same."
    var box = root.querySelector("[data-aig-compare-chart]")
    box.textContent = ""
    box.appendChild(S.chart(rows, ["Earlier: " + chosen.name, "Now: " + name], "Bar chart of readiness levels on this website\u2019s 5-level scale in \u201c" +
      chosen.name + "\u201d and \u201c" + name + "\u201d. The table gives the same figures."))
  }

  // An export file to compare with: its messages say what happened, without "imported".
  function readFile(root, input) {
    var f = input.files[0]
    input.value = ""
    S.readFile(f, function (r) {
      if (r.error) return S.say(root, r.error.replace(/,? so (nothing was|it was not) imported/, ""), "error")
      var found = S.exportedAssessments(r.data).filter(function (a) { return a.tools[TOOL] })
      if (!found.length) return S.say(root, "This file has no readiness answers, so there is nothing to compare.", "error")
      found.forEach(function (a) { files.push({ name: a.name ? a.name + " (" + f.name + ")" : f.name, answers: a.tools[TOOL] }) })
      picked = "f:" + (files.length - found.length)
      options(root)
      render(root)
      S.say(root, "Read " + found.length + " assessment" + (found.length === 1 ? "" : "s") + " from \u201c" + f.name + "\u201d; comparing with the first." +
        (found.length > 1 ? " Choose another under \u201cEarlier assessment\u201d." : ""), "success")
    })
  }

  S.pages.compare = function (root) {
    root.hidden = false
    options(root)
    render(root)
    root.querySelector("[data-aig-compare-with]").addEventListener("change", function (e) { picked = e.target.value; render(root) })
    var input = root.querySelector("[data-aig-compare-file]")
    input.addEventListener("change", function () { readFile(root, input) })
    document.addEventListener("aig:change", function () { if (root.isConnected) { options(root); render(root) } })
    // A level changed on this page (saved quietly, before the event reaches the document).
    document.addEventListener("change", function (e) { if (root.isConnected && e.target.closest("[data-aig-tool='" + TOOL + "']")) render(root) })
  }

  S.levelText = level
  S.loaded.compare = true
  S.init()
})()
