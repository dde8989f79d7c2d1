"""Translation catalogues and the translators' workflows, on copies of the fixture data set.

A catalogue that lags the English is not an error: its page shows the English, marked, and
`make release-check` lists what a complete locale still needs before publishing.
"""

from __future__ import annotations

from macros.catalogs import load_catalog
from macros.coverage import coverage
from macros.i18n_tools import import_json, new_locale, release_problems, stale_catalogues
from macros.load import load_site
from macros.texts import data_texts


def test_real_catalogues_are_current(real_site):
    """`make i18n` was run after the last English change (CI runs `make i18n --check`)."""
    assert stale_catalogues(real_site) == []


def test_make_i18n_is_a_no_op_when_current(mini):
    assert stale_catalogues(load_site(mini)) == []


def test_an_english_change_makes_the_catalogue_stale_until_make_i18n(mini, edit):
    from macros.i18n_tools import update

    edit(mini / "data" / "faq.yml", "question: Can ICE", "question: Could ICE")
    site = load_site(mini)
    assert stale_catalogues(site) == ["locales/es.po", "locales/messages.pot"]
    update(site)
    assert stale_catalogues(load_site(mini)) == []


def test_release_check_lists_what_a_complete_locale_needs(mini_build, edit):
    edit(mini_build / "data" / "locales.yml", "    complete: false", "    complete: true")
    site = load_site(mini_build)
    problems = release_problems(site)
    assert problems and all(p.startswith("es: ") for p in problems)
    assert any("missing" in p for p in problems)
    # Translate everything: the release check passes.
    entries = {t.context: {"en": t.english, "tr": f"ES {t.english}"}
               for t in data_texts(site).values()}
    import_json(site, "es", entries)
    assert release_problems(load_site(mini_build)) == []


def test_new_locale_scaffold(mini):
    done = new_locale(load_site(mini), "vi")
    text = (mini / "data" / "locales.yml").read_text(encoding="utf-8")
    assert "code: vi" in text and "name: Tiếng Việt" in text and "dir: ltr" in text
    assert "og_locale: vi_VN" in text
    po = (mini / "locales" / "vi.po").read_text(encoding="utf-8")
    assert 'msgctxt "ui.site_name"' in po and "Language: vi" in po
    assert any("vi" in line for line in done)
    site = load_site(mini)
    cov = coverage(data_texts(site), "vi", load_catalog(site, "vi"))
    assert cov.translated == 0 and cov.missing == cov.total


def test_new_rtl_locale_gets_rtl(mini):
    new_locale(load_site(mini), "fa")
    text = (mini / "data" / "locales.yml").read_text(encoding="utf-8")
    assert "code: fa" in text and "dir: rtl" in text and "og_locale: fa_IR" in text


def test_an_outdated_entry_keeps_its_previous_english_across_updates(mini, edit):
    """Translators see what changed (#| msgid), and `make i18n` stays a no-op afterwards."""
    from macros.i18n_tools import update

    site = load_site(mini)
    import_json(site, "es", {"faq.can-ice-see.question": {
        "en": "Can ICE see my tax return?", "tr": "¿Puede ICE ver mi declaración?"}})
    edit(mini / "data" / "faq.yml", "question: Can ICE see my tax return?",
         "question: Can ICE see my tax return or tax information?")
    update(load_site(mini))
    po = (mini / "locales" / "es.po").read_text(encoding="utf-8")
    at = po.index('msgctxt "faq.can-ice-see.question"')
    assert '#, fuzzy\n#| msgid "Can ICE see my tax return?"\n' in po[at - 200:at]
    assert stale_catalogues(load_site(mini)) == []
    update(load_site(mini))
    assert (mini / "locales" / "es.po").read_text(encoding="utf-8") == po


def test_a_reviewer_marks_entries_reviewed_and_a_change_clears_the_mark(mini_build, edit):
    """`#, reviewed` in the PO file: counted by page, kept by `make i18n` while the English stays,
    dropped when the English changes or a new draft is imported."""
    from macros.coverage import page_usage
    from macros.i18n_tools import update
    from macros.site import Site

    ctx, english = "faq.can-ice-see.question", "Can ICE see my tax return?"
    import_json(load_site(mini_build), "es", {ctx: {"en": english, "tr": "¿Puede ICE ver?"}})
    po = mini_build / "locales" / "es.po"
    edit(po, f'msgctxt "{ctx}"', f'#, reviewed\nmsgctxt "{ctx}"')

    def reviewed() -> int:
        site = Site.load(mini_build)
        cov = coverage(site.texts, "es", load_catalog(site, "es"), page_usage(site))
        assert cov.by_page["faq"][3] == cov.reviewed
        return cov.reviewed

    assert reviewed() == 1
    update(load_site(mini_build))  # `make i18n` keeps it
    assert reviewed() == 1 and "\n#, reviewed\n" in po.read_text(encoding="utf-8")
    import_json(load_site(mini_build), "es", {ctx: {"en": english, "tr": "¿Puede ICE ver?"}})
    assert reviewed() == 1, "the same text imported again stays reviewed"
    import_json(load_site(mini_build), "es", {ctx: {"en": english, "tr": "¿ICE puede ver?"}})
    assert reviewed() == 0, "a new draft needs a new review"
    edit(po, f'msgctxt "{ctx}"', f'#, reviewed\nmsgctxt "{ctx}"')
    edit(mini_build / "data" / "faq.yml", f"question: {english}", "question: Can ICE see it?")
    update(load_site(mini_build))
    assert reviewed() == 0 and "\n#, reviewed\n" not in po.read_text(encoding="utf-8")


def test_a_page_is_reviewed_only_when_every_text_is_checked():
    from macros.coverage import Coverage

    cov = Coverage("es", by_page={"faq": [3, 0, 0, 3], "help": [3, 0, 0, 2],
                                  "home": [3, 1, 0, 3], "glossary": [0, 0, 2, 0]})
    assert cov.page_reviewed("faq")
    assert not any(cov.page_reviewed(p) for p in ("help", "home", "glossary", "nowhere"))


def test_a_translators_comment_survives_make_i18n(mini, edit):
    """`# term: ...` (an agreed term said another way, with the reason) is kept by `make i18n`."""
    from macros.i18n_tools import update

    po = mini / "locales" / "es.po"
    edit(po, 'msgctxt "faq.can-ice-see.question"',
         '# term: consent (quotes the court)\nmsgctxt "faq.can-ice-see.question"')
    update(load_site(mini))
    assert "# term: consent (quotes the court)\n" in po.read_text(encoding="utf-8")
    assert stale_catalogues(load_site(mini)) == []
