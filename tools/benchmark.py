"""Benchmark: how fast the site is on a slow phone, next to a stock mkdocs-material site.

Prints, never asserts:

- build time and pages built per locale (`python -m macros build`), and the build time of the
  stock reference site (tools/bench/: the installed mkdocs-material with its defaults, pages with
  about as much text as ours);
- for sample pages of both sites, served gzip-compressed from 127.0.0.1 and loaded in Chromium
  with a cold cache at 360x740 under a slow phone's conditions (400 ms latency, 400 kbit/s down
  and up, CPU slowed 4x): First Contentful Paint, Largest Contentful Paint and the bytes
  transferred by type, the median of --runs loads (3 by default); then our median FCP over the
  stock site's (target 0.55 or less) and our largest page weight (target 50 KB or less);
- Lighthouse scores (performance, accessibility, best practices, SEO; mobile) for the same pages
  and the stock home page: the run with the median performance score of --lighthouse-runs (3 by
  default, as Lighthouse advises for its run-to-run variance), the range of performance scores,
  and the audits that failed (skip with --no-lighthouse). Lighthouse is installed from npm into
  tools/bench/.cache/ the first time;
- gzipped sizes of the widget and embed assets against their budgets;
- the reading level of the English summaries and answers per section (Flesch-Kincaid);
- the test suite's times: `make test-fast`, and the whole `make test` in a clean clone of the
  last commit, installs included (skip with --no-suite).

Run it with `make bench` (BENCH_ARGS="--no-suite --runs 5" to pass flags).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import mimetypes
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BENCH = ROOT / "tools" / "bench"
CACHE = BENCH / ".cache"
LIGHTHOUSE = CACHE / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage"]

# A slow phone on a slow network: Chrome DevTools Protocol figures.
LATENCY_MS = 400
THROUGHPUT = 50_000  # bytes per second each way (400 kbit/s)
CPU_SLOWDOWN = 4
VIEWPORT = {"width": 360, "height": 740}

OUR_PAGES = ["", "check/", "faq/", "lawsuits/"]
LOCALES = ["", "es/", "ar/"]
# Our page -> the stock page of the same shape, for the side-by-side table.
COUNTERPART = {"": "", "check/": "guide/", "faq/": "faq/", "lawsuits/": "table/"}
STOCK_PAGES = list(COUNTERPART.values())
KINDS = ["html", "css", "js", "json", "image", "font", "other"]
FCP_TARGET = 0.55
WEIGHT_TARGET = 50 * 1024
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml",
                "image/svg+xml", "application/manifest+json", "application/atom+xml")
KB = 1024


# --- serving -------------------------------------------------------------------------------

class GzipHandler(BaseHTTPRequestHandler):
    """Static files, text compressed with gzip (level 6) when the client accepts it."""

    directory: Path
    cache: dict[tuple[str, float], bytes]
    protocol_version = "HTTP/1.1"

    def __init__(self, *args: Any, directory: Path, cache: dict[tuple[str, float], bytes],
                 **kwargs: Any) -> None:
        self.directory = directory
        self.cache = cache
        super().__init__(*args, **kwargs)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def do_HEAD(self) -> None:  # noqa: N802
        self._respond(head=True)

    def do_GET(self) -> None:  # noqa: N802
        self._respond(head=False)

    def _respond(self, head: bool) -> None:
        url_path = unquote(urlsplit(self.path).path)
        target = (self.directory / url_path.lstrip("/")).resolve()
        if not target.is_relative_to(self.directory):
            self._send(404, "text/plain", b"not found", head)
            return
        if target.is_dir():
            if not url_path.endswith("/"):
                self.send_response(301)
                self.send_header("Location", url_path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            target = target / "index.html"
        if not target.is_file():
            missing = self.directory / "404.html"
            body = missing.read_bytes() if missing.is_file() else b"not found"
            self._send(404, "text/html; charset=utf-8", body, head)
            return
        ctype = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if ctype.startswith("text/") or ctype in ("application/javascript", "application/json"):
            ctype += "; charset=utf-8"
        body = target.read_bytes()
        gzipped = (ctype.startswith(COMPRESSIBLE)
                   and "gzip" in self.headers.get("Accept-Encoding", ""))
        if gzipped:
            key = (str(target), target.stat().st_mtime)
            if key not in self.cache:
                self.cache[key] = gzip.compress(body, compresslevel=6, mtime=0)
            body = self.cache[key]
        self._send(200, ctype, body, head, gzipped)

    def _send(self, status: int, ctype: str, body: bytes, head: bool,
              gzipped: bool = False) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        if not head:
            self.wfile.write(body)


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):
            return  # a browser dropped a connection it no longer needed: not a failure
        super().handle_error(request, client_address)


def serve(directory: Path) -> tuple[ThreadingHTTPServer, str]:
    handler = functools.partial(GzipHandler, directory=directory.resolve(), cache={})
    server = QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


# --- building ------------------------------------------------------------------------------

def build_site(root: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "macros", "build", "--quiet", "--site-dir",
                           str(out)], cwd=root, capture_output=True, text=True,
                          env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))


def build_stock(out: Path) -> subprocess.CompletedProcess[str]:
    mkdocs = Path(sys.executable).parent / "mkdocs"
    return subprocess.run([str(mkdocs), "build", "--quiet", "-f", str(BENCH / "mkdocs.yml"),
                           "-d", str(out)], cwd=ROOT, capture_output=True, text=True,
                          env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))


def timed_build(name: str, build: Any, out: Path) -> float:
    start = time.monotonic()
    proc = build(out)
    elapsed = time.monotonic() - start
    if proc.returncode != 0:
        print(f"{name} build failed:\n{proc.stdout}{proc.stderr}")
        sys.exit(1)
    return elapsed


def pages_per_locale(out: Path) -> None:
    from macros.load import load_site
    from macros.theme import built_pages

    pages = built_pages(out)
    codes = {loc.code for loc in load_site(ROOT).locales.locales}
    by_locale: dict[str, int] = defaultdict(int)
    for p in pages:
        first = p.relative_to(out).parts[0]
        by_locale[first if first in codes else "en"] += 1
    print(f"pages built: {len(pages)} (" + ", ".join(f"{k}: {v}" for k, v in
                                                    sorted(by_locale.items())) + ")")


def page_weights(out: Path) -> None:
    """Every page's first-visit weight, as the rendered test holds it (macros.theme.page_weight):
    the heaviest few, so the margin under the budget is seen, not only a pass."""
    from macros.theme import PAGE_BUDGET, built_pages, page_weight

    pages = built_pages(out)
    weights = sorted(((page_weight(out, p), p) for p in pages), reverse=True)
    over = [p for w, p in weights if w > PAGE_BUDGET]
    print(f"first visit, every page (HTML + CSS inline + scripts + images, gzip -9; budget "
          f"{PAGE_BUDGET // KB} KB): {len(over)} of {len(pages)} over; heaviest:")
    for w, p in weights[:5]:
        rel = p.relative_to(out).parent.as_posix()
        print(f"  /{'' if rel == '.' else rel + '/'}{'' if p.name == 'index.html' else p.name}"
              f"  {w / KB:.1f} KB (margin {(PAGE_BUDGET - w) / KB:+.1f} KB)")


# --- loading in a throttled browser --------------------------------------------------------

@dataclass
class Load:
    fcp: float | None
    lcp: float | None
    transfer: dict[str, int] = field(default_factory=dict)  # bytes on the wire, headers included
    body: int = 0  # (compressed) response bodies only
    requests: int = 0


@dataclass
class PageResult:
    site: str
    path: str
    loads: list[Load]

    def median(self, attr: str) -> float | None:
        values = [getattr(x, attr) for x in self.loads if getattr(x, attr) is not None]
        return statistics.median(values) if values else None

    def kind(self, kind: str) -> float:
        return statistics.median(x.transfer.get(kind, 0) for x in self.loads)

    @property
    def total(self) -> float:
        return statistics.median(sum(x.transfer.values()) for x in self.loads)

    @property
    def body(self) -> float:
        return statistics.median(x.body for x in self.loads)


def kind_of(url: str, mime: str) -> str:
    mime = mime.split(";")[0].strip().lower()
    path = urlsplit(url).path
    if mime == "text/html":
        return "html"
    if mime == "text/css" or path.endswith(".css"):
        return "css"
    if "javascript" in mime or path.endswith((".js", ".mjs")):
        return "js"
    if mime.endswith("json") or path.endswith(".json"):
        return "json"
    if mime.startswith("image/"):
        return "image"
    if mime.startswith("font/") or path.endswith((".woff", ".woff2", ".ttf", ".otf")):
        return "font"
    return "other"


PAINTS_JS = """() => new Promise(resolve => {
  const out = {fcp: null, lcp: null};
  new PerformanceObserver(list => {
    for (const e of list.getEntries())
      if (e.name === 'first-contentful-paint') out.fcp = e.startTime;
  }).observe({type: 'paint', buffered: true});
  new PerformanceObserver(list => {
    const all = list.getEntries();
    if (all.length) out.lcp = all[all.length - 1].startTime;
  }).observe({type: 'largest-contentful-paint', buffered: true});
  setTimeout(() => resolve(out), 250);
})"""


def load_once(browser: Any, url: str) -> Load:
    """One cold load (a fresh browser context) under the slow phone's conditions."""
    ctx = browser.new_context(viewport=VIEWPORT, device_scale_factor=2, is_mobile=True,
                              has_touch=True)
    page = ctx.new_page()
    cdp = ctx.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send("Network.emulateNetworkConditions", {
        "offline": False, "latency": LATENCY_MS,
        "downloadThroughput": THROUGHPUT, "uploadThroughput": THROUGHPUT})
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    # The context's events include what web workers fetch (the page's CDP session does not).
    finished: list[Any] = []

    def keep(request: Any) -> None:
        finished.append(request)

    ctx.on("requestfinished", keep)
    page.goto(url, wait_until="load", timeout=180_000)
    try:
        page.wait_for_load_state("networkidle", timeout=60_000)
    except Exception:  # noqa: BLE001 - a page that keeps polling still has its paints measured
        pass
    paints = page.evaluate(PAINTS_JS)
    transfer: dict[str, int] = defaultdict(int)
    body = 0
    for request in finished:
        response = request.response()
        if response is None:
            continue
        sizes = request.sizes()
        # Requests made by web workers come with no body size: the server's Content-Length
        # (always sent, the compressed length) stands in.
        size = sizes["responseBodySize"] or int(response.headers.get("content-length", 0))
        kind = kind_of(request.url, response.headers.get("content-type", ""))
        transfer[kind] += size + sizes["responseHeadersSize"]
        body += size
    ctx.close()
    return Load(paints["fcp"], paints["lcp"], dict(transfer), body, len(finished))


