"""QR codes of a survey's short address, for posters (PNG) and print shops (SVG).

The code holds the absolute short address (``/s/<slug>`` on the public site),
which redirects to the survey in the phone's language: one poster for every
language.
"""

from __future__ import annotations

import io

import qrcode
import qrcode.image.svg
from qrcode.constants import ERROR_CORRECT_Q

from ..municipalities.lookup import by_pk
from ..posters.branding import site_url
from ..public_urls import absolute_public_url, survey_short_path

# Q (25 % redundancy): a poster in a shared kitchen gets stains and pins through it.
ERROR_CORRECTION = ERROR_CORRECT_Q


def survey_short_url(slug: str, municipality_id: int | None = None) -> str:
    """On the site of the survey's municipality (``municipality_id``), else the install's."""
    if municipality_id is None:
        return absolute_public_url(survey_short_path(slug))
    return site_url(by_pk(municipality_id)) + survey_short_path(slug)


def _code(data: str) -> qrcode.QRCode:
    code = qrcode.QRCode(error_correction=ERROR_CORRECTION, box_size=10, border=4)
    code.add_data(data)
    code.make(fit=True)
    return code


def qr_png(data: str) -> bytes:
    buffer = io.BytesIO()
    _code(data).make_image().save(buffer)
    return buffer.getvalue()


def qr_svg(data: str) -> bytes:
    return (
        _code(data)
        .make_image(image_factory=qrcode.image.svg.SvgPathImage)
        .to_string(encoding="utf-8")
    )
