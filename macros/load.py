"""Read every file in ``data/`` once, validate it, and resolve cross-references by id.

``load_site(root)`` is the only entry point. It returns a ``SiteData`` or raises ``DataError``
listing every problem found, each as ``file:line: path: what was expected``.

Rules across files checked here (the per-field rules are in ``models.py``, the YAML ones in
``yamlsrc.py``): references resolve; dates are in order (``as_of`` <= ``last_reviewed`` <= the
build date; events and case statuses no later than the site's ``as_of``); every recipient has a
route; and every id that becomes an HTML id (``id="..."``) is unique on the page that shows it
(``_check_html_ids``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from . import models as m
from .errors import DataError, Problem
from .law import cited_path, normalise, paragraphs
from .pages import Page, load_pages
from .yamlsrc import YamlDoc, join, read_yaml


@dataclass
class SiteData:
    """Everything in ``data/``, validated, with lookups by id."""

    root: Path
    site: m.SiteInfo
    sources: dict[str, m.Source]
    recipients: dict[str, m.Term]
    purposes: dict[str, m.Term]
    authorities: dict[str, m.Term]
    statute: m.StatuteFile
    exceptions: dict[str, m.Exception_]
    cases: dict[str, m.Case]
    faq: list[m.FaqEntry]
    glossary: list[m.GlossaryEntry]
    help: list[m.HelpEntry]
    locales: m.LocalesFile
    strings: dict[str, str]
    tools: m.ToolsFile
    scenarios: list[m.Scenario]
    # Where each case came from (for error messages and source references in PO files).
    case_files: dict[str, str] = field(default_factory=dict)
    # The vendored statute texts (data/law/), by file name, and their manifest entries.
    law: dict[str, str] = field(default_factory=dict)
    law_manifest: list[dict[str, Any]] = field(default_factory=list)
    # The pages of docs/ (see pages.py), in menu order.
    pages: dict[str, Page] = field(default_factory=dict)

    def locale(self, code: str) -> m.Locale:
        """The locale entry for ``code`` (raises ``KeyError`` if unknown)."""
        for loc in self.locales.locales:
            if loc.code == code:
                return loc
        raise KeyError(code)


def _loc_to_path(loc: Iterable[Any]) -> str:
    path = ""
    for part in loc:
        # pydantic adds the validator name for Annotated/union branches; keep data keys only.
        if isinstance(part, int):
            path = join(path, part)
        elif isinstance(part, str) and part != "[key]" and not part.startswith(
            ("function-", "constrained-")
        ):
            path = join(path, part)
    return path


def _describe(err: dict[str, Any]) -> str:
    kind = err.get("type", "")
    if kind == "missing":
        return "field required"
    if kind == "extra_forbidden":
        return "unknown key (not allowed here; check the spelling)"
    if kind == "enum":
        expected = err.get("ctx", {}).get("expected", "")
        return f"must be one of {expected}; got {err.get('input')!r}"
    if kind == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        return f"must be one of {expected}; got {err.get('input')!r}"
    if kind == "string_pattern_mismatch":
        pattern = err.get("ctx", {}).get("pattern", "")
        return f"does not match the expected form {pattern}; got {err.get('input')!r}"
    msg = str(err.get("msg", "invalid value"))
    return msg.removeprefix("Value error, ")


def _validate(doc: YamlDoc, model: type[m.Strict]) -> Any:
    if doc.data is None:
        raise DataError([Problem(doc.file, None, "", "file is empty")])
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            path = _loc_to_path(err["loc"])
            problems.append(Problem(doc.file, doc.line_of(path), path, _describe(err)))
        raise DataError(problems) from None


class _Checker:
    """Collects cross-reference problems so the build reports all of them at once."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def need(self, ok: bool, doc: YamlDoc, path: str, message: str) -> None:
        if not ok:
            self.problems.append(Problem(doc.file, doc.line_of(path), path, message))

    def unique(self, items: list[Any], doc: YamlDoc, list_path: str, what: str) -> dict[str, Any]:
        seen: dict[str, Any] = {}
        for i, item in enumerate(items):
            self.need(item.id not in seen, doc, join(join(list_path, i), "id"),
                      f"duplicate {what} id {item.id!r}")
            seen.setdefault(item.id, item)
        return seen

    def refs(self, ids: list[str], known: dict[str, Any], doc: YamlDoc, path: str,
             file: str) -> None:
        for i, ref in enumerate(ids):
            self.need(ref in known, doc, join(path, i), f"unknown id {ref!r} (not in {file})")