def measure(sites: list[tuple[str, str, list[str]]], runs: int) -> list[PageResult]:
    from playwright.sync_api import sync_playwright

    results: list[PageResult] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for name, base, paths in sites:
            for path in paths:
                loads = [load_once(browser, base + path) for _ in range(runs)]
                results.append(PageResult(name, path, loads))
        browser.close()
    return results


def fmt_ms(value: float | None) -> str:
    return "-" if value is None else f"{value:.0f}"


def print_loads(results: list[PageResult], runs: int) -> None:
    print(f"\nphone load, median of {runs} cold loads: 360x740, {LATENCY_MS} ms latency, "
          f"{THROUGHPUT * 8 // 1000} kbit/s, CPU /{CPU_SLOWDOWN}, gzip level 6; "
          f"ms and KB transferred (1 KB = {KB} bytes, headers included)")
    print(f"{'site':<6}{'page':<14}{'FCP':>7}{'LCP':>7}"
          + "".join(f"{k:>7}" for k in KINDS) + f"{'total':>8}{'bodies':>8}{'reqs':>6}")
    for r in results:
        reqs = statistics.median(x.requests for x in r.loads)
        print(f"{r.site:<6}{'/' + r.path:<14}{fmt_ms(r.median('fcp')):>7}"
              f"{fmt_ms(r.median('lcp')):>7}"
              + "".join(f"{r.kind(k) / KB:>7.1f}" for k in KINDS)
              + f"{r.total / KB:>8.1f}{r.body / KB:>8.1f}{reqs:>6.0f}")


