"""The decision tool: invariants that must hold on every path, checked by means written apart
from the compiler, the named scenarios (written from the statute), and closed, stable trees."""

from __future__ import annotations

import copy
from collections import deque

import pytest

from macros.decision import (
    ANCHOR_PREFIX,
    VERDICT_RANK,
    Option,
    Outcome,
    Question,
    Tree,
    compile_check,
    compile_request_checker,
    digest,
    follow,
    paths,
    published_ids,
    validate_tree,
)
from macros.errors import DataError
from macros.load import DONT_KNOW
from macros.models import ANY

from ..helpers import ROOT


@pytest.fixture(scope="module")
def tree(real_site):
    return real_site.tree


def every_path(tree):
    """(answers, outcome) for every path, by a breadth-first walk (not the compiler's own)."""
    out = []
    queue = deque([(tree.start, [])])
    while queue:
        node_id, answers = queue.popleft()
        if node_id in tree.anchors:
            out.append((answers, tree.nodes[tree.anchors[node_id]]))
            continue
        for opt in tree.nodes[node_id].options:
            queue.append((opt.next, [*answers, opt.id]))
    return out


def holdings(site, authority):
    """What an authority counts as, by a separate closure (recursive, not the compiler's)."""
    found = {authority}
    for inc in site.authorities[authority].includes:
        found |= holdings(site, inc)
    return found


def admitted(site):
    """Every (recipient, purpose, authority) some route admits, enumerated from the routes
    themselves over the tool's options (the compiler filters routes per path instead)."""
    cfg = site.tools.check
    purposes = list(site.purposes)
    out = set()
    for ex in site.exceptions.values():
        for r in ex.routes:
            recs = cfg.recipients if r.recipients == [ANY] else r.recipients
            purs = [*purposes, None] if r.purposes == [ANY] else r.purposes
            for a in cfg.authorities:
                if r.needs in holdings(site, a):
                    out |= {(rec, pur, a) for rec in recs for pur in purs}
    return out


def parts(tree, answers):
    """(recipient, purpose or None, authority or None) of a path, from its questions."""
    recipient, purpose, authority = answers[0], None, None
    node = tree.nodes[tree.start]
    for answer in answers:
        if node.kind == "purpose":
            purpose = answer
        elif node.kind == "authority":
            authority = answer
        node = tree.target(next(o.next for o in node.options if o.id == answer))
    if purpose is None:  # the why question was skipped: the one purpose offered, if any
        q = next((q for q in tree.questions() if q.kind == "authority"
                  and q.recipient == recipient), None)
        purpose = q.purpose if q else None
    return recipient, purpose, authority


# --- invariants over every path ------------------------------------------------------------


def test_consent_always_gives_section_6103c(real_site, tree):
    seen = 0
    for answers, outcome in every_path(tree):
        if answers[-1] == "taxpayer-consent":
            seen += 1
            assert "x-6103-c" in outcome.exceptions, answers
            assert outcome.verdict == "allowed", answers
    assert seen >= len(real_site.tools.check.recipients)


def test_holding_more_never_gives_less(real_site, tree):
    """For every question about what they have: if b includes a, the routes at a are a subset
    of the routes at b and the verdict at b is at least as allowing."""
    checked = 0
    for q in tree.questions():
        if q.kind != "authority":
            continue
        reached = {o.id: tree.target(o.next) for o in q.options if o.id != DONT_KNOW}
        for a, oa in reached.items():
            for b, ob in reached.items():
                if a != b and a in holdings(real_site, b):
                    checked += 1
                    assert set(oa.routes) <= set(ob.routes), (q.id, a, b)
                    assert VERDICT_RANK[oa.verdict] <= VERDICT_RANK[ob.verdict], (q.id, a, b)
    assert checked > 100


