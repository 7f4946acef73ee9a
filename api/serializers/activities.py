"""Activities: everything a partner site needs to show and link one."""

from __future__ import annotations

from django.utils import timezone, translation
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cms.models import ActivityPage
from cms.public_urls import poster_path, public_path
from cms.taking_part.forms import FORM_NAME as SIGNUP_FORM
from cms.taking_part.openings import per_date, upcoming_dates
from cms.taking_part.places import open_team_spots, places_left, takes_signups
from cms.translation.fallback import translated_value
from cms.translation.languages import language_codes

from .blocks import BodyField
from .common import (
    PartnerRefSerializer,
    TranslatedField,
    TranslatedObjectSerializer,
    image_url,
    request_language,
)
from .taxonomy import CategorySerializer

NEXT_OCCURRENCES = 10


class OccurrenceSerializer(serializers.Serializer):
    starts_at = serializers.DateTimeField(help_text="Amsterdam time, with its UTC offset.")
    ends_at = serializers.DateTimeField(help_text="Equal to starts_at when no end is known.")


class LocationSerializer(serializers.Serializer):
    name = serializers.CharField(allow_null=True)
    address = serializers.CharField(allow_null=True)
    lat = serializers.FloatField(allow_null=True)
    lon = serializers.FloatField(allow_null=True)


class CostSerializer(serializers.Serializer):
    free = serializers.BooleanField()
    amount = serializers.DecimalField(
        max_digits=7, decimal_places=2, allow_null=True, help_text="In euros; null when free."
    )


def _documented_in_english(choices) -> list[tuple[str, str]]:
    """The model's choices with their English labels: the admin shows them in the editor's
    language, the API's documentation stays in the contract's language, English."""
    with translation.override("en"):
        return [(value, str(label)) for value, label in choices]


class RegistrationSerializer(serializers.Serializer):
    required = serializers.BooleanField()
    type = serializers.ChoiceField(
        choices=_documented_in_english(ActivityPage.Registration.choices)
    )
    url = serializers.URLField(allow_null=True, help_text="Where to register (type link).")
    capacity = serializers.IntegerField(allow_null=True, help_text="Places; null if unlimited.")


class SignupDateSerializer(serializers.Serializer):
    date = serializers.DateField(help_text="Send it as `occurrence`.")
    places_left = serializers.IntegerField(allow_null=True, help_text="Null: unlimited.")


class DetailRegistrationSerializer(RegistrationSerializer):
    """The detail's registration: for sign-ups through Wegwijs, what is left and a form token."""

    places_left = serializers.IntegerField(
        allow_null=True,
        help_text="Type wegwijs: places left (on the next date, for places per date); null "
        "when unlimited or for other types.",
    )
    dates = SignupDateSerializer(
        many=True,
        allow_null=True,
        help_text="Type wegwijs with places per date: the dates one can sign up for, each with "
        "its places left; null otherwise.",
    )
    form_token = serializers.CharField(
        allow_null=True,
        help_text="Type wegwijs: send it back with `POST activities/{slug}/signups`.",
    )


class MixedTeamSerializer(serializers.Serializer):
    sport = serializers.CharField()
    level = serializers.ChoiceField(choices=ActivityPage.TeamLevel.values)
    training_times = serializers.CharField(
        allow_null=True, help_text="Translated like the other texts."
    )
    open_spots = serializers.IntegerField(allow_null=True)


# One field instance each, shared by every item: a nested serializer per item
# costs a deep copy of its fields every time (bench/: a fifth of a list's time).
_AMOUNT = CostSerializer().fields["amount"]
_MOMENT = serializers.DateTimeField()


def occurrence_data(starts_at, ends_at) -> dict:
    """What ``OccurrenceSerializer`` gives, without making one."""
    return {
        "starts_at": _MOMENT.to_representation(starts_at),
        "ends_at": _MOMENT.to_representation(ends_at),
    }


