"""A guide's text as a person would read it out, for the speech engine.

A speech engine reads what it is given: "0488 12 34 56" becomes "four hundred
eighty-eight ...", "info@ggd.nl" a string of letters, "5-1-2027" a sum, and a
heading runs into the sentence after it. This module rewrites those into
what a person would say in that language, and ends every heading, list item
and step as its own sentence so that the voice pauses there. Pure functions,
so a transcript test shows exactly what the engine is sent.
"""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser
from typing import Any

from django.utils import formats, translation

from .words import WORDS, SpokenWords

# Dutch and international phone numbers: 0488 12 34 56, 06-12345678, +31 6 1234 5678.
PHONE = re.compile(r"(?<![\w+])(?:\+\d{2}[\s-]?|0)\d(?:[\s-]?\d){7,10}(?!\d)")
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
ISO_DATE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
DUTCH_DATE = re.compile(r"\b(\d{1,2})[-/](\d{1,2})[-/](\d{4})\b")
TIME = re.compile(r"\b([01]?\d|2[0-3])[:.]([0-5]\d)(?:\s?uur)?\b")
BLOCK_TAGS = {"p", "h2", "h3", "h4", "li", "br", "div"}


def _digits(number: str) -> str:
    """A phone number digit by digit, with a short pause between the groups people say."""
    groups = re.split(r"[\s-]+", number.strip())
    # The voice says "+" in its own language ("plus"); digits one by one.
    return ", ".join(" ".join(group) for group in groups)


def _email(address: str, words: SpokenWords) -> str:
    local, domain = address.split("@", 1)
    spoken = lambda part: f" {words.dot} ".join(part.split("."))  # noqa: E731
    return f"{spoken(local)} {words.at} {spoken(domain)}"


def _date(year: int, month: int, day: int, language: str) -> str | None:
    try:
        value = date(year, month, day)
    except ValueError:
        return None
    with translation.override(language):
        return formats.date_format(value, WORDS.get(language, WORDS["en"]).date)


def _time(hours: str, minutes: str, words: SpokenWords) -> str:
    if minutes == "00":
        return words.full_hour.format(h=int(hours))
    return words.time.format(h=int(hours), m=int(minutes))


def spoken_line(text: str, language: str) -> str:
    """One line of text with its addresses, numbers, dates and times as they are said."""
    words = WORDS.get(language, WORDS["en"])
    text = EMAIL.sub(lambda m: _email(m.group(0), words), text)
    text = PHONE.sub(lambda m: _digits(m.group(0)), text)
    text = ISO_DATE.sub(
        lambda m: _date(int(m[1]), int(m[2]), int(m[3]), language) or m.group(0), text
    )
    text = DUTCH_DATE.sub(
        lambda m: _date(int(m[3]), int(m[2]), int(m[1]), language) or m.group(0), text
    )
    text = TIME.sub(lambda m: _time(m[1], m[2], words), text)
    return " ".join(text.split())


def sentence(text: str) -> str:
    """Ends a heading or list item with a full stop, so the voice pauses after it."""
    text = text.strip()
    return text if not text or text[-1] in ".!?:;" else text + "."


class _Lines(HTMLParser):
    """Rich text as lines: every paragraph, heading and list item its own."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = [""]

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in BLOCK_TAGS:
            self.lines.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCK_TAGS:
            self.lines.append("")

    def handle_data(self, data: str) -> None:
        self.lines[-1] += data


def rich_text_lines(html: str) -> list[str]:
    parser = _Lines()
    parser.feed(html)
    parser.close()
    return [line.strip() for line in parser.lines if line.strip()]


def block_lines(block_type: str, value: Any, language: str) -> list[str]:
    """The lines one body block is read as."""
    words = WORDS.get(language, WORDS["en"])
    if block_type == "text":
        return rich_text_lines(getattr(value, "source", str(value)))
    if block_type == "steps":
        lines = []
        for number, step in enumerate(value, start=1):
            lines.append(f"{words.step} {number}: {sentence(step['title'])}")
            if step.get("text"):
                lines.append(step["text"])
        return lines
    if block_type == "faq":
        return [part for item in value for part in (item["question"], item["answer"]) if part]
    if block_type == "contact":
        keys = ("name", "phone", "email", "opening_hours")
        return [str(value[key]) for key in keys if value.get(key)]
    if block_type == "link":
        return [value["label"]]
    return []


def speech_text(title: str, summary: str, body: Any, language: str) -> str:
    """The whole guide as it is sent to the speech engine: one sentence per line."""
    lines = [title, summary]
    for block in body or []:
        lines.extend(block_lines(block.block_type, block.value, language))
    return "\n".join(sentence(spoken_line(line, language)) for line in lines if line.strip())
