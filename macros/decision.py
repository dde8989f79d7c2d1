"""Compile the exception data into decision trees, and check any tree is closed and sourced.

Widget 1 ("Can they get my tax information?") asks: who is asking → why → what they have. Its
routing and outcomes are *derived* from ``data/exceptions.yml``: an outcome lists the exceptions
whose ``recipients``, ``purposes`` and ``authority`` all match the answers. ``data/widgets.yml``
only chooses the order of questions' options and which extra purposes to offer (for example civil
immigration enforcement, which no exception covers). No outcome is written by hand.

Widget 2 (the advocates' request checker) is compiled from each exception's ``conditions``.

``validate_tree`` refuses a tree with a dangling option, an unreachable node, a cycle or an
outcome without a source, naming the node and the data entry it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from .errors import DataError, Problem
from .load import SiteData
from .models import Exception_, WidgetsFile

Verdict = Literal["allowed", "conditional", "not-allowed"]
WIDGETS_FILE = "data/widgets.yml"


@dataclass
class Option:
    id: str
    label_context: str  # translation context of the option label
    next: str


@dataclass
class Question:
    id: str
    kind: Literal["recipient", "purpose", "authority"]
    text_key: str  # key in data/strings.yml
    options: list[Option]
    step: int
    origin: str  # data entry this node comes from (for error messages)
    recipient: str | None = None
    purpose: str | None = None


@dataclass
class Outcome:
    id: str
    verdict: Verdict
    exceptions: list[str]
    sources: list[str]
    readings: list[tuple[str, int]]  # (exception id, court reading index) that matter here
    origin: str
    answers: list[tuple[str, str, str]] = field(default_factory=list)  # every path reaching it


@dataclass
class Tree:
    id: str
    start: str
    nodes: dict[str, Question | Outcome]

    def questions(self) -> list[Question]:
        return [n for n in self.nodes.values() if isinstance(n, Question)]

    def outcomes(self) -> list[Outcome]:
        return [n for n in self.nodes.values() if isinstance(n, Outcome)]


# ---------------------------------------------------------------------------------------------
# The rule, written once (the tests compute it independently)
# ---------------------------------------------------------------------------------------------


def matching_exceptions(site: SiteData, recipient: str, purpose: str,
                        authority: str) -> list[Exception_]:
    """Exceptions that could allow this recipient, for this purpose, holding this authority."""
    return [
        ex for ex in site.exceptions.values()
        if recipient in ex.recipients and purpose in ex.purposes and authority in ex.authority
    ]


def verdict_for(matched: list[Exception_]) -> Verdict:
    """No exception: not allowed. Every exception carries conditions, so a match is conditional;
    with the taxpayer's own consent under (c) alone, it is allowed (you decided)."""
    if not matched:
        return "not-allowed"
    if all(ex.authority == ["taxpayer-consent"] for ex in matched):
        return "allowed"
    return "conditional"


def outcome_id(matched: list[Exception_], recipient: str) -> str:
    if matched:
        return "r-" + "-".join(ex.id.removeprefix("x-6103-") for ex in matched)
    return f"r-none-{recipient}"


def related_readings(site: SiteData, recipient: str, matched: list[Exception_]
                     ) -> list[tuple[str, int]]:
    """Court readings of the matched exceptions; when none match, readings of exceptions that
    name this recipient (what courts said about this kind of request)."""
    pool = matched or [ex for ex in site.exceptions.values() if recipient in ex.recipients]
    return [(ex.id, i) for ex in pool for i, _ in enumerate(ex.court_readings)]


# ---------------------------------------------------------------------------------------------
# Widget 1
# ---------------------------------------------------------------------------------------------


