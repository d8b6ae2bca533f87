"""The privacy page says exactly what the site stores: it names every key pattern the
storage code writes (local storage, session storage, IndexedDB), and no other.

The patterns are read from the code itself, every .js file under
overrides/components/core/, so a new key, or a renamed one, fails here until the
privacy page says so. Each write is found where the code calls the storage: the
wrapper `set(key, value)` (local storage, handed to the store as `storage`),
`session.setItem` (session storage, handed as `session`), and
`indexedDB.open` / `createObjectStore`. Its key expression is resolved term by term:
string literals, constants, `prefix()` (Material's scope, then "ai-guide.v2."), the
`key(tool, id)` helper, and the nearest earlier assignment of a local name. What a
key holds that varies is named as the page names it: <scope>, <assessment>, <tool>,
<time>. A write whose value is `null` removes a key; `set(k, snap.keys[k])` puts back
keys that the undo snapshot took from the patterns above; both write no new pattern.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORE = ROOT / "overrides" / "components" / "core"
PRIVACY = ROOT / "docs" / "privacy.md"

# Names in the code for what varies in a key, as the privacy page names it.
PLACEHOLDERS = {"id": "<assessment>", "tool": "<tool>", "t": "<tool>", "time": "<time>"}
# Writes that put back or remove keys another write made (value expression).
RESTORES = {"snap.keys[k]"}


def sources() -> str:
    files = sorted(CORE.glob("*.js"))
    assert files, f"no storage code in {CORE}"
    return "\n".join(p.read_text(encoding="utf-8") for p in files)


def split_top(expr: str, sep: str) -> list[str]:
    """Split at `sep` outside brackets and strings."""
    out, depth, quote, cur = [], 0, None, ""
    for ch in expr:
        if quote:
            cur += ch
            if ch == quote:
                quote = None
            continue
        if ch in "\"'":
            quote = ch
        elif ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        if ch == sep and depth == 0:
            out.append(cur)
            cur = ""
        else:
            cur += ch
    out.append(cur)
    return [p.strip() for p in out]


def call_args(code: str, start: int) -> list[str]:
    """The arguments of the call whose "(" is at code[start]."""
    depth, i = 0, start
    while True:
        depth += {"(": 1, ")": -1}.get(code[i], 0)
        if depth == 0:
            return split_top(code[start + 1:i], ",")
        i += 1


def assignment(code: str, name: str, before: int) -> str | None:
    """The expression last assigned to `name` before `before` (var/let/const lists too)."""
    found = None
    for m in re.finditer(rf"(?:\bvar\s+|\blet\s+|\bconst\s+|,\s*|^\s*|;\s*){re.escape(name)}\s*=(?!=)", code[:before], re.M):
        rest = code[m.end():]
        expr = re.split(r"[;\n]", rest, 1)[0]
        found = split_top(expr, ",")[0]
    return found


def function_body(code: str, name: str) -> tuple[list[str], str]:
    """The parameters and returned expression of a one-line helper, written as
    `function name(..) { return .. }` or `name = function (..) { return .. }` (or `name:`)."""
    m = re.search(rf"(?:function {re.escape(name)}\s*|\b{re.escape(name)}\s*[=:]\s*function\s*)"
                  rf"\(([^)]*)\)\s*{{\s*return (.*?)\s*}}", code)
    assert m, f"cannot find function {name} in the storage code"
    return [p.strip() for p in m.group(1).split(",") if p.strip()], m.group(2)


def resolve(code: str, expr: str, at: int, bound: dict | None = None) -> str:
    """A key expression as a pattern: literals, constants and placeholders joined."""
    bound = bound or {}
    out = ""
    for term in split_top(expr, "+"):
        term = term.strip()
        if re.fullmatch(r'"[^"]*"|\'[^\']*\'', term):
            out += term[1:-1]
        elif "scope" in term:  # Material's scope, handed to the store (opts.scope, scope)
            out += "<scope>"
        elif term.startswith("now()"):
            out += PLACEHOLDERS["time"]
        elif term.startswith("(") and term.endswith(")") and "||" in term:  # (id || currentId())
            out += resolve(code, split_top(term[1:-1], "|")[0], at, bound)
        elif m := re.fullmatch(r"(?:[\w$]+\.)*(\w+)\((.*)\)", term):  # a helper: prefix(), S.key(tool, id)
            params, body = function_body(code, m.group(1))
            args = split_top(m.group(2), ",") if m.group(2).strip() else []
            inner = {p: resolve(code, a, at, bound) for p, a in zip(params, args)}
            out += resolve(code, body, at, {**bound, **inner})
        elif term in bound:
            out += bound[term]
        elif re.fullmatch(r"[\w.]+", term):
            last = term.split(".")[-1]
            if last in PLACEHOLDERS:
                out += PLACEHOLDERS[last]
            else:
                value = assignment(code, term, at)
                assert value is not None, f"cannot resolve {term!r} in a storage key"
                out += resolve(code, value, at, bound)
        else:
            raise AssertionError(f"cannot resolve the key term {term!r}")
    return out


def written_patterns() -> dict[str, set[str]]:
    code = sources()
    found = {"local storage": set(), "session storage": set(), "IndexedDB": set()}
    # The wrapper, called as set(..) or, from another file, as X.set(..).
    for m in re.finditer(r"(?<![\w.])(?:[A-Za-z_$][\w$]*\.)?set\(", code):
        if code[max(0, m.start() - 9):m.start()] == "function ":
            continue  # the wrapper's own definition
        key, value = call_args(code, m.end() - 1)[:2]
        if value == "null" or value in RESTORES:
            continue
        found["local storage"].add(resolve(code, key, m.start()))
    for m in re.finditer(r"\b(?:sessionStorage|session)\.setItem\(", code):  # the store is handed `session`
        found["session storage"].add(resolve(code, call_args(code, m.end() - 1)[0], m.start()))
    for m in re.finditer(r"\b(?:localStorage|storage)\.setItem\(", code):  # the store is handed `storage`
        # Only inside the wrapper set(k, v), whose callers are read above.
        last = code.rfind("function", 0, m.start())
        assert re.search(r"function set\(|\bset\s*[=:]\s*function", code[max(0, last - 16):last + 14]), \
            "localStorage.setItem outside the set() wrapper: read its key here"
    for m in re.finditer(r"indexedDB\.open\(|createObjectStore\(", code):
        found["IndexedDB"].add(resolve(code, call_args(code, m.end() - 1)[0], m.start()))
    return found


def page_patterns() -> dict[str, set[str]]:
    """The code names on the privacy page, by the storage the sentence names."""
    text = PRIVACY.read_text(encoding="utf-8")
    found = {"local storage": set(), "session storage": set(), "IndexedDB": set()}
    area = None
    for line in text.splitlines():
        for name in found:
            if name in line and not line.startswith("- "):
                area = name
        for code in re.findall(r"`([^`]+)`", line):
            code = html.unescape(code)
            if code.startswith("<scope>ai-guide.") or area == "IndexedDB":
                found[area].add(code)
    return found


def test_the_storage_code_writes_the_keys_we_expect_to_find():
    """The reader of the code works: it finds the keys the storage contract names."""
    written = written_patterns()
    assert "<scope>ai-guide.v2.assessments" in written["local storage"]
    assert "<scope>ai-guide.v2.<assessment>.<tool>" in written["local storage"]
    assert "<scope>ai-guide.v2.current" in written["session storage"]
    assert written["IndexedDB"], "no IndexedDB database found"


def test_privacy_page_names_exactly_the_keys_the_code_writes():
    written, said = written_patterns(), page_patterns()
    for area in written:
        missing, extra = written[area] - said[area], said[area] - written[area]
        assert not missing, f"{area}: the code writes {sorted(missing)}, which the privacy page does not name"
        assert not extra, f"{area}: the privacy page names {sorted(extra)}, which the code does not write"


def test_privacy_page_names_no_old_keys():
    assert "ai-guide.v1" not in PRIVACY.read_text(encoding="utf-8")
