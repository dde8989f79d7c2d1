"""Per-locale MkDocs configuration files, generated from ``data/locales.yml``.

``mkdocs.yml`` is the source locale's build. Every other locale has ``mkdocs.<code>.yml``,
which inherits it (MkDocs ``INHERIT``) and sets the locale, its theme language and direction,
and its output folder. ``python -m macros config`` writes them; ``--check`` (run by the tests
and CI) fails when one is missing, stale or left over. The locale's URL prefix and its site
name are set by the build itself (``macros/glue.py``), from ``urls.locale_prefix`` and the
catalogue, so a translation never makes a configuration file stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from .errors import Problem
from .load import SiteData, load_site
from .models import Locale

HEADER = ("# Generated from data/locales.yml by `python -m macros config`: do not edit.\n"
          "# (CI runs `python -m macros config --check`.)\n")


def config_path(root: Path, code: str, source_locale: str) -> Path:
    return root / ("mkdocs.yml" if code == source_locale else f"mkdocs.{code}.yml")


def render(loc: Locale) -> str:
    return (f"{HEADER}INHERIT: mkdocs.yml\n"
            f"site_dir: site/{loc.code}\n"
            f"theme:\n  language: {loc.theme_language}\n  direction: {loc.dir}\n"
            f"extra:\n  locale: {loc.code}\n")


def expected(site: SiteData) -> dict[Path, str]:
    return {config_path(site.root, loc.code, site.locales.source_locale): render(loc)
            for loc in site.locales.locales if loc.code != site.locales.source_locale}


def problems(site: SiteData) -> list[Problem]:
    """What is missing, stale or left over (empty when every file is current)."""
    fix = " (run `python -m macros config`)"
    out = []
    want = expected(site)
    for path, text in want.items():
        if not path.exists():
            out.append(Problem(path.name, None, "", "missing" + fix))
        elif path.read_text(encoding="utf-8") != text:
            out.append(Problem(path.name, None, "", "out of date" + fix))
    for path in sorted(site.root.glob("mkdocs.*.yml")):
        if path not in want:
            out.append(Problem(path.name, None, "", "left over: its locale is not in "
                               "data/locales.yml" + fix))
    base = yaml.safe_load((site.root / "mkdocs.yml").read_text(encoding="utf-8").replace(
        "!ENV", "")) or {}
    if (base.get("extra") or {}).get("locale") != site.locales.source_locale:
        out.append(Problem("mkdocs.yml", None, "extra.locale", "must be the source locale "
                           f"{site.locales.source_locale!r}"))
    return out


def write(site: SiteData) -> list[Path]:
    written = []
    for path, text in expected(site).items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(path)
    for path in site.root.glob("mkdocs.*.yml"):
        if path not in expected(site):
            path.unlink()
            written.append(path)
    return written


def main(root: Path, args: list[str]) -> int:
    site = load_site(root)
    if "--check" in args:
        found = problems(site)
        for p in found:
            print(f"error: {p}", file=sys.stderr)
        if not found:
            print("locale configuration files are current")
        return 1 if found else 0
    for path in write(site):
        print(f"wrote {path.name}")
    return 0
