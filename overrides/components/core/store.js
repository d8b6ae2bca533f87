// Saved answers over a Storage-like object (keys and rules: DESIGN.md). Nothing touches
// storage before open() (which moves v1 answers); the store never calls the page, which
// subscribes to its news: {type: "change", tool, external}, {type: "write", id, saved}.
;(function (root) {
  "use strict"
  if (root && root.AIGStore) return // instant navigation runs a page's scripts again
  var C = typeof module !== "undefined" && module.exports ? require("./contract.js") : null
  var V1 = "ai-guide.v1.", V2 = "ai-guide.v2."

  function create(opts) {
    C = C || root.AIGContract
    var storage = opts.storage, session = opts.session
    var scope = opts.scope || "/", P = scope + V2, tabKey = P + "current"
    var clock = opts.clock || Date.now
    var blocked = !!opts.blocked, failed = false
    var mem = {} // what could not be saved, kept for this visit (null: removed)
    var notices = {} // tool -> data set aside
    var undoMemory = null
    var listeners = []
    var index = null

    function now() { return new Date(clock()).toISOString() }
    function newId() { return "a" + clock().toString(36) + Math.random().toString(36).slice(2, 6) }
    function emit(news) { listeners.slice().forEach(function (fn) { fn(news) }) }
    function notifyChange(tool, external) { emit({ type: "change", tool: tool || null, external: !!external }) }

    function get(k) {
      if (k in mem) return mem[k]
      try { return storage.getItem(k) } catch (e) { failed = true; return null }
    }
    function set(k, v) {
      if (!blocked) {
        try {
          if (v === null) storage.removeItem(k); else storage.setItem(k, v)
          delete mem[k]
          return true
        } catch (e) { failed = true }
      }
      mem[k] = v
      return false
    }
    function keys() {
      var out = Object.keys(mem)
      try { for (var i = 0; i < storage.length; i++) if (out.indexOf(storage.key(i)) < 0) out.push(storage.key(i)) } catch (e) { failed = true }
      return out.filter(function (k) { return get(k) !== null })
    }
    function tab(id) {
      try { if (id === undefined) return session.getItem(tabKey); session.setItem(tabKey, id) } catch (e) {}
      return null
    }

    function readIndex(at) {
      var ix
      try { ix = JSON.parse(get((at || P) + "assessments")) } catch (e) { ix = null }
      if (!C.isObject(ix) || !Array.isArray(ix.list)) return null
      // Indexes written before the rename kept the date in `dirty`.
      ix.list.forEach(function (a) {
        if (C.isObject(a) && "dirty" in a) { if (a.unexportedSince === undefined) a.unexportedSince = a.dirty; delete a.dirty }
      })
      return ix
    }
    function writeIndex() { set(P + "assessments", JSON.stringify(index)) }
    // Another tab may have changed it.
    function fresh() { var r = readIndex(); if (r && r.list.length) index = r }
    function entry(name) { return { id: newId(), name: name, created: now(), changed: null, exported: null, unexportedSince: null } }

    // The first visit after the v2 update: v1 answers become the first assessment.
    function open() {
      var ix = readIndex()
      if (ix && ix.list.length) return (index = ix)
      var v1 = scope + V1, first = entry("My assessment"), moved = []
      index = { format: 2, current: first.id, list: [first] }
      keys().forEach(function (k) {
        var tool = k.slice(v1.length)
        if (k.indexOf(v1) !== 0 || !C.NAME.test(tool)) return
        var raw = get(k), rec
        try { rec = JSON.parse(raw) } catch (e) { rec = null }
        if (!C.isObject(rec) || !C.isObject(rec.answers)) return // left as it is; never deleted
        var v2 = JSON.stringify({ format: 2, tool: tool, updated: rec.updated || null, answers: rec.answers })
        var to = key(first.id, tool)
        if (set(to, v2) && get(to) === v2) moved.push(k) // written and read back
        if (rec.updated && (!first.changed || rec.updated > first.changed)) first.changed = rec.updated
      })
      writeIndex()
      if (readIndex()) moved.forEach(function (k) { set(k, null) })
      return index
    }
    function ix() { if (!index) open(); return index }

    function find(id) { return ix().list.filter(function (a) { return a.id === id })[0] }
    function currentId() {
      var id = tab()
      ix()
      fresh()
      if (!find(id)) {
        id = find(index.current) ? index.current : index.list[0].id
        tab(id) // pin this tab to it, so another tab's switch never moves this one
      }
      return id
    }
    function current() { return find(currentId()) }
    function switchTo(id) {
      tab(id)
      ix().current = id
      writeIndex()
      notifyChange(null)
    }
    function touch(id) {
      var a = find(id)
      if (!a) return
      a.changed = now()
      if (!a.unexportedSince) a.unexportedSince = a.changed
      writeIndex()
    }

    function createAssessment(name, from) {
      var a = entry(name)
      ix().list.push(a)
      if (from) toolsIn(from).forEach(function (t) { set(key(a.id, t), JSON.stringify(readIn(from, t))) })
      switchTo(a.id)
      return a
    }
    function rename(id, name) { find(id).name = name; writeIndex(); notifyChange(null) }
    function removeAssessment(id) {
      snapshot(id)
      toolsIn(id).forEach(function (t) { set(key(id, t), null) })
      index.list = index.list.filter(function (a) { return a.id !== id })
      if (!index.list.length) index.list.push(entry("My assessment"))
      switchTo(index.list[0].id)
    }
    function saveEntry(a) { var e = find(a.id); if (e) { Object.assign(e, a); writeIndex() } }
    function by(v) { if (v != null) { ix().by = v; writeIndex() } return ix().by }
    // Who made an assessment: as imported, else the person here.
    function who(a) { return a.by != null ? a.by : ix().by || "" }
    // {id: name told apart from the others (C.labels)}
    function labels() {
      var list = ix().list, l = C.labels(list, ix().by), out = {}
      list.forEach(function (a, i) { out[a.id] = l[i] })
      return out
    }

    function key(id, tool) { return P + (id || currentId()) + "." + tool }
    function empty(tool) { return { format: 2, tool: tool, updated: null, answers: {} } }

    function readIn(id, tool) {
      var k = key(id, tool), raw = get(k)
      if (raw === null) return empty(tool)
      var rec
      try { rec = JSON.parse(raw) } catch (e) { rec = undefined }
      var whole = C.problem(rec, tool)
      var out = whole ? null : C.sift(rec)
      if (out && !out.ids.length) return rec
      // Set unreadable data aside; never delete it silently.
      var aside = k + ".unreadable-" + now().replace(/[:.]/g, "-")
      if (!set(aside, whole ? raw : JSON.stringify({ format: 2, tool: tool, answers: out.bad }))) aside = k
      else set(k, whole ? null : JSON.stringify(rec))
      notices[tool] = { key: aside, ids: out && out.ids }
      return whole ? empty(tool) : rec
    }
    function read(tool) { return readIn(null, tool) }

    // False when kept for this visit only. `quiet`: the page that wrote it shows it.
    function write(tool, rec, quiet) {
      rec.format = 2
      rec.updated = now()
      var id = currentId(), saved = set(key(id, tool), JSON.stringify(rec))
      touch(id)
      if (!quiet) notifyChange(tool)
      emit({ type: "write", id: id, saved: saved })
      return saved
    }
    function remove(tool) { set(key(null, tool), null); touch(currentId()); notifyChange(tool) }

    function toolsIn(id) {
      var p = P + (id || currentId()) + "."
      return keys().filter(function (k) { return k.indexOf(p) === 0 && C.NAME.test(k.slice(p.length)) })
        .map(function (k) { return k.slice(p.length) })
    }

    // Another tab changed a key: news of this tab's assessment only.
    function onStorage(k) {
      if (!k || k.indexOf(P) !== 0 || !index) return
      fresh()
      var p = P + currentId() + "."
      if (k.indexOf(p) === 0) notifyChange(k.slice(p.length), true)
      else if (k === P + "assessments") notifyChange(null, true)
    }

    // One assessment (the current one unless `id`): some tools, or all.
    function envelope(tools, siteVersion, id) {
      var a = id ? find(id) : current(), out = { format: C.FORMAT, version: C.VERSION, exported: now(), site_version: siteVersion || "",
        by: ix().by || "", assessments: [{ id: a.id, name: a.name, created: a.created, changed: a.changed, by: who(a), tools: {} }] }
      ;(tools || toolsIn(a.id)).forEach(function (t) {
        var r = readIn(a.id, t)
        if (r.updated || Object.keys(r.answers).length) out.assessments[0].tools[t] = r
      })
      return out
    }
    function envelopeOfAll(siteVersion) {
      var out = null
      ix().list.forEach(function (a) {
        var one = envelope(null, siteVersion, a.id)
        if (out) out.assessments.push(one.assessments[0]); else out = one
      })
      return out
    }
    // An export of some tools, or `all` of each assessment in `ids` (else the current).
    function markExported(all, ids, when) {
      ;(ids || [currentId()]).forEach(function (id) {
        var a = find(id)
        if (!a) return
        a.exported = when || now()
        if (all) a.unexportedSince = null
      })
      writeIndex()
      notifyChange(null)
    }

    function diff(tools, mode) { return C.diff(function (t) { return read(t).answers }, tools, mode) }

    // The raw keys and the index before an import, reset or delete, for undo.
    function snapshot(id) {
      id = id || currentId()
      var p = P + id + ".", snap = { id: id, index: C.copy(ix()), keys: {} }
      keys().forEach(function (k) { if (k.indexOf(p) === 0) snap.keys[k] = get(k) })
      undoMemory = null
      if (!set(P + "undo", JSON.stringify(snap))) undoMemory = snap
    }

    function apply(tools, mode) {
      snapshot()
      Object.keys(tools).forEach(function (t) {
        var rec = read(t)
        rec.answers = mode === "replace" ? C.copy(tools[t].answers) : Object.assign(rec.answers, C.copy(tools[t].answers))
        write(t, rec)
      })
    }

    function restoreTarget() {
      return C.restoreTarget(ix().list.map(function (a) {
        return { id: a.id, empty: toolsIn(a.id).every(function (t) { return !Object.keys(readIn(a.id, t).answers).length }) }
      }))
    }
    // A file's assessments, with their names, dates and makers; the first fills the
    // restore target, if any. Returns {ids: theirs here, filled: the target or null}.
    function addAll(data) {
      var filled = restoreTarget()
      snapshot()
      var ids = data.assessments.map(function (a, i) {
        var e = i === 0 && filled ? find(filled) : entry("")
        if (e.id === filled) toolsIn(filled).forEach(function (t) { set(key(filled, t), null) })
        else index.list.push(e)
        var kept = C.importedEntry(a, data)
        for (var f in kept) if (kept[f]) e[f] = kept[f]
        e.name = e.name || "Imported assessment"
        e.unexportedSince = null
        for (var t in a.tools) set(key(e.id, t), JSON.stringify(a.tools[t]))
        return e.id
      })
      writeIndex()
      notifyChange(null)
      return { ids: ids, filled: filled }
    }

    // Answers saved under another path of this origin (the site moved, say from /ai-guide/
    // to /guides/ai/; browsers keep storage per origin): [{scope, list}] for each path
    // with assessments, none of which is here yet.
    function elsewhere() {
      var end = V2 + "assessments", from = ix().list.map(function (a) { return a.from })
      return keys().map(function (k) {
        var s = k.slice(0, -end.length), theirs = k.slice(-end.length) === end && s.charAt(0) === "/" &&
          s !== scope && from.indexOf(s) < 0 && readIndex(s + V2)
        var list = theirs ? theirs.list.filter(function (a) { return C.isObject(a) && typeof a.id == "string" }) : []
        return list.length ? { scope: s, list: list } : null
      }).filter(Boolean)
    }
    // One of them ({scope, list}) brought here as an import of a file would be (undo takes
    // it away), export dates as they were; read through a store that cannot write.
    function bringFrom(found) {
      var there = create({ storage: storage, scope: found.scope, blocked: true })
      var done = addAll({ assessments: found.list.map(function (a) {
        var tools = {}
        there.toolsIn(a.id).forEach(function (t) { tools[t] = there.readIn(a.id, t) })
        return { name: typeof a.name == "string" ? a.name.slice(0, 100) : "", created: a.created, changed: a.changed, by: there.who(a), tools: tools }
      }) })
      done.ids.forEach(function (id, i) {
        Object.assign(find(id), { from: found.scope, exported: found.list[i].exported || null, unexportedSince: found.list[i].unexportedSince || null })
      })
      writeIndex()
      return done
    }

    function reset(tools) {
      snapshot()
      tools.forEach(remove)
    }

    function undo() {
      var snap = undoMemory
      try { snap = snap || JSON.parse(get(P + "undo")) } catch (e) { snap = null }
      if (!C.isObject(snap) || !C.isObject(snap.keys) || !C.isObject(snap.index)) return false
      index = snap.index
      writeIndex()
      var ids = index.list.map(function (a) { return a.id })
      // Remove what was added since (assessments the snapshot did not know, and keys of
      // the snapshot's assessment it did not hold), then put back each key as it was.
      keys().forEach(function (k) {
        var rest = k.slice(P.length).split(".")
        if (k.indexOf(P) === 0 && rest.length === 2 && C.NAME.test(rest[1]) &&
          (ids.indexOf(rest[0]) < 0 || (rest[0] === snap.id && !(k in snap.keys)))) set(k, null)
      })
      for (var k in snap.keys) set(k, snap.keys[k])
      writeIndex()
      undoMemory = null
      set(P + "undo", null)
      switchTo(snap.id)
      return true
    }

    return {
      open: open, subscribe: function (fn) { listeners.push(fn) }, onStorage: onStorage,
      read: read, readIn: readIn, write: write, remove: remove, toolsIn: toolsIn,
      assessments: function () { fresh(); return ix().list.slice() },
      current: current, labels: labels, who: who, restoreTarget: restoreTarget, switchTo: switchTo, create: createAssessment, rename: rename, removeAssessment: removeAssessment,
      saveEntry: saveEntry, by: by,
      envelope: envelope, envelopeOfAll: envelopeOfAll, markExported: markExported,
      diff: diff, apply: apply, addAll: addAll, reset: reset, undo: undo, elsewhere: elsewhere, bringFrom: bringFrom,
      needsExport: function (a) { return C.needsExport(a, clock()) },
      cannotSave: function () { return blocked || failed },
      unreadableNotice: function (tool) { var n = notices[tool]; delete notices[tool]; return n }
    }
  }

  var api = { create: create }
  if (typeof module !== "undefined" && module.exports) module.exports = api
  else root.AIGStore = api
  if (root && root.AIGWait) root.AIGWait.splice(0).forEach(function (f) { f() })
})(typeof window !== "undefined" ? window : this)
