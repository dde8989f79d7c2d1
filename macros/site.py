"""The site: the loaded data and the views compiled from it. Built once; the same in every locale.

``Site`` is ``SiteData`` (everything in ``data/``, validated) plus the things computed from it:
the decision tool and request checker, the index of translatable texts, and ordered views. It
holds nothing about a language (that is ``Words``) or a page (that is ``PageContext``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from pathlib import Path
from typing import Any

from . import decision
from .load import SiteData, load_site
from .models import Case, Event, Guidance, Quote, Source, SourceKind
from .texts import Text, data_texts


@dataclasses.dataclass
class Site(SiteData):
    """Loaded data with compiled views (use ``Site.load``)."""

    @classmethod
    def load(cls, root: Path) -> Site:
        data = load_site(root)
        return cls(**{f.name: getattr(data, f.name) for f in dataclasses.fields(SiteData)})

    # -- compiled ----------------------------------------------------------------------------

    @functools.cached_property
    def tree(self) -> decision.Tree:
        """"Can they get my tax information?" (the check tool), compiled from the routes."""
        return decision.compile_check(self, self.tools)

    @functools.cached_property
    def checklists(self) -> list[decision.Checklist]:
        return decision.compile_request_checker(self, self.tools)

    @functools.cached_property
    def texts(self) -> dict[str, Text]:
        """Every translatable text, by context (one namespace; collisions are refused)."""
        return data_texts(self)

    @property
    def source_locale(self) -> str:
        return self.locales.source_locale

    @property
    def codes(self) -> list[str]:
        return [loc.code for loc in self.locales.locales]

    def parts(self, page: Any) -> list[str]:
        """The parts of a page split in parts (``parts:`` in its front matter), in order."""
        if page.meta.parts == "subsections":
            return list(dict.fromkeys(ex.subsection for ex in self.exceptions.values()))
        return []

    # -- lookups by id -----------------------------------------------------------------------

    def route(self, ref: decision.RouteRef) -> Any:
        return decision.route_by_ref(self, ref)[1]

    def route_citation(self, route: Any) -> str:
        return decision.route_citation(self, route)

    def route_sources(self, ref: decision.RouteRef) -> list[str]:
        return decision.route_sources(self, ref)

    @staticmethod
    def route_ref(exception: str, route: str) -> decision.RouteRef:
        return decision.RouteRef(exception, route)

    def reading(self, exception: str, reading: str) -> Any:
        return next(r for r in self.exceptions[exception].court_readings if r.id == reading)

    def condition(self, exception: str, condition: str) -> Any:
        return next(c for c in self.exceptions[exception].conditions if c.id == condition)

    def event(self, case_id: str, event_id: str) -> Event:
        return next(e for e in self.cases[case_id].events if e.id == event_id)

    def guidance(self, kind: str, gid: str) -> Guidance:
        items = getattr(self.tools.check, kind)
        return next(g for g in items if g.id == gid)

    def cases_as_of(self, case_ids: list[str]) -> dt.date:
        """The date up to which the status of all these cases is known (the oldest as-of)."""
        return min(self.cases[c].status.as_of for c in case_ids)

    def quote_citation(self, q: Quote) -> str:
        """Where a quote is: "26 U.S.C. § 6103(i)(2)(B)(i)" from its file and paragraph."""
        section = next((f["citation"] for f in self.law_manifest if f.get("file") == q.file),
                       q.file)
        return f"{section}{q.paragraph}"

    # -- ordered views -------------------------------------------------------------------------

    def cases_in_order(self) -> list[Case]:
        """Cases by their first event; each appeal right after the case it comes from."""
        first = {cid: min(ev.date for ev in c.events) for cid, c in self.cases.items()}
        roots = sorted((c for c in self.cases.values() if not c.appeal_of),
                       key=lambda c: first[c.id])
        out: list[Case] = []
        for case in roots:
            out.append(case)
            out.extend(sorted((c for c in self.cases.values() if c.appeal_of == case.id),
                              key=lambda c: first[c.id]))
        return out

    def sources_in_order(self) -> list[Source]:
        """All sources, grouped by kind, then by title."""
        order = [k.value for k in SourceKind]
        return sorted(self.sources.values(),
                      key=lambda s: (order.index(s.kind.value), s.title.lower()))