def print_side_by_side(results: list[PageResult]) -> None:
    ours = [r for r in results if r.site == "ours"]
    stock = {r.path: r for r in results if r.site == "stock"}
    print(f"\n{'ours':<14}{'FCP':>7}{'LCP':>7}{'KB':>7}   {'stock':<10}{'FCP':>7}{'LCP':>7}"
          f"{'KB':>7}{'FCP ratio':>11}")
    for r in ours:
        page = r.path.removeprefix("es/").removeprefix("ar/")
        s = stock.get(COUNTERPART.get(page, ""))
        if s is None:
            continue
        fcp, sfcp = r.median("fcp"), s.median("fcp")
        ratio = f"{fcp / sfcp:.2f}" if fcp and sfcp else "-"
        print(f"{'/' + r.path:<14}{fmt_ms(fcp):>7}{fmt_ms(r.median('lcp')):>7}"
              f"{r.total / KB:>7.1f}   {'/' + s.path:<10}{fmt_ms(sfcp):>7}"
              f"{fmt_ms(s.median('lcp')):>7}{s.total / KB:>7.1f}{ratio:>11}")


def print_summary(results: list[PageResult]) -> None:
    def med(site: str, attr: str) -> float | None:
        values = [v for r in results if r.site == site if (v := r.median(attr)) is not None]
        return statistics.median(values) if values else None

    fcp, sfcp = med("ours", "fcp"), med("stock", "fcp")
    lcp, slcp = med("ours", "lcp"), med("stock", "lcp")
    print()
    if fcp and sfcp:
        print(f"median FCP: ours {fcp:.0f} ms, stock {sfcp:.0f} ms; ratio {fcp / sfcp:.2f} "
              f"(target <= {FCP_TARGET})")
    if lcp and slcp:
        print(f"median LCP: ours {lcp:.0f} ms, stock {slcp:.0f} ms; ratio {lcp / slcp:.2f}")
    ours = [r for r in results if r.site == "ours"]
    if ours:
        heaviest = max(ours, key=lambda r: r.total)
        over = [f"/{r.path}" for r in ours if r.total > WEIGHT_TARGET]
        print(f"largest page transferred (gzip): /{heaviest.path} {heaviest.total / KB:.1f} KB "
              f"(target <= {WEIGHT_TARGET // KB} KB)"
              + (f"; over: {', '.join(over)}" if over else ""))
        stock = [r for r in results if r.site == "stock"]
        if stock:
            s = max(stock, key=lambda r: r.total)
            print(f"largest stock page: /{s.path} {s.total / KB:.1f} KB")


