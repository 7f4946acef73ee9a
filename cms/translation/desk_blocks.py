"""A body (StreamField) at the desk: one text per block, the Dutch block beside its translation.

A guide's or activity's body is a list of blocks: rich text (with bold,
lists and links, also to pages of the site), steps, questions and answers, a
contact card, a link. The translator translates each text of each block on
its own, named ``<field>/<block id>`` (a rich-text block),
``<field>/<block id>/<part>`` (a contact's name, a link's label) or
``<field>/<block id>/<item id>/<part>`` (a step's title, a question's answer),
the same block ids that the XLIFF exchange uses for its body segments.

Rich text is edited as its stored markup (``<b>``, ``<ul><li>``,
``<a href="…">``, ``<a linktype="page" id="…">`` for a page of the site), so
nothing of it is lost on the way; ``markup_problems`` refuses what is broken
or not allowed, naming the block. What is not text (a phone number, an
address on the web, the order of the blocks) always follows the Dutch body:
the translation is built on the Dutch blocks, so it has the same shape.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.text import capfirst
from django.utils.translation import pgettext
from wagtail.models import Page

from ..safe_html import LINK_SCHEMES
from .exchange.checks import broken_markup
from .fallback import has_text
from .status import _without_ids

DESK = "translation desk"
RICH = "text"
# The translatable parts of each structured block (phone, e-mail, web address stay as in Dutch).
PARTS = {"contact": ("name", "opening_hours"), "link": ("label",)}
ITEM_PARTS = {"steps": ("title", "text"), "faq": ("question", "answer")}
# What the body's rich-text editor can make (``cms.blocks.RICH_TEXT_FEATURES``), as stored.
TAGS = {"p", "br", "h3", "b", "i", "strong", "em", "ol", "ul", "li", "a"}
BLOCK_KEY = "data-block-key"


@dataclass(frozen=True)
class BlockText:
    """One text of one block: its desk name, its label, the Dutch, the translation now."""

    name: str
    label: str
    source: str
    target: str
    rich: bool


def _raw(value: Any) -> list[dict]:
    """A StreamField value's blocks as stored (type, value, id)."""
    if not value:
        return []
    raw = getattr(value, "raw_data", value)
    return [dict(block) for block in raw]


def _items(value: Any) -> list[tuple[str, dict]]:
    """A list block's items as (item id, value); items stored before ids existed by position."""
    items = []
    for index, item in enumerate(value or []):
        if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
            items.append((str(item.get("id") or index), item["value"]))
        else:
            items.append((str(index), item))
    return items


def _label(heading: str, number: int, kind: str, part: str = "", item: int = 0) -> str:
    where = pgettext(DESK, "%(field)s, block %(number)s (%(kind)s)") % {
        "field": heading,
        "number": number,
        "kind": kind,
    }
    if item:
        where += " → " + pgettext(DESK, "item %(number)s") % {"number": item}
    return f"{where} → {part}" if part else where


def block_texts(obj: Any, field: str, language: str) -> list[BlockText]:
    """The texts of the Dutch body of ``field``, each with the target body's text at that place."""
    return texts_of(
        field,
        _raw(getattr(obj, f"{field}_{settings.SOURCE_LANGUAGE}", None)),
        _raw(getattr(obj, f"{field}_{language}", None)),
        capfirst(str(type(obj)._meta.get_field(field).verbose_name)),
    )


def texts_of(
    field: str, source: list[dict], target_blocks: list[dict], heading: str = ""
) -> list[BlockText]:
    """The texts of the ``source`` blocks, with those of ``target_blocks`` at the same block ids.

    ``heading``: the body's name in the labels (its field's, in the admin's language).
    """
    heading = heading or field
    target = {b.get("id"): b for b in target_blocks}
    texts = []
    for number, block in enumerate(source, start=1):
        kind, block_id, value = block["type"], block.get("id"), block.get("value")
        there = target.get(block_id)
        there = there.get("value") if there and there.get("type") == kind else None
        base = f"{field}/{block_id}"
        if kind == RICH:
            if has_text(value):
                label = _label(heading, number, kind)
                texts.append(BlockText(base, label, value, there or "", True))
        elif kind in PARTS:
            for part in PARTS[kind]:
                if has_text(value.get(part)):
                    label = _label(heading, number, kind, part)
                    mine = (there or {}).get(part) or ""
                    texts.append(BlockText(f"{base}/{part}", label, value[part], mine, False))
        elif kind in ITEM_PARTS:
            theirs = dict(_items(there))
            for position, (item_id, item) in enumerate(_items(value), start=1):
                for part in ITEM_PARTS[kind]:
                    if has_text(item.get(part)):
                        label = _label(heading, number, kind, part, position)
                        mine = (theirs.get(item_id) or {}).get(part) or ""
                        name = f"{base}/{item_id}/{part}"
                        texts.append(BlockText(name, label, item[part], mine, False))
    return texts


