"""Screenshot a page in Debian's Chromium.

Usage: python tools/screenshot.py URL OUT.png [--width 360] [--no-js] [--full] [--print]
"""

from __future__ import annotations

import argparse

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("url")
    p.add_argument("out")
    p.add_argument("--width", type=int, default=360)
    p.add_argument("--height", type=int, default=740)
    p.add_argument("--no-js", action="store_true")
    p.add_argument("--full", action="store_true")
    p.add_argument("--print", action="store_true", help="emulate print media")
    a = p.parse_args()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        ctx = browser.new_context(viewport={"width": a.width, "height": a.height},
                                  java_script_enabled=not a.no_js)
        page = ctx.new_page()
        page.goto(a.url, wait_until="load")
        if a.print:
            page.emulate_media(media="print")
        page.screenshot(path=a.out, full_page=a.full)
        browser.close()


if __name__ == "__main__":
    main()
