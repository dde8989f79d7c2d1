"""The data contract: one pydantic model per file in ``data/``.

Every model forbids unknown keys (a typo must not pass silently) and coerces nothing loosely:
a boolean is ``true`` or ``false`` (never ``"no"`` or ``1``) and a number is a number. Ids are
kebab-case and are used as anchors, URL fragments and translation contexts, so they never change
once published. Cross-file references (source ids, recipient ids, case ids ...) are checked in
``load.py``.

Length limits (characters, after trimming; the JSON Schemas show them as ``maxLength``): ids 60,
one-line labels (names, terms, citations, courts) 120, titles and questions 200, paragraphs
3000. Dates are never in the future (the build date is "today"). Markdown links go only to
https:// URLs, mailto:, in-page anchors (#...) or pages of the site (relative): scheme-relative
``//host/x`` and ``http://`` links are refused, as they are in URL fields.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated, Literal

from markdown_it import MarkdownIt
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StringConstraints,
    ValidationInfo,
    field_validator,
)
from pydantic_core import PydanticCustomError


class Strict(BaseModel):
    """Base for every data model: unknown keys are errors; values are not coerced loosely."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)

    @field_validator("*", mode="before")
    @classmethod
    def _no_loose_scalars(cls, value: object, info: ValidationInfo) -> object:
        """A field declared ``bool`` takes only true/false; one declared ``int`` only a whole
        number (pydantic would otherwise read ``"no"`` as false and ``"3"`` as 3). This holds
        for every model built on ``Strict``, page front matter included."""
        field = cls.model_fields.get(info.field_name or "")
        if field is None or value is None:
            return value
        kind = field.annotation
        if kind in (bool, bool | None) and not isinstance(value, bool):
            raise PydanticCustomError("strict_bool", "must be true or false; got {value}",
                                      {"value": repr(value)})
        if kind in (int, int | None) and (isinstance(value, bool) or not isinstance(value, int)):
            raise PydanticCustomError("strict_int", "must be a whole number; got {value}",
                                      {"value": repr(value)})
        return value


# ---------------------------------------------------------------------------------------------
# Field types
# ---------------------------------------------------------------------------------------------

ID_MAX = 60
LABEL_MAX = 120
TITLE_MAX = 200
PARAGRAPH_MAX = 3000

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", min_length=1, max_length=ID_MAX),
    Field(description=f"kebab-case id: lowercase letters, digits and single hyphens (at most "
          f"{ID_MAX} characters)"),
]


def _one_line(value: str) -> str:
    if "\n" in value:
        raise ValueError("must be one line (no line breaks)")
    return value


Text = Annotated[
    str,
    StringConstraints(min_length=1, strip_whitespace=True, max_length=PARAGRAPH_MAX),
    Field(description=f"plain text (no Markdown, no HTML), at most {PARAGRAPH_MAX} characters"),
]

Label = Annotated[
    str,
    StringConstraints(min_length=1, strip_whitespace=True, max_length=LABEL_MAX),
    AfterValidator(_one_line),
    Field(description=f"plain text on one line (a name, term, citation or option label), at "
          f"most {LABEL_MAX} characters"),
]

Title = Annotated[
    str,
    StringConstraints(min_length=1, strip_whitespace=True, max_length=TITLE_MAX),
    AfterValidator(_one_line),
    Field(description=f"a title or question: plain text on one line, at most {TITLE_MAX} "
          "characters"),
]

# Link targets as written (the renderer's own check is bypassed here, so each is seen).
_LINK_PARSER = MarkdownIt("commonmark", {"html": False})
_LINK_PARSER.validateLink = lambda url: True  # type: ignore[method-assign]
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def link_targets(text: str) -> list[str]:
    """Every link target of a Markdown text (inline links and autolinks)."""
    if "](" not in text and "<" not in text and "]:" not in text:
        return []  # no inline link, autolink or link definition: nothing to parse
    out = []
    for block in _LINK_PARSER.parse(text):
        for tok in block.children or []:
            if tok.type == "link_open":
                out.append(str(tok.attrGet("href") or ""))
    return out


