"""Page bodies: each page id maps to one partial in ``overrides/partials/app/pages/``.

The partials receive the validated data and the ``App``; every text goes through ``app.d``
(data, by context) or ``t`` (interface words), so every page is translatable and escaped.
"""

from __future__ import annotations

from markupsafe import Markup

from .app import App
from .errors import DataError, Problem

# Page id -> partial. The docs/ file of each page only names its id.
PAGES: dict[str, str] = {
    "home": "pages/home.html",
    "check": "pages/check.html",
    "check-answers": "pages/check-answers.html",
    "request-checker": "pages/request-checker.html",
    "reuse": "pages/reuse.html",
    "protections": "pages/protections.html",
    "exceptions": "pages/exceptions.html",
    "lawsuits": "pages/lawsuits.html",
    "faq": "pages/faq.html",
    "glossary": "pages/glossary.html",
    "help": "pages/help.html",
    "sources": "pages/sources.html",
    "about": "pages/about.html",
    "translate": "pages/translate.html",
    "handout": "pages/handout.html",
}


# Pages that also get an embed version at embed/<page>/ (content pages and both widgets).
EMBEDDABLE = ["home", "check", "request-checker", "protections", "exceptions", "lawsuits", "faq",
              "glossary", "help", "sources", "about"]


def render_page(app: App, page_id: str) -> Markup:
    """Render a page body and, after it, the list of the sources it cited."""
    try:
        template = PAGES[page_id]
    except KeyError:
        raise DataError([Problem("docs/", None, "page_id", f"unknown page id {page_id!r}; "
                                 f"known: {', '.join(sorted(PAGES))}")]) from None
    body = app.render(template, site=app.site)
    notice = app.render("untranslated-notice.html") if app.tr.state.fallbacks else Markup("")
    sources = app.sources_list() if app.page.cited else Markup("")
    return Markup(f'<div class="app-page" data-page-id="{page_id}">\n{notice}{body}\n'
                  f"{sources}\n</div>")
