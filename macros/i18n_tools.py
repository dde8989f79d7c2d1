"""Translator tooling: extract the template, update catalogues, add a locale, report coverage.

``python -m macros i18n extract``  writes ``locales/messages.pot`` from every translatable string
``python -m macros i18n update``   also updates every ``locales/<code>.po``: new strings are
                                   added empty; a string whose English changed keeps its old
                                   translation marked *fuzzy* (outdated) with the previous English.
                                   ``--check``: fail if that would change a file (CI runs it)
``python -m macros i18n release-check``  what each locale marked complete still needs
``python -m macros i18n new CODE`` scaffolds a locale (data/locales.yml entry + catalogue)
``python -m macros i18n report``   prints translated / outdated / missing per locale and page
``python -m macros i18n export-json CODE [PREFIX ...]``  untranslated entries as JSON
                                   (``--priority``: only those the priority pages and every
                                   page use)
``python -m macros i18n import-json CODE FILE``          fill translations from such a JSON file
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

from babel import Locale as BabelLocale
from babel.core import get_global
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import normalize, write_po

from .catalogs import LOCALES_DIR, po_path
from .errors import DataError, Problem
from .i18n import REVIEWED, read_catalog
from .load import SiteData, load_site
from .texts import data_texts

PROJECT = "ITIN Privacy Guide"

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


def _serialize(cat: Catalog) -> bytes:
    """The catalogue as PO text. The previous English of an outdated entry is written as
    standard ``#| msgid`` lines here: Babel's own writer re-wraps long ones into comments that
    no reader (Babel included) can parse back, so ``make i18n`` would not be a no-op."""
    buf = io.BytesIO()
    write_po(buf, cat, width=100, include_previous=False, sort_output=False, omit_header=False)
    text = buf.getvalue().decode("utf-8")
    for msg in cat:
        if not (msg.previous_id and msg.context):
            continue
        lines = normalize(str(msg.previous_id[0]), width=100).splitlines()
        previous = "".join(f"#| {'msgid ' if i == 0 else ''}{line}\n"
                           for i, line in enumerate(lines))
        anchor = f"msgctxt {normalize(str(msg.context), width=100)}\n"
        text = text.replace(anchor, previous + anchor, 1)
    return text.encode("utf-8")


def _write(cat: Catalog, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(_serialize(cat))


def merged(site: SiteData, code: str, old: Catalog | None) -> Catalog:
    """The locale's catalogue brought up to date with the current English."""
    loc = site.locale(code)
    cat = Catalog(locale=code, project=PROJECT, version="1", charset="utf-8", fuzzy=False,
                  creation_date=dt.datetime(2025, 1, 1),
                  language_team=f"{loc.english_name} volunteers")
    previous: dict[str, tuple[str, str, bool, list[str]]] = {}
    reviewed: set[str] = set()  # entries a reviewer marked `#, reviewed`
    notes: dict[str, list[str]] = {}  # translators' comments (`# term: ...`) stay
    if old is not None:
        for msg in old:
            if msg.id and msg.context:
                previous[str(msg.context)] = (str(msg.id), str(msg.string or ""), msg.fuzzy,
                                              list(msg.previous_id or []))
                if REVIEWED in msg.flags and not msg.fuzzy:
                    reviewed.add(str(msg.context))
                if msg.user_comments:
                    notes[str(msg.context)] = list(msg.user_comments)
    for item in data_texts(site).values():
        comments = ["Markdown allowed: *emphasis*, **strong**, [links](https://...), lists."] \
            if item.markdown else []
        before = previous.pop(item.context, None)
        if before is None:
            cat.add(item.english, "", locations=[(item.ref, None)], context=item.context,
                    auto_comments=comments)
        elif before[0] == item.english:
            # Unchanged English: keep the entry as it is (an outdated one keeps its old English;
            # a reviewed one stays reviewed).
            flags = ["fuzzy"] if before[2] else [REVIEWED] if item.context in reviewed else []
            cat.add(item.english, before[1], locations=[(item.ref, None)], context=item.context,
                    auto_comments=comments, flags=flags, user_comments=notes.get(item.context, []),
                    previous_id=before[3] if before[2] else [])
        else:
            # The English changed: keep the old translation, but mark it outdated (and no
            # longer reviewed).
            cat.add(item.english, before[1], locations=[(item.ref, None)], context=item.context,
                    auto_comments=comments, flags=["fuzzy"] if before[1] else [],
                    user_comments=notes.get(item.context, []),
                    previous_id=before[0] if before[1] else [])
    # Strings whose data entry is gone stay at the end as obsolete (#~) for reference.
    for context, (msgid, msgstr, _fuzzy, _prev) in previous.items():
        if msgstr:
            cat.obsolete[(msgid, context)] = Message(msgid, msgstr, context=context)
    # ...and those already obsolete stay too, so a second run changes nothing.
    if old is not None:
        current = {item.context for item in data_texts(site).values()}
        for key, msg in old.obsolete.items():
            if msg.context not in current and key not in cat.obsolete:
                cat.obsolete[key] = msg
    return cat


def catalogues(site: SiteData) -> dict[Path, bytes]:
    """What ``update`` writes: the template and every locale's catalogue, brought up to date."""
    out = {site.root / LOCALES_DIR / "messages.pot": _serialize(template(site))}
    for loc in site.locales.locales:
        if loc.code == site.locales.source_locale:
            continue
        path = po_path(site.root, loc.code)
        old = read_catalog(path, site.root, loc.code) if path.exists() else None
        out[path] = _serialize(merged(site, loc.code, old))
    return out


