"""Introducing a matched pair: each gets the other's first name and way of contact, in their own
language, through the way of contact they gave.

By e-mail Wegwijs sends it. For a phone or WhatsApp number the coordinator
sends it: the match's page shows the text in the person's language with a
WhatsApp or text-message link that opens it ready to send. Once everyone
reachable by e-mail has theirs and nobody needs a message by hand, the match
is "introduced"; otherwise the coordinator marks it so after sending.
"""

from __future__ import annotations

import logging
from urllib.parse import quote

from django.core.mail import EmailMessage
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ..models import ContactMethod
from ..translation.languages import native_name
from .buddy_models import BuddyMatch, BuddyPerson

logger = logging.getLogger(__name__)


def introduction(to: BuddyPerson, other: BuddyPerson, to_is_buddy: bool) -> str:
    """The message for ``to`` about ``other``, in ``to``'s language."""
    with translation.override(to.language):
        if to_is_buddy:
            opening = _("Thank you for being a language buddy! We have found someone for you.")
        else:
            opening = _("We have found a language buddy for you.")
        languages = ", ".join(native_name(code) for code in other.languages)
        lines = [
            opening,
            _("Name: %(name)s") % {"name": other.name},
            _("Reach them by %(method)s: %(value)s")
            % {"method": ContactMethod(other.contact_method).label, "value": other.contact_value},
            _("Languages they speak: %(languages)s") % {"languages": languages},
            _("Please get in touch within a week to agree where and when to meet."),
        ]
    return "\n\n".join(str(line) for line in lines) + "\n"


def manual_link(to: BuddyPerson, text: str) -> str | None:
    """A link that opens the message ready to send, for someone reached by phone or WhatsApp."""
    number = to.contact_value.lstrip("+")
    if to.contact_method == ContactMethod.WHATSAPP:
        return f"https://wa.me/{number}?text={quote(text)}"
    if to.contact_method == ContactMethod.PHONE:
        return f"sms:+{number}?body={quote(text)}"
    return None


def introduce(match: BuddyMatch) -> list[BuddyPerson]:
    """E-mail the introductions that can be e-mailed; returns who must be messaged by hand."""
    by_hand = []
    for to, other, to_is_buddy in (
        (match.request, match.offer, False),
        (match.offer, match.request, True),
    ):
        if to.contact_method != ContactMethod.EMAIL:
            by_hand.append(to)
            continue
        with translation.override(to.language):
            subject = _("Your language buddy")
        try:
            EmailMessage(
                subject=str(subject),
                body=introduction(to, other, to_is_buddy),
                to=[to.contact_value],
            ).send()
        except Exception:
            logger.exception("Could not e-mail the introduction of match %s", match.pk)
            by_hand.append(to)
    if not by_hand:
        match.status = BuddyMatch.Status.INTRODUCED
        match.introduced_at = timezone.now()
        match.save(update_fields=["status", "introduced_at"])
    return by_hand
