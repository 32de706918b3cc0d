"""Winners' certificates as a one-page PDF (A4 landscape), drawn with Pillow like the member card.

Pillow rather than an HTML-to-PDF engine: the certificate is a few lines of text, and Pillow
is already installed for images; the fonts come from `home.raster_text` (Vietnamese glyphs).
"""

from __future__ import annotations

import io

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from PIL import Image, ImageDraw

from home.raster_text import font, wrap

PAGE_SIZE = (1754, 1240)  # A4 landscape at 150 dpi
RESOLUTION = 150
BLUE = (11, 79, 156)
MARGIN = 90


def certificate_pdf(*, issuer: str, contest_title: str, name: str, unit: str, rank: int) -> bytes:
    image = Image.new("RGB", PAGE_SIZE, "white")
    draw = ImageDraw.Draw(image)
    width, height = PAGE_SIZE
    draw.rectangle([40, 40, width - 40, height - 40], outline=BLUE, width=8)
    draw.rectangle([60, 60, width - 60, height - 60], outline=BLUE, width=2)
    text_width = width - 2 * MARGIN - 80
    lines = [
        (issuer.upper(), font(36, bold=True), BLUE, 40),
        (_("Certificate of achievement"), font(84, bold=True), BLUE, 60),
        (_("awarded to"), font(36), "black", 30),
        (name, font(72, bold=True), "black", 24),
        (unit, font(36), "black", 50),
        (
            _("for reaching rank %(rank)s in “%(contest)s”.") % {"rank": rank, "contest": contest_title},
            font(40),
            "black",
            60,
        ),
        (date_format(timezone.localdate(), "SHORT_DATE_FORMAT"), font(32), "black", 0),
    ]
    y = 260  # the block sits a little above the middle of the page
    for text, face, colour, gap_after in lines:
        for line in wrap(draw, text, face, text_width):
            line_width = draw.textlength(line, font=face)
            draw.text(((width - line_width) / 2, y), line, font=face, fill=colour)
            y += int(face.size * 1.3)
        y += gap_after
    buffer = io.BytesIO()
    image.save(buffer, format="PDF", resolution=RESOLUTION)
    return buffer.getvalue()