def link_problem(text: str) -> str | None:
    """Why a Markdown text's link is refused (``None`` if every link is fine)."""
    for href in link_targets(text):
        if re.match(r"^https://[^\s/\\?#]", href) or href.startswith(("mailto:", "#")):
            continue
        if href.startswith(("//", "\\", "/\\")) or _SCHEME.match(href) or not href:
            return (f"link target {href!r} is not allowed: use an https:// URL, mailto:, an "
                    "in-page #anchor or a relative link to a page of the site (scheme-relative "
                    "//host and http:// links are refused)")
    return None


def _safe_links(value: str) -> str:
    problem = link_problem(value)
    if problem:
        raise ValueError(problem)
    return value


Markdown = Annotated[
    str,
    StringConstraints(min_length=1, strip_whitespace=True, max_length=PARAGRAPH_MAX),
    AfterValidator(_safe_links),
    Field(description="text with the safe Markdown subset: emphasis, links, lists (no raw "
          f"HTML); links only to https://, mailto:, #anchors or site pages; at most "
          f"{PARAGRAPH_MAX} characters"),
]

_PLACEHOLDER = re.compile(r"\b(TODO|TBD|FIXME|XXX|lorem ipsum)\b", re.IGNORECASE)


def _no_placeholder(value: str) -> str:
    if _PLACEHOLDER.search(value):
        raise ValueError("placeholder text (TODO/TBD/FIXME/lorem ipsum) is not allowed")
    return value


Prose = Annotated[Text, AfterValidator(_no_placeholder)]
ProseMd = Annotated[Markdown, AfterValidator(_no_placeholder)]
TitleProse = Annotated[Title, AfterValidator(_no_placeholder)]
LabelProse = Annotated[Label, AfterValidator(_no_placeholder)]

URL_MAX = 500


def _https(value: str) -> str:
    # The one https-only rule for URL fields: no http://, no scheme-relative //host/x.
    if not re.match(r"^https://[^\s/$.?#\\][^\s]*$", value):
        raise ValueError("must be an https:// URL (http:// and scheme-relative //host links "
                         "are refused)")
    if len(value) > URL_MAX:
        raise ValueError(f"URL is longer than {URL_MAX} characters")
    return value


HttpsUrl = Annotated[str, AfterValidator(_https),
                     Field(description=f"an https:// URL (not http://, not scheme-relative "
                           f"//host), at most {URL_MAX} characters")]

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _partial_date(value: str) -> str:
    m = _PARTIAL_DATE.match(value)
    if not m:
        raise ValueError("must be a date written YYYY-MM-DD (or YYYY-MM, or YYYY)")
    year, month, day = m.group(1), m.group(2), m.group(3)
    try:
        dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError as exc:
        raise ValueError(f"{value!r} is not a real date ({exc})") from None
    start = dt.date(int(year), int(month or 1), int(day or 1))
    if start > dt.date.today():
        raise ValueError(f"{value} is in the future (the build date is {dt.date.today()})")
    return value


PartialDate = Annotated[
    str,
    AfterValidator(_partial_date),
    Field(description="a real date: YYYY-MM-DD, or YYYY-MM / YYYY when only that is known; "
          "not after the build date"),
]


