"""mkdocs-macros entry point: everything the site does in Python starts here.

define_env loads and checks content/ (failing the build with file and place on any
problem), then registers the macros that pages call. No MkDocs hooks are used, so the
site can later move to another builder that runs the same macros.
"""
from __future__ import annotations

from mkdocs.exceptions import PluginError

from .content import ContentError, load_all
from .render import Renderer
from .tables import long_date
from .tools import TOOLS, page_styles, stylesheet


_renderer = None  # set by define_env, used for every page's tooltips


def define_env(env):
    global _renderer
    try:
        content = load_all()
    except ContentError as err:
        # PluginError makes MkDocs print the message and stop, without a traceback.
        raise PluginError(str(err)) from None

    config = env.conf
    offline = config.plugins.get("material/offline")
    if offline is not None and offline.config.enabled:
        # The offline plugin would add the iframe-worker shim from a CDN; give it our
        # vendored copy so nothing is fetched from another origin.
        config.extra["polyfills"] = ["assets/vendor/iframe-worker/shim.min.js"]

    # The parts of each tool page's one stylesheet (overrides/components/styles/).
    config.extra["aig_page_styles"] = {stylesheet(t).rsplit("/", 1)[1][:-4]: page_styles(t) for t in TOOLS}

    # The site's version comes from the newest release (content/releases.yml).
    config.extra["site_version"] = content["releases"]["releases"][0]["version"]
    renderer = Renderer(env, content)
    env.variables["guide"] = dict(content["changelog"]["guide"],
                                  approved=long_date(content["changelog"]["guide"]["approved"]))
    config.extra["guide"] = env.variables["guide"]  # the footer shows its version (partials/copyright.html)
    env.variables["site_version"] = config.extra["site_version"]
    for name in renderer.macro_names:
        env.macro(getattr(renderer, name), name)
    _renderer = renderer


def on_post_page_macros(env):
    """Give the first use on the page of each glossary term its definition as a tooltip
    (macros/tooltips.py; a page can opt out with `tooltips: false` in its front matter)."""
    if _renderer is not None and env.page.meta.get("tooltips", True):
        env.markdown = _renderer.abbreviations(env.markdown)


__all__ = ["define_env", "on_post_page_macros", "ContentError", "load_all"]
