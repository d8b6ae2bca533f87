"""Make a release: the web version and the file-share version of the site, zipped and
named with the site's version, with their SHA-256 checksums.

    scripts/release                                  # into dist/
    scripts/release --site-url https://intranet.example.nhs.uk/ai-guide/
    python scripts/release.py --dist /tmp/dist --project /tmp/copy --only web   # (tests)

Writes dist/ai-guide-<version>-web.zip, dist/ai-guide-<version>-file-share.zip and
dist/SHA256SUMS (`sha256sum -c SHA256SUMS` checks them). The version is the newest
release in content/releases.yml, the one place it is written (the footer shows it).
Each zip holds one folder, named like the zip, with a README-INSTALL.txt for the person
installing it (from deploy/README-INSTALL-*.txt):
- web: site/ (what the web server serves) and server-config/ (deploy/'s nginx, IIS and
  Apache configurations; web.config gains one <location> per file whose name carries a
  hash, since IIS cannot match names by pattern).
- file-share: the offline build (OFFLINE=true: pages open from file://, search included),
  index.html at the top.

Without --site-url the web version is built with no address (SITE_URL empty): it works at
any address, but pages load one by one instead of instantly (Material's instant
navigation needs the address) and there is no sitemap.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import re
import string
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
KINDS = ("web", "file-share")
# Copied as they are into the web release's server-config/ (web.config is completed there).
SERVER_CONFIG = ("nginx-ai-guide.conf", "apache.htaccess", "headers.yml")


def deploy_headers() -> dict:
    """deploy/headers.yml: the headers, caching and types every configuration sends."""
    return yaml.safe_load((DEPLOY / "headers.yml").read_text(encoding="utf-8"))


def newest(project: Path) -> dict:
    """The newest release in content/releases.yml: version, date, guide_version."""
    return yaml.safe_load((project / "content" / "releases.yml").read_text(encoding="utf-8"))["releases"][0]


def build(project: Path, dest: Path, **env) -> None:
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(dest)],
                          cwd=project, env=dict(os.environ, NO_MKDOCS_2_WARNING="1", **env),
                          capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"mkdocs build failed ({env}):\n{done.stdout}{done.stderr}")


def hashed_files(site: Path) -> list[str]:
    """The site's files whose names carry a hash (headers.yml's pattern), as URL paths."""
    pattern = re.compile(deploy_headers()["hashed_names"])
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file() and pattern.search(p.name))


def iis_config(site: Path) -> str:
    """deploy/web.config with a year's caching for each file whose name carries a hash."""
    cache = deploy_headers()["cache"]["hashed"]
    public = ", ".join(d for d in cache.split(", ") if not d.startswith("max-age="))  # IIS writes max-age itself
    days = int(re.search(r"max-age=(\d+)", cache).group(1)) // 86400
    locations = "".join(
        f'  <location path="{path}">\n    <system.webServer>\n      <staticContent>\n'
        f'        <clientCache cacheControlMode="UseMaxAge" cacheControlMaxAge="{days}.00:00:00"'
        f' cacheControlCustom="{public}" />\n      </staticContent>\n    </system.webServer>\n  </location>\n'
        for path in hashed_files(site))
    text = (DEPLOY / "web.config").read_text(encoding="utf-8")
    return text.replace("</configuration>", locations + "</configuration>")


def readme(kind: str, latest: dict) -> str:
    template = string.Template((DEPLOY / f"README-INSTALL-{kind}.txt").read_text(encoding="utf-8"))
    return template.substitute(version=latest["version"], guide_version=latest["guide_version"],
                               folder=f"ai-guide-{latest['version']}-{kind}")


def write_zip(path: Path, folder: str, files: dict[str, Path | str], date: str) -> None:
    """A zip of one folder; files maps names inside it to a file or a text. Entries are
    sorted and dated with the release's date, so the same build gives the same zip."""
    stamp = tuple(int(x) for x in date.split("-")) + (0, 0, 0)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name in sorted(files):
            info = zipfile.ZipInfo(f"{folder}/{name}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            src = files[name]
            z.writestr(info, src.read_bytes() if isinstance(src, Path) else src.encode("utf-8"))


def tree(site: Path, under: str = "") -> dict[str, Path]:
    return {under + p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*")) if p.is_file()}


def release(dist: Path, project: Path = ROOT, site_url: str = "", kinds=KINDS) -> list[Path]:
    latest = newest(project)
    version, date = str(latest["version"]), str(latest["date"])
    dist.mkdir(parents=True, exist_ok=True)
    zips = []
    with tempfile.TemporaryDirectory(prefix="ai-guide-release-") as tmp:
        for kind in kinds:
            site = Path(tmp) / kind
            if kind == "web":
                build(project, site, SITE_URL=site_url)
                files = {**tree(site, "site/"), **{f"server-config/{name}": DEPLOY / name for name in SERVER_CONFIG},
                         "server-config/web.config": iis_config(site)}
            else:
                build(project, site, SITE_URL="", OFFLINE="true")
                files = tree(site)
            files["README-INSTALL.txt"] = readme(kind, latest)
            folder = f"ai-guide-{version}-{kind}"
            write_zip(dist / f"{folder}.zip", folder, files, date)
            zips.append(dist / f"{folder}.zip")
    sums = "".join(f"{hashlib.sha256(z.read_bytes()).hexdigest()}  {z.name}\n" for z in zips)
    (dist / "SHA256SUMS").write_text(sums, encoding="utf-8")
    return zips + [dist / "SHA256SUMS"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where to write (default: dist/)")
    parser.add_argument("--site-url", default="", help="the web version's address, for instant page loads")
    parser.add_argument("--project", type=Path, default=ROOT, help="the project to build (default: this one)")
    parser.add_argument("--only", choices=KINDS, help="make only this version")
    args = parser.parse_args()
    kinds = (args.only,) if args.only else KINDS
    for path in release(args.dist.resolve(), args.project.resolve(), args.site_url, kinds):
        print(f"{path}  {path.stat().st_size:,} bytes")
    print((args.dist / "SHA256SUMS").read_text(encoding="utf-8"), end="")


if __name__ == "__main__":
    main()
