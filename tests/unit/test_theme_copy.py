"""Our one copied theme partial must differ from Material's only by the intended change."""

from pathlib import Path

import material

from ..helpers import ROOT


def test_search_partial_copy_matches_theme_except_the_dialog_name():
    theme = (Path(material.__file__).parent / "templates" / "partials" / "search.html")
    ours = (ROOT / "overrides" / "partials" / "search.html").read_text(encoding="utf-8")
    original = theme.read_text(encoding="utf-8")
    body = original.split("-#}", 1)[1]
    label = "{{ config.extra.theme.words.plain('ui.search.label') | e }}"
    patched = body.replace('role="dialog">', f'role="dialog" aria-label="{label}">', 1)
    assert patched != body, "Material changed the search dialog markup: review the override"
    assert ours.split("-#}", 1)[1] == patched
