"""The platform's languages."""

from rest_framework import serializers


class LanguageSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="Use it as ?lang=.")
    name = serializers.CharField(help_text="Name in English.")
    native_name = serializers.CharField(help_text="Name in the language itself.")
    rtl = serializers.BooleanField(help_text="Written right to left.")
