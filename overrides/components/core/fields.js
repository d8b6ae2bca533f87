// The field engine: restores saved answers into a tool's controls, saves each change,
// prints answers, counts characters left, flags answers older than their guidance.
;(function start() {
  "use strict"
  var S = window.AIG
  if (!S) return AIGWait.push(start)
  if (S.loaded.fields) return S.init() // already loaded on an earlier page
  var $$ = S.$$, el = S.el, button = S.button, say = S.say

  function itemOf(control) {
    if (!control.__aigItem) control.__aigItem = control.closest("[data-aig-item]").getAttribute("data-aig-item")
    return control.__aigItem
  }
  function fieldOf(control) { return control.getAttribute("data-aig-field") }

  function valueOf(control) {
    if (control.type === "checkbox") return control.checked
    if (control.type === "radio") return control.checked ? control.value : undefined
    return control.value
  }

  // Only when it differs: writing "" to an empty date box still costs work, 1,000 times.
  function setValue(control, v) {
    if (control.type === "checkbox") { if (control.checked !== (v === true)) control.checked = v === true; return }
    if (control.type === "radio") { if (control.checked !== (v === control.value)) control.checked = v === control.value; return }
    var next = control.tagName === "SELECT" && (v == null || v === "") ? control.options[0].value : v == null ? "" : v
    if (control.value !== next) control.value = next
  }

  // The printed answer after a control (controls are hidden in print), made only when
  // there is something to print: 1,000 items need no 1,000 empty elements.
  function mirrorOf(control, make) {
    var host = control.__aigHost || control
    var m = host.nextElementSibling
    if (m && m.classList.contains("aig-print")) return m
    if (!make) return null
    m = el("div", "aig-print")
    host.parentNode.insertBefore(m, host.nextSibling)
    return m
  }

  function printText(control, answer) {
    var v = answer[fieldOf(control)]
    if (control.type === "radio") {
      var chosen = control.__aigHost.querySelector("input:checked")
      return chosen ? chosen.labels[0].textContent : ""
    }
    if (control.type === "checkbox") return ""
    if (control.type === "date" && v) return S.day(v) // printed as people read dates: 31 March 2026
    // A value that is not an option (an older or edited file) prints as saved.
    if (control.tagName === "SELECT") return control.selectedOptions.length ? control.selectedOptions[0].textContent : v || ""
    return v || ""
  }

  function fill(ctx) {
    var answers = ctx.record.answers
    ctx.controls.forEach(function (c) { setValue(c, (answers[itemOf(c)] || {})[fieldOf(c)]) })
    refresh(ctx)
    ctx.counts.forEach(function (show) { show() })
  }

  // What refresh touches per item, found once: 1,000 items never search the page again.
  function mapItems(ctx) {
    ctx.items = {}
    $$(ctx.root, "[data-aig-item]").forEach(function (item) {
      ctx.items[item.getAttribute("data-aig-item")] = { el: item, controls: [], tag: null, flag: null }
    })
    ctx.controls.forEach(function (c) {
      var it = ctx.items[itemOf(c)]
      if (c.type === "radio") {
        // A group of radios prints one answer: its first radio stands for the group.
        c.__aigHost = c.closest(".aig-radios")
        if (c.__aigHost.__aigFirst) return
        c.__aigHost.__aigFirst = c
      }
      c.__aigField = c.closest(".aig-field")
      it.controls.push(c)
    })
    $$(ctx.root, "[data-aig-tag]").forEach(function (tag) {
      ctx.items[tag.closest("[data-aig-item]").getAttribute("data-aig-item")].tag = tag
    })
  }

  // Every item, or `only` the one just changed.
  function refresh(ctx, only) {
    var answers = ctx.record.answers
    ;(only ? [only] : Object.keys(ctx.items)).forEach(function (id) {
      var it = ctx.items[id], a = answers[id] || {}
      if (!it) return
      it.controls.forEach(function (c) {
        var text = printText(c, a), m = mirrorOf(c, !!text)
        if (m && m.textContent !== text) { m.textContent = text; m.hidden = !text }
        // In print, a field left empty is left out rather than shown as a bare label.
        var field = c.__aigField
        if (field && field.__aigEmpty !== !text) { field.__aigEmpty = !text; field.classList.toggle("aig-empty", !text) }
      })
      if (it.tag) {
        var status = a.status || "not-started", label = S.STATUS[status] || status
        if (it.tag.textContent !== label) it.tag.textContent = label
        if (it.tag.className !== "aig-tag aig-tag--" + status) it.tag.className = "aig-tag aig-tag--" + status
      }
    })
    var p = ctx.root.querySelector("[data-aig-progress]")
    var text = S.progress(ctx.kind, answers, ctx.counted)
    if (p && p.textContent !== text) p.textContent = text // a live region: speak only on change
    flags(ctx)
    var kind = S.kinds[ctx.kind]
    if (kind && kind.update) kind.update(ctx)
  }

  function save(ctx, control) {
    var id = itemOf(control), field = fieldOf(control)
    var a = ctx.record.answers[id] || {}
    var v = valueOf(control)
    if (v === undefined) return // an unchecked radio: its checked sibling reports the change
    if (v === "" || v === false) delete a[field]; else a[field] = v
    delete a.rev
    // Each answer records the revision of the guidance it answers (changed-guidance flag).
    if (Object.keys(a).length) { if (ctx.revs[id]) a.rev = ctx.revs[id].n; ctx.record.answers[id] = a } else delete ctx.record.answers[id]
    var saved = S.write(ctx.tool, ctx.record, true)
    refresh(ctx, id)
    if (!saved) S.warnCannotSave(ctx.root)
  }

  // Characters left near a long box's limit (GOV.UK character count), after a pause in
  // typing; its live region made on first focus, not for 1,000 boxes on load.
  function setupCounts(ctx) {
    $$(ctx.root, "textarea[maxlength]").forEach(function (area) {
      var out = null, timer
      var made = function () {
        if (out) return out
        out = el("p", "aig-chars")
        out.id = area.id + "-chars"
        out.setAttribute("aria-live", "polite")
        // After the printed copy, if any: mirrorOf finds that right after the box.
        var m = mirrorOf(area)
        area.parentNode.insertBefore(out, (m || area).nextSibling)
        area.setAttribute("aria-describedby", ((area.getAttribute("aria-describedby") || "") + " " + out.id).trim())
        return out
      }
      var show = function () {
        var max = Number(area.getAttribute("maxlength")), left = max - area.value.length
        var text = area.value.length >= max * 0.8 ? "You have " + left.toLocaleString("en-GB") + " character" +
          (left === 1 ? "" : "s") + " remaining (at most " + max.toLocaleString("en-GB") + ")" : ""
        if ((out || text) && made().textContent !== text) out.textContent = text
      }
      area.addEventListener("focus", made)
      area.addEventListener("input", function () { made(); clearTimeout(timer); timer = setTimeout(show, 400) })
      ctx.counts.push(show)
    })
  }

  // ----- answers given before an editor changed the item's guidance -----
  // data-aig-revs: per item, revisions oldest first (","), each its fingerprints ("+");
  // an answer's rev: a number, or a fingerprint (saved before the lock; unknown: 0).
  function readRevs(ctx) {
    var revs = (ctx.root.getAttribute("data-aig-revs") || "").split(" ")
    ctx.notes = JSON.parse(ctx.root.getAttribute("data-aig-rev-notes") || "{}")
    ctx.ids.forEach(function (id, i) {
      var r = ctx.revs[id] = { n: 0, fp: {} }
      revs[i].split(",").forEach(function (part) {
        r.n++
        part.split("+").forEach(function (f) { r.fp[f] = r.fp[f] || r.n })
      })
    })
  }

  function flags(ctx) {
    Object.keys(ctx.items).forEach(function (id) {
      var it = ctx.items[id], a = ctx.record.answers[id] || {}, r = ctx.revs[id]
      var at = a.rev === undefined ? Infinity : typeof a.rev === "number" ? a.rev : r.fp[a.rev] || 0
      if (at >= r.n) { if (it.flag) { it.flag.remove(); it.flag = null } return }
      if (it.flag) return
      var text = (ctx.notes[id] || []).slice(at ? at - 1 : -1).map(function (c, i) {
        return (i ? "It changed again on " : "The guidance for this point changed on ") + c[0] + ": " + c[1] + "."
      }).join(" ") || "The guidance for this point changed after you answered."
      var flag = it.flag = el("div", "aig-changed")
      flag.appendChild(el("p", null, text + " Review your answer."))
      flag.appendChild(button("I have reviewed my answer", function () {
        a.rev = r.n
        S.write(ctx.tool, ctx.record, true)
        refresh(ctx)
        var next = it.el.querySelector("[data-aig-field]")
        if (next) next.focus()
      }))
      it.el.insertBefore(flag, it.el.children[1] || null)
    })
  }

  function setupTool(root) {
    var ctx = {
      root: root,
      tool: root.getAttribute("data-aig-tool"),
      kind: root.getAttribute("data-aig-kind"),
      ids: root.getAttribute("data-aig-ids").split(" "),
      // Progress counts the numbered points; sub-points are answered but not counted.
      counted: (root.getAttribute("data-aig-counted") || root.getAttribute("data-aig-ids")).split(" "),
      revs: {},
      controls: $$(root, "[data-aig-field]"),
      counts: []
    }
    root.__aig = ctx
    readRevs(ctx)
    performance.mark("aig:restore:start")
    ctx.record = S.read(ctx.tool)
    S.setupBar(root)
    var aside = S.unreadableNotice(ctx.tool)
    if (aside) say(root, S.unreadableText(root.getAttribute("data-aig-title"), aside), "error")
    var kind = S.kinds[ctx.kind]
    if (kind && kind.setup) kind.setup(ctx, say)
    mapItems(ctx)
    setupCounts(ctx)
    fill(ctx)
    performance.measure("aig:restore:" + ctx.tool, "aig:restore:start")
    root.addEventListener("input", function (e) { if (e.target.matches("[data-aig-field]")) save(ctx, e.target) })
    root.addEventListener("change", function (e) { if (e.target.matches("[data-aig-field]")) save(ctx, e.target) })
  }

  // A change from another tab, an import, a reset or an undo: show it.
  document.addEventListener("aig:change", function (e) {
    $$(document, "[data-aig-tool]").forEach(function (root) {
      var ctx = root.__aig
      if (ctx && (!e.detail.tool || ctx.tool === e.detail.tool)) { ctx.record = S.read(ctx.tool); fill(ctx) }
    })
  })

  S.setupTool = setupTool
  S.loaded.fields = true
  S.init()
})()
