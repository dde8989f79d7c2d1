"""Read YAML while remembering the line of every key and list item.

PyYAML's composer gives each node a start mark; we walk the node graph once and record a
``path -> line`` map (paths look like ``exceptions[3].conditions``), so that validation errors
can point at a line. Duplicate keys, which PyYAML silently accepts, are rejected here, and so
are YAML tags, anchors and aliases (found in the event stream before anything is expanded, so a
"billion laughs" document fails at once): data files are plain mappings, lists and scalars.

Only ``true`` and ``false`` are booleans (YAML 1.2): ``yes``, ``no``, ``on`` and ``off`` stay text,
so ``complete: no`` is refused by the model instead of read as false. A file must not start with
a byte-order mark, and no text may hold a bidirectional control character or be only white space
or invisible characters (``text_problem``; the same rule guards the translations).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import fail


@dataclass
class YamlDoc:
    """A parsed YAML file with a line number for each path inside it."""

    file: str
    data: Any
    lines: dict[str, int]

    def line_of(self, path: str) -> int | None:
        """The line of ``path``, or of its nearest parent that has one."""
        while True:
            if path in self.lines:
                return self.lines[path]
            if not path:
                return None
            # Strip the last ".key" or "[n]" and try the parent.
            cut = max(path.rfind("."), path.rfind("["))
            path = path[:cut] if cut > 0 else ""


def join(path: str, key: str | int) -> str:
    """Append a key or index to a dotted path."""
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else str(key)


_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """Safe loader that keeps ISO dates as strings, so pydantic validates them itself."""


# Remove the implicit timestamp resolver: "2025-02-30" must reach pydantic as text and be
# rejected there with a clear message, instead of raising deep inside PyYAML.
# Booleans are only true/false (YAML 1.2 core schema): "no" is the text "no", never False.
_BOOL = "tag:yaml.org,2002:bool"
_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag not in {"tag:yaml.org,2002:timestamp", _BOOL}]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                              list("tTfF"))

BOM = "\ufeff"
# Bidirectional controls: embeddings and overrides (U+202A-U+202E), isolates (U+2066-U+2069)
# and the marks (U+200E, U+200F). Invisible in an editor, they can reorder what a reader sees.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f]")
# Characters that draw nothing: white space (str.isspace) and these zero-width ones.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u2800\u3164"


def text_problem(value: str, allowed_bidi: str = "") -> str | None:
    """What is wrong with a text (``None`` if nothing): a bidirectional control character not in
    ``allowed_bidi``, or text that is only white space or invisible characters."""
    for match in BIDI_CONTROLS.finditer(value):
        if match.group() not in allowed_bidi:
            return (f"bidirectional control character U+{ord(match.group()):04X} at character "
                    f"{match.start() + 1} is not allowed (it can reorder what readers see)")
    if value and not "".join(BIDI_CONTROLS.sub("", value).split()).strip(_INVISIBLE):
        return "text is empty: only white space or invisible characters"
    return None


_SCALARS = yaml.SafeLoader("")
_SCALARS.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers


def _convert(node: yaml.Node, path: str, lines: dict[str, int], file: str) -> Any:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:str":
        problem = text_problem(node.value)
        if problem:
            raise fail(file, node.start_mark.line + 1, path, problem)
    if node.tag.startswith("!") or (
        node.tag.startswith("tag:yaml.org,2002:")
        and node.tag.rsplit(":", 1)[1] not in {"map", "seq", "str", "int", "float", "bool", "null"}
    ):
        raise fail(file, node.start_mark.line + 1, path, f"unsupported YAML tag {node.tag!r}")
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise fail(file, key_node.start_mark.line + 1, path, "keys must be plain text")
            key = key_node.value
            child = join(path, key)
            problem = text_problem(key)
            if problem:  # the key is not printed as is: it could reorder the message itself
                raise fail(file, key_node.start_mark.line + 1, path, f"key {key!r}: {problem}")
            if key in out:
                raise fail(file, key_node.start_mark.line + 1, child, "duplicate key")
            lines[child] = key_node.start_mark.line + 1
            out[key] = _convert(value_node, child, lines, file)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, join(path, i), lines, file) for i, item in enumerate(node.value)]
    # Scalars: let the safe constructor resolve ints, bools and nulls.
    return _SCALARS.construct_object(node, deep=True)


def read_yaml(path: Path, root: Path) -> YamlDoc:
    """Parse one YAML file; errors name the file relative to ``root``."""
    rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise fail(rel, None, "", f"not valid UTF-8 ({exc.reason})") from None
    if text.startswith(BOM):
        raise fail(rel, 1, "", "starts with a byte-order mark (BOM): save the file as UTF-8 "
                   "without a BOM")
    return parse_yaml(text, rel)


def _refuse_anchors(text: str, rel: str) -> None:
    """Anchors (``&a``) and aliases (``*a``) are refused from the event stream, before the
    document is composed, so a document of nested aliases cannot grow in memory or time."""
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            raise fail(rel, event.start_mark.line + 1, "", f"YAML alias '*{event.anchor}' is "
                       "not allowed: write the value out (anchors and aliases are refused)")
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise fail(rel, event.start_mark.line + 1, "", f"YAML anchor '&{anchor}' is not "
                       "allowed: write the value out (anchors and aliases are refused)")


def parse_yaml(text: str, rel: str, first_line: int = 1) -> YamlDoc:
    """Parse YAML text that starts at line ``first_line`` of file ``rel``."""
    text = "\n" * (first_line - 1) + text  # so every mark is a line of the whole file
    try:
        _refuse_anchors(text, rel)
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise fail(rel, line, "", f"invalid YAML: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise fail(rel, None, "", f"invalid YAML: {exc}") from None
    lines: dict[str, int] = {}
    if node is None:
        return YamlDoc(rel, None, lines)
    data = _convert(node, "", lines, rel)
    return YamlDoc(rel, data, lines)


def is_date(value: Any) -> bool:
    """True for a ``datetime.date`` (used by tests)."""
    return isinstance(value, dt.date)
