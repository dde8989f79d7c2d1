"""Open data: the exception catalogue and both tools as versioned JSON, with JSON Schemas.

Each locale build writes its own copy (``/es/api/...`` is Spanish). The data comes from the same
compile step as the pages, so the JSON and the HTML cannot disagree. Paths:

- ``api/v1/exceptions.json`` (version 1: new fields are added, the shape is kept);
- ``api/v2/check.json``: the tool "Can they get my tax information?" (version 2; the version 1
  tree was withdrawn because some of its answers were wrong: see the reuse page);
- ``api/v2/request-checker.json``: the request checker.
"""

from __future__ import annotations

from typing import Any

from .. import decision
from ..site import Site
from ..words import Words

_ID = {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"}
_IDS = {"type": "array", "items": _ID}
_DATE = {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"}
_READING = {
    "type": "object",
    "required": ["date", "court", "text", "sources"],
    "properties": {"date": _DATE, "court": {"type": "string"}, "text": {"type": "string"},
                   "sources": _IDS},
}

_ROUTE = {
    "type": "object",
    "required": ["id", "exception", "citation", "recipients", "purposes", "needs", "disclosed",
                 "verdict"],
    "properties": {
        "id": _ID, "exception": _ID, "citation": {"type": "string"},
        "recipients": _IDS, "purposes": _IDS, "needs": _ID, "disclosed": _IDS,
        "scope": _ID, "verdict": {"enum": ["allowed", "conditional"]},
        "when": {"type": ["string", "null"]}, "gives": {"type": ["string", "null"]},
        "caution": {"type": ["string", "null"]}, "conditions": _IDS,
    },
}
_GUIDANCE = {"type": "array", "items": {
    "type": "object", "required": ["id", "text", "sources"],
    "properties": {"id": _ID, "text": {"type": "string"}, "sources": _IDS}}}

CHECK_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "ITIN Privacy Guide: can they get my tax information? (v2)",
    "description": "Questions lead to questions or to results; a result (keyed by its "
                   "published anchor, r--answer--answer…) names its outcome. Routes come from "
                   "data/exceptions.yml; 'any' in recipients or purposes means whoever or "
                   "whatever purpose.",
    "type": "object",
    "required": ["id", "version", "as_of", "start", "nodes", "results", "outcomes"],
    "properties": {
        "id": _ID,
        "version": {"const": 2},
        "as_of": _DATE,
        "start": {"type": "string"},
        "nodes": {"type": "object", "additionalProperties": {
            "type": "object", "required": ["type", "text", "options", "step", "total"],
            "properties": {
                "type": {"const": "question"}, "text": {"type": "string"},
                "step": {"type": "integer"}, "total": {"type": "integer"},
                "options": {"type": "array", "minItems": 2, "items": {
                    "type": "object", "required": ["id", "label", "next"],
                    "properties": {"id": _ID, "label": {"type": "string"},
                                   "next": {"type": "string"}}}}}}},
        "results": {"type": "object", "additionalProperties": {
            "type": "object", "required": ["answers", "outcome"],
            "properties": {"answers": _IDS, "outcome": {"type": "string"}}}},
        "outcomes": {"type": "object", "additionalProperties": {
            "type": "object",
            "required": ["verdict", "text", "routes", "groups", "exceptions", "sources"],
            "properties": {
                "verdict": {"enum": ["allowed", "conditional", "not-allowed", "depends"]},
                "own_motion": {"type": "boolean", "description": "conditional, but only routes "
                               "where the IRS acts on its own (or no request is needed) apply"},
                "text": {"type": "string"},
                "routes": {"type": "array", "items": _ROUTE},
                "groups": {"type": "array", "items": {
                    "type": "object", "required": ["needs", "routes"],
                    "properties": {"needs": _ID, "routes": _IDS}}},
                "exceptions": _IDS,
                "context": _GUIDANCE, "next_steps": _GUIDANCE,
                "court_readings": {"type": "array", "items": _READING},
                "sources": {**_IDS, "minItems": 1}}}},
        "aliases": {"type": "object", "additionalProperties": {"type": "string"}},
    },
}

EXCEPTIONS_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "ITIN Privacy Guide exception catalogue (v1)",
    "type": "object",
    "required": ["version", "locale", "as_of", "exceptions", "sources"],
    "properties": {
        "version": {"const": 1},
        "locale": {"type": "string"},
        "as_of": _DATE,
        "exceptions": {"type": "array", "items": {
            "type": "object",
            "required": ["id", "citation", "title", "summary", "recipients", "purposes",
                         "authority", "disclosed", "scope", "conditions", "sources"],
            "properties": {
                "id": _ID, "citation": {"type": "string"}, "title": {"type": "string"},
                "summary": {"type": "string"}, "recipients": _IDS, "purposes": _IDS,
                "authority": _IDS, "disclosed": _IDS, "scope": _ID,
                "routes": {"type": "array", "minItems": 1, "items": _ROUTE},
                "conditions": {"type": "array", "items": {
                    "type": "object", "required": ["id", "text", "sources"],
                    "properties": {"id": _ID, "text": {"type": "string"}, "sources": _IDS,
                                   "stage": {"enum": ["request", "disclosure", "after", None]},
                                   "quote": {"type": ["object", "null"],
                                             "required": ["citation", "text"],
                                             "properties": {"citation": {"type": "string"},
                                                            "text": {"type": "string"}}}}}},
                "court_readings": {"type": "array", "items": _READING},
                "sources": {**_IDS, "minItems": 1},
            }}},
        "sources": {"type": "array", "items": {
            "type": "object", "required": ["id", "title", "url", "kind"],
            "properties": {"id": _ID, "title": {"type": "string"},
                           "url": {"type": "string", "pattern": "^https://"},
                           "kind": {"type": "string"}}}},
    },
}

