"""The revisions lock (content/revisions.yml): which revision of its guidance each item
that keeps answers is at, and why it changed.

Every item of every tool that saves answers has an entry: its revisions (number, date,
a one-line note) and, for each, the fingerprints of the guidance that count as that
revision (tools.revision: its text, detail and points, not its title). A wording fix
adds a fingerprint to the current revision, so no answer is flagged; a change of
guidance adds a revision, so answers given before it are flagged with its note.

load_all stops when the content and the lock disagree (an edit not recorded, a new
item, a removed item) and says which command records the editor's decision; only
`python -m macros.revise` writes the lock (macros/revise.py).
"""
from __future__ import annotations

import json

from .tools import TOOLS, flatten

LOCK = "revisions"  # the model: content/revisions.yml
COMMAND = "python -m macros.revise"


def tool_items(content: dict) -> dict:
    """{tool id: {item id: (fingerprint, title)}} for every tool that keeps answers, in page order."""
    return {t.id: {i["id"]: (i["fingerprint"], i["title"]) for i in flatten(t.items(content))}
            for t in TOOLS if t.items}


def entries(lock: dict) -> dict:
    """{tool id: {item id: entry}} from the lock's data."""
    return {tool: {e["item"]: e for e in items} for tool, items in lock["tools"].items()}


def current(entry: dict) -> dict:
    return entry["revisions"][-1]


def check(content: dict, where, lock_where) -> list[str]:
    """Problems where the content and the lock disagree. where(tool, item id) gives
    'content/x.yml:LINE' for an item; lock_where(tool, index) the lock's line."""
    problems = []
    locked = entries(content[LOCK])
    for tool, items in tool_items(content).items():
        title = _title(tool)
        have = locked.get(tool, {})
        for ident, (fingerprint, _) in items.items():
            entry = have.get(ident)
            if entry is None:
                problems.append(
                    f"{where(tool, ident)}: item '{ident}' ({title}) is new, so it is not in content/revisions.yml. "
                    f"Record it at revision 1 with:\n      {COMMAND} {ident} --new")
            elif entry.get("removed"):
                problems.append(
                    f"{where(tool, ident)}: item '{ident}' ({title}) was recorded as removed in "
                    "content/revisions.yml, and an id is never used again: give this item a new id")
            elif fingerprint != current(entry)["fingerprints"][-1]:
                rev = current(entry)["revision"]
                problems.append(
                    f"{where(tool, ident)}: item '{ident}' ({title}): its guidance has changed since revision "
                    f"{rev} was recorded in content/revisions.yml. Record which change it is:\n"
                    f"      - a wording fix that does not change what it asks (it stays revision {rev}; "
                    f"no saved answer is flagged):\n"
                    f"          {COMMAND} {ident} --wording\n"
                    f"      - a change of guidance (revision {rev + 1}; answers given before it are flagged "
                    f"for review, with your note):\n"
                    f"          {COMMAND} {ident} --guidance \"what changed, in one line\"")
        for n, (ident, entry) in enumerate(have.items()):
            if ident not in items and not entry.get("removed"):
                problems.append(
                    f"{lock_where(tool, n)}: item '{ident}' ({title}) is no longer in the content. If you "
                    f"removed it, record that (people's answers to it are kept):\n"
                    f"      {COMMAND} {ident} --removed \"why, in one line\"\n"
                    "    If you changed its id, put the id back: ids are never changed.")
    for tool in locked:
        if tool not in {t.id for t in TOOLS if t.items}:
            problems.append(f"content/revisions.yml: tools.{tool}: no tool with this id keeps answers "
                            "(macros/tools.py); tool ids are never changed")
    for tool, have in locked.items():
        for n, (ident, entry) in enumerate(have.items()):
            numbers = [r["revision"] for r in entry["revisions"]]
            if numbers != list(range(1, len(numbers) + 1)):
                problems.append(f"{lock_where(tool, n)}: item '{ident}': revisions must be numbered 1, 2, 3... "
                                f"(found {numbers}); only `{COMMAND}` writes this file")
    return problems


def _title(tool: str) -> str:
    return next(t.title for t in TOOLS if t.id == tool)


# ------------------------------------------------------------------ the page's view
def page_revisions(lock: dict, tool: str, ids: list[str]) -> tuple[str, dict]:
    """What a tool page carries: one token per item, in the order of ids, and the
    notes of revisions after the first.

    A token lists the item's revisions, oldest first, separated by commas; each is the
    fingerprints that count as it, joined by '+'. Its revision is the number of parts,
    and an answer saved with a fingerprint (before answers saved revision numbers) is
    at the revision of the first part that holds it. An item with one revision and one
    fingerprint is just that fingerprint, as pages carried before the lock.
    The notes: {item id: [[date, note], ...]} for revisions 2 onwards."""
    have = entries(lock).get(tool, {})
    tokens, notes = [], {}
    for ident in ids:
        revs = have[ident]["revisions"]
        tokens.append(",".join("+".join(r["fingerprints"]) for r in revs))
        if len(revs) > 1:
            notes[ident] = [[r["date"], r["note"]] for r in revs[1:]]
    return " ".join(tokens), notes


