"""The card as a QR code (SVG for the page) and as a PNG image or a PDF (downloads)."""

from __future__ import annotations

import io

import qrcode
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from PIL import Image, ImageDraw
from qrcode.image.svg import SvgPathImage

from home.raster_text import font, wrap

CARD_SIZE = (1012, 638)  # ID-1 card proportions at 300 dpi
BLUE = (11, 79, 156)


def _qr(data: str) -> qrcode.QRCode:
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=2)
    code.add_data(data)
    code.make(fit=True)
    return code


def qr_svg(data: str) -> str:
    """An inline SVG (no XML declaration) that scales with its container."""
    svg = _qr(data).make_image(image_factory=SvgPathImage).to_string(encoding="unicode")
    return svg.split("?>", 1)[-1].strip()


def card_image(member, verify_url: str) -> Image.Image:
    image = Image.new("RGB", CARD_SIZE, "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, CARD_SIZE[0], 90], fill=BLUE)
    title, regular, bold = font(34, bold=True), font(28), font(38, bold=True)
    draw.text((36, 24), _("Trade union membership card"), font=title, fill="white")
    qr = _qr(verify_url).make_image(fill_color="black", back_color="white").get_image().convert("RGB")
    qr = qr.resize((400, 400), Image.NEAREST)
    image.paste(qr, (CARD_SIZE[0] - 430, 150))
    left = 36
    if member.photo:
        try:
            with member.photo.open("rb") as handle:
                photo = Image.open(handle).convert("RGB")
                photo.thumbnail((180, 240))
                image.paste(photo, (left, 130))
                left += 200
        except (OSError, ValueError):
            pass  # a missing or unreadable photo must not stop the card
    lines = [
        (member.full_name, bold),
        (f"{_('Member number')}: {member.member_number}", regular),
        (member.unit.name, regular),
        (f"{_('Valid until')}: {date_format(member.card_expires, 'SHORT_DATE_FORMAT')}", regular),
    ]
    y = 140
    width = CARD_SIZE[0] - 450 - left
    for text, face in lines:
        for line in wrap(draw, text, face, width):
            draw.text((left, y), line, font=face, fill="black")
            y += face.size + 12
        y += 10
    return image


def card_png(member, verify_url: str) -> bytes:
    buffer = io.BytesIO()
    card_image(member, verify_url).save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def card_pdf(member, verify_url: str) -> bytes:
    buffer = io.BytesIO()
    card_image(member, verify_url).save(buffer, format="PDF", resolution=300)
    return buffer.getvalue()
