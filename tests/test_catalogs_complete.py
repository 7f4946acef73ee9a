"""Every interface string of the code is translated in all 13 catalogs.

The strings are extracted the way a translator's ``manage.py makemessages``
finds them, by running it on a temporary copy of the apps (so the repository's
catalogs are never rewritten), plus the ``pgettext`` calls whose context is a
module constant (``pgettext(DESK, "Translate")``): xgettext skips those, yet
gettext looks them up all the same. A string missing from a catalog, or left
empty or fuzzy there, is shown in English on that language's screens.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
LOCALE = ROOT / "locale"
CODES = [code for code, _ in settings.LANGUAGES]
# Not part of the running site: their strings are never shown to anyone.
NOT_APPS = {"tests", "bench", "scripts", "docs", "node_modules", "locale"}
WITH_CONTEXT = {"pgettext": 0, "pgettext_lazy": 0, "npgettext": 0, "npgettext_lazy": 0}

Key = tuple[str | None, str]  # (context, msgid; the singular for a plural message)


def apps(root: Path) -> list[Path]:
    """The project's Python packages at the top level: the code whose strings are shown."""
    return sorted(
        path
        for path in root.iterdir()
        if path.is_dir() and path.name not in NOT_APPS and (path / "__init__.py").exists()
    )


def keys(catalog: Catalog) -> dict[Key, object]:
    return {
        (message.context, message.id[0] if isinstance(message.id, tuple) else message.id): message
        for message in catalog
        if message.id
    }


def extracted_by_makemessages(scratch: Path) -> set[Key]:
    """What ``makemessages`` finds in a copy of the apps, with no catalog to merge into."""
    for app in apps(ROOT):
        shutil.copytree(app, scratch / app.name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "manage.py", scratch)
    (scratch / "locale").mkdir()
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "--locale", "nl", "--no-location"],
        cwd=scratch,
        check=True,
        capture_output=True,
    )
    with (scratch / "locale" / "nl" / "LC_MESSAGES" / "django.po").open("rb") as po:
        return set(keys(read_po(po)))


def module_constants(trees: Iterable[ast.Module]) -> dict[str, str]:
    """Module-level ``NAME = "text"`` of the apps, where a name means one text only."""
    values: dict[str, set[str]] = {}
    for tree in trees:
        for node in tree.body:
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
                for target in node.targets:
                    if isinstance(target, ast.Name) and isinstance(node.value.value, str):
                        values.setdefault(target.id, set()).add(node.value.value)
    return {name: texts.pop() for name, texts in values.items() if len(texts) == 1}


def with_named_context(root: Path) -> set[Key]:
    """``pgettext(NAME, "text")`` calls, whose context xgettext cannot read."""
    trees = [
        ast.parse(path.read_text(encoding="utf-8"))
        for app in apps(root)
        for path in app.rglob("*.py")
    ]
    constants = module_constants(trees)
    found = set()
    for tree in trees:
        for call in ast.walk(tree):
            if not isinstance(call, ast.Call) or len(call.args) < 2:
                continue
            name = getattr(call.func, "id", getattr(call.func, "attr", None))
            context, text = call.args[0], call.args[1]
            if (
                name in WITH_CONTEXT
                and isinstance(context, ast.Name)
                and context.id in constants
                and isinstance(text, ast.Constant)
                and isinstance(text.value, str)
            ):
                found.add((constants[context.id], text.value))
    return found


@cache
def catalog(code: str) -> Catalog:
    with (LOCALE / code / "LC_MESSAGES" / "django.po").open("rb") as po:
        return read_po(po, locale=code)


def problems(code: str, wanted: set[Key]) -> list[str]:
    """Each wanted string that ``code``'s catalog lacks, or holds empty or fuzzy."""
    found = keys(catalog(code))
    shown = []
    for context, msgid in sorted(wanted, key=lambda key: (key[0] or "", key[1])):
        label = f"{msgid!r}" + (f" (context {context!r})" if context else "")
        message = found.get((context, msgid))
        if message is None:
            shown.append(f"{code}: missing {label}")
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            shown.append(f"{code}: untranslated {label}")
    return shown


@pytest.fixture(scope="module")
def interface_strings(tmp_path_factory) -> set[Key]:
    return extracted_by_makemessages(tmp_path_factory.mktemp("scratch")) | with_named_context(ROOT)


def test_the_extraction_finds_the_interface_strings(interface_strings):
    """The check itself: strings of templates, models and constant contexts are all found."""
    assert len(interface_strings) > 500
    assert (None, "Search activities and guides") in interface_strings  # a template
    assert (None, "languages offered") in interface_strings  # a model's verbose name
    assert ("translation desk", "Translate") in interface_strings  # pgettext(DESK, ...)


@pytest.mark.parametrize("code", CODES)
def test_every_interface_string_is_in_the_catalog_and_translated(code, interface_strings):
    missing = problems(code, interface_strings)
    assert not missing, f"{len(missing)} interface strings:\n" + "\n".join(missing)


def test_a_string_missing_from_a_catalog_is_named():
    """The check itself: a msgid the catalog lacks, or leaves empty, is reported by name."""
    wanted = {(None, "A string nobody translated"), ("translation desk", "Translate")}
    assert problems("pl", wanted) == ["pl: missing 'A string nobody translated'"]
    message = keys(catalog("pl"))[("translation desk", "Translate")]
    kept = message.string
    message.string = ""
    try:
        assert (
            problems("pl", wanted)[1] == "pl: untranslated 'Translate' (context 'translation desk')"
        )
    finally:
        message.string = kept
