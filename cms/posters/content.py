"""What a poster says, per language: the essentials, in words a passer-by reads in seconds.

Texts go through the one fallback chain (``cms.translation.fallback``); labels are the
site's own translated interface strings, so a Bulgarian column reads in
Bulgarian from top to bottom.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import to_locale

from ..dates import clock, weekday_day
from ..models import ActivityPage, GuidePage, Survey
from ..public_urls import SECTION_PATHS, absolute_public_url, survey_short_path
from ..translation.fallback import translated_value
from ..translation.languages import native_name

KINDS = ("activity", "guide", "survey", "contact-point")


@dataclass(frozen=True)
class PosterColumn:
    """One language's text: the poster puts up to three of these side by side."""

    language: str
    language_name: str
    title: str
    summary: str
    facts: list[tuple[str, str]]  # (label, value), e.g. ("When", "Tuesday 5 January, 19:00")


@dataclass(frozen=True)
class PosterContent:
    kind: str
    short_url: str  # what the QR code holds: opens in the phone's language
    columns: list[PosterColumn]


def short_path(kind: str, slug: str = "") -> str:
    """The language-free path: the site sends the visitor on in their phone's language."""
    if kind == "survey":
        return survey_short_path(slug)
    if kind == "contact-point":
        return "/vraag/"
    return f"/{SECTION_PATHS[kind]}/{slug}/"


def short_url(kind: str, slug: str = "", site_url: str | None = None) -> str:
    """The short path on ``site_url`` (the poster's municipality's site; default: the install's)."""
    if site_url is None:
        return absolute_public_url(short_path(kind, slug))
    return site_url + short_path(kind, slug)


def _text(obj: Any, field: str, language: str) -> str:
    return str(translated_value(obj, field, language).text or "")


def _when(activity: ActivityPage, language: str) -> str:
    """The next three dates with their times: "wtorek, 5 stycznia, 19:00; …"."""
    locale = to_locale(language)
    return "; ".join(
        f"{weekday_day(o.starts_at, locale, with_year=False)}, {clock(o.starts_at, locale)}"
        for o in activity.next_occurrences(3)
    )


def _euros(activity: ActivityPage) -> str:
    return f"€ {formats.number_format(activity.cost_amount, 2)}"


def _activity_facts(activity: ActivityPage, language: str) -> list[tuple[str, str]]:
    place = ", ".join(p for p in (activity.location_name, activity.location_address) if p)
    cost = _("Free") if activity.is_free else _euros(activity)
    join = {
        ActivityPage.Registration.NONE: _("No need to register: just come."),
        ActivityPage.Registration.LINK: activity.registration_url,
        ActivityPage.Registration.ON_REQUEST: _("Register with the organiser first."),
    }[activity.registration]
    contact = " · ".join(p for p in (activity.organiser.phone, activity.organiser.email) if p)
    facts = [
        (_("When"), _when(activity, language)),
        (_("Where"), place),
        (_("Cost"), cost),
        (_("How to join"), join),
        (_("Organiser"), f"{activity.organiser.name} {contact}".strip()),
    ]
    return [(label, value) for label, value in facts if value]


def _column(obj: Any, kind: str, language: str) -> PosterColumn:
    with translation.override(language):
        if kind == "contact-point":
            title = _("Ask a question")
            summary = _("in your own language, without giving your name.")
            facts: list[tuple[str, str]] = []
        elif kind == "survey":
            title = _text(obj, "title", language)
            summary = _text(obj, "intro", language) or _(
                "Tell us what you need. The surveys are short and anonymous."
            )
            facts = []
        else:
            title = _text(obj, "title", language)
            summary = _text(obj, "summary", language)
            if kind == "activity":
                facts = _activity_facts(obj, language)
            else:
                facts = [(_("Written by"), obj.author.name)]
        facts.append(("", _("Scan the code: it opens in the language of your phone.")))
    return PosterColumn(language, native_name(language), title, summary, facts)


def poster_content(
    obj: Any, kind: str, languages: list[str], site_url: str | None = None
) -> PosterContent:
    """The poster of ``obj`` (None for the contact point) in ``languages``, in that order;
    its QR code opens ``site_url`` (the municipality's site)."""
    slug = getattr(obj, "slug", "")
    return PosterContent(
        kind, short_url(kind, slug, site_url), [_column(obj, kind, code) for code in languages]
    )


def published_object(kind: str, slug: str) -> Any:
    """The object a public poster may show, or None (unpublished, closed, unknown)."""
    from ..publishing import published

    if kind == "activity":
        pages = published(ActivityPage.objects.all()).select_related("organiser")
        return pages.filter(slug=slug).first()
    if kind == "guide":
        return published(GuidePage.objects.all()).select_related("author").filter(slug=slug).first()
    if kind == "survey":
        survey = Survey.objects.filter(slug=slug).first()
        return survey if survey and survey.accepts_answers(timezone.now()) else None
    return None
