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
from cms.translation.fallback import (
    TranslatedText,
    fallback_chain,
    object_language,
    translated_value,
)
from cms.translation.provenance import (
    MachineKeys,
    machine_translated,
    unreviewed_machine_keys,
)

LANGUAGE_FIELDS = ("language", "translated", "fallback_language", "machine_translated")
# Where one API answer keeps the unreviewed machine texts it looked up (one query).
_MACHINE_KEYS = "_unreviewed_machine_keys"


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
    # Texts shown outside a TranslatedField (e.g. inside a nested object).
    extra_text_fields: ClassVar[tuple[str, ...]] = ()

    language = serializers.SerializerMethodField(
        help_text="The language the texts are in: the requested one, or its fallback."
    )
    translated = serializers.SerializerMethodField(
        help_text="False when the texts are not in the requested language."
    )
    fallback_language = serializers.SerializerMethodField(
        help_text="The language shown instead of the requested one, or null."
    )
    machine_translated = serializers.SerializerMethodField(
        help_text="True when any text of it shown in `language` is machine output that no "
        'person has reviewed (show it with an "automatically translated" label).'
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

    def _text_fields(self) -> tuple[str, ...]:
        # Only the texts this serializer shows: a list loads no other columns.
        if not hasattr(self, "_shown_text_fields"):
            shown = [
                field.translated_field
                for field in self.fields.values()
                if getattr(field, "translated_field", None)
            ]
            self._shown_text_fields = (*shown, *self.extra_text_fields)
        return self._shown_text_fields

    def _machine_keys(self) -> MachineKeys:
        # Shared by every object of the answer, nested ones too: one query per answer.
        context = self.context
        if _MACHINE_KEYS not in context:
            context[_MACHINE_KEYS] = unreviewed_machine_keys(fallback_chain(request_language(self)))
        return context[_MACHINE_KEYS]

    def get_machine_translated(self, obj: Any) -> bool:
        return machine_translated(
            obj, request_language(self), self._machine_keys(), self._text_fields()
        )


class PartnerRefSerializer(serializers.Serializer):
    """A partner named from another object; names are not translated."""

    slug = serializers.SlugField()
    name = serializers.CharField()