def update(site: SiteData) -> list[Path]:
    """Write the template and every catalogue (only the files whose text changes)."""
    written = []
    for path, data in catalogues(site).items():
        if not path.exists() or path.read_bytes() != data:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            written.append(path)
    return written


def stale_catalogues(site: SiteData) -> list[str]:
    """Catalogues that ``make i18n`` would change (empty on a current checkout)."""
    return sorted(path.relative_to(site.root).as_posix()
                  for path, data in catalogues(site).items()
                  if not path.exists() or path.read_bytes() != data)


def release_problems(site: SiteData) -> list[str]:
    """What each locale marked ``complete`` still needs before a release, page by page."""
    from .coverage import coverage_by_locale
    from .site import Site

    full = site if isinstance(site, Site) else Site.load(site.root)
    out = []
    for loc, cov in coverage_by_locale(full):
        if not loc.complete or not (cov.outdated or cov.missing):
            continue
        out.append(f"{loc.code}: {cov.missing} missing and {cov.outdated} outdated strings "
                   f"(locales/{loc.code}.po)")
        for page_id, (_t, o, m, _r) in sorted(cov.by_page.items()):
            if o or m:
                out.append(f"{loc.code}:   {page_id}: {m} missing, {o} outdated")
    return out


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
    likely = get_global("likely_subtags").get(code, code).split("_")
    og_locale = f"{likely[0]}_{likely[-1]}" if len(likely) > 1 else f"{code}_{code.upper()}"
    entry = (
        f"  - code: {code}\n"
        f"    og_locale: {og_locale}\n"
        f"    name: {name}\n"
        f"    english_name: {english}\n"
        f"    dir: {direction}\n"
        f"    theme_language: {theme_language}\n"
        f"    complete: false\n"
        f"    draft: true\n"
        f"    review:\n"
        f"      state: machine-assisted\n"
    )
    path = site.root / "data" / "locales.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.rstrip("\n") + "\n" + entry, encoding="utf-8")
    site = load_site(site.root)
    po = po_path(site.root, code)
    _write(merged(site, code, None), po)
    from .config import write as write_config

    written = write_config(site)
    # The production server's per-locale rules (each locale's 404 page) follow the locales.
    from .publish.headers import locale_prefixes, nginx_site

    conf = site.root / "deploy" / "nginx.conf"
    if conf.exists():
        conf.write_text(nginx_site(locale_prefixes(site.root)), encoding="utf-8")
        written.append(conf)
    done = [f"added {code} ({name}, {english}, {direction}) to data/locales.yml",
            *(f"wrote {p.name}" for p in written),
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
    if args[0] == "update" and "--check" in args:
        stale = stale_catalogues(site)
        for rel in stale:
            print(f"error: {rel} is not up to date with the English: run `make i18n`",
                  file=sys.stderr)
        if not stale:
            print("catalogues are up to date")
        return 1 if stale else 0
    if args[0] == "release-check":
        problems = release_problems(site)
        for line in problems:
            print(line)
        if not problems:
            print("every locale marked complete is fully translated")
        return 1 if problems else 0
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

        rest = [a for a in args[2:] if a != "--priority"]
        data = export_json(site, args[1], rest, priority="--priority" in args)
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
        from .coverage import coverage_by_locale
        from .site import Site

        for loc, cov in coverage_by_locale(Site.load(root)):
            print(f"{loc.code} ({loc.english_name}): {cov.translated} translated, "
                  f"{cov.outdated} outdated, {cov.missing} missing of {cov.total} "
                  f"({cov.percent:.0f}%)")
            for page, (t, o, m, r) in sorted(cov.by_page.items()):
                print(f"    {page:<18} {t:>4} translated {o:>4} outdated {m:>4} missing "
                      f"{r:>4} reviewed")
        return 0
    print(__doc__)
    return 2


# ---------------------------------------------------------------------------------------------
# Batch work for machine-assisted first drafts: export untranslated entries as JSON, import them
# ---------------------------------------------------------------------------------------------


def priority_contexts(site: SiteData) -> set[str]:
    """The texts a locale must translate first: those of the pages marked ``priority`` and
    those every page shows (menu, notices, footer: texts no page body uses)."""
    from .coverage import page_usage
    from .site import Site

    full = site if isinstance(site, Site) else Site.load(site.root)
    usage = page_usage(full)
    used = set().union(*usage.values())
    wanted = {c for p in full.pages.values() if p.meta.priority for c in usage[p.id]}
    return wanted | {c for c in full.texts if c not in used}


def export_json(site: SiteData, code: str, prefixes: list[str], only_todo: bool = True,
                priority: bool = False) -> dict[str, dict[str, str | bool]]:
    """Entries of a locale as {context: {"en", "tr", "markdown"}} (untranslated ones by default;
    with ``priority``, only the texts of :func:`priority_contexts`)."""
    from .catalogs import load_catalog

    keep = priority_contexts(site) if priority else None

    cat = load_catalog(site, code)
    have = {str(m.context): m for m in cat if m.id and m.context} if cat else {}
    out: dict[str, dict[str, str | bool]] = {}
    for item in data_texts(site).values():
        if prefixes and not item.context.startswith(tuple(prefixes)):
            continue
        if keep is not None and item.context not in keep:
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
        if msg.string != entry["tr"]:
            msg.flags.discard(REVIEWED)  # a new draft needs a new review
        msg.string = entry["tr"]
        msg.flags.discard("fuzzy")
        msg.previous_id = []
        filled += 1
    problems = check_catalog(cat, path.relative_to(site.root).as_posix())
    if problems:
        raise DataError(problems)
    _write(cat, path)
    return filled, skipped
