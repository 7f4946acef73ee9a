"""The API index, for the OpenAPI schema (``api.views.index`` builds the data)."""

from rest_framework import serializers


class ApiIndexSerializer(serializers.Serializer):
    endpoints = serializers.DictField(
        child=serializers.URLField(),
        help_text="Every endpoint without a path parameter, by name: its absolute address. "
        "Detail addresses (`activities/{slug}`...) are in the schema.",
    )
    schema = serializers.URLField(help_text="The OpenAPI 3 schema of this API.")
    docs = serializers.URLField(help_text="The same schema as a readable page (Swagger UI).")
