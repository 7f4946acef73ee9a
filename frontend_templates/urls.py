"""The site's own views, inside the language prefix (hub.urls); Wagtail serves the rest.

Section names are those of ``cms.public_urls``, so links from the API and the
search index land here.
"""

from django.urls import path

from cms.public_urls import SECTION_PATHS

from .views.calendar import activity_calendar
from .views.contact_point import ask, sent
from .views.feedback import give, thanks
from .views.partners import partner_detail, partner_list
from .views.search import search_page
from .views.surveys import survey_list, survey_page, survey_thanks

urlpatterns = [
    path("zoeken/", search_page, name="search"),
    path("vraag/", ask, name="ask"),
    path("vraag/verstuurd/", sent, name="question-sent"),
    path("duidelijk/", give, name="feedback"),
    path("duidelijk/bedankt/", thanks, name="feedback-thanks"),
    path(f"{SECTION_PATHS['partner']}/", partner_list, name="partners"),
    path(f"{SECTION_PATHS['partner']}/<slug:slug>/", partner_detail, name="partner"),
    path(
        f"{SECTION_PATHS['activity']}/<slug:slug>.ics",
        activity_calendar,
        name="activity-calendar",
    ),
    path(f"{SECTION_PATHS['survey']}/", survey_list, name="surveys"),
    path(f"{SECTION_PATHS['survey']}/<slug:slug>/", survey_page, name="survey"),
    path(f"{SECTION_PATHS['survey']}/<slug:slug>/bedankt/", survey_thanks, name="survey-thanks"),
]