def compile_can_they_get(site: SiteData, config: WidgetsFile) -> Tree:
    """Build the "Can they get my tax information?" tree from the exception data."""
    cfg = config.can_they_get
    nodes: dict[str, Question | Outcome] = {}
    start = "q-recipient"
    rec_options = []
    for r in cfg.recipients:
        purposes = purposes_for(site, r, cfg.extra_purposes.get(r, []))
        rec_options.append(Option(r, f"recipients.{r}.label", f"q-purpose-{r}"))
        p_options = []
        for p in purposes:
            a_node = f"q-authority-{r}-{p}"
            p_options.append(Option(p, f"purposes.{p}.label", a_node))
            a_options = []
            for a in cfg.authorities:
                matched = matching_exceptions(site, r, p, a)
                oid = outcome_id(matched, r)
                a_options.append(Option(a, f"authorities.{a}.label", oid))
                if oid not in nodes:
                    sources = _outcome_sources(site, matched)
                    nodes[oid] = Outcome(
                        id=oid, verdict=verdict_for(matched),
                        exceptions=[ex.id for ex in matched], sources=sources,
                        readings=related_readings(site, r, matched),
                        origin=("data/exceptions.yml#" + ", ".join(ex.id for ex in matched))
                        if matched else "data/statute.yml#general_rule",
                    )
                outcome = nodes[oid]
                assert isinstance(outcome, Outcome)
                outcome.answers.append((r, p, a))
            nodes[a_node] = Question(a_node, "authority", "widget.can.q.authority", a_options, 3,
                                     f"{WIDGETS_FILE}#can_they_get.authorities", r, p)
        nodes[f"q-purpose-{r}"] = Question(f"q-purpose-{r}", "purpose", "widget.can.q.purpose",
                                           p_options, 2, f"data/exceptions.yml (purposes of {r})",
                                           r)
    nodes[start] = Question(start, "recipient", "widget.can.q.recipient", rec_options, 1,
                            f"{WIDGETS_FILE}#can_they_get.recipients")
    # Questions by step (all first questions, then second, then third), then outcomes: a stable
    # order for the no-JS page and the JSON.
    ordered = {start: nodes.pop(start)}
    ordered.update(sorted(((k, v) for k, v in nodes.items() if isinstance(v, Question)),
                          key=lambda kv: kv[1].step))
    ordered.update({k: v for k, v in nodes.items() if isinstance(v, Outcome)})
    tree = Tree("can-they-get", start, ordered)
    validate_tree(tree)
    return tree


def purposes_for(site: SiteData, recipient: str, extra: list[str]) -> list[str]:
    """Purposes offered for a recipient: those its exceptions name, then the configured extras."""
    seen: list[str] = []
    for ex in site.exceptions.values():
        if recipient in ex.recipients:
            for p in ex.purposes:
                if p not in seen:
                    seen.append(p)
    order = list(site.purposes)
    seen.sort(key=order.index)
    return seen + [p for p in extra if p not in seen]


def _outcome_sources(site: SiteData, matched: list[Exception_]) -> list[str]:
    ids: list[str] = []
    if matched:
        for ex in matched:
            ids.extend(ex.sources)
    else:
        ids.extend(site.statute.general_rule.sources)
        for p in site.statute.penalties:
            ids.extend(p.sources)
    return list(dict.fromkeys(ids))


# ---------------------------------------------------------------------------------------------
# Checks for any tree
# ---------------------------------------------------------------------------------------------


def validate_tree(tree: Tree) -> None:
    """Refuse dangling options, unreachable nodes, cycles and unsourced outcomes."""
    problems: list[Problem] = []

    def problem(node: Question | Outcome, message: str) -> None:
        problems.append(Problem(node.origin.split("#")[0], None, f"{tree.id}.{node.id}", message))

    if tree.start not in tree.nodes:
        problems.append(Problem(WIDGETS_FILE, None, tree.id, f"start node {tree.start!r} is "
                                "missing"))
        raise DataError(problems)
    for node in tree.nodes.values():
        if isinstance(node, Question):
            if not node.options:
                problem(node, f"question has no options: a path ends without an outcome "
                        f"(from {node.origin})")
            for opt in node.options:
                if opt.next not in tree.nodes:
                    problem(node, f"option {opt.id!r} leads to {opt.next!r}, which does not "
                            f"exist: a path with no outcome (from {node.origin})")
        elif not node.sources:
            problem(node, f"outcome has no source (from {node.origin})")

    # Reachability and cycles in one depth-first walk.
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done

    def walk(node_id: str, path: list[str]) -> None:
        state[node_id] = 1
        node = tree.nodes[node_id]
        if isinstance(node, Question):
            for opt in node.options:
                if opt.next not in tree.nodes:
                    continue
                if state.get(opt.next) == 1:
                    cycle = " -> ".join([*path, node_id, opt.next])
                    problem(node, f"cycle: {cycle} (from {node.origin})")
                elif opt.next not in state:
                    walk(opt.next, [*path, node_id])
        state[node_id] = 2

    walk(tree.start, [])
    for node_id, node in tree.nodes.items():
        if node_id not in state:
            problem(node, f"node cannot be reached from {tree.start!r} (from {node.origin})")
    if problems:
        raise DataError(problems)


