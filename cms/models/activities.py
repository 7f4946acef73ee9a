"""Activities: what partners organise, from Dutch lessons to mixed football teams.

An activity is a page under the activities index. Its occurrences (one, or many
for a recurring activity) are kept in ``ActivityOccurrence`` so that date
filters run in SQL; ``cms.recurrence`` is the one place that expands rules.
"""

from datetime import UTC, datetime, timedelta

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from .. import next_occurrence
from ..activity_form import ActivityPageForm
from ..blocks import BodyBlock
from ..fields import LanguageCodesField
from ..glossary.panels import GlossaryPanel
from ..municipalities.shared_pages import SharedSectionMixin
from ..panels import FeedbackPanel, ReadabilityPanel, RegionalPanel
from ..permissions.pages import PartnerContentMixin, PlatformPageMixin
from ..recurrence import (
    Occurrence,
    next_occurrences,
    occurrences,
    parse_exceptions,
    validate_rule,
)
from ..recurrence_preview import NextDatesPanel
from ..translation.panels import TranslationStatusPanel
from ..translation.tracking import TranslationTrackedMixin
from ..venues.sync import take_venue_location

# Occurrences are materialised this far ahead; `manage.py refresh_occurrences`
# (daily) moves the window along for rules that never end.
OCCURRENCE_HORIZON = timedelta(days=550)
OCCURRENCE_HISTORY = timedelta(days=60)
# Where activities without a next occurrence sort: after every real date.
NO_UPCOMING = datetime(9999, 12, 31, tzinfo=UTC)