# --- Lighthouse ----------------------------------------------------------------------------

CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def ensure_lighthouse() -> str | None:
    """Install Lighthouse 12 into tools/bench/.cache/ if missing; the reason it cannot run."""
    if LIGHTHOUSE.exists():
        return None
    npm = shutil.which("npm")
    if npm is None:
        return "npm not found (make browser-deps installs it)"
    print("installing lighthouse@12 into tools/bench/.cache/ ...", flush=True)
    CACHE.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run([npm, "install", "--no-audit", "--no-fund", "--silent", "--prefix",
                           str(CACHE), "lighthouse@12"], capture_output=True, text=True)
    if proc.returncode != 0 or not LIGHTHOUSE.exists():
        return "npm install lighthouse@12 failed: " + (proc.stderr or proc.stdout).strip()[-400:]
    return None


def lighthouse(url: str) -> dict[str, Any]:
    proc = subprocess.run(
        [str(LIGHTHOUSE), url, "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
         f"--only-categories={','.join(CATEGORIES)}", "--output=json", "--quiet"],
        capture_output=True, text=True, timeout=600,
        env=dict(os.environ, CHROME_PATH=CHROMIUM))
    if proc.returncode != 0 or not proc.stdout.strip():
        raise RuntimeError((proc.stderr or proc.stdout).strip()[-400:] or "no output")
    report: dict[str, Any] = json.loads(proc.stdout)
    if report.get("runtimeError"):
        raise RuntimeError(report["runtimeError"].get("message", "runtime error"))
    return report


