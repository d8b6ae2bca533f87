"""The engine flow in Firefox ESR (Debian's firefox-esr), driven over WebDriver BiDi by
puppeteer-core (tests/engines/package.json, installed by `scripts/setup --test`):
firefox.mjs does on every tool page what flow.py says, on the built site served as
for every browser test."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from .flow import HERE, check, config, summary

FIREFOX = os.environ.get("FIREFOX", "/usr/bin/firefox-esr")


@pytest.mark.slow
@pytest.mark.engines
def test_every_tool_page_in_firefox_esr(base_url, tmp_path):
    if not Path(FIREFOX).exists():
        pytest.fail(f"Firefox ESR not found at {FIREFOX}: run scripts/setup --test (Debian's firefox-esr)")
    if not shutil.which("node") or not (HERE / "node_modules" / "puppeteer-core").is_dir():
        pytest.fail("Node.js or puppeteer-core missing: run scripts/setup --test (npm ci in tests/engines)")
    cfg = tmp_path / "config.json"
    cfg.write_text(json.dumps(config(base_url)), encoding="utf-8")
    done = subprocess.run(["node", "firefox.mjs", str(cfg)], cwd=HERE, capture_output=True, text=True,
                          timeout=1200, env=dict(os.environ, FIREFOX=FIREFOX))
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    result = json.loads(lines[-1].removeprefix("RESULT ")) if lines else {}
    problems = check(result)
    print(summary(result))
    assert done.returncode == 0 and result and not problems, \
        "\n".join(problems) + "\n--- firefox.mjs said:\n" + done.stderr + done.stdout[-2000:]
