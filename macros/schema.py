"""Export one JSON Schema per data file into ``data/schema/`` (for editors and CI).

``python -m macros schema`` writes them; ``--check`` fails when a committed schema is stale.
Editors that understand ``# yaml-language-server: $schema=...`` validate while you type.
"""

from __future__ import annotations

import json
from pathlib import Path

from .models import FILE_MODELS


def schema_name(data_file: str) -> str:
    return data_file.replace("/*.yml", "").replace(".yml", "") + ".schema.json"


def schemas() -> dict[str, str]:
    out = {}
    for data_file, model in FILE_MODELS.items():
        schema = model.model_json_schema(mode="validation")
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["title"] = f"data/{data_file}"
        out[schema_name(data_file)] = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    return out


def write_schemas(root: Path, *, check: bool = False) -> int:
    target = root / "data" / "schema"
    target.mkdir(parents=True, exist_ok=True)
    stale = []
    for name, text in schemas().items():
        path = target / name
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(path.relative_to(root).as_posix())
        else:
            path.write_text(text, encoding="utf-8")
    if stale:
        print("stale JSON Schemas (run: make schema): " + ", ".join(stale))
        return 1
    print("JSON Schemas " + ("are current" if check else f"written to {target.relative_to(root)}"))
    return 0
