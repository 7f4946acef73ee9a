"""XLIFF files, written and read with translate-toolkit: version 1.2 or 2.0.

Each segment is one unit whose id is the segment id; its ``<source>`` is the
Dutch text at export (the import compares it with the Dutch text then), its
``<target>`` the translation the database holds now, if any, so an agency can
revise as well as translate. Rich text travels as escaped HTML inside the unit,
as CAT tools show it; the import checks the markup it gets back.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from lxml import etree
from translate.storage import xliff as xliff1
from translate.storage import xliff2

from .segments import Segment

VERSIONS = ("1.2", "2.0")
FILE_NAME = "wegwijs"
ID_SEPARATOR = "\x04"  # between file name and unit id in translate-toolkit's ids
SKELETON_1_2 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="{file}" source-language="{source}" target-language="{target}" datatype="html">
<body>
</body>
</file>
</xliff>"""


class UnreadableFile(ValueError):
    """Not an XLIFF file this exchange can read (the message says why)."""


@dataclass(frozen=True)
class Unit:
    """One unit of an incoming file."""

    id: str
    source: str
    target: str


def write(segments: Iterable[Segment], source: str, target: str, version: str = "1.2") -> bytes:
    if version == "2.0":
        store = xliff2.Xliff2File()
        store.setsourcelanguage(source)
        store.settargetlanguage(target)
    else:
        store = xliff1.xlifffile.parsestring(
            SKELETON_1_2.format(file=FILE_NAME, source=source, target=target).encode()
        )
    for segment in segments:
        unit = (
            store.addsourceunit(segment.source)
            if version == "2.0"
            else store.addsourceunit(segment.source, filename=FILE_NAME)
        )
        unit.setid(segment.id)
        if segment.target:
            unit.target = segment.target
    return bytes(store)


def unit_id(unit) -> str:
    """A unit's own id: translate-toolkit prefixes XLIFF 1.x ids with the file's name."""
    return (unit.getid() or "").split(ID_SEPARATOR)[-1]


def read(data: bytes) -> tuple[str, list[Unit]]:
    """The file's target language and its units; ``UnreadableFile`` when it is none."""
    try:
        root = etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False))
    except etree.XMLSyntaxError as error:
        raise UnreadableFile(f"not well-formed XML: {error}") from None
    if etree.QName(root).localname != "xliff":
        raise UnreadableFile("not an XLIFF file (its root element is not <xliff>)")
    version = root.get("version", "")
    try:
        if version.startswith("2."):
            store = xliff2.Xliff2File.parsestring(data)
        elif version.startswith("1."):
            store = xliff1.xlifffile.parsestring(data)
        else:
            raise UnreadableFile(f"XLIFF version {version!r} is not 1.2 or 2.0")
    except (ValueError, etree.XMLSyntaxError) as error:
        raise UnreadableFile(str(error)) from None
    language = store.gettargetlanguage() or ""
    units = [
        Unit(unit_id(unit), unit.source or "", unit.target or "")
        for unit in store.units
        if not unit.isheader()
    ]
    return language, units
