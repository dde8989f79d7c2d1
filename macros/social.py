"""Link-preview images (Open Graph / Twitter card), one per locale, drawn at build time.

Most readers arrive from links shared in WhatsApp, Facebook or text messages, so the preview must
be clear and in the reader's language. The image is drawn with Pillow (with Raqm for Arabic
shaping) from Debian's Noto fonts; nothing is fetched from any service.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from .app import App
from .errors import DataError, Problem

WIDTH, HEIGHT = 1200, 630
BRAND = (11, 79, 108)
WHITE = (255, 255, 255)
ACCENT = (255, 244, 214)
IMAGE_PATH = "assets/og/preview.png"
INSTALL_HINT = ("install Debian's fonts-noto-core, fonts-noto-cjk and fonts-dejavu-core "
                "(`make build` and `make test` do this)")

# Font family per script; fontconfig finds the file (Debian: fonts-noto-core, fonts-noto-cjk).
# DejaVu Sans for Arabic: it has Arabic and Latin glyphs, so names like "ITIN" in an Arabic
# title do not fall back to missing-glyph boxes (Noto Sans Arabic has no Latin letters).
FAMILIES = {"latin": "Noto Sans", "arabic": "DejaVu Sans", "cjk": "Noto Sans CJK SC"}


def script_of(code: str) -> str:
    if code.split("-")[0] in {"ar", "fa", "ur", "he"}:
        return "arabic"
    if code.split("-")[0] in {"zh", "ja", "ko"}:
        return "cjk"
    return "latin"


def font_file(family: str, bold: bool) -> str:
    """The font file fontconfig gives for a family; fail loudly if it is not installed."""
    if not shutil.which("fc-match"):
        raise DataError([Problem("macros/social.py", None, "fonts", "fontconfig (fc-match) is "
                                 f"missing: {INSTALL_HINT}")])
    pattern = f"{family}:bold" if bold else family
    out = subprocess.run(["fc-match", "-f", "%{family}|%{file}", pattern], capture_output=True,
                         text=True, check=False).stdout
    found_family, _, path = out.partition("|")
    if family.lower() not in found_family.lower() or not Path(path).exists():
        raise DataError([Problem("macros/social.py", None, "fonts",
                                 f"font {family!r} is not installed (found {found_family!r}): "
                                 f"{INSTALL_HINT}")])
    return path


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int,
          direction: str, cjk: bool) -> list[str]:
    """Greedy line wrapping by words (by characters for CJK)."""
    units = list(text) if cjk else text.split()
    joiner = "" if cjk else " "
    lines: list[str] = []
    line = ""
    for unit in units:
        trial = f"{line}{joiner}{unit}" if line else unit
        if draw.textlength(trial, font=font, direction=direction) <= width:
            line = trial
        else:
            if line:
                lines.append(line)
            line = unit
    if line:
        lines.append(line)
    return lines


def draw_preview(app: App) -> Image.Image:
    """The locale's preview card: shield mark, site name, and the home page's title."""
    code = app.code
    script = script_of(code)
    rtl = app.locale.dir == "rtl"
    direction = "rtl" if rtl else "ltr"
    family = FAMILIES[script]
    bold = ImageFont.truetype(font_file(family, True), 64)
    regular = ImageFont.truetype(font_file(family, False), 40)
    small = ImageFont.truetype(font_file(family, False), 30)
    img = Image.new("RGB", (WIDTH, HEIGHT), BRAND)
    draw = ImageDraw.Draw(img)
    margin = 80
    # Shield mark (same shape as the favicon), on the reading side.
    sx = WIDTH - margin - 120 if rtl else margin
    draw.rounded_rectangle((sx, margin, sx + 120, margin + 120), radius=22, fill=WHITE)
    shield = [(sx + 60, margin + 18), (sx + 100, margin + 33), (sx + 100, margin + 63),
              (sx + 60, margin + 106), (sx + 20, margin + 63), (sx + 20, margin + 33)]
    draw.polygon(shield, fill=BRAND)
    name = app.plain("ui.site_name")
    title = app.plain("page.home.title")
    tagline = app.plain("og.tagline")
    text_width = WIDTH - 2 * margin
    y = margin + 160
    anchor = "ra" if rtl else "la"
    x = WIDTH - margin if rtl else margin
    for line in _wrap(draw, name, bold, text_width, direction, script == "cjk")[:2]:
        draw.text((x, y), line, font=bold, fill=WHITE, anchor=anchor, direction=direction)
        y += 84
    y += 10
    for line in _wrap(draw, title, regular, text_width, direction, script == "cjk")[:3]:
        draw.text((x, y), line, font=regular, fill=ACCENT, anchor=anchor, direction=direction)
        y += 56
    draw.text((x, HEIGHT - margin - 30), tagline, font=small, fill=WHITE, anchor=anchor,
              direction=direction)
    return img


def write_preview(app: App, site_dir: Path) -> Path:
    path = site_dir / IMAGE_PATH
    path.parent.mkdir(parents=True, exist_ok=True)
    draw_preview(app).save(path, optimize=True)
    return path
