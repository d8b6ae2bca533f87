"""The JS and CSS the project adds stay within the issues' budgets (sizes, not
timings, so a test is stable)."""
import subprocess
import sys

from conftest import ROOT


def test_assets_within_budget():
    done = subprocess.run([sys.executable, "scripts/measure_weight.py", "--json"], cwd=ROOT,
                          capture_output=True, text=True)
    import json
    data = json.loads(done.stdout)
    assert data["engine_gzip"] <= 12 * 1024, data
    assert data["total_gzip"] <= 18 * 1024, data
    assert done.returncode == 0
    # Every script and stylesheet the site loads is measured.
    config = (ROOT / "mkdocs.yml").read_text()
    for name in data["files"]:
        short = name.removeprefix("docs/")
        assert short in config or short.endswith(("theme-base.js", "theme-palette.js")), short
