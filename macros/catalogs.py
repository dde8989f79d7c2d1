"""Load each locale's PO catalogue and check it against the English sources.

A catalogue that is malformed, duplicates an entry, or whose translation drops or adds a
``{placeholder}`` stops the build with ``file:line`` messages. So does a file that starts with a
byte-order mark, a header declaring a charset other than UTF-8, and a translation that is only
white space or invisible characters, links anywhere but https://, mailto:, #anchors or site
pages, or holds a bidirectional control character.

Bidirectional controls in translations: never the embeddings and overrides (U+202A-U+202E, the
"Trojan Source" characters, superseded by isolates). In a right-to-left locale (``dir: rtl`` in
data/locales.yml, e.g. ar) the marks U+200E/U+200F and the isolates U+2066-U+2069 are
legitimate (they keep an embedded English term, number or citation, and the punctuation next to
it, in the right order), provided every isolate opened (LRI, RLI, FSI) is closed by a PDI in the
same translation. In left-to-right locales none is allowed, as in the English source.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from babel.messages.catalog import Catalog, Message

from .errors import DataError, Problem
from .i18n import Translator, placeholders, read_catalog
from .load import SiteData
from .models import link_problem
from .yamlsrc import text_problem

LOCALES_DIR = "locales"


def po_path(root: Path, code: str) -> Path:
    return root / LOCALES_DIR / f"{code}.po"


RTL_BIDI = "\u200e\u200f\u2066\u2067\u2068\u2069"
_OPEN_ISOLATES = "\u2066\u2067\u2068"
_PDI = "\u2069"


def _isolates_problem(text: str) -> str | None:
    depth = 0
    for i, ch in enumerate(text):
        if ch in _OPEN_ISOLATES:
            depth += 1
        elif ch == _PDI:
            if depth == 0:
                return (f"U+2069 (pop directional isolate) at character {i + 1} closes no "
                        "isolate")
            depth -= 1
    if depth:
        return ("a directional isolate (U+2066-U+2068) is not closed by U+2069 in this "
                "translation")
    return None


def _text_problems(msg: Message, rel: str, direction: str) -> list[Problem]:
    """The text rules of data/ (yamlsrc.text_problem), links included, for one translation."""
    strings = msg.string if isinstance(msg.string, tuple | list) else (msg.string,)
    out = []
    for value in strings:
        if not value:
            continue
        text = str(value)
        problem = text_problem(text, RTL_BIDI if direction == "rtl" else "")
        if problem is None and direction == "rtl":
            problem = _isolates_problem(text)
        if problem is None:
            problem = link_problem(text)
        if problem:
            out.append(Problem(rel, msg.lineno or None, str(msg.context or ""),
                               f"translation: {problem}"))
    return out


def check_catalog(catalog: Catalog, rel: str, direction: str | None = None) -> list[Problem]:
    """Placeholders in each translation must match its English source exactly, and its text
    follows the rules of the English source (see the module's docstring). ``direction``
    (ltr/rtl) defaults to the catalogue's language's."""
    if direction is None:
        direction = catalog.locale.text_direction if catalog.locale else "ltr"
    problems = []
    for msg in catalog:
        if not msg.id or not msg.string or msg.fuzzy:
            continue
        problems.extend(_text_problems(msg, rel, direction))
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
    """The catalogue of ``code`` (None for the source locale); read and checked once per
    loaded site (callers only read it)."""
    if code == site.locales.source_locale:
        return None
    cache = site.__dict__.setdefault("_catalogs", {})
    if code not in cache:
        cache[code] = _load_catalog(site, code)
    return cache[code]


def _load_catalog(site: SiteData, code: str) -> Catalog:
    path = po_path(site.root, code)
    rel = path.relative_to(site.root).as_posix()
    if not path.exists():
        raise DataError([Problem(rel, None, "", f"catalogue for locale {code!r} is missing "
                                 "(run: make locale-new LOCALE=" + code + ")")])
    problems = file_problems(path, rel)
    if problems:
        raise DataError(problems)
    catalog = read_catalog(path, site.root, code)
    problems = check_catalog(catalog, rel, site.locale(code).dir)
    if problems:
        raise DataError(problems)
    return catalog


_CHARSET = re.compile(r'^(?:msgstr\s+)?"Content-Type:[^"]*?charset=([^"\s;\\]+)', re.IGNORECASE)


def file_problems(path: Path, rel: str) -> list[Problem]:
    """What is wrong with a PO file as a file: a byte-order mark, or a header that declares a
    charset other than UTF-8 (Babel would decode the file with it: mojibake, silently)."""
    raw = path.read_bytes()
    if raw.startswith(codecs.BOM_UTF8):
        return [Problem(rel, 1, "", "starts with a byte-order mark (BOM): save the file as "
                        "UTF-8 without a BOM")]
    text = raw.decode("utf-8", errors="replace")
    for lineno, line in enumerate(text.splitlines(), start=1):
        found = _CHARSET.match(line.strip())
        if found:
            charset = found.group(1)
            if charset.lower().replace("_", "-") not in {"utf-8", "utf8"}:
                return [Problem(rel, lineno, "", f"the header declares charset {charset!r}: "
                                "catalogues must be UTF-8 (\"Content-Type: text/plain; "
                                "charset=UTF-8\")")]
            break
        if lineno > 40 and line.startswith("msgctxt"):  # past the header
            break
    return []


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
