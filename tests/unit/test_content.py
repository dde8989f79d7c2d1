"""Content invariants of the real data that the loader does not enforce: coverage of § 6103,
case statuses that follow their events, claims the fact sheet marked do-not-publish, and no
source recorded without being cited. (Shapes, references, dates and placeholder text are the
loader's job: tests/unit/test_bad_input.py.)"""

from __future__ import annotations

REQUIRED = ["x-6103-c", "x-6103-d", "x-6103-e", "x-6103-f", "x-6103-g", "x-6103-h",
            "x-6103-i-1", "x-6103-i-2", "x-6103-i-3", "x-6103-i-5", "x-6103-i-7", "x-6103-i-8",
            "x-6103-j", "x-6103-m", "x-6103-n", "x-6103-o"]


def test_every_subsection_c_to_o_is_covered(real_site):
    covered = {ex.subsection for ex in real_site.exceptions.values()}
    assert covered == set("cdefghijklmno")


def test_required_paragraphs_are_present(real_site):
    missing = [x for x in REQUIRED if x not in real_site.exceptions]
    assert not missing, missing
    k = [x for x in real_site.exceptions if x.startswith("x-6103-k-")]
    assert len(k) >= 3, "the main paragraphs of (k)"
    paragraphs_of_l = [x for x in real_site.exceptions if x.startswith("x-6103-l-")]
    assert len(paragraphs_of_l) >= 20, "every paragraph of (l) that names a recipient"


def test_each_case_status_follows_its_newest_event(real_site):
    for case in real_site.cases.values():
        newest = max(ev.date for ev in case.events)
        latest = next(ev for ev in case.events if ev.id == case.status.latest_event)
        assert latest.date == newest, case.id
        # The status cannot be "as of" a day before the event it reports.
        assert case.status.as_of.isoformat() >= newest, case.id


def test_enough_questions(real_site):
    assert len(real_site.faq) >= 20


def test_unverified_facts_are_flagged_not_asserted(real_site):
    """The fact sheet's do-not-publish claims never appear."""
    corpus = " ".join(t.english for t in real_site.texts.values()).lower()
    for claim in ("1.1 million", "jia cobb", "15%"):
        assert claim not in corpus, claim


def test_every_source_is_used(real_site):
    s = real_site
    used: set[str] = set()
    for ex in s.exceptions.values():
        used.update(ex.sources)
        for c in ex.conditions:
            used.update(c.sources)
        for r in ex.court_readings:
            used.update(r.sources)
    for case in s.cases.values():
        used.update(case.sources)
        used.update(case.status.sources)
        for ev in case.events:
            used.update(ev.sources)
    st = s.statute
    used.update(st.general_rule.sources)
    for d in st.definitions:
        used.update(d.sources)
    for p in st.penalties:
        used.update(p.sources)
    for q in s.faq:
        used.update(q.sources)
    for g in s.glossary:
        used.update(g.sources)
    for h in s.help:
        used.update(h.sources)
        if h.phone:
            used.update(h.phone.sources)
    for kp in s.site.key_points:
        used.update(kp.sources)
    for g in [*s.tools.check.context, *s.tools.check.next_steps]:
        used.update(g.sources)
    unused = sorted(set(s.sources) - used)
    assert not unused, f"sources recorded but never cited: {unused}"
