"""One page being rendered: its URL and id, its links, and the sources it cites.

A ``PageContext`` is made for each render and passed explicitly: to our partials as ``page``
(by ``render_page``), and to the theme as ``config.extra.page_context(page)``. Nothing about a
page is kept anywhere else, so a link is always computed from the page that shows it.

Our partials (``overrides/partials/app/``) render in a Jinja environment that autoescapes
everything, with the locale's words as globals (``t``, ``plain``, ``d``, ``d_plain``, ``date``,
``number``) and the data as ``site``. No text from data or translations can inject markup.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import (
    Environment,
    FileSystemLoader,
    StrictUndefined,
    TemplateNotFound,
    select_autoescape,
)
from markupsafe import Markup, escape

from . import decision, fallback, lazy, urls
from .errors import DataError, Problem
from .load import DONT_KNOW
from .models import Disclosed
from .pages import Page
from .publish.embeds import embed_snippet
from .site import Site
from .words import Words

PARTIALS = Path(__file__).resolve().parent.parent / "overrides" / "partials" / "app"


def json_script(value: object) -> Markup:
    """JSON that is safe inside a <script> element (no "</script>" or "<!--" can close it)."""
    text = json.dumps(value, ensure_ascii=False, indent=None, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


def reach_key(disclosed: list[Disclosed]) -> str:
    """Which plain sentence says how much a route can give (strings ``check.reach.*``)."""
    found = {d.value for d in disclosed}
    if "returns" in found:
        return "returns"
    if "taxpayer-return-information" in found:
        return ("return-information" if "other-return-information" in found
                else "taxpayer-return-information")
    if "other-return-information" in found:
        return ("other-return-information-identity" if "taxpayer-identity" in found
                else "other-return-information")
    return "taxpayer-identity"


def environment(site: Site, words: Words, **extra: Any) -> Environment:
    """The Jinja environment of our partials for one locale: everything autoescaped."""
    env = Environment(loader=FileSystemLoader(str(PARTIALS)), extensions=["jinja2.ext.do"],
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals.update(site=site, words=words, t=words.t, plain=words.plain, d=words.d,
                       d_plain=words.d_plain, date=words.date, number=words.number, **extra)
    return env


@dataclass
class CiteScope:
    """Sources cited in one part of a page, numbered in order (anchor ids start ``prefix``)."""

    prefix: str = "src-"
    cited: list[str] = field(default_factory=list)

    def cite(self, source_id: str) -> int:
        if source_id not in self.cited:
            self.cited.append(source_id)
        return self.cited.index(source_id) + 1


class PageContext:
    """The page being rendered, in one locale."""

    def __init__(self, site: Site, words: Words, env: Environment, page: Page, *,
                 site_url: str, embed: bool = False, part: str | None = None) -> None:
        self.site = site
        self.words = words
        self.env = env
        self.page = page
        self.page_id = page.id
        self.embed = embed
        self.part = part  # one part of a page split in parts (pages.py), or None
        self.url = page.embed_url if embed else page.url
        if part is not None:
            self.url += f"{part}/"
        self.urls = urls.Urls(site_url, words.code, site.source_locale)
        self.main = CiteScope()
        self.scopes: list[CiteScope] = []

    # -- rendering -----------------------------------------------------------------------------

    def render(self, template: str, **context: Any) -> Markup:
        return Markup(self.env.get_template(template).render(page=self, **context))

    # -- links -------------------------------------------------------------------------------

    def link(self, target: str) -> str:
        """Relative link from this page to another page of the same locale."""
        return urls.relative(self.url, target)

    def here(self, target: str) -> str:
        """A link to another page in the same form as this one: inside an embed, to its embed
        version when it has one (the tool's questions lead to its answers in the frame)."""
        if self.embed:
            page = self.site.pages.get(target.strip("/") or "home")
            if page is not None and page.meta.embed:
                return self.link(page.embed_url)
        return self.link(target)

    def exception_link(self, exception_id: str, suffix: str = "") -> str:
        """Where an exception (or a part of it: ``-conditions``, a ruling's id) is explained:
        the exceptions page of its subsection."""
        part = self.site.exceptions[exception_id].subsection
        return f"{self.link(f'exceptions/{part}/')}#{exception_id}{suffix}"

    def asset(self, path: str) -> str:
        """Relative link to a file shared by all locales (served from the site root)."""
        return urls.to_site_root(self.url, self.words.code, self.site.source_locale) + path

    def absolute(self, page_url: str, code: str | None = None) -> str:
        """Absolute URL of a page: only for standards that need one."""
        return self.urls.absolute(page_url, code)

    def alternates(self) -> list[dict[str, str | bool]]:
        """Every locale's version of this page: relative link, absolute URL, names."""
        out: list[dict[str, str | bool]] = []
        for loc in self.site.locales.locales:
            out.append({
                "code": loc.code, "name": loc.name, "dir": loc.dir,
                "href": urls.other_locale(self.url, self.words.code, loc.code,
                                          self.site.source_locale),
                "absolute": self.urls.absolute(self.url, loc.code),
                "current": loc.code == self.words.code,
            })
        return out

    # -- citations -------------------------------------------------------------------------------

    @property
    def cited(self) -> list[str]:
        return self.main.cited

    def cite(self, ids: list[str]) -> Markup:
        """Numbered citation links to this page's (or this part's) list of sources."""
        scope = self.scopes[-1] if self.scopes else self.main
        numbered = [(scope.cite(i), self.site.sources[i]) for i in ids]
        return self.render("cite.html", refs=numbered, prefix=scope.prefix)

    def sources_list(self) -> Markup:
        """The list of sources this page cited (render it last)."""
        items = [(n + 1, self.site.sources[i]) for n, i in enumerate(self.main.cited)]
        return self.render("sources-list.html", items=items, prefix="src-", part=None)

    def as_of(self) -> Markup:
        """The site-wide "facts as of / last reviewed" stamp."""
        return self.render("stamp.html", as_of=self.site.site.as_of,
                           reviewed=self.site.site.last_reviewed)

    # -- the check tool ---------------------------------------------------------------------

    def tree_island(self) -> Markup:
        """The compiled tree's routing for the tool's script (no text: the HTML has it)."""
        tree = self.site.tree
        nodes = {q.id: {"s": q.step, "n": q.total, "o": [[o.id, o.next] for o in q.options]}
                 for q in tree.questions()}
        return json_script({"id": tree.id, "start": tree.start, "q": nodes, "r": tree.anchors,
                            "a": tree.aliases})

    def answer_labels(self, node: decision.Question) -> list[tuple[str, str]]:
        """(question, answer) pairs already given when a question is reached (no JS)."""
        w = self.words
        out = []
        if node.recipient:
            out.append((w.plain("check.summary.recipient"),
                        w.d_plain(f"recipients.{node.recipient}.label")))
        if node.purpose and node.step > 2:
            out.append((w.plain("check.summary.purpose"),
                        w.d_plain(f"purposes.{node.purpose}.label")))
        return out

    def path_labels(self, path: decision.PathEnd) -> list[str]:
        """The answers of one path, as the reader chose them."""
        w = self.words
        out = [w.d_plain(f"recipients.{path.recipient}.label")]
        if len(path.answers) == 3 or (path.authority is None and len(path.answers) == 2):
            out.append(w.d_plain(f"purposes.{path.answers[1]}.label"))
        if path.authority is not None:
            out.append(w.plain("check.dont_know") if path.authority == DONT_KNOW
                       else w.d_plain(f"authorities.{path.authority}.label"))
        return out

    def route_line(self, ref: decision.RouteRef) -> Markup:
        """One route of an answer, as one sentence: under which paragraph, what, when."""
        ex, r = decision.route_by_ref(self.site, ref)
        w = self.words
        base = f"exceptions.{ex.id}.routes.{r.id}"
        what = (w.d(f"{base}.gives", inline=True) if r.gives
                else w.t("check.reach." + reach_key(r.disclosed)))
        when = w.d(f"{base}.when", inline=True)
        citation = Markup('<a href="{}"><bdi dir="ltr">{}</bdi></a>').format(
            self.exception_link(ex.id),
            decision.route_citation(self.site, r).replace("§ ", "§\u00a0"))
        return w.t("check.route", citation=citation, what=what, when=when)

    def headline(self, html: Markup) -> tuple[Markup, Markup]:
        """A text that opens with a bold headline, split in two: (headline, the rest). A text
        without one is all rest."""
        text = str(html)
        # English shown in place of a translation: split inside it, each part still marked.
        wrapped = re.fullmatch(r'(<span lang="en" [^>]*data-app-untranslated[^>]*>)(.*)</span>',
                               text, re.DOTALL)
        if wrapped:
            head, rest = PageContext.headline(self, Markup(wrapped.group(2)))
            if not head:
                return Markup(""), html
            return (Markup(f"{wrapped.group(1)}{head}</span>"),
                    Markup(f"{wrapped.group(1)}{rest}</span>"))
        start, end = text.find("<strong>"), text.find("</strong>")
        if start < 0 or end < 0 or text[:start].strip(" \n") not in {"", "<p>"}:
            return Markup(""), html
        head = text[start + len("<strong>"):end]
        rest = text[end + len("</strong>"):]
        return Markup(head.rstrip(" ,;:。，；：")), Markup(rest.lstrip(" \n。，；：、"))

    def in_force(self, case_id: str) -> Markup:
        w = self.words
        return w.t("check.in_force", case=w.d(f"cases.{case_id}.short_name"),
                   text=w.d(f"cases.{case_id}.status.in_force", inline=True))

    # -- other page parts ------------------------------------------------------------------

    def qr_svg(self, url: str) -> Markup:
        """A QR code for ``url`` as inline SVG, drawn at build time (no external service)."""
        import segno

        svg = segno.make(url, error="m").svg_inline(scale=4, omitsize=True, dark="#000000",
                                                    light="#ffffff", title=url)
        label = escape(self.words.plain("handout.qr.label", url=url))
        return Markup(svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1))

    def faq_jsonld(self) -> Markup:
        """schema.org FAQPage for the FAQ page, from the same (translated) data."""
        w = self.words
        doc = {
            "@context": "https://schema.org", "@type": "FAQPage", "inLanguage": w.code,
            "mainEntity": [{"@type": "Question", "name": w.d_plain(f"faq.{q.id}.question"),
                            "acceptedAnswer": {"@type": "Answer",
                                               "text": w.d_plain(f"faq.{q.id}.answer")}}
                           for q in self.site.faq],
        }
        return json_script(doc)

    def embed_panel(self) -> Markup:
        """The collapsed "Embed this" panel of a page that has an embed version."""
        return self.render("embed-panel.html", page_id=self.page_id,
                           snippet=embed_snippet(self.words, self.urls, self.page),
                           preview=urls.relative(self.url, self.page.embed_url))

    def full_page(self) -> str:
        """From an embed page: the relative link to its full page."""
        return self.link(self.page.url + (f"{self.part}/" if self.part else ""))


