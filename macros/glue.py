"""Thin glue between mkdocs-macros and the plain ``macros`` package.

Everything here only wires: load the data once, make the locale's ``App``, register the page
macro, and translate each page's title and description. No domain logic lives here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from .app import App
from .catalogs import load_translators
from .errors import DataError
from .load import load_site
from .pages import render_page


def setup(env: Any) -> None:
    """Called by ``define_env``: load data/, build the App, register macros."""
    root = Path(env.project_dir)
    locale = env.conf["extra"].get("locale", "en")
    try:
        site = load_site(root)
        site.locale(locale)
        # Every catalogue is checked in every build: the translate page reads them all, and a
        # broken catalogue must stop the build with its file and line, whichever locale builds.
        tr = load_translators(site)[locale]
    except DataError as exc:
        raise PluginError(str(exc)) from None
    except KeyError:
        raise PluginError(f"data/locales.yml: locale {locale!r} is not defined") from None
    # MkDocs' site_url carries the locale prefix (see build.py); the App wants the site root.
    site_url = env.conf.get("site_url") or ""
    prefix = "" if locale == site.locales.source_locale else f"{locale}/"
    if prefix and site_url.endswith("/" + prefix):
        site_url = site_url[: -len(prefix)]
    app = App(site, tr, site_url=site_url)
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
        # Escaped here: the theme prints titles and descriptions without escaping them.
        page.meta["title"] = app.theme_text(f"page.{page_id}.title")
        page.meta["description"] = app.theme_text(f"page.{page_id}.description")
    except DataError as exc:
        raise PluginError(str(exc)) from None


def post_build(env: Any) -> None:
    """After MkDocs wrote the pages: publish the open-data JSON for this locale."""
    from .export import write_api
    from .feeds import write_feeds

    app: App = env.conf["extra"]["app"]
    site_dir = Path(env.conf["site_dir"])
    set_html_lang_dir(app, site_dir)
    try:
        write_api(app, site_dir)
        write_feeds(app, site_dir)
    except DataError as exc:
        raise PluginError(str(exc)) from None


def set_html_lang_dir(app: App, site_dir: Path) -> None:
    """Put this locale's ``lang`` and ``dir`` on every page's <html> element.

    Material writes ``<html lang=...>`` from its own language file and ``dir`` only on <body>;
    screen readers and browsers read the <html> element, so it must carry both.
    """
    others = {loc.code for loc in app.locales()} - {app.code}
    for page in site_dir.rglob("*.html"):
        rel = page.relative_to(site_dir).parts
        if rel[0] in others or rel[0] == "assets":
            continue
        text = page.read_text(encoding="utf-8")
        start = text.find("<html")
        end = text.find(">", start)
        if start < 0 or end < 0:
            continue
        tag = f'<html lang="{app.code}" dir="{app.locale.dir}" class="no-js">'
        page.write_text(text[:start] + tag + text[end + 1:], encoding="utf-8")