def load_site(root: Path) -> SiteData:
    """Load and validate all of ``root/data``; raise ``DataError`` naming every problem."""
    data_dir = root / "data"
    docs: dict[str, YamlDoc] = {}
    parsed: dict[str, Any] = {}
    problems: list[Problem] = []

    def read(name: str, model: type[m.Strict]) -> None:
        path = data_dir / name
        rel = path.relative_to(root).as_posix()
        if not path.exists():
            problems.append(Problem(rel, None, "", "file is missing"))
            return
        try:
            doc = read_yaml(path, root)
            docs[name] = doc
            parsed[name] = _validate(doc, model)
        except DataError as exc:
            problems.extend(exc.problems)

    for name, model in m.FILE_MODELS.items():
        if "*" not in name:
            read(name, model)
    case_names = sorted(p.relative_to(data_dir).as_posix() for p in (data_dir / "cases").glob("*"))
    for name in case_names:
        if not name.endswith(".yml"):
            problems.append(Problem(f"data/{name}", None, "", "unexpected file (cases are .yml)"))
            continue
        read(name, m.CaseFile)
    if problems:
        raise DataError(problems)

    c = _Checker()
    sources = c.unique(parsed["sources.yml"].sources, docs["sources.yml"], "sources", "source")
    recipients = c.unique(parsed["recipients.yml"].recipients, docs["recipients.yml"],
                          "recipients", "recipient")
    purposes = c.unique(parsed["purposes.yml"].purposes, docs["purposes.yml"], "purposes",
                        "purpose")
    authorities = c.unique(parsed["authorities.yml"].authorities, docs["authorities.yml"],
                           "authorities", "authority")
    src_file = "data/sources.yml"

    info: m.SiteInfo = parsed["site.yml"].site
    c.need(info.as_of <= info.last_reviewed, docs["site.yml"], "site.last_reviewed",
           f"last reviewed {info.last_reviewed} is before the as-of date {info.as_of}: "
           "as_of <= last_reviewed <= the build date")
    for i, kp in enumerate(parsed["site.yml"].site.key_points):
        c.refs(kp.sources, sources, docs["site.yml"], f"site.key_points[{i}].sources", src_file)

    statute: m.StatuteFile = parsed["statute.yml"]
    sdoc = docs["statute.yml"]
    c.refs(statute.general_rule.sources, sources, sdoc, "general_rule.sources", src_file)
    c.unique(statute.definitions, sdoc, "definitions", "definition")
    c.unique(statute.penalties, sdoc, "penalties", "penalty")
    for key in ("definitions", "penalties"):
        for i, item in enumerate(getattr(statute, key)):
            c.refs(item.sources, sources, sdoc, f"{key}[{i}].sources", src_file)

    # Cases first: exceptions' court readings point at them.
    cases: dict[str, m.Case] = {}
    case_files: dict[str, str] = {}
    for name in case_names:
        case: m.Case = parsed[name].case
        doc = docs[name]
        c.need(case.id not in cases, doc, "case.id", f"duplicate case id {case.id!r}")
        c.need(Path(name).stem == case.id, doc, "case.id",
               f"case id {case.id!r} must match the file name {Path(name).stem!r}")
        cases.setdefault(case.id, case)
        case_files[case.id] = doc.file
        c.refs(case.sources, sources, doc, "case.sources", src_file)
        c.refs(case.status.sources, sources, doc, "case.status.sources", src_file)
        events = c.unique(case.events, doc, "case.events", "event")
        for i, ev in enumerate(case.events):
            c.refs(ev.sources, sources, doc, f"case.events[{i}].sources", src_file)
            c.need(ev.date <= parsed["site.yml"].site.as_of.isoformat(), doc,
                   f"case.events[{i}].date",
                   f"event date {ev.date} is after the site's as-of date "
                   f"{parsed['site.yml'].site.as_of} (data/site.yml)")
        c.need(case.status.as_of <= info.as_of, doc, "case.status.as_of",
               f"status as of {case.status.as_of} is after the site's as-of date {info.as_of} "
               "(data/site.yml)")
        c.need(case.status.latest_event in events, doc, "case.status.latest_event",
               f"unknown event id {case.status.latest_event!r} (not an event of this case)")
        if case.status.latest_event in events and case.events:
            newest = max(ev.date for ev in case.events)
            latest = events[case.status.latest_event]
            c.need(latest.date == newest, doc, "case.status.latest_event",
                   f"status follows event {latest.id!r} ({latest.date}) but the newest event "
                   f"is dated {newest}")
    for name in case_names:
        case = parsed[name].case
        if case.appeal_of is not None:
            c.need(case.appeal_of in cases, docs[name], "case.appeal_of",
                   f"unknown case id {case.appeal_of!r} (not in data/cases/)")

    adoc = docs["authorities.yml"]
    for i, auth in enumerate(parsed["authorities.yml"].authorities):
        c.refs(auth.includes, authorities, adoc, f"authorities[{i}].includes",
               "data/authorities.yml")
    _check_includes_acyclic(c, parsed["authorities.yml"].authorities, adoc)

    edoc = docs["exceptions.yml"]
    exceptions = c.unique(parsed["exceptions.yml"].exceptions, edoc, "exceptions", "exception")
    route_ids: dict[str, str] = {}
    for i, ex in enumerate(parsed["exceptions.yml"].exceptions):
        base = f"exceptions[{i}]"
        conditions = c.unique(ex.conditions, edoc, f"{base}.conditions", "condition")
        readings = c.unique(ex.court_readings, edoc, f"{base}.court_readings", "court reading")
        for j, route in enumerate(ex.routes):
            rbase = f"{base}.routes[{j}]"
            c.need(route.id not in route_ids, edoc, f"{rbase}.id",
                   f"duplicate route id {route.id!r} (also in {route_ids.get(route.id)}); "
                   "route ids are unique across data/exceptions.yml")
            route_ids.setdefault(route.id, ex.id)
            _refs_or_any(c, route.recipients, recipients, edoc, f"{rbase}.recipients",
                         "data/recipients.yml")
            _refs_or_any(c, route.purposes, purposes, edoc, f"{rbase}.purposes",
                         "data/purposes.yml")
            c.need(route.needs in authorities, edoc, f"{rbase}.needs",
                   f"unknown id {route.needs!r} (not in data/authorities.yml)")
            c.refs(route.conditions, conditions, edoc, f"{rbase}.conditions",
                   f"the conditions of {ex.id}")
            c.need(route.when is None or not route.when.rstrip().endswith("."), edoc,
                   f"{rbase}.when", "must not end with a full stop: the tool puts it inside "
                   "a sentence (\"Under …, they could get …, <when>.\")")
        c.refs(ex.sources, sources, edoc, f"{base}.sources", src_file)
        for j, cond in enumerate(ex.conditions):
            c.refs(cond.sources, sources, edoc, f"{base}.conditions[{j}].sources", src_file)
            c.refs(cond.rulings, readings, edoc, f"{base}.conditions[{j}].rulings",
                   f"the court readings of {ex.id}")
        for j, reading in enumerate(ex.court_readings):
            c.refs(reading.sources, sources, edoc, f"{base}.court_readings[{j}].sources",
                   src_file)
            if reading.case is not None:
                c.need(reading.case in cases, edoc, f"{base}.court_readings[{j}].case",
                       f"unknown case id {reading.case!r} (not in data/cases/)")

    named = {r for ex in exceptions.values() for route in ex.routes for r in route.recipients}
    for i, rid in enumerate(recipients):
        c.need(rid in named or m.ANY in named, docs["recipients.yml"], f"recipients[{i}].id",
               f"no route of data/exceptions.yml covers recipient {rid!r} (nor [any]): add its "
               "route or remove it")

    fdoc = docs["faq.yml"]
    c.unique(parsed["faq.yml"].faq, fdoc, "faq", "question")
    for i, q in enumerate(parsed["faq.yml"].faq):
        c.refs(q.sources, sources, fdoc, f"faq[{i}].sources", src_file)
        c.refs(q.related_exceptions, exceptions, fdoc, f"faq[{i}].related_exceptions",
               "data/exceptions.yml")
    gdoc = docs["glossary.yml"]
    c.unique(parsed["glossary.yml"].glossary, gdoc, "glossary", "term")
    for i, g in enumerate(parsed["glossary.yml"].glossary):
        c.refs(g.sources, sources, gdoc, f"glossary[{i}].sources", src_file)
    hdoc = docs["help.yml"]
    c.unique(parsed["help.yml"].help, hdoc, "help", "entry")
    for i, h in enumerate(parsed["help.yml"].help):
        c.refs(h.sources, sources, hdoc, f"help[{i}].sources", src_file)
        if h.phone:
            c.refs(h.phone.sources, sources, hdoc, f"help[{i}].phone.sources", src_file)
        for code in h.localized_urls:
            c.need(code in [loc.code for loc in parsed["locales.yml"].locales], hdoc,
                   f"help[{i}].localized_urls.{code}", f"unknown locale {code!r}")

    ldoc = docs["locales.yml"]
    locales: m.LocalesFile = parsed["locales.yml"]
    codes = [loc.code for loc in locales.locales]
    for i, code in enumerate(codes):
        c.need(codes.index(code) == i, ldoc, f"locales[{i}].code", f"duplicate locale {code!r}")
    c.need(locales.source_locale in codes, ldoc, "source_locale",
           f"source locale {locales.source_locale!r} is not listed under locales")

    wdoc = docs["tools.yml"]
    tools: m.ToolsFile = parsed["tools.yml"]
    ctg = tools.check
    c.refs(ctg.recipients, recipients, wdoc, "check.recipients", "data/recipients.yml")
    c.refs(ctg.authorities, authorities, wdoc, "check.authorities",
           "data/authorities.yml")
    c.need(DONT_KNOW not in authorities, adoc, "authorities",
           f"{DONT_KNOW!r} is reserved for the tool's \"I don't know\" answer")
    for rid, extra in ctg.extra_purposes.items():
        base = f"check.extra_purposes.{rid}"
        c.need(rid in recipients, wdoc, base, f"unknown id {rid!r} (not in data/recipients.yml)")
        c.refs(extra, purposes, wdoc, base, "data/purposes.yml")
    for key in ("context", "next_steps"):
        items = getattr(ctg, key)
        c.unique(items, wdoc, f"check.{key}", "entry")
        for i, g in enumerate(items):
            gbase = f"check.{key}[{i}]"
            _refs_or_any(c, g.recipients, recipients, wdoc, f"{gbase}.recipients",
                         "data/recipients.yml")
            _refs_or_any(c, g.purposes, purposes, wdoc, f"{gbase}.purposes",
                         "data/purposes.yml")
            c.refs(g.cases, cases, wdoc, f"{gbase}.cases", "data/cases/")
            c.refs(g.sources, sources, wdoc, f"{gbase}.sources", src_file)
    c.refs(tools.request_checker.exceptions, exceptions, wdoc, "request_checker.exceptions",
           "data/exceptions.yml")
    for ex_id in tools.request_checker.exceptions:
        ex = exceptions.get(ex_id)
        if ex is None:
            continue
        i = list(exceptions).index(ex_id)
        for j, cond in enumerate(ex.conditions):
            c.need(cond.stage is not None, edoc, f"exceptions[{i}].conditions[{j}]",
                   f"the request checker lists {ex_id}: each of its conditions needs a 'stage' "
                   "(request, disclosure or after)")
    scdoc = docs["scenarios.yml"]
    c.unique(parsed["scenarios.yml"].scenarios, scdoc, "scenarios", "scenario")
    for i, sc in enumerate(parsed["scenarios.yml"].scenarios):
        kinds = [("recipient", recipients), ("purpose", purposes)][: len(sc.answers) - 1]
        for j, (kind, known) in enumerate(kinds):
            c.need(sc.answers[j] in known, scdoc, f"scenarios[{i}].answers[{j}]",
                   f"unknown {kind} {sc.answers[j]!r}")
        last = sc.answers[-1]
        c.need(last in authorities or last == DONT_KNOW, scdoc,
               f"scenarios[{i}].answers[{len(sc.answers) - 1}]",
               f"unknown answer {last!r} to \"what do they have?\" (not in data/authorities.yml"
               f" and not {DONT_KNOW!r})")
        c.refs(sc.expect.routes, route_ids, scdoc, f"scenarios[{i}].expect.routes",
               "the routes of data/exceptions.yml")

    law = load_law(root, c)
    parts = {name: paragraphs(text) for name, text in law.items()}
    for i, sc in enumerate(parsed["scenarios.yml"].scenarios):
        _check_quote(c, parts, sc.decided_by.file, sc.decided_by.paragraph,
                     sc.decided_by.quote, scdoc, f"scenarios[{i}].decided_by.quote")
    def quote(q: m.Quote | None, doc: YamlDoc, path: str, required: bool) -> None:
        if q is None:
            c.need(not required, doc, path, "needs 'quote' (paragraph and the statute's exact "
                   "words) because it cites the statute")
            return
        _check_quote(c, parts, q.file, q.paragraph, q.text, doc, f"{path}.text")

    quote(statute.general_rule.quote, sdoc, "general_rule.quote", True)
    for i, d in enumerate(statute.definitions):
        quote(d.quote, sdoc, f"definitions[{i}].quote", True)
    for i, pen in enumerate(statute.penalties):
        for j, q in enumerate(pen.quotes):
            quote(q, sdoc, f"penalties[{i}].quotes[{j}]", True)
    vendored = {sid for sid, src in sources.items() if src.law_file}
    for sid in sorted(vendored):
        i = list(sources).index(sid)
        c.need(sources[sid].law_file in law, docs["sources.yml"], f"sources[{i}].law_file",
               f"{sources[sid].law_file!r} is not in data/law/manifest.yml")
    for i, ex in enumerate(parsed["exceptions.yml"].exceptions):
        for j, cond in enumerate(ex.conditions):
            quote(cond.quote, edoc, f"exceptions[{i}].conditions[{j}].quote",
                  bool(vendored & set(cond.sources)))
    for i, ex in enumerate(parsed["exceptions.yml"].exceptions):
        for j, route in enumerate(ex.routes):
            file = route.law or "usc-26-6103.txt"
            if route.law and law:
                c.need(route.law in law, edoc, f"exceptions[{i}].routes[{j}].law",
                       f"unknown law file {route.law!r} (not in data/law/manifest.yml)")
            section = parts.get(file, {})
            c.need(not section or route.paragraph in section, edoc,
                   f"exceptions[{i}].routes[{j}].paragraph",
                   f"{route.paragraph} is not a paragraph of the vendored law "
                   f"(data/law/{file})")

    _check_html_ids(c, root, parsed, docs, case_names)

    try:
        pages = load_pages(root)
    except DataError as exc:
        c.problems.extend(exc.problems)
    if c.problems:
        raise DataError(c.problems)

    return SiteData(
        root=root,
        site=parsed["site.yml"].site,
        sources=sources,
        recipients=recipients,
        purposes=purposes,
        authorities=authorities,
        statute=statute,
        exceptions=exceptions,
        cases=cases,
        faq=list(parsed["faq.yml"].faq),
        glossary=list(parsed["glossary.yml"].glossary),
        help=list(parsed["help.yml"].help),
        locales=locales,
        strings=dict(parsed["strings.yml"].strings),
        tools=parsed["tools.yml"],
        scenarios=list(parsed["scenarios.yml"].scenarios),
        case_files=case_files,
        law=law,
        law_manifest=list((read_yaml(root / "data" / "law" / "manifest.yml", root).data or {})
                          .get("files") or []) if law else [],
        pages=pages,
    )


