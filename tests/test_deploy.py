"""The server configurations in deploy/ send exactly the headers, caching and types of
deploy/headers.yml (the one place their values are written), and the site's version is
written once. nginx is also run for real: tests/browser/test_release.py."""
from __future__ import annotations

import re
import tomllib
import xml.etree.ElementTree as ET

import yaml

from conftest import HEADERS, ROOT

DEPLOY = ROOT / "deploy"
SPEC = yaml.safe_load((DEPLOY / "headers.yml").read_text(encoding="utf-8"))


def test_headers_file_says_what_the_brief_asks():
    h = SPEC["headers"]
    assert h["Content-Security-Policy"] == "default-src 'self'"
    assert h["X-Content-Type-Options"] == "nosniff" and h["Referrer-Policy"] == "no-referrer"
    off = dict(f.split("=") for f in h["Permissions-Policy"].split(", "))
    assert {"camera", "microphone", "geolocation", "payment", "usb"} <= set(off) and set(off.values()) == {"()"}
    assert "immutable" in SPEC["cache"]["hashed"] and SPEC["cache"]["other"] == "no-cache"
    hashed = re.compile(SPEC["hashed_names"])
    assert hashed.search("bundle.a5f9d56c.min.js") and hashed.search("main.57a0d79d.min.css.map")
    assert not any(hashed.search(n) for n in ("site.css", "theme.js", "lunr.de.min.js", "search_index.json"))
    assert HEADERS == h  # the test server sends them too (tests/conftest.py)


def test_nginx_configuration_sends_the_same_headers():
    conf = (DEPLOY / "nginx-ai-guide.conf").read_text(encoding="utf-8")
    sent = dict(re.findall(r'^\s*add_header ([\w-]+) "?(.*?)"? always;$', conf, re.M))
    cache = sent.pop("Cache-Control")
    assert sent == SPEC["headers"]
    # Cache-Control comes from a map on the file name.
    mapped = re.search(r"^map \$uri %s \{(.*?)^\}" % re.escape(cache), conf, re.S | re.M).group(1)
    rules = dict(re.findall(r'^\s*"?(.+?)"?\s+"(.*)";$', mapped, re.M))
    assert rules == {"default": SPEC["cache"]["other"], "~" + SPEC["hashed_names"]: SPEC["cache"]["hashed"]}
    # Only one block sets headers: nginx drops inherited add_header lines in a block with its own.
    assert len(re.findall(r"^\s*add_header", conf, re.M)) == len(SPEC["headers"]) + 1
    # .json is in nginx's mime.types (checked as served); the type it lacks:
    assert re.search(r"location ~ \\\.map\$ \{\s*default_type %s;" % re.escape(SPEC["types"][".map"]), conf)


def test_iis_web_config_sends_the_same_headers():
    web = ET.parse(DEPLOY / "web.config").getroot().find("system.webServer")
    custom = web.find("httpProtocol/customHeaders")
    assert {e.get("name"): e.get("value") for e in custom.findall("add")} == SPEC["headers"]
    static = web.find("staticContent")
    # DisableCache is IIS's "Cache-Control: no-cache"; files with a hash get a <location>
    # each from scripts/release (checked in tests/browser/test_release.py).
    assert static.find("clientCache").get("cacheControlMode") == "DisableCache" and SPEC["cache"]["other"] == "no-cache"
    assert {m.get("fileExtension"): m.get("mimeType") for m in static.findall("mimeMap")} == SPEC["types"]
    # Each type is removed first: IIS fails the whole site on a type it already has.
    assert [r.get("fileExtension") for r in static.findall("remove")] == list(SPEC["types"])


def test_apache_htaccess_sends_the_same_headers():
    conf = (DEPLOY / "apache.htaccess").read_text(encoding="utf-8")
    assert dict(re.findall(r'^Header always set ([\w-]+) "(.*)"$', conf, re.M)) == SPEC["headers"]
    assert re.findall(r'^Header set Cache-Control "(.*)"$', conf, re.M) == [SPEC["cache"]["other"]]
    files = re.search(r'<FilesMatch "(.*)">\s*Header set Cache-Control "(.*)"\s*</FilesMatch>', conf)
    assert files.groups() == (SPEC["hashed_names"], SPEC["cache"]["hashed"])
    added = dict((ext, t) for t, exts in re.findall(r"^AddType (\S+) (.+)$", conf, re.M) for ext in exts.split())
    assert added == SPEC["types"]


def test_site_version_is_written_once():
    """The release and the footer take the version from content/releases.yml;
    pyproject.toml must agree with it."""
    releases = yaml.safe_load((ROOT / "content" / "releases.yml").read_text(encoding="utf-8"))
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["version"] == releases["releases"][0]["version"]


def test_install_page_lists_the_same_headers():
    """docs/about/install-and-update.md, for IT teams, gives the same values."""
    page = (ROOT / "docs" / "about" / "install-and-update.md").read_text(encoding="utf-8")
    assert dict(re.findall(r"^\| `([\w-]+)` \| `(.*)` \|$", page, re.M)) == SPEC["headers"]
    for value in SPEC["cache"].values():
        assert f"`Cache-Control: {value}`" in page
    assert all(f"`{mime}`" in page for mime in SPEC["types"].values())
