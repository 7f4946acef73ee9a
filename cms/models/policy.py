"""The council's policy plan: five building blocks, each with actions and their progress.

Actions are snippets rather than inline panels of the plan page so that a
partner can be given rights on the actions it is responsible for without
rights on the whole plan.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page, RevisionMixin

from ..permissions.pages import PlatformPageMixin
from ..permissions.policy import PolicyActionForm


class PolicyPlanPage(PlatformPageMixin, Page):
    """The plan itself (`/policy-plan/`): introduction; actions hang off it."""

    intro = models.TextField(_("introduction"), blank=True)  # translated

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("policy plan")
        verbose_name_plural = _("policy plans")


class PolicyAction(RevisionMixin, ClusterableModel):
    """One action of the plan, within a building block, with its progress.

    Revisions keep who changed what; the editors of the ``responsible``
    partners may post progress updates (``cms.permissions.policy``).
    """

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        ON_HOLD = "on_hold", _("On hold")

    plan = models.ForeignKey(
        PolicyPlanPage,
        on_delete=models.CASCADE,
        related_name="actions",
        verbose_name=_("policy plan"),
    )
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    building_block = models.ForeignKey(
        "cms.BuildingBlock",
        on_delete=models.PROTECT,
        related_name="actions",
        verbose_name=_("building block"),
    )
    title = models.CharField(_("title"), max_length=255)  # translated
    description = models.TextField(_("description"), blank=True)  # translated
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    progress = models.PositiveSmallIntegerField(
        _("progress"), default=0, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    responsible = ParentalManyToManyField(
        "cms.Partner",
        blank=True,
        related_name="policy_actions",
        verbose_name=_("responsible partners"),
    )
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    due_on = models.DateField(_("ready by"), null=True, blank=True)
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("plan"),
        FieldPanel("building_block"),
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("status"), FieldPanel("progress")]),
                FieldRowPanel([FieldPanel("starts_on"), FieldPanel("due_on")]),
            ],
            heading=_("Progress"),
        ),
        FieldPanel("responsible"),
        InlinePanel("updates", heading=_("Progress updates"), label=_("Update")),
    ]
    base_form_class = PolicyActionForm

    class Meta:
        ordering = ["building_block__sort_order", "sort_order", "slug"]
        verbose_name = _("policy action")
        verbose_name_plural = _("policy actions")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        if self.starts_on and self.due_on and self.due_on < self.starts_on:
            raise ValidationError({"due_on": _("The due date must not be before the start date.")})


class ProgressUpdate(Orderable):
    """A dated note on what happened with an action."""

    action = ParentalKey(PolicyAction, on_delete=models.CASCADE, related_name="updates")
    date = models.DateField(_("date"))
    text = models.TextField(_("text"))  # translated

    panels = [FieldPanel("date"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        ordering = ["-date", "sort_order"]
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")
