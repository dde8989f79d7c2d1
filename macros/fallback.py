"""English shown in place of a missing translation: one notice per section, and its share.

The lookup (``i18n.py``) wraps every English fallback in an element marked
``data-app-untranslated`` (with ``lang="en"``), so screen readers read it as English. A badge on
every fragment reads like broken links, so instead :func:`mark_sections` puts one short notice,
in the reader's language, at the start of the nearest *section* that holds English: a
``<details>`` (after its summary), a ``<section>`` or ``<article>``, or before a list or table;
failing that, before the block itself. :func:`untranslated_share` measures how much of a page's
text is English fallback (the page notice says it, and the rendered tests hold priority pages to
at most 2 %).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .htmlscan import OffsetParser

MARK = "data-app-untranslated"
NOTE_CLASS = "app-untranslated-note"
QUIET_CLASSES = {NOTE_CLASS, "app-notice--i18n"}  # the notices: not counted as the page's text
# Sections a notice goes *inside* (after the start tag, or after a details' summary) ...
INSIDE = {"details", "section", "article", "fieldset", "figure", "blockquote", "aside"}
# ... and blocks it goes *before* (a <p> cannot sit directly in a list or table).
BEFORE = {"table", "ul", "ol", "dl", "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "pre"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}
SKIP_TEXT = {"script", "style", "template"}
_SPACE = re.compile(r"\s")


@dataclass
class _Node:
    tag: str
    start: int  # offset of "<"
    inner: int  # offset just after the start tag
    marked: bool
    quiet: bool = False  # text not counted: script, style, template, or a notice itself
    noted: bool = False
    summary_end: int | None = None  # details: offset just after its first </summary>


@dataclass
class Scan:
    """What a page's HTML holds: its text, how much of it is English fallback, and where the
    section notices go."""

    total: int = 0
    untranslated: int = 0
    inserts: list[int] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.untranslated / self.total if self.total else 0.0


class _Parser(OffsetParser):
    def __init__(self, html: str) -> None:
        super().__init__(html)
        self.html = html
        self.quiet = self.marked = 0  # open elements that are quiet / marked
        self.stack: list[_Node] = []
        self.scan = Scan()
        self.pending: list[_Node] = []  # details whose notice waits for the end of the summary

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self.position()
        text = self.get_starttag_text() or ""
        names = {name for name, _ in attrs}
        classes = (dict(attrs).get("class") or "").split()
        if tag in VOID:
            return
        node = _Node(tag, start, start + len(text), MARK in names,
                     quiet=tag in SKIP_TEXT or not QUIET_CLASSES.isdisjoint(classes))
        if node.marked and not self.marked:
            self._note(node)
        self.stack.append(node)
        self.quiet += node.quiet
        self.marked += node.marked

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pass

    def handle_endtag(self, tag: str) -> None:
        # Pop to the matching element (tolerates an unclosed <p> or <li>).
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i].tag == tag:
                for node in self.stack[i:]:
                    self.quiet -= node.quiet
                    self.marked -= node.marked
                del self.stack[i:]
                break
        if tag == "summary" and self.stack and self.stack[-1].tag == "details":
            details = self.stack[-1]
            if details.summary_end is None:
                details.summary_end = self.position() + len("</summary>")
                if details in self.pending:
                    self.pending.remove(details)
                    self.scan.inserts.append(details.summary_end)

    def handle_data(self, data: str) -> None:
        if self.quiet:
            return
        count = len(data) - len(_SPACE.findall(data))
        self.scan.total += count
        if self.marked:
            self.scan.untranslated += count

    def _note(self, marked: _Node) -> None:
        """One notice for the section around an English fragment, unless it has one."""
        chain = [*self.stack, marked]
        if any(n.noted for n in chain):
            return
        anchor = next((n for n in reversed(self.stack) if n.tag in INSIDE or n.tag in
                       {"table", "ul", "ol", "dl"}), None)
        if anchor is None:  # the block holding it (or the fragment itself, when a block)
            anchor = next((n for n in reversed(chain) if n.tag in BEFORE), marked)
        anchor.noted = True
        if anchor.tag == "details":
            if anchor.summary_end is not None:
                self.scan.inserts.append(anchor.summary_end)
            else:
                self.pending.append(anchor)
        elif anchor.tag in INSIDE:
            self.scan.inserts.append(anchor.inner)
        else:
            self.scan.inserts.append(anchor.start)


def scan(html: str) -> Scan:
    """Measure a page's HTML: its text, the English fallback share, the notices' places."""
    parser = _Parser(html)
    parser.feed(html)
    parser.close()
    return parser.scan


def untranslated_share(html: str) -> float:
    """The share of a page's text (0..1) that is English shown in place of a translation."""
    return scan(html).share


def mark_sections(html: str, note: str) -> tuple[str, float]:
    """``html`` with ``note`` (already-escaped HTML) inserted once per section holding English
    fallback, and the English share of its text."""
    found = scan(html)
    out, last = [], 0
    for pos in sorted(set(found.inserts)):
        out.append(html[last:pos])
        out.append(note)
        last = pos
    out.append(html[last:])
    return "".join(out), found.share
