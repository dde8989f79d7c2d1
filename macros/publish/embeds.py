"""What an organisation pastes to embed a page, and the oEmbed (rich) response for it.

The snippet and the oEmbed files carry absolute URLs (another site's page needs them); the
embed pages themselves link with relative URLs like every page.
"""

from __future__ import annotations

from typing import Any

from markupsafe import escape

from ..pages import Page
from ..urls import Urls
from ..words import Words

RESIZE_SCRIPT = "assets/embed/v1/resize.js"  # stable, versioned: partners hotlink it


def embed_snippet(words: Words, urls: Urls, page: Page) -> str:
    """The HTML to paste: an iframe and the optional resize script."""
    src = urls.absolute(page.embed_url)
    script = urls.site_root(RESIZE_SCRIPT)
    title = words.plain(f"page.{page.id}.title")
    iframe = (f'<iframe src="{escape(src)}" title="{escape(title)}" loading="lazy" '
              f'width="100%" height="600" style="border:0;width:100%" data-itin-embed>'
              f"</iframe>")
    return f'{iframe}\n<script src="{escape(script)}" async></script>'


def oembed_path(page: Page) -> str:
    return f"oembed/{page.id}.json"


def oembed(words: Words, urls: Urls, page: Page) -> dict[str, Any]:
    """oEmbed (rich) response for a page, published as a static JSON file."""
    return {
        "version": "1.0",
        "type": "rich",
        "provider_name": words.plain("ui.site_name"),
        "provider_url": urls.absolute(""),
        "title": words.plain(f"page.{page.id}.title"),
        "html": embed_snippet(words, urls, page),
        "width": 600,
        "height": 600,
        "cache_age": 86400,
    }
