"""The coordinator's survey admin: the survey editor, its results, the CSV and the QR codes.

Every view here asks ``may_see_survey`` (the survey's municipality's coordinators, or a
regional one); the snippet views get the same answer from ``MunicipalRowsPermissionPolicy``
and ``admin_views``, so a
partner's editor sees no "Surveys" menu and gets 403 on any survey address.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext, gettext_lazy
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.views.snippets import SnippetViewSet

from ..models import Survey
from ..yes_no_column import YesNoColumn
from .admin_views import (
    SurveyCopyView,
    SurveyDeleteView,
    SurveyEditView,
    SurveyHistoryView,
    SurveyIndexView,
    SurveyUsageView,
)
from .permissions import may_see_survey, may_see_surveys
from .qr import qr_png, qr_svg, survey_short_url
from .results import results_csv, survey_results


def _survey_for(request: HttpRequest, pk: int) -> Survey:
    if not may_see_surveys(request.user):
        raise PermissionDenied
    survey = get_object_or_404(Survey, pk=pk)
    if not may_see_survey(request.user, survey):
        raise PermissionDenied
    return survey


def survey_results_view(request: HttpRequest, pk: int) -> HttpResponse:
    survey = _survey_for(request, pk)
    return TemplateResponse(
        request,
        "cms/surveys/results.html",
        {
            "page_title": gettext("Results: %(survey)s") % {"survey": survey},
            "header_title": gettext("Results: %(survey)s") % {"survey": survey},
            "survey": survey,
            "results": survey_results(survey),
            "short_url": survey_short_url(survey.slug, survey.municipality_id),
            "retention_days": settings.SURVEY_RESPONSE_RETENTION_DAYS,
        },
    )


def survey_results_csv_view(request: HttpRequest, pk: int) -> HttpResponse:
    survey = _survey_for(request, pk)
    response = HttpResponse(
        results_csv(survey_results(survey)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="survey-{survey.slug}-results.csv"'
    return response


QR_FORMATS = {"png": ("image/png", qr_png), "svg": ("image/svg+xml", qr_svg)}


def survey_qr_view(request: HttpRequest, pk: int, image_format: str) -> HttpResponse:
    survey = _survey_for(request, pk)
    content_type, render = QR_FORMATS[image_format]
    address = survey_short_url(survey.slug, survey.municipality_id)
    response = HttpResponse(render(address), content_type=content_type)
    if "download" in request.GET:
        response["Content-Disposition"] = (
            f'attachment; filename="survey-{survey.slug}-qr.{image_format}"'
        )
    return response


def admin_urls() -> list:
    return [
        path("surveys/<int:pk>/results/", survey_results_view, name="cms_survey_results"),
        path(
            "surveys/<int:pk>/results.csv", survey_results_csv_view, name="cms_survey_results_csv"
        ),
        path(
            "surveys/<int:pk>/qr.png",
            survey_qr_view,
            {"image_format": "png"},
            name="cms_survey_qr_png",
        ),
        path(
            "surveys/<int:pk>/qr.svg",
            survey_qr_view,
            {"image_format": "svg"},
            name="cms_survey_qr_svg",
        ),
    ]


def listing_buttons(survey: Survey, user) -> list[ListingButton]:
    """ "Results" and "QR code" next to each survey in the listing (coordinators only)."""
    if not may_see_surveys(user):
        return []
    return [
        ListingButton(
            gettext_lazy("Results & QR code"),
            reverse("cms_survey_results", args=[survey.pk]),
            icon_name="table",
            priority=20,
        )
    ]


class SurveyViewSet(SnippetViewSet):
    """Surveys with their questions and options inline (``cms.surveys.models``)."""

    model = Survey
    icon = "list-ul"
    menu_label = gettext_lazy("Surveys")
    menu_order = 210
    add_to_admin_menu = True
    # An icon for open or closed, not the word "True".
    list_display = [
        "title",
        "slug",
        YesNoColumn("is_open", label=gettext_lazy("open")),
        "opens_at",
        "closes_at",
    ]
    list_filter = ["is_open"]
    search_fields = ["title", "slug"]
    index_view_class = SurveyIndexView
    edit_view_class = SurveyEditView
    copy_view_class = SurveyCopyView
    delete_view_class = SurveyDeleteView
    history_view_class = SurveyHistoryView
    usage_view_class = SurveyUsageView
