// The engine flow in Firefox ESR (Debian's firefox-esr), driven by puppeteer-core over
// WebDriver BiDi. Run by test_firefox.py: `node firefox.mjs <config.json>`, the config
// made by flow.config() (the site's address, its tool pages, the export files, the
// texts). What it does on each page: flow.py. Progress goes to stderr; the last line
// on stdout is `RESULT <json>`, which flow.check() reads.
import { readFile } from "node:fs/promises"
import puppeteer from "puppeteer-core"

const cfg = JSON.parse(await readFile(process.argv[2], "utf8"))
const IN_PAGE = await readFile(new URL("./in_page.js", import.meta.url), "utf8")
const FIREFOX = process.env.FIREFOX || "/usr/bin/firefox-esr"
const WAIT = 60000 // the longest wait for any condition (the machine may be busy)
const result = { engine: "Firefox ESR", version: "", pages: [], failures: [] }
const log = (...a) => console.error("[firefox]", ...a)

const started = performance.now()
const browser = await puppeteer.launch({
  browser: "firefox", protocol: "webDriverBiDi", executablePath: FIREFOX, headless: true, timeout: 120000,
  // A profile with no updates, telemetry or first-run pages: nothing but the site loads.
  extraPrefsFirefox: { "app.update.enabled": false, "datareporting.policy.dataSubmissionEnabled": false,
    "browser.shell.checkDefaultBrowser": false }
})
result.version = await browser.version()
result.start_seconds = (performance.now() - started) / 1000
log("started", result.version, "in", result.start_seconds.toFixed(1), "s")
const page = await browser.newPage()
await page.setViewport({ width: 1280, height: 900 })
await page.evaluateOnNewDocument(IN_PAGE)

// What the driver sees besides the page's own collector: script errors, console
// errors, failed responses and requests to any other origin.
let seen = []
page.on("pageerror", e => seen.push("pageerror: " + e.message))
page.on("console", m => { if (m.type() === "error") seen.push("console: " + m.text()) })
page.on("response", r => { if (r.status() >= 400) seen.push("HTTP " + r.status() + ": " + r.url()) })
page.on("request", r => { if (!/^(data|blob|about):/.test(r.url()) && !r.url().startsWith(cfg.base)) seen.push("request to another origin: " + r.url()) })

const state = () => page.evaluate(() => window.__engines.messages())
async function waitFor(what, fn, ...args) {
  try {
    await page.waitForFunction(fn, { timeout: WAIT, polling: 100 }, ...args)
  } catch (e) {
    const on = await page.evaluate(() => [window.__engines.messages(), window.__engines.errors.join("; ")]).catch(() => ["?", "?"])
    throw new Error(`waited for ${what}: ${e.message.split("\n")[0]}; messages: ${on[0]}; errors: ${on[1] || "none"}`)
  }
}
async function clean() {
  const errors = seen.concat(await page.evaluate(() => window.__engines.problems()))
  if (errors.length) throw new Error("problems on the page: " + errors.join("; "))
}
async function ready() {
  await waitFor("the tools to start", () => window.__engines && window.__engines.ready())
  await clean()
}
// A click as a person makes it, on the element moved to the middle of the window
// first: near an edge, Material's fixed header can be over it.
async function click(handle) {
  await handle.evaluate(el => el.scrollIntoView({ block: "center", inline: "center" }))
  await handle.click()
}
const clickOn = async selector => click(await page.$(selector))
async function clickButton(label) {
  await waitFor(`a "${label}" button`, l => !!window.__engines.button(l), label)
  await click((await page.evaluateHandle(l => window.__engines.button(l), label)).asElement())
}
async function typeIntoAskBox(text) {
  await waitFor("a box for a name", () => !!window.__engines.askBox())
  const box = await page.evaluateHandle(() => window.__engines.askBox())
  await box.asElement().type(text)
}
async function upload(selector, ...files) {
  const input = await page.$(selector)
  await input.uploadFile(...files)
}
function same(got, want, what) {
  if (got !== want) throw new Error(`${what} is ${JSON.stringify(got)} instead of ${JSON.stringify(want)}`)
}

