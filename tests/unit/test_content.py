"""Content checks: coverage of § 6103, sources for every statement, dates, plain placeholders."""

from __future__ import annotations

import re
from pathlib import Path

from macros.load import load_site
from macros.texts import data_texts

ROOT = Path(__file__).resolve().parents[2]
SITE = load_site(ROOT)

REQUIRED = ["x-6103-c", "x-6103-d", "x-6103-e", "x-6103-f", "x-6103-g", "x-6103-h",
            "x-6103-i-1", "x-6103-i-2", "x-6103-i-3", "x-6103-i-5", "x-6103-i-7", "x-6103-i-8",
            "x-6103-j", "x-6103-m", "x-6103-n", "x-6103-o"]


def test_every_subsection_c_to_o_is_covered():
    covered = {ex.subsection for ex in SITE.exceptions.values()}
    assert covered == set("cdefghijklmno")


def test_required_paragraphs_are_present():
    missing = [x for x in REQUIRED if x not in SITE.exceptions]
    assert not missing, missing
    k = [x for x in SITE.exceptions if x.startswith("x-6103-k-")]
    assert len(k) >= 3, "the main paragraphs of (k)"
    paragraphs_of_l = [x for x in SITE.exceptions if x.startswith("x-6103-l-")]
    assert len(paragraphs_of_l) >= 20, "every paragraph of (l) that names a recipient"


def test_every_statement_cites_an_existing_source():
    for ex in SITE.exceptions.values():
        assert ex.sources and all(s in SITE.sources for s in ex.sources), ex.id
        for c in ex.conditions:
            assert c.sources and all(s in SITE.sources for s in c.sources), (ex.id, c.id)
    for case in SITE.cases.values():
        for ev in case.events:
            assert ev.sources and all(s in SITE.sources for s in ev.sources), (case.id, ev.id)
    for q in SITE.faq:
        assert q.sources and all(s in SITE.sources for s in q.sources), q.id
    for kp in SITE.site.key_points:
        assert kp.sources and all(s in SITE.sources for s in kp.sources), kp.id


def test_event_dates_are_real_and_not_after_as_of():
    as_of = SITE.site.as_of.isoformat()
    for case in SITE.cases.values():
        for ev in case.events:
            assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", ev.date)
            assert ev.date <= as_of, (case.id, ev.id)


def test_each_case_status_follows_its_newest_event():
    for case in SITE.cases.values():
        newest = max(ev.date for ev in case.events)
        latest = next(ev for ev in case.events if ev.id == case.status.latest_event)
        assert latest.date == newest, case.id
        # The status cannot be "as of" a day before the event it reports.
        assert case.status.as_of.isoformat() >= newest, case.id


def test_enough_questions_and_no_placeholder_text():
    assert len(SITE.faq) >= 20
    for ctx, text in data_texts(SITE).items():
        assert not re.search(r"\b(TODO|TBD|FIXME|lorem ipsum|XXX)\b", text.english), ctx


def test_unverified_facts_are_flagged_not_asserted():
    """The fact sheet's do-not-publish claims never appear."""
    corpus = " ".join(t.english for t in data_texts(SITE).values()).lower()
    for claim in ("1.1 million", "jia cobb", "15%"):
        assert claim not in corpus, claim


def test_every_source_is_used():
    used: set[str] = set()
    for ex in SITE.exceptions.values():
        used.update(ex.sources)
        for c in ex.conditions:
            used.update(c.sources)
        for r in ex.court_readings:
            used.update(r.sources)
    for case in SITE.cases.values():
        used.update(case.sources)
        used.update(case.status.sources)
        for ev in case.events:
            used.update(ev.sources)
    st = SITE.statute
    used.update(st.general_rule.sources)
    for d in st.definitions:
        used.update(d.sources)
    for p in st.penalties:
        used.update(p.sources)
    for q in SITE.faq:
        used.update(q.sources)
    for g in SITE.glossary:
        used.update(g.sources)
    for h in SITE.help:
        used.update(h.sources)
    for kp in SITE.site.key_points:
        used.update(kp.sources)
    ctg = SITE.widgets.can_they_get
    for g in [*ctg.context, *ctg.next_steps]:
        used.update(g.sources)
    unused = sorted(set(SITE.sources) - used)
    assert not unused, f"sources recorded but never cited: {unused}"
