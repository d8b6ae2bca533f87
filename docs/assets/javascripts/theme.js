// Material's two inline scripts, and glossary tooltips: why, in overrides/partials/javascripts/palette.html.
;(function () {
  function memory() {
    var d = new Map()
    return {
      getItem: function (k) { return d.has(k) ? d.get(k) : null },
      setItem: function (k, v) { d.set(String(k), String(v)) },
      removeItem: function (k) { d.delete(k) },
      key: function (i) { return Array.from(d.keys())[i] || null },
      clear: function () { d.clear() },
      get length() { return d.size }
    }
  }
  window.__md_blocked = []
  ;["localStorage", "sessionStorage"].forEach(function (name) {
    try { window[name].getItem("__md") } catch (e) {
      window.__md_blocked.push(name)
      Object.defineProperty(window, name, { value: memory(), configurable: true })
    }
  })
  var scope = document.currentScript.getAttribute("data-md-scope")
  if (location.protocol === "file:") document.documentElement.classList.add("aig-file")
  window.__md_scope = new URL(scope, location)
  window.__md_hash = function (s) {
    return Array.from(s).reduce(function (h, c) { return (h << 5) - h + c.charCodeAt(0) }, 0)
  }
  window.__md_get = function (key, storage, base) {
    try {
      return JSON.parse((storage || localStorage).getItem((base || __md_scope).pathname + "." + key))
    } catch (e) { return null }
  }
  window.__md_set = function (key, value, storage, base) {
    try {
      (storage || localStorage).setItem((base || __md_scope).pathname + "." + key, JSON.stringify(value))
    } catch (e) {}
  }
})()
;(function () {
  var palette = __md_get("__palette")
  if (!palette || !palette.color) return
  if (palette.color.media === "(prefers-color-scheme)") {
    var light = matchMedia("(prefers-color-scheme: light)").matches
    var input = document.querySelector(light
      ? "[data-md-color-media='(prefers-color-scheme: light)']"
      : "[data-md-color-media='(prefers-color-scheme: dark)']")
    if (!input) return
    ;["media", "scheme", "primary", "accent"].forEach(function (k) {
      palette.color[k] = input.getAttribute("data-md-color-" + k)
    })
  }
  for (var key in palette.color) document.body.setAttribute("data-md-color-" + key, palette.color[key])
})()
addEventListener("keydown", function (e) {
  if (e.key == "Tab") document.querySelectorAll("article abbr").forEach(function (a) { a.tabIndex = 0 })
  if (e.key == "Escape") document.querySelectorAll(".md-tooltip2--active").forEach(function (t) { t.classList.remove("md-tooltip2--active") })
})
