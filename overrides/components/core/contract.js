// The storage contract's pure half (DESIGN.md): records, export files and every refusal,
// progress, CSV, file names, dates, messages. No DOM, storage or clock (the time is an
// argument), so `node --test tests/js/` checks it.
;(function (root) {
  "use strict"
  if (root && root.AIGContract) return // instant navigation runs a page's scripts again
  var FORMAT = "ai-guide-answers", VERSION = 2
  // Far above the forms' limits (50,000 and 500), so whatever a form took imports back;
  // 10 MB is more than a browser keeps for one site.
  var MAX_IMPORT_BYTES = 10 * 1024 * 1024
  var MAX_TEXT = 100000
  var NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/
  var DAY = 864e5
  var ukDay, ukTime

  // Every message, in one place.
  var T = {
    cannotSave: "Your answers cannot be saved in this browser: it is blocking or has run out of storage for this site. " +
      "They will be lost when you close or reload the page. Export them to keep a copy.",
    unreadable: function (title, key) {
      return "Your saved answers for " + title + " could not be read, so this tool has started empty. " +
        "Nothing was deleted: the unreadable data is kept in this browser under the key \u201c" + key + "\u201d."
    },
    partly: function (title, ids, key) {
      return "Some saved answers for " + title + " could not be read (" + ids.join(", ") + "), so those items start empty. " +
        "Your other answers are here. Nothing was deleted: the unreadable answers are kept in this browser under the key \u201c" + key + "\u201d."
    },
    notJson: "This file is not a JSON export from this site, so nothing was imported.",
    tooBig: "This file is larger than 10 MB, which is far bigger than any export from this site, so it was not imported.",
    wrongShape: function (why) { return "This file is not a valid export from this site (" + why + "), so nothing was imported." },
    hostile: "This file contains names that could change how the page works (such as \u201c__proto__\u201d), so nothing was imported.",
    unreadableFile: "This file could not be read, so nothing was imported.",
    newer: "This file was exported by a newer version of this site, which this version cannot read, so nothing was imported. " +
      "Open it with the newest version of the site.",
    wordFailed: "The Word export could not be loaded, so no file was made. Reload the page and try again."
  }

  function isObject(v) { return v !== null && typeof v === "object" && !Array.isArray(v) }
  function copy(v) { return JSON.parse(JSON.stringify(v)) }

  // Why a saved or imported record is unusable as a whole, or "".
  function problem(rec, tool) {
    if (!isObject(rec)) return "not a record"
    if (rec.format !== 1 && rec.format !== 2) return "unknown format"
    if (tool && rec.tool !== tool) return "belongs to another tool"
    if (!isObject(rec.answers)) return "no answers"
    return ""
  }

  // Why one answer is unusable, or "".
  function badAnswer(id, a) {
    if (!NAME.test(id) || id.length > 100) return "bad item id"
    if (!isObject(a)) return "not a set of fields"
    for (var f in a) {
      var v = a[f]
      if (!/^[a-z]{1,20}$/.test(f)) return "bad field name"
      if (typeof v === "string" ? v.length > MAX_TEXT : typeof v !== "boolean" && typeof v !== "number") return "bad value"
    }
    return ""
  }

  // Take the unusable answers out of a record (one bad answer never hides the others).
  function sift(rec) {
    var bad = {}, ids = []
    Object.keys(rec.answers).forEach(function (id) {
      if (badAnswer(id, rec.answers[id])) { bad[id] = rec.answers[id]; ids.push(id); delete rec.answers[id] }
    })
    return { bad: bad, ids: ids }
  }

  // An export file's text: {data (format 2), dropped: answers left out} or {error}.
  // Format 1 held one assessment's tools.
  function parseExport(text) {
    var data, hostile = false
    try {
      data = JSON.parse(text, function (k, v) {
        if (k === "__proto__" || k === "constructor" || k === "prototype") hostile = true
        return v
      })
    } catch (e) { return { error: T.notJson } }
    if (hostile) return { error: T.hostile }
    if (!isObject(data) || data.format !== FORMAT) return { error: T.wrongShape("it does not say it is an answers export") }
    if (typeof data.version === "number" && data.version > VERSION) return { error: T.newer }
    if (data.version === 1) {
      if (!isObject(data.tools)) return { error: T.wrongShape("it has no answers") }
      data = { format: FORMAT, version: 2, exported: data.exported, site_version: data.site_version, by: "",
        assessments: [{ name: "", tools: data.tools }] }
    } else if (data.version !== 2) return { error: T.wrongShape("it is format version " + data.version) }
    if (!Array.isArray(data.assessments) || !data.assessments.length) return { error: T.wrongShape("it has no answers") }
    var dropped = []
    for (var i = 0; i < data.assessments.length; i++) {
      var a = data.assessments[i]
      if (!isObject(a) || !isObject(a.tools)) return { error: T.wrongShape("an assessment has no answers") }
      a.name = typeof a.name === "string" ? a.name.slice(0, 100) : ""
      for (var t in a.tools) {
        if (!NAME.test(t)) return { error: T.wrongShape("a tool name is not valid") }
        var why = problem(a.tools[t], t)
        if (why) return { error: T.wrongShape(t + ": " + why) }
        sift(a.tools[t]).ids.forEach(function (id) { dropped.push(t + ": " + id) })
      }
    }
    return { data: data, dropped: dropped }
  }

  // Each assessment in a parsed export: {name, by, exported, tools: {tool: answers}}.
  function exportedAssessments(data) {
    return data.assessments.map(function (a) {
      var tools = {}
      for (var t in a.tools) tools[t] = a.tools[t].answers
      return { name: a.name, by: a.by || data.by || "", exported: data.exported, tools: tools }
    })
  }

  // What an import would change, per tool (mine(tool): the answers held now).
  function diff(mine, tools, mode) {
    return Object.keys(tools).map(function (t) {
      var have = mine(t), theirs = tools[t].answers, d = { tool: t, added: 0, changed: 0, removed: 0 }
      for (var id in theirs) {
        if (!(id in have)) d.added++
        else if (JSON.stringify(have[id]) !== JSON.stringify(theirs[id])) d.changed++
      }
      if (mode === "replace") for (id in have) if (!(id in theirs)) d.removed++
      return d
    })
  }

  function given(a) { return !!a && Object.keys(a).some(function (f) { return f !== "rev" && a[f] !== "" && a[f] !== false }) }

  function count(kind, answers, ids) {
    var c = { done: 0, doing: 0, na: 0, unknown: 0, chosen: 0, any: 0, total: 0 }
    ids.forEach(function (id) {
      var a = answers[id] || {}
      if (given(a)) c.any++
      if (kind === "checklist") { if (a.status === "completed") c.done++; else if (a.status === "not-applicable") c.na++; else if (a.status === "in-progress") c.doing++ }
      else if (kind === "rating") { if (a.level === "unknown") c.unknown++; else if (a.level) c.done++ }
      else if (kind === "benefits") { if (a.chosen) { c.chosen++; if (a.measure && a.baseline && a.target) c.done++ } }
      else if (a.text && a.text.trim()) c.done++
    })
    c.total = ids.length - c.na
    return c
  }

  // A tool's progress in words; `board`: a checklist's counts in full.
  function progress(kind, answers, ids, board) {
    var c = count(kind, answers, ids)
    if (kind === "checklist") return board ? c.done + " completed, " + c.doing + " in progress, " + (c.total - c.done - c.doing) +
      " not started" + (c.na ? " (" + c.na + " not applicable)" : "") : c.done + " of " + c.total + " completed" + (c.na ? " (" + c.na + " not applicable, left out)" : "")
    if (kind === "rating") return (c.done + c.unknown) + " of " + c.total + " rated" + (c.unknown ? " (" + c.unknown + " \u201cDon\u2019t know\u201d)" : "")
    if (kind === "benefits") return c.chosen + " indicator" + (c.chosen === 1 ? "" : "s") + " chosen, " + c.done + " with a measure, baseline and target"
    return c.done + " of " + c.total + " boxes written"
  }

  // ----- readiness: the average of the levels given ("Don't know" apart) -----
  function score(answers, ids) {
    var sum = 0, rated = 0, unknown = 0
    ids.forEach(function (id) {
      var level = (answers[id] || {}).level
      if (level === "unknown") unknown++
      else if (level) { sum += Number(level); rated++ }
    })
    return { score: rated ? sum / rated : null, rated: rated, unknown: unknown, total: ids.length }
  }

  // Components rated 1 or 2; if none, those at the lowest level given below 5.
  function weakest(answers, ids) {
    var rated = ids.filter(function (id) { var l = (answers[id] || {}).level; return l && l !== "unknown" })
      .map(function (id) { return { id: id, level: Number(answers[id].level) } })
    var low = rated.filter(function (r) { return r.level <= 2 })
    if (!low.length && rated.length) {
      var min = Math.min.apply(null, rated.map(function (r) { return r.level }))
      low = min < 5 ? rated.filter(function (r) { return r.level === min }) : []
    }
    return low.sort(function (a, b) { return a.level - b.level })
  }

  // Changes in no export for more than 7 days (now: milliseconds).
  function needsExport(a, now) { return !!(a.unexportedSince && now - Date.parse(a.unexportedSince) > 7 * DAY) }

  // Quoted, and never read as a formula by a spreadsheet.
  function csvCell(v) {
    v = v == null ? "" : String(v)
    if (/^[=+\-@\t\r]/.test(v)) v = "'" + v
    return '"' + v.replace(/"/g, '""') + '"'
  }
  // The middle of some numbers (the mean of the two middle ones when even); null for none.
  function median(xs) {
    if (!xs.length) return null
    xs = xs.slice().sort(function (a, b) { return a - b })
    var m = Math.floor(xs.length / 2)
    return xs.length % 2 ? xs[m] : (xs[m - 1] + xs[m]) / 2
  }

  // With a byte order mark, so spreadsheets read UTF-8.
  function csv(rows) { return "\ufeff" + rows.map(function (r) { return r.map(csvCell).join(",") }).join("\r\n") + "\r\n" }

  // One rule: UK dates in the person's time zone for people, ISO in files.
  // The day where the person is, as ISO: 2026-11-27.
  function isoDay(d) { return new Date(d - d.getTimezoneOffset() * 6e4).toISOString().slice(0, 10) }

  // The assessment's name, the person's and the day: my-assessment-alice-2026-12-02.
  function fileStem(name, when, by) {
    function slug(s, n) { return String(s || "").toLowerCase().replace(/[^a-z0-9]+/g, "-").slice(0, n).replace(/^-|-$/g, "") }
    return [slug(name, 40) || "assessment", slug(by, 30), isoDay(when)].filter(Boolean).join("-")
  }

  // ----- telling assessments apart; what an imported one keeps -----
  function isDate(v) { return typeof v == "string" && v.length < 40 && !isNaN(Date.parse(v)) }

  // Names, told apart where alike: "My assessment (Alice, 2 Dec)", then numbered.
  // by: the person here, for the assessments made here.
  function labels(list, by) {
    var seen = {}, k = function (x) { return x.trim().toLowerCase() }
    function apart(out, more) {
      return out.map(function (x, i) {
        var m = out.filter(function (y) { return k(y) == k(x) }).length > 1 && more(list[i], k(x))
        return m ? (/\)$/.test(x) ? x.slice(0, -1) + ", " : x + " (") + m + ")" : x
      })
    }
    return apart(apart(list.map(function (a) { return a.name }), function (a) {
      return [a.by == null ? by : a.by, isDate(a.created) && new Date(a.created).toLocaleDateString("en-GB", { day: "numeric", month: "short" })]
        .filter(Boolean).join(", ")
    }), function (a, x) { return (seen[x] = (seen[x] || 0) + 1) > 1 && seen[x] })
  }

  // What an imported assessment keeps: its name, dates and maker (else the file's
  // person); "" or null where the file has none.
  function importedEntry(a, data) {
    var by = typeof a.by == "string" ? a.by : data.by, d = function (v) { return isDate(v) ? v : null }
    return { name: a.name, created: d(a.created), changed: d(a.changed), exported: d(data.exported), by: typeof by == "string" ? by.slice(0, 100) : "" }
  }

  // An import into a browser whose only assessment is empty fills that one. here: [{id, empty}].
  function restoreTarget(here) { return here.length == 1 && here[0].empty ? here[0].id : null }

  // 27 November 2026 (at 14:22). One formatter: one per date took 0.2 s for 1,000 dates.
  function date(iso, time) {
    var d = iso && new Date(iso)
    if (!d || isNaN(d)) return "Never"
    if (!ukDay) {
      ukDay = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric" })
      ukTime = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit" })
    }
    return ukDay.format(d) + (time ? " at " + ukTime.format(d) : "")
  }
  // A date box's "2026-11-27" as "27 November 2026"; anything else as it is.
  function day(s) { return /^\d{4}-\d\d-\d\d$/.test(s || "") ? date(s + "T12:00") : s || "" }

  var C = {
    FORMAT: FORMAT, VERSION: VERSION, MAX_IMPORT_BYTES: MAX_IMPORT_BYTES, MAX_TEXT: MAX_TEXT, NAME: NAME, T: T,
    isObject: isObject, copy: copy, problem: problem, badAnswer: badAnswer, sift: sift,
    parseExport: parseExport, exportedAssessments: exportedAssessments, diff: diff,
    given: given, count: count, progress: progress, needsExport: needsExport,
    readiness: { score: score, weakest: weakest },
    csvCell: csvCell, csv: csv, median: median, isoDay: isoDay, fileStem: fileStem, date: date, day: day,
    labels: labels, importedEntry: importedEntry, restoreTarget: restoreTarget
  }
  if (typeof module !== "undefined" && module.exports) module.exports = C
  else root.AIGContract = C
  if (root && root.AIGWait) root.AIGWait.splice(0).forEach(function (f) { f() })
})(typeof window !== "undefined" ? window : this)
