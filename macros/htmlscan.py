"""The one HTML parser base for passes that edit a rendered page in place (fallback.py, lazy.py)."""

from __future__ import annotations

import re
from html.parser import HTMLParser


class OffsetParser(HTMLParser):
    """An ``HTMLParser`` that knows where in the page text it is (:meth:`position`), so a pass can
    insert into the page at the tags it finds instead of re-serialising it."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.line_starts = [0, *(m.end() for m in re.finditer("\n", html))]

    def position(self) -> int:
        """The offset in the page text of the tag or text being handled. (Not ``offset``: that
        name is ``HTMLParser``'s own.)"""
        line, col = self.getpos()
        return self.line_starts[line - 1] + col
