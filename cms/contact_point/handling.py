"""Answering and closing a question, and e-mailing the answer to an asker who left an address.

Status goes ``new`` → ``answered`` → ``closed`` (an editor may also close a
question without answering it, e.g. one answered by phone, or reopen one).
An answer typed while the question stays ``new`` is a draft: nothing is sent.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..models import ContactMethod, Question

Status = Question.Status


@dataclass(frozen=True)
class Handled:
    """A question's status and answer as they were before an editor saved it."""

    status: str
    answer: str

    @classmethod
    def of(cls, question: Question) -> Handled:
        return cls(question.status, question.answer)


def record_handling(question: Question, before: Handled, now: datetime) -> None:
    """Set the dates that follow from a change of status (before the question is saved)."""
    if question.status != Status.NEW and question.answer and question.answered_at is None:
        question.answered_at = now
    if question.status == Status.CLOSED:
        question.closed_at = question.closed_at or now
    else:
        question.closed_at = None


def answer_to_send(question: Question, before: Handled) -> bool:
    """Is there an answer the asker asked to get by e-mail, new, changed or not sent yet?"""
    return (
        question.contact_method == ContactMethod.EMAIL
        and bool(question.contact_value)
        and bool(question.answer)
        and question.status != Status.NEW
        and (
            before.status == Status.NEW
            or before.answer != question.answer
            or question.answer_sent_at is None  # an earlier try failed
        )
    )


def send_answer(question: Question, now: datetime) -> None:
    """E-mail the answer, in the language of the question; the partner's address to reply to."""
    partner = question.routed_partner
    with translation.override(question.language):
        subject = _("Answer to your question %(reference)s") % {"reference": question.reference}
        signature = _("%(partner)s answered your question %(reference)s on Wegwijs.") % {
            "partner": partner.name if partner else "Wegwijs",
            "reference": question.reference,
        }
        days = settings.QUESTION_RETENTION_DAYS
        erased = ngettext(
            "Your question and this answer are deleted from Wegwijs after %(days)s day.",
            "Your question and this answer are deleted from Wegwijs after %(days)s days.",
            days,
        ) % {"days": days}
    EmailMessage(
        subject=subject,
        body=f"{question.answer}\n\n-- \n{signature}\n{erased}\n",
        to=[question.contact_value],
        reply_to=[partner.email] if partner and partner.email else None,
    ).send()
    question.answer_sent_at = now
    question.save(update_fields=["answer_sent_at"])
