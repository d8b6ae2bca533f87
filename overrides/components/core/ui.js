// What every tool page shares, as window.AIG: the store over this browser's storage
// (its news become the `aig:change` event), messages, downloads; and init(), which
// sets up each tool once the scripts it names have loaded.
// User text only ever goes into form values and textContent, never into HTML.
;(function start() {
  "use strict"
  // Instant navigation runs a page's scripts again, in the order they arrive: keep the
  // first copy, and let a script whose helpers are not here yet wait (AIGWait).
  if (window.AIG) return window.AIG.init()
  if (!window.AIGContract || !window.AIGStore) return AIGWait.push(start)
  var C = window.AIGContract

  var store = window.AIGStore.create({
    storage: window.localStorage, session: window.sessionStorage, clock: Date.now,
    scope: window.__md_scope ? window.__md_scope.pathname : "/",
    blocked: !!(window.__md_blocked && window.__md_blocked.indexOf("localStorage") >= 0)
  })
  store.open()

  var persistAsked = false
  store.subscribe(function (news) {
    if (news.type === "change") document.dispatchEvent(new CustomEvent("aig:change", { detail: { tool: news.tool, external: news.external } }))
    // Ask the browser to keep this site's data when it clears storage.
    if (news.type === "write" && news.saved && !persistAsked && navigator.storage && navigator.storage.persist) {
      persistAsked = true
      navigator.storage.persist()
    }
  })
  window.addEventListener("storage", function (e) { store.onStorage(e.key) })

  function siteVersion() {
    var e = document.querySelector("[data-aig-site-version]")
    return e ? e.getAttribute("data-aig-site-version") : ""
  }

  function $$(root, sel) { return Array.prototype.slice.call(root.querySelectorAll(sel)) }
  function el(tag, cls, text) {
    var e = document.createElement(tag)
    if (cls) e.className = cls
    if (text != null) e.textContent = text
    return e
  }
  function button(text, onClick, primary) {
    var b = el("button", "md-button" + (primary ? " md-button--primary" : ""), text)
    b.type = "button"
    b.addEventListener("click", onClick)
    return b
  }

  // A message, announced one way only (WCAG 4.1.3): after a person's action it takes
  // focus (focus: true; "button": its first, which it describes; or an element of it),
  // else an error is an alert and the rest goes in the live region [data-aig-live].
  var said = 0
  function say(root, text, type, actions, focus) {
    var box = root.querySelector("[data-aig-messages]")
    if (!box) return
    // A new message replaces the last, but never the warning that nothing can be saved.
    $$(box, ".aig-msg:not([data-aig-keep])").forEach(function (m) { m.remove() })
    var msg = el("div", "aig-msg aig-msg--" + (type || "info")), p = el("p", null, text)
    p.id = "aig-said-" + ++said
    if (text) msg.appendChild(p)
    if (actions && actions.length) {
      var row = el("div", "aig-msg__actions")
      actions.forEach(function (a) { row.appendChild(a) })
      msg.appendChild(row)
    }
    if (!focus && type === "error") msg.setAttribute("role", "alert")
    ;(focus || type === "error" ? box : box.querySelector("[data-aig-live]") || box).appendChild(msg)
    if (focus) {
      var target = focus === "button" ? msg.querySelector("button") : focus.nodeType ? focus : msg
      if (target === msg) msg.tabIndex = -1
      else if (focus === "button") target.setAttribute("aria-describedby", p.id)
      target.focus()
    }
    // The root's other (polite) live regions keep quiet a second.
    $$(root, "[aria-live=polite]:not([data-aig-live])").forEach(function (r) { r.setAttribute("aria-live", "off"); r.setAttribute("data-aig-quiet", "") })
    clearTimeout(root.__aigQuiet)
    root.__aigQuiet = setTimeout(function () {
      $$(root, "[data-aig-quiet]").forEach(function (r) { r.setAttribute("aria-live", "polite"); r.removeAttribute("data-aig-quiet") })
    }, 1000)
    return msg
  }

  // Text or a Blob as a file; revoking the address at once can cancel the download.
  function download(name, type, data) {
    var url = URL.createObjectURL(data instanceof Blob ? data : new Blob([data], { type: type }))
    var a = document.createElement("a")
    a.href = url
    a.download = name
    document.body.appendChild(a)
    a.click()
    a.remove()
    setTimeout(function () { URL.revokeObjectURL(url) }, 1000)
  }
  function downloadCsv(name, rows) { download(name, "text/csv", C.csv(rows)) }

  function readFile(file, done) {
    if (!file) return
    if (file.size > C.MAX_IMPORT_BYTES) return done({ error: C.T.tooBig })
    file.text().then(function (text) { done(C.parseExport(text)) }, function () { done({ error: C.T.unreadableFile }) })
  }

  // The contract's helpers, the store's methods over them (diff, needsExport), and these.
  var S = window.AIG = Object.assign({}, C, store, {
    kinds: {}, pages: {}, actions: {}, loaded: {}, STATUS: {}, store: store,
    unreadableText: function (title, n) { return n.ids ? C.T.partly(title, n.ids, n.key) : C.T.unreadable(title, n.key) },
    today: function () { return C.isoDay(new Date()) },
    // The current assessment's name (or `name`), who made it (or who exports), today.
    fileStem: function (name) { var a = store.current(); return C.fileStem(name || a.name, new Date(), name ? store.by() : store.who(a)) },
    siteVersion: siteVersion, $$: $$, el: el, button: button, say: say,
    download: download, downloadCsv: downloadCsv, readFile: readFile
  })

  // Each script named in data-aig-scripts calls init() once loaded, as does every page
  // change; a root is set up once all have. Safe to run any number of times.
  function ready(root) {
    return (root.getAttribute("data-aig-scripts") || "").split(" ").every(function (n) { return !n || S.loaded[n] })
  }

  // Instant navigation scrolls to the address's #target before the page's own stylesheet
  // is in and its tools are set up, which moves the target: go to it again after both.
  function toTarget() {
    var t = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)))
    var css = document.querySelector("link[href*='components/styles/']")
    if (!t) return
    if (css && !css.sheet) css.addEventListener("load", function () { t.scrollIntoView() }, { once: true })
    else t.scrollIntoView()
  }

  function init() {
    // Status names come from the page, so wording lives in one place (macros/tools.py).
    var holder = document.querySelector("[data-aig-statuses]")
    if (holder) Object.assign(S.STATUS, JSON.parse(holder.getAttribute("data-aig-statuses")))
    var arrived = false
    $$(document, "[data-aig-tool]:not([data-aig-ready]), [data-aig-page]:not([data-aig-ready])").forEach(function (root) {
      if (!ready(root)) return
      arrived = true
      root.setAttribute("data-aig-ready", "1")
      if (root.hasAttribute("data-aig-tool")) return S.setupTool(root)
      var page = S.pages[root.getAttribute("data-aig-page")]
      if (page) { if (root.querySelector("[data-aig-bar]")) S.setupBar(root); page(root) }
    })
    if (arrived) setTimeout(toTarget)
  }
  S.init = init
  ;(window.AIGWait || []).splice(0).forEach(function (f) { f() })

  // Instant navigation swaps the page without a load event; over file:// Material's
  // document$ may never emit, hence DOMContentLoaded too. Its bundle is deferred after
  // this script (main.html), so document$ may exist only once the page has loaded.
  var subscribed = false
  function subscribe() {
    if (!subscribed && window.document$ && window.document$.subscribe) { subscribed = true; window.document$.subscribe(init) }
  }
  subscribe()
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", function () { subscribe(); init() })
  else init()
})()
