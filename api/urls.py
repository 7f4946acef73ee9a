"""The public REST API, version 1: read-only, all under /api/v1/ (see DESIGN.md)."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from .errors import not_found
from .prefix import API_VERSION
from .views.activities import ActivityCalendarView, ActivityDetailView, ActivityListView
from .views.buddies import BuddyOfferView, BuddyOverviewView, BuddyRequestView
from .views.contact_point import QuestionCreateView, QuestionFormView
from .views.feedback import FeedbackCreateView, FeedbackFormView
from .views.glossary import GlossaryView
from .views.guides import GuideDetailView, GuideListView
from .views.index import ApiIndexView
from .views.languages import LanguageListView
from .views.municipalities import MunicipalityListView
from .views.partners import PartnerDetailView, PartnerListView
from .views.policy import PolicyPlanView
from .views.search import SearchView, SuggestView
from .views.signups import SignupCreateView
from .views.surveys import SurveyDetailView, SurveyListView, SurveyResponseView
from .views.taxonomy import BuildingBlockListView, CategoryListView

v1 = [
    path("", ApiIndexView.as_view(), name="index"),
    path("languages", LanguageListView.as_view(), name="languages"),
    path("categories", CategoryListView.as_view(), name="categories"),
    path("building-blocks", BuildingBlockListView.as_view(), name="building-blocks"),
    path("municipalities", MunicipalityListView.as_view(), name="municipalities"),
    path("partners", PartnerListView.as_view(), name="partners"),
    path("partners/<slug:slug>", PartnerDetailView.as_view(), name="partner"),
    path("activities", ActivityListView.as_view(), name="activities"),
    path("activities.ics", ActivityCalendarView.as_view(), name="activities-ics"),
    path("activities/<slug:slug>", ActivityDetailView.as_view(), name="activity"),
    path("activities/<slug:slug>/signups", SignupCreateView.as_view(), name="activity-signups"),
    path("buddies", BuddyOverviewView.as_view(), name="buddies"),
    path("buddies/offers", BuddyOfferView.as_view(), name="buddy-offers"),
    path("buddies/requests", BuddyRequestView.as_view(), name="buddy-requests"),
    path("glossary", GlossaryView.as_view(), name="glossary"),
    path("guides", GuideListView.as_view(), name="guides"),
    path("guides/<slug:slug>", GuideDetailView.as_view(), name="guide"),
    path("feedback", FeedbackCreateView.as_view(), name="feedback"),
    path("feedback/form", FeedbackFormView.as_view(), name="feedback-form"),
    path("policy-plan", PolicyPlanView.as_view(), name="policy-plan"),
    path("questions", QuestionCreateView.as_view(), name="questions"),
    path("questions/form", QuestionFormView.as_view(), name="question-form"),
    path("search", SearchView.as_view(), name="search"),
    path("search/suggest", SuggestView.as_view(), name="search-suggest"),
    path("surveys", SurveyListView.as_view(), name="surveys"),
    path("surveys/<slug:slug>", SurveyDetailView.as_view(), name="survey"),
    path("surveys/<slug:slug>/responses", SurveyResponseView.as_view(), name="survey-responses"),
    path("schema", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves Swagger UI's start-up script from this address too,
    # not inline: the docs page runs under a CSP without inline scripts.
    path("docs", SpectacularSwaggerSplitView.as_view(url_name="api-v1:schema"), name="docs"),
]

urlpatterns = [
    path(API_VERSION, include((v1, "api-v1"))),
    # Last: anything else under /api/ is a JSON 404 (not the site's page or redirect).
    re_path(r"", not_found),
]
