// Why: overrides/partials/javascripts/palette.html
;(function () {
  function memory() {
    var d = new Map()
    return { getItem: function (k) { return d.has(k) ? d.get(k) : null }, setItem: function (k, v) { d.set(String(k), String(v)) },
      removeItem: function (k) { d.delete(k) }, key: function (i) { return Array.from(d.keys())[i] || null },
      clear: function () { d.clear() }, get length() { return d.size } }
  }
  window.__md_blocked = []
  window.AIGWait = [] // components/core/ui.js
  ;["localStorage", "sessionStorage"].forEach(function (name) {
    try { window[name].getItem("__md") } catch (e) {
      __md_blocked.push(name)
      Object.defineProperty(window, name, { value: memory(), configurable: true })
    }
  })
  if (location.protocol == "file:") document.documentElement.classList.add("aig-file")
  // JavaScript runs: tools lay out their toolbars from the first paint (core.css).
  document.documentElement.classList.add("aig-js")
  window.__md_scope = new URL(document.currentScript.getAttribute("data-md-scope"), location)
  window.__md_hash = function (s) {
    return Array.from(s).reduce(function (h, c) { return (h << 5) - h + c.charCodeAt(0) }, 0)
  }
  window.__md_get = function (key, storage, base) {
    try { return JSON.parse((storage || localStorage).getItem((base || __md_scope).pathname + "." + key)) } catch (e) { return null }
  }
  window.__md_set = function (key, value, storage, base) {
    try { (storage || localStorage).setItem((base || __md_scope).pathname + "." + key, JSON.stringify(value)) } catch (e) {}
  }
  var palette = __md_get("__palette"), c = palette && palette.color
  if (!c) return
  function restore() {
    if (!document.body) return document.readyState != "loading"
    for (var k in c) document.body.setAttribute("data-md-color-" + k, c[k])
    return true
  }
  if (restore()) return
  var wait = new MutationObserver(function () { if (restore()) wait.disconnect() })
  wait.observe(document, { childList: true, subtree: true })
  document.addEventListener("DOMContentLoaded", function () { if (restore()) wait.disconnect() })
})()
addEventListener("keydown", function (e) {
  if (e.key == "Tab") document.querySelectorAll("article abbr").forEach(function (a) { a.tabIndex = 0 })
  if (e.key == "Escape") document.querySelectorAll(".md-tooltip2--active").forEach(function (t) { t.classList.remove("md-tooltip2--active") })
})
