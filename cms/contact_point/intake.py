"""A valid question is stored with a reference and routed to the partner who answers it."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from ..models import Question
from .routing import responsible_partner

# No 0/O, 1/I/L: a reference is read out over the phone.
REFERENCE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
REFERENCE_LENGTH = 8


def new_reference() -> str:
    """``"K7QM-3XPA"``: random, so that it says nothing about how many questions came in."""
    code = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))
    return f"{code[:4]}-{code[4:]}"


@dataclass(frozen=True)
class Receipt:
    """What the asker is told: the reference, who answers, and how long the data is kept."""

    reference: str
    topic: str
    partner_name: str | None  # None: the platform's coordinators answer
    retention_days: int
    erased_by: datetime


def receive_question(
    cleaned: dict, now: datetime | None = None, municipality_id: int | None = None
) -> Question:
    """Store a question from ``QuestionForm.cleaned_data``, routed by its topic within the
    municipality whose site it was asked on (only that municipality's people see it)."""
    now = now or timezone.now()
    question = Question(
        language=cleaned["language"],
        topic=cleaned["topic"],
        text=cleaned["text"],
        contact_method=cleaned.get("contact_method") or "",
        contact_value=(cleaned.get("contact_value") or "") if cleaned.get("contact_method") else "",
        routed_partner=responsible_partner(cleaned["topic"], municipality_id),
        municipality_id=municipality_id,
        created_at=now,
    )
    while True:
        question.reference = new_reference()
        try:
            # A savepoint: a (very unlikely) duplicate reference must not lose the question.
            with transaction.atomic():
                question.save()
        except IntegrityError:
            if Question.objects.filter(reference=question.reference).exists():
                continue
            raise
        return question


def receipt(question: Question) -> Receipt:
    days = settings.QUESTION_RETENTION_DAYS
    return Receipt(
        reference=question.reference,
        topic=question.topic,
        partner_name=question.routed_partner.name if question.routed_partner else None,
        retention_days=days,
        erased_by=question.created_at + timedelta(days=days),
    )
