"""The decision compiler: closed trees, outcomes that agree with the data, named scenarios."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.decision import (
    Option,
    Outcome,
    Question,
    Tree,
    compile_can_they_get,
    compile_request_checker,
    digest,
    paths,
    validate_tree,
)
from macros.errors import DataError
from macros.load import load_site

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def site():
    return load_site(ROOT)


@pytest.fixture(scope="module")
def tree(site):
    return compile_can_they_get(site, site.widgets)


def expected_exceptions(site, r, p, a):
    """Computed independently of the compiler: read the exception entries directly."""
    out = []
    for ex_id, ex in site.exceptions.items():
        if r in ex.recipients and p in ex.purposes and a in ex.authority:
            out.append(ex_id)
    return out


def test_every_node_reachable_and_every_path_ends_in_an_outcome(tree):
    reached = {tree.start}
    for chosen, outcome in paths(tree):
        assert isinstance(tree.nodes[outcome], Outcome)
        node = tree.nodes[tree.start]
        for option in chosen:
            nxt = next(o.next for o in node.options if o.id == option)
            reached.add(nxt)
            node = tree.nodes[nxt]
    assert reached == set(tree.nodes)


def test_every_outcome_agrees_with_the_exception_data(site, tree):
    for (r, p, a), outcome_id in [(tuple(c), o) for c, o in paths(tree)]:
        outcome = tree.nodes[outcome_id]
        want = expected_exceptions(site, r, p, a)
        assert outcome.exceptions == want, (r, p, a)
        assert (outcome.verdict == "not-allowed") == (not want), (r, p, a)
        assert outcome.sources, outcome_id
        assert all(s in site.sources for s in outcome.sources)


def test_civil_immigration_enforcement_is_never_allowed(site, tree):
    for (r, p, a), outcome_id in [(tuple(c), o) for c, o in paths(tree)]:
        if p == "civil-immigration-enforcement":
            assert tree.nodes[outcome_id].verdict == "not-allowed", (r, a)


def test_named_scenarios(site, tree):
    for sc in site.scenarios:
        node = tree.nodes[tree.start]
        for answer in sc.answers:
            opt = [o for o in node.options if o.id == answer]
            assert opt, f"scenario {sc.id}: {answer!r} is not an option of {node.id}"
            node = tree.nodes[opt[0].next]
        assert isinstance(node, Outcome), sc.id
        assert node.verdict == sc.expect.verdict, sc.id
        if sc.expect.exceptions:
            assert node.exceptions == sc.expect.exceptions, sc.id


def test_committed_digest_is_current(site, tree):
    golden = (ROOT / "tests" / "golden" / "decision-digest.txt").read_text(encoding="utf-8")
    assert golden == digest(tree, site), "run `make digest` and review the changed answers"


def _q(node_id, *options, origin="data/widgets.yml#x"):
    return Question(node_id, "recipient", "k", [Option(o, "c", n) for o, n in options], 1, origin)


def _r(node_id, sources=("s",), origin="data/exceptions.yml#x-6103-c"):
    return Outcome(node_id, "conditional", ["x-6103-c"], list(sources), [], origin)


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
    with pytest.raises(DataError) as info:
        validate_tree(tree)
    assert "data/exceptions.yml" in str(info.value) and "outcome has no source" in str(info.value)


def test_refuses_a_question_without_options():
    tree = Tree("t", "a", {"a": _q("a")})
    with pytest.raises(DataError, match="no options"):
        validate_tree(tree)


def test_request_checker_lists_every_condition(site):
    for cl in compile_request_checker(site, site.widgets):
        ex = site.exceptions[cl.exception]
        assert cl.conditions == [c.id for c in ex.conditions]
        assert cl.sources