def _real_date(value: object) -> dt.date:
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not re.match(r"^\d{4}-\d{2}-\d{2}$", value):
        raise ValueError("must be a date written YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise ValueError(f"{value!r} is not a real date ({exc})") from None


def _not_future(value: dt.date) -> dt.date:
    if value > dt.date.today():
        raise ValueError(f"{value} is in the future (the build date is {dt.date.today()})")
    return value


FullDate = Annotated[
    dt.date,
    BeforeValidator(_real_date),
    AfterValidator(_not_future),
    Field(description="a real date written YYYY-MM-DD, not after the build date"),
]


class Confidence(StrEnum):
    """How well a fact is verified (the fact sheet's tags)."""

    verified_primary = "verified-primary"
    verified_secondary = "verified-secondary"
    single_source = "single-source"
    unverified = "unverified"


SourceIds = Annotated[list[Id], Field(min_length=1, description="ids from data/sources.yml")]


# ---------------------------------------------------------------------------------------------
# data/site.yml
# ---------------------------------------------------------------------------------------------


class KeyPoint(Strict):
    """One of the "things to know now" on the home page: a sourced statement."""

    id: Id
    text: ProseMd
    confidence: Confidence
    sources: SourceIds


class SiteInfo(Strict):
    """Facts about the site itself: dates that every page shows."""

    as_of: FullDate = Field(description="facts are current to this date (newest source checked)")
    last_reviewed: FullDate = Field(description="when the whole site was last reviewed")
    maintainer: LabelProse
    report_error: ProseMd = Field(description="how a reader reports an error (Markdown)")
    quick_exit_url: HttpsUrl = Field(description="neutral site the quick-exit control opens")
    key_points: list[KeyPoint] = Field(min_length=3, max_length=3,
                                       description="the three things to know now (home page)")


class SiteFile(Strict):
    site: SiteInfo


# ---------------------------------------------------------------------------------------------
# data/sources.yml
# ---------------------------------------------------------------------------------------------


class SourceKind(StrEnum):
    statute = "statute"
    regulation = "regulation"
    court_document = "court-document"
    government_statement = "government-statement"
    government_report = "government-report"
    agency_manual = "agency-manual"
    news = "news"
    advocacy_guide = "advocacy-guide"
    research = "research"


class Source(Strict):
    """One source, recorded once; everything else cites it by id."""

    id: Id
    title: Title
    author: Title = Field(description="author, court or publishing body")
    date: PartialDate | None = Field(default=None, description="publication date, if known")
    url: HttpsUrl
    kind: SourceKind
    note: Text | None = Field(default=None, description="what this copy is (e.g. 'AP text')")
    law_file: str | None = Field(default=None, description="the file under data/law/ that "
                                 "vendors this text; data citing this source must quote it")


class SourcesFile(Strict):
    sources: list[Source] = Field(min_length=1)


# ---------------------------------------------------------------------------------------------
# Controlled vocabularies: data/recipients.yml, data/purposes.yml, data/authorities.yml
# ---------------------------------------------------------------------------------------------


class Term(Strict):
    """An entry of a controlled vocabulary (who asks, why, with what)."""

    id: Id
    label: Label = Field(description="short label shown in tables and widget options")
    description: Prose | None = None


class RecipientsFile(Strict):
    recipients: list[Term] = Field(min_length=1)


class PurposesFile(Strict):
    purposes: list[Term] = Field(min_length=1)


class Authority(Term):
    """What a requester holds. ``includes``: what holding it also counts as (a judge's order
    or a written request still leaves the IRS free to use the routes that need nothing)."""

    includes: list[Id] = Field(default_factory=list,
                               description="ids of authorities that holding this one includes")


class AuthoritiesFile(Strict):
    authorities: list[Authority] = Field(min_length=1)


# ---------------------------------------------------------------------------------------------
# data/statute.yml and data/exceptions.yml
# ---------------------------------------------------------------------------------------------


class Verification(Strict):
    """What was checked of a statute paragraph, where, and when."""

    confidence: Confidence
    checked_in: Prose = Field(description="which text was read (e.g. 'current-law copy at ...')")
    checked_on: FullDate
    note: Prose | None = None


class Quote(Strict):
    """The statute's own words, checked word for word against the vendored text (data/law/),
    inside the paragraph cited."""

    paragraph: Annotated[str, StringConstraints(pattern=r"^(\([A-Za-z0-9]+\))*$")] = Field(
        description="where in the section, e.g. (i)(2)(B)(i); empty for the whole section")
    text: Text = Field(description="exact words (line breaks and spacing may differ)")
    file: str = Field(default="usc-26-6103.txt", description="file under data/law/")


class Definition(Strict):
    id: Id
    term: Label
    citation: Label
    text: ProseMd
    quote: Quote
    verification: Verification
    sources: SourceIds


class Penalty(Strict):
    id: Id
    citation: Label
    title: Title
    summary: ProseMd
    quotes: list[Quote] = Field(min_length=1)
    verification: Verification
    sources: SourceIds


class GeneralRule(Strict):
    citation: Label
    summary: ProseMd
    quote: Quote
    verification: Verification
    sources: SourceIds


class StatuteFile(Strict):
    general_rule: GeneralRule
    definitions: list[Definition] = Field(min_length=1)
    penalties: list[Penalty] = Field(min_length=1)


class Disclosed(StrEnum):
    """What an exception lets the IRS hand over (the § 6103(b) categories)."""

    returns = "returns"
    taxpayer_return_information = "taxpayer-return-information"
    other_return_information = "other-return-information"
    taxpayer_identity = "taxpayer-identity"


class Scope(StrEnum):
    """Whether a disclosure concerns one named taxpayer or many."""

    one_taxpayer = "one-taxpayer"
    many_taxpayers = "many-taxpayers"
    either = "either"


class Stage(StrEnum):
    """When a condition applies: what a request must contain, what limits the disclosure itself,
    and what binds the recipient afterwards (the request checker keeps them apart)."""

    request = "request"
    disclosure = "disclosure"
    after = "after"


class Condition(Strict):
    """One requirement of an exception."""

    id: Id
    text: ProseMd
    stage: Stage | None = Field(
        default=None,
        description="request: what the request or order must contain or show; disclosure: "
        "limits on what the IRS may give; after: rules for the recipient once it has it")
    rulings: list[Id] = Field(default_factory=list,
                              description="ids of this exception's court readings that weighed "
                              "this requirement")
    quote: Quote | None = Field(default=None, description="the statute's words for this "
                                "requirement (required when it cites the statute)")
    sources: SourceIds


class CourtReading(Strict):
    """How a court has read an exception, with the date it said so."""

    id: Id = Field(description="stable id (anchors, translation contexts, condition rulings)")
    date: PartialDate
    court: Label
    case: Id | None = Field(default=None, description="case id from data/cases/")
    text: ProseMd
    confidence: Confidence
    sources: SourceIds


ANY = "any"
"""In a route's ``recipients`` or ``purposes``: whoever, or whatever purpose (for example the
taxpayer's own designee under § 6103(c), or a tax committee of Congress under § 6103(f)(1))."""

_DISCLOSED_ORDER = ["returns", "taxpayer-return-information", "other-return-information",
                    "taxpayer-identity"]


class Route(Strict):
    """One way an exception can apply: who may receive, for what, holding what, and how much.

    The decision tool is compiled from routes. ``needs`` is the *least* the requester must hold
    (``nothing`` means no request is needed, e.g. the IRS may act on its own); holding more
    (``includes`` in data/authorities.yml) never removes a route.
    """

    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=40)] = \
        Field(description="unique across data/exceptions.yml; used in outcome data and JSON")
    paragraph: Annotated[str, StringConstraints(pattern=r"^(\([a-zA-Z0-9]+\))+$")] = Field(
        description="the paragraph of § 6103 this route rests on, e.g. (i)(2) (or of `law`)")
    law: Annotated[str, StringConstraints(pattern=r"^[a-zA-Z0-9-]+\.txt$")] | None = Field(
        default=None, description="a vendored law file (data/law/) when the route rests on "
        "another law than § 6103, which allows or requires the sharing itself, e.g. "
        "usc-31-3720A.txt (the home address sent when a refund pays a federal debt)")
    recipients: list[Id] = Field(min_length=1, description="ids from data/recipients.yml, "
                                 "or [any]")
    purposes: list[Id] = Field(min_length=1, description="ids from data/purposes.yml, or [any]")
    needs: Id = Field(description="id from data/authorities.yml: the least the requester must "
                      "hold")
    disclosed: list[Disclosed] = Field(min_length=1)
    scope: Scope
    when: ProseMd | None = Field(default=None, description="one plain phrase: what must be "
                                 "true for this route (required when the tool can show it)")
    verdict: Literal["allowed", "conditional"] = Field(
        default="conditional",
        description="allowed: the taxpayer decided (consent); conditional: conditions apply")
    conditions: list[Id] = Field(default_factory=list, description="ids of the exception's "
                                 "conditions that apply to this route (default: all)")
    gives: ProseMd | None = Field(default=None, description="what exactly can be given, when "
                                  "narrower than the disclosed categories say (e.g. 'your "
                                  "mailing address')")
    caution: ProseMd | None = Field(default=None, description="a warning shown with this route")


