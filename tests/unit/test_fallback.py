"""English fallback: one notice per section, and the page's English share (macros/fallback.py)."""

from __future__ import annotations

from bs4 import BeautifulSoup

from macros.fallback import mark_sections, untranslated_share

NOTE = '<p class="app-untranslated-note">N</p>'
EN = 'lang="en" dir="ltr" data-app-untranslated="missing"'


def _notes(html: str) -> tuple[BeautifulSoup, list]:
    out, _share = mark_sections(html, NOTE)
    doc = BeautifulSoup(out, "html.parser")
    return doc, doc.select(".app-untranslated-note")


def test_a_details_gets_its_notice_after_the_summary_once():
    doc, notes = _notes(f'<details><summary><span {EN}>Question</span></summary>'
                        f'<div {EN}><p>Answer</p><p>More</p></div></details>')
    assert len(notes) == 1
    assert notes[0].find_previous_sibling("summary") is not None  # visible when opened


def test_a_list_or_table_gets_one_notice_before_it():
    doc, notes = _notes(f'<ul><li><span {EN}>a</span></li><li>b <span {EN}>c</span></li></ul>'
                        f'<table><tr><td><span {EN}>x</span></td></tr></table>')
    assert len(notes) == 2
    assert notes[0].find_next_sibling().name == "ul"
    assert notes[1].find_next_sibling().name == "table"


def test_a_paragraph_outside_any_section_gets_its_own_notice():
    doc, notes = _notes(f'<h2>Título</h2><p>Texto <span {EN}>English</span>.</p><p>Fin.</p>')
    assert len(notes) == 1 and notes[0].find_next_sibling().name == "p"
    assert "English" in notes[0].find_next_sibling().get_text()


def test_a_section_with_many_fragments_has_one_notice():
    html = "<section><h2>T</h2>" + "".join(f"<p><span {EN}>e{i}</span></p>" for i in range(9))
    doc, notes = _notes(html + "</section>")
    assert len(notes) == 1 and notes[0].parent.name == "section"


def test_a_translated_page_is_unchanged():
    html = '<details><summary>P</summary><p>R <a href="#x">l</a></p></details>'
    assert mark_sections(html, NOTE) == (html, 0.0)


def test_the_share_counts_visible_text_only():
    html = (f'<p>abcdefgh</p><p><span {EN}>ab</span></p><script>var x = "long text";</script>'
            f'<p class="app-notice--i18n">notice text</p>{NOTE}')
    assert untranslated_share(html) == 2 / 10
    assert untranslated_share("") == 0.0
