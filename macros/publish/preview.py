"""Link-preview images (Open Graph / Twitter card), one per locale, drawn at build time.

Most readers arrive from links shared in WhatsApp, Facebook or text messages, so the preview must
be clear and in the reader's language. The image is drawn with Pillow (with Raqm for Arabic
shaping) from Debian's Noto fonts; nothing is fetched from any service.
"""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from ..errors import DataError, Problem
from ..words import Words

WIDTH, HEIGHT = 1200, 630
BRAND = (11, 79, 108)
WHITE = (255, 255, 255)
ACCENT = (255, 244, 214)
IMAGE_PATH = "assets/og/preview.png"
INSTALL_HINT = ("install Debian's fonts-noto-core, fonts-noto-cjk and fonts-dejavu-core "
                "(`make build` and `make test` do this)")

# Families in order of preference. The first one installed that has a glyph for every letter
# of the card's text is used, so a new locale needs no entry here: Noto Sans for Latin, Greek
# and Cyrillic; DejaVu Sans where both Arabic and Latin letters appear ("ITIN" in an Arabic
# title: Noto Sans Arabic has no Latin letters); Noto Sans CJK for Chinese, Japanese and
# Korean (it has Latin too). Debian: fonts-noto-core, fonts-noto-cjk, fonts-dejavu-core.
PREFERRED = ["Noto Sans", "DejaVu Sans", "Noto Sans CJK SC", "Noto Sans CJK JP",
             "Noto Sans CJK KR"]


def _fc(args: list[str]) -> str:
    if not shutil.which("fc-list"):
        raise DataError([Problem("macros/publish/preview.py", None, "fonts",
                                 f"fontconfig (fc-list) is missing: {INSTALL_HINT}")])
    return subprocess.run(["fc-list", *args], capture_output=True, text=True,
                          check=False).stdout


def font_file(text: str, bold: bool) -> str:
    """An installed font file that has every letter of ``text`` (fail loudly if none)."""
    points = sorted({ord(c) for c in text if not c.isspace()})
    charset = ":charset=" + " ".join(f"{p:x}" for p in points) if points else ""
    found: dict[str, list[tuple[str, str]]] = {}
    for line in _fc(["--format", "%{family[0]}|%{style[0]}|%{file}\n", charset]).splitlines():
        family, _, rest = line.partition("|")
        style, _, path = rest.partition("|")
        found.setdefault(family, []).append((style, path))
    families = [f for f in PREFERRED if f in found] + sorted(
        f for f in found if f not in PREFERRED and "Mono" not in f and "Serif" not in f)
    for family in families:
        styles = dict(found[family])
        want = ["Bold"] if bold else ["Regular", "Book"]
        for style in want:
            if style in styles and Path(styles[style]).exists():
                return styles[style]
    missing = "".join(sorted({c for c in text if not c.isspace()}))[:40]
    raise DataError([Problem("macros/publish/preview.py", None, "fonts",
                             f"no installed font has every letter of {missing!r}: "
                             f"{INSTALL_HINT}")])


def _wide(text: str) -> bool:
    """True for scripts written without spaces between words (wrap by character)."""
    return sum(unicodedata.east_asian_width(c) in "WF" for c in text) > len(text) / 3


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


def draw_preview(words: Words) -> Image.Image:
    """The locale's preview card: shield mark, site name, and the home page's title."""
    rtl = words.locale.dir == "rtl"
    direction = "rtl" if rtl else "ltr"
    name = words.plain("ui.site_name")
    title = words.plain("page.home.title")
    tagline = words.plain("og.tagline")
    text = name + title + tagline
    wide = _wide(text)
    bold = ImageFont.truetype(font_file(text, True), 64)
    regular = ImageFont.truetype(font_file(text, False), 40)
    small = ImageFont.truetype(font_file(text, False), 30)
    img = Image.new("RGB", (WIDTH, HEIGHT), BRAND)
    draw = ImageDraw.Draw(img)
    margin = 80
    # Shield mark (same shape as the favicon), on the reading side.
    sx = WIDTH - margin - 120 if rtl else margin
    draw.rounded_rectangle((sx, margin, sx + 120, margin + 120), radius=22, fill=WHITE)
    shield = [(sx + 60, margin + 18), (sx + 100, margin + 33), (sx + 100, margin + 63),
              (sx + 60, margin + 106), (sx + 20, margin + 63), (sx + 20, margin + 33)]
    draw.polygon(shield, fill=BRAND)
    text_width = WIDTH - 2 * margin
    y = margin + 160
    anchor = "ra" if rtl else "la"
    x = WIDTH - margin if rtl else margin
    for line in _wrap(draw, name, bold, text_width, direction, wide)[:2]:
        draw.text((x, y), line, font=bold, fill=WHITE, anchor=anchor, direction=direction)
        y += 84
    y += 10
    for line in _wrap(draw, title, regular, text_width, direction, wide)[:3]:
        draw.text((x, y), line, font=regular, fill=ACCENT, anchor=anchor, direction=direction)
        y += 56
    draw.text((x, HEIGHT - margin - 30), tagline, font=small, fill=WHITE, anchor=anchor,
              direction=direction)
    return img


def write_preview(words: Words, site_dir: Path) -> Path:
    """Draw the locale's preview into its site directory (``site_dir`` is the locale's root)."""
    path = site_dir / IMAGE_PATH
    path.parent.mkdir(parents=True, exist_ok=True)
    draw_preview(words).save(path, optimize=True)
    return path
