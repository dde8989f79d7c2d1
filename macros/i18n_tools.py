"""Translator tooling: extract the template, update catalogues, add a locale, report coverage.

``python -m macros i18n extract``  writes ``locales/messages.pot`` from every translatable string
``python -m macros i18n update``   also updates every ``locales/<code>.po``: new strings are
                                   added empty; a string whose English changed keeps its old
                                   translation marked *fuzzy* (outdated) with the previous English
``python -m macros i18n new CODE`` scaffolds a locale (data/locales.yml entry + catalogue)
``python -m macros i18n report``   prints translated / outdated / missing per locale and page
``python -m macros i18n export-json CODE [PREFIX ...]``  untranslated entries as JSON
``python -m macros i18n import-json CODE FILE``          fill translations from such a JSON file
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass, field
from pathlib import Path

from babel import Locale as BabelLocale
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import write_po

from .catalogs import LOCALES_DIR, po_path
from .errors import DataError, Problem
from .i18n import read_catalog
from .load import SiteData, load_site
from .texts import Text, data_texts

PROJECT = "ITIN Privacy Guide"

# Which page a string appears on, by its context prefix (first match wins).
PAGE_OF: list[tuple[str, str]] = [
    ("ui.", "every page"), ("page.home", "home"), ("home.", "home"),
    ("site.key_points", "home"), ("site.", "sources"),
    ("page.check", "check"), ("check.", "check"), ("widget.", "check"),
    ("page.request-checker", "request-checker"), ("checker.", "request-checker"),
    ("page.protections", "protections"), ("protections.", "protections"),
    ("statute.", "protections"),
    ("page.exceptions", "exceptions"), ("exceptions.", "exceptions"), ("disclosed.", "exceptions"),
    ("scope.", "exceptions"), ("recipients.", "exceptions"), ("purposes.", "exceptions"),
    ("authorities.", "exceptions"),
    ("page.lawsuits", "lawsuits"), ("lawsuits.", "lawsuits"), ("event.", "lawsuits"),
    ("cases.", "lawsuits"),
    ("page.faq", "faq"), ("faq.", "faq"), ("page.glossary", "glossary"),
    ("glossary.", "glossary"), ("page.help", "help"), ("help.", "help"),
    ("page.sources", "sources"), ("sources.", "sources"), ("source.", "sources"),
    ("page.reuse", "reuse"), ("reuse.", "reuse"), ("page.about", "about"), ("about.", "about"),
    ("page.translate", "translate"), ("translate.", "translate"), ("embed.", "embeds"),
]


def page_of(context: str) -> str:
    for prefix, page in PAGE_OF:
        if context.startswith(prefix):
            return page
    return "other"


def template(site: SiteData) -> Catalog:
    """The translators' template, in the order the strings appear in the data files."""
    cat = Catalog(project=PROJECT, version="1", charset="utf-8", fuzzy=False,
                  creation_date=dt.datetime(2025, 1, 1))
    for item in data_texts(site).values():
        comments = ["Markdown allowed: *emphasis*, **strong**, [links](https://...), lists."] \
            if item.markdown else []
        cat.add(item.english, "", locations=[(item.ref, None)], context=item.context,
                auto_comments=comments)
    return cat