def failed_audits(report: dict[str, Any], category: str) -> list[tuple[str, str, str]]:
    """(id, title, score and what it found) of each scored audit of a category not passed."""
    audits = report["audits"]
    out = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = audits.get(ref["id"], {})
        score = audit.get("score")
        if (ref.get("weight", 0) > 0 and score is not None and score < 1
                and audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")):
            found = [f"{score * 100:.0f}"]
            if audit.get("displayValue"):
                found.append(str(audit["displayValue"]))
            items = (audit.get("details") or {}).get("items") or []
            selectors = [i["node"]["selector"] for i in items
                         if isinstance(i, dict) and isinstance(i.get("node"), dict)
                         and i["node"].get("selector")]
            if selectors:
                unique = list(dict.fromkeys(selectors))
                found.append(f"{len(selectors)} elements, e.g. " + " | ".join(unique[:2]))
            out.append((ref["id"], audit.get("title", ""), "; ".join(found)))
    return out


def run_lighthouse(targets: list[tuple[str, str]], runs: int) -> None:
    """Lighthouse `runs` times per page. The run with the median performance score is printed
    (Lighthouse's own advice for its run-to-run variance), with the range of performance scores,
    and the audits below 100 in that run."""
    print(f"\n{'Lighthouse 12 (mobile)':<24}" + "".join(f"{c:>16}" for c in CATEGORIES)
          + f"   (median run of {runs}; performance min-max)")
    reason = ensure_lighthouse()
    if reason:
        print(f"Lighthouse not run: {reason}")
        return
    findings: list[str] = []
    for label, url in targets:
        start = time.monotonic()
        reports: list[dict[str, Any]] = []
        for _ in range(runs):
            try:
                reports.append(lighthouse(url))
            except (RuntimeError, subprocess.TimeoutExpired, json.JSONDecodeError) as err:
                print(f"{label:<24}failed: {str(err).splitlines()[-1] if str(err) else err!r}")
        if not reports:
            continue
        reports.sort(key=lambda r: r["categories"].get("performance", {}).get("score") or 0)
        perf = [(r["categories"].get("performance", {}).get("score") or 0) * 100 for r in reports]
        report = reports[(len(reports) - 1) // 2]
        scores = []
        for cat in CATEGORIES:
            score = report["categories"].get(cat, {}).get("score")
            scores.append("-" if score is None else f"{score * 100:.0f}")
            if score is not None and score < 1:
                for audit_id, title, found in failed_audits(report, cat):
                    findings.append(f"  {label} [{cat}] {audit_id}: {title} ({found})")
        print(f"{label:<24}" + "".join(f"{s:>16}" for s in scores)
              + f"   ({perf[0]:.0f}-{perf[-1]:.0f}; {time.monotonic() - start:.0f} s)", flush=True)
    if findings:
        print("failed audits in the median runs (categories below 100):")
        print("\n".join(findings))


# --- asset sizes, reading level, test suite ------------------------------------------------

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


# --- main ----------------------------------------------------------------------------------

def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=3, metavar="N",
                        help="cold loads per page; the median is printed (default 3)")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse")
    parser.add_argument("--lighthouse-runs", type=int, default=3, metavar="N",
                        help="Lighthouse runs per page; the median run is printed (default 3)")
    parser.add_argument("--no-suite", action="store_true", help="skip timing the test suite")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        out, stock = Path(tmp) / "site", Path(tmp) / "stock"
        elapsed = timed_build("site", lambda o: build_site(ROOT, o), out)
        print(f"build time (all locales): {elapsed:.1f} s")
        pages_per_locale(out)
        page_weights(out)
        elapsed = timed_build("stock reference site", build_stock, stock)
        print(f"stock reference site (tools/bench/) build time: {elapsed:.1f} s")

        our_server, our_url = serve(out)
        stock_server, stock_url = serve(stock)
        ours = [loc + p for loc in LOCALES for p in OUR_PAGES]
        results = measure([("ours", our_url, ours), ("stock", stock_url, STOCK_PAGES)],
                          max(1, args.runs))
        print_loads(results, max(1, args.runs))
        print_side_by_side(results)
        print_summary(results)
        if not args.no_lighthouse:
            run_lighthouse([("/" + p, our_url + p) for p in ours]
                           + [("stock /", stock_url)], max(1, args.lighthouse_runs))
        our_server.shutdown()
        stock_server.shutdown()
    asset_budgets()
    reading_levels()
    if not args.no_suite:
        suite_timings()
    print(f"\nbenchmark took {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
