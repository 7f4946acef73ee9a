"""GET policy-plan."""

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from public import policy

from ..schema import responses
from ..serializers.policy import PolicyPlanSerializer
from .base import MunicipalApiMixin


class PolicyPlanView(MunicipalApiMixin, GenericAPIView):
    serializer_class = PolicyPlanSerializer

    @extend_schema(
        summary="The policy plan: building blocks, their actions and progress",
        responses=responses(PolicyPlanSerializer, 404),
        tags=["policy plan"],
    )
    def get(self, request):
        plan = policy.published_plan(self.municipality)
        if plan is None:
            raise Http404
        context = {
            **self.get_serializer_context(),
            "building_blocks": policy.plan_blocks_with_actions(plan),
        }
        return Response(PolicyPlanSerializer(plan, context=context).data)
