"""Load each locale's PO catalogue and check it against the English sources.

A catalogue that is malformed, duplicates an entry, or whose translation drops or adds a
``{placeholder}`` stops the build with ``file:line`` messages.
"""

from __future__ import annotations

from pathlib import Path

from babel.messages.catalog import Catalog

from .errors import DataError, Problem
from .i18n import Translator, placeholders, read_catalog
from .load import SiteData

LOCALES_DIR = "locales"


def po_path(root: Path, code: str) -> Path:
    return root / LOCALES_DIR / f"{code}.po"


def check_catalog(catalog: Catalog, rel: str) -> list[Problem]:
    """Placeholders in each translation must match its English source exactly."""
    problems = []
    for msg in catalog:
        if not msg.id or not msg.string or msg.fuzzy:
            continue
        src, dst = placeholders(str(msg.id)), placeholders(str(msg.string))
        if src != dst:
            missing = sorted(set(src) - set(dst))
            added = sorted(set(dst) - set(src))
            detail = []
            if missing:
                detail.append("missing " + ", ".join("{" + p + "}" for p in missing))
            if added:
                detail.append("added " + ", ".join("{" + p + "}" for p in added))
            if not detail:
                detail.append("placeholder count differs")
            line = msg.lineno if msg.lineno else None
            problems.append(Problem(rel, line, str(msg.context or ""),
                                    "translation placeholders differ from English: "
                                    + "; ".join(detail)))
    return problems


def load_catalog(site: SiteData, code: str) -> Catalog | None:
    """The catalogue of ``code`` (None for the source locale)."""
    if code == site.locales.source_locale:
        return None
    path = po_path(site.root, code)
    rel = path.relative_to(site.root).as_posix()
    if not path.exists():
        raise DataError([Problem(rel, None, "", f"catalogue for locale {code!r} is missing "
                                 "(run: make locale-new LOCALE=" + code + ")")])
    catalog = read_catalog(path, site.root, code)
    problems = check_catalog(catalog, rel)
    if problems:
        raise DataError(problems)
    return catalog


def interface_strings(site: SiteData) -> dict[str, str]:
    """The words ``t`` and ``plain`` look up: data/strings.yml and each page's title and
    description (from its front matter, under ``page.<id>.title`` / ``.description``)."""
    out = dict(site.strings)
    for page in site.pages.values():
        out[f"page.{page.id}.title"] = page.meta.title
        out[f"page.{page.id}.description"] = page.meta.description
    return out


def translator_for(site: SiteData, code: str) -> Translator:
    loc = site.locale(code)
    return Translator(code, site.locales.source_locale, interface_strings(site),
                      load_catalog(site, code), direction=loc.dir)


def load_translators(site: SiteData) -> dict[str, Translator]:
    """Every locale's translator; all catalogue problems are reported together."""
    out: dict[str, Translator] = {}
    problems: list[Problem] = []
    for loc in site.locales.locales:
        try:
            out[loc.code] = translator_for(site, loc.code)
        except DataError as exc:
            problems.extend(exc.problems)
    if problems:
        raise DataError(problems)
    return out
