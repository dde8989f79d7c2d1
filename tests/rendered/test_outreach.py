"""Feeds, link previews, oEmbed and open data, checked in the built site of every locale."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlparse

import feedparser
import jsonschema
import pytest
from bs4 import BeautifulSoup

from ..helpers import locale_codes, soup

pytestmark = pytest.mark.build

SOURCE, _OTHERS = locale_codes()
CODES = [SOURCE, *_OTHERS]


def base(site: Path, code: str) -> Path:
    return site if code == SOURCE else site / code


def pages(site: Path, code: str) -> list[Path]:
    others = set(CODES) - {code}
    out = []
    for p in sorted(base(site, code).rglob("index.html")):
        rel = p.relative_to(base(site, code)).parts
        if rel and (rel[0] in others or rel[0] in {"assets", "api", "search", "oembed"}):
            continue
        out.append(p)
    return out


@pytest.mark.parametrize("code", CODES)
def test_feed_lists_every_event_with_ids_dates_and_links(built_site, real_site, code):
    feed = feedparser.parse((base(built_site, code) / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.id.startswith("urn:uuid:") and feed.feed.title and feed.feed.updated
    assert feed.feed.get("language", code) == code
    self_links = [link for link in feed.feed.links if link.rel == "self"]
    assert self_links and self_links[0].href.endswith("feed.xml")
    events = {(c.id, e.id): e for c in real_site.cases.values() for e in c.events}
    assert len(feed.entries) == len(events)
    ids = [entry.id for entry in feed.entries]
    assert len(set(ids)) == len(ids) and all(i.startswith("urn:uuid:") for i in ids)
    for entry in feed.entries:
        assert entry.title and entry.updated_parsed and entry.published_parsed
        link = entry.link
        assert urlparse(link).scheme in {"http", "https"} and "/lawsuits/#" in link
        case_event = link.split("#", 1)[1]
        assert any(case_event == f"{c}-{e}" for c, e in events)
    dates = [entry.updated_parsed for entry in feed.entries]
    assert dates == sorted(dates, reverse=True), "newest first"


def test_one_feed_per_case_and_discoverable(built_site, real_site):
    for case in real_site.cases.values():
        feed = feedparser.parse((built_site / "feeds" / f"{case.id}.xml").read_bytes())
        assert not feed.bozo and len(feed.entries) == len(case.events), case.id
    doc = soup(built_site / "lawsuits" / "index.html")
    feeds = doc.select('link[rel="alternate"][type="application/atom+xml"]')
    assert len(feeds) == 1 + len(real_site.cases)
    home = soup(built_site / "index.html")
    assert home.select_one('link[rel="alternate"][type="application/atom+xml"]')


@pytest.mark.parametrize("code", CODES)
def test_every_page_has_link_preview_metadata_in_its_language(built_site, real_site, code):
    image = base(built_site, code) / "assets" / "og" / "preview.png"
    assert image.exists() and image.stat().st_size > 5000
    from PIL import Image

    assert Image.open(image).size == (1200, 630)
    from macros.catalogs import translator_for
    from macros.words import Words

    words = Words(real_site, translator_for(real_site, code))
    for page in pages(built_site, code):
        doc = soup(page)

        def og(prop: str, doc: BeautifulSoup = doc, page: Path = page) -> str:
            tag = doc.find("meta", property=prop)
            assert tag is not None, f"{page}: {prop}"
            return tag["content"]

        assert og("og:title") and og("og:description"), page
        assert og("og:locale") == words.og_locale(), page
        assert og("og:image").endswith(f"{'' if code == SOURCE else code + '/'}"
                                       "assets/og/preview.png")
        assert urlparse(og("og:url")).scheme in {"http", "https"}
        assert doc.find("meta", attrs={"name": "twitter:card"})["content"] == \
            "summary_large_image"
        alternates = [t["content"] for t in doc.find_all("meta", property="og:locale:alternate")]
        assert len(alternates) == len(CODES) - 1


def test_oembed_discovery_and_response(built_site):
    doc = soup(built_site / "faq" / "index.html")
    link = doc.select_one('link[rel="alternate"][type="application/json+oembed"]')
    assert link is not None and link["href"].endswith("/oembed/faq.json")
    data = json.loads((built_site / "oembed" / "faq.json").read_text(encoding="utf-8"))
    assert data["version"] == "1.0" and data["type"] == "rich"
    frame = BeautifulSoup(data["html"], "lxml").iframe
    assert frame["src"].endswith("/embed/faq/") and frame["title"] and frame["loading"] == "lazy"


def test_embed_panel_snippet_is_collapsed_and_correct(built_site):
    doc = soup(built_site / "es" / "faq" / "index.html")
    panel = doc.select_one("details.app-embed-panel")
    assert panel is not None and not panel.has_attr("open")
    snippet = BeautifulSoup(panel.textarea.get_text(), "lxml")
    assert snippet.iframe["src"].endswith("/es/embed/faq/")
    assert snippet.iframe.has_attr("data-itin-embed") and snippet.iframe["title"]
    assert snippet.script["src"].endswith("/assets/embed/v1/resize.js")
    preview = panel.select_one("iframe.app-embed-panel__preview")
    assert preview["src"] == "../embed/faq/" and preview["loading"] == "lazy"


@pytest.mark.parametrize("code", CODES)
def test_open_data_matches_schemas_and_pages(built_site, real_site, code):
    api = base(built_site, code) / "api"
    for name, schema in (("v1/exceptions.json", "v1/schema/exceptions.schema.json"),
                         ("v2/check.json", "v2/schema/check.schema.json"),
                         ("v2/request-checker.json", "v2/schema/request-checker.schema.json")):
        data = json.loads((api / name).read_text(encoding="utf-8"))
        jsonschema.validate(data, json.loads((api / schema).read_text()))
    assert not (api / "v1" / "decision-trees").exists(), "the wrong v1 tree is withdrawn"
    tree = json.loads((api / "v2" / "check.json").read_text())
    exceptions = json.loads((api / "v1" / "exceptions.json").read_text())
    assert {e["id"] for e in exceptions["exceptions"]} == set(real_site.exceptions)
    assert tree["start"] in tree["nodes"] and tree["as_of"] == real_site.site.as_of.isoformat()
    questions = soup(base(built_site, code) / "check" / "index.html")
    answers = soup(base(built_site, code) / "check-answers" / "index.html")
    assert {s["id"] for s in questions.select("section.app-check__question")} == set(tree["nodes"])
    assert {p["id"] for p in answers.select(".app-check__path")} == set(tree["results"])
    by_id = {el["id"]: el for el in answers.select("[id]")}
    for anchor, result in tree["results"].items():
        section = by_id[anchor].find_parent("section")
        assert section["id"] == result["outcome"], "the page and the JSON agree"
        assert section["data-verdict"] == tree["outcomes"][result["outcome"]]["verdict"]


def test_handout_has_qr_code_to_the_locale(built_site):
    for code in CODES:
        doc = soup(base(built_site, code) / "handout" / "index.html")
        svg = doc.select_one(".app-handout__qr svg")
        assert svg is not None and svg["role"] == "img"
        url = doc.select_one(".app-handout__url").get_text(strip=True)
        assert url.endswith("/" if code == SOURCE else f"/{code}/")
        # Printed addresses read left to right in every script ("…/ar/sources/", not "/…").
        assert doc.select_one(".app-handout__url")["dir"] == "ltr"
        sources = doc.select_one(".app-handout__sources bdi[dir=ltr]")
        assert sources is not None and sources.get_text() == url + "sources/", code


@pytest.mark.parametrize("code", CODES)
def test_a_link_shared_from_an_embedded_tool_opens_the_full_page(built_site, code):
    """Inside an embed the tool reads its answers from the embed's answers page, but "copy a link
    to this result" hands out the full page (a link shared on, outside the host's frame)."""
    for embed in (False, True):
        folder = base(built_site, code) / ("embed" if embed else "") / "check"
        tool = soup(folder / "index.html").select_one("[data-module=app-check]")
        shared = (folder / tool["data-share-url"]).resolve()
        assert shared == (base(built_site, code) / "check-answers").resolve(), (code, embed)
        assert (shared / "index.html").is_file()
        fetched = (folder / tool["data-answers-url"]).resolve()
        assert fetched == (folder.parent / "check-answers").resolve(), (code, embed)
