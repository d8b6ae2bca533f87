// "Draft from my answers": each drafted box stays within its own word guide, for a new
// organisation that rates itself low everywhere (issue 17), and says where the rest is.
const test = require("node:test")
const assert = require("node:assert")
const fs = require("node:fs")
const path = require("node:path")
const { drafts, words } = require("../../overrides/components/business-case/drafts.js")

const ROOT = path.join(__dirname, "..", "..")
const yaml = (name) => fs.readFileSync(path.join(ROOT, "content", name), "utf8")

// The boxes' word guides, components and areas, read from the YAML the site is built from.
const LIMITS = {}
for (const m of yaml("business_case.yml").matchAll(/- id: ([\w-]+)\n(?:\s+\w+:.*\n)*?\s+words: (\d+)/g)) LIMITS[m[1]] = Number(m[2])
const COMPONENTS = {}, AREAS = {}, HELPS = {}
let area = null
for (const m of yaml("readiness.yml").matchAll(/^  - id: ([\w-]+)\n    name: (.+)$|^      - id: ([\w-]+)\n        name: (.+)$|^        checklist: \[(.*)\]$/gm)) {
  if (m[1]) area = m[2]
  else if (m[3]) { COMPONENTS[m[3]] = m[4]; AREAS[m[3]] = area; HELPS[m[3]] = [] }
  else HELPS[Object.keys(COMPONENTS).pop()] = m[5].split(", ").map((id) => [id, id === "monitor-continuously" ? "Monitor continuously" : "Point " + id])
}

const day = (iso) => iso
const status = (a) => (a.status || "not-started").replace("-", " ")

function lowOrganisation() {
  const ids = Object.keys(COMPONENTS)
  const benefitNames = {}, benefits = {}
  for (let i = 0; i < 8; i++) {
    benefitNames["b" + i] = "Workforce productivity, operational efficiency and use of resources " + i
    benefits["b" + i] = { chosen: true, baseline: "6 hours", target: "3 hours", due: "2027-06-30", measure: "Hours of admin time per clinic", owner: "Service manager", money: "yes" }
  }
  const riskNames = {}, risks = {}
  for (let i = 0; i < 6; i++) {
    riskNames["r" + i] = "Data protection impact assessment " + i
    risks["r" + i] = { status: "in-progress", notes: "The data protection officer is reviewing the draft assessment with the supplier and the clinical safety officer this month", due: "2027-01-31" }
  }
  const stepNames = {}, steps = {}
  for (let i = 0; i < 15; i++) { stepNames["s" + i] = "Checklist point number " + i; steps["s" + i] = { status: "in-progress", owner: "AI lead", due: "2027-0" + (1 + i % 9) + "-01" } }
  stepNames["define-the-problem"] = "Define the problem"
  steps["define-the-problem"] = { notes: "word ".repeat(200) }
  return {
    benefits, benefitNames, risks, riskNames, steps, stepNames, problemItem: "define-the-problem",
    weak: ids.map((id) => ({ id, level: 2 })), components: COMPONENTS, areas: AREAS, helps: HELPS, inUse: "monitor-continuously"
  }
}

test("the YAML gives each drafted box a word guide, and the readiness tool 15 components", () => {
  assert.strictEqual(Object.keys(COMPONENTS).length, 15)
  for (const id of ["problem", "benefits", "cost-analysis", "implementation-plan", "risks-and-mitigations"]) assert.ok(LIMITS[id] > 0, id)
})

test("every box drafted for a low-readiness organisation is within its word guide", () => {
  const out = drafts(lowOrganisation(), LIMITS, day, status)
  const rows = []
  for (const id of Object.keys(out)) {
    assert.ok(out[id], id + " is drafted")
    rows.push(id + ": " + words(out[id]) + " of " + LIMITS[id])
    assert.ok(words(out[id]) <= LIMITS[id], id + " has " + words(out[id]) + " words, its guide " + LIMITS[id] + ":\n" + out[id])
  }
  console.log(rows.join("\n"))
})

test("the readiness gaps are summed up by area, the worst first, and say where the rest are", () => {
  const a = lowOrganisation()
  a.risks = {}
  a.weak = [{ id: "org-culture", level: 1 }].concat(a.weak.filter((w) => w.id !== "org-culture"))
  const risks = drafts(a, LIMITS, day, status)["risks-and-mitigations"]
  assert.match(risks, /^- Readiness gaps, worst first, on this site's 5-level scale: Organisational readiness: Culture \(level 1\); High-quality data: Accuracy, Consistency/)
  assert.match(risks, /and \d+ more: see the readiness assessment\./)
  assert.match(risks, /once the AI is in use, \u201cMonitor continuously\u201d/)
  assert.doesNotMatch(risks, /before going live/)
})

test("open risks come first; those that do not fit are counted with where to find them", () => {
  const risks = drafts(lowOrganisation(), LIMITS, day, status)["risks-and-mitigations"].split("\n")
  assert.match(risks[0], /^- Risk: Data protection impact assessment 0 \(in progress\)\. Mitigation: .*\u2026 \(the full text is in the risk and assurance checklist\) \(by 2027-01-31\)$/)
  assert.ok(risks.some((r) => /^- And \d+ more: see the risk and assurance checklist\.$/.test(r)), risks.join("\n"))
  assert.match(risks[risks.length - 1], /^- Readiness gaps: 15 components at level 2 or below of this site's 5-level scale: see the readiness assessment\.$/)
})

test("a short list is drafted whole, with nothing summed up", () => {
  const a = lowOrganisation()
  a.weak = [{ id: "data-accuracy", level: 1 }]
  a.risks = {}
  a.steps = { s1: { status: "not-started", due: "2027-02-28" } }
  const out = drafts(a, LIMITS, day, status)
  assert.strictEqual(out["implementation-plan"], "- Checklist point number 1 (not started; by 2027-02-28)")
  assert.match(out["risks-and-mitigations"], /^- Readiness gaps, worst first, on this site's 5-level scale: High-quality data: Accuracy \(level 1\)\. Mitigation: /)
  assert.doesNotMatch(out["risks-and-mitigations"], /more: see/)
  assert.strictEqual(out.problem, "")
})

test("the problem keeps a person's words up to the guide and says where the full text is", () => {
  const problem = drafts(lowOrganisation(), LIMITS, day, status).problem
  assert.ok(words(problem) <= LIMITS.problem)
  assert.match(problem, /\u2026 \(the full text is in the deployment checklist\)$/)
})
