"""The error shape, for the OpenAPI schema (``api.errors`` builds the data)."""

from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers


class ErrorDetailSerializer(serializers.Serializer):
    code = serializers.CharField(
        help_text="Machine-readable, e.g. invalid_parameter, unsupported_language, not_found."
    )
    message = serializers.CharField(help_text="What went wrong, in English.")
    field = serializers.CharField(
        allow_null=True, help_text="The query parameter at fault, or null."
    )


# "Error" would clash with the built-in of the languages clients are generated
# in (typescript-fetch renames it "ModelError"); "ApiError" is nobody's.
@extend_schema_serializer(component_name="ApiError")
class ErrorSerializer(serializers.Serializer):
    error = ErrorDetailSerializer()
