// What a person types comes back exactly: generated text of every class (markup,
// ampersands, quotes, emoji and joined emoji, right-to-left, line breaks, tabs,
// spaces, control characters...) up to each form's limit (50,000 in a long box, 500
// in a short one), saved, read again on the next visit, exported, imported into an
// empty browser and exported again. The browser flow that types, reloads, exports and
// imports is tests/browser/test_round_trip.py.
"use strict"
const test = require("node:test")
const assert = require("node:assert/strict")
const C = require("../../overrides/components/core/contract.js")
const Store = require("../../overrides/components/core/store.js")
const { FakeStorage } = require("./fake-storage.js")

const PIECES = {
  markup: ["<b>", "</b>", "x<y", "a > b", "</textarea>", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
    "<!-- note -->", "<![CDATA[", "]]>", "{{ page.title }}", "${x}", '<p class="x">', "<"],
  amp: ["&", "&amp;", "&lt;b&gt;", "&#x3C;", "AT&T", "&nbsp;", "R&D", "&&"],
  quotes: ['"', "'", "`", "\u201cquoted\u201d", "\u2018it\u2019s\u2019", '\\"', "\\", "\\n", "''", '""'],
  emoji: ["\u{1F600}", "\u{1F469}\u200D\u2695\uFE0F", "\u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}", "\u{1F1EC}\u{1F1E7}",
    "\u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}", "\u{1F44D}\u{1F3FD}", "\u2764\uFE0F", "\u{1F9D1}\u{1F3FF}\u200D\u{1F4BB}"],
  rtl: ["\u0645\u0631\u062D\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645", "\u05E9\u05DC\u05D5\u05DD \u05E2\u05D5\u05DC\u05DD",
    "\u200FRLM\u200F", "\u202Eoverride\u202C", "NHS \u0645\u0631\u062D\u0628\u0627 123"],
  newline: ["\n", "\r\n", "\n\n", "\r", "\r\n\r\n"],
  tab: ["\t", "\t\t", " \t "],
  space: [" ", "   ", "\u00A0", "\u2003", "\u200B"],
  other: ["\u00E9", "e\u0301", "\u00DF", "\u03A9", "\u4E2D\u6587", "\uFEFF", "\u2028", "\u2029", "\u{1D518}\u{1D52B}\u{1D526}",
    "\u00A31,000", "\u20AC", "\u00BD", "\u0000", "\u0001", "\u001F", "\uD800", "\uDFFF"], // lone surrogates too
}
const CLASSES = Object.keys(PIECES).sort()
const WORDS = "the AI lead agreed a pilot with the CCIO and the DPO after the board met on Tuesday".split(" ")

// The same strings on every run (mulberry32).
function random(seed) {
  return () => {
    seed = (seed + 0x6D2B79F5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

// A string of exactly `length` UTF-16 units (what maxlength counts), mostly of `focus`.
function generated(rnd, length, focus) {
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)]
  let s = ""
  while (s.length < length) {
    const cls = focus && rnd() < 0.6 ? focus : pick(CLASSES.concat("words"))
    s += cls === "words" ? Array.from({ length: 1 + Math.floor(rnd() * 6) }, () => pick(WORDS)).join(" ") : pick(PIECES[cls])
  }
  return s.slice(0, length) // may split a pair: a form could hold that too, and it must come back as it was
}

// Each form's fields: long boxes (maxlength 50,000) and short ones (500).
const FORMS = {
  "deployment-checklist": { notes: 50000, owner: 500 },
  "readiness-assessment": { notes: 50000 },
  "benefits-planner": { measure: 500, baseline: 500, target: 500, owner: 500 },
  "business-case": { text: 50000 },
}

function values(rnd, limit, n) {
  const out = [generated(rnd, limit), generated(rnd, limit - 1) + "\u{1F469}".slice(0, 1), generated(rnd, Math.min(limit, 20001)),
    "  \t" + generated(rnd, 40) + " \t  ", " \t ", "", generated(rnd, 1)]
  for (let i = 0; out.length < n; i++) out.push(generated(rnd, 1 + Math.floor(rnd() * Math.min(limit, 3000)), CLASSES[i % CLASSES.length]))
  return out
}

function tab(storage) {
  const store = Store.create({ storage, session: new FakeStorage(), scope: "/", clock: Date.now })
  store.open()
  return store
}

test("generated text up to each form's limit comes back exactly: saved, reloaded, exported, imported, exported again", () => {
  const rnd = random(7)
  const storage = new FakeStorage()
  const first = tab(storage)
  const typed = {} // tool -> answers, as the forms would save them
  let count = 0
  for (const [tool, fields] of Object.entries(FORMS)) {
    const rec = first.read(tool)
    for (const [field, limit] of Object.entries(fields)) {
      values(rnd, limit, 24).forEach((v, i) => {
        if (!v) return // a box left empty is not saved
        const id = `item-${i}`
        ;(rec.answers[id] = rec.answers[id] || {})[field] = v
        count++
      })
    }
    typed[tool] = JSON.parse(JSON.stringify(rec.answers))
    assert.equal(first.write(tool, rec), true)
  }
  assert.ok(count >= 150, count)
  const all = Object.values(typed).flatMap((a) => Object.values(a).flatMap(Object.values))
  assert.equal(Math.max(...all.map((v) => v.length)), 50000)
  assert.ok(all.filter((v) => v.length === 500).length >= 4)
  for (const cls of CLASSES) assert.ok(PIECES[cls].some((p) => all.some((v) => v.includes(p))), cls)

  // The next visit: a new page over the same storage reads every answer exactly, nothing set aside.
  const again = tab(storage)
  for (const tool in FORMS) {
    assert.deepEqual(again.read(tool).answers, typed[tool], tool)
    assert.equal(again.unreadableNotice(tool), undefined)
  }

  // Exported as the toolbar writes it, then imported into an empty browser.
  const text = JSON.stringify(again.envelope(null, "1.0.0"), null, 2)
  const parsed = C.parseExport(text)
  assert.deepEqual(parsed.dropped, [])
  const other = tab(new FakeStorage())
  other.apply(parsed.data.assessments[0].tools, "merge")
  for (const tool in FORMS) assert.deepEqual(other.read(tool).answers, typed[tool], tool)
  const back = C.parseExport(JSON.stringify(other.envelope(null, "1.0.0"), null, 2)).data.assessments[0].tools
  for (const tool in FORMS) assert.deepEqual(back[tool].answers, typed[tool], tool)
})

test("an answer at the import limit imports; one character more is left out and listed", () => {
  const answers = { "at-limit": { notes: "\u{1F600}".repeat(C.MAX_TEXT / 2) }, "over": { notes: "x".repeat(C.MAX_TEXT + 1) } }
  const out = C.parseExport(JSON.stringify({ format: "ai-guide-answers", version: 2,
    assessments: [{ tools: { "where-to-start": { format: 2, tool: "where-to-start", answers } } }] }))
  assert.deepEqual(out.dropped, ["where-to-start: over"])
  assert.equal(out.data.assessments[0].tools["where-to-start"].answers["at-limit"].notes.length, C.MAX_TEXT)
})