DONT_KNOW = "dont-know"

# Ids the check tool makes (questions q-..., outcomes o-..., answer paths r--...): a data id
# that becomes an HTML id must not start like them.
TOOL_PREFIXES = ("q-", "o-", "r--")


def _static_ids(root: Path) -> set[str]:
    """The literal ``id="..."`` of the theme's templates (reserved: data must not reuse them)."""
    import re

    out: set[str] = set()
    for path in sorted((root / "overrides").rglob("*.html")):
        out.update(re.findall(r'\bid="([a-z][a-z0-9-]*)"', path.read_text(encoding="utf-8")))
    return out


def _check_html_ids(c: _Checker, root: Path, parsed: dict[str, Any], docs: dict[str, YamlDoc],
                    case_names: list[str]) -> None:
    """Every HTML id made from the data is unique on the page that shows it (a link
    ``page/#id`` must lead to one place), and none is a template's own id or looks like one of
    the check tool's. The ids each page makes are listed here as its template writes them
    (``overrides/partials/app/pages/<page>.html``); the sources' ``src-<id>`` are on every page
    that lists its sources, so they share every page's namespace.

    The namespace is per page, not site-wide: data/faq.yml and data/glossary.yml share ids
    (e.g. ``final-order-of-removal``), which is fine because they are on different pages."""
    made: dict[str, list[tuple[str, YamlDoc, str, str]]] = {}  # page -> (HTML id, file, ...)
    page = ""

    def add(doc: YamlDoc, path: str, what: str, *ids: str) -> None:
        made.setdefault(page, []).extend((i, doc, path, what) for i in ids)

    def top(doc: YamlDoc, path: str, what: str, item_id: str) -> None:
        c.need(not item_id.startswith(TOOL_PREFIXES), doc, path,
               f"{what} id {item_id!r} starts like the check tool's ids "
               f"({', '.join(TOOL_PREFIXES)}): choose another id")

    page = "home"
    sdoc = docs["site.yml"]
    for i, kp in enumerate(parsed["site.yml"].site.key_points):
        top(sdoc, f"site.key_points[{i}].id", "key point", kp.id)
        add(sdoc, f"site.key_points[{i}].id", f"key point {kp.id!r}", kp.id)
    page = "*"  # every page that lists sources
    for i, src in enumerate(parsed["sources.yml"].sources):
        add(docs["sources.yml"], f"sources[{i}].id", f"source {src.id!r}", f"src-{src.id}")
    page = "protections"
    stdoc = docs["statute.yml"]
    for i, d in enumerate(parsed["statute.yml"].definitions):
        add(stdoc, f"definitions[{i}].id", f"definition {d.id!r}", f"def-{d.id}")
    for i, pen in enumerate(parsed["statute.yml"].penalties):
        add(stdoc, f"penalties[{i}].id", f"penalty {pen.id!r}", f"penalty-{pen.id}",
            f"penalty-{pen.id}-h")
    edoc = docs["exceptions.yml"]
    for i, ex in enumerate(parsed["exceptions.yml"].exceptions):
        base = f"exceptions[{i}]"
        what = f"exception {ex.id!r}"
        page = "request-checker"
        add(edoc, f"{base}.id", what, f"check-{ex.id}", f"check-{ex.id}-h",
            *(f"check-{ex.id}-{stage.value}" for stage in m.Stage))
        for j, cond in enumerate(ex.conditions):
            add(edoc, f"{base}.conditions[{j}].id", f"condition {cond.id!r} of {ex.id}",
                f"check-{ex.id}-{cond.id}")
        page = "exceptions"
        add(edoc, f"{base}.id", what, ex.id, *(f"{ex.id}-{part}" for part in
                                                ("h", "routes", "conditions", "redisclosure",
                                                 "courts")))
        for j, route in enumerate(ex.routes):
            add(edoc, f"{base}.routes[{j}].id", f"route {route.id!r}", f"route-{route.id}")
        for j, cond in enumerate(ex.conditions):
            add(edoc, f"{base}.conditions[{j}].id", f"condition {cond.id!r} of {ex.id}",
                f"{ex.id}-{cond.id}")
        for j, reading in enumerate(ex.court_readings):
            add(edoc, f"{base}.court_readings[{j}].id", f"court reading {reading.id!r} of "
                f"{ex.id}", f"{ex.id}-{reading.id}")
    page = "lawsuits"
    for name in case_names:
        case = parsed[name].case
        doc = docs[name]
        top(doc, "case.id", "case", case.id)
        add(doc, "case.id", f"case {case.id!r}", case.id, f"glance-{case.id}",
            *(f"{case.id}-{part}" for part in ("h", "about", "status", "timeline")))
        for j, ev in enumerate(case.events):
            add(doc, f"case.events[{j}].id", f"event {ev.id!r} of case {case.id}",
                f"{case.id}-{ev.id}")
    for file, key, what, suffixes in (("faq.yml", "faq", "question", ("", "-h")),
                                      ("glossary.yml", "glossary", "glossary term", ("",)),
                                      ("help.yml", "help", "help entry", ("", "-h"))):
        page = key
        doc = docs[file]
        for i, item in enumerate(getattr(parsed[file], key)):
            top(doc, f"{key}[{i}].id", what, item.id)
            add(doc, f"{key}[{i}].id", f"{what} {item.id!r}", *(item.id + s for s in suffixes))
    page = "check"
    tdoc = docs["tools.yml"]
    for old in parsed["tools.yml"].check.aliases:
        add(tdoc, f"check.aliases.{old}", f"the check tool's old anchor {old!r}", old,
            f"{old}-h")

    static = _static_ids(root)
    everywhere = made.pop("*", [])
    for name, entries in [("*", []), *made.items()]:
        first: dict[str, tuple[YamlDoc, str, str]] = {}
        # The shared ids are checked once (with no page of their own), then before each page's.
        for k, (html_id, doc, path, what) in enumerate([*everywhere, *entries]):
            if k < len(everywhere) and name != "*":
                first.setdefault(html_id, (doc, path, what))
                continue
            if html_id in static:
                c.need(False, doc, path, f"{what} makes the HTML id {html_id!r}, which the "
                       "templates (overrides/) already use: choose another id")
            elif html_id in first:
                odoc, opath, owhat = first[html_id]
                if owhat == what:  # the same id twice: reported as a duplicate id already
                    continue
                where = "every page listing sources" if name == "*" else f"the {name} page"
                c.need(False, doc, path, f"{what} makes the HTML id {html_id!r}, as {owhat} "
                       f"does ({odoc.file}:{odoc.line_of(opath)}): ids must be unique on "
                       f"{where}")
            else:
                first[html_id] = (doc, path, what)


