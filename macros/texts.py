"""Every translatable string of the site, with its stable context and English source.

This index is the single list used both to render (``App.d(context)``) and to extract the
translators' template (``locales/messages.pot``), so the two can never disagree. Names of
documents, organisations and people are not translated.
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import DataError, Problem
from .load import SiteData


@dataclass(frozen=True)
class Text:
    context: str
    english: str
    markdown: bool
    ref: str  # where the English comes from, for translators (file and id)


def _add(out: dict[str, Text], context: str, english: str | None, md: bool, ref: str) -> None:
    if not english:
        return
    if context in out:  # one namespace: a string key must not shadow a data text (or v.v.)
        raise DataError([Problem(out[context].ref.split("#")[0], None, context,
                                 f"the translation context {context!r} is used twice (also by "
                                 f"{ref}); rename the key in data/strings.yml")])
    out[context] = Text(context, english, md, ref)


def data_texts(site: SiteData) -> dict[str, Text]:
    """All translatable data strings, keyed by context."""
    out: dict[str, Text] = {}
    for key, value in site.strings.items():
        _add(out, key, value, key.endswith("_md"), "data/strings.yml")
    for page in site.pages.values():
        ref = page.file
        _add(out, f"page.{page.id}.title", page.meta.title, False, ref)
        _add(out, f"page.{page.id}.description", page.meta.description, False, ref)
    s = site.site
    _add(out, "site.maintainer", s.maintainer, False, "data/site.yml")
    _add(out, "site.report_error", s.report_error, True, "data/site.yml")
    for kp in s.key_points:
        _add(out, f"site.key_points.{kp.id}.text", kp.text, True, f"data/site.yml#{kp.id}")

    for kind, vocab, file in (("recipients", site.recipients, "recipients"),
                              ("purposes", site.purposes, "purposes"),
                              ("authorities", site.authorities, "authorities")):
        for term in vocab.values():
            ref = f"data/{file}.yml#{term.id}"
            _add(out, f"{kind}.{term.id}.label", term.label, False, ref)
            _add(out, f"{kind}.{term.id}.description", term.description, False, ref)

    st = site.statute
    _add(out, "statute.general_rule.summary", st.general_rule.summary, True, "data/statute.yml")
    for d in st.definitions:
        ref = f"data/statute.yml#{d.id}"
        _add(out, f"statute.definitions.{d.id}.term", d.term, False, ref)
        _add(out, f"statute.definitions.{d.id}.text", d.text, True, ref)
    for p in st.penalties:
        ref = f"data/statute.yml#{p.id}"
        _add(out, f"statute.penalties.{p.id}.title", p.title, False, ref)
        _add(out, f"statute.penalties.{p.id}.summary", p.summary, True, ref)

    for ex in site.exceptions.values():
        ref = f"data/exceptions.yml#{ex.id}"
        base = f"exceptions.{ex.id}"
        _add(out, f"{base}.title", ex.title, False, ref)
        _add(out, f"{base}.summary", ex.summary, True, ref)
        _add(out, f"{base}.redisclosure", ex.redisclosure, True, ref)
        for r in ex.routes:
            for key in ("when", "gives", "caution"):
                _add(out, f"{base}.routes.{r.id}.{key}", getattr(r, key), True, ref)
        for c in ex.conditions:
            _add(out, f"{base}.conditions.{c.id}", c.text, True, ref)
        for r in ex.court_readings:
            _add(out, f"{base}.court_readings.{r.id}.court", r.court, False, ref)
            _add(out, f"{base}.court_readings.{r.id}.text", r.text, True, ref)
        _add(out, f"{base}.verification.checked_in", ex.verification.checked_in, False, ref)
        _add(out, f"{base}.verification.note", ex.verification.note, False, ref)

    for case in site.cases.values():
        ref = site.case_files.get(case.id, "data/cases/") + f"#{case.id}"
        base = f"cases.{case.id}"
        _add(out, f"{base}.short_name", case.short_name, False, ref)
        _add(out, f"{base}.court", case.court, False, ref)
        _add(out, f"{base}.judge", case.judge, False, ref)
        _add(out, f"{base}.about", case.about, True, ref)
        _add(out, f"{base}.status.text", case.status.text, True, ref)
        _add(out, f"{base}.status.in_force", case.status.in_force, True, ref)
        _add(out, f"{base}.status.next_step", case.status.next_step, True, ref)
        for ev in case.events:
            eref = f"{ref}/{ev.id}"
            _add(out, f"{base}.events.{ev.id}.title", ev.title, False, eref)
            _add(out, f"{base}.events.{ev.id}.what_happened", ev.what_happened, True, eref)
            _add(out, f"{base}.events.{ev.id}.what_it_means", ev.what_it_means, True, eref)

    for q in site.faq:
        ref = f"data/faq.yml#{q.id}"
        _add(out, f"faq.{q.id}.question", q.question, False, ref)
        _add(out, f"faq.{q.id}.answer", q.answer, True, ref)
    for g in site.glossary:
        ref = f"data/glossary.yml#{g.id}"
        _add(out, f"glossary.{g.id}.term", g.term, False, ref)
        _add(out, f"glossary.{g.id}.definition", g.definition, True, ref)
    ctg = site.tools.check
    for key, items in (("context", ctg.context), ("next_steps", ctg.next_steps)):
        for g in items:
            _add(out, f"check.{key}.{g.id}.text", g.text, True, f"data/tools.yml#{g.id}")
    for h in site.help:
        ref = f"data/help.yml#{h.id}"
        _add(out, f"help.{h.id}.description", h.description, True, ref)
        _add(out, f"help.{h.id}.serves", h.serves, False, ref)
        _add(out, f"help.{h.id}.languages", h.languages, False, ref)
        _add(out, f"help.{h.id}.phone.note", h.phone.note if h.phone else None, False, ref)
    return out