def paths(tree: Tree) -> list[tuple[list[str], str]]:
    """Every path from the start: (option ids chosen, outcome id)."""
    out: list[tuple[list[str], str]] = []

    def walk(node_id: str, chosen: list[str]) -> None:
        node = tree.nodes[node_id]
        if isinstance(node, Outcome):
            out.append((chosen, node_id))
            return
        for opt in node.options:
            walk(opt.next, [*chosen, opt.id])

    walk(tree.start, [])
    return out


# ---------------------------------------------------------------------------------------------
# Widget 2: the request checker
# ---------------------------------------------------------------------------------------------


@dataclass
class Checklist:
    exception: str
    conditions: list[str]
    sources: list[str]


def compile_request_checker(site: SiteData, config: WidgetsFile) -> list[Checklist]:
    """One checklist per configured exception: its conditions, each a statutory requirement."""
    out = []
    problems = []
    for ex_id in config.request_checker.exceptions:
        ex = site.exceptions.get(ex_id)
        if ex is None:
            problems.append(Problem(WIDGETS_FILE, None, "request_checker.exceptions",
                                    f"unknown exception id {ex_id!r} (not in data/exceptions.yml)"))
            continue
        sources = list(dict.fromkeys(s for c in ex.conditions for s in c.sources))
        if not sources:
            problems.append(Problem("data/exceptions.yml", None, ex_id,
                                    "request checker needs conditions with sources"))
        out.append(Checklist(ex_id, [c.id for c in ex.conditions], sources or ex.sources))
    if problems:
        raise DataError(problems)
    return out


def tree_json(tree: Tree, site: SiteData, label: Any, text: Any) -> dict[str, Any]:
    """The published JSON shape. ``label(context)``/``text(key)`` give localized plain text."""
    nodes: dict[str, Any] = {}
    for node in tree.nodes.values():
        if isinstance(node, Question):
            nodes[node.id] = {
                "type": "question",
                "step": node.step,
                "text": text(node.text_key),
                "options": [{"id": o.id, "label": label(o.label_context), "next": o.next}
                            for o in node.options],
            }
        else:
            nodes[node.id] = {
                "type": "outcome",
                "verdict": node.verdict,
                "exceptions": node.exceptions,
                "text": text(f"widget.can.verdict.{node.verdict}"),
                "sources": node.sources,
                "citations": [site.exceptions[x].citation for x in node.exceptions],
                "court_readings": [
                    {"exception": x, "date": site.exceptions[x].court_readings[i].date,
                     "court": label(f"exceptions.{x}.court_readings.{i}.court"),
                     "text": label(f"exceptions.{x}.court_readings.{i}.text"),
                     "sources": site.exceptions[x].court_readings[i].sources}
                    for x, i in node.readings
                ],
            }
    return {"id": tree.id, "version": 1, "as_of": site.site.as_of.isoformat(),
            "start": tree.start, "nodes": nodes}


def digest(tree: Tree, site: SiteData) -> str:
    """A human-readable list of every path: answers → outcome → citations (committed file)."""
    lines = [
        f"# Decision tree {tree.id!r}: every answer path and its outcome.",
        "# Generated by `make digest` from data/; CI fails when it is out of date, so a data",
        "# edit that changes an answer shows up in review.",
        "",
    ]
    for chosen, oid in paths(tree):
        outcome = tree.nodes[oid]
        assert isinstance(outcome, Outcome)
        cites = ", ".join(site.exceptions[x].citation for x in outcome.exceptions) or "none"
        lines.append(f"{' / '.join(chosen)}")
        lines.append(f"    -> {outcome.verdict} [{oid}] {cites}; sources: "
                     f"{', '.join(outcome.sources)}")
    return "\n".join(lines) + "\n"