# ------------------------------------------------------------------ writing the lock
HEADER = """\
# The revisions of every item that keeps answers. Written by `python -m macros.revise`,
# never by hand: see CONTRIBUTING.md, "When an item's guidance changes".
# Each revision lists the fingerprints of the guidance that count as it (a wording fix
# adds one); a new revision flags the answers given before it, with its note.
"""


def _q(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def dump(lock: dict) -> str:
    out = [HEADER.rstrip("\n"), "tools:"]
    for tool, items in lock["tools"].items():
        out.append(f"  {tool}:")
        for e in items:
            out.append(f"    - item: {e['item']}")
            out.append("      revisions:")
            for r in e["revisions"]:
                out.append(f"        - revision: {r['revision']}")
                out.append(f"          date: '{r['date']}'")
                out.append(f"          note: {_q(r['note'])}")
                out.append("          fingerprints: [" + ", ".join(f"'{f}'" for f in r["fingerprints"]) + "]")
            if e.get("removed"):
                out.append("      removed:")
                out.append(f"        date: '{e['removed']['date']}'")
                out.append(f"        note: {_q(e['removed']['note'])}")
    return "\n".join(out) + "\n"


# ------------------------------------------------------------------ the What's changed page
def changes_by_release(lock: dict, releases: list[dict]) -> list[tuple[dict | None, list[dict]]]:
    """[(release, changes)], newest first; release None holds the changes since the
    newest release. A release holds what was recorded after the release before it, up
    to its date; the first release holds nothing (everything was new). A change is
    {tool, item, kind: 'changed' | 'added' | 'removed', date, note, revision}."""
    found = []
    for tool, items in lock["tools"].items():
        for e in items:
            for r in e["revisions"]:
                kind = "changed" if r["revision"] > 1 else "added"
                found.append(dict(tool=tool, item=e["item"], kind=kind, date=r["date"], note=r["note"],
                                  revision=r["revision"]))
            if e.get("removed"):
                found.append(dict(tool=tool, item=e["item"], kind="removed", revision=None, **e["removed"]))
    out = []
    after = [None] + [r["date"] for r in releases]  # the window of release k ends at after[k+1]
    for k, release in enumerate([None] + list(releases)):
        start = after[k + 1] if k + 1 < len(after) else None
        end = release["date"] if release else None
        if release is not None and start is None:  # the first release
            out.append((release, []))
            continue
        out.append((release, [c for c in found if c["date"] > start and (end is None or c["date"] <= end)]))
    if not out[0][1]:
        out = out[1:]  # nothing since the newest release
    return out


def whats_changed(content: dict, link, long_date) -> str:
    """The What's changed page's Markdown. link(tool, item id) is a Markdown link target."""
    from .tools import BY_ID
    titles = {tool: {i: title for i, (_, title) in items.items()} for tool, items in tool_items(content).items()}
    guide = {e["version"]: e["date"] for e in content["changelog"]["entries"]}
    releases = content["releases"]["releases"]
    out = []
    for release, changes in changes_by_release(content[LOCK], releases):
        if release is None:
            out += [f"## Since version {releases[0]['version']} {{ #since-{_anchor(releases[0]['version'])} }}", "",
                    "Changes made since the newest version, which are already on this website.", ""]
        else:
            out += [f"## Version {release['version']}, {long_date(release['date'])} "
                    f"{{ #version-{_anchor(release['version'])} }}", "",
                    f"Follows version {release['guide_version']} of the guide ({long_date(guide[release['guide_version']])}). "
                    + " ".join(release["change"].split()), ""]
            if release is releases[-1]:
                continue
        if not changes:
            out += ["The guidance of no item changed in this version.", ""]
        for tool in dict.fromkeys(c["tool"] for c in changes):
            out += [f"### {BY_ID[tool].title}", ""]
            for c in (c for c in changes if c["tool"] == tool):
                day = long_date(c["date"])
                if c["kind"] == "removed":
                    out.append(f"- Removed: the item \u201c{c['item']}\u201d. {c['note']}. Removed on {day}; "
                               "any answers you gave to it are kept.")
                    continue
                name = f"[{titles[tool].get(c['item'], c['item'])}]({link(tool, c['item'])})" \
                    if c["item"] in titles[tool] else f"\u201c{c['item']}\u201d"
                if c["kind"] == "added":
                    out.append(f"- Added: {name}, on {day}.")
                else:
                    out.append(f"- {name}: {c['note']}. Changed on {day} (revision {c['revision']}).")
            out.append("")
    return "\n".join(out)


def _anchor(version: str) -> str:
    return version.replace(".", "-")