class Exception_(Strict):
    """One exception to § 6103(a): who may receive what, why, and on what conditions."""

    id: Annotated[Id, StringConstraints(pattern=r"^x-6103-[a-z0-9-]+$")]
    citation: Label = Field(description="e.g. 26 U.S.C. § 6103(i)(2)")
    subsection: Annotated[str, StringConstraints(pattern=r"^[c-o]$")]
    title: TitleProse
    summary: ProseMd
    routes: list[Route] = Field(min_length=1)
    conditions: list[Condition] = Field(min_length=1)
    redisclosure: ProseMd
    court_readings: list[CourtReading] = Field(default_factory=list)
    verification: Verification
    sources: SourceIds

    # The tables and filters show an exception as a whole: the union of its routes.
    @property
    def recipients(self) -> list[str]:
        return _union(r.recipients for r in self.routes)

    @property
    def purposes(self) -> list[str]:
        return _union(r.purposes for r in self.routes)

    @property
    def authority(self) -> list[str]:
        return _union([r.needs] for r in self.routes)

    @property
    def disclosed(self) -> list[Disclosed]:
        found = {d.value for r in self.routes for d in r.disclosed}
        return [Disclosed(v) for v in _DISCLOSED_ORDER if v in found]

    @property
    def scope(self) -> Scope:
        scopes = {r.scope for r in self.routes}
        return scopes.pop() if len(scopes) == 1 else Scope.either

    def route_conditions(self, route: Route) -> list[Condition]:
        """The conditions that apply to one route (all of them unless the route lists some)."""
        if not route.conditions:
            return list(self.conditions)
        return [c for c in self.conditions if c.id in route.conditions]


