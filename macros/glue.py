"""Thin glue between MkDocs (with mkdocs-macros) and the plain ``macros`` package.

Everything here only wires; no domain logic lives here.

- ``setup`` (mkdocs-macros ``define_env``): load the data once, make this locale's words,
  register the ``page_body()`` macro, and give the theme ``config.extra.theme`` (the words,
  absolute URLs, and ``theme.page(page)``: the context of the page being rendered).
- MkDocs hooks (``macros/hooks.py``): the locale prefix of ``site_url``; the menu and the embed
  pages from the pages' front matter; after the build, the locale's published files.

The locale of a build is ``extra.locale`` of its configuration file (``mkdocs.yml`` for the
source language, generated ``mkdocs.<code>.yml`` for the others; see ``macros/config.py``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment
from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from . import lazy, theme, urls
from .bidi import isolate_citations
from .catalogs import load_translators
from .errors import DataError
from .page import PageContext, environment, render_page
from .pages import BODY, HOME, Page
from .site import Site
from .words import Words

STATE = "theme"


class BuildState:
    """What one locale build shares between hooks: the data, the words, the partials."""

    def __init__(self, root: Path, locale: str, site_url: str) -> None:
        self.site = Site.load(root)
        self.site.locale(locale)  # KeyError for an unknown locale
        # Every catalogue is checked in every build: a broken one stops the build with its
        # file and line, whichever locale builds (read once: the coverage reuses them).
        self.words = Words(self.site, load_translators(self.site)[locale])
        self.site_url = site_url  # the site root (without the locale prefix)
        self.urls = urls.Urls(site_url, locale, self.site.source_locale)
        self.assets = theme.Assets(root / "overrides" / "assets" / "app")
        self._coverage: Any = None
        self.bodies: dict[str, Markup] = {}  # marker -> page body (see page_body)
        self.lazy_pages: set[str] = set()  # pages with long sections that wait (lazy.py)
        self.env: Environment = environment(self.site, self.words,
                                            translation_coverage=self.translation_coverage)

    def translation_coverage(self) -> Any:
        from .coverage import coverage_by_locale

        if self._coverage is None:  # the translate page and its embed: computed once
            self._coverage = coverage_by_locale(self.site)
        return self._coverage

    def context(self, page: Page, embed: bool, part: str | None = None) -> PageContext:
        return PageContext(self.site, self.words, self.env, page, site_url=self.site_url,
                           embed=embed, part=part)

    def page_of(self, mk_page: Any) -> tuple[Page, bool, str | None]:
        """Our page, whether it is the embed version, and which part (for a MkDocs page)."""
        src = mk_page.file.src_uri
        embed = src.startswith("embed/")
        stem = src.removeprefix("embed/").removesuffix(".md")
        page_id, _, part = stem.partition("/")
        page_id = HOME if page_id == "index" and not embed else page_id
        try:
            page = self.site.pages[page_id]
        except KeyError:
            raise PluginError(f"docs/{src}: not a page of the site (pages are docs/<id>.md)"
                              ) from None
        if part and part not in self.site.parts(page):
            raise PluginError(f"docs/{src}: {part!r} is not a part of the page {page_id!r}")
        return page, embed, part or None

    # -- for the theme (``config.extra.theme`` in overrides/main.html) -----------------------

    def page_reviewed(self, ctx: PageContext | None) -> bool:
        """Every text of this page is marked reviewed in the locale's catalogue."""
        if ctx is None or self.words.code == self.site.source_locale:
            return False
        coverage = dict((loc.code, cov) for loc, cov in self.translation_coverage())
        return coverage[self.words.code].page_reviewed(ctx.page_id)

    def page(self, mk_page: Any) -> PageContext | None:
        """The context of the MkDocs page being rendered (None for the 404 page)."""
        if mk_page is None or getattr(mk_page, "file", None) is None:
            return None
        if mk_page.file.src_uri == "404.md":
            return None
        return self.context(*self.page_of(mk_page))

    def alternates(self, ctx: PageContext | None) -> list[dict[str, str | bool]]:
        """Every locale's version of the page; on the 404 page (served at any path, with links
        from the site's root path like MkDocs' own), every locale's home page."""
        if ctx is not None:
            return ctx.alternates()
        root = urlsplit(self.site_url).path
        return [{"code": loc.code, "name": loc.name, "dir": loc.dir,
                 "href": root + urls.locale_prefix(loc.code, self.site.source_locale),
                 "absolute": self.urls.absolute("", loc.code),
                 "current": loc.code == self.words.code} for loc in self.site.locales.locales]

    def root_path(self, path: str) -> str:
        """A page of this locale from the site's root path (for the 404 page only)."""
        return (urlsplit(self.site_url).path + urls.locale_prefix(self.words.code,
                self.site.source_locale) + path)

    def site_path(self, path: str) -> str:
        """A file shared by every locale, from the site's root path (for the 404 page)."""
        return urlsplit(self.site_url).path + path

    def asset(self, name: str) -> str:
        """The published path of one of our assets (content-hashed name, see theme.py)."""
        return self.assets.path(name)

    def csp(self) -> str:
        return theme.csp()

    @staticmethod
    def law(title: Any) -> Markup:
        """A page title for its heading, with citations isolated (see bidi.py)."""
        return isolate_citations(str(escape(title)))

    def styles(self, ctx: PageContext | None, mk_page: Any = None) -> Markup:
        """The page's CSS, inline: ours, the rules for long sections that wait if the page has
        some, and the page's own (``css:`` in its front matter)."""
        extra = ctx.page.meta.css if ctx else None
        src = getattr(getattr(mk_page, "file", None), "src_uri", None)
        return theme.styles(self.words, extra, lazy=src in self.lazy_pages)

    def menu(self, ctx: PageContext | None) -> list[dict[str, Any]]:
        """The menu: every page with a place in it, in order, with this page marked."""
        out = []
        for page in self.site.pages.values():
            if page.meta.nav is None:
                continue
            out.append({"href": ctx.link(page.url) if ctx else self.root_path(page.url),
                        "title": self.words.theme_text(f"page.{page.id}.title"),
                        "current": bool(ctx and ctx.page_id == page.id and not ctx.embed)})
        return out

    def stamp(self) -> Markup:
        """The site-wide "facts as of / last reviewed" stamp."""
        return Markup(self.env.get_template("stamp.html").render(
            as_of=self.site.site.as_of, reviewed=self.site.site.last_reviewed))


