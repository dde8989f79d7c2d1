"""The vendored statute text (``data/law/``), split into its paragraphs.

The U.S. Code plain text puts each enumerator on a line of its own (``(a)``, ``(1)``, ``(A)``,
``(i)``, ``(I)``, ``(aa)``), followed by an optional heading line and the text. ``paragraphs``
rebuilds the hierarchy, so that data can cite a paragraph (``(i)(2)(B)``) and a test can check
that a quote really sits in the paragraph it cites, word for word.

An enumerator like ``(i)`` is ambiguous (subsection *i*, or clause *i*); it is read as the
deepest level where it fits: the next sibling at that level, or the first child of the deepest
open paragraph.
"""

from __future__ import annotations

import re

_ENUM = re.compile(r"^\(([A-Za-z]+|\d+)\)$")
_ROMAN = re.compile(r"^(?=[ivxlc]+$)c{0,3}(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")

# Levels, outermost first: subsection (a), paragraph (1), subparagraph (A), clause (i),
# subclause (I), item (aa).
_KINDS = ["lower", "digit", "upper", "roman", "ROMAN", "double"]


def _roman_value(text: str) -> int:
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
    total, prev = 0, 0
    for ch in reversed(text.lower()):
        v = values[ch]
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total


def _to_roman(n: int) -> str:
    out = ""
    for value, sym in ((100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"),
                       (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out += sym
            n -= value
    return out


def _first(kind: str) -> str:
    return {"lower": "a", "digit": "1", "upper": "A", "roman": "i", "ROMAN": "I",
            "double": "aa"}[kind]


def _next(kind: str, token: str) -> str:
    if kind == "digit":
        return str(int(token) + 1)
    if kind == "roman":
        return _to_roman(_roman_value(token) + 1)
    if kind == "ROMAN":
        return _to_roman(_roman_value(token) + 1).upper()
    if kind == "double":
        return chr(ord(token[0]) + 1) * 2
    return chr(ord(token) + 1)


def _fits(kind: str, token: str) -> bool:
    if kind == "digit":
        return token.isdigit()
    if kind == "lower":
        return len(token) == 1 and token.islower()
    if kind == "upper":
        return len(token) == 1 and token.isupper()
    if kind == "roman":
        return bool(_ROMAN.match(token))
    if kind == "ROMAN":
        return bool(_ROMAN.match(token.lower())) and token.isupper()
    return len(token) == 2 and token[0] == token[1] and token.islower()


def paragraphs(text: str) -> dict[str, str]:
    """Every paragraph's path (``"(i)(2)(B)"``) mapped to its whole text, children included.

    The section's own text (before ``(a)``) is under ``""``.
    """
    stack: list[str] = []  # tokens of the open paragraphs, outermost first
    own: dict[str, list[str]] = {"": []}
    order: list[str] = [""]
    for line in text.split("\n"):
        m = _ENUM.match(line.strip())
        placed = False
        if m:
            token = m.group(1)
            level = _place(stack, token)
            if level is not None:
                del stack[level:]
                stack.append(token)
                key = "".join(f"({t})" for t in stack)
                own.setdefault(key, [])
                order.append(key)
                placed = True
        if not placed:
            key = "".join(f"({t})" for t in stack)
            own[key].append(line)
    # A paragraph's text includes its children's, in document order.
    out: dict[str, str] = {}
    for key in order:
        parts = [" ".join(own[k]) for k in order if k == key or k.startswith(key)]
        out[key] = " ".join(" ".join(parts).split())
    return out


def _place(stack: list[str], token: str) -> int | None:
    """The depth (0 = subsection) at which an enumerator token continues the text."""
    candidates = []
    # First child of the deepest open paragraph.
    depth = len(stack)
    if depth < len(_KINDS) and token == _first(_KINDS[depth]):
        candidates.append(depth)
    # Next sibling at some open level.
    for level, last in enumerate(stack):
        kind = _KINDS[level]
        if _fits(kind, token) and _fits(kind, last) and token == _next(kind, last):
            candidates.append(level)
    return max(candidates) if candidates else None


def normalise(text: str) -> str:
    """Whitespace runs count as one space (the vendored text breaks lines between headings)."""
    return " ".join(text.split())


def cited_path(citation: str) -> str:
    """``"26 U.S.C. § 6103(i)(2)(B)"`` or ``"(i)(2)(B)"`` -> ``"(i)(2)(B)"``."""
    m = re.search(r"((?:\([A-Za-z0-9]+\))+)", citation)
    return m.group(1) if m else ""
