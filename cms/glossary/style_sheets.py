"""Each language's style sheet: form of address and approved words, as translators read it.

The sheets are Markdown files in ``docs/translation-style/<code>.md``, kept in
the repository beside the code so that a change to a sheet is reviewed like a
change to the catalogs it governs (``tests/cms/test_catalog_style.py`` holds
the catalogs to the words the sheets approve).
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

STYLE_SHEETS = Path(settings.BASE_DIR) / "docs" / "translation-style"


def style_sheet(language: str) -> str:
    """The sheet's text, or "" for a language without one (the source language, Dutch)."""
    path = STYLE_SHEETS / f"{language}.md"
    return path.read_text(encoding="utf-8") if path.is_file() else ""
