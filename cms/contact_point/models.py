"""The central contact point: questions from migrants, and who answers them.

Many labour migrants depend on their employment agency for work *and* housing,
so they ask freely only when they can stay anonymous. A ``Question`` therefore
holds no name and no account, only what the asker typed and, if they want an
answer, one way to reach them. Everything a person typed (the question, the
contact, and the answer written to them) is personal data and is erased on
schedule (``cms.contact_point.retention``); what stays is anonymous: topic,
language, dates, status and which partner handled it.

A question is routed when it arrives: the coordinator says which partner is
responsible for each topic (``TopicResponsibility``); a topic nobody is
responsible for goes to the coordinators, so that no question is ever dropped.
Questions are not indexed for search and no GET endpoint of the API shows them.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class QuestionTopic(models.TextChoices):
    """What a question is about; labels are the visitor-facing names (site and API)."""

    WORK = "work", _("Work")
    HOUSING = "housing", _("Housing")
    HEALTH = "health", _("Health")
    LANGUAGE = "language", _("Learning Dutch")
    SCHOOL = "school", _("School and children")
    OTHER = "other", _("Something else")


class ContactMethod(models.TextChoices):
    """How an asker who wants an answer can be reached (none: fully anonymous)."""

    EMAIL = "email", _("E-mail")
    PHONE = "phone", _("Phone (call or text message)")
    WHATSAPP = "whatsapp", _("WhatsApp")


class Question(models.Model):
    """One question sent to the contact point, in the asker's language.

    ``routed_partner`` is null when no partner was responsible for the topic:
    then the coordinators handle it (and may route it on).
    """

    class Status(models.TextChoices):
        NEW = "new", _("New")
        ANSWERED = "answered", _("Answered")
        CLOSED = "closed", _("Closed")

    reference = models.CharField(_("reference"), max_length=12, unique=True, editable=False)
    language = models.CharField(_("language"), max_length=10)
    topic = models.CharField(_("topic"), max_length=20, choices=QuestionTopic.choices)
    text = models.TextField(blank=True, verbose_name=_("question"))
    contact_method = models.CharField(
        max_length=20, choices=ContactMethod.choices, blank=True, verbose_name=_("reach by")
    )
    contact_value = models.CharField(max_length=200, blank=True, verbose_name=_("contact"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW
    )
    routed_partner = models.ForeignKey(
        "cms.Partner",
        null=True,
        blank=True,
        # A partner that leaves the platform hands its questions back to the coordinators.
        on_delete=models.SET_NULL,
        related_name="questions",
        verbose_name=_("answered by"),
        help_text=_("The partner whose editors answer this question; empty: the coordinators."),
    )
    answer = models.TextField(_("answer"), blank=True)
    # The municipality whose site it was asked on: only its people see it.
    municipality = models.ForeignKey(
        "cms.Municipality",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="questions",
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True, verbose_name=_("asked"))
    answered_at = models.DateTimeField(null=True, blank=True, editable=False)
    answer_sent_at = models.DateTimeField(
        null=True, blank=True, editable=False, verbose_name=_("answer e-mailed")
    )
    closed_at = models.DateTimeField(null=True, blank=True, editable=False)
    personal_data_erased_at = models.DateTimeField(
        null=True, blank=True, editable=False, verbose_name=_("personal data erased")
    )

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["routed_partner", "status"])]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        # Shown in the admin's history and messages: never the asker's words.
        return _("Question %(reference)s") % {"reference": self.reference}

    @property
    def personal_data_erased(self) -> bool:
        return self.personal_data_erased_at is not None


class TopicResponsibility(models.Model):
    """Which partner answers the questions on one topic (set by the coordinator)."""

    topic = models.CharField(_("topic"), max_length=20, choices=QuestionTopic.choices)
    partner = models.ForeignKey(
        "cms.Partner",
        on_delete=models.CASCADE,
        related_name="question_topics",
        verbose_name=_("partner"),
    )
    # Each municipality routes its own questions; empty only before the first exists.
    municipality = models.ForeignKey(
        "cms.Municipality",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="question_routing",
    )

    class Meta:
        ordering = ["topic"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "topic"], name="one_partner_per_topic_and_municipality"
            )
        ]
        verbose_name = _("topic responsibility")
        verbose_name_plural = _("question routing")

    def __str__(self) -> str:
        return f"{self.get_topic_display()}: {self.partner}"
