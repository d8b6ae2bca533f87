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
  var A4 = [11906, 16838] // width and height, portrait, in twips

  function load() {
    return S.loadScript(LIB, function () { return !!(window.docx && window.docx.Packer) }).then(function () { return window.docx })
  }

  function build(D, doc) {
    // A4 portrait, 2 cm margins, 11 pt; or (doc.landscape, a one-page paper) A4 landscape, 1 cm margins, 8.5 pt.
    var land = !!doc.landscape, margin = land ? 567 : 1134, width = A4[land ? 1 : 0] - 2 * margin
    // Word sections: a new one (continuous) where the number of text columns changes.
    var parts = [{ columns: 1, children: [] }], body = parts[0].children
    var breakNext = false // the next paragraph starts a new page
    var columnNext = false // the next paragraph starts the next column
    var keep = false // the next paragraph keeps with the one after it (a section kept on one page)

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
      if (keep) opts.keepNext = true
      if (columnNext) opts.children.unshift(new D.ColumnBreak())
      breakNext = columnNext = false
      return new D.Paragraph(opts)
    }
    // together: its rows keep with the next (a section kept on one page); last: and so does the last row.
    function table(t, together, last) {
      var head = t.head || [], rows = t.rows || []
      var n = Math.max.apply(null, [head.length, 1].concat(rows.map(function (r) { return r.length })))
      // Column widths: in proportion to t.widths if given, else equal.
      var shares = t.widths && t.widths.length === n ? t.widths.map(Number) : Array.apply(null, Array(n)).map(function () { return 1 })
      var sum = shares.reduce(function (a, b) { return a + b }, 0)
      var ws = shares.map(function (x) { return Math.floor(width * x / sum) })
      var line = { style: D.BorderStyle.SINGLE, size: 4, color: "768692" }
      function row(cells, isHead, r) {
        var c = []
        for (var i = 0; i < n; i++) {
          c.push(new D.TableCell({
            width: { size: ws[i], type: D.WidthType.DXA },
            shading: isHead ? { type: D.ShadingType.CLEAR, color: "auto", fill: "E8EDEE" } : undefined,
            children: [new D.Paragraph({ spacing: { after: 0 }, keepNext: isHead || r < rows.length - 1 ? together : last,
              children: runs(cells[i], isHead ? { bold: true } : null) })]
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
        rows: (head.length ? [row(head, true)] : []).concat(rows.map(function (r, i) { return row(r, false, i) }))
      })
    }

    if (doc.title != null) body.push(para(doc.title, { heading: D.HeadingLevel.TITLE }))
    ;[].concat(doc.subtitle || []).forEach(function (s) { body.push(para(s, null, { color: GREY, size: 26 })) })
    ;(doc.sections || []).forEach(function (sec) {
      var columns = sec.columns || 1
      if (columns !== parts[parts.length - 1].columns) parts.push({ columns: columns, children: body = [] })
      breakNext = !!sec.pageBreakBefore
      columnNext = !!sec.columnBreakBefore
      if (sec.heading != null) body.push(para(sec.heading, { heading: D.HeadingLevel.HEADING_1 }))
      // keepTogether: each paragraph and row keeps with the next, up to the section's last line.
      var blocks = sec.blocks || [], together = !!sec.keepTogether
      blocks.forEach(function (b, i) {
        var more = together && i < blocks.length - 1
        keep = more
        if (b.table) body.push(table(b.table, together, more))
        else if (b.list) b.list.forEach(function (item, j) { keep = more || (together && j < b.list.length - 1); body.push(para(item, { bullet: { level: 0 } })) })
        else if (b.h != null) body.push(para(b.h, { heading: +b.level === 3 ? D.HeadingLevel.HEADING_3 : D.HeadingLevel.HEADING_2 }))
        else body.push(para(b.p))
      })
      keep = false
    })

    var small = { size: 18, color: GREY }
    // Footer: the given text, then the page number at the right margin.
    var footer = runs(doc.footer || "", small).concat(new D.TextRun(Object.assign({
      children: [new D.Tab(), "Page ", D.PageNumber.CURRENT, " of ", D.PageNumber.TOTAL_PAGES]
    }, small)))
    function heading(size) {
      return { run: { font: "Arial", size: land ? Math.round(size * 0.65) : size, bold: true, color: BLUE },
        paragraph: { spacing: land ? { before: 80, after: 20 } : { before: 240, after: 120 }, keepNext: true } }
    }
    var page = {
      size: { width: A4[0], height: A4[1], orientation: land ? D.PageOrientation.LANDSCAPE : D.PageOrientation.PORTRAIT },
      margin: { top: margin, bottom: margin, left: margin, right: margin, header: land ? 284 : 567, footer: land ? 284 : 567 }
    }

    return new D.Document({
      title: doc.title == null ? undefined : String(doc.title),
      creator: "", lastModifiedBy: "", // not docx's "Un-named"
      styles: { default: {
        document: { run: { font: "Arial", size: land ? 17 : 22 }, paragraph: { spacing: { after: land ? 40 : 120 } } },
        title: heading(40), heading1: heading(32), heading2: heading(26), heading3: heading(24)
      } },
      // The first Word section holds the header and footer; the others follow on (continuous) and use them.
      sections: parts.map(function (part, i) {
        return {
          properties: { page: page, type: i ? D.SectionType.CONTINUOUS : undefined,
            column: part.columns > 1 ? { count: part.columns, space: 425 } : undefined },
          headers: i ? undefined : { default: new D.Header({ children: [new D.Paragraph({ children: runs(doc.header || "", small) })] }) },
          footers: i ? undefined : { default: new D.Footer({ children: [new D.Paragraph({
            tabStops: [{ type: D.TabStopType.RIGHT, position: width }], children: footer
          })] }) },
          children: part.children
        }
      })
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
