"""Relative URLs between pages and locales, so the site works from any host or sub-folder.

Page URLs are MkDocs directory URLs relative to a locale's root (``""`` for the home page,
``"faq/"`` ...). English lives at the site root; every other locale under ``<code>/``.
"""

from __future__ import annotations

import posixpath


def locale_prefix(code: str, source_locale: str) -> str:
    """``""`` for the source locale, ``"es/"`` for Spanish."""
    return "" if code == source_locale else f"{code}/"


def depth(page_url: str) -> int:
    """How many folders deep a page sits below its locale root."""
    return len([p for p in page_url.split("/") if p]) if page_url.endswith("/") or not page_url \
        else len(page_url.split("/")) - 1


def relative(from_url: str, to_url: str) -> str:
    """A relative link from one page URL to another (both relative to the same root)."""
    up = "../" * depth(from_url)
    target = up + to_url
    return target or "./"


def to_site_root(page_url: str, code: str, source_locale: str) -> str:
    """Relative path from a page to the site root (the English root)."""
    extra = 0 if code == source_locale else 1
    return "../" * (depth(page_url) + extra) or "./"


def other_locale(page_url: str, code: str, target: str, source_locale: str) -> str:
    """Relative link from ``page_url`` in locale ``code`` to the same page in ``target``."""
    link = to_site_root(page_url, code, source_locale) + locale_prefix(target, source_locale)
    link += page_url
    return posixpath.normpath(link) + "/" if link.endswith("/") and link not in {"./"} else link


def absolute(site_url: str, code: str, source_locale: str, page_url: str) -> str:
    """The absolute URL of a page (only for canonical, hreflang and Open Graph)."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    return base + locale_prefix(code, source_locale) + page_url


class Urls:
    """Absolute URLs of one locale's pages (only where a standard demands them: canonical,
    hreflang, Open Graph, feeds, oEmbed, the handout's QR code)."""

    def __init__(self, site_url: str, code: str, source_locale: str) -> None:
        self.site_url = site_url if site_url.endswith("/") else site_url + "/"
        self.code = code
        self.source_locale = source_locale

    def absolute(self, page_url: str, code: str | None = None) -> str:
        return absolute(self.site_url, code or self.code, self.source_locale, page_url)

    def site_root(self, page_url: str = "") -> str:
        """The absolute URL of a path under the site root (shared by every locale)."""
        return self.site_url + page_url


DEFAULT_SITE_URL = "http://127.0.0.1:8000/"
