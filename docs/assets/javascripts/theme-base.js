// Material's start-up helpers, from its inline script (moved here for the
// Content-Security-Policy). Material reads localStorage and sessionStorage
// unguarded: where a browser blocks site data even reading the property throws,
// so such storage is swapped for one that lasts only this visit, and flagged.
(function () {
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
