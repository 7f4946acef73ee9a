"""GET glossary."""

from drf_spectacular.utils import extend_schema
from rest_framework.generics import ListAPIView

from public.glossary import glossary_terms

from ..schema import responses
from ..serializers.glossary import GlossaryTermSerializer
from .base import PublicApiMixin


class GlossaryView(PublicApiMixin, ListAPIView):
    serializer_class = GlossaryTermSerializer
    pagination_class = None

    def get_queryset(self):
        return glossary_terms()

    @extend_schema(
        summary="The platform's terms (BSN, huisarts, zorgtoeslag, ...) with a plain explanation",
        responses=responses(GlossaryTermSerializer(many=True)),
        tags=["glossary"],
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)
