"""Long sections laid out only when they come near the screen (CSS ``content-visibility: auto``).

A long page (the FAQ, the lawsuits) is mostly layout work for text far below the first screen,
and a cheap phone spends it before the reader can scroll. ``lazy.css`` gives the sections named
in :data:`LAZY` ``content-visibility: auto``, so the browser skips them until they come near the
screen; ``glue.py`` adds that CSS only to full pages that have such sections. Until then each
stands in at a reserved height, computed in CSS from the number of letters it holds:
:func:`size_sections` writes that number into the section's start tag
(``style="--app-chars:1234"``). The height is a generous estimate for the narrowest screen of
each width band (too small would let a skipped section's content overlap the next one when a
script measures it, as an accessibility checker does); the browser keeps the real height once
a section has been shown, and scroll anchoring keeps the reader's place when it changes.
The text stays in the page: find-in-page, links to its anchors, screen readers and print see it.
"""

from __future__ import annotations

import re

from .htmlscan import OffsetParser

# The classes of the sections that wait (each a page's repeated long block).
LAZY = frozenset({"app-faq", "app-case", "app-exception", "app-help", "app-penalty"})
MARK = ' style="--app-chars:'  # written into each such section's start tag
_SPACE = re.compile(r"\s")


class _Parser(OffsetParser):
    def __init__(self, html: str) -> None:
        super().__init__(html)
        self.stack: list[tuple[str, int | None]] = []  # open elements: (tag, lazy index)
        self.found: list[list[int]] = []  # per lazy section: [offset after "<section", letters]
        self.details: list[list[bool]] = []  # per open <details>: [closed, past its summary]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        index = None
        if tag == "section" and not LAZY.isdisjoint((dict(attrs).get("class") or "").split()):
            if any(name == "style" for name, _ in attrs):
                raise ValueError("a lazy section already has a style attribute: "
                                 + (self.get_starttag_text() or ""))
            index = len(self.found)
            self.found.append([self.position() + len("<section"), 0])
        if tag == "details":
            self.details.append([not any(name == "open" for name, _ in attrs), False])
        self.stack.append((tag, index))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                self.details = self.details[:sum(1 for name, _ in self.stack[:i]
                                                 if name == "details")]
                del self.stack[i:]
                break
        if tag == "summary" and self.details:
            self.details[-1][1] = True

    def handle_data(self, data: str) -> None:
        if any(closed and past for closed, past in self.details):
            return  # the rest of a closed <details> is not laid out
        letters = len(data) - len(_SPACE.findall(data))
        for _, index in self.stack:
            if index is not None:
                self.found[index][1] += letters


def size_sections(html: str) -> str:
    """``html`` with ``style="--app-chars:N"`` on each lazy section: N letters shown in it
    (a closed ``<details>`` counts only its summary)."""
    if not any(name in html for name in LAZY):
        return html  # most pages have none: no parse (the tool's answers page is 800 KB)
    parser = _Parser(html)
    parser.feed(html)
    parser.close()
    out, last = [], 0
    for offset, letters in parser.found:
        out.append(html[last:offset])
        out.append(f'{MARK}{letters}"')
        last = offset
    out.append(html[last:])
    return "".join(out)
