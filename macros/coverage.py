"""Translation coverage: how much of each locale is translated, outdated or missing, by page.

Which texts a page uses is not guessed from key prefixes: each page body is rendered once in
the source language and every lookup is recorded (``Words.recording``). Texts no page body
uses (the menu, footer, notices, feeds, link previews) are counted under ``SITE_WIDE``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from babel.messages.catalog import Catalog

from .catalogs import load_catalog, translator_for
from .i18n import REVIEWED
from .models import Locale
from .page import PageContext, environment, render_page
from .site import Site
from .texts import Text
from .words import Words

SITE_WIDE = "(every page)"


@dataclass
class Coverage:
    code: str
    translated: int = 0
    outdated: int = 0
    missing: int = 0
    reviewed: int = 0  # translated, current and marked `#, reviewed` by a reviewer
    by_page: dict[str, list[int]] = field(default_factory=dict)  # page -> [t, o, m, reviewed]

    @property
    def total(self) -> int:
        return self.translated + self.outdated + self.missing

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0

    def page_reviewed(self, page_id: str) -> bool:
        """Every text of the page is translated, current and marked reviewed."""
        t, o, m, r = self.by_page.get(page_id, [0, 0, 0, 0])
        return t > 0 and o == m == 0 and r == t


def page_usage(site: Site) -> dict[str, set[str]]:
    """Page id -> the translation contexts its body uses (rendered once, in English)."""
    cached = site.__dict__.get("_page_usage")  # the same in every locale: computed once
    if cached is None:
        cached = site.__dict__["_page_usage"] = _usage(site)
    return cached


def _usage(site: Site) -> dict[str, set[str]]:
    words = Words(site, translator_for(site, site.source_locale))
    env = environment(site, words, translation_coverage=list)  # no recursion into itself
    out: dict[str, set[str]] = {}
    for page in site.pages.values():
        with words.recording() as usage:
            for part in [None, *site.parts(page)]:
                render_page(PageContext(site, words, env, page, site_url="https://example.org/",
                                        part=part))
        out[page.id] = usage.used | {f"page.{page.id}.title", f"page.{page.id}.description"}
    return out


def status(item: Text, entries: dict[str, tuple[str, str, bool]]) -> int:
    """0 translated, 1 outdated, 2 missing: exactly as the lookup decides."""
    entry = entries.get(item.context)
    if entry and entry[1] and not entry[2] and entry[0] == item.english:
        return 0
    return 1 if entry and entry[1] else 2


def coverage(texts: dict[str, Text], code: str, catalog: Catalog | None,
             usage: dict[str, set[str]] | None = None) -> Coverage:
    """Count translated / outdated / missing texts, in total and by page."""
    entries: dict[str, tuple[str, str, bool]] = {}
    reviewed: set[str] = set()
    if catalog is not None:
        for msg in catalog:
            if msg.id and msg.context:
                entries[str(msg.context)] = (str(msg.id), str(msg.string or ""), msg.fuzzy)
                if REVIEWED in msg.flags:
                    reviewed.add(str(msg.context))
    cov = Coverage(code)
    pages_of: dict[str, list[str]] = {}
    for page_id, used in (usage or {}).items():
        for context in used:
            pages_of.setdefault(context, []).append(page_id)
    names = ("translated", "outdated", "missing")
    for item in texts.values():
        state = status(item, entries)
        checked = state == 0 and item.context in reviewed
        setattr(cov, names[state], getattr(cov, names[state]) + 1)
        cov.reviewed += checked
        for page_id in pages_of.get(item.context, [SITE_WIDE]):
            counts = cov.by_page.setdefault(page_id, [0, 0, 0, 0])
            counts[state] += 1
            counts[3] += checked
    return cov


def coverage_by_locale(site: Site) -> list[tuple[Locale, Coverage]]:
    """Coverage of every locale but the source, by page."""
    usage = page_usage(site)
    return [(loc, coverage(site.texts, loc.code, load_catalog(site, loc.code), usage))
            for loc in site.locales.locales if loc.code != site.source_locale]
