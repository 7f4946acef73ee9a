"""Building blocks of every serializer: translated texts and the language they are in.

Texts come from ``cms.translation.fallback`` (the one fallback rule); serializers only
pick which field is an object's main text. Everything read here is a column
of the row itself or of a prefetched relation: no serializer runs a query.
"""

from __future__ import annotations

from typing import Any, ClassVar

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cms.site_address import absolute_url as site_absolute_url
from cms.translation.fallback import TranslatedText, object_language, translated_value

LANGUAGE_FIELDS = ("language", "translated", "fallback_language")


def request_language(serializer: serializers.Field) -> str:
    return serializer.context["language"]


def absolute_url(serializer: serializers.Field, path: str) -> str:
    """Media files are linked absolutely (partner sites live on other domains), on our site's
    configured address, never on the host and port a request named (``cms.site_address``)."""
    request = serializer.context.get("request")
    return site_absolute_url(request, path) if request is not None else path


def image_url(serializer: serializers.Field, image: Any) -> str | None:
    return absolute_url(serializer, image.file.url) if image is not None else None


@extend_schema_field(OpenApiTypes.STR)
class TranslatedField(serializers.Field):
    """A translated text in the request's language, or its fallback ("" when none exists)."""

    def __init__(self, field: str | None = None, **kwargs):
        self.translated_field = field
        super().__init__(source="*", read_only=True, **kwargs)

    def bind(self, field_name: str, parent: serializers.Field) -> None:
        super().bind(field_name, parent)
        self.translated_field = self.translated_field or field_name

    def to_representation(self, instance: Any) -> str:
        return translated_value(instance, self.translated_field, request_language(self)).text or ""


class TranslatedObjectSerializer(serializers.Serializer):
    """Adds ``language``, ``translated`` and ``fallback_language`` for the object's texts.

    They describe ``main_text_field`` (see ``cms.translation.fallback.object_language``);
    other texts of the object follow the same fallback chain on their own.
    """

    main_text_field: ClassVar[str] = "title"

    language = serializers.SerializerMethodField(
        help_text="The language the texts are in: the requested one, or its fallback."
    )
    translated = serializers.SerializerMethodField(
        help_text="False when the texts are not in the requested language."
    )
    fallback_language = serializers.SerializerMethodField(
        help_text="The language shown instead of the requested one, or null."
    )

    def get_fields(self) -> dict[str, serializers.Field]:
        # Declared on the base class, they would come first; they read best last.
        fields = super().get_fields()
        for name in LANGUAGE_FIELDS:
            fields[name] = fields.pop(name)
        return fields

    def _shown(self, obj: Any) -> TranslatedText:
        return object_language(obj, (self.main_text_field,), request_language(self))

    def get_language(self, obj: Any) -> str:
        return self._shown(obj).language

    def get_translated(self, obj: Any) -> bool:
        return self._shown(obj).translated

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_fallback_language(self, obj: Any) -> str | None:
        return self._shown(obj).fallback_language


class PartnerRefSerializer(serializers.Serializer):
    """A partner named from another object; names are not translated."""

    slug = serializers.SlugField()
    name = serializers.CharField()
