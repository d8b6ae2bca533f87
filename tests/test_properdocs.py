"""The site builds the same with ProperDocs 1.6.7 (a maintained continuation of MkDocs
1.x) as with MkDocs 1.6.1, so the project can move if MkDocs 1.x stops working.

`scripts/setup --test` (run by `scripts/test`, so by CI) creates `.venv-properdocs`:
ProperDocs with the same pinned plugins, shared packages held at `.venv`'s versions, and
MkDocs removed. Both builds run at once (two processes) into temporary folders, and every
file of the two sites is compared. Only what must differ is normalised:

- HTML pages: Material's `<meta name="generator">` names the builder and its version
  ("mkdocs-1.6.1" against "mkdocs-ProperDocs 1.6.7"). Exactly these two values are
  replaced, so the check also shows that each site was built by the builder it claims.
- `sitemap.xml` and `sitemap.xml.gz`: `<lastmod>` is the build date (the two builds
  could fall either side of midnight); the .gz file is compared unzipped, because its
  gzip header holds a time stamp.
Every other file (search index, scripts, styles, images) must be byte for byte the same.
"""
from __future__ import annotations

import difflib
import gzip
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import mkdocs

ROOT = Path(__file__).resolve().parent.parent
PROPERDOCS = ROOT / ".venv-properdocs" / "bin" / "properdocs"
PROPERDOCS_VERSION = "1.6.7"
# The generator tag's value for each builder (Material writes "mkdocs-" + the builder's
# version string, which ProperDocs gives as "ProperDocs <version>").
GENERATOR = {"mkdocs": f'<meta name="generator" content="mkdocs-{mkdocs.__version__}, ',
             "properdocs": f'<meta name="generator" content="mkdocs-ProperDocs {PROPERDOCS_VERSION}, '}
NORMALISED_GENERATOR = '<meta name="generator" content="(builder), '
LASTMOD = re.compile(rb"<lastmod>[^<]*</lastmod>")


def normalised(path: Path, builder: str) -> bytes:
    data = path.read_bytes()
    if path.name.endswith(".gz"):
        data = gzip.decompress(data)
    if path.suffix == ".html":
        data = data.replace(GENERATOR[builder].encode(), NORMALISED_GENERATOR.encode())
    if path.name.startswith("sitemap.xml"):
        data = LASTMOD.sub(b"<lastmod>(build date)</lastmod>", data)
    return data


def files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def test_properdocs_builds_the_same_site(tmp_path):
    assert PROPERDOCS.exists(), (
        f"{PROPERDOCS.relative_to(ROOT)} is missing: run scripts/setup --test "
        "(scripts/test does), which creates .venv-properdocs with ProperDocs and the same plugins")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    sites = {"mkdocs": tmp_path / "mkdocs", "properdocs": tmp_path / "properdocs"}
    commands = {
        "mkdocs": [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(sites["mkdocs"])],
        # -f: ProperDocs looks for properdocs.yml first and only falls back to mkdocs.yml.
        "properdocs": [str(PROPERDOCS), "build", "-f", "mkdocs.yml", "--strict", "-d", str(sites["properdocs"])],
    }
    start = time.perf_counter()
    running = {name: subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                      text=True) for name, cmd in commands.items()}
    output = {name: p.communicate()[0] for name, p in running.items()}
    for name, p in running.items():
        assert p.returncode == 0, f"{name} build failed:\n{output[name]}"
    print(f"both builds in {time.perf_counter() - start:.1f} s")

    built = {name: files(site) for name, site in sites.items()}
    assert built["mkdocs"] == built["properdocs"], (
        f"only in the MkDocs build: {sorted(built['mkdocs'] - built['properdocs'])}; "
        f"only in the ProperDocs build: {sorted(built['properdocs'] - built['mkdocs'])}")

    pages = sorted(f for f in built["mkdocs"] if f.endswith(".html"))
    assert "index.html" in pages
    index = {name: (site / "index.html").read_text(encoding="utf-8") for name, site in sites.items()}
    for name in sites:
        assert GENERATOR[name] in index[name], f"the {name} build's generator tag is not {GENERATOR[name]!r}"

    different = [f for f in sorted(built["mkdocs"])
                 if normalised(sites["mkdocs"] / f, "mkdocs") != normalised(sites["properdocs"] / f, "properdocs")]
    if different:
        first = different[0]
        a, b = (normalised(sites[n] / first, n).decode("utf-8", "replace").splitlines() for n in sites)
        diff = "\n".join(list(difflib.unified_diff(a, b, "mkdocs/" + first, "properdocs/" + first, lineterm="", n=1))[:40])
        raise AssertionError(f"{len(different)} of {len(built['mkdocs'])} files differ "
                             f"({len(pages)} HTML pages compared): {different[:10]}\n{diff}")