def render_page(page: PageContext) -> Markup:
    """A page's body (``pages/<id>.html``), its untranslated notice and its sources."""
    try:
        template = page.env.get_template(f"pages/{page.page_id}.html")
    except TemplateNotFound:
        raise DataError([Problem(page.page.file, None, "", f"no body for page {page.page_id!r}: "
                                 f"expected overrides/partials/app/pages/{page.page_id}.html")]
                        ) from None
    with page.words.recording() as usage:
        body = Markup(template.render(page=page))
        sources = page.sources_list() if page.cited else Markup("")
        html, notice = f"{body}\n{sources}", Markup("")
        if usage.fallbacks:
            note = page.render("untranslated-notice.html", section=True)
            html, share = fallback.mark_sections(html, str(note))
            # Even English only in attributes (labels) is worth saying: at least 1 %.
            notice = page.render("untranslated-notice.html", section=False,
                                 share=page.words.percent(max(round(share, 2), 0.01)))
    # Long sections' reserved heights (CSS lays them out late). Not in an embed: its frame is as
    # tall as its page, so every section is on its screen, and reserved heights would only make
    # the frame resize again as each is laid out.
    if not page.embed:
        html = lazy.size_sections(html)
    return Markup(f'<div class="app-page" data-page-id="{page.page_id}">\n{notice}{html}\n'
                  "</div>")
