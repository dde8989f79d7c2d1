"""Benchmark: build the whole site, then measure what a browser downloads for sample pages.

Prints: build time, pages built (per locale), and for each sample page the bytes downloaded
(raw and gzip-compressed), split into HTML, CSS, JS, fonts, images and other. Also prints the
reading level of the English summaries and answers per section (Flesch-Kincaid).

It also times the test suite: `make test-fast`, and the whole `make test` in a clean clone of
the last commit, installs included (skip those with --no-suite).

Run it with `make bench`. Figures are printed, never asserted.
"""

from __future__ import annotations

import functools
import gzip
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage"]


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def serve(directory: Path) -> tuple[ThreadingHTTPServer, str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0),
                                 functools.partial(_Quiet, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def build_site(root: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "macros", "build", "--quiet", "--site-dir",
                           str(out)], cwd=root, capture_output=True, text=True,
                          env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))


def timed(cmd: list[str], cwd: Path) -> tuple[float, int]:
    start = time.monotonic()
    proc = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.monotonic() - start, proc.returncode


def suite_timings() -> None:
    """`make test-fast` here, and `make test` in a clean clone of HEAD (installs included)."""
    print(f"\n{'test suite (2 cores)':<48}{'seconds':>10}{'target':>8}{'result':>8}")
    secs, rc = timed(["make", "test-fast"], ROOT)
    print(f"{'make test-fast':<48}{secs:>10.0f}{60:>8}{'ok' if rc == 0 else 'FAIL':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        clone = Path(tmp) / "clone"
        subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
        secs, rc = timed(["make", "test"], clone)
    print(f"{'make test (clean clone, installs included)':<48}{secs:>10.0f}{480:>8}"
          f"{'ok' if rc == 0 else 'FAIL':>8}")

SAMPLES = ["", "exceptions/", "faq/", "check/", "es/", "es/check/", "ar/"]


def kind_of(url: str, content_type: str) -> str:
    ct = content_type.split(";")[0].strip()
    if ct == "text/html":
        return "html"
    if ct == "text/css" or url.endswith(".css"):
        return "css"
    if "javascript" in ct or url.endswith((".js", ".mjs")):
        return "js"
    if ct.startswith("font/") or url.endswith((".woff", ".woff2", ".ttf")):
        return "fonts"
    if ct.startswith("image/"):
        return "images"
    return "other"


def measure(site: Path, pages: list[str]) -> None:
    from playwright.sync_api import sync_playwright

    server, url = serve(site)
    cols = ["html", "css", "js", "fonts", "images", "other"]
    print(f"\n{'page':<16}" + "".join(f"{c:>16}" for c in cols) + f"{'total':>16}")
    print(f"{'':<16}" + "".join(f"{'raw / gzip':>16}" for _ in cols) + f"{'raw / gzip':>16}")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for path in pages:
            if not (site / path / "index.html").exists():
                continue
            ctx = browser.new_context(viewport={"width": 360, "height": 740})
            page = ctx.new_page()
            sizes: dict[str, list[int]] = defaultdict(lambda: [0, 0])
            bodies: list = []

            def keep(response: object, bodies: list = bodies) -> None:
                bodies.append(response)

            page.on("response", keep)
            page.goto(url + path, wait_until="networkidle")
            for r in bodies:
                try:
                    body = r.body()
                except Exception:  # noqa: BLE001 - redirects and aborted requests have no body
                    continue
                k = kind_of(r.url, r.headers.get("content-type", ""))
                sizes[k][0] += len(body)
                sizes[k][1] += len(gzip.compress(body, 9))
            total = [sum(v[0] for v in sizes.values()), sum(v[1] for v in sizes.values())]
            row = "".join(f"{sizes[c][0] / 1024:>8.1f}/{sizes[c][1] / 1024:>6.1f}K" for c in cols)
            print(f"/{path:<15}{row}{total[0] / 1024:>8.1f}/{total[1] / 1024:>6.1f}K")
            ctx.close()
        browser.close()
    server.shutdown()


def reading_levels() -> None:
    from macros.load import load_site
    from macros.readability import fk_grade
    from macros.safe_markdown import strip_markdown

    site = load_site(ROOT)
    sections = {
        "exception summaries": [e.summary for e in site.exceptions.values()],
        "FAQ answers": [q.answer for q in site.faq],
        "case events (what it means)": [ev.what_it_means for c in site.cases.values()
                                        for ev in c.events],
        "glossary definitions": [g.definition for g in site.glossary],
        "statute summaries": [site.statute.general_rule.summary]
        + [p.summary for p in site.statute.penalties],
    }
    print(f"\n{'reading level (English)':<32}{'items':>6}{'FK grade':>10}{'words/sent':>12}")
    for name, texts in sections.items():
        text = " ".join(strip_markdown(t) for t in texts)
        grade, words, sentences = fk_grade(text)
        print(f"{name:<32}{len(texts):>6}{grade:>10.1f}{words / sentences:>12.1f}")


def asset_budgets() -> None:
    """Gzipped sizes of the widget and embed assets against their budgets."""
    app = ROOT / "overrides" / "assets"

    def gz(*names: str) -> int:
        return sum(len(gzip.compress((app / n).read_bytes(), 9)) for n in names)

    rows = [
        ("tools JS (check + request-checker)", gz("app/check.js", "app/request-checker.js"),
         8192),
        ("tools CSS (check + request-checker)", gz("app/check.css", "app/request-checker.css"),
         4096),
        ("embed host script (embed/resize.js)", gz("embed/resize.js"), 2048),
        ("site JS (app.js)", gz("app/app.js"), None),
        ("site CSS (app.css)", gz("app/app.css"), None),
    ]
    print(f"\n{'asset (gzip -9)':<48}{'bytes':>8}{'budget':>8}")
    for name, size, budget in rows:
        print(f"{name:<48}{size:>8}{budget if budget else '-':>8}")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "site"
        start = time.monotonic()
        proc = build_site(ROOT, out)
        elapsed = time.monotonic() - start
        if proc.returncode != 0:
            print(proc.stdout + proc.stderr)
            sys.exit(1)
        pages = [p for p in out.rglob("*.html") if "assets" not in p.parts]
        from macros.load import load_site

        codes = {loc.code for loc in load_site(ROOT).locales.locales}
        by_locale: dict[str, int] = defaultdict(int)
        for p in pages:
            first = p.relative_to(out).parts[0]
            by_locale[first if first in codes else "en"] += 1
        print(f"build time (all locales): {elapsed:.1f} s")
        print(f"pages built: {len(pages)} (" + ", ".join(f"{k}: {v}" for k, v in
                                                        sorted(by_locale.items())) + ")")
        measure(out, SAMPLES)
    asset_budgets()
    reading_levels()
    if "--no-suite" not in sys.argv:
        suite_timings()


if __name__ == "__main__":
    main()
