"""The site's HTTP headers, in one place: the rules (URL path pattern -> headers), and what is
generated from them:

- ``deploy/nginx.conf``: a server block for Debian's nginx (committed; ``--check`` says whether
  it is current), also used by ``make preview`` and by the tests, with the site's folder and a
  port filled in;
- ``_headers`` (Netlify / Cloudflare Pages syntax), written into the built site by the build
  (``macros/hooks.py``).

How rules combine: the first rule (``/*``) applies to every response; at most one of the others
matches a path, and its headers replace the first rule's headers of the same name. In nginx each
rule is a ``location`` carrying the merged set (``add_header`` does not inherit); in ``_headers``
the later, narrower rule first detaches the broad rule's header (``! Name``, Cloudflare Pages)
and sets its own (Netlify ignores the detach line and keeps the later value).

Command line::

    python -m macros.publish.headers            write deploy/nginx.conf
    python -m macros.publish.headers --check    fail if deploy/nginx.conf is not current
    python -m macros.publish.headers preview [--site-dir site] [--port 8080]
                                                serve a built site through that configuration
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ..theme import csp

ROOT = Path(__file__).resolve().parent.parent.parent
NGINX_CONF = ROOT / "deploy" / "nginx.conf"
HEADERS_FILE = "_headers"
PRODUCTION_ROOT = "/var/www/itin-privacy-guide"

# Caching. Our scripts' names carry a hash of their content (macros/theme.py: Assets), so a
# browser may keep them for a year; everything else (pages, data, feeds, and the embed script's
# stable path that partner sites hotlink) is revalidated after five minutes.
YEAR = "public, max-age=31536000, immutable"
SHORT = "public, max-age=300"

# Browser features the site never uses, denied to it and to anything it might frame.
DENIED_FEATURES = (
    "accelerometer", "ambient-light-sensor", "autoplay", "battery", "bluetooth",
    "browsing-topics", "camera", "display-capture", "geolocation", "gyroscope", "hid",
    "interest-cohort", "magnetometer", "microphone", "midi", "payment", "serial", "usb",
    "xr-spatial-tracking",
)
PERMISSIONS_POLICY = ", ".join(f"{f}=()" for f in DENIED_FEATURES)

# HSTS: browsers honour it only over HTTPS. Keep it on an HTTPS-only host; a host that serves
# plain HTTP should remove it (see README "Deploying").
HSTS = "max-age=31536000"

# The policy of macros/theme.py (also in every page's <meta>), plus who may frame the page:
# nobody, except the embed pages and the oEmbed responses, which any site may frame.
CSP_PAGE = csp({"frame-ancestors": "'none'"})
CSP_EMBED = csp({"frame-ancestors": "*"})


@dataclass(frozen=True)
class Rule:
    """Headers for the URL paths that ``regex`` matches (from the site root, ``/...``).

    ``globs`` are the same paths in ``_headers`` syntax; a rule without globs is written to
    ``_headers`` as the exact paths of the built site's files that ``regex`` matches."""

    about: str
    regex: str
    headers: dict[str, str]
    globs: tuple[str, ...] = field(default=())

    def matches(self, path: str) -> bool:
        return re.search(self.regex, path) is not None


def rules(prefixes: Sequence[str]) -> list[Rule]:
    """The rules, for the locales' URL prefixes (``""`` for the source locale, ``"es/"``...)."""
    others = [p for p in prefixes if p]
    loc = "(?:" + "|".join(re.escape(p) for p in others) + ")?" if others else ""
    every = [""] + others
    return [
        Rule("every response", "^/", {
            "Content-Security-Policy": CSP_PAGE,
            "Referrer-Policy": "no-referrer",
            "X-Content-Type-Options": "nosniff",
            "Permissions-Policy": PERMISSIONS_POLICY,
            "Strict-Transport-Security": HSTS,
            "Cache-Control": SHORT,
        }, ("/*",)),
        Rule("our scripts and images, content-hashed names (macros/theme.py)",
             r"^/assets/app/[^/]+\.[0-9a-f]{10}\.(?:js|svg)$", {"Cache-Control": YEAR}),
        Rule("the embed script's stable, versioned path that partner sites hotlink",
             r"^/assets/embed/v1/resize\.js$", {"Cache-Control": SHORT},
             ("/assets/embed/v1/resize.js",)),
        Rule("embed pages: any site may frame them", f"^/{loc}embed/",
             {"Content-Security-Policy": CSP_EMBED}, tuple(f"/{p}embed/*" for p in every)),
        Rule("oEmbed responses", f"^/{loc}oembed/",
             {"Content-Security-Policy": CSP_EMBED}, tuple(f"/{p}oembed/*" for p in every)),
    ]


