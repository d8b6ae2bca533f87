"""Checks across the site that the JSON Schemas cannot express, run by load_all after
every model has loaded: one vocabulary (content/vocabulary.yml), one template per
redrawn figure (content/figures.yml), and versions of the site that follow a version
of the guide, newest first (content/releases.yml)."""
from __future__ import annotations

from pathlib import Path

from . import vocabulary


def site_checks(data: dict, content_dir: Path, docs_dir: Path, relative) -> list[str]:
    problems: list[str] = []
    if "vocabulary" in data:
        problems += vocabulary.check(data["vocabulary"]["terms"], content_dir, docs_dir, relative)
    figures_dir = content_dir.parent / "overrides" / "partials" / "figures"
    if "figures" in data and figures_dir.is_dir():
        listed = {f["id"] for f in data["figures"]["figures"]}
        have = {p.stem for p in figures_dir.glob("*.html") if not p.name.startswith("_")}
        for name in sorted(listed - have):
            problems.append(f"{relative(content_dir / 'figures.yml')}: figure '{name}' has no template "
                            f"{relative(figures_dir / (name + '.html'))}")
        for name in sorted(have - listed):
            problems.append(f"{relative(figures_dir / (name + '.html'))}: this figure is not listed in "
                            f"{relative(content_dir / 'figures.yml')}; add it, with its source")
    if "releases" in data and "changelog" in data:
        guide = {e["version"] for e in data["changelog"]["entries"]}
        releases = data["releases"]["releases"]
        name = relative(content_dir / "releases.yml")
        for n, r in enumerate(releases):
            if r["guide_version"] not in guide:
                problems.append(f"{name}: releases[{n}].guide_version: '{r['guide_version']}' is not a version "
                                f"of the guide in {relative(content_dir / 'changelog.yml')}")
            if n and r["date"] > releases[n - 1]["date"]:
                problems.append(f"{name}: releases[{n}]: versions go newest first ({r['version']} is dated after "
                                f"{releases[n - 1]['version']})")
    return problems