async function flowPage(p, done) {
  seen = []
  await page.goto(cfg.base + p.path, { waitUntil: "load" })
  await ready()
  done.steps.push("start")
  const f = await page.evaluate(() => window.__engines.features())
  let field = null, text = null

  if (f.tool) { // type, find it saved, reload, find it again
    field = await page.evaluate(() => window.__engines.textField())
    if (field && field.box) { await clickOn("#" + field.box); field = await page.evaluate(() => window.__engines.textField()) }
    if (!field || !field.id) throw new Error("no text box to type in")
    text = field.multiline ? cfg.text : cfg.text.replace(/\n/g, " ")
    await page.type("#" + field.id, text)
    same(await page.evaluate(id => window.__engines.value(id), field.id), text, "the typed text")
    await waitFor("the text to be saved", (t, id, want) => window.__engines.saved(t, id) === want, f.tool, field.id, text)
    done.steps.push("save")
    await page.reload({ waitUntil: "load" })
    await ready()
    same(await page.evaluate(id => window.__engines.value(id), field.id), text, "the text after a reload")
    done.steps.push("reload")
  }

  if (await page.$("[data-aig-action=export-json]")) { // the JSON the export button builds
    const before = await page.evaluate(() => window.__engines.downloads.length)
    await clickOn("[data-aig-action=export-json]")
    await waitFor("a download or a question", n => window.__engines.downloads.length > n || !!window.__engines.askBox(), before)
    if (await page.evaluate(n => window.__engines.downloads.length === n, before)) {
      await typeIntoAskBox(cfg.by)
      await clickButton("Export")
    }
    await waitFor("the download", n => window.__engines.downloads.length > n, before)
    const wrong = await page.evaluate((t, id, want, by) => window.__engines.exportProblems(t, id, want, by),
      f.tool, field && field.id, text, cfg.by)
    if (wrong.length) throw new Error("the export: " + wrong.join("; "))
    done.steps.push("export")
  }

  let first = null
  if (f.assess) { // what the engine lacks, then a new assessment
    await clickOn("[data-aig-assess] summary")
    await waitFor("the assessment buttons", () => !!window.__engines.button("New assessment"))
    first = await page.evaluate(() => window.__engines.assessment())
    same(first.keepFile, f.filePicker, '"Keep in a file" shown')
    same(first.openFile, f.filePicker, '"Open a file" shown')
    if (!f.filePicker) done.lacks.push("window.showSaveFilePicker (Keep in a file, Open a file: hidden)")
    done.steps.push("lacks")
    await clickButton("New assessment")
    await typeIntoAskBox(cfg.assessment)
    await clickButton("Create")
    await waitFor("the new assessment", name => window.__engines.assessment().name === name, cfg.assessment)
    const shown = await page.evaluate(() => window.__engines.assessment().shown)
    if (!shown.startsWith(cfg.assessment)) throw new Error("the bar shows " + JSON.stringify(shown))
    if (field) same(await page.evaluate(id => window.__engines.value(id), field.id), "", "the text box in the new assessment")
    done.steps.push("new")
  }

  if (f.import) for (const fmt of ["1", "2"]) { // into the new assessment
    const before = await state()
    await upload("input[type=file][data-aig-action=import]", cfg.files[fmt])
    await waitFor("the import to be read", b => window.__engines.messages() !== b &&
      /Answers imported|Merge with my answers/.test(window.__engines.messages()), before)
    if (await page.evaluate(() => !!window.__engines.button("Merge with my answers"))) await clickButton("Merge with my answers")
    await waitFor("the import", () => /Answers imported into/.test(window.__engines.messages()))
    const said = await state()
    if (!said.includes(cfg.assessment)) throw new Error("imported, but not into the new assessment: " + said)
    if (f.tool) {
      const wrong = await page.evaluate(a => window.__engines.notShown(a), cfg.answers[fmt][f.tool] || {})
      if (wrong.length) throw new Error(`format ${fmt} import, not shown: ${wrong.join("; ")}`)
    }
    done.steps.push("import " + fmt)
  }

  if (f.assess) { // back to the first assessment, with the text as it was
    await page.select("[data-aig-assess-select]", first.id)
    await clickButton("Switch")
    await waitFor("the switch", id => window.__engines.assessment().id === id, first.id)
    same(await page.evaluate(() => window.__engines.assessment().name), first.name, "the assessment's name")
    if (field) same(await page.evaluate(id => window.__engines.value(id), field.id), text, "the text after switching back")
    done.steps.push("switch")
  }

  if (f.compare) for (const fmt of ["1", "2"]) { // the readiness comparison reads both formats
    const name = cfg.files[fmt].split("/").pop()
    await upload("input[type=file][data-aig-compare-file]", cfg.files[fmt])
    await waitFor("the comparison", n => window.__engines.messages().includes("from \u201c" + n + "\u201d") &&
      window.__engines.shown("[data-aig-compare-result]"), name)
    done.steps.push("compare " + fmt)
  }

  if (f.team) { // two colleagues' files at once
    await upload("input[type=file][data-aig-team-input]", cfg.files["1"], cfg.files["2"])
    await waitFor("the team view", () => window.__engines.messages().includes("2 people compared") &&
      window.__engines.shown("[data-aig-team-results]"))
    done.steps.push("team 1+2")
  }
  await clean()
}

const flowStart = performance.now()
try {
  for (const p of cfg.pages) {
    const done = { path: p.path, steps: [], lacks: [] }
    result.pages.push(done)
    const t = performance.now()
    try {
      await flowPage(p, done)
    } catch (e) {
      result.failures.push(`${p.path}: after ${done.steps.at(-1) || "loading"}: ${e.message}`)
    }
    log(p.path, done.steps.join(", "), `(${((performance.now() - t) / 1000).toFixed(1)} s)`)
  }
} finally {
  result.seconds = (performance.now() - flowStart) / 1000
  await browser.close()
}
console.log("RESULT " + JSON.stringify(result))
process.exit(result.failures.length ? 1 : 0)
