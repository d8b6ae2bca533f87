// Team view: exports, and your own answers, side by side; read in this browser only,
// never stored. How people are named and counted: README.md. User text: textContent only.
;(function start() {
  "use strict"
  var S = window.AIG
  if (!S) return AIGWait.push(start)
  if (S.loaded["team-view"]) return S.init() // already loaded on an earlier page
  var DASH = "\u2013"
  var APART = 2 // ratings this many levels apart or more are a disagreement to talk through
  var FOLD = 10 // more people than this: the list folds away, and messages count rather than name them
  var TOOLS = ["readiness-assessment", "deployment-checklist"]

  var median = window.AIGContract.median

  function when(iso) { return iso ? S.date(iso) : "" }

  function list(names) {
    return names.length < 2 ? names.join("") : names.slice(0, -1).join(", ") + " and " + names[names.length - 1]
  }

  function levels(n) { return n + " level" + (n === 1 ? "" : "s") }

  function fingerprint(tools) {
    return JSON.stringify(TOOLS.map(function (t) {
      var a = tools[t] || {}
      return Object.keys(a).sort().map(function (id) { return [id, a[id].level || "", a[id].status || ""] })
    }))
  }

  function myTools() {
    var tools = {}
    TOOLS.forEach(function (t) { tools[t] = S.read(t).answers || {} })
    return tools
  }

  function myName() {
    var by = String(S.by() || "").trim()
    return (by || "You") + " (this browser)"
  }

  S.pages["team-view"] = function (root) {
    S.loadStyle("../team-view/results.css") // before anyone can be added: nothing shows unstyled
    var people = [] // {name, detail, tools, who, mine}
    var input = root.querySelector("[data-aig-team-input]")
    var mine = root.querySelector("[data-aig-team-mine]")
    var fold = root.querySelector("[data-aig-team-fold]")

    function unique(name) {
      var taken = people.map(function (p) { return p.name }), out = name, n = 2
      while (taken.indexOf(out) >= 0) out = name + " (" + n++ + ")"
      return out
    }

    // The people one file brings: one per assessment in it.
    function fromFile(file, data) {
      var all = S.exportedAssessments(data), stem = file.name.replace(/\.json$/i, "")
      return all.map(function (a) {
        var by = String(a.by || data.by || "").trim(), date = when(a.exported || data.exported)
        var name = by || stem + (date ? " (exported " + date + ")" : "")
        if (all.length > 1 && a.name) name += ": " + a.name
        var exported = a.exported || data.exported || ""
        var detail = "from " + file.name + (date ? ", exported " + date : "") +
          (a.name && all.length === 1 ? ", assessment \u201c" + a.name + "\u201d" : "")
        return { name: name, detail: detail, tools: a.tools || {}, who: by || file.name, assessment: a.name || "", exported: exported }
      })
    }

    // One person's answers added twice (a file again, your export and "my answers") count once.
    // A file's key is worked out once: working out every file's key afresh for each new file
    // took 22 to 60 s for 1,000 files (BENCHMARKS.md).
    function key(p) {
      if (p.mine) return fingerprint(myTools()) + "|" + p.who
      return p.key || (p.key = fingerprint(p.tools) + "|" + p.who)
    }

    function add(p) {
      var k = key(p), twin = people.filter(function (q) { return key(q) === k })[0]
      if (twin) return twin
      p.name = unique(p.name)
      people.push(p)
      return null
    }

    input.addEventListener("change", function () {
      var files = Array.prototype.slice.call(input.files), results = [], left = files.length
      if (!left) return
      files.forEach(function (file, i) {
        S.readFile(file, function (result) {
          results[i] = { file: file, result: result }
          if (--left) return
          var added = [], skipped = [], twice = [], before = people.length
          results.forEach(function (r) {
            if (r.result.error) return skipped.push(r.file.name + " (" + r.result.error + ")")
            fromFile(r.file, r.result.data).forEach(function (p) {
              var twin = add(p)
              if (twin) twice.push(p.name + " (the same answers as " + twin.name + ")")
              else added.push(p.name)
            })
          })
          input.value = "" // so that the same file can be chosen again later
          if (before <= FOLD && people.length > FOLD) fold.open = false
          show()
          var text = (added.length > FOLD ? "Added " + added.length + " people. " : added.length ? "Added " + list(added) + ". "
            : "Nobody was added. ") + compared() +
            (twice.length ? " Already compared, so not added again: " + twice.join("; ") + "." : "") +
            (skipped.length ? " Skipped " + skipped.length + " file" + (skipped.length === 1 ? "" : "s") +
              " that could not be used: " + skipped.join("; ") : "")
          S.say(root, text, skipped.length || !added.length ? "warning" : "success")
        })
      })
    })

    mine.addEventListener("change", function () {
      if (mine.checked) {
        var me = { name: myName(), mine: true, who: String(S.by() || "").trim(), tools: {},
          assessment: S.current().name, exported: S.today() }
        me.detail = "answers saved in this browser, assessment \u201c" + S.current().name + "\u201d"
        var twin = add(me)
        if (twin) {
          mine.checked = false
          return S.say(root, "Your answers are already compared, as " + twin.name + ".", "warning")
        }
        show()
        S.say(root, "Added your answers from this browser. " + compared(), "success")
      } else {
        people = people.filter(function (p) { return !p.mine })
        show()
        S.say(root, "Removed your answers from this browser. " + compared(), "info")
      }
    })

    // The two CSV files of everyone compared (team-csv.js, loaded on the first click).
    S.$$(root, "[data-aig-team-csv]").forEach(function (button) {
      button.addEventListener("click", function () {
        var which = button.getAttribute("data-aig-team-csv")
        S.loadScript("../team-view/team-csv.js", function () { return !!window.AIGTeamCsv }).then(function () {
          var labels = JSON.parse(root.getAttribute("data-aig-labels")), csv = window.AIGTeamCsv
          var all = people.map(function (p) {
            if (!p.mine) return p
            var tools = {} // every tool's answers in this browser, not only the two compared on screen
            Object.keys(labels).forEach(function (t) { tools[t] = S.read(t).answers || {} })
            return { name: p.name, assessment: p.assessment, exported: p.exported, tools: tools }
          })
          var rows = which === "answers" ? csv.answerRows(all, labels) : csv.readinessRows(all, labels["readiness-assessment"])
          S.downloadCsv("team-" + (which === "answers" ? "all-answers" : "readiness-summary") + "-" + S.today() + ".csv", rows)
        }, function () { S.say(root, "The download could not be prepared. Reload the page and try again.", "error") })
      })
    })

    function count() { return people.length + (people.length === 1 ? " person" : " people") }

    function compared() { return people.length ? count() + " compared." : "Nobody is compared now." }

    function remove(p) {
      var i = people.indexOf(p)
      if (p.mine) mine.checked = false
      people.splice(i, 1)
      show()
      // Focus: the next Remove button, else the previous one, else the file input.
      var buttons = root.querySelectorAll("[data-aig-team-list] button")
      ;(buttons[Math.min(i, buttons.length - 1)] || input).focus()
      S.say(root, "Removed " + p.name + ". " + compared(), "info")
    }

    function showPeople() {
      var ul = root.querySelector("[data-aig-team-list]")
      ul.textContent = ""
      people.forEach(function (p) {
        var li = S.el("li")
        li.appendChild(S.el("strong", null, p.name))
        li.appendChild(S.el("span", "aig-muted", " " + p.detail + " "))
        var b = S.button("Remove", function () { remove(p) })
        b.appendChild(S.el("span", "aig-vh", " " + p.name))
        li.appendChild(b)
        ul.appendChild(li)
      })
      root.querySelector("[data-aig-team-count]").textContent = count() + " compared"
      root.querySelector("[data-aig-team-people]").hidden = !people.length
    }

    function showReadiness() {
      var table = root.querySelector("[data-aig-team-readiness]")
      S.$$(table, "[data-aig-person]").forEach(function (c) { c.remove() })
      // Agreement and spread first (what a phone shows), then each person's level.
      var head = table.querySelector("thead tr")
      people.forEach(function (p) {
        var th = S.el("th", null, p.name)
        th.scope = "col"
        th.setAttribute("data-aig-person", "")
        head.appendChild(th)
      })
      var split = []
      S.$$(table, "tbody tr").forEach(function (tr) {
        var id = tr.getAttribute("data-aig-team-row"), xs = []
        people.forEach(function (p) {
          var level = ((p.tools["readiness-assessment"] || {})[id] || {}).level
          if (level && level !== "unknown" && !isNaN(Number(level))) xs.push(Number(level))
          var td = S.el("td", null, level === "unknown" ? "?" : level ? String(level) : DASH)
          td.setAttribute("data-aig-person", "")
          tr.appendChild(td)
        })
        var lo = xs.length ? Math.min.apply(null, xs) : null, hi = xs.length ? Math.max.apply(null, xs) : null
        var m = median(xs), apart = xs.length > 1 ? hi - lo : null
        tr.querySelector("[data-aig-low]").textContent = lo === null ? DASH : String(lo)
        tr.querySelector("[data-aig-median]").textContent = m === null ? DASH : String(m)
        tr.querySelector("[data-aig-high]").textContent = hi === null ? DASH : String(hi)
        var agree = tr.querySelector("[data-aig-agree]")
        agree.textContent = ""
        var differ = apart !== null && apart >= APART
        tr.classList.toggle("aig-team__split", differ)
        if (differ) {
          split.push(tr.getAttribute("data-aig-name"))
          agree.appendChild(S.el("strong", "aig-team__flag", "Differ by " + levels(apart)))
        } else agree.textContent = apart === null ? DASH : apart === 0 ? "Agree" : "Within 1 level"
      })
      var rows = table.querySelectorAll("tbody tr").length
      root.querySelector("[data-aig-team-split]").textContent = people.length < 2 ? "Add at least two people to see where they differ."
        : split.length ? "Ratings are " + APART + " or more levels apart on " + split.length + " of " + rows +
          " components: " + list(split) + ". Talk these through first."
          : "No component has ratings " + APART + " or more levels apart."
    }

    function showChecklist() {
      S.$$(root, "[data-aig-team-checklist] tbody tr").forEach(function (tr) {
        var id = tr.getAttribute("data-aig-team-row")
        S.$$(tr, "[data-aig-status]").forEach(function (td) {
          var status = td.getAttribute("data-aig-status"), first = td === tr.querySelector("[data-aig-status]")
          // Each person counts once; no answer or an unknown status counts as "Not started".
          td.textContent = String(people.filter(function (p) {
            var s = (((p.tools["deployment-checklist"] || {})[id] || {}).status)
            return s === status || (first && !(s && tr.querySelector("[data-aig-status='" + s + "']")))
          }).length)
        })
      })
    }

    function show() {
      people.forEach(function (p) { if (p.mine) p.tools = myTools() })
      showPeople()
      showReadiness()
      showChecklist()
      root.querySelector("[data-aig-team-results]").hidden = !people.length
      root.querySelector("[data-aig-team-tables]").hidden = !people.length
    }
  }
  S.loaded["team-view"] = true
  S.init()
})()
