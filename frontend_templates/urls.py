"""The site's own views, inside the language prefix (hub.urls); Wagtail serves the rest.

Section names are those of ``cms.public_urls``, so links from the API and the
search index land here.
"""

from django.urls import path

from cms.public_urls import SECTION_PATHS
from cms.taking_part.tokens import CANCEL_SECTION

from .views.accessibility import accessibility_statement
from .views.buddies import buddies_page, buddy_form, buddy_sent
from .views.calendar import activity_calendar
from .views.contact_point import ask, sent
from .views.feedback import give, thanks
from .views.glossary import glossary_page
from .views.offline import manifest, pages_to_keep
from .views.partners import partner_detail, partner_list
from .views.search import search_page
from .views.signups import cancel_signup, signup_done, signup_page
from .views.surveys import survey_list, survey_page, survey_thanks

urlpatterns = [
    path("zoeken/", search_page, name="search"),
    path("vraag/", ask, name="ask"),
    path("taalmaatje/", buddies_page, name="buddies"),
    path("taalmaatje/verstuurd/", buddy_sent, name="buddy-sent"),
    path("taalmaatje/<str:kind>/", buddy_form, name="buddy-form"),
    path("vraag/verstuurd/", sent, name="question-sent"),
    path("toegankelijkheid/", accessibility_statement, name="accessibility"),
    path("manifest.webmanifest", manifest, name="manifest"),
    path("offline/pages.json", pages_to_keep, name="offline-pages"),
    path("duidelijk/", give, name="feedback"),
    path("duidelijk/bedankt/", thanks, name="feedback-thanks"),
    path(f"{SECTION_PATHS['glossary']}/", glossary_page, name="glossary"),
    path(f"{SECTION_PATHS['partner']}/", partner_list, name="partners"),
    path(f"{SECTION_PATHS['partner']}/<slug:slug>/", partner_detail, name="partner"),
    path(
        f"{SECTION_PATHS['activity']}/<slug:slug>.ics",
        activity_calendar,
        name="activity-calendar",
    ),
    path(f"{SECTION_PATHS['activity']}/<slug:slug>/aanmelden/", signup_page, name="signup"),
    path(
        f"{SECTION_PATHS['activity']}/<slug:slug>/aanmelden/klaar/",
        signup_done,
        name="signup-done",
    ),
    path(f"{CANCEL_SECTION}/<str:token>/", cancel_signup, name="signup-cancel"),
    path(f"{SECTION_PATHS['survey']}/", survey_list, name="surveys"),
    path(f"{SECTION_PATHS['survey']}/<slug:slug>/", survey_page, name="survey"),
    path(f"{SECTION_PATHS['survey']}/<slug:slug>/bedankt/", survey_thanks, name="survey-thanks"),
]
