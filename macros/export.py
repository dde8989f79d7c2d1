"""Open data: write the exception catalogue and the compiled trees as versioned JSON.

Each locale build writes its own copy under ``api/v1/`` (so ``/es/api/v1/...`` is Spanish), with
a JSON Schema for each file under ``api/v1/schema/``. The data comes from the same compile step
as the pages, so the JSON and the HTML cannot disagree.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .app import App

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

TREE_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "ITIN Privacy Guide decision tree (v2)",
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

CHECKER_SCHEMA: dict[str, Any] = {
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


def checker_json(app: App) -> dict[str, Any]:
    lists = []
    for cl in app.checklists:
        ex = app.site.exceptions[cl.exception]

        def items(ids: list[str], ex: Any = ex) -> list[dict[str, Any]]:
            out = []
            for cid in ids:
                c = app.condition(ex.id, cid)
                text = app.d_plain(f"exceptions.{ex.id}.conditions.{c.id}")
                out.append({"id": c.id, "text": text, "sources": c.sources,
                            "rulings": c.rulings})
            return out

        lists.append({
            "exception": ex.id, "citation": ex.citation,
            "title": app.d_plain(f"exceptions.{ex.id}.title"),
            "request": items(cl.request), "disclosure": items(cl.disclosure),
            "after": items(cl.after),
        })
    return {"version": 2, "locale": app.code, "as_of": app.site.site.as_of.isoformat(),
            "checklists": lists}


def _write(path: Path, value: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(value, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def write_api(app: App, site_dir: Path) -> list[Path]:
    """Write the open-data JSON into one locale's site directory.

    ``api/v1/exceptions.json`` keeps its shape (new fields are added, as promised). The tree
    and the checker changed shape in version 2 and moved to ``api/v2/``; the version 1 tree
    was withdrawn because some of its answers were wrong (see the reuse page).
    """
    v1, v2 = site_dir / "api" / "v1", site_dir / "api" / "v2"
    files = {
        v1 / "exceptions.json": app.exceptions_json(),
        v1 / "schema" / "exceptions.schema.json": EXCEPTIONS_SCHEMA,
        v2 / "decision-trees" / f"{app.can_tree.id}.json": app.tree_json(),
        v2 / "request-checker.json": checker_json(app),
        v2 / "schema" / "decision-tree.schema.json": TREE_SCHEMA,
        v2 / "schema" / "request-checker.schema.json": CHECKER_SCHEMA,
    }
    for page_id in app.embeddable():
        files[site_dir / "oembed" / f"{page_id}.json"] = app.oembed(page_id)
    for path, value in files.items():
        _write(path, value)
    return list(files)
