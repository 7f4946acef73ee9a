"""The site's own views, inside the language prefix (hub.urls); Wagtail serves the rest.

Section names are those of ``cms.public_urls``, so links from the API and the
search index land here.
"""

from django.urls import path

from cms.public_urls import SECTION_PATHS

from .views.calendar import activity_calendar
from .views.partners import partner_detail, partner_list
from .views.search import search

urlpatterns = [
    path("zoeken/", search, name="search"),
    path(f"{SECTION_PATHS['partner']}/", partner_list, name="partners"),
    path(f"{SECTION_PATHS['partner']}/<slug:slug>/", partner_detail, name="partner"),
    path(
        f"{SECTION_PATHS['activity']}/<slug:slug>.ics",
        activity_calendar,
        name="activity-calendar",
    ),
]
