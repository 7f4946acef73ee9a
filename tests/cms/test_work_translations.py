"""The start page, the calendar import screen and the poster buttons speak all 13 languages.

The strings are read from the templates and modules themselves, so a new
string without its translations fails here, in every catalog that lacks it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.urls import reverse

from cms.models import Partner
from cms.translation.languages import language_codes
from tests.cms.conftest import OWN

ROOT = Path(settings.BASE_DIR)
TEMPLATES = [
    "cms/templates/cms/dashboard/partner_work.html",
    "cms/templates/cms/dashboard/coordinator_work.html",
    "cms/templates/cms/calendars/import.html",
]
MODULES = ["cms/calendars/admin.py", "cms/posters/admin.py"]


def interface_strings() -> set[tuple[str | None, str]]:
    """``(context, msgid)`` of every string the start page and calendar screens translate."""
    found: set[tuple[str | None, str]] = set()
    for name in TEMPLATES:
        text = (ROOT / name).read_text()
        for match in re.finditer(r'{% translate "([^"]+)"(?: context "([^"]+)")? %}', text):
            found.add((match.group(2), match.group(1)))
        for match in re.finditer(r"{% blocktranslate[^%]*%}(.*?){% endblocktranslate %}", text):
            found.add((None, re.sub(r"{{ (\w+) }}", r"%(\1)s", match.group(1))))
    for name in MODULES:
        text = (ROOT / name).read_text()
        found |= {(None, msgid) for msgid in re.findall(r'\b_\(\s*"([^"]+)"', text)}
        found |= set(re.findall(r'pgettext\(\s*"([^"]+)",\s*"([^"]+)"', text))
    return found


def test_the_strings_are_found():
    strings = interface_strings()
    assert (None, "Manage sign-ups") in strings and ("start page", "Sign-ups") in strings
    assert (None, "Import calendar now") in strings and (None, "Flyer (PDF, A6)") in strings


@pytest.mark.parametrize("code", language_codes())
def test_every_string_is_translated_in_every_catalog(code):
    with open(ROOT / "locale" / code / "LC_MESSAGES" / "django.po", "rb") as po:
        catalog = read_po(po)
    untranslated = [
        (context, msgid)
        for context, msgid in sorted(interface_strings(), key=str)
        if not (message := catalog.get(msgid, context=context))
        or not message.string
        or message.fuzzy
    ]
    assert not untranslated, f"{code}: {untranslated}"


def test_the_calendar_import_screen_speaks_polish(client, login_as):
    login_as("coordinator")
    partner = Partner.objects.get(slug=OWN)
    page = client.get(reverse("cms_partner_calendar", args=[partner.pk]), HTTP_ACCEPT_LANGUAGE="pl")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Kalendarz: " in html and "Jeszcze nigdy nie importowano." in html