class ActivitySerializer(TranslatedObjectSerializer):
    """The fields shared by the list and the detail."""

    extra_text_fields = ("training_times",)

    slug = serializers.SlugField()
    url = serializers.SerializerMethodField(help_text="The activity's page on the public site.")
    title = TranslatedField()
    summary = TranslatedField()
    category = CategorySerializer()
    organiser = PartnerRefSerializer()
    co_organisers = PartnerRefSerializer(many=True)
    starts_at = serializers.DateTimeField(help_text="Start of the first occurrence (DTSTART).")
    ends_at = serializers.DateTimeField(allow_null=True, help_text="End of the first occurrence.")
    recurrence = serializers.SerializerMethodField(
        help_text="RFC 5545 RRULE, expanded in Europe/Amsterdam time; null for a one-off."
    )
    location = serializers.SerializerMethodField()
    languages_offered = serializers.ListField(
        child=serializers.ChoiceField(choices=language_codes()),
        help_text="Languages spoken at the activity.",
    )
    audience = serializers.ChoiceField(choices=ActivityPage.Audience.values)
    cost = serializers.SerializerMethodField()
    registration = serializers.SerializerMethodField()
    image = serializers.SerializerMethodField(help_text="Absolute URL of the image, or null.")
    mixed_team = serializers.SerializerMethodField(
        help_text="A team of migrants and locals together; null for other activities."
    )

    def get_url(self, activity: ActivityPage) -> str:
        return public_path("activity", activity.slug, request_language(self))

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_recurrence(self, activity: ActivityPage) -> str | None:
        return activity.recurrence or None

    @extend_schema_field(LocationSerializer)
    def get_location(self, activity: ActivityPage) -> dict:
        return {
            "name": activity.location_name or None,
            "address": activity.location_address or None,
            "lat": activity.lat,
            "lon": activity.lon,
        }

    @extend_schema_field(CostSerializer)
    def get_cost(self, activity: ActivityPage) -> dict:
        amount = None if activity.is_free else activity.cost_amount
        return {
            "free": activity.is_free,
            "amount": None if amount is None else _AMOUNT.to_representation(amount),
        }

    @extend_schema_field(RegistrationSerializer)
    def get_registration(self, activity: ActivityPage) -> dict:
        return {
            "required": activity.registration != ActivityPage.Registration.NONE,
            "type": activity.registration,
            "url": activity.registration_url or None,
            "capacity": activity.capacity,
        }

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_image(self, activity: ActivityPage) -> str | None:
        return image_url(self, activity.image)

    @extend_schema_field(MixedTeamSerializer(allow_null=True))
    def get_mixed_team(self, activity: ActivityPage) -> dict | None:
        if not activity.is_mixed_team:
            return None
        training_times = translated_value(activity, "training_times", request_language(self))
        return {
            "sport": activity.team_sport,
            "level": activity.team_level,
            "training_times": training_times.text or None,
            "open_spots": open_team_spots(activity),
        }


class ActivityListSerializer(ActivitySerializer):
    """A list item: the first occurrence that matches the date filters, and the distance."""

    next_occurrence = serializers.SerializerMethodField(
        help_text="The first occurrence within starts_after/starts_before; without them, the "
        "next one that has not ended. Null when there is none."
    )
    # Annotated by cms.geo.within_radius when the request has `near`; absent otherwise
    # (DRF skips a non-required field whose attribute is missing).
    distance_km = serializers.DecimalField(
        max_digits=None,
        decimal_places=2,
        coerce_to_string=False,
        required=False,
        help_text="Great-circle distance from `near`, in km; only present when near is given.",
    )

    @extend_schema_field(OccurrenceSerializer(allow_null=True))
    def get_next_occurrence(self, activity: ActivityPage) -> dict | None:
        # Annotated by public.activities.with_next_occurrence.
        if activity.next_starts_at is None:
            return None
        return occurrence_data(activity.next_starts_at, activity.next_ends_at)


class ActivityDetailSerializer(ActivitySerializer):
    body = BodyField()
    poster_url = serializers.SerializerMethodField(
        help_text="A poster (A4 PDF) to print, in the language of this answer. Replace "
        "`languages=` by one to three codes (side by side, e.g. `languages=pl,bg`); `size=a6` "
        "gives a flyer. The QR code on it holds the short link."
    )
    next_occurrences = serializers.SerializerMethodField(
        help_text=f"The next {NEXT_OCCURRENCES} occurrences that have not ended, from the rule."
    )

    def get_poster_url(self, activity: ActivityPage) -> str:
        return poster_path("activity", activity.slug, request_language(self))

    @extend_schema_field(OccurrenceSerializer(many=True))
    def get_next_occurrences(self, activity: ActivityPage) -> list[dict]:
        return OccurrenceSerializer(activity.next_occurrences(NEXT_OCCURRENCES), many=True).data

    @extend_schema_field(DetailRegistrationSerializer)
    def get_registration(self, activity: ActivityPage) -> dict:
        registration = {
            **super().get_registration(activity),
            "places_left": None,
            "dates": None,
            "form_token": None,
        }
        if not takes_signups(activity):
            return registration
        # One query for every date shown (none when the places are unlimited).
        days = upcoming_dates(activity, timezone.now()) if per_date(activity) else [None]
        left = places_left(activity, days)
        registration["places_left"] = left[days[0]] if days else 0
        if per_date(activity):
            registration["dates"] = [{"date": day, "places_left": left[day]} for day in days]
        registration["form_token"] = self.context["form_token"](SIGNUP_FORM)
        return registration
