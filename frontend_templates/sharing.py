"""What a shared link shows in Facebook and WhatsApp, and the links that share it."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.utils.text import Truncator

# Facebook cuts descriptions at about this length; end on a whole word before it.
DESCRIPTION_LENGTH = 200


@dataclass(frozen=True)
class ShareLinks:
    whatsapp: str
    facebook: str


def share_links(title: str, url: str) -> ShareLinks:
    """Links that open WhatsApp or Facebook with the page's title and address filled in."""
    return ShareLinks(
        whatsapp="https://wa.me/?" + urlencode({"text": f"{title}\n{url}"}),
        facebook="https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url}),
    )


def description(text: str) -> str:
    return Truncator(" ".join((text or "").split())).chars(DESCRIPTION_LENGTH)
