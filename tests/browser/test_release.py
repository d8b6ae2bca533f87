"""scripts/release and what it makes: the zips, their checksums and READMEs; the
file-share version opened over file:// from a folder whose path has spaces and brackets;
the web version served by Debian's nginx with the project's configuration
(deploy/nginx-ai-guide.conf) under a path, every page clean under its real headers;
and an update in place (the next release's files over this one's) that keeps every
answer."""
from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import expect

from browser.helpers import built_pages, export_file, tool_key
from browser.test_assessments import fill_benefits
from browser.test_checklists import fill_item
from browser.test_storage_v2 import manage
from conftest import ROOT, free_port

SPEC = yaml.safe_load((ROOT / "deploy" / "headers.yml").read_text(encoding="utf-8"))
HASHED = re.compile(SPEC["hashed_names"])
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
VERSION = str(yaml.safe_load((ROOT / "content" / "releases.yml").read_text(encoding="utf-8"))["releases"][0]["version"])
PATH = "/ai-guide/"  # the web version is served under a path, as on an intranet


def run_release(dist: Path, *args: str) -> str:
    done = subprocess.run([sys.executable, "scripts/release.py", "--dist", str(dist), *args], cwd=ROOT,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


@pytest.fixture(scope="session")
def release(tmp_path_factory, worker_id) -> tuple[Path, str]:
    """scripts/release run once for the whole test run: the first worker to ask makes it,
    the others wait for it (a lock in the run's shared temporary folder)."""
    shared = tmp_path_factory.getbasetemp()
    if worker_id != "master":
        shared = shared.parent
    dist = shared / "release-dist"
    with open(shared / "release.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (dist / "output.txt").exists():
            (shared / "output.txt").write_text(run_release(dist))
            (shared / "output.txt").rename(dist / "output.txt")
    return dist, (dist / "output.txt").read_text()


def unzip(archive: Path, into: Path) -> Path:
    """Unpacks a release zip; returns its one folder."""
    with zipfile.ZipFile(archive) as z:
        z.extractall(into)
    return into / archive.stem


def test_release_writes_zips_named_with_the_version_checksums_and_readmes(release):
    dist, output = release
    print(output)
    web, share = f"ai-guide-{VERSION}-web.zip", f"ai-guide-{VERSION}-file-share.zip"
    assert sorted(p.name for p in dist.iterdir()) == sorted([web, share, "SHA256SUMS", "output.txt"])
    sums = dict(reversed(line.split("  ")) for line in (dist / "SHA256SUMS").read_text().splitlines())
    assert sums == {n: hashlib.sha256((dist / n).read_bytes()).hexdigest() for n in (web, share)}
    for name in (web, share):
        assert f"{name}  {(dist / name).stat().st_size:,} bytes" in output and sums[name] in output
    for name, must_have in ((web, ["site/index.html", "site/search/search_index.json", "server-config/web.config",
                                   "server-config/nginx-ai-guide.conf", "server-config/apache.htaccess",
                                   "server-config/headers.yml"]),
                            (share, ["index.html", "tools/deployment-checklist.html", "search/search_index.js"])):
        folder = name.removesuffix(".zip") + "/"
        with zipfile.ZipFile(dist / name) as z:
            names = z.namelist()
            assert all(n.startswith(folder) for n in names), "one folder, named like the zip"
            assert {folder + n for n in must_have + ["README-INSTALL.txt"]} <= set(names)
            readme = z.read(folder + "README-INSTALL.txt").decode()
            home = z.read(folder + ("site/" if name == web else "") + "index.html").decode()
            if name == web:
                config = z.read(folder + "server-config/web.config")
        assert f"version {VERSION} (guide version 1.0)" in readme
        assert "SharePoint" in readme and "UPDATE" in readme and "Export every assessment" in readme
        assert "$" not in readme.replace("$folder", ""), "every placeholder filled"
        assert f"Website version {VERSION}:" in home and "Guide version 1.0, 14 May 2025." in home
    # IIS: a year's caching for exactly the files whose names carry a hash.
    hashed = sorted(n.split("/site/", 1)[1] for n in names_of(dist / web) if "/site/" in n and HASHED.search(n))
    assert any(h.startswith("assets/javascripts/bundle.") for h in hashed), hashed
    root = ET.fromstring(config)
    locations = {loc.get("path"): loc.find("system.webServer/staticContent/clientCache") for loc in root.findall("location")}
    assert sorted(locations) == hashed
    assert {(c.get("cacheControlMode"), c.get("cacheControlMaxAge"), c.get("cacheControlCustom"))
            for c in locations.values()} == {("UseMaxAge", "365.00:00:00", "public, immutable")}
    assert SPEC["cache"]["hashed"] == "public, max-age=31536000, immutable"  # what those attributes say


def names_of(archive: Path) -> list[str]:
    with zipfile.ZipFile(archive) as z:
        return z.namelist()


def test_file_share_zip_opens_from_a_folder_with_spaces_and_brackets(browsing, release, tmp_path):
    dist, _ = release
    folder = unzip(dist / f"ai-guide-{VERSION}-file-share.zip", tmp_path / "x" / "NHS AI guide (v1.1)")
    assert " " in str(folder) and "(" in str(folder)
    ctx = browsing.new(search=True)
    try:
        page = ctx.new_page()
        watch = browsing.watch  # file:// only (requests below), nothing else
        requests = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto((folder / "index.html").as_uri())
        expect(page.locator("[data-aig-version=site]")).to_have_text(f"Website version {VERSION}: what's changed.")
        # Search, from the index inlined in the build, through the vendored worker shim.
        page.locator("input.md-search__input").focus()
        page.keyboard.type("hallucination")
        page.locator(".md-search-result__item").first.wait_for(timeout=15000)
        assert page.locator(".md-search-result__item").count() > 0
        # A tool starts and keeps an answer across a reload.
        page.goto((folder / "tools" / "deployment-checklist.html").as_uri())
        page.locator("[data-aig-ready]").first.wait_for()
        fill_item(page, "appoint-ai-lead", status="In progress", notes="opened from (the) share")
        page.reload()
        page.locator("[data-aig-ready]").first.wait_for()
        assert page.input_value("#notes-appoint-ai-lead") == "opened from (the) share"
        assert page.locator("#status-appoint-ai-lead option:checked").inner_text() == "In progress"
        # The footer's link to what changed in each version opens from the share too.
        page.locator("[data-aig-version=site]").get_by_role("link", name="what's changed").click()
        expect(page.locator("h1")).to_contain_text("What's changed")
        assert requests and all(u.startswith("file://") for u in requests if not u.startswith(("data:", "blob:"))), \
            [u for u in requests if not u.startswith("file://")]
        assert not watch.problems(page), watch.problems(page)
    finally:
        ctx.close()


@contextlib.contextmanager
def nginx(root: Path, tmp: Path):
    """Debian's nginx with deploy/nginx-ai-guide.conf, its root and port templated, on a
    loopback port; yields the origin."""
    port = free_port()
    conf = (ROOT / "deploy" / "nginx-ai-guide.conf").read_text(encoding="utf-8")
    conf = re.sub(r"^(\s*)listen .*;$", rf"\g<1>listen 127.0.0.1:{port};", conf, count=1, flags=re.M)
    conf = re.sub(r"^(\s*)root .*;$", lambda m: f"{m.group(1)}root {root};", conf, count=1, flags=re.M)
    (tmp / "site.conf").write_text(conf)
    temp = " ".join(f"{kind}_temp_path {tmp}/{kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    # As root, the workers would otherwise run as nobody, who cannot read pytest's folders.
    user = "user root;" if os.geteuid() == 0 else ""
    (tmp / "nginx.conf").write_text(f"""{user} daemon off; worker_processes 1; pid {tmp}/nginx.pid;
error_log {tmp}/error.log;
events {{ worker_connections 256; }}
http {{ include /etc/nginx/mime.types; default_type application/octet-stream; access_log off; {temp}
       include {tmp}/site.conf; }}
""")
    check = subprocess.run([NGINX, "-t", "-p", str(tmp), "-e", str(tmp / "error.log"), "-c", str(tmp / "nginx.conf")],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    proc = subprocess.Popen([NGINX, "-p", str(tmp), "-e", str(tmp / "error.log"), "-c", str(tmp / "nginx.conf")])
    try:
        for _ in range(100):
            assert proc.poll() is None, (tmp / "error.log").read_text()
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
                break
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(10)


def serve_release(dist: Path, zip_name: str, srv: Path, tmp: Path) -> None:
    """The web release's site/ files put at srv/ai-guide/ (replacing any there)."""
    shutil.rmtree(srv / PATH.strip("/"), ignore_errors=True)
    folder = unzip(dist / zip_name, tmp)
    shutil.copytree(folder / "site", srv / PATH.strip("/"))


def get(url: str):
    try:
        with urllib.request.urlopen(url) as r:
            return r.status, r.headers
    except urllib.error.HTTPError as e:
        return e.code, e.headers


@pytest.mark.slow
def test_nginx_serves_every_page_with_the_headers_and_nothing_breaks(browsing, release, tmp_path):
    dist, _ = release
    srv = tmp_path / "srv"
    serve_release(dist, f"ai-guide-{VERSION}-web.zip", srv, tmp_path / "unzipped")
    site = srv / PATH.strip("/")
    with nginx(srv, tmp_path) as origin:
        base = origin + PATH
        # Every file as nginx serves it: the security headers, and caching by name.
        for f in sorted(p for p in site.rglob("*") if p.is_file()):
            rel = f.relative_to(site).as_posix()
            status, headers = get(base + rel)
            assert status == 200, rel
            for name, value in SPEC["headers"].items():
                assert headers[name] == value, (rel, name, headers[name])
            wanted = SPEC["cache"]["hashed" if HASHED.search(rel) else "other"]
            assert headers["Cache-Control"] == wanted, (rel, headers["Cache-Control"])
            for ext, mime in SPEC["types"].items():
                if rel.endswith(ext):
                    assert headers["Content-Type"].split(";")[0] == mime, (rel, headers["Content-Type"])
        for rel in ("", "assets/javascripts/" + next(p.name for p in (site / "assets/javascripts").iterdir()
                                                       if p.name.startswith("bundle.") and p.name.endswith(".js")),
                    "search/search_index.json", "no-such-page/"):
            status, headers = get(base + rel)
            print(f"\nGET {PATH}{rel} -> {status}\n" + "".join(f"  {k}: {v}\n" for k, v in headers.items()))
            assert all(headers[name] == value for name, value in SPEC["headers"].items()), "error pages too"

        # Every page in Chromium under those headers.
        ctx = browsing.new(search=True, origin=origin)  # the search worker under those headers too
        try:
            page = ctx.new_page()
            watch = browsing.watch
            policy = []  # Chromium reports a Permissions-Policy it cannot parse in the console
            page.on("console", lambda m: "policy" in m.text.lower() and policy.append(f"{m.type}: {m.text}"))
            pages = built_pages(site)
            assert len(pages) > 30 and "tools/deployment-checklist/" in pages
            for path in pages:
                response = page.goto(base + path)
                assert response.status == 200 and response.all_headers()["content-security-policy"] == "default-src 'self'"
                if path.startswith("tools/") and path not in ("tools/",):
                    page.locator("[data-aig-ready]").first.wait_for()
                assert not watch.problems(page), (path, watch.problems(page))
            # What the headers could break: the search worker and its index, a blob: download.
            page.goto(base + "tools/deployment-checklist/")
            fill_item(page, "appoint-ai-lead", notes="under nginx")
            data = json.loads(Path(export_file(page, "Export answers (JSON)").path()).read_text())
            assert data["assessments"][0]["tools"]["deployment-checklist"]["answers"]["appoint-ai-lead"]["notes"] == "under nginx"
            page.locator("input.md-search__input").focus()
            page.keyboard.type("hallucination")
            page.locator(".md-search-result__item").first.wait_for(timeout=15000)
            assert not watch.problems(page) and not policy, (watch.problems(page), policy)
            print(f"{len(pages)} pages loaded in Chromium from nginx at {base}: no script error, CSP violation "
                  "or request to another origin")
        finally:
            ctx.close()


def next_project(tmp: Path) -> tuple[Path, str]:
    """A copy of the project with a newer release in content/releases.yml: the next release."""
    copy = tmp / "next-project"
    for name in ("content", "deploy", "docs", "macros", "overrides"):
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", copy)
    major, minor, patch = VERSION.split(".")
    bumped = f"{major}.{minor}.{int(patch) + 1}"
    log = copy / "content" / "releases.yml"
    text = log.read_text(encoding="utf-8")
    entry = (f"releases:\n  - version: {bumped}\n    date: '2026-12-31'\n    guide_version: '1.0'\n"
             "    change: The next release (a test).\n")
    assert text.count("\nreleases:\n") == 1
    log.write_text(text.replace("\nreleases:\n", "\n" + entry, 1), encoding="utf-8")
    return copy, bumped


def saved(page) -> dict:
    """Everything the site keeps in this browser: its keys (all of them carry the path)."""
    return page.evaluate("Object.fromEntries(Object.entries(localStorage).filter(([k]) => k.includes('ai-guide.')))")


@pytest.mark.slow
def test_update_in_place_keeps_every_answer_and_its_revision_flag(browsing, release, tmp_path):
    dist, _ = release
    project, bumped = next_project(tmp_path)
    next_dist = tmp_path / "next-dist"
    run_release(next_dist, "--project", str(project), "--only", "web")
    srv = tmp_path / "srv"
    serve_release(dist, f"ai-guide-{VERSION}-web.zip", srv, tmp_path / "this")
    with nginx(srv, tmp_path) as origin:
        base = origin + PATH
        ctx = browsing.new(origin=origin)
        try:
            page = ctx.new_page()
            watch = browsing.watch
            # Answers in several tools of the first assessment...
            page.goto(base + "tools/deployment-checklist/")
            fill_item(page, "appoint-ai-lead", notes="kept across the update")
            fill_item(page, "define-the-problem", status="In progress", owner="CCIO")
            # ...one of them answered before its guidance changed (an older revision).
            key = tool_key(page, "deployment-checklist")
            page.evaluate("""k => { const r = JSON.parse(localStorage.getItem(k))
                r.answers['appoint-ai-lead'].rev = '00000000'; localStorage.setItem(k, JSON.stringify(r)) }""", key)
            page.goto(base + "tools/readiness-assessment/")
            page.check("#level-data-accuracy-3")
            page.fill("#notes-data-accuracy", "Audit found 12% of records with errors")
            page.goto(base + "tools/benefits-planner/")
            fill_benefits(page)
            page.goto(base + "tools/business-case/")
            page.fill("#case-problem", "Dermatology triage waits are 14 weeks")
            # ...and a second assessment with its own answers.
            manage(page, "New assessment", "Second project")
            page.goto(base + "tools/risk-assurance/")
            page.select_option("#status-dpia", label="In progress")
            page.fill("#notes-dpia", "DPO reviewing draft DPIA")
            before = saved(page)
            # The index, four tools' answers in the first assessment and one in the second;
            # every key carries the site's path.
            assert sorted(k.rsplit(".", 1)[1] for k in before) == sorted([
                "assessments", "deployment-checklist", "readiness-assessment", "benefits-planner", "business-case",
                "risk-assurance"]), before.keys()
            assert all(k.startswith(PATH + "ai-guide.v2.") for k in before), before.keys()

            # The update: the next release's files replace these, at the same address
            # (the page left first, so that no late request, such as the favicon, meets
            # the folder half replaced).
            page.goto("about:blank")
            serve_release(next_dist, f"ai-guide-{bumped}-web.zip", srv, tmp_path / "next")
            page.goto(base + "tools/risk-assurance/")
            expect(page.locator("[data-aig-version=site]")).to_have_text(f"Website version {bumped}: what's changed.")
            page.locator("[data-aig-ready]").first.wait_for()
            assert page.input_value("#notes-dpia") == "DPO reviewing draft DPIA"
            assert page.locator("[data-aig-assess-name]").first.inner_text() == "Second project"
            page.select_option("[data-aig-assess-select]", label="My assessment")
            page.get_by_role("button", name="Switch", exact=True).click()
            page.goto(base + "tools/deployment-checklist/")
            page.locator("[data-aig-ready]").first.wait_for()
            assert page.input_value("#notes-appoint-ai-lead") == "kept across the update"
            assert page.input_value("#owner-define-the-problem") == "CCIO"
            expect(page.locator("#item-appoint-ai-lead .aig-changed")).to_contain_text("The guidance for this point changed")
            assert page.locator(".aig-changed").count() == 1
            page.goto(base + "tools/readiness-assessment/")
            assert page.is_checked("#level-data-accuracy-3")
            page.goto(base + "tools/benefits-planner/")
            assert page.input_value("#measure-workforce-productivity") == "Hours of admin time per clinic"
            page.goto(base + "tools/business-case/")
            assert page.input_value("#case-problem") == "Dermatology triage waits are 14 weeks"
            after = saved(page)
            # Every answer as it was, revision included; only which assessment is current moved.
            assert {k: v for k, v in after.items() if not k.endswith(".assessments")} == \
                   {k: v for k, v in before.items() if not k.endswith(".assessments")}
            ix_before, ix_after = (json.loads(s[PATH + "ai-guide.v2.assessments"]) for s in (before, after))
            assert ix_after["list"] == ix_before["list"]
            assert json.loads(after[key])["answers"]["appoint-ai-lead"]["rev"] == "00000000"
            assert not watch.problems(page), watch.problems(page)
        finally:
            ctx.close()
