"""The pages of the site, found by convention in ``docs/``.

A page is ``docs/<id>.md`` (``index.md`` is the page ``home``). Its front matter gives its
English title and description (translated like every other text, under ``page.<id>.title`` and
``page.<id>.description``), its place in the menu, and whether it has an embed version. Its
body is the partial ``overrides/partials/app/pages/<id>.html``. Nothing else lists pages:
the menu, the embed pages, the oEmbed files and the translators' catalogue follow from here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError

from . import models as m
from .errors import DataError, Problem
from .yamlsrc import parse_yaml

HOME = "home"
BODY = "{{ page_body() }}"


class SearchMeta(m.Strict):
    exclude: bool = False


class PageMeta(m.Strict):
    """Front matter of ``docs/<id>.md``."""

    title: m.Prose
    description: m.Prose
    nav: int | None = Field(default=None, ge=1, description="place in the menu (none: not in it)")
    embed: bool = Field(default=False, description="also published at embed/<url>")
    embed_panel: bool = Field(default=True, description="with embed: offer the page to embed "
                              "(an 'Embed this' panel and an oEmbed file); false for a page "
                              "that is only a part of another embed (the tool's answers)")
    css: m.Id | None = Field(default=None, description="assets/app/<css>.css for this page")
    js: m.Id | None = Field(default=None, description="assets/app/<js>.js for this page")
    parts: Literal["subsections"] | None = Field(
        default=None, description="also one page per part, at <url><part>/ (subsections: one "
        "per subsection of § 6103 that has exceptions)")
    priority: bool = Field(default=False, description="a page every locale translates in full "
                           "(the rendered test fails when more than 2% of its text is English)")
    hide: list[Literal["toc", "navigation"]] = Field(default_factory=list)
    search: SearchMeta = Field(default_factory=SearchMeta)


class Page:
    """One page: its id, file and front matter."""

    def __init__(self, page_id: str, file: str, meta: PageMeta) -> None:
        self.id = page_id
        self.file = file
        self.meta = meta

    @property
    def url(self) -> str:
        """Its URL below a locale's root: ``""`` for home, ``"faq/"`` for the FAQ."""
        return "" if self.id == HOME else f"{self.id}/"

    @property
    def embed_url(self) -> str:
        return f"embed/{self.id}/"

    def __repr__(self) -> str:
        return f"Page({self.id!r})"


def page_id(stem: str) -> str:
    return HOME if stem == "index" else stem


def split_front_matter(text: str, rel: str) -> tuple[str, str]:
    """(front matter, body) of a Markdown file that must start with ``---``."""
    if not text.startswith("---\n"):
        raise DataError([Problem(rel, 1, "", "a page must start with front matter ('---')")])
    end = text.find("\n---\n", 3)
    if end < 0:
        raise DataError([Problem(rel, 1, "", "front matter is not closed by a '---' line")])
    return text[4:end + 1], text[end + 5:]


def load_pages(root: Path) -> dict[str, Page]:
    """Every ``docs/*.md`` page, in menu order (pages not in the menu last, by id)."""
    docs = root / "docs"
    pages: dict[str, Page] = {}
    problems: list[Problem] = []
    for path in sorted(docs.glob("*.md")):
        rel = path.relative_to(root).as_posix()
        try:
            head, body = split_front_matter(path.read_text(encoding="utf-8"), rel)
            doc = parse_yaml(head, rel, first_line=2)
        except DataError as exc:
            problems.extend(exc.problems)
            continue
        try:
            meta = PageMeta.model_validate(doc.data or {})
        except ValidationError as exc:
            for err in exc.errors():
                path_s = ".".join(str(p) for p in err["loc"] if isinstance(p, str | int))
                problems.append(Problem(rel, doc.line_of(path_s), path_s, err["msg"]))
            continue
        if body.strip() != BODY:
            problems.append(Problem(rel, None, "", f"the body must be exactly {BODY} (the page "
                                    f"is written in overrides/partials/app/pages/"
                                    f"{page_id(path.stem)}.html)"))
        pages[page_id(path.stem)] = Page(page_id(path.stem), rel, meta)
    if HOME not in pages and not problems:
        problems.append(Problem("docs/", None, "index.md", "the home page docs/index.md is "
                                "missing"))
    navs: dict[int, str] = {}
    for p in pages.values():
        if p.meta.nav is not None:
            if p.meta.nav in navs:
                problems.append(Problem(p.file, None, "nav", f"menu place {p.meta.nav} is also "
                                        f"used by {pages[navs[p.meta.nav]].file}"))
            navs[p.meta.nav] = p.id
    if problems:
        raise DataError(problems)
    order = sorted(pages.values(), key=lambda p: (p.meta.nav is None, p.meta.nav or 0, p.id))
    return {p.id: p for p in order}
