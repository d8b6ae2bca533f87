"""Shared fixtures: a built site, a local server that sends the site's security
headers (deploy/headers.yml, as a real server would), and Debian's Chromium driven by
Playwright."""
from __future__ import annotations

import functools
import http.server
import os
import re
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
    """What a page did wrong: script errors, console errors (Chromium reports CSP
    violations there too), failed requests, and requests to other origins."""

    def __init__(self, *origins: str):
        self.origins = {o.rstrip("/") for o in origins}
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
        if url.startswith(("data:", "blob:", "about:", "file://")):
            return
        if any(url == o or url.startswith(o + "/") for o in self.origins):
            return
        self.foreign.append(url)

    def problems(self, page=None) -> list[str]:
        found = self.errors + [f"request to another origin: {u}" for u in self.foreign]
        if page is not None and not page.is_closed() and page.url.startswith(("http", "file")):
            found += [f"CSP violation: {v}" for v in page.evaluate("window.__csp || []")]
        return found

    def forgive(self, pattern: str) -> list[str]:
        """Take out the errors a test expects (a regular expression); returns them."""
        taken = [e for e in self.errors if re.search(pattern, e)]
        self.errors = [e for e in self.errors if e not in taken]
        return taken


CSP_LISTENER = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
"""

# Material starts a web worker on every page load that fetches search/search_index.json
# (180 KB) and builds the search index from it: CPU spent on each of the suite's page
# loads. Where search is not what is tested, the worker is an inert stand-in (search
# shows "Initializing search"). A script, not a route: routing any request makes
# Playwright hold up every request of the context, which costs more than it saves.
NO_SEARCH = """(() => {
  const Real = window.Worker
  window.Worker = function (url, options) {
    if (!String(url).includes('/workers/search.')) return new Real(url, options)
    return { postMessage () {}, terminate () {}, addEventListener () {}, removeEventListener () {},
             dispatchEvent () { return true } }
  }
})()"""


class Browsing:
    """The one way tests open browser contexts. Each context gets the CSP listener on
    its pages, Material's search worker left out unless asked for (search=True), and
    a Watch on every page it opens; the test fails on what the Watch saw."""

    def __init__(self, browser, origin: str):
        self.browser = browser
        self.watch = Watch(origin)
        self.contexts: list = []

    def new(self, search: bool = False, origin: str | None = None, **options):
        """A new context (options as browser.new_context; a 1280 x 900 window and
        downloads accepted unless given); origin: another origin its pages may use."""
        options.setdefault("viewport", {"width": 1280, "height": 900})
        options.setdefault("accept_downloads", True)
        return self.adopt(self.browser.new_context(**options), search=search, origin=origin)

    def adopt(self, ctx, search: bool = False, origin: str | None = None):
        """Watch a context made otherwise (a persistent profile); closed with the others."""
        ctx.add_init_script(CSP_LISTENER)
        if not search:
            ctx.add_init_script(NO_SEARCH)
        if origin:
            self.watch.origins.add(origin.rstrip("/"))
        for page in ctx.pages:
            self.watch.attach(page)
        ctx.on("page", self.watch.attach)
        self.contexts.append(ctx)
        return ctx

    def check(self) -> list[str]:
        """Problems seen since the last check, CSP violations on open pages included."""
        found = self.watch.problems()
        for ctx in self.contexts:
            for page in ctx.pages:
                try:
                    found += [f"CSP violation: {v}" for v in page.evaluate("window.__csp || []")]
                    page.evaluate("window.__csp && (window.__csp.length = 0)")
                except Exception:  # a page with scripts off, or gone
                    pass
        self.watch.errors.clear()
        self.watch.foreign.clear()
        return found

    def close(self):
        for ctx in self.contexts:
            try:
                ctx.close()
            except Exception:  # closed already by the test
                pass
        self.contexts = []


@pytest.fixture
def browsing(browser, base_url):
    """Contexts for one test (browsing.new(...)); the test fails on any script error,
    CSP violation, failed request or request to another origin in any of them."""
    b = Browsing(browser, base_url)
    yield b
    try:
        problems = b.check()
    finally:
        b.close()
    assert not problems, problems


@pytest.fixture(scope="module")
def module_browsing(browser, base_url):
    """Contexts shared by the tests of a module (a page state built once); what goes
    wrong in them fails the test during which it happened (watch_module_contexts)."""
    b = Browsing(browser, base_url)
    yield b
    b.close()


@pytest.fixture(autouse=True)
def watch_module_contexts(request):
    if "module_browsing" not in request.fixturenames:
        yield
        return
    b = request.getfixturevalue("module_browsing")
    yield
    problems = b.check()
    assert not problems, problems


@pytest.fixture
def context(browsing):
    return browsing.new()


@pytest.fixture
def watch(browsing):
    return browsing.watch


@pytest.fixture
def page(context):
    """A page that must end the test with no script error, no CSP violation and no
    request to another origin."""
    return context.new_page()
