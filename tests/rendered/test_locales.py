"""Every locale: pages build, switcher keeps the page, lang/dir, hreflang, fallback, coverage."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.catalogs import load_catalog
from macros.i18n_tools import coverage
from macros.load import load_site
from macros.texts import data_texts
from tests.conftest import ROOT, build_site

pytestmark = pytest.mark.build

SITE = load_site(ROOT)
SOURCE = SITE.locales.source_locale
OTHERS = [loc.code for loc in SITE.locales.locales if loc.code != SOURCE]


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def english_pages(site: Path) -> list[str]:
    out = []
    for p in sorted(site.rglob("index.html")):
        rel = p.parent.relative_to(site).parts
        if rel and (rel[0] in OTHERS or rel[0] in {"assets", "api", "search"}):
            continue
        out.append("/".join(rel) + "/" if rel else "")
    return out


def test_every_page_builds_in_every_locale(built_site):
    pages = english_pages(built_site)
    assert len(pages) >= 10
    for code in OTHERS:
        for page in pages:
            assert (built_site / code / page / "index.html").exists(), f"{code}/{page}"


@pytest.mark.parametrize("code", [loc.code for loc in SITE.locales.locales])
def test_html_lang_and_dir(built_site, code):
    loc = SITE.locale(code)
    base = built_site if code == SOURCE else built_site / code
    for page in english_pages(built_site):
        html = soup(base / page / "index.html").html
        assert html["lang"] == code, page
        assert html["dir"] == loc.dir, page


def test_arabic_is_right_to_left(built_site):
    doc = soup(built_site / "ar" / "index.html")
    assert doc.html["dir"] == "rtl" and doc.body["dir"] == "rtl"


def test_switcher_links_to_the_same_page_in_each_language(built_site):
    # Embeds have no site chrome (their snippet chooses the language), so no switcher.
    for code in [SOURCE, *OTHERS]:
        base = built_site if code == SOURCE else built_site / code
        for page in [p for p in english_pages(built_site) if not p.startswith("embed/")]:
            path = base / page / "index.html"
            links = soup(path).select(".app-languages a")
            assert len(links) == len(SITE.locales.locales), path
            for a in links:
                target = (path.parent / a["href"]).resolve() / "index.html"
                other = a["lang"]
                want = (built_site if other == SOURCE else built_site / other) / page
                assert target == (want / "index.html").resolve(), (path, a["href"])


def test_hreflang_alternates_are_absolute_and_complete(built_site):
    doc = soup(built_site / "es" / "faq" / "index.html")
    links = doc.select("link[rel=alternate][hreflang]")
    alts = {link["hreflang"]: link["href"] for link in links}
    assert set(alts) == {loc.code for loc in SITE.locales.locales}
    assert alts["es"].endswith("/es/faq/") and alts[SOURCE].endswith("/faq/")
    assert all(h.startswith(("http://", "https://")) for h in alts.values())


def test_each_locale_search_index_holds_only_its_pages(built_site):
    import json

    from macros.catalogs import translator_for

    for code in [SOURCE, *OTHERS]:
        base = built_site if code == SOURCE else built_site / code
        index = json.loads((base / "search" / "search_index.json").read_text(encoding="utf-8"))
        titles = {d["title"] for d in index["docs"]}
        own = translator_for(SITE, code).plain("page.faq.title")
        assert own in titles, code
        for other in [SOURCE, *OTHERS]:
            theirs = translator_for(SITE, other).plain("page.faq.title")
            if theirs != own:
                assert theirs not in titles, f"{code} index holds {other} pages"
    # Stemming follows Material's own choice per language (its language files pick the lunr
    # language; Arabic uses the default tokenizer).
    lang = json.loads((built_site / "es" / "search" / "search_index.json").read_text())
    assert lang["config"]["lang"] == ["es"]


def test_review_state_shown_on_every_page_of_a_translated_locale(built_site):
    for code in OTHERS:
        for page in english_pages(built_site):
            assert soup(built_site / code / page / "index.html").select_one(".app-review"), page


def test_translate_page_coverage_matches_the_catalogues(built_site):
    texts = data_texts(SITE)
    doc = soup(built_site / "translate" / "index.html")
    for code in OTHERS:
        cov = coverage(texts, code, load_catalog(SITE, code))
        row = doc.select_one(f'#coverage-table tr[data-locale="{code}"]')
        assert int(row["data-translated"]) == cov.translated
        assert int(row["data-outdated"]) == cov.outdated
        assert int(row["data-missing"]) == cov.missing
        assert cov.total == len(texts)


def test_outdated_translation_shows_english_marked(project, tmp_path):
    """Change an English source string: its translation becomes outdated, shown in English."""
    from macros.i18n_tools import update

    strings = project / "data" / "strings.yml"
    text = strings.read_text(encoding="utf-8")
    old = "  ui.quick_exit.label: Leave this site quickly\n"
    assert old in text
    # Give Spanish a translation of the current English, then change the English.
    from macros.i18n_tools import import_json

    site = load_site(project)
    import_json(site, "es", {"home.lead": {"en": site.strings["home.lead"],
                                           "tr": "Traducción vieja."}})
    strings.write_text(text.replace("  home.lead: >-\n", "  home.lead: >-\n    Changed.\n"),
                       encoding="utf-8")
    update(load_site(project))
    po = (project / "locales" / "es.po").read_text(encoding="utf-8")
    block = po[po.index('msgctxt "home.lead"') - 200: po.index('msgctxt "home.lead"') + 400]
    assert "#, fuzzy" in block and "#| msgid" in block and "Traducción vieja." in block
    out = tmp_path / "site"
    proc = build_site(project, out, "--locale", "en", "--locale", "es")
    assert proc.returncode == 0, proc.stderr
    lead = soup(out / "es" / "index.html").select_one(".app-lead")
    marked = lead.find_parent(attrs={"lang": "en"}) or lead.find(attrs={"lang": "en"})
    assert marked is not None and marked["data-app-untranslated"] == "outdated"
    assert "Changed." in lead.get_text() and "Traducción vieja." not in lead.get_text()
    assert marked.select_one(".app-untranslated__flag")


def test_script_in_translation_is_inert(project, tmp_path):
    from macros.i18n_tools import import_json

    site = load_site(project)
    payload = '<script>alert("po")</script><img src=x onerror=alert(1)>'
    import_json(site, "es", {
        "home.lead": {"en": site.strings["home.lead"], "tr": f"Hola {payload}"},
        "home.know.heading": {"en": site.strings["home.know.heading"],
                              "tr": f"[clic](javascript:alert(2)) {payload}"},
    })
    out = tmp_path / "site"
    proc = build_site(project, out, "--locale", "en", "--locale", "es")
    assert proc.returncode == 0, proc.stderr
    doc = soup(out / "es" / "index.html")
    assert not any('alert("po")' in s.get_text() for s in doc.find_all("script"))
    assert not doc.find_all("img", onerror=True)
    assert not [a for a in doc.find_all("a", href=True) if a["href"].lower().startswith("javas")]
    assert "&lt;script&gt;" in (out / "es" / "index.html").read_text(encoding="utf-8")


def test_broken_catalogue_stops_the_build_with_file_and_line(project, tmp_path):
    po = project / "locales" / "es.po"
    lines = po.read_text(encoding="utf-8").splitlines()
    lines.insert(30, 'msgstr "unterminated')
    po.write_text("\n".join(lines) + "\n", encoding="utf-8")
    proc = build_site(project, tmp_path / "site")
    assert proc.returncode != 0
    assert "locales/es.po:31" in proc.stderr and "invalid PO syntax" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_placeholder_dropped_in_translation_stops_the_build(project, tmp_path):
    key = "ui.stamp.as_of"
    po = project / "locales" / "es.po"
    text = po.read_text(encoding="utf-8")
    start = text.index(f'msgctxt "{key}"')
    end = text.index("\n\n", start)
    block = text[start:end]
    new_block = block.rsplit("msgstr", 1)[0] + 'msgstr "Datos al {fecha}."'
    po.write_text(text.replace(block, new_block), encoding="utf-8")
    proc = build_site(project, tmp_path / "site")
    assert proc.returncode != 0
    assert "locales/es.po:" in proc.stderr and "missing {date}" in proc.stderr


def test_duplicate_entry_stops_the_build(project, tmp_path):
    po = project / "locales" / "es.po"
    text = po.read_text(encoding="utf-8")
    start = text.index('msgctxt "ui.site_name"')
    end = text.index("\n\n", start)
    po.write_text(text + "\n" + text[start:end] + "\n", encoding="utf-8")
    proc = build_site(project, tmp_path / "site")
    assert proc.returncode != 0
    assert "duplicate entry" in proc.stderr and "locales/es.po:" in proc.stderr


def test_canonical_and_404_stay_in_their_language(built_site):
    doc = soup(built_site / "es" / "faq" / "index.html")
    assert doc.select_one('link[rel="canonical"]')["href"].endswith("/es/faq/")
    assert soup(built_site / "faq" / "index.html").select_one(
        'link[rel="canonical"]')["href"].endswith("/faq/")
    not_found = soup(built_site / "es" / "404.html")
    help_link = not_found.select_one(".app-advice a")["href"]
    assert help_link.endswith("/es/help/"), help_link


def test_markup_in_a_translated_title_stops_the_build(project, tmp_path):
    from macros.i18n_tools import import_json

    site = load_site(project)
    import_json(site, "es", {"page.faq.title": {
        "en": site.strings["page.faq.title"], "tr": "Preguntas</title><script>alert(1)</script>"}})
    proc = build_site(project, tmp_path / "site")
    assert proc.returncode != 0
    assert "locales/es.po" in proc.stderr and "page.faq.title" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_quotes_in_a_translated_description_stay_inside_the_attribute(project, tmp_path):
    from macros.i18n_tools import import_json

    site = load_site(project)
    import_json(site, "es", {"page.faq.description": {
        "en": site.strings["page.faq.description"], "tr": 'Respuestas "cortas" & claras'}})
    proc = build_site(project, tmp_path / "site", "--locale", "en", "--locale", "es")
    assert proc.returncode == 0, proc.stderr
    doc = soup(tmp_path / "site" / "es" / "faq" / "index.html")
    assert doc.find("meta", attrs={"name": "description"})["content"] == \
        'Respuestas "cortas" & claras'
    assert doc.find("meta", property="og:description")["content"] == \
        'Respuestas "cortas" & claras'
