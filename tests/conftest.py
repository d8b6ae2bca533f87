"""Shared fixtures: a built site, a local server that sends the site's security
headers (deploy/headers.yml, as a real server would), and Debian's Chromium driven by
Playwright."""
from __future__ import annotations

import functools
import http.server
import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# What every response of the real servers carries (deploy/: nginx, IIS, Apache).
HEADERS = yaml.safe_load((ROOT / "deploy" / "headers.yml").read_text(encoding="utf-8"))["headers"]


def build(dest: Path, **env) -> subprocess.CompletedProcess:
    """Run `mkdocs build --strict` into dest; returns the finished process."""
    full_env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **env)
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(dest)],
                          cwd=ROOT, env=full_env, capture_output=True, text=True)


def pytest_collection_modifyitems(items):
    """The longest tests first: started last, one of them can keep a worker busy for a
    minute after the others have finished."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)  # stable: order kept otherwise


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Handler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self):
        for name, value in HEADERS.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, *args):
        pass


class Server(http.server.ThreadingHTTPServer):
    # socketserver's default backlog of 5 can refuse a browser's parallel requests on a
    # busy machine; a stylesheet lost that way looks like a site bug.
    request_queue_size = 128
    daemon_threads = True


@pytest.fixture(scope="session")
def port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, port) -> Path:
    dest = tmp_path_factory.mktemp("site")
    done = build(dest, SITE_URL=f"http://127.0.0.1:{port}/")
    assert done.returncode == 0, done.stdout + done.stderr
    return dest


@pytest.fixture(scope="session")
def base_url(built_site, port) -> str:
    server = Server(("127.0.0.1", port), functools.partial(Handler, directory=str(built_site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}/"
    server.shutdown()


@pytest.fixture(scope="session")
def playwright():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's chromium package")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright):
    b = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield b
    b.close()


class Watch:
    """What a page did wrong: script errors, console errors, CSP violations,
    and requests to other origins."""

    def __init__(self, origin: str | None):
        self.origin = origin
        self.errors: list[str] = []
        self.foreign: list[str] = []

    def attach(self, page):
        page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        page.on("console", lambda m: m.type == "error" and self.errors.append(f"console: {m.text}"))
        page.on("request", self._request)
        page.on("response", lambda r: r.status >= 400 and self.errors.append(f"HTTP {r.status}: {r.url}"))
        # Requests cut short by the next navigation (ERR_ABORTED) are normal; others are not.
        page.on("requestfailed", lambda r: not r.url.startswith(("data:", "blob:")) and "ERR_ABORTED" not in
                (r.failure or "") and self.errors.append(f"request failed: {r.url} ({r.failure})"))
        return self

    def _request(self, req):
        url = req.url
        if url.startswith(("data:", "blob:", "about:")):
            return
        if self.origin and url.startswith(self.origin):
            return
        if not self.origin and url.startswith("file://"):
            return
        self.foreign.append(url)

    def problems(self, page=None) -> list[str]:
        found = self.errors + [f"request to another origin: {u}" for u in self.foreign]
        if page is not None and not page.is_closed() and page.url.startswith(("http", "file")):
            found += [f"CSP violation: {v}" for v in page.evaluate("window.__csp || []")]
        return found


CSP_LISTENER = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
"""


def new_context(browser, **kwargs):
    kwargs.setdefault("viewport", {"width": 1280, "height": 900})
    ctx = browser.new_context(accept_downloads=True, **kwargs)
    ctx.add_init_script(CSP_LISTENER)
    return ctx


@pytest.fixture
def context(browser):
    ctx = new_context(browser)
    yield ctx
    ctx.close()


@pytest.fixture
def watch(base_url):
    return Watch(base_url.rstrip("/"))


@pytest.fixture
def page(context, watch):
    """A page that must end the test with no script error, no CSP violation and no
    request to another origin."""
    p = context.new_page()
    watch.attach(p)
    yield p
    problems = watch.problems(p)
    assert not problems, problems
