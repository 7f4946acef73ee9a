"""What an incoming translation may be: the problems of one unit, each said in a sentence.

Rich text (a body block) must be well-formed HTML that the sanitiser
(``cms.safe_html``) would hand out unchanged: otherwise what readers see is not
what the agency wrote. Plain-text fields take no markup at all.

Links are rich text's one tag with attributes, and they come back in two
forms: Wagtail's stored one, as the export writes it (``<a href="https://…">``
and, to a page of the site, ``<a linktype="page" id="12">``), and the one the
site renders (``rel="noopener"`` added). Both are the agency keeping a link,
not altering it: ``stored_rich_text`` brings a target back to the stored form
(the site adds ``rel`` itself on the way out), and only then is it compared
with what the sanitiser would keep. A link to a page must name a page that
exists; a ``javascript:`` address, a script or any other attribute is still
refused.
"""

from __future__ import annotations

from html.parser import HTMLParser

import nh3
from bs4 import BeautifulSoup
from bs4.dammit import EntitySubstitution
from bs4.formatter import HTMLFormatter
from wagtail.models import Page

from ...safe_html import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, LINK_SCHEMES

VOID = {"br", "hr", "img", "input", "meta", "link", "wbr"}
# A link to a page of the site, in Wagtail's stored rich text: <a linktype="page" id="12">.
PAGE_LINK = ("linktype", "id")
# What the site adds to a link when it renders it; it is not kept in the stored text.
RENDERED_ONLY = ("rel", "target")


class _AsWritten(HTMLFormatter):
    """Attributes in the order they were written (BeautifulSoup sorts them by default)."""

    def __init__(self):
        super().__init__(entity_substitution=EntitySubstitution.substitute_xml)

    def attributes(self, tag):
        return list(tag.attrs.items())


_AS_WRITTEN = _AsWritten()


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


def stored_rich_text(html: str) -> str:
    """``html`` in Wagtail's stored form: without the attributes the site adds to links.

    Text and every other tag and attribute are left as they are (the checks
    judge them); an ``html`` without such attributes comes back unchanged.
    """
    soup = BeautifulSoup(html, "html.parser")
    links = [link for link in soup.find_all("a") if any(a in link.attrs for a in RENDERED_ONLY)]
    if not links:
        return html
    for link in links:
        for attribute in RENDERED_ONLY:
            link.attrs.pop(attribute, None)
    return soup.decode(formatter=_AS_WRITTEN)


def sanitiser_changes(html: str) -> bool:
    """Would ``cms.safe_html`` remove or change anything of the stored rich text ``html``?

    Links to pages are stored as ``linktype``/``id`` and become an ``href`` only
    when rendered, so they are kept here as they are.
    """
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes={**ALLOWED_ATTRIBUTES, "a": ALLOWED_ATTRIBUTES["a"] | set(PAGE_LINK)},
        url_schemes=LINK_SCHEMES,
        link_rel=None,
    )
    return _normal(cleaned) != _normal(html)


def page_link_problems(html: str) -> list[str]:
    """Links to pages that are not ``linktype="page"`` with the id of a page that exists."""
    problems, wanted = [], {}
    for link in BeautifulSoup(html, "html.parser").find_all("a"):
        if not any(attribute in link.attrs for attribute in PAGE_LINK):
            continue
        linktype, page_id = link.get("linktype"), link.get("id", "")
        if linktype != "page" or "href" in link.attrs:
            problems.append(f"a link with linktype={linktype!r} is not a link to a page")
        elif not page_id.isdigit():
            problems.append(f"a link to a page with id {page_id!r}, which is not a page id")
        else:
            wanted[int(page_id)] = page_id
    if wanted:
        existing = set(Page.objects.filter(pk__in=list(wanted)).values_list("pk", flat=True))
        problems += [
            f"a link to page {text}, which does not exist"
            for pk, text in wanted.items()
            if pk not in existing
        ]
    return problems


def problems_of(target: str, rich: bool) -> list[str]:
    """What is wrong with ``target`` as a translation of a rich or plain-text field."""
    if not rich:
        if BeautifulSoup(target, "html.parser").find() is not None:
            return ["markup in a plain-text field"]
        return []
    broken = broken_markup(target)
    if broken:
        return [f"broken markup: {broken}"]
    target = stored_rich_text(target)
    links = page_link_problems(target)
    if links:
        return links
    if sanitiser_changes(target):
        return [
            "markup the sanitiser would remove or change (allowed: "
            + ", ".join(sorted(ALLOWED_TAGS))
            + "; links to web, mail and phone addresses and to pages of the site only)"
        ]
    return []
