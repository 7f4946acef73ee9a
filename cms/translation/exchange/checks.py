"""What an incoming translation may be: the problems of one unit, each said in a sentence.

Rich text (a body block) must be well-formed HTML that the sanitiser
(``cms.safe_html``) would hand out unchanged: otherwise what readers see is not
what the agency wrote. Plain-text fields take no markup at all.
"""

from __future__ import annotations

from html.parser import HTMLParser

import nh3
from bs4 import BeautifulSoup

from ...safe_html import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, LINK_SCHEMES

VOID = {"br", "hr", "img", "input", "meta", "link", "wbr"}


class _Balance(HTMLParser):
    """Finds the first tag that is closed without being open, or left open."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.problem = ""

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        if tag in VOID or self.problem:
            return
        if not self.open or self.open[-1] != tag:
            self.problem = f"</{tag}> closes no open <{tag}>"
        else:
            self.open.pop()


def broken_markup(html: str) -> str:
    """ "" when every tag is closed in order; else what is wrong."""
    balance = _Balance()
    balance.feed(html)
    balance.close()
    if balance.problem:
        return balance.problem
    if balance.open:
        return f"<{balance.open[-1]}> is never closed"
    return ""


def _normal(html: str) -> str:
    return str(BeautifulSoup(html, "html.parser"))


def sanitiser_changes(html: str) -> bool:
    """Would ``cms.safe_html`` remove or change anything of ``html``?"""
    cleaned = nh3.clean(
        html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=LINK_SCHEMES
    )
    return _normal(cleaned) != _normal(html)


def problems_of(target: str, rich: bool) -> list[str]:
    """What is wrong with ``target`` as a translation of a rich or plain-text field."""
    if not rich:
        if BeautifulSoup(target, "html.parser").find() is not None:
            return ["markup in a plain-text field"]
        return []
    broken = broken_markup(target)
    if broken:
        return [f"broken markup: {broken}"]
    if sanitiser_changes(target):
        return [
            "markup the sanitiser would remove or change (allowed: "
            + ", ".join(sorted(ALLOWED_TAGS))
            + "; links to web, mail and phone addresses only)"
        ]
    return []