def _refs_or_any(c: _Checker, ids: list[str], known: dict[str, Any], doc: YamlDoc, path: str,
                 file: str) -> None:
    """A list of ids, or ``[any]`` (whoever / whatever purpose)."""
    if m.ANY in ids:
        c.need(ids == [m.ANY], doc, path, f"'{m.ANY}' must be the only entry when used")
        return
    c.refs(ids, known, doc, path, file)


def _check_includes_acyclic(c: _Checker, items: list[m.Authority], doc: YamlDoc) -> None:
    graph = {a.id: a.includes for a in items}
    for i, a in enumerate(items):
        seen: set[str] = set()
        stack = list(a.includes)
        while stack:
            x = stack.pop()
            if x == a.id:
                c.need(False, doc, f"authorities[{i}].includes",
                       f"{a.id!r} includes itself through {sorted(seen)}: 'includes' must not "
                       "form a cycle")
                break
            if x not in seen:
                seen.add(x)
                stack.extend(graph.get(x, []))


def load_law(root: Path, c: _Checker) -> dict[str, str]:
    """The vendored statute texts of ``data/law/`` (file name -> text), checked against their
    manifest's SHA-256 so a hand edit of the law is caught."""
    import hashlib

    law_dir = root / "data" / "law"
    manifest_path = law_dir / "manifest.yml"
    if not manifest_path.exists():
        c.problems.append(Problem("data/law/manifest.yml", None, "", "file is missing"))
        return {}
    doc = read_yaml(manifest_path, root)
    law: dict[str, str] = {}
    files = (doc.data or {}).get("files") or []
    for i, entry in enumerate(files):
        name = entry.get("file", "")
        path = law_dir / name
        where = f"files[{i}].file"
        if not name or not path.is_file():
            c.need(False, doc, where, f"no such file data/law/{name}")
            continue
        raw = path.read_bytes()
        digest = hashlib.sha256(raw).hexdigest()
        c.need(digest == entry.get("sha256"), doc, f"files[{i}].sha256",
               f"data/law/{name} does not match its recorded SHA-256: the vendored law must not "
               "be edited by hand")
        law[name] = raw.decode("utf-8")
    return law


def _check_quote(c: _Checker, parts: dict[str, dict[str, str]], file: str, citation: str,
                 quote: str, doc: YamlDoc, path: str) -> None:
    """A quote must be in the vendored text, word for word, inside the paragraph it cites."""
    if file not in parts:
        c.need(False, doc, path, f"unknown law file {file!r} (not in data/law/manifest.yml)")
        return
    where = cited_path(citation)
    text = parts[file].get(where)
    if text is None:
        c.need(False, doc, path, f"{citation!r}: no paragraph {where or '(none given)'} in "
               f"data/law/{file}")
        return
    c.need(normalise(quote) in text, doc, path,
           f"quote not found word for word in {where} of data/law/{file}: "
           f"{normalise(quote)[:70]!r}")
