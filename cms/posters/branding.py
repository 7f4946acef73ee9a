"""Whose poster it is: the municipality's name, colour and logo, and the site its QR code opens.

A region's municipalities share one install, so a poster must say which one
it speaks for: the one its item is shown for (``municipality``). Its QR code
opens that municipality's own site: the short link is built on its host, not
on the install's ``WAGTAILADMIN_BASE_URL``, except where that address is the
municipality's own (it carries the scheme and port the operator configured)
or where the install serves a single municipality (as before regions).
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings

from ..municipalities.lookup import is_regional
from ..municipalities.registry import MunicipalityInfo
from ..site_address import base_url

# Big enough for a sharp print at the header's height, small enough for a quick PDF.
LOGO_RENDITION = "max-600x240|format-png"


@dataclass(frozen=True)
class Branding:
    name: str
    colour: str
    site_url: str  # where the QR code's short link starts, without a trailing slash
    logo: str = ""  # a data: URI of the logo (PNG), "" without one


def site_url(municipality: MunicipalityInfo | None) -> str:
    """``http://tiel.localhost``: the root of the municipality's public site (no slash)."""
    base = base_url()
    if municipality is None or not is_regional():
        return base
    if municipality.hostname == (urlsplit(base).hostname or "").lower():
        return base
    return municipality.root_url


def logo_data_uri(image_id: int | None) -> str:
    """The logo as an embedded PNG: WeasyPrint then needs no access to media storage's URL."""
    from wagtail.images import get_image_model

    image = get_image_model().objects.filter(pk=image_id).first() if image_id else None
    if image is None:
        return ""
    rendition = image.get_rendition(LOGO_RENDITION)
    with rendition.file.open("rb") as stored:
        data = stored.read()
    return "data:image/png;base64," + base64.b64encode(data).decode()


def branding_for(municipality: MunicipalityInfo | None) -> Branding:
    """The municipality's branding; without any municipality, the install's settings."""
    if municipality is None:
        return Branding(
            settings.MUNICIPALITY_NAME or settings.WAGTAIL_SITE_NAME,
            settings.MUNICIPALITY_COLOUR,
            base_url(),
        )
    return Branding(
        municipality.name,
        municipality.colour,
        site_url(municipality),
        logo_data_uri(municipality.logo_id),
    )
