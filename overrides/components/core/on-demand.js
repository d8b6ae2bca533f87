// Scripts loaded only when a person asks for them: AIG.word() gives the Word adapter
// (components/word/word.js), which loads the docx library the same way; AIG.loadScript
// also gives the business case its drafting (drafts.js) and the team view its CSV rows
// (team-csv.js) on the first click; AIG.loadStyle the board pack its print layout
// (print.css) and the team view its tables' styles (results.css). Loaded by the pages
// that use one of them.
;(function start() {
  "use strict"
  var S = window.AIG
  if (!S) return AIGWait.push(start)
  if (S.loaded["on-demand"]) return S.init() // already loaded on an earlier page
  var SELF = document.currentScript && document.currentScript.src

  // A script (path from components/core/) loaded once, when first asked; ready(): it
  // ran as hoped. Only Word files need one, hence the message.
  var loading = {}
  function loadScript(path, ready) {
    if (ready()) return Promise.resolve()
    var src
    try { src = new URL(path, SELF).href } catch (e) { return Promise.reject(new Error(S.T.wordFailed)) }
    if (loading[src]) return loading[src]
    return (loading[src] = new Promise(function (resolve, reject) {
      var s = document.createElement("script")
      function fail() { delete loading[src]; s.remove(); reject(new Error(S.T.wordFailed)) } // a later click tries again
      s.onload = function () { if (ready()) resolve(); else fail() }
      s.onerror = fail
      s.charset = "utf-8" // pages without <meta charset> would garble a library's UTF-8 text
      s.src = src
      document.head.appendChild(s)
    }))
  }
  // A stylesheet (path from components/core/) that only one page needs, linked when its
  // script starts rather than in the page's stylesheet, which holds back its first paint; added once.
  function loadStyle(path, media) {
    var href = new URL(path, SELF).href
    if (S.$$(document.head, "link[rel=stylesheet]").some(function (l) { return l.href === href })) return
    var link = document.createElement("link")
    link.rel = "stylesheet"
    link.href = href
    if (media) link.media = media
    document.head.appendChild(link)
  }
  function word() {
    return loadScript("../word/word.js", function () { return !!window.AIGWord }).then(function () { return window.AIGWord })
  }

  S.loadScript = loadScript
  S.loadStyle = loadStyle
  S.word = word
  S.loaded["on-demand"] = true
  S.init()
})()
