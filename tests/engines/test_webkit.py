"""The engine flow in WebKitGTK, the engine of Safari (Debian's webkit2gtk-driver),
driven by Selenium through WebKitWebDriver on a virtual screen (Xvfb: headless mode is
not in every WebKitGTK). What it does on every tool page: flow.py.

WebKitWebDriver has no WebDriver BiDi and no way to run a script before a page's own,
so the site is served here with in_page.js added first in each page's head (a script
of the same origin: the site's CSP applies unchanged)."""
from __future__ import annotations

import functools
import os
import re
import subprocess
import threading
import time
import urllib.parse
from pathlib import Path

import pytest

from conftest import Handler, Server, free_port

from .flow import ASSESSMENT, BY, FILES, IN_PAGE, PAGES, TEXT, answers, check, summary

DRIVER = os.environ.get("WEBKIT_DRIVER", "/usr/bin/WebKitWebDriver")
XVFB = "/usr/bin/Xvfb"
WAIT = 60  # seconds: the longest wait for any condition (the machine may be busy)
HOOK = "/__engines/in_page.js"


class InjectingHandler(Handler):
    """The built site with the site's CSP, and in_page.js before the page's scripts."""

    def do_GET(self):
        path = urllib.parse.urlsplit(self.path).path
        if path == HOOK:
            return self._send(IN_PAGE.read_bytes(), "text/javascript")
        file = Path(self.translate_path(self.path))
        if path.endswith("/") and (file / "index.html").is_file():
            file = file / "index.html"
        if file.suffix == ".html" and file.is_file():
            html = file.read_bytes().replace(b"<head>", f'<head><script src="{HOOK}"></script>'.encode(), 1)
            return self._send(html, "text/html; charset=utf-8")
        return super().do_GET()

    def _send(self, body: bytes, kind: str):
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def hooked_url(built_site):
    port = free_port()
    server = Server(("127.0.0.1", port), functools.partial(InjectingHandler, directory=str(built_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{port}/"
    server.shutdown()


@pytest.fixture
def display():
    """A virtual screen on a free display number (Xvfb picks it: -displayfd)."""
    if not Path(XVFB).exists():
        pytest.fail(f"Xvfb not found at {XVFB}: run scripts/setup --test (Debian's xvfb)")
    read, write = os.pipe()
    xvfb = subprocess.Popen([XVFB, "-displayfd", str(write), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
                            pass_fds=[write], stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as out:
        number = out.readline().strip()
    if not number:
        xvfb.kill()
        pytest.fail("Xvfb did not start")
    yield ":" + number
    xvfb.terminate()
    xvfb.wait()


@pytest.fixture
def driver(display):
    if not Path(DRIVER).exists():
        pytest.fail(f"WebKitWebDriver not found at {DRIVER}: run scripts/setup --test (Debian's webkit2gtk-driver)")
    from selenium import webdriver
    from selenium.webdriver.webkitgtk.options import Options
    from selenium.webdriver.webkitgtk.service import Service
    started = time.monotonic()
    d = webdriver.WebKitGTK(options=Options(), service=Service(DRIVER, env=dict(os.environ, DISPLAY=display)))
    d.start_seconds = time.monotonic() - started
    d.set_window_rect(0, 0, 1280, 900)
    yield d
    d.quit()


class Flow:
    """flow.py's steps, through Selenium: each returns when the page shows its result."""

    def __init__(self, d, base):
        from selenium.webdriver.support.ui import WebDriverWait
        self.d, self.base = d, base
        self.wait = WebDriverWait(d, WAIT, poll_frequency=0.1)

    def js(self, expr, *args):
        return self.d.execute_script("return " + expr, *args)

    def until(self, what, expr, *args):
        from selenium.common.exceptions import TimeoutException
        try:
            self.wait.until(lambda d: self.js(expr, *args))
        except TimeoutException:
            raise AssertionError(f"waited {WAIT} s for {what}; messages: {self.js('window.__engines.messages()')}; "
                                 f"problems: {'; '.join(self.js('window.__engines.problems()')) or 'none'}") from None

    def clean(self):
        problems = self.js("window.__engines.problems()")
        assert not problems, "problems on the page: " + "; ".join(problems)

    def ready(self):
        self.until("the tools to start", "window.__engines && window.__engines.ready()")
        self.clean()

    def click(self, el):
        # In the middle of the window first: near an edge, Material's fixed header can be over it.
        self.js("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", el)
        el.click()

    def click_css(self, selector):
        self.click(self.d.find_element("css selector", selector))

    def click_button(self, label):
        self.until(f'a "{label}" button', "!!window.__engines.button(arguments[0])", label)
        self.click(self.js("window.__engines.button(arguments[0])", label))

    def type(self, el, text):
        """Type as a person does. WebKitWebDriver (2.50) types no character outside the
        Basic Multilingual Plane, so those go in as an input method or the emoji picker
        puts them, with the editing command insertText (the same input events)."""
        from selenium.webdriver.common.keys import Keys
        for run in re.findall(r"[\u0000-\uffff]+|[^\u0000-\uffff]+", text):
            if ord(run[0]) <= 0xFFFF:
                el.send_keys(run.replace("\n", Keys.ENTER))
            else:
                self.js("arguments[0].focus(), document.execCommand('insertText', false, arguments[1])", el, run)

    def ask(self, text):
        self.until("a box for a name", "!!window.__engines.askBox()")
        self.type(self.js("window.__engines.askBox()"), text)

    def value(self, id):
        return self.js("window.__engines.value(arguments[0])", id)

    def page(self, p, done):
        from selenium.webdriver.support.ui import Select
        d = self.d
        d.get(self.base + p["path"])
        self.ready()
        done["steps"].append("start")
        f = self.js("window.__engines.features()")
        field = text = None

        if f["tool"]:  # type, find it saved, reload, find it again
            field = self.js("window.__engines.textField()")
            if field and field.get("box"):
                self.click_css("#" + field["box"])
                field = self.js("window.__engines.textField()")
            assert field and field.get("id"), "no text box to type in"
            text = TEXT if field["multiline"] else TEXT.replace("\n", " ")
            self.type(d.find_element("id", field["id"]), text)
            assert self.value(field["id"]) == text, f"typed {self.value(field['id'])!r}, not {text!r}"
            self.until("the text to be saved", "window.__engines.saved(arguments[0], arguments[1]) === arguments[2]",
                       f["tool"], field["id"], text)
            done["steps"].append("save")
            d.refresh()
            self.ready()
            assert self.value(field["id"]) == text, f"after a reload: {self.value(field['id'])!r}"
            done["steps"].append("reload")

        if d.find_elements("css selector", "[data-aig-action=export-json]"):  # the JSON the button builds
            before = self.js("window.__engines.downloads.length")
            self.click_css("[data-aig-action=export-json]")
            self.until("a download or a question",
                       "window.__engines.downloads.length > arguments[0] || !!window.__engines.askBox()", before)
            if self.js("window.__engines.downloads.length") == before:
                self.ask(BY)
                self.click_button("Export")
            self.until("the download", "window.__engines.downloads.length > arguments[0]", before)
            wrong = self.js("window.__engines.exportProblems(arguments[0], arguments[1], arguments[2], arguments[3])",
                            f["tool"], field and field["id"], text, BY)
            assert not wrong, "the export: " + "; ".join(wrong)
            done["steps"].append("export")

        first = None
        if f["assess"]:  # what the engine lacks, then a new assessment
            self.click_css("[data-aig-assess] summary")
            self.until("the assessment buttons", "!!window.__engines.button('New assessment')")
            first = self.js("window.__engines.assessment()")
            assert first["keepFile"] == f["filePicker"] and first["openFile"] == f["filePicker"], \
                f"Keep in a file / Open a file shown: {first['keepFile']}/{first['openFile']}, API: {f['filePicker']}"
            if not f["filePicker"]:
                done["lacks"].append("window.showSaveFilePicker (Keep in a file, Open a file: hidden)")
            done["steps"].append("lacks")
            self.click_button("New assessment")
            self.ask(ASSESSMENT)
            self.click_button("Create")
            self.until("the new assessment", "window.__engines.assessment().name === arguments[0]", ASSESSMENT)
            shown = self.js("window.__engines.assessment().shown")
            assert shown.startswith(ASSESSMENT), f"the bar shows {shown!r}"
            if field:
                assert self.value(field["id"]) == "", "the text box in the new assessment is not empty"
            done["steps"].append("new")

        if f["import"]:  # into the new assessment
            for fmt in ("1", "2"):
                before = self.js("window.__engines.messages()")
                d.find_element("css selector", "input[type=file][data-aig-action=import]").send_keys(str(FILES[fmt]))
                self.until("the import to be read", "window.__engines.messages() !== arguments[0] && "
                           "/Answers imported|Merge with my answers/.test(window.__engines.messages())", before)
                if self.js("!!window.__engines.button('Merge with my answers')"):
                    self.click_button("Merge with my answers")
                self.until("the import", "/Answers imported into/.test(window.__engines.messages())")
                said = self.js("window.__engines.messages()")
                assert ASSESSMENT in said, "imported, but not into the new assessment: " + said
                if f["tool"]:
                    wrong = self.js("window.__engines.notShown(arguments[0])", answers(fmt).get(f["tool"], {}))
                    assert not wrong, f"format {fmt} import, not shown: " + "; ".join(wrong)
                done["steps"].append("import " + fmt)

        if f["assess"]:  # back to the first assessment, with the text as it was
            Select(d.find_element("css selector", "[data-aig-assess-select]")).select_by_value(first["id"])
            self.click_button("Switch")
            self.until("the switch", "window.__engines.assessment().id === arguments[0]", first["id"])
            assert self.js("window.__engines.assessment().name") == first["name"]
            if field:
                assert self.value(field["id"]) == text, f"after switching back: {self.value(field['id'])!r}"
            done["steps"].append("switch")

        if f["compare"]:  # the readiness comparison reads both formats
            for fmt in ("1", "2"):
                d.find_element("css selector", "input[type=file][data-aig-compare-file]").send_keys(str(FILES[fmt]))
                self.until("the comparison", "window.__engines.messages().includes('from \u201c' + arguments[0] + '\u201d')"
                           " && window.__engines.shown('[data-aig-compare-result]')", FILES[fmt].name)
                done["steps"].append("compare " + fmt)

        if f["team"]:  # two colleagues' files at once
            d.find_element("css selector", "input[type=file][data-aig-team-input]").send_keys(
                "\n".join(str(FILES[k]) for k in ("1", "2")))
            self.until("the team view", "window.__engines.messages().includes('2 people compared')"
                       " && window.__engines.shown('[data-aig-team-results]')")
            done["steps"].append("team 1+2")
        self.clean()


@pytest.mark.slow
@pytest.mark.engines
@pytest.mark.filterwarnings("ignore:setting remote_server_addr:DeprecationWarning")  # Selenium's own WebKitGTK start-up
def test_every_tool_page_in_webkitgtk(driver, hooked_url):
    caps = driver.capabilities
    result = dict(engine="WebKitGTK", version=f"{caps.get('browserName')} {caps.get('browserVersion')}",
                  start_seconds=driver.start_seconds, pages=[], failures=[])
    flow = Flow(driver, hooked_url)
    started = time.monotonic()
    for p in PAGES:
        done = dict(path=p["path"], steps=[], lacks=[])
        result["pages"].append(done)
        page_started = time.monotonic()
        try:
            flow.page(p, done)
        except Exception as e:  # every page is tried; all failures are reported together
            last = done["steps"][-1] if done["steps"] else "loading"
            result["failures"].append(f"{p['path']}: after {last}: {type(e).__name__}: {e}".split("\nStacktrace")[0])
        print(f"[webkit] {p['path']} {', '.join(done['steps'])} ({time.monotonic() - page_started:.1f} s)")
    result["seconds"] = time.monotonic() - started
    print(summary(result))
    problems = check(result)
    assert not problems, "\n".join(problems)
