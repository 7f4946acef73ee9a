"""The error shape, for the OpenAPI schema (``api.errors`` builds the data)."""

from rest_framework import serializers


class ErrorDetailSerializer(serializers.Serializer):
    code = serializers.CharField(
        help_text="Machine-readable, e.g. invalid_parameter, unsupported_language, not_found."
    )
    message = serializers.CharField(help_text="What went wrong, in English.")
    field = serializers.CharField(
        allow_null=True, help_text="The query parameter at fault, or null."
    )


class ErrorSerializer(serializers.Serializer):
    error = ErrorDetailSerializer()
