"""Compile the exception data into the decision tool, and check any tree is closed and sourced.

"Can they get my tax information?" asks: who is asking → why → what they have. Every answer
comes from the *routes* of ``data/exceptions.yml``: a route says who may receive (or ``any``),
for what purpose (or ``any``), what the requester must hold at least (``needs``) and how much
can be given. The rules, all of them data:

* A route applies when the recipient and purpose match and ``needs`` is among what the answer
  holds, *including* what it holds by ``includes`` (data/authorities.yml). So routes that need
  nothing (the IRS acting on its own) apply whatever else is held, and holding more never
  removes a route: the verdict is monotonic in what is held.
* The verdict is ``allowed`` when a route marked ``verdict: allowed`` applies (the taxpayer's
  own consent under § 6103(c), whose route covers ``any`` recipient and purpose),
  ``conditional`` when other routes apply, and ``not-allowed`` when none does.
* "I don't know" (``dont-know``) gives ``depends``: the routes grouped by what the requester
  would need.
* A question whose answer cannot change the outcome on the path taken (one option, or every
  option leading to the same outcome) is skipped.

Ids: question nodes are ``q-…``; every answer path has a published anchor
``r--<answer>--<answer>…`` made of answer ids only (ids never contain ``--``), so adding or
reordering exceptions never renames one, and two paths never share one. Paths with the same
content share one outcome section ``o-<hash>`` (internal). ``data/tools.yml`` may alias a
renamed anchor to a current node.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal

from .errors import DataError, Problem
from .load import DONT_KNOW, SiteData
from .models import ANY, Exception_, Guidance, Route, ToolsFile

Verdict = Literal["allowed", "conditional", "not-allowed", "depends"]
VERDICT_RANK = {"not-allowed": 0, "conditional": 1, "allowed": 2}
TOOLS_FILE = "data/tools.yml"
TREE_ID = "check"
ANCHOR_PREFIX = "r--"
SEP = "--"


@dataclass(frozen=True)
class RouteRef:
    """A route of an exception (route ids are unique across the data)."""

    exception: str
    route: str


@dataclass
class Option:
    id: str
    label_context: str  # translation context of the option label
    next: str  # a question id, or a path anchor (r--…)


@dataclass
class Question:
    id: str
    kind: Literal["recipient", "purpose", "authority"]
    text_key: str  # key in data/strings.yml
    options: list[Option]
    step: int
    total: int  # questions on every path through this one
    origin: str  # data entry this node comes from (for error messages)
    recipient: str | None = None
    purpose: str | None = None


@dataclass
class PathEnd:
    """One answer path: its answers (option ids) and its published anchor."""

    anchor: str
    answers: tuple[str, ...]
    recipient: str
    purpose: str | None  # None when the purpose question was skipped
    authority: str | None  # None when the what-they-have question was skipped


@dataclass
class Outcome:
    id: str
    verdict: Verdict
    own_motion: bool  # "conditional", but only routes that need nothing apply
    routes: list[RouteRef]  # routes that apply (for "depends": every route that could)
    groups: list[tuple[str, list[RouteRef]]]  # "depends": (what they would need, routes)
    context: list[str]  # ids of check.context entries shown
    next_steps: list[str]  # ids of check.next_steps entries shown
    readings: list[tuple[str, str]]  # (exception id, court reading id)
    sources: list[str]
    origin: str
    paths: list[PathEnd] = field(default_factory=list)

    @property
    def exceptions(self) -> list[str]:
        return list(dict.fromkeys(r.exception for r in self.routes))


@dataclass
class Tree:
    id: str
    start: str
    nodes: dict[str, Question | Outcome]
    anchors: dict[str, str] = field(default_factory=dict)  # path anchor -> outcome id
    aliases: dict[str, str] = field(default_factory=dict)  # old anchor -> node or anchor

    def questions(self) -> list[Question]:
        return [n for n in self.nodes.values() if isinstance(n, Question)]

    def outcomes(self) -> list[Outcome]:
        return [n for n in self.nodes.values() if isinstance(n, Outcome)]

    def target(self, node_or_anchor: str) -> Question | Outcome:
        """The node an option leads to (a question, or the outcome of a path anchor)."""
        return self.nodes[self.anchors.get(node_or_anchor, node_or_anchor)]


# ---------------------------------------------------------------------------------------------
# The rules, written once (tests check them by other means)
# ---------------------------------------------------------------------------------------------


def held(site: SiteData, authority: str) -> set[str]:
    """What holding ``authority`` counts as: itself and everything it includes."""
    out = {authority}
    stack = [authority]
    while stack:
        for inc in site.authorities[stack.pop()].includes:
            if inc not in out:
                out.add(inc)
                stack.append(inc)
    return out


def all_routes(site: SiteData) -> list[tuple[Exception_, Route]]:
    return [(ex, r) for ex in site.exceptions.values() for r in ex.routes]


def route_by_ref(site: SiteData, ref: RouteRef) -> tuple[Exception_, Route]:
    ex = site.exceptions[ref.exception]
    return ex, next(r for r in ex.routes if r.id == ref.route)


def _matches(values: list[str], value: str | None) -> bool:
    return values == [ANY] or (value is not None and value in values)


def routes_for(site: SiteData, recipient: str, purpose: str | None,
               authority: str) -> list[RouteRef]:
    """Routes that let this recipient get information for this purpose, holding this."""
    have = held(site, authority)
    return [RouteRef(ex.id, r.id) for ex, r in all_routes(site)
            if _matches(r.recipients, recipient) and _matches(r.purposes, purpose)
            and r.needs in have]


def verdict_for(site: SiteData, refs: list[RouteRef]) -> Verdict:
    if not refs:
        return "not-allowed"
    if any(route_by_ref(site, ref)[1].verdict == "allowed" for ref in refs):
        return "allowed"
    return "conditional"


def purposes_for(site: SiteData, recipient: str, extra: list[str]) -> list[str]:
    """Purposes offered for a recipient: those its routes name, then the configured extras."""
    seen: list[str] = []
    for _ex, r in all_routes(site):
        if _matches(r.recipients, recipient) and r.purposes != [ANY]:
            seen.extend(p for p in r.purposes if p not in seen)
    order = list(site.purposes)
    seen.sort(key=order.index)
    return seen + [p for p in extra if p not in seen]


def guidance_for(items: list[Guidance], recipient: str, purpose: str | None) -> list[str]:
    return [g.id for g in items
            if _matches(g.recipients, recipient)
            and (g.purposes == [ANY] or (purpose is not None and purpose in g.purposes))]


def related_readings(site: SiteData, recipient: str, purpose: str | None,
                     refs: list[RouteRef]) -> list[tuple[str, str]]:
    """Court readings of the exceptions that apply; when none applies, readings of exceptions
    with a route for this recipient and this purpose (what courts said about such requests)."""
    ids = list(dict.fromkeys(r.exception for r in refs))
    if not ids:
        ids = list(dict.fromkeys(ex.id for ex, r in all_routes(site)
                                 if recipient in r.recipients and _matches(r.purposes, purpose)))
    return [(x, rd.id) for x in ids for rd in site.exceptions[x].court_readings]


def anchor_for(answers: tuple[str, ...]) -> str:
    return ANCHOR_PREFIX + SEP.join(answers)


# ---------------------------------------------------------------------------------------------
# Compiling the tool
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Content:
    """Everything an outcome section shows: equal content, one section."""

    verdict: Verdict
    own_motion: bool  # only routes that need nothing apply, though the reader said they hold more
    routes: tuple[RouteRef, ...]
    groups: tuple[tuple[str, tuple[RouteRef, ...]], ...]
    context: tuple[str, ...]
    next_steps: tuple[str, ...]
    readings: tuple[tuple[str, str], ...]

    def key(self) -> str:
        return repr(self)


def _content(site: SiteData, cfg: Any, r: str, p: str | None, a: str) -> _Content:
    context = tuple(guidance_for(cfg.context, r, p))
    steps = tuple(guidance_for(cfg.next_steps, r, p))
    if a == DONT_KNOW:
        groups: list[tuple[str, tuple[RouteRef, ...]]] = []
        everything: list[RouteRef] = []
        reachable: set[str] = set()
        for opt in cfg.authorities:
            reachable |= held(site, opt)
        for need in [*cfg.authorities, *sorted(reachable - set(cfg.authorities))]:
            refs = [ref for ref in routes_for(site, r, p, need)
                    if route_by_ref(site, ref)[1].needs == need]
            if refs:
                groups.append((need, tuple(refs)))
                everything.extend(refs)
        return _Content("depends", False, tuple(everything), tuple(groups), context, steps,
                        tuple(related_readings(site, r, p, everything)))
    refs = routes_for(site, r, p, a)
    verdict = verdict_for(site, refs)
    own_motion = (verdict == "conditional" and a != "nothing"
                  and all(route_by_ref(site, ref)[1].needs == "nothing" for ref in refs))
    return _Content(verdict, own_motion, tuple(refs), (), context, steps,
                    tuple(related_readings(site, r, p, refs)))


def _outcome_id(content: _Content) -> str:
    return "o-" + hashlib.sha256(content.key().encode()).hexdigest()[:10]


def _sources(site: SiteData, cfg: Any, content: _Content) -> list[str]:
    ids: list[str] = []
    for ref in content.routes:
        ids.extend(site.exceptions[ref.exception].sources)
    if not content.routes:
        ids.extend(site.statute.general_rule.sources)
        for pen in site.statute.penalties:
            ids.extend(pen.sources)
    for key, items in (("context", cfg.context), ("next_steps", cfg.next_steps)):
        wanted = getattr(content, key)
        for g in items:
            if g.id in wanted:
                ids.extend(g.sources)
    return list(dict.fromkeys(ids))


def compile_check(site: SiteData, config: ToolsFile) -> Tree:
    """Build the "Can they get my tax information?" tree from the route data."""
    cfg = config.check
    authority_options = [*cfg.authorities, *([DONT_KNOW] if cfg.dont_know else [])]
    questions: dict[str, Question] = {}
    outcomes: dict[str, Outcome] = {}
    anchors: dict[str, str] = {}
    start = "q-recipient"

    def content_of(r: str, p: str | None, a: str) -> _Content:
        return _content(site, cfg, r, p, a)

    def end(answers: tuple[str, ...], r: str, p: str | None, a: str | None,
            content: _Content) -> str:
        oid = _outcome_id(content)
        if oid not in outcomes:
            origin = ("data/exceptions.yml#" + ", ".join(x.route for x in content.routes)
                      if content.routes else "data/statute.yml#general_rule")
            outcomes[oid] = Outcome(
                id=oid, verdict=content.verdict, own_motion=content.own_motion,
                routes=list(content.routes),
                groups=[(need, list(refs)) for need, refs in content.groups],
                context=list(content.context), next_steps=list(content.next_steps),
                readings=list(content.readings), sources=_sources(site, cfg, content),
                origin=origin)
        anchor = anchor_for(answers)
        anchors[anchor] = oid
        outcomes[oid].paths.append(PathEnd(anchor, answers, r, p, a))
        return anchor

    def authority_step(prefix: tuple[str, ...], r: str, p: str | None, step: int) -> str:
        """The what-they-have question for (r, p), or the outcome if it cannot matter. Its id
        is made of the answers given (like the path anchors), never of a skipped question."""
        contents = {a: content_of(r, p, a) for a in cfg.authorities}
        if len({c.key() for c in contents.values()}) == 1:
            return end(prefix, r, p, None, contents[cfg.authorities[0]])
        qid = "q-authority-" + SEP.join(prefix)
        options = []
        for a in authority_options:
            content = contents[a] if a in contents else content_of(r, p, a)
            label = "check.dont_know" if a == DONT_KNOW else f"authorities.{a}.label"
            options.append(Option(a, label, end((*prefix, a), r, p, a, content)))
        questions[qid] = Question(qid, "authority", "check.q.authority", options, step,
                                  step, f"{TOOLS_FILE}#check.authorities", r, p)
        return qid

    rec_options = []
    for r in cfg.recipients:
        purposes = purposes_for(site, r, cfg.extra_purposes.get(r, []))
        # Skip "why?" when it cannot change anything: one option, or the same outcome for
        # every purpose whatever they hold.
        skip_purpose = len(purposes) <= 1 or all(
            len({content_of(r, p, a).key() for p in purposes}) == 1
            for a in authority_options)
        if skip_purpose:
            p_only = purposes[0] if purposes else None
            rec_options.append(Option(r, f"recipients.{r}.label",
                                      authority_step((r,), r, p_only, 2)))
            continue
        qid = f"q-purpose-{r}"
        p_options = [Option(p, f"purposes.{p}.label", authority_step((r, p), r, p, 3))
                     for p in purposes]
        questions[qid] = Question(qid, "purpose", "check.q.purpose", p_options, 2, 3,
                                  f"data/exceptions.yml (purposes of {r})", r)
        rec_options.append(Option(r, f"recipients.{r}.label", qid))
    # Totals: the number of questions on the paths through each node.
    questions[start] = Question(start, "recipient", "check.q.recipient", rec_options, 1,
                                1, f"{TOOLS_FILE}#check.recipients")
    _set_totals(questions, start)
    # Stable order for the no-JS page and the JSON: questions by step, then outcomes.
    ordered: dict[str, Question | Outcome] = {start: questions.pop(start)}
    ordered.update(sorted(questions.items(), key=lambda kv: kv[1].step))
    ordered.update(outcomes)
    tree = Tree(TREE_ID, start, ordered, anchors, dict(cfg.aliases))
    validate_tree(tree)
    check_routes_shown(site, tree)
    return tree


def _set_totals(questions: dict[str, Question], start: str) -> None:
    def depth(qid: str) -> int:
        q = questions[qid]
        below = [depth(o.next) for o in q.options if o.next in questions]
        return 1 + (max(below) if below else 0)

    def walk(qid: str, total: int) -> None:
        q = questions[qid]
        q.total = total
        for o in q.options:
            if o.next in questions:
                walk(o.next, total)

    root = questions[start]
    for o in root.options:
        if o.next in questions:
            walk(o.next, 1 + depth(o.next))
    root.total = depth(start)


def check_routes_shown(site: SiteData, tree: Tree) -> None:
    """Every route the tool can show has its plain ``when`` phrase."""
    from .yamlsrc import read_yaml

    missing = {ref for o in tree.outcomes() for ref in o.routes
               if route_by_ref(site, ref)[1].when is None}
    if not missing:
        return
    doc = read_yaml(site.root / "data" / "exceptions.yml", site.root)
    problems = []
    ex_index = {x: i for i, x in enumerate(site.exceptions)}
    for ref in sorted(missing, key=lambda r: (ex_index[r.exception], r.route)):
        ex = site.exceptions[ref.exception]
        j = [r.id for r in ex.routes].index(ref.route)
        path = f"exceptions[{ex_index[ref.exception]}].routes[{j}]"
        problems.append(Problem("data/exceptions.yml", doc.line_of(path), path,
                                f"route {ref.route!r} can be shown by the tool, so it needs "
                                "'when' (one plain phrase: what must be true)"))
    raise DataError(problems)


# ---------------------------------------------------------------------------------------------
# Checks for any tree
# ---------------------------------------------------------------------------------------------


def validate_tree(tree: Tree) -> None:
    """Refuse dangling options, unreachable nodes, cycles, unsourced outcomes and shared ids."""
    problems: list[Problem] = []

    def problem(node: Question | Outcome, message: str) -> None:
        problems.append(Problem(node.origin.split("#")[0], None, f"{tree.id}.{node.id}", message))

    if tree.start not in tree.nodes:
        problems.append(Problem(TOOLS_FILE, None, tree.id, f"start node {tree.start!r} is "
                                "missing"))
        raise DataError(problems)
    for anchor, oid in tree.anchors.items():
        if anchor in tree.nodes:
            problems.append(Problem(TOOLS_FILE, None, f"{tree.id}.{anchor}",
                                    "a path anchor has the same id as a node"))
        if not isinstance(tree.nodes.get(oid), Outcome):
            problems.append(Problem(TOOLS_FILE, None, f"{tree.id}.{anchor}",
                                    f"path anchor leads to {oid!r}, which is not an outcome"))
    for old, new in tree.aliases.items():
        if old in tree.nodes or old in tree.anchors:
            problems.append(Problem(TOOLS_FILE, None, f"check.aliases.{old}",
                                    "alias of an id that still exists"))
        if new not in tree.nodes and new not in tree.anchors:
            problems.append(Problem(TOOLS_FILE, None, f"check.aliases.{old}",
                                    f"alias points at {new!r}, which does not exist"))
    for node in tree.nodes.values():
        if isinstance(node, Question):
            if not node.options:
                problem(node, f"question has no options: a path ends without an outcome "
                        f"(from {node.origin})")
            seen: set[str] = set()
            for opt in node.options:
                if opt.id in seen:
                    problem(node, f"option {opt.id!r} is offered twice")
                seen.add(opt.id)
                if opt.next not in tree.nodes and opt.next not in tree.anchors:
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
                nxt = tree.anchors.get(opt.next, opt.next)
                if nxt not in tree.nodes:
                    continue
                if state.get(nxt) == 1:
                    cycle = " -> ".join([*path, node_id, nxt])
                    problem(node, f"cycle: {cycle} (from {node.origin})")
                elif nxt not in state:
                    walk(nxt, [*path, node_id])
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
        node = tree.target(node_id)
        if isinstance(node, Outcome):
            out.append((chosen, node.id))
            return
        for opt in node.options:
            walk(opt.next, [*chosen, opt.id])

    walk(tree.start, [])
    return out


def follow(tree: Tree, answers: list[str]) -> Question | Outcome:
    """The node reached by these answers (raises ``KeyError`` for an answer not offered)."""
    node: Question | Outcome = tree.nodes[tree.start]
    for answer in answers:
        if not isinstance(node, Question):
            raise KeyError(f"{answer!r}: the path has already ended")
        opt = next((o for o in node.options if o.id == answer), None)
        if opt is None:
            raise KeyError(f"{answer!r} is not an answer of {node.id}")
        node = tree.target(opt.next)
    return node


# ---------------------------------------------------------------------------------------------
# The request checker
# ---------------------------------------------------------------------------------------------


@dataclass
class Checklist:
    exception: str
    request: list[str]  # what the request or order must contain or show
    disclosure: list[str]  # limits on what the IRS may give
    after: list[str]  # rules for the recipient afterwards
    sources: list[str]

    @property
    def conditions(self) -> list[str]:
        return [*self.request, *self.disclosure, *self.after]


def compile_request_checker(site: SiteData, config: ToolsFile) -> list[Checklist]:
    """One checklist per configured exception, its conditions grouped by stage."""
    out = []
    problems = []
    for ex_id in config.request_checker.exceptions:
        ex = site.exceptions.get(ex_id)
        if ex is None:
            problems.append(Problem(TOOLS_FILE, None, "request_checker.exceptions",
                                    f"unknown exception id {ex_id!r} (not in data/exceptions.yml)"))
            continue
        by_stage: dict[str, list[str]] = {"request": [], "disclosure": [], "after": []}
        for c in ex.conditions:
            by_stage[c.stage.value if c.stage else "request"].append(c.id)
        sources = list(dict.fromkeys(s for c in ex.conditions for s in c.sources))
        out.append(Checklist(ex_id, by_stage["request"], by_stage["disclosure"],
                             by_stage["after"], sources or ex.sources))
    if problems:
        raise DataError(problems)
    return out


# ---------------------------------------------------------------------------------------------
# Published forms
# ---------------------------------------------------------------------------------------------


def route_json(site: SiteData, ref: RouteRef, text: Any) -> dict[str, Any]:
    ex, r = route_by_ref(site, ref)
    base = f"exceptions.{ex.id}.routes.{r.id}"
    return {
        "id": r.id, "exception": ex.id, "citation": route_citation(site, r, full=True),
        "recipients": r.recipients, "purposes": r.purposes, "needs": r.needs,
        "disclosed": [d.value for d in r.disclosed], "scope": r.scope.value,
        "verdict": r.verdict,
        "when": text(f"{base}.when") if r.when else None,
        "gives": text(f"{base}.gives") if r.gives else None,
        "caution": text(f"{base}.caution") if r.caution else None,
        "conditions": [c.id for c in ex.route_conditions(r)],
    }


def tree_json(tree: Tree, site: SiteData, label: Any, text: Any) -> dict[str, Any]:
    """The published JSON (version 2). ``label(context)`` gives localized plain data text;
    ``text(key)`` localized plain interface text."""
    cfg = site.tools.check
    nodes: dict[str, Any] = {}
    for q in tree.questions():
        nodes[q.id] = {
            "type": "question", "step": q.step, "total": q.total, "text": text(q.text_key),
            "options": [{"id": o.id, "label": label(o.label_context) if o.id != DONT_KNOW
                         else text(o.label_context), "next": o.next} for o in q.options],
        }
    guidance = {g.id: g for g in [*cfg.context, *cfg.next_steps]}
    outcomes: dict[str, Any] = {}
    for o in tree.outcomes():
        outcomes[o.id] = {
            "verdict": o.verdict,
            "own_motion": o.own_motion,
            "text": text("check.verdict." + ("own-motion" if o.own_motion else o.verdict)),
            "routes": [route_json(site, ref, label) for ref in o.routes],
            "groups": [{"needs": need, "routes": [ref.route for ref in refs]}
                       for need, refs in o.groups],
            "exceptions": o.exceptions,
            "context": [{"id": g, "text": label(f"check.context.{g}.text"),
                         "sources": guidance[g].sources} for g in o.context],
            "next_steps": [{"id": g, "text": label(f"check.next_steps.{g}.text"),
                            "sources": guidance[g].sources} for g in o.next_steps],
            "court_readings": [
                {"exception": x, "id": rid, "date": _reading(site, x, rid).date,
                 "court": label(f"exceptions.{x}.court_readings.{rid}.court"),
                 "text": label(f"exceptions.{x}.court_readings.{rid}.text"),
                 "sources": _reading(site, x, rid).sources}
                for x, rid in o.readings],
            "sources": o.sources,
        }
    results = {p.anchor: {"answers": list(p.answers), "outcome": o.id}
               for o in tree.outcomes() for p in o.paths}
    return {"id": tree.id, "version": 2, "as_of": site.site.as_of.isoformat(),
            "start": tree.start, "nodes": nodes, "results": results, "outcomes": outcomes,
            "aliases": tree.aliases}


def published_ids(tree: Tree) -> set[str]:
    """The ids a link may point at: questions, answer paths, and the aliases of old ones."""
    return {q.id for q in tree.questions()} | set(tree.anchors) | set(tree.aliases)


def _reading(site: SiteData, exception: str, reading: str) -> Any:
    return next(r for r in site.exceptions[exception].court_readings if r.id == reading)


def digest(tree: Tree, site: SiteData) -> str:
    """A human-readable list of every path: answers → verdict → routes (committed file)."""
    lines = [
        f"# Decision tree {tree.id!r}: every answer path, its verdict and the routes that apply.",
        "# Generated by `make digest` from data/; CI fails when it is out of date, so a data",
        "# edit that changes an answer shows up in review. Anchor = the published #id.",
        "",
    ]
    for chosen, oid in paths(tree):
        outcome = tree.nodes[oid]
        assert isinstance(outcome, Outcome)
        if outcome.groups:
            routes = "; ".join(
                f"{need}: " + ", ".join(site_citation(site, r) for r in refs)
                for need, refs in outcome.groups)
        else:
            routes = ", ".join(site_citation(site, r) for r in outcome.routes) or "none"
        extra = [*(f"context:{c}" for c in outcome.context)]
        lines.append(f"{' / '.join(chosen)}  #{anchor_for(tuple(chosen))}")
        verdict = outcome.verdict + (" (no request needed only)" if outcome.own_motion else "")
        lines.append(f"    -> {verdict}: {routes}"
                     + (f" [{', '.join(extra)}]" if extra else ""))
    return "\n".join(lines) + "\n"


def site_citation(site: SiteData, ref: RouteRef) -> str:
    return route_citation(site, route_by_ref(site, ref)[1])


def route_sources(site: SiteData, ref: RouteRef) -> list[str]:
    """The source to cite for a route: the vendored law it rests on (data/sources.yml entry with
    that ``law_file``), else the exception's first source (the § 6103 text)."""
    ex, route = route_by_ref(site, ref)
    if route.law is not None:
        own = [sid for sid, src in site.sources.items() if src.law_file == route.law]
        if own:
            return own[:1]
    return list(ex.sources[:1])


def route_citation(site: SiteData, route: Route, *, full: bool = False) -> str:
    """What a route rests on: "§ 6103(i)(2)" (or "26 U.S.C. § 6103(i)(2)" in full), or, for a
    route on another law, that law's citation: "31 U.S.C. § 3720A(c)"."""
    if route.law is None:
        return ("26 U.S.C. " if full else "") + "§ 6103" + route.paragraph
    section = next((f["citation"] for f in site.law_manifest if f.get("file") == route.law),
                   route.law)
    return section + route.paragraph
