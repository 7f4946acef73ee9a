"""Needs surveys: short questionnaires the coordinator puts on posters and in group chats.

Migrants often depend on their employment agency for work *and* housing, so
they only say what they need when nobody can tell who said it. A survey
answer therefore keeps as little as possible:

- ``SurveyResponse`` holds the language the survey was answered in, the
  village (optional, from the site's village list) and the **day** — a date,
  never a time: a timestamp next to a small village's answers could point at
  one person. No account, name, email, employer, address, IP address or user
  agent is asked for or stored (rate limits see only a keyed hash of the
  address, in the cache, for an hour).
- ``SurveyAnswer`` rows hang off a response, one per chosen option, scale
  value or free text.

The coordinator edits a survey with its questions and their options inline
(``Survey`` → ``SurveyQuestion`` → ``SurveyOption``); titles, prompts and
labels are translated per field (``cms.translation``). Only coordinators see
surveys and their results in the admin (``cms.surveys.permissions``).
"""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from .forms import SurveyAdminForm

SCALE_MIN = 1
SCALE_MAX = 5


class SurveyQuerySet(models.QuerySet):
    """The publication rules of ``Survey.is_visible`` and ``accepts_answers``, in SQL."""

    def visible(self, now: datetime | None = None) -> SurveyQuerySet:
        now = now or timezone.now()
        return self.filter(is_open=True).exclude(opens_at__gt=now)

    def accepting_answers(self, now: datetime | None = None) -> SurveyQuerySet:
        now = now or timezone.now()
        return self.visible(now).exclude(closes_at__lte=now)


class Survey(ClusterableModel):
    """A needs survey: published under ``/s/<slug>`` and answered anonymously."""

    slug = models.SlugField(
        _("slug"),
        max_length=40,
        unique=True,
        help_text=_("Short: it is the poster's address (/s/<slug>) and the QR code's content."),
    )
    title = models.CharField(_("title"), max_length=200)  # translated
    intro = models.TextField(_("introduction"), blank=True)  # translated
    is_open = models.BooleanField(
        _("open"),
        default=False,
        help_text=_(
            "Open for answers (within the dates below, when given). "
            "A closed survey still shows a short note to whoever scans an old poster."
        ),
    )
    opens_at = models.DateTimeField(_("opens at"), null=True, blank=True)
    closes_at = models.DateTimeField(_("closes at"), null=True, blank=True)
    # Whose survey it is: only that municipality's site shows it and only its
    # coordinators see the answers. Empty only before the first municipality exists.
    municipality = models.ForeignKey(
        "cms.Municipality",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="surveys",
        verbose_name=_("municipality"),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("municipality"),
        FieldPanel("slug"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("is_open"),
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
            ],
            heading=_("Publication"),
        ),
        InlinePanel("questions", heading=_("Questions"), label=_("Question"), min_num=1),
    ]
    base_form_class = SurveyAdminForm

    objects = SurveyQuerySet.as_manager()

    class Meta:
        ordering = ["slug"]
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")

    def __str__(self) -> str:
        return self.title or self.slug

    def clean(self) -> None:
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("The survey must close after it opens.")})

    def is_visible(self, now: datetime | None = None) -> bool:
        """Shown to visitors: open, and its start (if any) has come; possibly closed since."""
        now = now or timezone.now()
        return self.is_open and (self.opens_at is None or self.opens_at <= now)

    def accepts_answers(self, now: datetime | None = None) -> bool:
        now = now or timezone.now()
        return self.is_visible(now) and (self.closes_at is None or now < self.closes_at)


class SurveyQuestion(Orderable, ClusterableModel):
    """One question; choice questions have options, a scale runs from 1 to 5."""

    class Kind(models.TextChoices):
        SINGLE = "single", _("Single choice")
        MULTIPLE = "multiple", _("Multiple choice")
        SCALE = "scale", _("Scale 1–5")
        TEXT = "text", _("Free text")

    survey = ParentalKey(Survey, on_delete=models.CASCADE, related_name="questions")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.SINGLE)
    prompt = models.CharField(_("question"), max_length=300)  # translated
    required = models.BooleanField(_("answer required"), default=False)

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("required")]),
        FieldPanel("prompt"),
        InlinePanel(
            "options",
            heading=_("Options (single and multiple choice only)"),
            label=_("Option"),
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.prompt

    @property
    def has_options(self) -> bool:
        return self.kind in (self.Kind.SINGLE, self.Kind.MULTIPLE)


class SurveyOption(Orderable):
    """A choice of a single- or multiple-choice question."""

    question = ParentalKey(SurveyQuestion, on_delete=models.CASCADE, related_name="options")
    label = models.CharField(_("answer"), max_length=200)  # translated

    panels = [FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("option")
        verbose_name_plural = _("options")

    def __str__(self) -> str:
        return self.label


class SurveyResponse(models.Model):
    """One person's answers: only the answer language, the village and the day.

    ``answered_on`` is a date on purpose (see the module docstring).
    """

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    language = models.CharField(max_length=8)
    village = models.CharField(max_length=40, blank=True)
    answered_on = models.DateField()

    class Meta:
        indexes = [models.Index(fields=["survey", "language"])]

    def __str__(self) -> str:
        return f"{self.survey_id}: {self.language} {self.answered_on}"


class SurveyAnswer(models.Model):
    """One value of a response: a chosen option, a scale value or a free text."""

    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(SurveyQuestion, on_delete=models.CASCADE, related_name="answers")
    option = models.ForeignKey(
        SurveyOption, null=True, blank=True, on_delete=models.CASCADE, related_name="answers"
    )
    scale = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(SCALE_MIN), MaxValueValidator(SCALE_MAX)],
    )
    text = models.TextField(blank=True)

    def __str__(self) -> str:
        return f"{self.question_id}: {self.option_id or self.scale or self.text[:40]}"
