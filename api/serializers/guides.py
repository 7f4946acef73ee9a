"""Guides: plain-language explanations, with how complete each translation is."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cms.models import GuidePage
from cms.public_urls import poster_path, public_path
from cms.read_aloud.recordings import audio_for
from cms.translation.status import TranslationStatus

from .blocks import BodyField
from .common import (
    PartnerRefSerializer,
    TranslatedField,
    TranslatedObjectSerializer,
    absolute_url,
    request_language,
)

# Named for the schema (ENUM_NAME_OVERRIDES): questions have topics too.
GUIDE_TOPICS = GuidePage.Topic.values


class GuideSerializer(TranslatedObjectSerializer):
    slug = serializers.SlugField()
    url = serializers.SerializerMethodField(help_text="The guide's page on the public site.")
    title = TranslatedField()
    summary = TranslatedField()
    topic = serializers.ChoiceField(choices=GUIDE_TOPICS)
    author = PartnerRefSerializer()
    last_reviewed = serializers.DateField(allow_null=True)
    updated_at = serializers.DateTimeField(source="last_published_at")
    translation_status = serializers.DictField(
        source="translation_statuses",
        child=serializers.ChoiceField(choices=[status.value for status in TranslationStatus]),
        help_text="Per language code (the Dutch source left out): complete, missing, or "
        "outdated when the Dutch text changed after the translation.",
    )

    def get_url(self, guide: GuidePage) -> str:
        return public_path("guide", guide.slug, request_language(self))


class AudioSerializer(serializers.Serializer):
    url = serializers.URLField(help_text="An Ogg Opus file (mono, about 90 KB a minute).")
    language = serializers.CharField(
        help_text="The language read: the first language along the fallback chain in which "
        "the whole guide is written, read with that language's voice."
    )
    mime_type = serializers.CharField()


class GuideDetailSerializer(GuideSerializer):
    body = BodyField()
    poster_url = serializers.SerializerMethodField(
        help_text="A poster (A4 PDF) to print, in the language of this answer. Replace "
        "`languages=` by one to three codes (side by side, e.g. `languages=pl,bg`); `size=a6` "
        "gives a flyer. The QR code on it holds the short link."
    )
    audio = serializers.SerializerMethodField(
        help_text="The guide read aloud, or null while it is being recorded."
    )

    def get_poster_url(self, guide: GuidePage) -> str:
        return poster_path("guide", guide.slug, request_language(self))

    @extend_schema_field(AudioSerializer(allow_null=True))
    def get_audio(self, guide: GuidePage) -> dict[str, str] | None:
        audio = audio_for(guide, request_language(self))
        if audio is None:
            return None
        data = audio.as_dict()
        data["url"] = absolute_url(self, data["url"])
        return data
