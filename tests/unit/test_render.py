"""Rendering page bodies straight from data (no MkDocs): escaping, the visible English fallback,
outdated translations, and the words the theme prints. All on copies of the fixture data set."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.catalogs import load_translators
from macros.errors import DataError
from macros.i18n_tools import import_json, update
from macros.load import load_site
from macros.page import PageContext, environment, render_page
from macros.pages import Page, PageMeta
from macros.site import Site
from macros.words import Words

PAYLOAD = '<script>alert("x")</script><img src=x onerror=alert(2)>'


def render(root: Path, page_id: str, code: str = "en") -> BeautifulSoup:
    site = Site.load(root)
    words = Words(site, load_translators(site)[code])
    env = environment(site, words, translation_coverage=list)
    page = site.pages.get(page_id) or Page(page_id, f"docs/{page_id}.md",
                                           PageMeta(title="Test", description="Test page."))
    html = render_page(PageContext(site, words, env, page, site_url="https://example.org/"))
    return BeautifulSoup(str(html), "lxml")


def inert(doc: BeautifulSoup) -> None:
    assert not any("alert(" in s.get_text() for s in doc.find_all("script")
                   if s.get("type") != "application/json")
    assert not doc.find_all("img", onerror=True)
    assert not [a for a in doc.find_all("a", href=True) if a["href"].lower().startswith("javas")]


def test_every_page_body_renders_from_the_fixture(mini_build, real_site):
    """Each page partial works with any valid data, not only today's."""
    for page_id in real_site.pages:
        doc = render(mini_build, page_id)
        assert doc.select_one(f'.app-page[data-page-id="{page_id}"]'), page_id


def test_script_in_data_is_escaped_and_inert(mini_build, edit):
    exceptions = mini_build / "data" / "exceptions.yml"
    edit(exceptions, "    title: People you choose, with your consent",
         f"    title: 'Evil {PAYLOAD}'")
    text = exceptions.read_text(encoding="utf-8")
    first = text.index("    summary:")
    end = text.index("\n", first)
    # (a javascript: link is refused when the data loads: tests/unit/test_bad_input.py)
    exceptions.write_text(text[:first] + f"    summary: 'Markdown {PAYLOAD} [x](#y)'"
                          + text[end:], encoding="utf-8")
    doc = render(mini_build, "exceptions")
    inert(doc)
    assert f"Evil {PAYLOAD}" in doc.get_text(), "shown as text"


def test_script_in_a_translation_is_inert(mini_build):
    site = load_site(mini_build)
    import_json(site, "es", {
        "home.tool.text": {"en": site.strings["home.tool.text"], "tr": f"Hola {PAYLOAD}"},
        "home.know.heading": {"en": site.strings["home.know.heading"],
                              "tr": f"[clic](#y) {PAYLOAD}"},
    })
    doc = render(mini_build, "home", "es")
    inert(doc)
    assert f"Hola {PAYLOAD}" in doc.select_one(".app-tool-link").get_text()


def test_untranslated_text_falls_back_to_english_marked_with_a_page_notice(mini_build):
    english = render(mini_build, "home")
    assert english.select_one(".app-notice--i18n") is None
    spanish = render(mini_build, "home", "es")
    assert spanish.select_one(".app-notice--i18n"), "the page says parts are in English"
    lead = spanish.select_one(".app-tool-link [data-app-untranslated]")
    assert lead is not None and lead["lang"] == "en"


def test_outdated_translation_shows_the_new_english_marked(mini_build, edit):
    site = load_site(mini_build)
    import_json(site, "es", {"home.tool.text": {"en": site.strings["home.tool.text"],
                                                "tr": "Traducción vieja."}})
    edit(mini_build / "data" / "strings.yml", "  home.tool.text: ",
         "  home.tool.text: Changed. ")
    update(load_site(mini_build))
    po = (mini_build / "locales" / "es.po").read_text(encoding="utf-8")
    at = po.index('msgctxt "home.tool.text"')
    assert "#, fuzzy" in po[at - 300:at] and "Traducción vieja." in po[at:at + 800]
    lead = render(mini_build, "home", "es").select_one(".app-tool-link")
    marked = next(el for el in lead.select("[data-app-untranslated]") if "Changed." in el.text)
    assert marked["lang"] == "en" and marked["data-app-untranslated"] == "outdated"
    assert "Changed." in lead.get_text() and "Traducción vieja." not in lead.get_text()
    assert "Traducción" not in str(marked)


def _spanish_with(mini_build, key: str, english: str, spanish: str) -> Words:
    """The Spanish words of the fixture site after one translation is filled in."""
    import_json(load_site(mini_build), "es", {key: {"en": english, "tr": spanish}})
    site = Site.load(mini_build)
    return Words(site, load_translators(site)["es"])


def test_markup_in_a_translated_title_is_refused_with_the_file(mini_build):
    words = _spanish_with(mini_build, "page.faq.title", "Questions and answers",
                          "Preguntas</title><script>alert(1)</script>")
    with pytest.raises(DataError, match=r"locales/es\.po: page\.faq\.title: '<' and '>'"):
        words.theme_text("page.faq.title")


def test_theme_text_is_escaped_once(mini_build):
    words = _spanish_with(mini_build, "page.faq.description",
                          "Short answers to common questions.", 'Respuestas "cortas" & claras')
    value = words.theme_text("page.faq.description")
    assert str(value) == "Respuestas &#34;cortas&#34; &amp; claras"
    assert hasattr(value, "__html__"), "Markup: a later | e does not escape it again"
