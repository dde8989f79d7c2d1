"""The one translation lookup, and the gettext PO catalogues behind it.

Every user-visible string has a *context* (a stable id such as ``ui.quick_exit.label`` or
``exceptions.x-6103-i-2.summary``) and an English *source* text. Translations live in
``locales/<code>.po`` as gettext entries: ``msgctxt`` = context, ``msgid`` = English,
``msgstr`` = translation. A translation is used only when its entry exists, is not fuzzy and its
``msgid`` equals the current English text; otherwise the English text is shown, marked
``lang="en"``, with a visible "not yet translated" notice on its section and the page's
English share in the page notice (``fallback.py``). There is no silent fallback.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError, denormalize, read_po
from markupsafe import Markup, escape

from .bidi import isolate_citations
from .errors import DataError, Problem
from .safe_markdown import render_markdown, strip_markdown

_PO_LINE = re.compile(
    r'^(?:(?:msgctxt|msgid|msgid_plural|msgstr|msgstr\[\d+\])\s+)?"(?:[^"\\]|\\.)*"$'
)
PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")
# A reviewer marks an entry checked with this PO flag (`#, reviewed`); `make i18n` drops it when
# the English changes, and importing a new draft drops it (coverage.py counts it by page).
REVIEWED = "reviewed"


def placeholders(text: str) -> Counter[str]:
    """The ``{name}`` placeholders in a string, with their counts."""
    return Counter(PLACEHOLDER.findall(text))


@dataclass
class Lookup:
    """The result of looking up one string."""

    text: str
    lang: str
    fallback: bool
    outdated: bool = False


class Translator:
    """Looks strings up for one locale; English is the source language."""

    def __init__(
        self,
        locale: str,
        source_locale: str,
        strings: dict[str, str],
        catalog: Catalog | None,
        *,
        direction: str = "ltr",
    ) -> None:
        self.locale = locale
        self.source_locale = source_locale
        self.strings = strings
        self.direction = direction
        self._entries: dict[str, tuple[str, str, bool]] = {}
        if catalog is not None:
            for msg in catalog:
                if not msg.id or not msg.context:
                    continue
                self._entries[msg.context] = (str(msg.id), str(msg.string or ""), msg.fuzzy)
        # Called with (lookup, context) after every lookup (Words records usage with it).
        self.on_lookup: Callable[[Lookup, str], None] = lambda found, context: None

    # -- lookup ----------------------------------------------------------------------------------

    def lookup(self, context: str, english: str) -> Lookup:
        """Find the translation of ``english`` under ``context``; fall back visibly."""
        found = self._find(context, english)
        self.on_lookup(found, context)
        return found

    def _find(self, context: str, english: str) -> Lookup:
        if self.locale == self.source_locale:
            return Lookup(english, self.locale, False)
        entry = self._entries.get(context)
        if entry and entry[1] and not entry[2] and entry[0] == english:
            return Lookup(entry[1], self.locale, False)
        outdated = bool(entry and entry[1])
        return Lookup(english, self.source_locale, True, outdated)

    def source(self, key: str) -> str:
        """The English text of a key in ``data/strings.yml``."""
        try:
            return self.strings[key]
        except KeyError:
            raise DataError(
                [Problem("data/strings.yml", None, key, "string key used but not defined")]
            ) from None

    # -- rendering helpers (all return escaped HTML) ----------------------------------------------

    def _wrap(self, found: Lookup, html: Markup, *, block: bool) -> Markup:
        """English shown in place of a missing or outdated translation: marked with its
        language (one notice per section is added around it: ``fallback.py``)."""
        if not found.fallback:
            return html
        tag = "div" if block else "span"
        state = "outdated" if found.outdated else "missing"
        return Markup(f'<{tag} lang="{found.lang}" dir="ltr" data-app-untranslated="{state}">'
                      f"{html}</{tag}>")

    @staticmethod
    def _fill(template: Markup, params: dict[str, object]) -> Markup:
        def repl(m: re.Match[str]) -> str:
            name = m.group(1)
            if name not in params:
                return m.group(0)
            return str(escape(params[name]))

        return Markup(PLACEHOLDER.sub(repl, str(template)))

    def text(self, context: str, english: str, **params: object) -> Markup:
        """Plain text, escaped, marked when untranslated."""
        found = self.lookup(context, english)
        html = isolate_citations(self._fill(escape(found.text), params))
        return self._wrap(found, html, block=False)

    def markdown(self, context: str, english: str, *, inline: bool = False,
                 **params: object) -> Markup:
        """Safe-Markdown text rendered to HTML, marked when untranslated."""
        found = self.lookup(context, english)
        html = isolate_citations(self._fill(render_markdown(found.text, inline=inline), params))
        return self._wrap(found, html, block=not inline)

    def plain(self, key: str, **params: object) -> str:
        """Unmarked plain text for attributes, titles and meta tags (still looked up)."""
        english = self.source(key)
        found = self.lookup(key, english)
        value = strip_markdown(found.text) if key.endswith("_md") else found.text
        for name, val in params.items():
            value = value.replace("{" + name + "}", str(val))
        return value

    def t(self, key: str, **params: object) -> Markup:
        """Look up a key of ``data/strings.yml``: Markdown if the key ends in ``_md``."""
        english = self.source(key)
        if key.endswith("_md"):
            return self.markdown(key, english, **params)
        return self.text(key, english, **params)


# ---------------------------------------------------------------------------------------------
# Catalogue files
# ---------------------------------------------------------------------------------------------


def read_catalog(path: Path, root: Path, locale: str) -> Catalog:
    """Read one PO file strictly: syntax errors and duplicate entries name the file and line."""
    rel = path.relative_to(root).as_posix()
    raw = path.read_bytes()
    # Babel merges duplicate entries silently; find them first so the build can stop.
    problems: list[Problem] = []
    first_line: dict[str, int] = {}
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataError([Problem(rel, None, "", f"not valid UTF-8 ({exc.reason})")]) from None
    for lineno, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped and not stripped.startswith("#") and not _PO_LINE.match(stripped):
            problems.append(Problem(rel, lineno, "", "invalid PO syntax: expected a keyword "
                                    "(msgctxt, msgid, msgstr) followed by a quoted string, or "
                                    "a quoted continuation line"))
        if stripped.startswith("msgctxt "):
            ctx = stripped[8:].strip().strip('"')
            if ctx in first_line:
                problems.append(Problem(rel, lineno, ctx,
                                        f"duplicate entry (first at line {first_line[ctx]})"))
            else:
                first_line[ctx] = lineno
    if problems:
        raise DataError(problems)
    try:
        with path.open("rb") as fh:
            catalog = read_po(fh, locale=locale, abort_invalid=True)
    except PoFileError as exc:
        msg = str(exc)
        m = re.search(r"line (\d+)", msg)
        line = int(m.group(1)) if m else None
        raise DataError([Problem(rel, line, "", f"invalid PO syntax: {msg}")]) from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise DataError([Problem(rel, None, "", f"cannot read catalogue: {exc}")]) from None
    _read_previous(text, catalog)
    return catalog


def _read_previous(text: str, catalog: Catalog) -> None:
    """The previous English of outdated entries (``#| msgid`` lines), which Babel's reader
    takes for user comments: set it as ``previous_id``, as gettext tools do."""
    by_context = {str(m.context): m for m in catalog if m.id and m.context}
    for block in text.split("\n\n"):
        lines = [line.strip() for line in block.splitlines()]
        previous = [line[3:] for line in lines if line.startswith("#| ")]
        context = next((line[8:] for line in lines if line.startswith("msgctxt ")), None)
        if not previous or context is None or not previous[0].startswith("msgid "):
            continue
        msg = by_context.get(denormalize(context))
        if msg is None:
            continue
        msg.previous_id = [denormalize("\n".join([previous[0][6:], *previous[1:]]))]
        msg.user_comments = [c for c in msg.user_comments if not c.startswith("|")]

