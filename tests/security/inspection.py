"""Looking at HTML the way a browser would, for anything a payload could have made live.

The page is parsed (``html.parser``), not searched as text: escaped payloads
are harmless text, and only elements, attributes and URLs that a browser
builds from the markup can run anything.
"""

from __future__ import annotations

from html.parser import HTMLParser

from .payloads import DANGEROUS_URL_SCHEMES

# Elements the site never uses itself: any of them in a page was injected.
NEVER_ON_THE_SITE = {"iframe", "object", "embed", "base", "style", "animate", "mglyph", "frame"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "poster", "srcset"}
ALLOWED_SCRIPT_PREFIX = "/static/"
# schema.org data (frontend_templates/structured_data.py): read, never run.
DATA_SCRIPT_TYPE = "application/ld+json"
# Browsers drop these before reading a URL's scheme.
IGNORED_IN_URLS = "".join(chr(c) for c in range(0x21)) + "\x7f"


def url_scheme_is_dangerous(url: str) -> bool:
    squeezed = "".join(ch for ch in url if ch not in IGNORED_IN_URLS).lower()
    return squeezed.startswith(DANGEROUS_URL_SCHEMES)


class _Inspector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.counts: dict[str, int] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.counts[tag] = self.counts.get(tag, 0) + 1
        values = dict(attrs)
        if tag in NEVER_ON_THE_SITE:
            self.problems.append(f"<{tag}> element")
        is_data = values.get("type") == DATA_SCRIPT_TYPE and "src" not in values
        if (
            tag == "script"
            and not is_data
            and not (values.get("src") or "").startswith(ALLOWED_SCRIPT_PREFIX)
        ):
            self.problems.append(f"<script> that is not one of our files: {values}")
        if tag == "meta" and "http-equiv" in values:
            self.problems.append(f"<meta http-equiv>: {values}")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"event handler {name}= on <{tag}>")
            if name in URL_ATTRIBUTES and value and url_scheme_is_dangerous(value):
                self.problems.append(f"{name}={value!r} on <{tag}>")

    handle_startendtag = handle_starttag


def live_injections(html: str) -> list[str]:
    """Everything in ``html`` that a browser would run or load and that we did not write."""
    inspector = _Inspector()
    inspector.feed(html)
    inspector.close()
    for tag in ("html", "head", "body", "title"):
        if inspector.counts.get(tag, 0) > 1:
            inspector.problems.append(f"a second <{tag}>")
    return inspector.problems
