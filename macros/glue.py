"""Thin glue between mkdocs-macros and the plain ``macros`` package.

Everything here only wires: load the data once, make the locale's ``App``, register the page
macro, and translate each page's title and description. No domain logic lives here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from .app import App
from .catalogs import translator_for
from .errors import DataError
from .load import load_site
from .pages import render_page


def setup(env: Any) -> None:
    """Called by ``define_env``: load data/, build the App, register macros."""
    root = Path(env.project_dir)
    locale = env.conf["extra"].get("locale", "en")
    try:
        site = load_site(root)
        tr = translator_for(site, locale)
        site.locale(locale)
    except DataError as exc:
        raise PluginError(str(exc)) from None
    except KeyError:
        raise PluginError(f"data/locales.yml: locale {locale!r} is not defined") from None
    app = App(site, tr, site_url=env.conf.get("site_url") or "")
    env.conf["extra"]["app"] = app

    @env.macro
    def page_body() -> Any:
        """The whole body of the current page, generated from data."""
        try:
            return render_page(app, app.page.page_id)
        except DataError as exc:
            raise PluginError(str(exc)) from None


def pre_page(env: Any) -> None:
    """Before a page renders: set its id, translated title and description."""
    app: App = env.conf["extra"]["app"]
    page = env.page
    page_id = page.meta.get("page_id")
    if not page_id:
        raise PluginError(f"docs/{page.file.src_path}: front matter needs 'page_id'")
    app.begin_page(page.url, page_id)
    try:
        page.meta["title"] = app.plain(f"page.{page_id}.title")
        page.meta["description"] = app.plain(f"page.{page_id}.description")
    except DataError as exc:
        raise PluginError(str(exc)) from None
