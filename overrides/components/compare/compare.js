// Change over time: readiness levels now and in an earlier assessment (one in this
// browser, or one read from an export file), as a table and a chart. Also the
// readiness chart the board pack draws, and the readiness CSV.
;(function () {
  "use strict"
  var S = window.AIG
  if (S.loaded.compare) return S.init() // already loaded on an earlier page
  var SVG = "http://www.w3.org/2000/svg", TOOL = "readiness-assessment"
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

  // Bars of levels 1 to 5: rows [{name, values: [..]}], one bar per series (names).
  // The first of two series is drawn hollow, so the two differ without colour.
  function chart(rows, names, label) {
    var w = 560, left = 150, unit = (w - left - 30) / 5, n = names.length, bar = 11, gap = n * bar + 10
    var top = n > 1 ? n * 18 + 8 : 4, h = top + rows.length * gap + 22
    var root = svg("svg", { viewBox: "0 0 " + w + " " + h, class: "aig-chart", role: "img", "aria-label": label, fill: "currentColor" })
    function style(i) {
      return i < n - 1 ? { fill: "none", stroke: "currentColor", "stroke-width": 1.5 } : { class: "bar", fill: "#005eb8", stroke: "currentColor", "stroke-width": 0.5 }
    }
    if (n > 1) names.forEach(function (name, i) { // the legend, a line each
      root.appendChild(svg("rect", Object.assign({ x: left, y: 4 + i * 18, width: 14, height: 10 }, style(i))))
      root.appendChild(svg("text", { x: left + 20, y: 13 + i * 18, "font-size": 12 }, name))
    })
    rows.forEach(function (r, i) {
      var y = top + i * gap
      root.appendChild(svg("text", { x: 0, y: y + gap / 2 + 2, "font-size": 12 }, r.name))
      r.values.forEach(function (v, j) {
        var by = y + 3 + j * bar
        if (v) root.appendChild(svg("rect", Object.assign({ x: left, y: by, width: v * unit, height: bar - 2 }, style(j))))
        root.appendChild(svg("text", { x: left + (v || 0) * unit + 4, y: by + bar - 3, "font-size": 10 }, v ? String(v) : "\u2013"))
      })
    })
    var base = top + rows.length * gap + 2
    root.appendChild(svg("line", { class: "axis", x1: left, x2: left + 5 * unit, y1: base, y2: base, stroke: "currentColor" }))
    for (var k = 0; k <= 5; k++) root.appendChild(svg("text", { x: left + k * unit - 3, y: base + 14, "font-size": 11 }, String(k)))
    return root
  }
  S.compare = { chart: chart, level: level }

  function current() { return S.current ? S.current() : { id: "", name: "My assessment" } }

  function options(root) {
    var sel = root.querySelector("[data-aig-compare-with]"), cur = current().id
    while (sel.options.length > 1) sel.remove(1)
    ;(S.assessments ? S.assessments() : []).forEach(function (a) {
      if (a.id !== cur) sel.add(new Option(a.name, "a:" + a.id))
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
      chosen = a && { name: a.name, answers: S.readIn(a.id, TOOL).answers }
    }
    root.querySelector("[data-aig-compare-result]").hidden = !chosen
    root.classList.toggle("aig-compare--none", !chosen)
    if (!chosen) return
    var now = S.read(TOOL).answers, name = current().name, up = 0, down = 0, same = 0
    var rows = S.$$(root, "[data-aig-compare-row]").map(function (tr) {
      var id = tr.getAttribute("data-aig-compare-row"), e = chosen.answers[id], n = now[id], c = change(e, n)
      tr.cells[1].textContent = level(e)
      tr.cells[2].textContent = level(n)
      tr.cells[3].textContent = c
      if (c === "No change") same++; else if (c.charAt(0) === "+") up++; else if (c.charAt(0) === "\u2212") down++
      return { name: tr.cells[0].textContent, values: [num(e), num(n)] }
    })
    root.querySelector("[data-aig-compare-caption]").textContent =
      "Readiness levels in \u201c" + chosen.name + "\u201d (earlier) and \u201c" + name + "\u201d (now)"
    root.querySelector("[data-aig-compare-summary]").textContent = "Compared with \u201c" + chosen.name + "\u201d: " +
      up + " component" + (up === 1 ? "" : "s") + " went up, " + down + " went down and " + same + " stayed the same."
    var box = root.querySelector("[data-aig-compare-chart]")
    box.textContent = ""
    box.appendChild(chart(rows, ["Earlier: " + chosen.name, "Now: " + name], "Bar chart of readiness levels, 1 to 5, in \u201c" +
      chosen.name + "\u201d and \u201c" + name + "\u201d. The table gives the same figures."))
  }

  function readFile(root, input) {
    var f = input.files[0]
    if (!f) return
    input.value = ""
    if (f.size > 10485760) return S.say(root, "This file is larger than 10 MB, which is far bigger than any export from this site.", "error")
    f.text().then(function (text) {
      var r = S.parseExport(text)
      if (r.error) return S.say(root, r.error.replace(/,? so nothing was imported/, ""), "error")
      var found = (S.exportedAssessments ? S.exportedAssessments(r.data) : []).filter(function (a) { return a.tools[TOOL] })
      if (!found.length) return S.say(root, "This file has no readiness answers, so there is nothing to compare.", "error")
      found.forEach(function (a) { files.push({ name: a.name ? a.name + " (" + f.name + ")" : f.name, answers: a.tools[TOOL] }) })
      picked = "f:" + (files.length - found.length)
      options(root)
      render(root)
      S.say(root, "Read " + found.length + " assessment" + (found.length === 1 ? "" : "s") + " from \u201c" + f.name + "\u201d; comparing with the first." +
        (found.length > 1 ? " Choose another under \u201cEarlier assessment\u201d." : ""), "success")
    }, function () { S.say(root, "This file could not be read.", "error") })
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

  // The readiness assessment as a spreadsheet: component, area, level and notes.
  S.actions["export-csv-rating"] = function (ctx) {
    var rows = [["id", "component", "area", "level", "notes"]]
    S.$$(ctx.root, "[data-aig-item]").forEach(function (item) {
      var id = item.getAttribute("data-aig-item"), a = ctx.record.answers[id] || {}
      rows.push([id, item.getAttribute("data-aig-name"), document.getElementById("area-" + item.getAttribute("data-aig-area")).textContent,
        a.level ? level(a) : "", a.notes])
    })
    S.download((S.fileStem ? S.fileStem() : "ai-guide") + "-readiness.csv", "text/csv",
      "\ufeff" + rows.map(function (r) { return r.map(S.csvCell).join(",") }).join("\r\n") + "\r\n")
  }
  S.loaded.compare = true
  S.init()
})()
