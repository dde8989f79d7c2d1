"""The one function that turns data or translation text into HTML.

Data fields that allow Markdown (``ProseMd`` in models, ``*_md`` string keys) accept a small
subset: paragraphs, emphasis, strong, inline code, lists and links. Raw HTML is never passed
through (it is shown as text), and link targets are limited to https:, mailto: and relative or
in-page links. The result is run through an allow-list sanitizer as a second line of defence.
"""

from __future__ import annotations

import html
import re

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup, escape

_ALLOWED_TAGS = {"p", "em", "strong", "code", "ul", "ol", "li", "a", "br"}
_ALLOWED_ATTRS = {"a": {"href"}}
_SAFE_HREF = re.compile(r"^(https://|mailto:|#|\.{0,2}/|[a-z0-9-]+/)", re.IGNORECASE)

_md = (
    MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    # Headings, images, tables, block quotes and code blocks are not part of the subset.
    .disable(["heading", "lheading", "image", "code", "fence", "blockquote", "hr", "html_block",
              "html_inline", "reference"])
)


def _validate_link(url: str) -> bool:
    return bool(_SAFE_HREF.match(url.strip()))


_md.validateLink = _validate_link  # type: ignore[method-assign]


def render_markdown(text: str, *, inline: bool = False) -> Markup:
    """Render the safe Markdown subset to HTML; ``inline`` drops the wrapping paragraph."""
    rendered = _md.renderInline(text) if inline else _md.render(text)
    clean = nh3.clean(
        rendered,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRS,
        url_schemes={"https", "mailto"},
        link_rel=None,
    )
    return Markup(clean.strip())


def render_text(text: str) -> Markup:
    """Escape plain text for HTML (the counterpart of ``render_markdown`` for plain fields)."""
    return escape(text)


def strip_markdown(text: str) -> str:
    """Plain-text version of a Markdown string (for meta descriptions, JSON-LD and feeds)."""
    rendered = _md.renderInline(text)
    return html.unescape(nh3.clean(rendered, tags=set(), attributes={})).strip()
