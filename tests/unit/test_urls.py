"""Relative links between pages and locales (the site must work from any host or sub-folder)."""

from macros import urls


def test_relative_between_pages():
    assert urls.relative("", "faq/") == "faq/"
    assert urls.relative("faq/", "exceptions/") == "../exceptions/"
    assert urls.relative("embed/faq/", "") == "../../"
    assert urls.relative("faq/", "") == "../"


def test_same_page_in_other_locale():
    assert urls.other_locale("faq/", "en", "es", "en") == "../es/faq/"
    assert urls.other_locale("faq/", "es", "en", "en") == "../../faq/"
    assert urls.other_locale("", "en", "es", "en") == "es/"
    assert urls.other_locale("", "es", "en", "en") == "../"
    assert urls.other_locale("faq/", "es", "ar", "en") == "../../ar/faq/"


def test_absolute_only_from_site_url():
    assert urls.absolute("https://x.example/guide", "es", "en", "faq/") == \
        "https://x.example/guide/es/faq/"