def _union(lists: object) -> list[str]:
    out: list[str] = []
    for items in lists:  # type: ignore[attr-defined]
        for item in items:
            if item not in out:
                out.append(item)
    return out


class ExceptionsFile(Strict):
    exceptions: list[Exception_] = Field(min_length=1)


# ---------------------------------------------------------------------------------------------
# data/cases/*.yml
# ---------------------------------------------------------------------------------------------


class EventKind(StrEnum):
    filing = "filing"
    order = "order"
    opinion = "opinion"
    hearing = "hearing"
    appeal = "appeal"
    agency_agreement = "agency-agreement"
    disclosure_reported = "disclosure-reported"
    report = "report"


class Event(Strict):
    id: Id
    date: PartialDate
    kind: EventKind
    title: TitleProse
    what_happened: ProseMd
    what_it_means: ProseMd = Field(description="what it means for an ITIN filer")
    confidence: Confidence
    sources: SourceIds


class Status(Strict):
    stage: Literal["pending", "decided", "on-appeal", "unknown", "closed"]
    text: ProseMd
    in_force: ProseMd = Field(description="what is in force now because of this case, in one "
                              "or two plain sentences (the lawsuits page's table and the tool)")
    next_step: ProseMd | None = Field(default=None, description="the next step known, if any")
    as_of: FullDate
    latest_event: Id = Field(description="the event this status follows from")
    sources: SourceIds


class Parties(Strict):
    plaintiffs: list[Title] = Field(min_length=1)
    defendants: list[Title] = Field(min_length=1)


