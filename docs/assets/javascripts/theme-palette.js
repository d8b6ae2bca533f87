// Material's inline palette restore (moved here for the Content-Security-Policy).
(function () {
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
