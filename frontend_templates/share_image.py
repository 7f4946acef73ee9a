"""The picture a shared link shows when a page has no photo of its own.

Open Graph lists ``og:image`` as required, and WhatsApp shows a shared link
without one as bare text, which few people tap. Each municipality gets one
plain card in its own colour (``Municipality.colour``, the one its posters and
its site's bar carry) with its name, drawn once with Pillow and kept in media
storage; no photo means no rights to check and nothing to keep up to date.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from io import BytesIO

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageDraw, ImageFont

# The size Facebook and WhatsApp show as a large card (1.91 : 1).
WIDTH, HEIGHT = 1200, 630
DEFAULT_COLOUR = "#0b5394"  # the site's own top bar (site.css)


def draw_card(name: str, colour: str) -> bytes:
    """A PNG: "Wegwijs" and the municipality's name, white on its colour."""
    image = Image.new("RGB", (WIDTH, HEIGHT), colour)
    draw = ImageDraw.Draw(image)
    brand = ImageFont.load_default(size=120)
    place = ImageFont.load_default(size=64)
    draw.text((80, 200), "Wegwijs", fill="white", font=brand)
    draw.text((84, 360), name, fill="white", font=place)
    draw.rectangle((80, 470, 380, 482), fill="white")
    out = BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


@lru_cache(maxsize=64)
def share_image_url(name: str, colour: str) -> str:
    """The card's address, drawn and stored on first use; its name changes with its content.

    Cached per process so that a page view asks the storage nothing (with media
    in a bucket, every ``exists`` would be a request).
    """
    digest = hashlib.sha256(f"{name}\n{colour}".encode()).hexdigest()[:16]
    path = f"share/{digest}.png"
    if not default_storage.exists(path):
        default_storage.save(path, ContentFile(draw_card(name, colour)))
    return default_storage.url(path)
