"""The object that pages and theme templates use: words, dates, citations, links.

One ``App`` exists per locale build. ``define_env`` puts it in ``config.extra.app`` so the theme
overrides (``overrides/main.html``) and the page macros share one translation lookup. It renders
our partials from ``overrides/partials/app/`` with a Jinja environment that autoescapes
everything, so no data or translation text can inject markup.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from babel.dates import format_date, format_skeleton
from babel.numbers import format_decimal
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from . import decision, urls
from .errors import DataError, Problem
from .i18n import Translator
from .load import DONT_KNOW, SiteData
from .models import Disclosed, Locale, Source, SourceKind
from .safe_markdown import strip_markdown
from .texts import data_texts


def json_script(value: object) -> Markup:
    """JSON that is safe inside a <script> element (no "</script>" or "<!--" can close it)."""
    text = json.dumps(value, ensure_ascii=False, indent=None, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


PARTIALS = Path(__file__).resolve().parent.parent / "overrides" / "partials" / "app"


def reach_key(disclosed: list[Disclosed]) -> str:
    """Which plain sentence says how much a route can give (strings ``reach.*``)."""
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


@dataclass
class CiteScope:
    """Sources cited in one part of a page, numbered in order (anchor ids start ``prefix``)."""

    prefix: str = "src-"
    cited: list[str] = field(default_factory=list)

    def cite(self, source_id: str) -> int:
        if source_id not in self.cited:
            self.cited.append(source_id)
        return self.cited.index(source_id) + 1


@dataclass
class PageState:
    """What one page cited, in order (for its list of sources). A part of the page that
    stands alone (a tool's answer) has its own numbered list: ``scopes``."""

    url: str = ""
    page_id: str = ""
    main: CiteScope = field(default_factory=CiteScope)
    scopes: list[CiteScope] = field(default_factory=list)

    @property
    def cited(self) -> list[str]:
        return self.main.cited

    @property
    def scope(self) -> CiteScope:
        return self.scopes[-1] if self.scopes else self.main


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

    def theme_text(self, key: str) -> Markup:
        """Text the theme prints without escaping (titles, descriptions, the site name).

        Material writes page titles into <title> after ``striptags`` (which unescapes), so a
        "<" or ">" there could close the element: such text stops the build instead.
        """
        value = self.plain(key)
        if "<" in value or ">" in value:
            where = ("data/strings.yml" if self.code == self.source_locale
                     else f"locales/{self.code}.po")
            raise DataError([Problem(where, None, key, "'<' and '>' are not allowed in titles, "
                                     "descriptions and the site name")])
        return escape(value)

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

    # -- dates and numbers -------------------------------------------------------------------

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
        """Numbered citation links to this page's (or this part's) list of sources."""
        scope = self.page.scope
        numbered = [(scope.cite(i), self.site.sources[i]) for i in ids]
        return self.render("cite.html", refs=numbered, prefix=scope.prefix)

    def sources_list(self) -> Markup:
        """The list of sources this page cited so far (render it last)."""
        items = [(n + 1, self.site.sources[i]) for n, i in enumerate(self.page.cited)]
        return self.render("sources-list.html", items=items, prefix="src-", part=None)

    def begin_part(self, part_id: str) -> str:
        """Start a part of the page with its own numbered sources (e.g. one tool answer)."""
        self.page.scopes.append(CiteScope(prefix=f"{part_id}-src-"))
        return ""

    def end_part(self, part_id: str) -> Markup:
        """End the part and render its own list of sources."""
        scope = self.page.scopes.pop()
        items = [(n + 1, self.site.sources[i]) for n, i in enumerate(scope.cited)]
        return self.render("sources-list.html", items=items, prefix=scope.prefix, part=part_id)

    # -- links and locales -------------------------------------------------------------------------

    def link(self, target: str) -> str:
        """Relative link from the current page to another page of the same locale."""
        return urls.relative(self.page.url, target)

    def asset(self, path: str) -> str:
        """Relative link to a file shared by all locales (served from the site root)."""
        return urls.to_site_root(self.page.url, self.code, self.source_locale) + path

    def og_locale(self, loc: Locale | None = None) -> str:
        """Open Graph locale (language_TERRITORY) of a locale."""
        from babel.core import get_global

        loc = loc or self.locale
        if loc.og_locale:
            return loc.og_locale
        likely = get_global("likely_subtags").get(loc.code, loc.code)
        parts = likely.split("_")
        return f"{parts[0]}_{parts[-1]}" if len(parts) > 1 else loc.code

    def absolute(self, page_url: str, code: str | None = None) -> str:
        """Absolute URL of a page of this (or another) locale: only for standards that need it."""
        return urls.absolute(self.site_url, code or self.code, self.source_locale, page_url)

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

    @functools.cached_property
    def _coverage(self) -> list[tuple[Locale, Any]]:
        from .catalogs import load_catalog
        from .i18n_tools import coverage

        return [(loc, coverage(self.texts, loc.code, load_catalog(self.site, loc.code)))
                for loc in self.locales() if loc.code != self.source_locale]

    def coverage(self) -> list[tuple[Locale, Any]]:
        """Translation coverage of every non-source locale (read once per build)."""
        return self._coverage

    def review_notice(self) -> Markup:
        """This locale's translation review state, shown on every page of the locale."""
        review = self.locale.review
        if review.reviewed_by and review.date:
            return self.t(f"ui.review.{review.state}.by", name=review.reviewed_by,
                          date=self.date(review.date))
        return self.t(f"ui.review.{review.state}")

    def qr_svg(self, url: str) -> Markup:
        """A QR code for ``url`` as inline SVG, drawn at build time (no external service)."""
        import segno

        svg = segno.make(url, error="m").svg_inline(scale=4, omitsize=True, dark="#000000",
                                                    light="#ffffff", title=url)
        label = escape(self.plain("handout.qr.label", url=url))
        return Markup(svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1))

    # -- embeds ------------------------------------------------------------------------------------

    def embeddable(self) -> list[str]:
        from .pages import EMBEDDABLE

        return EMBEDDABLE

    @staticmethod
    def embed_path(page_id: str) -> str:
        return f"embed/{page_id}/"

    def embed_snippet(self, page_id: str) -> str:
        """The HTML an organisation pastes: an iframe (and the optional resize script)."""
        src = self.absolute(self.embed_path(page_id))
        script = urls.absolute(self.site_url, self.source_locale, self.source_locale,
                               "assets/embed/resize.js")
        title = self.plain(f"page.{page_id}.title")
        iframe = (f'<iframe src="{escape(src)}" title="{escape(title)}" loading="lazy" '
                  f'width="100%" height="600" style="border:0;width:100%" data-itin-embed>'
                  f"</iframe>")
        return f'{iframe}\n<script src="{escape(script)}" async></script>'

    def embed_panel(self, page_id: str) -> Markup:
        return self.render("embed-panel.html", page_id=page_id,
                           snippet=self.embed_snippet(page_id),
                           preview=urls.relative(self.page_url_of(page_id),
                                                 self.embed_path(page_id)))

    @staticmethod
    def page_url_of(page_id: str) -> str:
        return "" if page_id == "home" else f"{page_id}/"

    def oembed(self, page_id: str) -> dict[str, Any]:
        """oEmbed (rich) response for a page, as a static JSON file."""
        return {
            "version": "1.0",
            "type": "rich",
            "provider_name": self.plain("ui.site_name"),
            "provider_url": self.absolute(""),
            "title": self.plain(f"page.{page_id}.title"),
            "html": self.embed_snippet(page_id),
            "width": 600,
            "height": 600,
            "cache_age": 86400,
        }

    # -- ordered views of the data -----------------------------------------------------------------

    def cases_in_order(self) -> list[Any]:
        """Cases by their first event; each appeal right after the case it comes from."""
        cases = self.site.cases
        first = {cid: min(ev.date for ev in c.events) for cid, c in cases.items()}
        roots = sorted((c for c in cases.values() if not c.appeal_of), key=lambda c: first[c.id])
        out = []
        for case in roots:
            out.append(case)
            out.extend(sorted((c for c in cases.values() if c.appeal_of == case.id),
                              key=lambda c: first[c.id]))
        return out

    def sources_in_order(self) -> list[Source]:
        """All sources, grouped by kind, then by title."""
        order = [k.value for k in SourceKind]
        return sorted(self.site.sources.values(),
                      key=lambda s: (order.index(s.kind.value), s.title.lower()))

    def faq_jsonld(self) -> Markup:
        """schema.org FAQPage for the FAQ page, from the same (translated) data."""
        doc = {
            "@context": "https://schema.org",
            "@type": "FAQPage",
            "inLanguage": self.code,
            "mainEntity": [
                {
                    "@type": "Question",
                    "name": self.d_plain(f"faq.{q.id}.question"),
                    "acceptedAnswer": {"@type": "Answer",
                                       "text": self.d_plain(f"faq.{q.id}.answer")},
                }
                for q in self.site.faq
            ],
        }
        return json_script(doc)

    # -- decision widgets --------------------------------------------------------------------

    @functools.cached_property
    def can_tree(self) -> decision.Tree:
        return decision.compile_can_they_get(self.site, self.site.widgets)

    @functools.cached_property
    def checklists(self) -> list[decision.Checklist]:
        return decision.compile_request_checker(self.site, self.site.widgets)

    def tree_json(self) -> dict[str, Any]:
        return decision.tree_json(self.can_tree, self.site, self.d_plain, self.plain)

    def tree_island(self) -> Markup:
        """The compiled tree's routing for the page's script (no text: the HTML has it)."""
        tree = self.can_tree
        nodes: dict[str, Any] = {}
        for q in tree.questions():
            nodes[q.id] = {"s": q.step, "n": q.total, "o": [[o.id, o.next] for o in q.options]}
        return json_script({"id": tree.id, "start": tree.start, "q": nodes,
                            "r": tree.anchors, "a": tree.aliases})

    def answer_labels(self, node: decision.Question) -> list[tuple[str, str]]:
        """(question, answer) pairs already given when a question node is reached (no JS)."""
        out = []
        if node.recipient:
            out.append((self.plain("widget.can.summary.recipient"),
                        self.d_plain(f"recipients.{node.recipient}.label")))
        if node.purpose and node.step > 2:
            out.append((self.plain("widget.can.summary.purpose"),
                        self.d_plain(f"purposes.{node.purpose}.label")))
        return out

    def path_labels(self, path: decision.PathEnd) -> list[str]:
        """The answers of one path, as the reader chose them."""
        out = [self.d_plain(f"recipients.{path.recipient}.label")]
        if len(path.answers) == 3 or (path.authority is None and len(path.answers) == 2):
            out.append(self.d_plain(f"purposes.{path.answers[1]}.label"))
        if path.authority is not None:
            out.append(self.plain("widget.can.dont_know") if path.authority == DONT_KNOW
                       else self.d_plain(f"authorities.{path.authority}.label"))
        return out

    @staticmethod
    def route_ref(exception: str, route: str) -> decision.RouteRef:
        return decision.RouteRef(exception, route)

    def route(self, ref: decision.RouteRef) -> Any:
        return decision.route_by_ref(self.site, ref)[1]

    def route_line(self, ref: decision.RouteRef) -> Markup:
        """One route of an answer, as one sentence: under which paragraph, what, when."""
        ex, r = decision.route_by_ref(self.site, ref)
        base = f"exceptions.{ex.id}.routes.{r.id}"
        what = (self.d(f"{base}.gives", inline=True) if r.gives
                else self.t("reach." + reach_key(r.disclosed)))
        when = self.d(f"{base}.when", inline=True)
        citation = Markup('<a href="{}#{}"><bdi dir="ltr">§&#160;6103{}</bdi></a>').format(
            self.link("exceptions/"), ex.id, r.paragraph)
        return self.t("widget.can.route", citation=citation, what=what, when=when)

    def in_force(self, case_id: str) -> Markup:
        return self.t("widget.can.in_force", case=self.d(f"cases.{case_id}.short_name"),
                      text=self.d(f"cases.{case_id}.status.in_force", inline=True))

    def cases_as_of(self, case_ids: list[str]) -> dt.date:
        """The date up to which the status of all these cases is known (the oldest as-of)."""
        return min(self.site.cases[c].status.as_of for c in case_ids)

    def guidance(self, kind: str, gid: str) -> Any:
        items = getattr(self.site.widgets.can_they_get, kind)
        return next(g for g in items if g.id == gid)

    def quote_citation(self, q: Any) -> str:
        """Where a quote is: "26 U.S.C. § 6103(i)(2)(B)(i)" from its file and paragraph."""
        section = next((f["citation"] for f in self.site.law_manifest
                        if f.get("file") == q.file), q.file)
        return f"{section}{q.paragraph}"

    def event(self, case_id: str, event_id: str) -> Any:
        return next(e for e in self.site.cases[case_id].events if e.id == event_id)

    def condition(self, exception: str, condition: str) -> Any:
        return next(c for c in self.site.exceptions[exception].conditions if c.id == condition)

    def reading(self, exception: str, reading: str) -> Any:
        return next(r for r in self.site.exceptions[exception].court_readings
                    if r.id == reading)

    def exceptions_json(self) -> dict[str, Any]:
        """The exception catalogue as published JSON (localized text, ids, citations)."""
        items = []
        for ex in self.site.exceptions.values():
            base = f"exceptions.{ex.id}"
            items.append({
                "id": ex.id, "citation": ex.citation, "subsection": ex.subsection,
                "title": self.d_plain(f"{base}.title"),
                "summary": self.d_plain(f"{base}.summary"),
                "recipients": ex.recipients, "purposes": ex.purposes,
                "authority": ex.authority, "disclosed": [d.value for d in ex.disclosed],
                "scope": ex.scope.value,
                "conditions": [{"id": c.id, "text": self.d_plain(f"{base}.conditions.{c.id}"),
                                "stage": c.stage.value if c.stage else None,
                                "quote": ({"citation": self.quote_citation(c.quote),
                                           "text": c.quote.text} if c.quote else None),
                                "sources": c.sources} for c in ex.conditions],
                "redisclosure": self.d_plain(f"{base}.redisclosure"),
                "routes": [decision.route_json(self.site, decision.RouteRef(ex.id, r.id),
                                               self.d_plain) for r in ex.routes],
                "court_readings": [
                    {"id": r.id, "date": r.date, "case": r.case,
                     "court": self.d_plain(f"{base}.court_readings.{r.id}.court"),
                     "text": self.d_plain(f"{base}.court_readings.{r.id}.text"),
                     "confidence": r.confidence.value, "sources": r.sources}
                    for r in ex.court_readings],
                "confidence": ex.verification.confidence.value,
                "sources": ex.sources,
            })
        vocab = {
            kind: [{"id": t.id, "label": self.d_plain(f"{kind}.{t.id}.label")}
                   for t in getattr(self.site, kind).values()]
            for kind in ("recipients", "purposes", "authorities")
        }
        sources = [{"id": s.id, "title": s.title, "author": s.author, "date": s.date,
                    "url": s.url, "kind": s.kind.value} for s in self.site.sources.values()]
        return {"version": 1, "locale": self.code, "as_of": self.site.site.as_of.isoformat(),
                **vocab, "exceptions": items, "sources": sources}

    # -- rendering ---------------------------------------------------------------------------------

    def render(self, template: str, **context: Any) -> Markup:
        return Markup(self.env.get_template(template).render(**context))

    def begin_page(self, url: str, page_id: str) -> None:
        self.page = PageState(url=url, page_id=page_id)
        self.tr.state.fallbacks = 0
