"""``python -m macros check``: everything except rendering, in seconds, with ``file:line``.

- ``data/`` and ``docs/`` front matter load and validate (``load.py``, ``pages.py``);
- every catalogue loads; every locale's titles and site name are safe for the theme;
- both tools compile (``decision.py``);
- the generated locale configuration files are current (``config.py``);
- every page has its body partial and every body partial its page;
- every string key the templates and the code use exists in ``data/strings.yml``, and every
  key there is used (a key built from a prefix, ``t('lawsuits.stage.' ~ stage)``, counts for
  every key under that prefix).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from . import config
from .catalogs import load_translators
from .errors import DataError, Problem
from .site import Site
from .words import Words

TEMPLATES = ("overrides",)
CODE = ("macros",)
# t('key'), plain("key"), d('context'), d_plain(...), theme_text(...) with a literal first part;
# a concatenation (~ or an f-string placeholder) makes the literal a prefix.
_CALL = re.compile(r"(?<!lang\.)(?<!\w)(t|plain|theme_text|d|d_plain)"
                   r"""\(\s*f?(['"])([A-Za-z0-9_.\-]*)(\{?)""")
_CONCAT = re.compile(r"""^\s*[~+]""")
# ('yes', 'request-checker.yes') pairs in a template loop
_KEY_IN_LIST = re.compile(r"""\(\s*'[a-z-]+'\s*,\s*'([a-z][a-z0-9_\-]*\.[a-z0-9_.\-]+)'\s*\)""")
# A key written as a whole string literal in the code (passed on to a lookup later)
_LITERAL = re.compile(r"""["']([a-z][a-z0-9_\-]*(?:\.[a-z0-9_\-]+)+)["']""")


@dataclass(frozen=True)
class Use:
    key: str
    prefix: bool  # the key is only the start of the real key
    file: str
    line: int
    kind: str  # "string" (t/plain/theme_text), "text" (d/d_plain: any context) or
    #            "literal" (a whole string in the code that may be a key: counts as a use only)


def uses(root: Path) -> list[Use]:
    """Every literal string key (or key prefix) used by a template or the code."""
    out: list[Use] = []
    files = [p for d in TEMPLATES for p in (root / d).rglob("*.html")]
    files += [p for d in CODE for p in (root / d).rglob("*.py") if p.name != "checks.py"]
    for path in sorted(files):
        rel = path.relative_to(root).as_posix()
        text = path.read_text(encoding="utf-8")
        for m in _CALL.finditer(text):
            func, quote, key, brace = m.groups()
            if not key:
                continue
            end = m.end(3)
            closed = text[end:end + 1] == quote
            after = text[end + 1:]
            prefix = bool(brace) or not closed or bool(_CONCAT.match(after))
            line = text.count("\n", 0, m.start()) + 1
            kind = "text" if func in {"d", "d_plain"} else "string"
            out.append(Use(key, prefix, rel, line, kind))
        for m in _KEY_IN_LIST.finditer(text):
            line = text.count("\n", 0, m.start()) + 1
            out.append(Use(m.group(1), False, rel, line, "string"))
        if path.suffix == ".py":
            for m in _LITERAL.finditer(text):
                line = text.count("\n", 0, m.start()) + 1
                out.append(Use(m.group(1), False, rel, line, "literal"))
    return out


def key_problems(site: Site, root: Path) -> list[Problem]:
    keys = set(site.strings) | {c for c in site.texts if c.startswith("page.")}
    contexts = set(site.texts)
    problems = []
    used_exact: set[str] = set()
    prefixes: set[str] = set()
    for u in uses(root):
        if u.kind == "literal":
            used_exact.add(u.key)
            continue
        known = keys if u.kind == "string" else contexts
        if u.prefix:
            prefixes.add(u.key)
            if not any(k.startswith(u.key) for k in known):
                problems.append(Problem(u.file, u.line, u.key, "no string key starts with this "
                                        "(data/strings.yml)"))
        else:
            used_exact.add(u.key)
            if u.key not in known:
                problems.append(Problem(u.file, u.line, u.key, "unknown string key (not in "
                                        "data/strings.yml)" if u.kind == "string" else
                                        "no translatable text has this context"))
    for key in sorted(site.strings):
        if key in used_exact or any(key.startswith(p) for p in prefixes):
            continue
        problems.append(Problem("data/strings.yml", None, key, "string not used by any "
                                "template or code: remove it"))
    return problems


def page_problems(site: Site, root: Path) -> list[Problem]:
    partials = root / "overrides" / "partials" / "app" / "pages"
    problems = []
    for page in site.pages.values():
        if not (partials / f"{page.id}.html").exists():
            problems.append(Problem(page.file, None, "", f"no body: expected "
                                    f"overrides/partials/app/pages/{page.id}.html"))
        for kind in ("css", "js"):
            name = getattr(page.meta, kind)
            if name and not (root / "overrides" / "assets" / "app" / f"{name}.{kind}").exists():
                problems.append(Problem(page.file, None, kind, f"overrides/assets/app/{name}."
                                        f"{kind} does not exist"))
    for path in sorted(partials.glob("*.html")):
        if path.stem not in site.pages:
            name = "index" if path.stem == "home" else path.stem
            problems.append(Problem(path.relative_to(root).as_posix(), None, "",
                                    f"a page body without a page: add docs/{name}.md or remove "
                                    "it"))
    return problems


def run_checks(root: Path) -> int:
    import sys

    try:
        site = Site.load(root)
        translators = load_translators(site)
        problems: list[Problem] = []
        for tr in translators.values():
            words = Words(site, tr)
            for key in ["ui.site_name", *(f"page.{p}.{f}" for p in site.pages
                                          for f in ("title", "description"))]:
                try:
                    words.theme_text(key)
                except DataError as exc:
                    problems.extend(exc.problems)
        tree = site.tree
        site.checklists  # noqa: B018 - compiles the request checker (raises on bad data)
        problems += config.problems(site)
        problems += page_problems(site, root)
        problems += key_problems(site, root)
        if problems:
            raise DataError(problems)
    except DataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"tool OK: {len(tree.questions())} questions, {len(tree.anchors)} answer paths, "
          f"{len(tree.outcomes())} distinct answers; request checker: "
          f"{len(site.checklists)} checklists")
    print(f"data OK: {len(site.sources)} sources, {len(site.exceptions)} exceptions, "
          f"{len(site.cases)} cases, {len(site.faq)} questions, {len(site.pages)} pages, "
          f"{len(site.locales.locales)} locales; templates use only known strings")
    return 0
