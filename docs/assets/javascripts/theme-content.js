// Material's inline content script (moved here for the Content-Security-Policy):
// a URL naming a content tab opens it.
(function () {
  var target = document.getElementById(location.hash.slice(1))
  if (target && target.name) target.checked = target.name.indexOf("__tabbed_") === 0
})()
