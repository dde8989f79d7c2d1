"""Command line: ``python -m macros <command>`` — usable without MkDocs.

Commands:
  check             everything but rendering: data/, catalogues, both tools compiled, every
                    string key and page the templates use, the locale configuration files
  config [--check]  write (or verify) the generated mkdocs.<code>.yml of each locale
  schema [--check]  write (or verify) the JSON Schemas in data/schema/
  build             build every locale into site/ (mkdocs build --strict per locale)
  serve [LOCALE]    serve one locale at http://127.0.0.1:8000 with live reload
  i18n extract|update|new CODE|report   translators' tools (see macros/i18n_tools.py)
  digest [--check]  write (or verify) tests/golden/decision-digest.txt
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
            from .checks import run_checks

            return run_checks(ROOT)
        if cmd == "config":
            from .config import main as config_main

            return config_main(ROOT, args)
        if cmd == "schema":
            from .schema import write_schemas

            return write_schemas(ROOT, check="--check" in args)
        if cmd == "digest":
            from .decision import digest, published_ids
            from .site import Site

            site = Site.load(ROOT)
            tree = site.tree
            text = digest(tree, site)
            path = ROOT / "tests" / "golden" / "decision-digest.txt"
            # Every id ever published, kept for good: a later tree must still resolve each.
            ids_path = ROOT / "tests" / "golden" / "published-ids.txt"
            known = ids_path.read_text(encoding="utf-8").split() if ids_path.exists() else []
            ids = "\n".join(sorted(set(known) | published_ids(tree))) + "\n"
            if "--check" in args:
                stale = [p for p, want in ((path, text), (ids_path, ids))
                         if not p.exists() or p.read_text(encoding="utf-8") != want]
                if stale:
                    print(f"{', '.join(str(p.relative_to(ROOT)) for p in stale)} out of date: "
                          "run `make digest` and review the changed answers", file=sys.stderr)
                    return 1
                print("decision digest is current")
                return 0
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            ids_path.write_text(ids, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)} and {ids_path.relative_to(ROOT)}")
            return 0
        if cmd == "i18n":
            from .i18n_tools import main as i18n_main

            return i18n_main(args, ROOT)
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
