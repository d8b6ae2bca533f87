"""Move Material's CSS icons out of data: URLs into files under docs/assets.

Material's stylesheet draws its icons (admonitions, navigation arrows, ...) from
`data:` URLs, which `Content-Security-Policy: default-src 'self'` blocks. This writes
each icon to docs/assets/images/theme-icons/ and a stylesheet that points Material's
variables at those files. Run it again after upgrading mkdocs-material:

    python scripts/vendor_theme_icons.py
"""
from __future__ import annotations

import re
import urllib.parse
from pathlib import Path

import material

ROOT = Path(__file__).resolve().parent.parent
CSS_DIR = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
ICONS = ROOT / "docs" / "assets" / "images" / "theme-icons"
OUT = ROOT / "docs" / "assets" / "stylesheets" / "site.css"  # the icon block at its end is rewritten
MARK = "/* scripts/vendor_theme_icons.py"  # ends the hand-written part; written by this script
# Icons of features this site does not use (repository links, blog, tags, versions,
# code annotations, copy buttons, page status, content tabs, task lists, footnotes,
# sortable tables): left out to keep the page light.
UNUSED = ("source-", "post-", "status", "tag-", "version-", "annotation-", "clipboard-", "code-",
          "tabbed-", "tasklist-", "footnotes-", "typeset-table-sort-")


def main() -> None:
    css = next(CSS_DIR.glob("main.*.min.css")).read_text(encoding="utf-8")
    found = dict(re.findall(r'(--md-[a-z-]+):url\("data:image/svg\+xml;charset=utf-8,([^"]*)"\)', css))
    ICONS.mkdir(parents=True, exist_ok=True)
    # Over file://, where CSS masks cannot load files, theme.js marks the page
    # .aig-file and Material's own data: icons stay (no CSP applies there).
    # Written tersely: every byte of site.css is on every page (3 KB budget).
    rules = []
    for var, data in sorted(found.items()):
        name = var.removeprefix("--md-")
        if name.startswith(UNUSED):
            continue
        (ICONS / f"{name}.svg").write_text(urllib.parse.unquote(data), encoding="utf-8")
        rules.append(f"{var}:url(../images/theme-icons/{name}.svg)")
    site = OUT.read_text(encoding="utf-8")
    site = site[: site.index(MARK)] if MARK in site else site.rstrip() + "\n"
    OUT.write_text(f"{site}{MARK} */\n:root:not(.aig-file){{{';'.join(rules)}}}\n", encoding="utf-8")
    print(f"{len(rules)} icons -> {ICONS.relative_to(ROOT)}, {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