def earlier_texts(obj: Any, field: str, stored: Any) -> dict[str, str]:
    """An earlier Dutch body (kept without block ids) as desk name → text.

    The kept versions have no ids (``status._without_ids``): a block takes the
    id of today's block at the same place, when of the same kind; so "what
    changed" compares a block with the block that stood there before.
    """
    if not isinstance(stored, list):
        return {}
    now = _raw(getattr(obj, f"{field}_{settings.SOURCE_LANGUAGE}", None))
    aligned = []
    for index, block in enumerate(stored):
        block = copy.deepcopy(block)
        if index < len(now) and now[index]["type"] == block.get("type"):
            block["id"] = now[index].get("id")
            if block["type"] in ITEM_PARTS:
                current_items = now[index].get("value") or []
                for position, item in enumerate(block.get("value") or []):
                    if position < len(current_items) and isinstance(item, dict) and "value" in item:
                        item["id"] = (current_items[position] or {}).get("id")
        aligned.append(block)
    return {text.name: text.source for text in texts_of(field, aligned, [])}


class BodyRefused(ValueError):
    """Texts of a body that cannot be saved; ``problems`` names each by its block."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("; ".join(problems))


class _Markup(HTMLParser):
    """Collects what the body's editor could not have made: other tags, attributes, links."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.page_ids: list[int] = []

    def handle_starttag(self, tag, attrs):
        if tag not in TAGS:
            self.problems.append(f"<{tag}> is not allowed")
            return
        attributes = dict(attrs)
        if tag != "a":
            # The rich-text editor keys each paragraph (``data-block-key``); nothing else.
            if set(attributes) - {BLOCK_KEY}:
                self.problems.append(f"<{tag}> takes no attributes")
            return
        if attributes.get("linktype") == "page" and set(attributes) == {"linktype", "id"}:
            if (attributes["id"] or "").isdigit():
                self.page_ids.append(int(attributes["id"]))
            else:
                self.problems.append(
                    f'<a linktype="page"> needs the id of a page, not {attributes["id"]!r}'
                )
        elif set(attributes) == {"href"}:
            scheme = urlsplit(attributes["href"] or "").scheme.lower()
            if scheme not in LINK_SCHEMES:
                self.problems.append(
                    f"link {attributes['href']!r}: only web, mail and phone addresses"
                )
        else:
            self.problems.append('<a> needs href="…" or linktype="page" id="…"')


def markup_problems(html: str) -> list[str]:
    """What is wrong with ``html`` as a translated rich-text block ([] when nothing)."""
    broken = broken_markup(html)
    if broken:
        return [f"broken markup: {broken}"]
    parser = _Markup()
    parser.feed(html)
    parser.close()
    problems = list(parser.problems)
    if parser.page_ids:
        found = set(Page.objects.filter(pk__in=parser.page_ids).values_list("pk", flat=True))
        problems += [
            f"a link to page {pk}, which does not exist"
            for pk in parser.page_ids
            if pk not in found
        ]
    return problems


def is_block_name(field: str, name: str) -> bool:
    return name.startswith(f"{field}/")


def translated_body(obj: Any, field: str, texts: dict[str, str]) -> list[dict] | None:
    """The target body of ``field`` built on the Dutch blocks, with ``texts`` (name → text).

    None when every text is left empty (the body is not translated now). Raises
    ``BodyRefused``, naming the blocks, for markup that cannot be saved or for a
    body translated in part (readers would get Dutch in the middle of it).
    """
    wanted = {b.name: b for b in block_texts(obj, field, settings.SOURCE_LANGUAGE)}
    given = {name: (texts.get(name) or "").strip() for name in wanted}
    stray = sorted(n for n in texts if is_block_name(field, n) and n not in wanted)
    if stray and any((texts[n] or "").strip() for n in stray):
        raise BodyRefused(
            [
                pgettext(DESK, "the Dutch text changed since you opened it; gone: %(parts)s")
                % {"parts": ", ".join(stray)}
            ]
        )
    if not any(given.values()):
        return None
    problems = []
    empty = [wanted[name].label for name, text in given.items() if not text]
    if empty:
        problems.append(
            pgettext(DESK, "not translated yet (translate every part, or none): %(parts)s")
            % {"parts": "; ".join(empty)}
        )
    for name, text in given.items():
        if text and wanted[name].rich:
            problems += [f"{wanted[name].label}: {problem}" for problem in markup_problems(text)]
    if problems:
        raise BodyRefused(problems)
    body = copy.deepcopy(_raw(getattr(obj, f"{field}_{settings.SOURCE_LANGUAGE}")))
    for block in body:
        base = f"{field}/{block.get('id')}"
        kind = block["type"]
        if kind == RICH and base in given:
            block["value"] = given[base]
        elif kind in PARTS:
            for part in PARTS[kind]:
                if f"{base}/{part}" in given:
                    block["value"][part] = given[f"{base}/{part}"]
        elif kind in ITEM_PARTS:
            for position, item in enumerate(block["value"] or []):
                if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
                    inner, item_id = item["value"], str(item.get("id") or position)
                else:
                    inner, item_id = item, str(position)
                for part in ITEM_PARTS[kind]:
                    if f"{base}/{item_id}/{part}" in given:
                        inner[part] = given[f"{base}/{item_id}/{part}"]
    return body


def same_body(stored: Any, body: list[dict]) -> bool:
    """Is ``body`` (raw blocks) what is stored already (block ids aside)?"""
    return _without_ids(_raw(stored)) == _without_ids(body)
