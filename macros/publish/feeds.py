"""Atom feeds (RFC 4287) of case events: one per locale, and one per case.

Written by each locale build into ``feed.xml`` and ``feeds/<case-id>.xml``. Entry ids are
``urn:uuid`` values derived from the locale, case and event ids, so they stay the same wherever
the site is hosted. Links are absolute (feed readers need them), built from ``site_url``.
"""

from __future__ import annotations

import datetime as dt
import uuid
from xml.etree import ElementTree as ET

from markupsafe import escape

from ..models import Case, Event
from ..site import Site
from ..urls import Urls
from ..words import Words

ATOM = "http://www.w3.org/2005/Atom"
NAMESPACE = uuid.UUID("6f1c3c8e-2b9f-5d0a-9d37-1f2a6c0b7e11")


def entry_id(code: str, case_id: str, event_id: str) -> str:
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, f'{code}/{case_id}/{event_id}')}"


def feed_id(code: str, name: str) -> str:
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, f'{code}/feed/{name}')}"


def timestamp(date: str) -> str:
    """An RFC 3339 timestamp for a (possibly partial) event date: the first day it can mean."""
    parts = [int(p) for p in date.split("-")] + [1, 1]
    return dt.datetime(parts[0], parts[1], parts[2], tzinfo=dt.UTC).isoformat().replace(
        "+00:00", "Z")


def feed_path(case_id: str | None) -> str:
    """Path of a feed below a locale's root."""
    return "feed.xml" if case_id is None else f"feeds/{case_id}.xml"




def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        el.text = text
    return el


def build_feed(site: Site, words: Words, urls: Urls, cases: list[Case],
               case_id: str | None) -> bytes:
    """One Atom document for the given cases, newest event first."""
    ET.register_namespace("", ATOM)
    w = words
    code = w.code
    events: list[tuple[Case, Event]] = [(c, e) for c in cases for e in c.events]
    events.sort(key=lambda ce: (ce[1].date, ce[0].id, ce[1].id), reverse=True)
    lawsuits = urls.absolute("lawsuits/")
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": code})
    if case_id is None:
        title = w.plain("feed.title", site=w.plain("ui.site_name"))
    else:
        title = w.plain("feed.case_title", case=cases[0].caption)
    _sub(feed, "id", feed_id(code, case_id or "all"))
    _sub(feed, "title", title)
    _sub(feed, "subtitle", w.plain("feed.subtitle", date=w.date(site.site.as_of)))
    _sub(feed, "updated", timestamp(events[0][1].date) if events else
         timestamp(site.site.as_of.isoformat()))
    _sub(feed, "link", rel="self", type="application/atom+xml",
         href=urls.absolute(feed_path(case_id)))
    _sub(feed, "link", rel="alternate", type="text/html",
         href=lawsuits + (f"#{case_id}" if case_id else ""))
    author = _sub(feed, "author")
    _sub(author, "name", w.d_plain("site.maintainer"))
    _sub(feed, "generator", "ITIN Privacy Guide")
    for case, ev in events:
        base = f"cases.{case.id}.events.{ev.id}"
        entry = _sub(feed, "entry")
        _sub(entry, "id", entry_id(code, case.id, ev.id))
        _sub(entry, "title", w.d_plain(f"{base}.title"))
        _sub(entry, "updated", timestamp(ev.date))
        _sub(entry, "published", timestamp(ev.date))
        _sub(entry, "link", rel="alternate", type="text/html",
             href=f"{lawsuits}#{case.id}-{ev.id}")
        _sub(entry, "category", term=ev.kind.value, label=w.plain(f"event.kind.{ev.kind.value}"))
        html = (f"<p><strong>{escape(w.date(ev.date))}</strong> · "
                f"<em>{escape(case.caption)}</em></p>"
                f"{w.d(f'{base}.what_happened')}"
                f"<p><strong>{w.t('lawsuits.means')}</strong></p>"
                f"{w.d(f'{base}.what_it_means')}")
        _sub(entry, "content", html, type="html")
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def feed_files(site: Site, words: Words, urls: Urls) -> dict[str, bytes]:
    """This locale's feeds: path below the locale root -> Atom document."""
    cases = site.cases_in_order()
    files = {feed_path(None): build_feed(site, words, urls, cases, None)}
    for case in cases:
        files[feed_path(case.id)] = build_feed(site, words, urls, [case], case.id)
    return files