class Case(Strict):
    id: Id
    caption: Title
    short_name: Label
    court: Label
    docket: Label
    docket_unchecked: bool = Field(default=False, description=(
        "true when the docket number comes from a copy of the complaint and was not checked on "
        "the court's docket; the pages say so in the reader's language"))
    judge: Label
    appeal_of: Id | None = Field(default=None, description="id of the lower-court case")
    parties: Parties
    about: ProseMd
    status: Status
    events: list[Event] = Field(min_length=1)
    sources: SourceIds


class CaseFile(Strict):
    case: Case


# ---------------------------------------------------------------------------------------------
# data/faq.yml, data/glossary.yml, data/help.yml
# ---------------------------------------------------------------------------------------------


class Audience(StrEnum):
    community = "community"
    advocate = "advocate"


class FaqEntry(Strict):
    id: Id
    question: TitleProse
    answer: ProseMd
    audience: list[Audience] = Field(min_length=1)
    related_exceptions: list[Id] = Field(default_factory=list)
    sources: SourceIds


class FaqFile(Strict):
    faq: list[FaqEntry] = Field(min_length=1)


class GlossaryEntry(Strict):
    id: Id
    term: Label
    definition: ProseMd
    sources: list[Id] = Field(default_factory=list)


class GlossaryFile(Strict):
    glossary: list[GlossaryEntry] = Field(min_length=1)


class Phone(Strict):
    """A phone number, from an official page or the provider's own page (never from memory)."""

    number: Annotated[str, StringConstraints(pattern=r"^[0-9(][0-9 ()+-]{6,20}[0-9]$")]
    note: Prose | None = Field(default=None, description="what the number is for, and how sure")
    sources: SourceIds


class HelpEntry(Strict):
    id: Id
    name: Label
    kind: Literal["legal-aid", "tax-clinic", "immigration-legal", "directory", "government",
                  "advocacy"]
    description: ProseMd = Field(description="what it does")
    serves: Prose | None = Field(default=None, description="who it serves")
    languages: Prose | None = Field(default=None, description="languages, as the source says")
    phone: Phone | None = None
    url: HttpsUrl
    localized_urls: dict[str, HttpsUrl] = Field(
        default_factory=dict, description="the provider's page in another language, by locale")
    checked_on: FullDate = Field(description="when this entry was checked against its sources")
    sources: SourceIds


class HelpFile(Strict):
    help: list[HelpEntry] = Field(min_length=1)


# ---------------------------------------------------------------------------------------------
# data/locales.yml and data/strings.yml
# ---------------------------------------------------------------------------------------------


class Review(Strict):
    state: Literal["source", "machine-assisted", "community-reviewed", "legal-reviewed"]
    reviewed_by: Label | None = None
    date: FullDate | None = None


class Locale(Strict):
    code: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]+)?$")]
    name: Label = Field(description="the language's name in its own script")
    english_name: Label
    dir: Literal["ltr", "rtl"]
    theme_language: Label = Field(description="Material's theme.language code")
    complete: StrictBool = Field(description="true: published as complete; `make "
                                 "release-check` must pass before a release (an English-only "
                                 "change never blocks CI)")
    draft: StrictBool = Field(default=False, description="true: a language being started "
                              "(`make locale-new`): built and tested, but its priority pages may "
                              "still be in English and it needs no column in the checked-terms "
                              "table of locales/README.md yet; remove once they are translated")
    og_locale: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}_[A-Z]{2}$")] | None = Field(
        default=None, description="Open Graph locale, e.g. es_US (default: from the code)")
    month_names: list[Label] | None = Field(
        default=None, min_length=12, max_length=12,
        description="the twelve months, January first, for a language whose CLDR data has no "
        "month names of its own (Babel would write another language's): dates are then written "
        "'27 <month> 2025'")
    review: Review

    @property
    def babel(self) -> str:
        """The Babel (CLDR) locale for dates and numbers: the code (pt is Brazilian)."""
        return self.code.replace("-", "_")


class LocalesFile(Strict):
    source_locale: str
    locales: list[Locale] = Field(min_length=1)


