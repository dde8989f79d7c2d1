"""Command line: ``python -m macros <command>`` — usable without MkDocs.

Commands:
  check             validate data/ and every translation catalogue
  schema [--check]  write (or verify) the JSON Schemas in data/schema/
  build             build every locale into site/ (mkdocs build --strict per locale)
  serve [LOCALE]    serve one locale at http://127.0.0.1:8000 with live reload
"""

from __future__ import annotations

import sys
from pathlib import Path

from .errors import DataError

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    if not argv or argv[0] in {"-h", "--help"}:
        print(__doc__)
        return 0
    cmd, args = argv[0], argv[1:]
    try:
        if cmd == "check":
            from .load import load_site

            site = load_site(ROOT)
            from .catalogs import load_translators

            load_translators(site)
            print(f"data OK: {len(site.sources)} sources, {len(site.exceptions)} exceptions, "
                  f"{len(site.cases)} cases, {len(site.faq)} questions, "
                  f"{len(site.locales.locales)} locales")
            return 0
        if cmd == "schema":
            from .schema import write_schemas

            return write_schemas(ROOT, check="--check" in args)
        if cmd == "build":
            from .build import build_all

            return build_all(ROOT, args)
        if cmd == "serve":
            from .build import serve

            return serve(ROOT, args)
    except DataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"unknown command {cmd!r}\n{__doc__}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
