"""Partner profiles."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cms.models import Partner
from cms.public_urls import public_path

from .common import TranslatedField, TranslatedObjectSerializer, image_url, request_language


class PartnerLocationSerializer(serializers.Serializer):
    address = serializers.CharField(allow_null=True)
    lat = serializers.FloatField(allow_null=True)
    lon = serializers.FloatField(allow_null=True)


class PartnerSerializer(TranslatedObjectSerializer):
    main_text_field = "description"

    slug = serializers.SlugField()
    url = serializers.SerializerMethodField(help_text="The partner's page on the public site.")
    name = serializers.CharField()
    type = serializers.ChoiceField(choices=Partner.Type.values)
    description = TranslatedField()
    website = serializers.SerializerMethodField()
    email = serializers.SerializerMethodField()
    phone = serializers.SerializerMethodField()
    location = serializers.SerializerMethodField()
    languages_spoken = serializers.ListField(
        child=serializers.CharField(), help_text="Language codes the partner's staff speak."
    )
    logo = serializers.SerializerMethodField(help_text="Absolute URL of the logo, or null.")

    def get_url(self, partner: Partner) -> str:
        return public_path("partner", partner.slug, request_language(self))

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_website(self, partner: Partner) -> str | None:
        return partner.website or None

    @extend_schema_field(serializers.EmailField(allow_null=True))
    def get_email(self, partner: Partner) -> str | None:
        return partner.email or None

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_phone(self, partner: Partner) -> str | None:
        return partner.phone or None

    @extend_schema_field(PartnerLocationSerializer)
    def get_location(self, partner: Partner) -> dict:
        return {"address": partner.address or None, "lat": partner.lat, "lon": partner.lon}

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_logo(self, partner: Partner) -> str | None:
        return image_url(self, partner.logo)
