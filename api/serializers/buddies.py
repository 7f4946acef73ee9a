"""Language buddies: the counts per village, and the bodies of an offer and a request.

The rules are ``cms.taking_part.buddy_forms`` (shared with the site); these
serializers check the JSON's shape and document it. The counts are the only
thing about buddies any GET shows: no name, no contact, no single person.
"""

from __future__ import annotations

from rest_framework import serializers

from cms.places import village_slugs
from cms.taking_part.buddy_models import BuddyHelp, BuddyTime
from cms.taking_part.forms import NAME_MAX_LENGTH
from cms.translation.languages import language_codes

from .signups import ContactSerializer


class ChoiceLabelSerializer(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField(help_text="In the requested language.")


class VillageCountSerializer(serializers.Serializer):
    village = serializers.CharField(help_text="Send it as `village`.")
    name = serializers.CharField()
    migrants_waiting = serializers.IntegerField()
    buddies_available = serializers.IntegerField()


class BuddyOverviewSerializer(serializers.Serializer):
    """Where buddies are missing, and what a client needs to show the two forms."""

    language = serializers.CharField(help_text="The language of the labels.")
    villages = VillageCountSerializer(many=True)
    help = ChoiceLabelSerializer(many=True, help_text="Values for `help`.")
    times = ChoiceLabelSerializer(many=True, help_text="Values for `times`.")
    form_tokens = serializers.DictField(
        child=serializers.CharField(),
        help_text="`offers` and `requests`: send one back as `form_token` with that POST.",
    )


class BuddyBodySerializer(serializers.Serializer):
    """A first name or nickname, one way to be reached; no surname, address or birth date."""

    name = serializers.CharField(max_length=NAME_MAX_LENGTH, help_text="First name or nickname.")
    contact = ContactSerializer()
    language = serializers.ChoiceField(
        choices=list(language_codes()),
        required=False,
        help_text="The language to write to the person in; default: the request's language.",
    )
    languages = serializers.ListField(
        child=serializers.ChoiceField(choices=list(language_codes())),
        min_length=1,
        max_length=len(language_codes()),
        help_text="Languages the person speaks.",
    )
    # Villages are data (cms.municipalities): checked when a body is read, never while
    # the schema is generated (that must not need a database: `check --deploy`).
    village = serializers.CharField(
        max_length=60, help_text="The slug of a village, as `GET buddies` lists them."
    )
    times = serializers.ListField(
        child=serializers.ChoiceField(choices=BuddyTime.values), min_length=1, max_length=3
    )
    help = serializers.ListField(
        child=serializers.ChoiceField(choices=BuddyHelp.values), min_length=1, max_length=3
    )
    form_token = serializers.CharField(
        allow_blank=True, help_text="From `form_tokens` of `GET buddies`."
    )
    website = serializers.CharField(
        required=False, allow_blank=True, help_text="Honeypot: must be empty."
    )

    def validate_village(self, value: str) -> str:
        if value not in village_slugs():
            raise serializers.ValidationError(f'"{value}" is not a valid choice.')
        return value


class BuddyReceiptSerializer(serializers.Serializer):
    reference = serializers.CharField(help_text="Quote it when contacting the buddy project.")
    handled_by = serializers.CharField(
        allow_null=True,
        help_text="The partner whose buddy project takes it; null: the platform's coordinators.",
    )
