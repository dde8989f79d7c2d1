"""The translation lookup: exact, visible fallback, placeholders, escaping."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.catalog import Catalog

from macros.catalogs import check_catalog
from macros.errors import DataError
from macros.i18n import Translator, read_catalog

STRINGS = {
    "ui.hello": "Hello {name}",
    "ui.note_md": "A **note**",
}


def make(entries: dict[str, tuple[str, str, bool]]) -> Translator:
    cat = Catalog(locale="es")
    for ctx, (msgid, msgstr, fuzzy) in entries.items():
        cat.add(msgid, msgstr, context=ctx, flags=["fuzzy"] if fuzzy else [])
    strings = dict(STRINGS, **{"ui.i18n.untranslated": "Not yet translated"})
    return Translator("es", "en", strings, cat)


def test_translated_string_is_used():
    tr = make({"ui.hello": ("Hello {name}", "Hola {name}", False)})
    assert tr.t("ui.hello", name="Ana") == "Hola Ana"


def test_missing_translation_falls_back_visibly():
    tr = make({})
    html = tr.t("ui.hello", name="Ana")
    assert 'lang="en"' in html and "Hello Ana" in html  # the flag's words come from CSS
    assert 'data-app-untranslated="missing"' in html


def test_changed_english_makes_translation_outdated():
    tr = make({"ui.hello": ("Hi {name}", "Hola {name}", False)})
    html = tr.t("ui.hello", name="Ana")
    assert "Hello Ana" in html and 'data-app-untranslated="outdated"' in html


def test_fuzzy_entry_is_not_used():
    tr = make({"ui.hello": ("Hello {name}", "Hola {name}", True)})
    assert 'lang="en"' in tr.t("ui.hello", name="Ana")


def test_translation_cannot_inject_markup():
    tr = make({"ui.hello": ("Hello {name}", "<script>alert(1)</script>{name}", False),
               "ui.note_md": ("A **note**", "Una <b onclick=x>nota</b> [x](javascript:y)", False)})
    assert "<script" not in tr.t("ui.hello", name="<i>")
    assert "&lt;i&gt;" in tr.t("ui.hello", name="<i>")
    note = tr.t("ui.note_md")
    assert "<b" not in note and "javascript" not in note.replace("[x](javascript:y)", "")


def test_placeholder_mismatch_is_reported_with_line(tmp_path: Path):
    po = tmp_path / "es.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgctxt "ui.hello"\nmsgid "Hello {name}"\nmsgstr "Hola {nombre}"\n',
        encoding="utf-8",
    )
    cat = read_catalog(po, tmp_path, "es")
    problems = check_catalog(cat, "locales/es.po")
    assert problems
    assert "missing {name}" in str(problems[0]) and "added {nombre}" in str(problems[0])
    assert str(problems[0]).startswith("locales/es.po:")


def test_duplicate_entry_stops_with_line(tmp_path: Path):
    po = tmp_path / "es.po"
    po.write_text(
        'msgctxt "ui.a"\nmsgid "A"\nmsgstr "A1"\n\nmsgctxt "ui.a"\nmsgid "A"\nmsgstr "A2"\n',
        encoding="utf-8",
    )
    with pytest.raises(DataError) as info:
        read_catalog(po, tmp_path, "es")
    assert "es.po:5: ui.a: duplicate entry (first at line 1)" in str(info.value)


def test_broken_po_syntax_stops(tmp_path: Path):
    po = tmp_path / "es.po"
    po.write_text('msgctxt "ui.a"\nmsgid "A"\nmsgstr "unterminated\n', encoding="utf-8")
    with pytest.raises(DataError) as info:
        read_catalog(po, tmp_path, "es")
    assert "es.po" in str(info.value) and "invalid PO syntax" in str(info.value)