def test_every_not_allowed_is_rederived_independently(real_site, tree):
    allowed = admitted(real_site)
    nothing_allowed = 0
    for answers, outcome in every_path(tree):
        r, p, a = parts(tree, answers)
        if a in (None, DONT_KNOW):
            continue
        expect_none = (r, p, a) not in allowed
        assert (outcome.verdict == "not-allowed") == expect_none, answers
        nothing_allowed += expect_none
    assert nothing_allowed > 20


def test_dont_know_lists_every_route_of_every_holding(real_site, tree):
    for q in tree.questions():
        if q.kind != "authority":
            continue
        by_option = {o.id: tree.target(o.next) for o in q.options}
        if DONT_KNOW not in by_option:
            continue
        depends = by_option.pop(DONT_KNOW)
        assert depends.verdict == "depends"
        union = set().union(*(set(o.routes) for o in by_option.values()))
        assert set(depends.routes) == union, q.id
        for need, refs in depends.groups:
            for ref in refs:
                route = next(r for r in real_site.exceptions[ref.exception].routes
                             if r.id == ref.route)
                assert route.needs == need


def test_ids_are_unique_stable_and_made_of_answers(tree):
    outcome_ids = [o.id for o in tree.outcomes()]
    assert len(outcome_ids) == len(set(outcome_ids))
    assert not set(tree.anchors) & set(tree.nodes)
    for answers, outcome in every_path(tree):
        anchor = ANCHOR_PREFIX + "--".join(answers)
        assert tree.anchors[anchor] == outcome.id
    # Two outcome sections never show the same content.
    keys = [(o.verdict, o.own_motion, tuple(o.routes), repr(o.groups), tuple(o.context),
             tuple(o.next_steps)) for o in tree.outcomes()]
    readings = [tuple(o.readings) for o in tree.outcomes()]
    assert len(set(zip(keys, readings, strict=True))) == len(keys)


def test_every_question_can_change_the_outcome(tree):
    """A question is asked only if its answer can change what the reader is told."""
    def leaves(node_id):
        node = tree.target(node_id)
        if isinstance(node, Outcome):
            return {node.id}
        return set().union(*(leaves(o.next) for o in node.options))

    for q in tree.questions():
        assert len(q.options) >= 2, q.id
        assert len({frozenset(leaves(o.next)) for o in q.options}) >= 2, q.id


def test_an_added_exception_keeps_every_published_anchor(real_site, tree):
    site = copy.deepcopy(real_site)
    new = real_site.exceptions["x-6103-i-2"].model_copy(deep=True, update={"id": "x-6103-i-2-l-15"})
    route = new.routes[0].model_copy(update={"id": "i-2-l-15", "needs": "nothing"})
    new = new.model_copy(update={"routes": [route]})
    site.exceptions = {"x-6103-i-2-l-15": new, **site.exceptions}  # added first: reordered too
    grown = compile_check(site, site.tools)
    assert set(tree.anchors) <= set(grown.anchors) | set(grown.aliases)
    # The new exception changes answers, but never makes two different outcomes share an id.
    assert len({o.id for o in grown.outcomes()}) == len(grown.outcomes())
    congress = follow(grown, ["congress", "written-request"])
    assert "x-6103-i-2-l-15" not in congress.exceptions


def test_questions_show_their_real_position(tree):
    for q in tree.questions():
        assert 1 <= q.step <= q.total <= 3, q.id
    for answers, _ in every_path(tree):
        node = tree.nodes[tree.start]
        for i, answer in enumerate(answers):
            assert node.step == i + 1, answers
            # The first question cannot know the path yet: it counts the longest one.
            assert node.total == (max(len(a) for a, _ in every_path(tree)) if i == 0
                                  else len(answers)), answers
            node = tree.target(next(o.next for o in node.options if o.id == answer))


# --- scenarios written from the statute --------------------------------------------------------


def test_at_least_25_scenarios_cover_every_verdict(real_site):
    assert len(real_site.scenarios) >= 25
    assert {s.expect.verdict for s in real_site.scenarios} == {
        "allowed", "conditional", "not-allowed", "depends"}


