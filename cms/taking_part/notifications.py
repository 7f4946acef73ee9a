"""E-mails about sign-ups: to the person in their own language, and a notice to the organiser.

Only a person who gave an e-mail address gets mail; one reached by phone or
WhatsApp hears from the organiser, who sees them in the admin. The notice to
the organiser's editors names the activity, the date, the reference, the
status and the number of people, never the person's name or contact: those
stay in the admin, behind its permissions, and are not copied into
mailboxes that outlive the retention period.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import models
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from ..dates import active_language, weekday_day
from ..models import ContactMethod
from ..models.membership import PartnerRole
from ..public_urls import absolute_public_url
from ..translation.fallback import translated_value
from .models import Signup
from .tokens import cancel_path

logger = logging.getLogger(__name__)


def _activity_lines(signup: Signup) -> list[str]:
    """The activity's title and date, in the active language (the person's own)."""
    activity = signup.signup_list.activity
    lines = [translated_value(activity, "title", signup.language).text or activity.title]
    if signup.signup_list.date:
        day = weekday_day(signup.signup_list.date, active_language())
        lines.append(_("Date: %(date)s") % {"date": day})
    return lines


def _retention_line() -> str:
    days = settings.SIGNUP_RETENTION_DAYS
    return ngettext(
        "Your name and contact are deleted from Wegwijs %(days)s day after the activity.",
        "Your name and contact are deleted from Wegwijs %(days)s days after the activity.",
        days,
    ) % {"days": days}


def _send(signup: Signup, subject: str, lines: list[str]) -> None:
    EmailMessage(subject=subject, body="\n\n".join(lines) + "\n", to=[signup.contact_value]).send()


def _by_email(signup: Signup) -> bool:
    return signup.contact_method == ContactMethod.EMAIL and bool(signup.contact_value)


def send_confirmation(signup: Signup, cancel_token: str, position: int | None) -> None:
    """The receipt of a new sign-up: place or waiting position, reference, cancel link."""
    if not _by_email(signup):
        return
    activity = signup.signup_list.activity
    with translation.override(signup.language):
        title = translated_value(activity, "title", signup.language).text or activity.title
        if signup.status == Signup.Status.CONFIRMED:
            status = _("You have a place. Your reference is %(reference)s.")
        else:
            status = _(
                "You are on the waiting list, number %(position)s. We write to you as soon as a "
                "place comes free. Your reference is %(reference)s."
            )
        cancel_url = absolute_public_url(cancel_path(cancel_token, signup.language))
        _send(
            signup,
            _("Your sign-up for %(activity)s") % {"activity": title},
            [
                *_activity_lines(signup),
                status % {"reference": signup.reference, "position": position},
                _("Can you not come? Cancel here, so that someone else gets your place: %(url)s")
                % {"url": cancel_url},
                _retention_line(),
            ],
        )


def send_promotion(signup: Signup) -> None:
    """A place came free for someone on the waiting list."""
    if not _by_email(signup):
        return
    activity = signup.signup_list.activity
    with translation.override(signup.language):
        title = translated_value(activity, "title", signup.language).text or activity.title
        _send(
            signup,
            _("A place has come free for you: %(activity)s") % {"activity": title},
            [
                *_activity_lines(signup),
                _("A place has come free and it is yours. Your reference is %(reference)s.")
                % {"reference": signup.reference},
                _retention_line(),
            ],
        )


class OrganiserEvent(models.TextChoices):
    """What happened to a sign-up, as the organiser's notice words it."""

    NEW = "new", gettext_lazy("new sign-up")
    CANCELLED = "cancelled", gettext_lazy("sign-up cancelled")
    PROMOTED = "promoted", gettext_lazy("sign-up moved up from the waiting list")


def organiser_recipients(signup: Signup) -> dict[str, list[str]]:
    """The organiser's editors (active users) by the language of their admin, else Dutch.

    One query: the address and the Wagtail admin language come together.
    """
    partner_id = signup.signup_list.activity.organiser_id
    rows = (
        get_user_model()
        .objects.filter(
            is_active=True,
            groups__partner_group__partner_id=partner_id,
            groups__partner_group__role=PartnerRole.EDITOR,
        )
        .values_list("email", "wagtail_userprofile__preferred_language")
    )
    by_language: dict[str, set[str]] = {}
    for email, language in rows:
        if email:
            by_language.setdefault(language or settings.LANGUAGE_CODE, set()).add(email)
    return {language: sorted(emails) for language, emails in sorted(by_language.items())}


def _organiser_notice(signup: Signup, event: OrganiserEvent) -> tuple[str, str]:
    """Subject and body of the notice, in the active language."""
    activity = signup.signup_list.activity
    heading = activity.title
    if signup.signup_list.date:
        day = weekday_day(signup.signup_list.date, active_language())
        heading = _("%(activity)s on %(date)s") % {"activity": activity.title, "date": day}
    people = ngettext("%(count)s person", "%(count)s people", signup.people) % {
        "count": signup.people
    }
    summary = _("Reference %(reference)s: %(event)s; %(people)s; now %(status)s.") % {
        "reference": signup.reference,
        "event": event.label,
        "people": people,
        "status": signup.get_status_display(),
    }
    body = "\n\n".join(
        [heading, summary, _("Names and contacts are in the Wegwijs admin, under Sign-ups.")]
    )
    subject = _("Wegwijs: %(event)s for %(activity)s") % {
        "event": event.label,
        "activity": activity.title,
    }
    return subject, body + "\n"


def notify_organiser(signup: Signup, event: OrganiserEvent) -> None:
    """Tell the organiser's editors that a sign-up arrived, was cancelled or was promoted.

    Each editor reads it in their admin language: one mail per language.
    """
    for language, addresses in organiser_recipients(signup).items():
        with translation.override(language):
            subject, body = _organiser_notice(signup, event)
        EmailMessage(subject=subject, body=body, bcc=addresses).send()


def announce(signup: Signup, cancel_token: str | None, position: int | None) -> None:
    """After a new sign-up is stored: the receipt and the organiser's notice.

    Never fails the sign-up: the place is taken; a mail server that is down is
    logged, and the person has their reference on screen.
    """
    try:
        if cancel_token:
            send_confirmation(signup, cancel_token, position)
        notify_organiser(signup, OrganiserEvent.NEW)
    except Exception:
        logger.exception("Could not send the e-mails of sign-up %s", signup.reference)


def announce_cancellation(signup: Signup, promoted: list[Signup]) -> None:
    """After a cancellation: the organiser's notice, and mail to those who moved up."""
    try:
        notify_organiser(signup, OrganiserEvent.CANCELLED)
    except Exception:
        logger.exception("Could not send the e-mails of sign-up %s", signup.reference)
    announce_promotions(promoted)


def announce_promotions(promoted: list[Signup]) -> None:
    for signup in promoted:
        try:
            send_promotion(signup)
            notify_organiser(signup, OrganiserEvent.PROMOTED)
        except Exception:
            logger.exception("Could not send the e-mails of sign-up %s", signup.reference)
