"""A field's value as the words a translator edits and a reader sees, without its markup.

Kept apart from the desk (which imports the content import's helpers) so that
the page forms can compare texts without importing the desk.
"""

from __future__ import annotations

from typing import Any

from wagtail.rich_text import RichText

from ..safe_html import plain_text


def as_plain_text(value: Any) -> str:
    """A field's value as the text a translator edits (a body's blocks as paragraphs)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, RichText):
        return _html_as_text(value.source)
    parts = []
    for block in value if hasattr(value, "__iter__") else [value]:
        inner = getattr(block, "value", block)
        if isinstance(inner, RichText):
            parts.append(_html_as_text(inner.source))
        elif isinstance(inner, str):
            parts.append(inner)
        elif hasattr(inner, "values"):
            parts.extend(as_plain_text(item) for item in inner.values() if item)
        elif isinstance(inner, list | tuple) or hasattr(inner, "__iter__"):
            parts.extend(as_plain_text(item) for item in inner)
    return "\n\n".join(part for part in parts if part)


def _html_as_text(html: str) -> str:
    bulleted = html.replace("<li>", "<li>- ")
    return plain_text(bulleted)
