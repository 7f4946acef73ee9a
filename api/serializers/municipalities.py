"""The municipalities of the region: where each site is, its villages and languages."""

from rest_framework import serializers


class VillageSerializer(serializers.Serializer):
    name = serializers.CharField()
    lat = serializers.FloatField()
    lon = serializers.FloatField()


class MunicipalitySerializer(serializers.Serializer):
    slug = serializers.SlugField(help_text="Send it as `?municipality=` to any list.")
    name = serializers.CharField()
    url = serializers.URLField(help_text="The municipality's own site.")
    villages = VillageSerializer(many=True)
    languages = serializers.ListField(
        child=serializers.CharField(),
        help_text="Language codes, in the order the site offers them.",
    )