class ActivityIndexPage(SharedSectionMixin, PlatformPageMixin, Page):
    """The list of all activities (`/activities/`)."""

    # Shared activities of other municipalities at this site's address (cms/municipalities/).
    shared_page_model = "cms.ActivityPage"

    intro = models.TextField(blank=True)  # translated

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["cms.ActivityPage"]
    parent_page_types = ["cms.HomePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("activity list")
        verbose_name_plural = _("activity lists")


class ActivityPage(PartnerContentMixin, TranslationTrackedMixin, Page):
    """One activity: when, where, for whom, in which languages, how to join.

    It belongs to its ``organiser``: only that partner's editors may change it
    (``cms.permissions.pages``); co-organisers are named, not given rights.
    """

    partner_field = "organiser"
    # Repetition is chosen in words; the form writes `recurrence` underneath.
    base_form_class = ActivityPageForm

    class Audience(models.TextChoices):
        EVERYONE = "everyone", _("Everyone")
        ADULTS = "adults", _("Adults")
        FAMILIES = "families", _("Families")
        CHILDREN = "children", _("Children")
        WOMEN = "women", _("Women")
        YOUTH = "youth", _("Youth")

    class Registration(models.TextChoices):
        NONE = "none", _("No registration needed")
        LINK = "link", _("Register through a link")
        ON_REQUEST = "on_request", _("Register on request")
        WEGWIJS = "wegwijs", _("Sign up through Wegwijs")

    class TeamLevel(models.TextChoices):
        BEGINNER = "beginner", _("Beginner")
        RECREATIONAL = "recreational", _("Recreational")
        COMPETITIVE = "competitive", _("Competitive")

    summary = models.TextField(_("summary"), max_length=500)  # translated
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("text"))  # translated
    category = models.ForeignKey(
        "cms.Category",
        on_delete=models.PROTECT,
        related_name="activities",
        verbose_name=_("category"),
    )
    organiser = models.ForeignKey(
        "cms.Partner",
        on_delete=models.PROTECT,
        related_name="organised_activities",
        verbose_name=_("organiser"),
    )
    co_organisers = ParentalManyToManyField(
        "cms.Partner",
        blank=True,
        related_name="co_organised_activities",
        verbose_name=_("co-organisers"),
    )
    # Where it is shown: every site of these municipalities lists it; empty
    # only on an install with a single municipality (``cms.municipalities.scoping``).
    municipalities = ParentalManyToManyField(
        "cms.Municipality", blank=True, related_name="activities", verbose_name=_("municipalities")
    )

    starts_at = models.DateTimeField(_("starts at"), db_index=True)
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    # The first stored occurrence that has not ended, kept exact by cms.next_occurrence
    # so that lists sort by an index instead of a subquery per activity. Not edited.
    upcoming_starts_at = models.DateTimeField(null=True, blank=True, editable=False)
    upcoming_ends_at = models.DateTimeField(null=True, blank=True, editable=False)
    recurrence = models.CharField(
        _("repetition rule"),
        max_length=500,
        blank=True,
        help_text=_("RFC 5545 RRULE, for example FREQ=WEEKLY;BYDAY=TU. Empty for a one-off."),
    )
    # Dates of the rule that do not take place (ISO 8601 starts): a calendar
    # feed's EXDATE and its moved or cancelled single dates.
    recurrence_exceptions = models.JSONField(
        _("skipped dates"),
        default=list,
        blank=True,
        help_text=_('Starts that are skipped, e.g. ["2027-02-02T19:00:00+01:00"].'),
    )

    # A place used again and again is a venue; its place is copied into the
    # location columns below on every save (``cms.venues.sync``). Without a
    # venue they hold a one-off place.
    venue = models.ForeignKey(
        "cms.Venue",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="activities",
        verbose_name=_("venue"),
    )
    location_name = models.CharField(_("name of the place"), max_length=200, blank=True)
    location_address = models.CharField(_("address"), max_length=255, blank=True)
    lat = models.FloatField(
        _("latitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    lon = models.FloatField(
        _("longitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )

    languages_offered = LanguageCodesField(
        _("languages offered"), help_text=_("Languages spoken at the activity.")
    )
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience.choices, default=Audience.EVERYONE
    )
    is_free = models.BooleanField(_("free"), default=True)
    cost_amount = models.DecimalField(
        _("cost (euro)"),
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )

    registration = models.CharField(
        _("registration"), max_length=20, choices=Registration.choices, default=Registration.NONE
    )
    registration_url = models.URLField(_("registration link"), blank=True)
    capacity = models.PositiveIntegerField(_("places"), null=True, blank=True)
    # Only for sign-ups through Wegwijs (cms.taking_part): a weekly café counts
    # its places per date, a course or a team once for the whole series.
    signups_per_date = models.BooleanField(
        default=True,
        verbose_name=_("places per date"),
        help_text=_(
            "For a recurring activity with sign-ups through Wegwijs: the capacity holds "
            "for each date. Off: one list for the whole series (a course, a team)."
        ),
    )

    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )

    # A mixed team brings migrants and locals together; empty sport = no team.
    team_sport = models.CharField(_("sport"), max_length=100, blank=True)
    team_level = models.CharField(_("level"), max_length=20, choices=TeamLevel.choices, blank=True)
    training_times = models.TextField(_("training times"), blank=True)  # translated
    open_spots = models.PositiveIntegerField(_("open spots"), null=True, blank=True)
    # The title and summary read aloud, per language, as a guide's whole text is
    # (cms.read_aloud): {"pl": {"revision": 12, "path": ..., "bytes": ...}}.
    # Written by the background task only; not part of a revision.
    read_aloud = models.JSONField(default=dict, blank=True, editable=False)
    # What is read: the short text someone decides on; the details are on the page.
    read_aloud_parts = ("title", "summary")

    # The first tab is what a volunteer fills in, in Dutch (the other languages
    # are on the Translations tab, ``cms.translation.screens``); what most
    # activities do without is closed until opened.
    content_panels = Page.content_panels + [
        TranslationStatusPanel(),
        GlossaryPanel(),
        ReadabilityPanel(),
        FeedbackPanel(),
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                FieldPanel("repeat"),
                FieldPanel("repeat_interval"),
                FieldPanel("repeat_weekdays"),
                FieldPanel("repeat_monthly_by"),
                FieldPanel("repeat_until"),
                FieldPanel("repeat_skip"),
                FieldPanel("repeat_rule"),
                NextDatesPanel(),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel([FieldPanel("venue")], heading=_("Where")),
        MultiFieldPanel(
            [
                FieldPanel("location_name"),
                FieldPanel("location_address"),
                FieldPanel("location_village"),
                FieldRowPanel([FieldPanel("lat"), FieldPanel("lon")]),
            ],
            heading=_("A one-off place"),
            classname="collapsed",
        ),
        MultiFieldPanel(
            [FieldPanel("category"), FieldPanel("organiser")], heading=_("Who and what")
        ),
        # Closed: left empty, the municipality its place lies in (cms.municipalities.defaults).
        RegionalPanel(
            [FieldPanel("municipalities")], heading=_("Municipality"), classname="collapsed"
        ),
        MultiFieldPanel(
            [FieldPanel("co_organisers")],
            heading=_("Co-organisers (optional)"),
            classname="collapsed",
        ),
        MultiFieldPanel(
            [
                FieldPanel("languages_offered"),
                FieldPanel("audience"),
                FieldRowPanel([FieldPanel("is_free"), FieldPanel("cost_amount")]),
            ],
            heading=_("For whom"),
            # Closed: Dutch-speaking, for everyone and free, until the editor says otherwise.
            classname="collapsed",
        ),
        MultiFieldPanel(
            [
                FieldPanel("registration"),
                FieldRowPanel([FieldPanel("registration_url"), FieldPanel("capacity")]),
                FieldPanel("signups_per_date"),
            ],
            heading=_("Registration (optional)"),
            classname="collapsed",
        ),
        FieldPanel("image"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("team_sport"), FieldPanel("team_level")]),
                FieldPanel("training_times"),
                FieldPanel("open_spots"),
            ],
            heading=_("Mixed team (optional)"),
            classname="collapsed",
        ),
    ]
    parent_page_types = ["cms.ActivityIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        indexes = [
            models.Index(fields=["lat", "lon"]),
            # The lists' order, soonest first, activities without a next date last
            # (public.activities.SORT_KEY): walked with a LIMIT, whatever the matches.
            models.Index(
                Coalesce("upcoming_starts_at", Value(NO_UPCOMING)),
                "page_ptr",
                name="cms_activity_upcoming_order",
            ),
            # Rows whose next occurrence has ended (cms.next_occurrence.refresh_ended).
            models.Index(fields=["upcoming_ends_at"], name="cms_activity_upcoming_ends"),
        ]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")

    @property
    def is_mixed_team(self) -> bool:
        return bool(self.team_sport)

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.ends_at and self.starts_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The end must be after the start.")
        if self.recurrence and self.starts_at:
            try:
                validate_rule(self.recurrence, self.starts_at)
            except ValueError as error:
                errors["recurrence"] = str(error)
        try:
            self.skipped_starts  # noqa: B018 (checks the stored texts)
        except (ValueError, TypeError) as error:
            errors["recurrence_exceptions"] = str(error)
        if (self.lat is None) != (self.lon is None):
            errors["lon" if self.lon is None else "lat"] = _("Give both latitude and longitude.")
        if not self.is_free and self.cost_amount is None:
            errors["cost_amount"] = _("Give the cost, or mark the activity as free.")
        if self.registration == self.Registration.LINK and not self.registration_url:
            errors["registration_url"] = _("Give the registration link.")
        if self.team_sport and not self.team_level:
            errors["team_level"] = _("Give the level of the mixed team.")
        if errors:
            raise ValidationError(errors)

    def full_clean(self, *args, **kwargs) -> None:
        # Page.save() cleans first: the venue's place must be in place by then.
        take_venue_location(self)
        super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        take_venue_location(self)
        return super().save(*args, **kwargs)

    @property
    def skipped_starts(self) -> frozenset:
        return parse_exceptions(self.recurrence_exceptions or [])

    def next_occurrences(self, count: int = 10, now=None) -> list[Occurrence]:
        return next_occurrences(
            self.starts_at,
            self.ends_at,
            self.recurrence,
            now or timezone.now(),
            count,
            excluded=self.skipped_starts,
        )

    def occurrence_rows(self, now=None) -> list["ActivityOccurrence"]:
        """The occurrences within the window that the date filters search, unsaved."""
        now = now or timezone.now()
        rows = [
            ActivityOccurrence(activity=self, starts_at=o.starts_at, ends_at=o.ends_at)
            for o in occurrences(
                self.starts_at,
                self.ends_at,
                self.recurrence,
                after=now - OCCURRENCE_HISTORY,
                before=now + OCCURRENCE_HORIZON,
                excluded=self.skipped_starts,
            )
        ]
        if not self.recurrence and not rows:
            # A past one-off still needs its row for "starts_before" queries.
            rows = [
                ActivityOccurrence(
                    activity=self, starts_at=self.starts_at, ends_at=self.ends_at or self.starts_at
                )
            ]
        return rows

    def rebuild_occurrences(self, now=None) -> None:
        """Store the occurrences within the window that the date filters search."""
        now = now or timezone.now()
        rows = self.occurrence_rows(now)
        ActivityOccurrence.objects.filter(activity=self).delete()
        ActivityOccurrence.objects.bulk_create(rows)
        next_occurrence.store(self, rows, now)

    def with_content_json(self, content):
        """A revision's content, with the audio as it is now (audio is not part of a revision)."""
        page = super().with_content_json(content)
        page.read_aloud = self.read_aloud
        return page


class ActivityOccurrence(models.Model):
    """One date of an activity, materialised from its rule for fast date filters."""

    # No index of its own: the (activity, starts_at) index below serves every
    # lookup by activity. One on the activity alone repeated its first column:
    # every occurrence written went into both (bench/results/notes.md).
    activity = models.ForeignKey(
        ActivityPage, on_delete=models.CASCADE, related_name="occurrences", db_index=False
    )
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()

    class Meta:
        ordering = ["starts_at"]
        indexes = [
            # The date filters' walk over the occurrences in start order.
            models.Index(fields=["starts_at", "activity"]),
            # An activity's occurrences in start order: the date window's "no earlier
            # occurrence" test, refresh_occurrences, deletes.
            models.Index(fields=["activity", "starts_at"]),
            # The next end of any occurrence: when a cached answer stops holding
            # (cms.content_version.clock_horizon).
            models.Index(fields=["ends_at"], name="cms_occurrence_ends_at"),
        ]

    def __str__(self) -> str:
        return f"{self.activity_id} @ {self.starts_at:%Y-%m-%d %H:%M}"
