"""Words: every text of one locale, through the one lookup (``macros.i18n.Translator``).

``t`` (interface strings of ``data/strings.yml``) and ``d`` (data texts by context) share one
namespace of contexts (collisions are refused when the index is built). Each lookup is recorded
on the current ``Usage`` (``with words.recording() as usage``), so a page knows whether any of
its text fell back to English, and the translators' report knows which strings each page uses.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from babel.core import get_global
from babel.dates import format_date, format_skeleton
from babel.numbers import format_decimal, format_percent
from markupsafe import Markup, escape

from .errors import DataError, Problem
from .i18n import Lookup, Translator
from .models import Locale
from .safe_markdown import strip_markdown
from .site import Site


@dataclass(eq=False)  # recordings nest: each is removed by identity, not by equal content
class Usage:
    """What a piece of rendering looked up: the contexts used and how many fell back."""

    used: set[str] = field(default_factory=set)
    fallbacks: int = 0


class Words:
    """Texts, dates and numbers of one locale."""

    def __init__(self, site: Site, tr: Translator) -> None:
        self.site = site
        self.tr = tr
        self.code = tr.locale
        self.locale: Locale = site.locale(tr.locale)
        self._usage: list[Usage] = []
        tr.on_lookup = self._record

    # -- recording -------------------------------------------------------------------------------

    def _record(self, found: Lookup, context: str) -> None:
        for usage in self._usage:
            usage.used.add(context)
            usage.fallbacks += found.fallback

    @contextmanager
    def recording(self) -> Iterator[Usage]:
        usage = Usage()
        self._usage.append(usage)
        try:
            yield usage
        finally:
            self._usage.remove(usage)

    # -- text --------------------------------------------------------------------------------------

    def t(self, key: str, **params: Any) -> Markup:
        """A string of ``data/strings.yml``, translated, escaped (Markdown for ``*_md`` keys)."""
        return self.tr.t(key, **params)

    def plain(self, key: str, **params: Any) -> str:
        """The same string as plain text, for attributes and meta tags (escape when used)."""
        return self.tr.plain(key, **params)

    def d(self, context: str, *, inline: bool = False) -> Markup:
        """A data text by its context (see ``texts.py``), translated and escaped."""
        item = self._text(context)
        if item.markdown:
            return self.tr.markdown(context, item.english, inline=inline)
        return self.tr.text(context, item.english)

    def d_plain(self, context: str) -> str:
        """A data text as plain text (for attributes, JSON, feeds)."""
        item = self._text(context)
        found = self.tr.lookup(context, item.english)
        return strip_markdown(found.text) if item.markdown else found.text

    def _text(self, context: str) -> Any:
        try:
            return self.site.texts[context]
        except KeyError:
            raise DataError([Problem("data/", None, context,
                                     "no translatable text with this context")]) from None

    def theme_text(self, key: str, **params: Any) -> Markup:
        """Text the theme prints (titles, descriptions, the site name), escaped once.

        MkDocs and Material print these without escaping, in text and attributes, or with
        ``| e`` (a no-op on ``Markup``, so nothing is escaped twice). Material also prints titles
        after ``striptags``, which unescapes: a "<" or ">" there could open an element, so such
        text stops the build instead.
        """
        value = self.plain(key, **params)
        if "<" in value or ">" in value:
            where = ("data/strings.yml" if self.code == self.site.source_locale
                     else f"locales/{self.code}.po")
            if key.startswith("page.") and self.code == self.site.source_locale:
                where = self.site.pages[key.split(".")[1]].file
            raise DataError([Problem(where, None, key, "'<' and '>' are not allowed in titles, "
                                     "descriptions and the site name")])
        return escape(value)

    # -- dates and numbers ---------------------------------------------------------------------

    def date(self, value: dt.date | str | None) -> str:
        """A date in the locale's long form; partial dates (YYYY-MM, YYYY) stay partial."""
        if value is None:
            return self.plain("ui.date.unknown")
        if isinstance(value, str):
            parts = value.split("-")
            if len(parts) == 1:
                return parts[0]
            if len(parts) == 2:
                return self._month_year(dt.date(int(parts[0]), int(parts[1]), 1))
            value = dt.date.fromisoformat(value)
        months = self.locale.month_names
        if months:
            return f"{value.day} {months[value.month - 1]} {value.year}"
        return format_date(value, format="long", locale=self.locale.babel)

    def _month_year(self, value: dt.date) -> str:
        months = self.locale.month_names
        if months:
            return f"{months[value.month - 1]} {value.year}"
        return format_skeleton("yMMMM", value, locale=self.locale.babel)

    def number(self, value: float) -> str:
        return format_decimal(value, locale=self.locale.babel)

    def percent(self, value: float) -> str:
        """A share (0.25) as the locale writes a percentage."""
        return format_percent(value, locale=self.locale.babel)

    # -- about the locale -------------------------------------------------------------------

    def review_notice(self) -> Markup:
        """This locale's translation review state, shown on every page of the locale."""
        review = self.locale.review
        if review.reviewed_by and review.date:
            return self.t(f"ui.review.{review.state}.by", name=review.reviewed_by,
                          date=self.date(review.date))
        return self.t(f"ui.review.{review.state}")

    def og_locale(self, loc: Locale | None = None) -> str:
        """Open Graph locale (language_TERRITORY) of a locale (this one by default)."""
        loc = loc or self.locale
        if loc.og_locale:
            return loc.og_locale
        likely = get_global("likely_subtags").get(loc.code, loc.code)
        parts = likely.split("_")
        return f"{parts[0]}_{parts[-1]}" if len(parts) > 1 else loc.code
