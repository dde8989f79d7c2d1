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

TREE_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "ITIN Privacy Guide decision tree (v1)",
    "type": "object",
    "required": ["id", "version", "as_of", "start", "nodes"],
    "properties": {
        "id": _ID,
        "version": {"const": 1},
        "as_of": _DATE,
        "start": {"type": "string"},
        "nodes": {
            "type": "object",
            "additionalProperties": {
                "oneOf": [
                    {"type": "object", "required": ["type", "text", "options"],
                     "properties": {
                         "type": {"const": "question"}, "text": {"type": "string"},
                         "step": {"type": "integer"},
                         "options": {"type": "array", "minItems": 1, "items": {
                             "type": "object", "required": ["id", "label", "next"],
                             "properties": {"id": _ID, "label": {"type": "string"},
                                            "next": {"type": "string"}}}}}},
                    {"type": "object",
                     "required": ["type", "verdict", "exceptions", "text", "sources"],
                     "properties": {
                         "type": {"const": "outcome"},
                         "verdict": {"enum": ["allowed", "conditional", "not-allowed"]},
                         "exceptions": _IDS, "text": {"type": "string"},
                         "sources": {**_IDS, "minItems": 1},
                         "citations": {"type": "array", "items": {"type": "string"}},
                         "court_readings": {"type": "array", "items": _READING}}},
                ]
            },
        },
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
                "conditions": {"type": "array", "items": {
                    "type": "object", "required": ["id", "text", "sources"],
                    "properties": {"id": _ID, "text": {"type": "string"}, "sources": _IDS}}},
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

CHECKER_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "ITIN Privacy Guide request checker (v1)",
    "type": "object",
    "required": ["version", "as_of", "checklists"],
    "properties": {
        "version": {"const": 1},
        "as_of": _DATE,
        "checklists": {"type": "array", "items": {
            "type": "object", "required": ["exception", "citation", "requirements"],
            "properties": {
                "exception": _ID, "citation": {"type": "string"},
                "requirements": {"type": "array", "minItems": 1, "items": {
                    "type": "object", "required": ["id", "text", "sources"],
                    "properties": {"id": _ID, "text": {"type": "string"},
                                   "sources": {**_IDS, "minItems": 1}}}}}}},
    },
}


def checker_json(app: App) -> dict[str, Any]:
    lists = []
    for cl in app.checklists:
        ex = app.site.exceptions[cl.exception]
        lists.append({
            "exception": ex.id, "citation": ex.citation,
            "title": app.d_plain(f"exceptions.{ex.id}.title"),
            "requirements": [{"id": c.id,
                              "text": app.d_plain(f"exceptions.{ex.id}.conditions.{c.id}"),
                              "sources": c.sources} for c in ex.conditions],
        })
    return {"version": 1, "locale": app.code, "as_of": app.site.site.as_of.isoformat(),
            "checklists": lists}


def _write(path: Path, value: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(value, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def write_api(app: App, site_dir: Path) -> list[Path]:
    """Write every JSON file of ``api/v1`` into one locale's site directory."""
    base = site_dir / "api" / "v1"
    files = {
        base / "exceptions.json": app.exceptions_json(),
        base / "decision-trees" / f"{app.can_tree.id}.json": app.tree_json(),
        base / "request-checker.json": checker_json(app),
        base / "schema" / "exceptions.schema.json": EXCEPTIONS_SCHEMA,
        base / "schema" / "decision-tree.schema.json": TREE_SCHEMA,
        base / "schema" / "request-checker.schema.json": CHECKER_SCHEMA,
    }
    for page_id in app.embeddable():
        files[site_dir / "oembed" / f"{page_id}.json"] = app.oembed(page_id)
    for path, value in files.items():
        _write(path, value)
    return list(files)
