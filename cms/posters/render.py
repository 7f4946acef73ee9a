"""A poster as PDF: one to three language columns, the municipality's name, colour and logo,
a QR code.

WeasyPrint lays out HTML and CSS with Pango, so every script the fonts cover
(Debian's DejaVu: Latin with ő ű ą ę ș ț ė ū ļ ž, Cyrillic) comes out right
without per-language work. The QR code is an SVG inside the page: sharp at
any print size.
"""

from __future__ import annotations

import base64
import io

import qrcode
import qrcode.image.svg
from django.template.loader import render_to_string
from qrcode.constants import ERROR_CORRECT_Q

from .branding import Branding, branding_for
from .content import PosterContent

SIZES = {"a4": "A4", "a6": "A6"}


def qr_data_uri(data: str) -> str:
    # Q (25 % redundancy): a poster in a shared hallway gets stains and pins through it.
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_Q, border=4)
    code.add_data(data)
    code.make(fit=True)
    buffer = io.BytesIO()
    code.make_image(image_factory=qrcode.image.svg.SvgPathImage).save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


def poster_html(content: PosterContent, size: str, branding: Branding | None = None) -> str:
    return render_to_string(
        "cms/posters/poster.html",
        {
            "poster": content,
            "size": SIZES[size],
            "small": size == "a6",
            "branding": branding or branding_for(None),
            "qr": qr_data_uri(content.short_url),
        },
    )


def poster_pdf(content: PosterContent, size: str, branding: Branding | None = None) -> bytes:
    """The PDF; one page (a long text is cut by the page, not spread over two)."""
    # Imported here: WeasyPrint loads Pango, HarfBuzz and fontconfig (some 45 MB per
    # process), and only the background worker that makes posters needs them; every
    # web worker imports this module through the poster views.
    from weasyprint import HTML

    document = HTML(string=poster_html(content, size, branding)).render()
    document.pages[1:] = []
    return document.write_pdf()