def headers_for(path: str, prefixes: Sequence[str]) -> dict[str, str]:
    """The headers a response for ``path`` gets (what the tests expect from nginx)."""
    base, *specific = rules(prefixes)
    out = dict(base.headers)
    matched = [r for r in specific if r.matches(path)]
    assert len(matched) <= 1, f"{path}: several rules match ({[r.about for r in matched]})"
    for rule in matched:
        out.update(rule.headers)
    return out


def locale_prefixes(root: Path = ROOT) -> list[str]:
    """The locales' URL prefixes, read from data/locales.yml (source locale first)."""
    import yaml

    from ..urls import locale_prefix

    data = yaml.safe_load((root / "data" / "locales.yml").read_text(encoding="utf-8"))
    source = data["source_locale"]
    return sorted((locale_prefix(loc["code"], source) for loc in data["locales"]),
                  key=lambda p: p != "")


# --- _headers (Netlify, Cloudflare Pages) ----------------------------------------------------


def _site_paths(site_dir: Path) -> list[str]:
    return sorted("/" + p.relative_to(site_dir).as_posix()
                  for p in site_dir.rglob("*") if p.is_file())


def headers_file(prefixes: Sequence[str], site_dir: Path) -> str:
    base, *specific = rules(prefixes)
    lines = ["# Generated by macros/publish/headers.py (the nginx configuration in deploy/ comes",
             "# from the same rules). The first rule applies to every path; a later rule replaces",
             "# its headers of the same name (`! Name` detaches them on Cloudflare Pages).", ""]

    def block(about: str, globs: Sequence[str], headers: dict[str, str], detach: bool) -> None:
        lines.append(f"# {about}")
        for glob in globs:
            lines.append(glob)
            for name, value in headers.items():
                if detach and name in base.headers:
                    lines.append(f"  ! {name}")
                lines.append(f"  {name}: {value}")
        lines.append("")

    block(base.about, base.globs, base.headers, False)
    paths = _site_paths(site_dir)
    for rule in specific:
        globs = rule.globs or tuple(p for p in paths if rule.matches(p))
        block(rule.about, globs, rule.headers, True)
    return "\n".join(lines)


def write_headers_file(site_dir: Path, prefixes: Sequence[str]) -> Path:
    path = site_dir / HEADERS_FILE
    path.write_text(headers_file(prefixes, site_dir), encoding="utf-8")
    return path


# --- nginx ------------------------------------------------------------------------------------

GZIP_TYPES = ("text/css", "text/plain", "text/xml", "application/javascript", "application/json",
              "application/xml", "application/atom+xml", "image/svg+xml")


def _add_headers(headers: dict[str, str], indent: str) -> list[str]:
    # `always`: also on 404 and other error responses.
    return [f'{indent}add_header {name} "{value}" always;' for name, value in headers.items()]


def nginx_site(prefixes: Sequence[str], *, root: str = PRODUCTION_ROOT,
               listen: Sequence[str] = ("80", "[::]:80")) -> str:
    """The server block (with the map of the locales' 404 pages) for Debian's nginx."""
    base, *specific = rules(prefixes)
    out = [
        "# GENERATED from macros/publish/headers.py by `python -m macros.publish.headers`:",
        "# do not edit (`make test` checks that this file is current).",
        "#",
        "# The ITIN Privacy Guide on Debian's nginx: copy to /etc/nginx/sites-available/,",
        "# link it from sites-enabled/, put the built site/ in the `root` folder below, and",
        "# `nginx -t && systemctl reload nginx`. It is included inside http { } (as Debian's",
        "# nginx.conf does), which already has `include mime.types`. Add TLS (e.g. certbot) in",
        "# front of it: the Strict-Transport-Security header only means something over HTTPS;",
        "# remove it if this host serves plain HTTP only. See README.md, \"Deploying\".",
        "",
        "# Each locale's own 404 page (locales are path prefixes; the source locale is the root).",
        "map $uri $itin_guide_not_found {",
        "    default /404.html;",
    ]
    out += [f"    ~^/{re.escape(p)} /{p}404.html;" for p in prefixes if p]
    out += ["}", "", "server {"]
    out += [f"    listen {addr};" for addr in listen]
    out += [
        "    server_name _;",
        f"    root {root};",
        "    index index.html;",
        "",
        "    server_tokens off;",
        "    absolute_redirect off;  # /faq -> /faq/ with a relative Location",
        "    charset utf-8;",
        "    charset_types " + " ".join(GZIP_TYPES) + ";",
        "",
        "    gzip on;",
        "    gzip_vary on;",
        "    gzip_proxied any;",
        "    gzip_comp_level 6;",
        "    gzip_min_length 256;",
        "    gzip_types " + " ".join(GZIP_TYPES) + ";",
        "",
        "    error_page 404 $itin_guide_not_found;",
        "",
        "    # Instructions for other hosts, not part of the site.",
        "    location = /_headers { return 404; }",
        "",
    ]
    # First matching regex location wins: the narrower rules are disjoint, so order is free.
    for rule in specific:
        merged = {**base.headers, **rule.headers}
        out.append(f"    # {rule.about}")
        out.append(f'    location ~ "{rule.regex}" {{')
        out += _add_headers(merged, " " * 8)
        out.append("        try_files $uri $uri/ =404;")
        out += ["    }", ""]
    out.append(f"    # {base.about}")
    out.append("    location / {")
    out += _add_headers(base.headers, " " * 8)
    out.append("        try_files $uri $uri/ =404;")
    out += ["    }", "}", ""]
    return "\n".join(out)


