"""`mkdocs serve` for editors: rebuilds when content/, macros/ or overrides/ change,
not only docs/ and mkdocs.yml, and runs the new Python of macros/ on each rebuild.

Used by scripts/serve; takes `mkdocs serve`'s options, e.g. --dev-addr 127.0.0.1:8001.

Why the wrapper: mkdocs-macros imports the macros package once per process, so a
plain `mkdocs serve -w macros` would rebuild with the old code. Before each build the
package is dropped from sys.modules, so the build imports it afresh.
"""
from __future__ import annotations

import sys

import mkdocs.commands.serve as serve
from mkdocs.__main__ import cli

_build = serve.build


def build_with_fresh_macros(*args, **kwargs):
    for name in [m for m in sys.modules if m == "macros" or m.startswith("macros.")]:
        del sys.modules[name]
    return _build(*args, **kwargs)


serve.build = build_with_fresh_macros

if __name__ == "__main__":
    sys.exit(cli(["serve", "--watch", "content", "--watch", "macros", "--watch", "overrides",
                  *sys.argv[1:]]))
