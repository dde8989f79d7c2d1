"""Publishers: everything a locale build writes besides its pages, in one place.

Each takes the site (data), the locale's words and its absolute URLs, and returns files by
path below the locale's root: the open data (``api.py``), the Atom feeds (``feeds.py``), the
oEmbed responses (``embeds.py``). The link-preview image (``preview.py``) needs fonts, so the
full build draws it (``python -m macros build``), not ``mkdocs serve``.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..site import Site
from ..urls import Urls
from ..words import Words
from .api import api_files
from .embeds import oembed, oembed_path
from .feeds import feed_files


def locale_files(site: Site, words: Words, urls: Urls) -> dict[str, bytes]:
    """Every published file of one locale except its pages and preview image."""
    out: dict[str, bytes] = {}
    values = dict(api_files(site, words))
    for page in site.pages.values():
        if page.meta.embed and page.meta.embed_panel:
            values[oembed_path(page)] = oembed(words, urls, page)
    for path, value in values.items():
        out[path] = (json.dumps(value, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    out.update(feed_files(site, words, urls))
    return out


def write_locale_files(site: Site, words: Words, urls: Urls, locale_dir: Path) -> list[Path]:
    written = []
    for rel, data in locale_files(site, words, urls).items():
        path = locale_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written.append(path)
    return written
