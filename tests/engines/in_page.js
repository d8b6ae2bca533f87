// Run in every page before the site's own scripts, by both engine flows (Firefox: a
// preload script over WebDriver BiDi; WebKit: the test server adds it to each page's
// head, same origin, so the site's CSP allows it). It collects what went wrong, keeps
// what a download link would save, and gives the flows what they read from the page.
;(function () {
  "use strict"
  if (window.__engines) return
  var E = window.__engines = { errors: [], downloads: [] }
  function text(v) { try { return v instanceof Error ? v.name + ": " + v.message : String(v) } catch (e) { return "?" } }

  // Script errors, resources that failed to load (capture phase), rejected promises,
  // console errors and CSP violations.
  addEventListener("error", function (e) {
    var t = e.target
    if (t && t !== window && (t.src || t.href)) E.errors.push("failed to load: " + (t.src || t.href))
    else E.errors.push("error: " + e.message + " (" + e.filename + ":" + e.lineno + ")")
  }, true)
  addEventListener("unhandledrejection", function (e) { E.errors.push("unhandled rejection: " + text(e.reason)) })
  var consoleError = console.error
  console.error = function () {
    E.errors.push("console.error: " + Array.prototype.map.call(arguments, text).join(" "))
    return consoleError.apply(console, arguments)
  }
  document.addEventListener("securitypolicyviolation", function (e) {
    E.errors.push("CSP violation: " + e.violatedDirective + " " + e.blockedURI)
  })

  // The site saves a file by clicking a link to a Blob with a download name. Headless
  // Firefox and WebKit save files awkwardly, so the Blob's text is kept here instead:
  // the export still runs every line of the site's code up to the click. (The Blob is
  // read directly: the site's CSP forbids fetching a blob: address.)
  var blobs = {}, makeUrl = URL.createObjectURL, click = HTMLAnchorElement.prototype.click
  URL.createObjectURL = function (blob) { var url = makeUrl.apply(URL, arguments); blobs[url] = blob; return url }
  HTMLAnchorElement.prototype.click = function () {
    var blob = this.hasAttribute("download") && blobs[this.href]
    if (!blob) return click.apply(this, arguments)
    var name = this.download
    blob.text().then(function (body) { E.downloads.push({ name: name, text: body }) },
      function (err) { E.errors.push("download unreadable: " + text(err)) })
  }

  // Everything that went wrong so far, with any resource loaded from another origin.
  E.problems = function () {
    var foreign = performance.getEntriesByType("resource").map(function (r) { return r.name })
      .filter(function (u) { return !/^(data|blob|about):/.test(u) && u.indexOf(location.origin + "/") !== 0 })
    return E.errors.concat(foreign.map(function (u) { return "request to another origin: " + u }))
  }

  function visible(el) { return !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden" }
  function roots() { return Array.prototype.slice.call(document.querySelectorAll("[data-aig-tool], [data-aig-page]")) }

  // Every tool or page on it has been set up by the site's scripts.
  E.ready = function () {
    var r = roots()
    return document.readyState === "complete" && r.length > 0 && r.every(function (x) { return x.hasAttribute("data-aig-ready") })
  }

  // What this page offers, read from its DOM (so a tool added later is driven too).
  E.features = function () {
    var tool = document.querySelector("[data-aig-tool]")
    return {
      tool: tool && tool.getAttribute("data-aig-tool"),
      assess: visible(document.querySelector("[data-aig-assess]")),
      import: !!document.querySelector("input[type=file][data-aig-action=import]"),
      compare: !!document.querySelector("input[type=file][data-aig-compare-file]"),
      team: !!document.querySelector("input[type=file][data-aig-team-input]"),
      filePicker: typeof window.showSaveFilePicker === "function"
    }
  }

  // The first text box a person can type in on the tool: {id, multiline}, or {box: id}
  // of the tick that reveals the boxes (the benefits planner), or null.
  E.textField = function () {
    var tool = document.querySelector("[data-aig-tool]")
    if (!tool) return null
    var all = Array.prototype.slice.call(tool.querySelectorAll("textarea[data-aig-field], input[type=text][data-aig-field]")).filter(visible)
    var box = all.filter(function (x) { return x.tagName === "TEXTAREA" })[0] || all[0]
    if (box) return { id: box.id, multiline: box.tagName === "TEXTAREA" }
    var tick = Array.prototype.slice.call(tool.querySelectorAll("input[type=checkbox][data-aig-field]")).filter(visible)[0]
    return tick ? { box: tick.id } : null
  }

  // A button a person can see, by its text; the text box of a question the site asks
  // in its message area (a name for an export or an assessment).
  E.button = function (label) {
    return Array.prototype.filter.call(document.querySelectorAll("button"), function (b) { return b.textContent.trim() === label && visible(b) })[0] || null
  }
  E.askBox = function () { return Array.prototype.filter.call(document.querySelectorAll("[data-aig-messages] input[type=text]"), visible)[0] || null }
  E.shown = function (selector) { return visible(document.querySelector(selector)) }

  E.value = function (id) { var el = document.getElementById(id); return el ? el.value : null }

  // Which answer a control holds: {item, field}.
  E.where = function (id) {
    var el = document.getElementById(id)
    return { item: el.closest("[data-aig-item]").getAttribute("data-aig-item"), field: el.getAttribute("data-aig-field") }
  }

  // A saved answer, as the site reads it back from storage.
  E.saved = function (tool, id) {
    var at = E.where(id), a = window.AIG.read(tool).answers[at.item]
    return a ? a[at.field] : undefined
  }

  // What is wrong with the last file downloaded, as an export of the current
  // assessment whose control `id` (if any) holds `want`, by `by`.
  E.exportProblems = function (tool, id, want, by) {
    var d = E.downloads[E.downloads.length - 1], data, wrong = []
    if (!d) return ["nothing was downloaded"]
    if (!/\.json$/.test(d.name)) wrong.push("file name " + d.name)
    try { data = JSON.parse(d.text) } catch (e) { return ["not JSON: " + d.text.slice(0, 80)] }
    if (data.format !== "ai-guide-answers" || data.version !== 2) wrong.push("format " + data.format + ", version " + data.version)
    if (data.by !== by) wrong.push("by " + JSON.stringify(data.by) + " instead of " + JSON.stringify(by))
    var a = (data.assessments || [])[0]
    if (!a || a.name !== window.AIG.current().name) return wrong.concat("assessment " + JSON.stringify(a && a.name))
    if (tool) {
      var at = E.where(id), got = ((a.tools[tool] || { answers: {} }).answers[at.item] || {})[at.field]
      if (got !== want) wrong.push(tool + " " + at.item + "." + at.field + " is " + JSON.stringify(got) + " instead of " + JSON.stringify(want))
    }
    return wrong
  }

  // The answers of a file's tool that the page does not show as they are in the file.
  E.notShown = function (answers) {
    var wrong = []
    Object.keys(answers).forEach(function (item) {
      var at = document.querySelector("[data-aig-tool] [data-aig-item='" + item + "']")
      Object.keys(answers[item]).forEach(function (field) {
        if (field === "rev") return
        var want = answers[item][field], controls = at ? at.querySelectorAll("[data-aig-field='" + field + "']") : []
        var got = !controls.length ? "(no control)" : controls[0].type === "radio" ?
          (Array.prototype.filter.call(controls, function (c) { return c.checked })[0] || {}).value :
          controls[0].type === "checkbox" ? controls[0].checked : controls[0].value
        if (got !== want) wrong.push(item + "." + field + ": " + JSON.stringify(got) + " instead of " + JSON.stringify(want))
      })
    })
    return wrong
  }

  // The message area's text on the page (every tool's and page's).
  E.messages = function () {
    return Array.prototype.map.call(document.querySelectorAll("[data-aig-messages]"), function (m) { return m.textContent }).join(" | ")
  }

  // The assessment bar: the current assessment's name (as stored; the bar shows it told
  // apart from alike names, "Name (person, 3 Dec)"), the name shown, the choices of the
  // switch, and whether the "Keep in a file" and "Open a file" buttons show.
  E.assessment = function () {
    var bar = document.querySelector("[data-aig-assess]")
    if (!bar) return null
    return {
      name: window.AIG.current().name,
      shown: bar.querySelector("[data-aig-assess-name]").textContent,
      id: window.AIG.current().id,
      options: Array.prototype.map.call(bar.querySelectorAll("[data-aig-assess-select] option"), function (o) { return { id: o.value, name: o.textContent } }),
      keepFile: visible(bar.querySelector("[data-aig-assess-do=keep-file]")),
      openFile: visible(bar.querySelector("[data-aig-assess-do=open-file]"))
    }
  }
})()