def nginx_main(tmp: Path, site_conf: Path) -> str:
    """A whole nginx.conf around the server block, for a throwaway run (preview, tests): every
    file nginx writes goes to ``tmp``."""
    user = "user root;\n" if hasattr(os, "geteuid") and os.geteuid() == 0 else ""
    temps = "\n".join(f"    {kind}_temp_path {tmp / kind};"
                      for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    return f"""{user}worker_processes 1;
pid {tmp / 'nginx.pid'};
error_log stderr;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    sendfile on;
{temps}
    include {site_conf};
}}
"""


def nginx_binary() -> str | None:
    return shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx",) if Path(p).exists()), None)


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def _wait_listening(host: str, port: int, proc: subprocess.Popen, timeout: float = 10) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        try:
            with socket.create_connection((host, port), timeout=0.2):
                return True
        except OSError:
            time.sleep(0.05)
    return False


@contextmanager
def nginx(site_dir: Path, port: int | None = None, host: str = "127.0.0.1",
          prefixes: Sequence[str] | None = None, quiet: bool = True) -> Iterator[str]:
    """Serve ``site_dir`` through the deploy configuration; yields the site's URL."""
    binary = nginx_binary()
    if binary is None:
        raise FileNotFoundError("nginx is not installed (apt-get install nginx-light)")
    prefixes = locale_prefixes() if prefixes is None else prefixes
    with tempfile.TemporaryDirectory(prefix="itin-nginx-") as t:
        tmp = Path(t)
        for attempt in range(5):
            p = port or free_port(host)
            site_conf = tmp / "site.conf"
            site_conf.write_text(nginx_site(prefixes, root=str(Path(site_dir).resolve()),
                                            listen=[f"{host}:{p}"]), encoding="utf-8")
            (tmp / "nginx.conf").write_text(nginx_main(tmp, site_conf), encoding="utf-8")
            proc = subprocess.Popen(
                [binary, "-e", "stderr", "-p", str(tmp), "-c", str(tmp / "nginx.conf"),
                 "-g", "daemon off;"],
                stderr=subprocess.PIPE if quiet else None)
            if _wait_listening(host, p, proc):
                break
            proc.kill()
            _, err = proc.communicate()
            if port or attempt == 4:
                raise RuntimeError(f"nginx did not start: {(err or b'').decode(errors='replace')}")
        try:
            yield f"http://{host}:{p}/"
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


# --- command line -----------------------------------------------------------------------------


def main(argv: list[str]) -> int:
    if argv[:1] == ["preview"]:
        import argparse

        parser = argparse.ArgumentParser(prog="python -m macros.publish.headers preview")
        parser.add_argument("--site-dir", default=str(ROOT / "site"))
        parser.add_argument("--port", type=int, default=8080)
        args = parser.parse_args(argv[1:])
        site_dir = Path(args.site_dir)
        if not (site_dir / "index.html").exists():
            print(f"{site_dir} has no built site: run `make build` first", file=sys.stderr)
            return 1
        try:
            with nginx(site_dir, args.port, quiet=False) as url:
                print(f"serving {site_dir} through deploy/nginx.conf's rules at {url} "
                      "(Ctrl-C stops)", flush=True)
                while True:
                    time.sleep(3600)
        except KeyboardInterrupt:
            return 0
        except (FileNotFoundError, RuntimeError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
    want = nginx_site(locale_prefixes())
    if "--check" in argv:
        if not NGINX_CONF.exists() or NGINX_CONF.read_text(encoding="utf-8") != want:
            print("deploy/nginx.conf is out of date: run `python -m macros.publish.headers`",
                  file=sys.stderr)
            return 1
        return 0
    NGINX_CONF.parent.mkdir(parents=True, exist_ok=True)
    NGINX_CONF.write_text(want, encoding="utf-8")
    print(f"wrote {NGINX_CONF.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
