"""The object that pages and theme templates use: words, dates, citations, links.

One ``App`` exists per locale build. ``define_env`` puts it in ``config.extra.app`` so the theme
overrides (``overrides/main.html``) and the page macros share one translation lookup. It renders
our partials from ``overrides/partials/app/`` with a Jinja environment that autoescapes
everything, so no data or translation text can inject markup.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from babel.dates import format_date, format_skeleton
from babel.numbers import format_decimal
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from . import urls
from .errors import DataError, Problem
from .i18n import Translator
from .safe_markdown import strip_markdown
from .texts import data_texts
from .load import SiteData
from .models import Locale, Source

PARTIALS = Path(__file__).resolve().parent.parent / "overrides" / "partials" / "app"


@dataclass
class PageState:
    """What one page cited, in order (for its list of sources)."""

    url: str = ""
    page_id: str = ""
    cited: list[str] = field(default_factory=list)

    def cite(self, source_id: str) -> int:
        if source_id not in self.cited:
            self.cited.append(source_id)
        return self.cited.index(source_id) + 1


class App:
    """Site-wide helpers for one locale."""

    def __init__(self, site: SiteData, tr: Translator, *, site_url: str) -> None:
        self.site = site
        self.tr = tr
        self.locale: Locale = site.locale(tr.locale)
        self.code = tr.locale
        self.source_locale = site.locales.source_locale
        self.site_url = site_url
        self.page = PageState()
        self.texts = data_texts(site)
        self.env = Environment(
            loader=FileSystemLoader(str(PARTIALS)),
            autoescape=select_autoescape(default=True, default_for_string=True),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.globals.update(app=self, t=self.t, plain=self.plain)

    # -- words -------------------------------------------------------------------------------------

    def t(self, key: str, **params: Any) -> Markup:
        """A string of ``data/strings.yml``, translated, escaped (Markdown for ``*_md`` keys)."""
        return self.tr.t(key, **params)

    def plain(self, key: str, **params: Any) -> str:
        """The same string as plain text, for attributes and meta tags (escape when used)."""
        return self.tr.plain(key, **params)

    def d(self, context: str, *, inline: bool = False) -> Markup:
        """A data text by its context (see ``texts.py``), translated and escaped."""
        try:
            item = self.texts[context]
        except KeyError:
            raise DataError([Problem("data/", None, context,
                                     "no translatable text with this context")]) from None
        if item.markdown:
            return self.tr.markdown(context, item.english, inline=inline)
        return self.tr.text(context, item.english)

    def d_plain(self, context: str) -> str:
        """A data text as plain text (for attributes, JSON-LD, feeds)."""
        item = self.texts[context]
        found = self.tr.lookup(context, item.english)
        return strip_markdown(found.text) if item.markdown else found.text

    # -- dates and numbers ----------------------------------------------------------------------------

    def date(self, value: dt.date | str | None) -> str:
        """A date in the locale's long form; partial dates (YYYY-MM, YYYY) stay partial."""
        if value is None:
            return self.plain("ui.date.unknown")
        if isinstance(value, dt.date):
            return format_date(value, format="long", locale=self.locale.theme_language)
        parts = value.split("-")
        if len(parts) == 3:
            return format_date(dt.date.fromisoformat(value), format="long",
                               locale=self.locale.theme_language)
        if len(parts) == 2:
            return format_skeleton("yMMMM", dt.date(int(parts[0]), int(parts[1]), 1),
                                   locale=self.locale.theme_language)
        return parts[0]

    def number(self, value: float) -> str:
        return format_decimal(value, locale=self.locale.theme_language)

    def as_of(self) -> Markup:
        """The site-wide "facts as of / last reviewed" stamp."""
        return self.render("stamp.html", as_of=self.site.site.as_of,
                           reviewed=self.site.site.last_reviewed)

    # -- citations ---------------------------------------------------------------------------------

    def source(self, source_id: str) -> Source:
        return self.site.sources[source_id]

    def cite(self, ids: list[str]) -> Markup:
        """Numbered citation links to this page's list of sources."""
        numbered = [(self.page.cite(i), self.site.sources[i]) for i in ids]
        return self.render("cite.html", refs=numbered)

    def sources_list(self) -> Markup:
        """The list of sources this page cited so far (render it last)."""
        items = [(n + 1, self.site.sources[i]) for n, i in enumerate(self.page.cited)]
        return self.render("sources-list.html", items=items)

    # -- links and locales -------------------------------------------------------------------------

    def link(self, target: str) -> str:
        """Relative link from the current page to another page of the same locale."""
        return urls.relative(self.page.url, target)

    def asset(self, path: str) -> str:
        """Relative link to a file shared by all locales (served from the site root)."""
        return urls.to_site_root(self.page.url, self.code, self.source_locale) + path

    def locales(self) -> list[Locale]:
        return list(self.site.locales.locales)

    def alternates(self, page_url: str) -> list[dict[str, str]]:
        """Every locale's version of a page: relative link, absolute URL, names."""
        out = []
        for loc in self.locales():
            out.append({
                "code": loc.code,
                "name": loc.name,
                "dir": loc.dir,
                "href": urls.other_locale(page_url, self.code, loc.code, self.source_locale),
                "absolute": urls.absolute(self.site_url, loc.code, self.source_locale, page_url),
                "current": loc.code == self.code,
            })
        return out

    # -- rendering ---------------------------------------------------------------------------------

    def render(self, template: str, **context: Any) -> Markup:
        return Markup(self.env.get_template(template).render(**context))

    def begin_page(self, url: str, page_id: str) -> None:
        self.page = PageState(url=url, page_id=page_id)
        self.tr.state.fallbacks = 0
