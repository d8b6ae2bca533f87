"""Record an editor's decision in the revisions lock (content/revisions.yml), the only
way it is written (see CONTRIBUTING.md, "When an item's guidance changes"):

  python -m macros.revise ITEM... --wording           a wording fix: same revision, nothing flagged
  python -m macros.revise ITEM... --guidance "note"   a change of guidance: a new revision, dated
                                                      today, with its note; earlier answers are flagged
  python -m macros.revise [ITEM...] --new             new items, at revision 1 (no ITEM: every new item)
  python -m macros.revise ITEM... --removed "note"    items taken out (their answers are kept)

Add --date YYYY-MM-DD to date a change other than today.
"""
from __future__ import annotations

import argparse
import datetime
import re
import sys

from . import revisions
from .content import CONTENT_DIR, ContentError, load_all

NOTE = re.compile(r"^[^\n]*[^.\s]$")


def record(content: dict, ids: list[str], decision: str, note: str | None, day: str) -> list[str]:
    """Change content's lock in place; return what was done, one line per item.
    Raise ValueError, saying why, if the decision does not fit an item."""
    lock = content[revisions.LOCK]
    lock["tools"] = lock.get("tools") or {}
    locked = revisions.entries(lock)
    items = revisions.tool_items(content)
    if decision == "new" and not ids:
        ids = [i for tool, have in items.items() for i in have if i not in locked.get(tool, {})]
        if not ids:
            raise ValueError("every item is already in content/revisions.yml")
    done = []
    for ident in ids:
        tools = [t for t in items if ident in items[t] or ident in locked.get(t, {})]
        if not tools:
            raise ValueError(f"'{ident}' is not an item of any tool that keeps answers")
        for tool in tools:
            entry = locked.get(tool, {}).get(ident)
            fingerprint = items[tool][ident][0] if ident in items[tool] else None
            done.append(f"{tool}/{ident}: " + _apply(lock, tool, ident, entry, fingerprint, decision, note, day))
    return done


def _apply(lock, tool, ident, entry, fingerprint, decision, note, day) -> str:
    if decision == "new":
        if entry is not None:
            raise ValueError(f"'{ident}' is already in content/revisions.yml")
        lock["tools"].setdefault(tool, []).append(dict(item=ident, revisions=[dict(
            revision=1, date=day, note=note or "Added", fingerprints=[fingerprint])]))
        return "recorded at revision 1"
    if entry is None:
        raise ValueError(f"'{ident}' is new: record it with --new first")
    if decision == "removed":
        if fingerprint is not None:
            raise ValueError(f"'{ident}' is still in the content; take it out first")
        entry["removed"] = dict(date=day, note=note)
        return "recorded as removed (answers to it are kept)"
    if fingerprint is None:
        raise ValueError(f"'{ident}' is no longer in the content: record it with --removed")
    rev = revisions.current(entry)
    if decision == "wording":
        if fingerprint in rev["fingerprints"]:
            raise ValueError(f"'{ident}': its guidance is as recorded at revision {rev['revision']}; "
                             "there is nothing to record")
        rev["fingerprints"].append(fingerprint)
        return f"wording fix recorded; still revision {rev['revision']}, no answer flagged"
    entry["revisions"].append(dict(revision=rev["revision"] + 1, date=day, note=note, fingerprints=[fingerprint]))
    return f"revision {rev['revision'] + 1} recorded; answers given before it will be flagged with the note"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros.revise", description=__doc__.split("\n\n")[0])
    parser.add_argument("items", nargs="*", metavar="ITEM", help="item ids, as the build names them")
    how = parser.add_mutually_exclusive_group(required=True)
    how.add_argument("--wording", action="store_true", help="a wording fix: the revision stays, nothing is flagged")
    how.add_argument("--guidance", metavar="NOTE", help="a change of guidance, and what changed, in one line")
    how.add_argument("--new", action="store_true", help="new items enter the lock at revision 1")
    how.add_argument("--removed", metavar="NOTE", help="items taken out of the content, and why, in one line")
    parser.add_argument("--date", default=datetime.date.today().isoformat(), help="YYYY-MM-DD (default: today)")
    args = parser.parse_args(argv)
    decision = "wording" if args.wording else "guidance" if args.guidance else "new" if args.new else "removed"
    note = args.guidance or args.removed
    if note is not None:
        note = note.strip().rstrip(".").rstrip()  # the page adds the full stop
        if len(note) > 200 or not NOTE.match(note):
            parser.error("the note is one line of up to 200 characters")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", args.date):
        parser.error("--date is YYYY-MM-DD")
    if not args.items and decision != "new":
        parser.error("name the items (ITEM...), as the build names them")
    try:
        content = load_all(check_lock=False)
        done = record(content, args.items, decision, note, args.date)
    except ContentError as err:
        print(f"{err}\nFix these first; then record your change.", file=sys.stderr)
        return 1
    except ValueError as err:
        print(f"Nothing was recorded: {err}.", file=sys.stderr)
        return 1
    (CONTENT_DIR / "revisions.yml").write_text(revisions.dump(content[revisions.LOCK]), encoding="utf-8")
    print("\n".join(done))
    try:
        load_all()
    except ContentError as err:
        print(f"Recorded in content/revisions.yml. Still to do:\n{err}", file=sys.stderr)
        return 1
    print("Recorded in content/revisions.yml; the content and the lock agree.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
