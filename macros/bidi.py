"""Legal citations kept whole and in reading order inside any text.

A citation such as "26 U.S.C. § 6103(i)(2)" or "(i)(3)(B)" is a left-to-right run. Inside
Arabic text the Unicode bidi algorithm reorders its brackets and numbers ("(1)1253(a)"), and in
any language a line may break between "§" and its number. Each citation found in rendered text
is wrapped in ``<bdi dir="ltr">`` (isolated; CSS keeps every left-to-right isolate on one line).
"""

from __future__ import annotations

import re

from markupsafe import Markup

_PART = r"\([A-Za-z0-9]{1,5}\)"
_CITATION = re.compile(
    r"(?:\d+\s+(?:U\.S\.C\.|C\.F\.R\.|CFR)\s+)?§§?\s?\d+[A-Za-z]?(?:[.\-]\d+)*(?:" + _PART + r")*"
    r"(?:(?:,\s?|\s(?:and|or)\s)" + _PART + r"(?:" + _PART + r")*)*"
    r"|\b\d+\s+FR\s+\d+\b"
    # Paragraph letters alone, "(i)(7)(A)": not right after a Latin letter or digit (that is a
    # section number, above), but right after a letter of another script, as in Arabic "و(i)(7)".
    r"|(?<![A-Za-z0-9_)])(?:" + _PART + r"){2,}"
)
_TAG = re.compile(r"(<[^>]*>)")


def isolate_citations(html: str) -> Markup:
    """``html`` (already escaped) with every citation in its text isolated; tags untouched, and
    nothing inside an existing ``<bdi>`` wrapped twice."""
    out: list[str] = []
    depth = 0
    for piece in _TAG.split(html):
        if piece.startswith("<"):
            if piece.startswith("<bdi"):
                depth += 1
            elif piece.startswith("</bdi"):
                depth = max(0, depth - 1)
            out.append(piece)
        elif depth or "§" not in piece and "(" not in piece and " FR " not in piece:
            out.append(piece)
        else:
            out.append(_CITATION.sub(
                lambda m: f'<bdi dir="ltr">{m.group(0)}</bdi>', piece))
    return Markup("".join(out))