StringKey = Annotated[str, StringConstraints(pattern=r"^[a-z0-9_-]+(\.[a-z0-9_-]+)*$")]


class StringsFile(Strict):
    """Interface words and page prose. Keys ending in ``_md`` allow the Markdown subset."""

    strings: dict[StringKey, Text]


# ---------------------------------------------------------------------------------------------
# data/tools.yml and data/scenarios.yml
# ---------------------------------------------------------------------------------------------


class Guidance(Strict):
    """A sourced block of the tool's answer, shown when the answers match ``recipients`` and
    ``purposes`` (``[any]`` matches every answer)."""

    id: Id
    recipients: list[Id] = Field(min_length=1, description="recipient ids, or [any]")
    purposes: list[Id] = Field(default_factory=lambda: ["any"],
                               description="purpose ids, or [any]")
    text: ProseMd
    cases: list[Id] = Field(default_factory=list,
                            description="case ids whose 'in force now' line to show with it")
    confidence: Confidence
    sources: SourceIds


class CheckConfig(Strict):
    """Order and extras of the "Can they get my tax information?" tool. Routing and outcomes
    come from the exception data (routes); this file adds only order, the "I don't know"
    answer and the sourced context and next steps shown with answers."""

    recipients: list[Id] = Field(min_length=2, description="who-is-asking options, in order")
    authorities: list[Id] = Field(min_length=2, description="what-they-have options, in order")
    dont_know: StrictBool = Field(description="offer \"I don't know\" as the last what-they-have "
                            "answer")
    extra_purposes: dict[Id, list[Id]] = Field(
        default_factory=dict,
        description="purposes to offer for a recipient even though no exception covers them",
    )
    context: list[Guidance] = Field(default_factory=list,
                                    description="what has actually happened (enforcement paths)")
    next_steps: list[Guidance] = Field(min_length=1, description="what you can do now")
    aliases: dict[str, str] = Field(
        default_factory=dict,
        description="published anchors that were renamed: old anchor -> current node id")


class RequestCheckerConfig(Strict):
    exceptions: list[Id] = Field(min_length=1, description="exceptions an advocate can check")


class ToolsFile(Strict):
    check: CheckConfig
    request_checker: RequestCheckerConfig


class Expect(Strict):
    verdict: Literal["allowed", "conditional", "not-allowed", "depends"]
    routes: list[Id] = Field(default_factory=list,
                             description="route ids the answer must list (exactly, any order)")


class DecidedBy(Strict):
    """The statute's words that decide a scenario (checked against data/law/)."""

    paragraph: Label = Field(description="e.g. 26 U.S.C. § 6103(i)(2)")
    quote: Text = Field(description="words found verbatim in the vendored statute text")
    file: str = Field(default="usc-26-6103.txt", description="file under data/law/")


class Scenario(Strict):
    """A named journey through the tool and the outcome it must reach, written from the
    statute's text (not copied from the compiler's output)."""

    id: Id
    description: Prose
    answers: list[Id] = Field(min_length=1, max_length=3,
                              description="recipient, purpose (unless skipped), what they have")
    expect: Expect
    decided_by: DecidedBy


class ScenariosFile(Strict):
    scenarios: list[Scenario] = Field(min_length=1)


# The files the loader reads, with their models: the JSON Schema export uses this list too.
FILE_MODELS: dict[str, type[Strict]] = {
    "site.yml": SiteFile,
    "sources.yml": SourcesFile,
    "recipients.yml": RecipientsFile,
    "purposes.yml": PurposesFile,
    "authorities.yml": AuthoritiesFile,
    "statute.yml": StatuteFile,
    "exceptions.yml": ExceptionsFile,
    "faq.yml": FaqFile,
    "glossary.yml": GlossaryFile,
    "help.yml": HelpFile,
    "locales.yml": LocalesFile,
    "strings.yml": StringsFile,
    "tools.yml": ToolsFile,
    "scenarios.yml": ScenariosFile,
    "cases/*.yml": CaseFile,
}
