"""Text drawn into images (cards, certificates, demo files) with Pillow.

Shared because every such image needs a font with Vietnamese glyphs and words wrapped to a width.
"""

from __future__ import annotations

from pathlib import Path

from PIL import ImageDraw, ImageFont

# Fonts with Vietnamese glyphs where the system has them (Debian: fonts-dejavu-core);
# Pillow's own scalable font otherwise.
REGULAR_FONTS = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
]
BOLD_FONTS = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
]


def font(size: int, *, bold: bool = False) -> ImageFont.ImageFont:
    for candidate in BOLD_FONTS if bold else REGULAR_FONTS:
        if Path(candidate).exists():
            return ImageFont.truetype(candidate, size)
    return ImageFont.load_default(size=size)


def wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.ImageFont, width: int) -> list[str]:
    """The text's words in lines no wider than `width` pixels (a longer single word keeps its line)."""
    lines, current = [], ""
    for word in text.split():
        attempt = f"{current} {word}".strip()
        if current and draw.textlength(attempt, font=font) > width:
            lines.append(current)
            current = word
        else:
            current = attempt
    return [*lines, current] if current else lines