def test_named_scenarios(real_site, tree):
    wrong = []
    for sc in real_site.scenarios:
        node = follow(tree, sc.answers)
        if not isinstance(node, Outcome):
            wrong.append(f"{sc.id}: the answers end at a question")
            continue
        got = sorted(r.route for r in node.routes)
        if node.verdict != sc.expect.verdict or got != sorted(sc.expect.routes):
            wrong.append(f"{sc.id}: got {node.verdict} {got}, expected {sc.expect.verdict} "
                         f"{sorted(sc.expect.routes)}")
    assert not wrong, "\n".join(wrong)


def test_committed_digest_is_current(real_site, tree):
    golden = (ROOT / "tests" / "golden" / "decision-digest.txt").read_text(encoding="utf-8")
    assert golden == digest(tree, real_site), "run `make digest` and review the changed answers"


def test_every_id_ever_published_still_leads_somewhere(tree):
    published = (ROOT / "tests" / "golden" / "published-ids.txt").read_text().split()
    assert "r-i-2-l-15" in published, "the ids of the first tool are kept"
    missing = [i for i in published if i not in published_ids(tree)]
    assert not missing, f"renamed without an alias in data/tools.yml: {missing[:10]}"


def test_request_checker_keeps_request_apart_from_what_follows(real_site):
    for cl in compile_request_checker(real_site, real_site.tools):
        ex = real_site.exceptions[cl.exception]
        assert sorted(cl.conditions) == sorted(c.id for c in ex.conditions)
        assert cl.request, cl.exception
        for cid in cl.after:
            assert next(c for c in ex.conditions if c.id == cid).stage.value == "after"


# --- any tree is closed ------------------------------------------------------------------------


def _q(node_id, *options, origin="data/tools.yml#x"):
    return Question(node_id, "recipient", "k", [Option(o, "c", n) for o, n in options], 1, 1,
                    origin)


def _r(node_id, sources=("s",), origin="data/exceptions.yml#c"):
    return Outcome(node_id, "conditional", False, [], [], [], [], [], list(sources), origin)


def test_refuses_a_path_with_no_outcome():
    tree = Tree("t", "a", {"a": _q("a", ("yes", "nowhere"))})
    with pytest.raises(DataError, match="leads to 'nowhere', which does not exist"):
        validate_tree(tree)


def test_refuses_an_unreachable_node():
    tree = Tree("t", "a", {"a": _q("a", ("yes", "r")), "r": _r("r"), "lost": _r("lost")})
    with pytest.raises(DataError, match="t.lost: node cannot be reached"):
        validate_tree(tree)


def test_refuses_a_cycle():
    tree = Tree("t", "a", {"a": _q("a", ("x", "b")), "b": _q("b", ("y", "a"), ("z", "r")),
                           "r": _r("r")})
    with pytest.raises(DataError, match="cycle: a -> b -> a"):
        validate_tree(tree)


def test_refuses_an_outcome_without_a_source():
    tree = Tree("t", "a", {"a": _q("a", ("x", "r")), "r": _r("r", sources=())})
    with pytest.raises(DataError, match="outcome has no source"):
        validate_tree(tree)


def test_refuses_an_anchor_that_is_also_a_node_and_a_dangling_alias():
    tree = Tree("t", "a", {"a": _q("a", ("x", "r--x")), "r": _r("r"), "r--x": _r("r--x")},
                anchors={"r--x": "r"}, aliases={"old": "gone"})
    with pytest.raises(DataError) as info:
        validate_tree(tree)
    assert "same id as a node" in str(info.value)
    assert "alias points at 'gone'" in str(info.value)


def test_every_path_helper_agrees_with_the_compiler(tree):
    assert sorted(tuple(a) for a, _ in every_path(tree)) == sorted(
        tuple(a) for a, _ in paths(tree))
