"""The site as production serves it: the shared build through nginx with the rules of
macros/publish/headers.py (deploy/nginx.conf), the ``_headers`` file the build writes for other
hosts, the sitemap's dates, and a deployment build (SITE_URL in a sub-folder).

The expected values are written out here, not only taken from headers.py, so a change of policy
shows in this file's diff."""

from __future__ import annotations

import gzip
import http.client
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from macros.publish import headers as rules
from macros.theme import POLICY

from ..helpers import ROOT, build_mini, locale_codes, soup

pytestmark = pytest.mark.build

SOURCE, OTHERS = locale_codes()
PREFIXES = [""] + [f"{c}/" for c in OTHERS]
YEAR = "public, max-age=31536000, immutable"
SHORT = "public, max-age=300"
DENIED = ("camera", "microphone", "geolocation", "payment", "usb", "interest-cohort",
          "browsing-topics")


def get(base: str, path: str, gzip_ok: bool = True, method: str = "GET"):
    """One request, redirects not followed: (status, headers with lower-case names, body)."""
    u = urlsplit(base)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=10)
    conn.request(method, "/" + path, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    resp = conn.getresponse()
    body = resp.read()
    heads = {k.lower(): v for k, v in resp.getheaders()}
    conn.close()
    if heads.get("content-encoding") == "gzip":
        body = gzip.decompress(body)
    return resp.status, heads, body


def directives(policy: str) -> dict[str, str]:
    out = {}
    for part in policy.split(";"):
        name, _, value = part.strip().partition(" ")
        assert name not in out, f"{name} twice in {policy}"
        out[name] = value.strip()
    return out


def hashed_assets(site: Path) -> list[str]:
    found = [f"assets/app/{p.name}" for p in sorted((site / "assets" / "app").iterdir())
             if re.fullmatch(r"[\w-]+\.[0-9a-f]{10}\.(js|svg)", p.name)]
    assert len(found) >= 5, found
    return found


def assert_common(heads: dict[str, str], path: str) -> None:
    assert heads["referrer-policy"] == "no-referrer", path
    assert heads["x-content-type-options"] == "nosniff", path
    assert heads["strict-transport-security"].startswith("max-age="), path
    perms = dict(p.strip().split("=", 1) for p in heads["permissions-policy"].split(","))
    for feature in DENIED:
        assert perms.get(feature) == "()", (path, feature)
    # No version: `server_tokens off`.
    assert heads.get("server") == "nginx", heads.get("server")
    csp = directives(heads["content-security-policy"])
    assert csp["script-src"] == "'self'", path  # never 'unsafe-inline' for scripts
    assert csp["default-src"] == "'self'" and csp["object-src"] == "'none'", path
    # The header carries the same policy as the pages' <meta> (macros/theme.py: POLICY).
    for name, value in POLICY.items():
        assert csp[name] == value, (path, name)


# --- pages and files through nginx ----------------------------------------------------------

PAGES = ["", "faq/", "check/", "exceptions/", "handout/"] + PREFIXES[1:] + \
    [f"{p}faq/" for p in PREFIXES[1:]]
EMBEDS = ["embed/faq/", "embed/check/"] + [f"{p}embed/faq/" for p in PREFIXES[1:]]
OEMBEDS = [f"{p}oembed/faq.json" for p in PREFIXES]


@pytest.mark.parametrize("path", PAGES)
def test_page_headers(nginx_site, path):
    status, heads, body = get(nginx_site, path)
    assert status == 200, path
    assert heads["content-type"].startswith("text/html")
    assert_common(heads, path)
    assert directives(heads["content-security-policy"])["frame-ancestors"] == "'none'"
    assert heads["cache-control"] == SHORT
    assert heads["content-encoding"] == "gzip"
    assert "accept-encoding" in heads.get("vary", "").lower()
    assert b"<html" in body


@pytest.mark.parametrize("path", EMBEDS + OEMBEDS)
def test_embed_pages_and_oembed_may_be_framed_by_any_site(nginx_site, path):
    status, heads, _ = get(nginx_site, path)
    assert status == 200, path
    assert_common(heads, path)
    assert directives(heads["content-security-policy"])["frame-ancestors"] == "*"
    assert heads["cache-control"] == SHORT


def test_hashed_assets_are_cached_for_a_year_and_others_briefly(nginx_site, built_site):
    for path in hashed_assets(built_site):
        status, heads, _ = get(nginx_site, path)
        assert status == 200, path
        assert heads["cache-control"] == YEAR, path
        assert_common(heads, path)
    # The embed script's stable paths (partners hotlink them), an unhashed copy, data, feeds.
    for path in ("assets/embed/v1/resize.js", "assets/embed/resize.js", "assets/app/app.js",
                 "api/v1/exceptions.json", "feed.xml", "sitemap.xml",
                 "assets/og/preview.png", "search/search_index.json"):
        status, heads, _ = get(nginx_site, path)
        assert status == 200, path
        assert heads["cache-control"] == SHORT, path
        assert_common(heads, path)


@pytest.mark.parametrize("path,ctype", [
    ("", "text/html"), ("assets/embed/v1/resize.js", "application/javascript"),
    ("api/v1/exceptions.json", "application/json"), ("feed.xml", "xml"),
    ("sitemap.xml", "xml"), ("search/search_index.json", "application/json"),
])
def test_text_is_gzipped(nginx_site, built_site, path, ctype):
    status, heads, body = get(nginx_site, path)
    assert status == 200 and ctype in heads["content-type"]
    assert heads.get("content-encoding") == "gzip", path
    on_disk = built_site / (path or "index.html")
    assert body == on_disk.read_bytes()
    # ...and only when the browser says it accepts it.
    _, plain, raw = get(nginx_site, path, gzip_ok=False)
    assert "content-encoding" not in plain and raw == on_disk.read_bytes()


def test_the_hashed_scripts_are_gzipped_too(nginx_site, built_site):
    path = next(p for p in hashed_assets(built_site) if p.endswith(".js"))
    _, heads, _ = get(nginx_site, path)
    assert heads.get("content-encoding") == "gzip"


@pytest.mark.parametrize("prefix", PREFIXES)
def test_each_locale_has_its_own_404_page_with_status_404(nginx_site, built_site, prefix):
    for path in (f"{prefix}nonexistent", f"{prefix}no/such/page/", f"{prefix}embed/nope/"):
        status, heads, body = get(nginx_site, path)
        assert status == 404, path
        assert body == (built_site / prefix / "404.html").read_bytes(), path
        assert_common(heads, path)
        assert heads["content-type"].startswith("text/html")
    lang = soup(built_site / prefix / "404.html").html["lang"]
    assert lang == (prefix.rstrip("/") or SOURCE)


def test_folders_redirect_relatively_and_instructions_are_not_served(nginx_site):
    status, heads, _ = get(nginx_site, "faq")
    assert status == 301 and heads["location"] == "/faq/"
    assert get(nginx_site, "_headers")[0] == 404


# --- one source of truth --------------------------------------------------------------------


def test_committed_nginx_configuration_is_current():
    want = rules.nginx_site(rules.locale_prefixes())
    assert (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8") == want, \
        "run `python -m macros.publish.headers`"
    assert rules.locale_prefixes() == PREFIXES


def resolve_headers_file(text: str, path: str) -> dict[str, str]:
    """What a host that reads ``_headers`` sends for ``path``, Cloudflare Pages' way: rules in
    order, `*` matches anything, `! Name` drops what earlier rules set, values of one name
    are joined."""
    out: dict[str, str] = {}
    active = False
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            pattern = "^" + re.escape(line.strip()).replace(r"\*", ".*") + "$"
            active = re.match(pattern, path) is not None
        elif active:
            entry = line.strip()
            if entry.startswith("!"):
                out.pop(entry[1:].strip(), None)
            else:
                name, _, value = entry.partition(":")
                out[name] = f"{out[name]}, {value.strip()}" if name in out else value.strip()
    return out


def test_headers_file_matches_nginx(nginx_site, built_site):
    """The `_headers` file in the build gives every sample path exactly what nginx sends."""
    text = (built_site / "_headers").read_text(encoding="utf-8")
    assert text == rules.headers_file(PREFIXES, built_site)
    samples = PAGES + EMBEDS + OEMBEDS + hashed_assets(built_site) + [
        "assets/embed/v1/resize.js", "api/v1/exceptions.json", "feed.xml"]
    names = ("content-security-policy", "referrer-policy", "x-content-type-options",
             "permissions-policy", "strict-transport-security", "cache-control")
    for path in samples:
        want = resolve_headers_file(text, "/" + path)
        _, heads, _ = get(nginx_site, path)
        assert {k.lower(): v for k, v in want.items()} == {n: heads[n] for n in names}, path
        assert want == rules.headers_for("/" + path, PREFIXES), path


# --- reproducible builds, deployment --------------------------------------------------------


def lastmods(sitemap: Path) -> set[str]:
    return set(re.findall(r"<lastmod>([^<]+)</lastmod>", sitemap.read_text(encoding="utf-8")))


def test_sitemap_dates_come_from_the_data(built_site, real_site):
    reviewed = real_site.site.last_reviewed.isoformat()
    for prefix in PREFIXES:
        assert lastmods(built_site / prefix / "sitemap.xml") == {reviewed}, prefix
        with gzip.open(built_site / prefix / "sitemap.xml.gz") as gz:
            assert gz.read() == (built_site / prefix / "sitemap.xml").read_bytes()


def test_deployment_build_in_a_sub_folder(mini_build, tmp_path, monkeypatch):
    """What .github/workflows/deploy.yml does (SITE_URL, then build), on the small fixture:
    canonical and sitemap URLs under SITE_URL, `_headers` at the root, dates from the data."""
    import yaml

    monkeypatch.setenv("SITE_URL", "https://example.org/sub/")
    out = tmp_path / "out"
    proc = build_mini(mini_build, out)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    canonical = soup(out / "faq" / "index.html").find("link", rel="canonical")["href"]
    assert canonical == "https://example.org/sub/faq/"
    locs = re.findall(r"<loc>([^<]+)</loc>", (out / "sitemap.xml").read_text(encoding="utf-8"))
    assert locs and all(u.startswith("https://example.org/sub/") for u in locs)
    data = yaml.safe_load((mini_build / "data" / "site.yml").read_text(encoding="utf-8"))
    reviewed = data["site"]["last_reviewed"].isoformat()
    assert lastmods(out / "sitemap.xml") == {reviewed}
    text = (out / "_headers").read_text(encoding="utf-8")
    assert "/embed/*" in text and "frame-ancestors *" in text and YEAR in text