def state(config: Any) -> BuildState:
    """The build's state, made once (by whichever of the macros plugin or a hook runs first)."""
    extra = config["extra"]
    if STATE not in extra:
        locale = extra.get("locale", "en")
        try:
            extra[STATE] = BuildState(Path(config["config_file_path"]).parent, locale,
                                      site_root(config))
        except DataError as exc:
            raise PluginError(str(exc)) from None
        except KeyError:
            raise PluginError(f"data/locales.yml: locale {locale!r} is not defined") from None
    return extra[STATE]


def site_root(config: Any) -> str:
    """The site's root URL (``site_url`` of the configuration, before the locale prefix)."""
    root = config.get("site_url") or urls.DEFAULT_SITE_URL
    return root if root.endswith("/") else root + "/"


# -- mkdocs-macros --------------------------------------------------------------------------


def setup(env: Any) -> None:
    """Called by ``define_env``: register the ``page_body()`` macro."""
    st = state(env.conf)

    @env.macro
    def page_body() -> Markup:
        """The whole body of the current page, generated from data. Markdown gets only a
        marker: the HTML is put in its place after Markdown (``on_page_content``), so Markdown
        never re-parses a large finished page."""
        try:
            html = render_page(st.context(*st.page_of(env.page)))
        except DataError as exc:
            raise PluginError(str(exc)) from None
        marker = f"<!-- app-body {env.page.file.src_uri} -->"
        st.bodies[marker] = html
        return Markup(marker)


def pre_page(env: Any) -> None:
    """Before a page renders: its translated title and description."""
    st = state(env.conf)
    page, _embed, part = st.page_of(env.page)
    try:
        if part:
            env.page.meta["title"] = st.words.theme_text(f"{page.id}.part.title", part=part)
            env.page.meta["description"] = st.words.theme_text(f"{page.id}.part.description",
                                                                part=part)
        else:
            env.page.meta["title"] = st.words.theme_text(f"page.{page.id}.title")
            env.page.meta["description"] = st.words.theme_text(f"page.{page.id}.description")
    except DataError as exc:
        raise PluginError(str(exc)) from None


# -- MkDocs hooks ------------------------------------------------------------------------------


def on_config(config: Any) -> Any:
    """The locale's site name, and its ``site_url`` with its prefix (canonical URLs, 404)."""
    st = state(config)
    code = st.words.code
    config["site_url"] = site_root(config) + urls.locale_prefix(code, st.site.source_locale)
    try:
        config["site_name"] = st.words.theme_text("ui.site_name")
    except DataError as exc:
        raise PluginError(str(exc)) from None
    return config


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    """The page's body in place of its marker (see ``page_body``)."""
    bodies = state(config).bodies
    marker = f"<!-- app-body {page.file.src_uri} -->"
    if marker not in html:
        raise PluginError(f"docs/{page.file.src_uri}: the page body is missing (a page is "
                          "`{{ page_body() }}` and its front matter)")
    body = str(bodies.pop(marker))
    if lazy.MARK in body:  # long sections that wait (sized in render_page, never in an embed)
        state(config).lazy_pages.add(page.file.src_uri)
    return html.replace(marker, body, 1)


def on_files(files: Files, config: Any) -> Files:
    """The menu in the pages' order, and an embed version of each page that has one."""
    st = state(config)
    for f in files.documentation_pages():
        if "/" in f.src_uri:
            raise PluginError(f"docs/{f.src_uri}: pages live directly in docs/ (docs/<id>.md); "
                              "embed versions are generated from `embed: true`")
    for page in st.site.pages.values():
        if page.meta.embed:
            files.append(File.generated(config, f"embed/{page.id}.md", content=embed_source()))
        for part in st.site.parts(page):
            files.append(File.generated(config, f"{page.id}/{part}.md", content=f"{BODY}\n"))
    config["nav"] = [p.file.removeprefix("docs/") for p in st.site.pages.values()
                     if p.meta.nav is not None]
    return files


def embed_source() -> str:
    return ("---\ntemplate: embed.html\nsearch:\n  exclude: true\nhide: [toc, navigation]\n"
            f"---\n\n{BODY}\n")


def on_post_build(config: Any) -> None:
    """After MkDocs wrote the pages: this locale's open data, feeds and oEmbed files, and the
    assets: hashed copies of ours (at the site root, shared by every locale), nothing of the
    theme's that no page uses, and no per-locale copy of what the root already has."""
    from .publish import write_locale_files

    st = state(config)
    site_dir = Path(config["site_dir"])
    try:
        write_locale_files(st.site, st.words, st.urls, site_dir)
    except DataError as exc:
        raise PluginError(str(exc)) from None
    theme.tidy_assets(site_dir, st.assets, root=st.words.code == st.site.source_locale)
