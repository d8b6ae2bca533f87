// A Storage (localStorage / sessionStorage) in memory for the tests, shared by
// several stores to play two tabs. fail: null, or "QuotaExceededError" (writes
// throw) or "SecurityError" (every call throws, as when a browser blocks storage).
"use strict"

class FakeStorage {
  constructor(entries) {
    this.data = new Map(Object.entries(entries || {}))
    this.fail = null
    this.writes = [] // keys written or removed, in order (what another tab's storage event would name)
  }
  check(write) {
    if (this.fail === "SecurityError" || (write && this.fail === "QuotaExceededError")) {
      const e = new Error("The operation is insecure.")
      e.name = this.fail
      throw e
    }
  }
  get length() { this.check(false); return this.data.size }
  key(i) { this.check(false); return [...this.data.keys()][i] ?? null }
  getItem(k) { this.check(false); return this.data.has(k) ? this.data.get(k) : null }
  setItem(k, v) { this.check(true); this.data.set(String(k), String(v)); this.writes.push(k) }
  removeItem(k) { this.check(false); this.data.delete(k); this.writes.push(k) }
  clear() { this.check(true); this.data.clear() }
  dump() { return Object.fromEntries(this.data) }
}

module.exports = { FakeStorage }
