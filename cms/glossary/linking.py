"""Links from a text to the glossary: the first mention of each term becomes a link.

Server-side, so the site needs no script for it. A term is found in the
text's own language (its approved word, e.g. Polish "ubezpieczenie
zdrowotne") and in Dutch (migrants meet "zorgtoeslag" in letters, and the
guides often keep the Dutch word). Only the first mention of each term on a
page is linked: a text full of links is harder to read, not easier. Text
inside an existing link is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bs4 import BeautifulSoup, Comment, NavigableString
from django.conf import settings

from ..public_urls import public_path
from ..translation.fallback import translated_value
from .models import GlossaryTerm


def _words(term: GlossaryTerm, language: str) -> list[str]:
    words = {translated_value(term, "term", language).text, getattr(term, "term_nl", "")}
    return [word.strip() for word in words if word and word.strip()]


class GlossaryLinker:
    """Links terms in one page's texts; remembers which terms it linked already.

    ``text_language``: the language of the texts to scan; ``page_language``:
    the visitor's, whose glossary page the links open.
    """

    def __init__(self, terms: Iterable[GlossaryTerm], text_language: str, page_language: str):
        self.page_language = page_language or settings.SOURCE_LANGUAGE
        self.slug_of: dict[str, str] = {}
        for term in terms:
            for word in _words(term, text_language):
                self.slug_of.setdefault(word.casefold(), term.slug)
        self.linked: set[str] = set()
        # Longest first: "eigen risico" before a shorter term inside it.
        alternatives = sorted(self.slug_of, key=len, reverse=True)
        self.pattern = (
            re.compile(
                r"(?<!\w)(" + "|".join(re.escape(word) for word in alternatives) + r")(?!\w)",
                re.IGNORECASE,
            )
            if alternatives
            else None
        )

    def link(self, html: str) -> str:
        """``html`` with the first unlinked mention of each term made a link to its entry."""
        if self.pattern is None or not self.pattern.search(html):
            return html
        soup = BeautifulSoup(html, "html.parser")
        for text in list(soup.find_all(string=True)):
            if text.find_parent("a") is None and not isinstance(text, Comment):
                self._link_in(soup, text)
        return str(soup)

    def _link_in(self, soup: BeautifulSoup, text: NavigableString) -> None:
        pieces: list = []
        position = 0
        for match in self.pattern.finditer(str(text)):
            slug = self.slug_of[match.group(1).casefold()]
            if slug in self.linked:
                continue
            self.linked.add(slug)
            pieces.append(str(text)[position : match.start()])
            anchor = soup.new_tag(
                "a", href=public_path("glossary", slug, self.page_language), attrs={"class": "term"}
            )
            anchor.string = match.group(1)
            pieces.append(anchor)
            position = match.end()
        if not pieces:
            return
        pieces.append(str(text)[position:])
        first = NavigableString(pieces[0])
        text.replace_with(first)
        for piece in pieces[1:]:
            node = piece if not isinstance(piece, str) else NavigableString(piece)
            first.insert_after(node)
            first = node
