"""Rich text and links made safe to hand out, for the site and the API alike.

Wagtail's editor only produces the features of ``cms.blocks.RICH_TEXT_FEATURES``,
but rich text can also reach the database another way (an import, a script, an
old revision), and Wagtail renders what is stored. So everything that leaves as
HTML goes through one allow-list here: the tags those features make, links
only to web, mail and phone addresses (and the site's own relative ones), no
attributes but ``href``. ``nh3`` (the Rust ``ammonia`` sanitiser) parses like a
browser does, so markup that a regex would miss cannot sneak through.
"""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import urlsplit

import nh3
from wagtail.rich_text import expand_db_html

# What cms.blocks.RICH_TEXT_FEATURES produce in Wagtail's stored format.
ALLOWED_TAGS = {"p", "br", "h3", "b", "strong", "i", "em", "ol", "ul", "li", "a"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
LINK_SCHEMES = {"http", "https", "mailto", "tel"}
WEB_SCHEMES = ("http", "https")


def clean_html(html: str) -> str:
    """``html`` with everything outside the allow-list removed (the text stays)."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=LINK_SCHEMES,
        link_rel="noopener noreferrer",
    )


def rich_text_html(source: str) -> str:
    """Stored rich text as HTML to hand out: internal links expanded, then cleaned."""
    return clean_html(expand_db_html(source or ""))


def plain_text(html: str) -> str:
    """Text from outside HTML (a calendar's description), with no markup left at all.

    Breaks and paragraph ends become line breaks; scripts and styles lose their
    content; entities are decoded, since the text is escaped again wherever it
    is shown.
    """
    marked = re.sub(r"(?i)<br\s*/?>|</p\s*>|</li\s*>|</div\s*>", "\n", html or "")
    text = unescape(nh3.clean(marked, tags=set(), attributes={}))
    lines = [" ".join(line.split()) for line in text.replace("\r\n", "\n").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def is_web_address(url: str) -> bool:
    """True for an absolute http(s) address with a host: what a website field may hold."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in WEB_SCHEMES and bool(parts.netloc)


def safe_link(url: str | None) -> str:
    """``url`` if it may go into an ``href`` (web, mail, phone or relative), else ""."""
    if not url:
        return ""
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return ""
    return url if scheme in LINK_SCHEMES or not scheme else ""