def _write(cat: Catalog, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        write_po(fh, cat, width=100, include_previous=True, sort_output=False,
                 omit_header=False)


def merged(site: SiteData, code: str, old: Catalog | None) -> Catalog:
    """The locale's catalogue brought up to date with the current English."""
    loc = site.locale(code)
    cat = Catalog(locale=code, project=PROJECT, version="1", charset="utf-8", fuzzy=False,
                  creation_date=dt.datetime(2025, 1, 1),
                  language_team=f"{loc.english_name} volunteers")
    previous: dict[str, tuple[str, str, bool]] = {}
    if old is not None:
        for msg in old:
            if msg.id and msg.context:
                previous[str(msg.context)] = (str(msg.id), str(msg.string or ""), msg.fuzzy)
    for item in data_texts(site).values():
        comments = ["Markdown allowed: *emphasis*, **strong**, [links](https://...), lists."] \
            if item.markdown else []
        before = previous.pop(item.context, None)
        if before is None:
            cat.add(item.english, "", locations=[(item.ref, None)], context=item.context,
                    auto_comments=comments)
        elif before[0] == item.english:
            cat.add(item.english, before[1], locations=[(item.ref, None)], context=item.context,
                    auto_comments=comments, flags=["fuzzy"] if before[2] else [])
        else:
            # The English changed: keep the old translation, but mark it outdated.
            cat.add(item.english, before[1], locations=[(item.ref, None)], context=item.context,
                    auto_comments=comments, flags=["fuzzy"] if before[1] else [],
                    previous_id=before[0])
    # Strings whose data entry is gone stay at the end as obsolete (#~) for reference.
    for context, (msgid, msgstr, _fuzzy) in previous.items():
        if msgstr:
            cat.obsolete[(msgid, context)] = Message(msgid, msgstr, context=context)
    return cat


def update(site: SiteData) -> list[Path]:
    written = [site.root / LOCALES_DIR / "messages.pot"]
    _write(template(site), written[0])
    for loc in site.locales.locales:
        if loc.code == site.locales.source_locale:
            continue
        path = po_path(site.root, loc.code)
        old = read_catalog(path, site.root, loc.code) if path.exists() else None
        _write(merged(site, loc.code, old), path)
        written.append(path)
    return written


@dataclass
class Coverage:
    code: str
    translated: int = 0
    outdated: int = 0
    missing: int = 0
    by_page: dict[str, list[int]] = field(default_factory=dict)  # page -> [t, o, m]

    @property
    def total(self) -> int:
        return self.translated + self.outdated + self.missing

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0


def coverage(texts: dict[str, Text], code: str, catalog: Catalog | None) -> Coverage:
    """Count translated / outdated / missing strings, exactly as the lookup decides them."""
    entries: dict[str, tuple[str, str, bool]] = {}
    if catalog is not None:
        for msg in catalog:
            if msg.id and msg.context:
                entries[str(msg.context)] = (str(msg.id), str(msg.string or ""), msg.fuzzy)
    cov = Coverage(code)
    for item in texts.values():
        page = cov.by_page.setdefault(page_of(item.context), [0, 0, 0])
        entry = entries.get(item.context)
        if entry and entry[1] and not entry[2] and entry[0] == item.english:
            cov.translated += 1
            page[0] += 1
        elif entry and entry[1]:
            cov.outdated += 1
            page[1] += 1
        else:
            cov.missing += 1
            page[2] += 1
    return cov


def new_locale(site: SiteData, code: str) -> list[str]:
    """Add a locale to data/locales.yml and create its catalogue. Returns what was done."""
    if any(loc.code == code for loc in site.locales.locales):
        raise DataError([Problem("data/locales.yml", None, code, "locale already exists")])
    try:
        babel_loc = BabelLocale.parse(code.replace("-", "_"))
    except (ValueError, LookupError):
        raise DataError([Problem("data/locales.yml", None, code,
                                 "unknown language code (use an ISO 639 code such as 'vi')")]
                        ) from None
    name = babel_loc.get_display_name(babel_loc) or code
    name = name[:1].upper() + name[1:]
    english = babel_loc.get_display_name("en") or code
    direction = "rtl" if babel_loc.character_order == "right-to-left" else "ltr"
    import material

    langs = Path(material.__file__).parent / "templates" / "partials" / "languages"
    theme_language = code if (langs / f"{code}.html").exists() else "en"
    entry = (
        f"  - code: {code}\n"
        f"    name: {name}\n"
        f"    english_name: {english}\n"
        f"    dir: {direction}\n"
        f"    theme_language: {theme_language}\n"
        f"    complete: false\n"
        f"    review:\n"
        f"      state: machine-assisted\n"
    )
    path = site.root / "data" / "locales.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.rstrip("\n") + "\n" + entry, encoding="utf-8")
    site = load_site(site.root)
    po = po_path(site.root, code)
    _write(merged(site, code, None), po)
    done = [f"added {code} ({name}, {english}, {direction}) to data/locales.yml",
            f"created {po.relative_to(site.root)} with {len(data_texts(site))} strings "
            "to translate"]
    if theme_language == "en":
        done.append(f"Material has no interface translation for {code!r}: its own buttons stay "
                    "in English (theme_language: en)")
    return done


def main(args: list[str], root: Path) -> int:
    if not args:
        print(__doc__)
        return 2
    site = load_site(root)
    if args[0] in {"extract", "update"}:
        if args[0] == "extract":
            path = root / LOCALES_DIR / "messages.pot"
            _write(template(site), path)
            print(f"wrote {path.relative_to(root)}")
        else:
            for path in update(site):
                print(f"wrote {path.relative_to(root)}")
        return 0
    if args[0] == "new" and len(args) == 2:
        for line in new_locale(site, args[1]):
            print(line)
        return 0
    if args[0] == "export-json" and len(args) >= 2:
        import json

        data = export_json(site, args[1], args[2:])
        print(json.dumps(data, ensure_ascii=False, indent=1))
        return 0
    if args[0] == "import-json" and len(args) == 3:
        import json

        entries = json.loads(Path(args[2]).read_text(encoding="utf-8"))
        filled, skipped = import_json(site, args[1], entries)
        print(f"filled {filled} translations; skipped {len(skipped)}")
        for ctx in skipped[:20]:
            print(f"  skipped {ctx} (unknown context, changed English or empty translation)")
        return 0
    if args[0] == "report":
        from .catalogs import load_catalog

        texts = data_texts(site)
        status = 0
        for loc in site.locales.locales:
            if loc.code == site.locales.source_locale:
                continue
            cov = coverage(texts, loc.code, load_catalog(site, loc.code))
            print(f"{loc.code} ({loc.english_name}): {cov.translated} translated, "
                  f"{cov.outdated} outdated, {cov.missing} missing of {cov.total} "
                  f"({cov.percent:.0f}%)")
            for page, (t, o, m) in sorted(cov.by_page.items()):
                print(f"    {page:<18} {t:>4} translated {o:>4} outdated {m:>4} missing")
            if loc.complete and (cov.outdated or cov.missing):
                print(f"error: {loc.code} is marked complete but has {cov.outdated} outdated "
                      f"and {cov.missing} missing strings", file=sys.stderr)
                status = 1
        return status
    print(__doc__)
    return 2


# ---------------------------------------------------------------------------------------------
# Batch work for machine-assisted first drafts: export untranslated entries as JSON, import them
# ---------------------------------------------------------------------------------------------


def export_json(site: SiteData, code: str, prefixes: list[str], only_todo: bool = True
                ) -> dict[str, dict[str, str | bool]]:
    """Entries of a locale as {context: {"en", "tr", "markdown"}} (untranslated ones by default)."""
    from .catalogs import load_catalog

    cat = load_catalog(site, code)
    have = {str(m.context): m for m in cat if m.id and m.context} if cat else {}
    out: dict[str, dict[str, str | bool]] = {}
    for item in data_texts(site).values():
        if prefixes and not item.context.startswith(tuple(prefixes)):
            continue
        msg = have.get(item.context)
        done = bool(msg and msg.string and not msg.fuzzy and str(msg.id) == item.english)
        if only_todo and done:
            continue
        out[item.context] = {"en": item.english, "tr": str(msg.string) if msg and msg.string
                             else "", "markdown": item.markdown}
    return out


def import_json(site: SiteData, code: str, entries: dict[str, dict[str, str]]
                ) -> tuple[int, list[str]]:
    """Fill translations from {context: {"en", "tr"}}; skip entries whose English changed."""
    from .catalogs import check_catalog

    path = po_path(site.root, code)
    cat = read_catalog(path, site.root, code)
    by_ctx = {str(m.context): m for m in cat if m.id and m.context}
    filled, skipped = 0, []
    for ctx, entry in entries.items():
        msg = by_ctx.get(ctx)
        if msg is None or str(msg.id) != entry.get("en") or not entry.get("tr"):
            skipped.append(ctx)
            continue
        msg.string = entry["tr"]
        msg.flags.discard("fuzzy")
        msg.previous_id = []
        filled += 1
    problems = check_catalog(cat, path.relative_to(site.root).as_posix())
    if problems:
        raise DataError(problems)
    _write(cat, path)
    return filled, skipped