_REQUIREMENTS = {"type": "array", "items": {
    "type": "object", "required": ["id", "text", "sources"],
    "properties": {"id": _ID, "text": {"type": "string"}, "sources": {**_IDS, "minItems": 1},
                   "rulings": _IDS}}}

REQUEST_CHECKER_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "ITIN Privacy Guide request checker (v2)",
    "description": "request: what a request or order must contain or show (each checked yes, "
                   "no or not stated); disclosure: limits on what may be given; after: rules "
                   "for the recipient afterwards. rulings: ids of the exception's court "
                   "readings (exceptions.json) that weighed the element.",
    "type": "object",
    "required": ["version", "as_of", "checklists"],
    "properties": {
        "version": {"const": 2},
        "as_of": _DATE,
        "checklists": {"type": "array", "items": {
            "type": "object", "required": ["exception", "citation", "request", "disclosure",
                                           "after"],
            "properties": {
                "exception": _ID, "citation": {"type": "string"},
                "request": {**_REQUIREMENTS, "minItems": 1},
                "disclosure": _REQUIREMENTS, "after": _REQUIREMENTS}}},
    },
}


def exceptions_json(site: Site, words: Words) -> dict[str, Any]:
    """The exception catalogue (localized text, ids, citations, routes, quotes)."""
    w = words
    items = []
    for ex in site.exceptions.values():
        base = f"exceptions.{ex.id}"
        items.append({
            "id": ex.id, "citation": ex.citation, "subsection": ex.subsection,
            "title": w.d_plain(f"{base}.title"),
            "summary": w.d_plain(f"{base}.summary"),
            "recipients": ex.recipients, "purposes": ex.purposes,
            "authority": ex.authority, "disclosed": [d.value for d in ex.disclosed],
            "scope": ex.scope.value,
            "conditions": [{"id": c.id, "text": w.d_plain(f"{base}.conditions.{c.id}"),
                            "stage": c.stage.value if c.stage else None,
                            "quote": ({"citation": site.quote_citation(c.quote),
                                       "text": c.quote.text} if c.quote else None),
                            "sources": c.sources} for c in ex.conditions],
            "redisclosure": w.d_plain(f"{base}.redisclosure"),
            "routes": [decision.route_json(site, decision.RouteRef(ex.id, r.id), w.d_plain)
                       for r in ex.routes],
            "court_readings": [
                {"id": r.id, "date": r.date, "case": r.case,
                 "court": w.d_plain(f"{base}.court_readings.{r.id}.court"),
                 "text": w.d_plain(f"{base}.court_readings.{r.id}.text"),
                 "confidence": r.confidence.value, "sources": r.sources}
                for r in ex.court_readings],
            "confidence": ex.verification.confidence.value,
            "sources": ex.sources,
        })
    vocab = {
        kind: [{"id": t.id, "label": w.d_plain(f"{kind}.{t.id}.label")}
               for t in getattr(site, kind).values()]
        for kind in ("recipients", "purposes", "authorities")
    }
    sources = [{"id": s.id, "title": s.title, "author": s.author, "date": s.date,
                "url": s.url, "kind": s.kind.value} for s in site.sources.values()]
    return {"version": 1, "locale": w.code, "as_of": site.site.as_of.isoformat(),
            **vocab, "exceptions": items, "sources": sources}


def check_json(site: Site, words: Words) -> dict[str, Any]:
    """The tool "Can they get my tax information?" (version 2)."""
    return decision.tree_json(site.tree, site, words.d_plain, words.plain)


def request_checker_json(site: Site, words: Words) -> dict[str, Any]:
    """The request checker (version 2)."""
    lists = []
    for cl in site.checklists:
        ex = site.exceptions[cl.exception]

        def items(ids: list[str], ex: Any = ex) -> list[dict[str, Any]]:
            out = []
            for cid in ids:
                c = site.condition(ex.id, cid)
                text = words.d_plain(f"exceptions.{ex.id}.conditions.{c.id}")
                out.append({"id": c.id, "text": text, "sources": c.sources,
                            "rulings": c.rulings})
            return out

        lists.append({
            "exception": ex.id, "citation": ex.citation,
            "title": words.d_plain(f"exceptions.{ex.id}.title"),
            "request": items(cl.request), "disclosure": items(cl.disclosure),
            "after": items(cl.after),
        })
    return {"version": 2, "locale": words.code, "as_of": site.site.as_of.isoformat(),
            "checklists": lists}


def api_files(site: Site, words: Words) -> dict[str, Any]:
    """Every open-data file of one locale: path below the locale root -> JSON value."""
    return {
        "api/v1/exceptions.json": exceptions_json(site, words),
        "api/v1/schema/exceptions.schema.json": EXCEPTIONS_SCHEMA,
        "api/v2/check.json": check_json(site, words),
        "api/v2/schema/check.schema.json": CHECK_SCHEMA,
        "api/v2/request-checker.json": request_checker_json(site, words),
        "api/v2/schema/request-checker.schema.json": REQUEST_CHECKER_SCHEMA,
    }


