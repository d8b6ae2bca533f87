// Word (.docx) files made in the browser: AIGWord.download(filename, doc).
// Loaded only when a person asks for a Word file (AIG.word() in core/ui.js); the docx
// library (about 230 KB gzipped) loads on the first call, from this site, so pages
// that never export pay nothing and no CDN is involved.
// Plain script, not an ES module: Chromium refuses module scripts over file://.
// The document's shape and the API are described in README.md beside this file.
;(function () {
  "use strict"
  var S = window.AIG
  // Found from core/ui.js's own address, so it works at any site path and from file://.
  var LIB = "../../assets/vendor/docx/docx.iife.js"
  var BLUE = "005EB8" // NHS blue
  var GREY = "425563" // NHS dark grey
  var MARGIN = 1134 // 2 cm, in twips
  var WIDTH = 11906 - 2 * MARGIN // A4 width less the margins

  function load() {
    return S.loadScript(LIB, function () { return !!(window.docx && window.docx.Packer) }).then(function () { return window.docx })
  }

  function build(D, doc) {
    var body = []
    var breakNext = false // the next paragraph starts a new page

    // Text exactly as given: always the `text` option, never a child string
    // (docx reads the child strings "CURRENT" and "SECTION" as page-number fields).
    // New lines become line breaks and tabs real tabs, within one paragraph.
    function runs(text, style) {
      var out = []
      String(text == null ? "" : text).replace(/\r\n?/g, "\n").split("\n").forEach(function (line, i) {
        line.split("\t").forEach(function (part, j) {
          if (j) out.push(new D.TextRun(Object.assign({ children: [new D.Tab()] }, style)))
          if (part || (i && !j)) out.push(new D.TextRun(Object.assign({ text: part, break: i && !j ? 1 : undefined }, style)))
        })
      })
      return out
    }
    function para(text, opts, style) {
      opts = Object.assign({ children: runs(text, style) }, opts)
      if (breakNext) opts.pageBreakBefore = true
      breakNext = false
      return new D.Paragraph(opts)
    }
    function table(t) {
      var head = t.head || [], rows = t.rows || []
      var n = Math.max.apply(null, [head.length, 1].concat(rows.map(function (r) { return r.length })))
      // Column widths: in proportion to t.widths if given, else equal.
      var parts = t.widths && t.widths.length === n ? t.widths.map(Number) : Array.apply(null, Array(n)).map(function () { return 1 })
      var sum = parts.reduce(function (a, b) { return a + b }, 0)
      var ws = parts.map(function (x) { return Math.floor(WIDTH * x / sum) })
      var line = { style: D.BorderStyle.SINGLE, size: 4, color: "768692" }
      function row(cells, isHead) {
        var c = []
        for (var i = 0; i < n; i++) {
          c.push(new D.TableCell({
            width: { size: ws[i], type: D.WidthType.DXA },
            shading: isHead ? { type: D.ShadingType.CLEAR, color: "auto", fill: "E8EDEE" } : undefined,
            children: [new D.Paragraph({ spacing: { after: 0 }, children: runs(cells[i], isHead ? { bold: true } : null) })]
          }))
        }
        // The head row repeats at the top of each page; rows do not split across pages.
        return new D.TableRow({ tableHeader: isHead, cantSplit: true, children: c })
      }
      // Word will not start a page with a table, so a page break needs a paragraph.
      if (breakNext) body.push(para(""))
      // Widths in twips, not per cent: LibreOffice and Word agree on those.
      return new D.Table({
        width: { size: ws.reduce(function (a, b) { return a + b }, 0), type: D.WidthType.DXA },
        margins: { top: 57, bottom: 57, left: 108, right: 108 }, // 1 mm above and below, Word's usual sides
        columnWidths: ws,
        borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
        rows: (head.length ? [row(head, true)] : []).concat(rows.map(function (r) { return row(r, false) }))
      })
    }

    if (doc.title != null) body.push(para(doc.title, { heading: D.HeadingLevel.TITLE }))
    ;[].concat(doc.subtitle || []).forEach(function (s) { body.push(para(s, null, { color: GREY, size: 26 })) })
    ;(doc.sections || []).forEach(function (sec) {
      breakNext = !!sec.pageBreakBefore
      if (sec.heading != null) body.push(para(sec.heading, { heading: D.HeadingLevel.HEADING_1 }))
      ;(sec.blocks || []).forEach(function (b) {
        if (b.table) body.push(table(b.table))
        else if (b.list) b.list.forEach(function (item) { body.push(para(item, { bullet: { level: 0 } })) })
        else if (b.h != null) body.push(para(b.h, { heading: +b.level === 3 ? D.HeadingLevel.HEADING_3 : D.HeadingLevel.HEADING_2 }))
        else body.push(para(b.p))
      })
    })

    var small = { size: 18, color: GREY }
    // Footer: the given text, then the page number at the right margin.
    var footer = runs(doc.footer || "", small).concat(new D.TextRun(Object.assign({
      children: [new D.Tab(), "Page ", D.PageNumber.CURRENT, " of ", D.PageNumber.TOTAL_PAGES]
    }, small)))
    function heading(size) {
      return { run: { font: "Arial", size: size, bold: true, color: BLUE },
        paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } }
    }

    return new D.Document({
      title: doc.title == null ? undefined : String(doc.title),
      creator: "", lastModifiedBy: "", // not docx's "Un-named"
      styles: { default: {
        document: { run: { font: "Arial", size: 22 }, paragraph: { spacing: { after: 120 } } },
        title: heading(40), heading1: heading(32), heading2: heading(26), heading3: heading(24)
      } },
      sections: [{
        properties: { page: {
          size: { width: 11906, height: 16838 },
          margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, header: 567, footer: 567 }
        } },
        headers: { default: new D.Header({ children: [new D.Paragraph({ children: runs(doc.header || "", small) })] }) },
        footers: { default: new D.Footer({ children: [new D.Paragraph({
          tabStops: [{ type: D.TabStopType.RIGHT, position: WIDTH }], children: footer
        })] }) },
        children: body
      }]
    })
  }

  function toBlob(doc) {
    return load().then(function (D) { return D.Packer.toBlob(build(D, doc || {})) })
  }

  // A part of the page as blocks, so a page and its Word file show the same things:
  // h3 and h4 become sub-headings, p paragraphs, ul and ol lists, tables real tables
  // (head row and the rows shown); other elements are walked into. Left out: anything
  // hidden or marked .aig-noword, h1 and h2 (the caller's headings), charts, controls
  // and captions. Text is each element's textContent, so nothing is read as markup.
  // A table's data-aig-widths ("3 1 1 2") sets its columns' widths in proportion.
  var SKIP = /^(h1|h2|svg|script|style|button|input|select|textarea|label|caption|template)$/
  function cells(tr) { return Array.prototype.map.call(tr.cells, function (c) { return c.textContent }) }
  function blocks(el, out) {
    out = out || []
    Array.prototype.forEach.call(el.children, function (c) {
      var tag = c.tagName.toLowerCase()
      if (c.hidden || SKIP.test(tag) || c.classList.contains("aig-noword") || c.classList.contains("aig-vh")) return
      if (/^h[3-6]$/.test(tag)) out.push({ h: c.textContent, level: tag === "h3" ? 2 : 3 })
      else if (tag === "p") out.push({ p: c.textContent })
      else if (tag === "ul" || tag === "ol") {
        out.push({ list: Array.prototype.filter.call(c.children, function (li) { return !li.hidden }).map(function (li) { return li.textContent }) })
      } else if (tag === "table") {
        var rows = []
        Array.prototype.forEach.call(c.tBodies, function (b) {
          Array.prototype.forEach.call(b.rows, function (r) { if (!r.hidden) rows.push(cells(r)) })
        })
        var widths = c.getAttribute("data-aig-widths")
        out.push({ table: { head: c.tHead ? cells(c.tHead.rows[0]) : [], rows: rows, widths: widths ? widths.split(" ") : null } })
      } else blocks(c, out)
    })
    return out
  }

  window.AIGWord = {
    blocks: blocks,
    toBlob: toBlob,
    download: function (filename, doc) {
      var name = String(filename || "document")
      if (!/\.docx$/i.test(name)) name += ".docx"
      return toBlob(doc).then(function (blob) { S.download(name, blob.type, blob); return blob })
    }
  }
})()
