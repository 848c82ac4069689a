"""The link-preview cards: one 1200×630 PNG per page and language, drawn at build time, offline.

A card shows the page's title and the case's name (render/previews.py `card_lines` says which
text; the page's front matter carries the same text as the image's alt). Fonts ship with the
project (publish/fonts/, DejaVu Sans: Pillow's own font has no accented letters). Drawing takes
a while, so each card is kept in build/cards/ under a hash of its text, this module's
CARD_VERSION and Pillow's version, and drawn again only when one of those changes.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from functools import cache
from pathlib import Path

from ..paths import BUILD
from ..render.pages import PAGES
from ..render.previews import card_lines

SIZE = (1200, 630)
CARD_VERSION = "2"  # change it when the drawing below changes: every cached card is redrawn
CACHE = BUILD / "cards"
FONTS = Path(__file__).with_name("fonts")
MARGIN = 80
BACKGROUND = "#1a237e"  # the site's indigo
TITLE_COLOUR = "#ffffff"
SUBLINE_COLOUR = "#c5cae9"
ACCENT = "#ffca28"
TITLE_SIZES = (84, 76, 68, 60, 54, 48)  # the largest size at which the title fits in three lines
SUBLINE_SIZE = 34


def write(out: Path, langs, dataset) -> list[Path]:
    """Put every page's card at out/<lang>/cards/<page>.png; returns the files written."""
    written = []
    for lang in langs:
        for spec in PAGES:
            target = out / lang / spec.card
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(cached(*card_lines(dataset, spec, lang)), target)
            written.append(target)
    return written


def cached(title: str, subline: str) -> Path:
    """The card for this text from build/cards/, drawn first if it is not there yet."""
    from PIL import __version__ as pillow

    key = hashlib.sha256(json.dumps([CARD_VERSION, pillow, title, subline]).encode("utf-8")).hexdigest()[:24]
    path = CACHE / f"{key}.png"
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(suffix=".png", dir=CACHE)
        os.close(handle)
        try:
            # zlib's fastest level: a third of the CPU of its default, for cards ~25% larger (a
            # build from a clean checkout draws all of them; the site's size budget leaves cards out)
            draw(title, subline).save(temporary, "PNG", compress_level=1)
            os.replace(temporary, path)  # atomic: a concurrent build never reads half a card
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    return path


@cache
def _font(name: str, size: int):
    from PIL import ImageFont

    return ImageFont.truetype(str(FONTS / name), size)


def _wrap(text: str, font, width: int) -> list[str]:
    """Words into lines no wider than `width` (a single long word keeps its own line)."""
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if not line or font.getlength(candidate) <= width:
            line = candidate
        else:
            lines.append(line)
            line = word
    return lines + ([line] if line else [])


def draw(title: str, subline: str):
    """The card as a Pillow image."""
    from PIL import Image, ImageDraw

    width, height = SIZE
    image = Image.new("RGB", SIZE, BACKGROUND)
    pen = ImageDraw.Draw(image)
    text_width = width - 2 * MARGIN
    for size in TITLE_SIZES:
        font = _font("DejaVuSans-Bold.ttf", size)
        lines = _wrap(title, font, text_width)
        if len(lines) <= 3 and all(font.getlength(line) <= text_width for line in lines):
            break
    pen.rectangle((MARGIN, MARGIN, MARGIN + 120, MARGIN + 10), fill=ACCENT)
    leading = round(size * 1.18)
    top = MARGIN + 60
    for index, line in enumerate(lines[:4]):
        pen.text((MARGIN, top + index * leading), line, font=font, fill=TITLE_COLOUR)
    small = _font("DejaVuSans.ttf", SUBLINE_SIZE)
    sub_lines = _wrap(subline, small, text_width)[:2]
    sub_leading = round(SUBLINE_SIZE * 1.3)
    sub_top = height - MARGIN - sub_leading * len(sub_lines) + (sub_leading - SUBLINE_SIZE)
    for index, line in enumerate(sub_lines):
        pen.text((MARGIN, sub_top + index * sub_leading), line, font=small, fill=SUBLINE_COLOUR)
    return image
