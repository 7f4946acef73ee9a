"""Demo people for taking part: sign-ups for the language café and the mixed football team
(nearly full), and a buddy project with a few offers and requests.

Made up and reachable nowhere (example.org addresses, numbers in the 06-1234
range); loaded once: a list or project that already has people is left alone,
so running ``load_demo`` again changes nothing.
"""

from __future__ import annotations

from django.utils import timezone

from ..models import ActivityPage, BuddyOffer, BuddyProject, BuddyRequest, Partner
from ..taking_part.buddies import receive
from ..taking_part.capacity import SignupRequest, list_date, sign_up
from ..taking_part.models import Signup
from ..taking_part.openings import upcoming_dates

BUDDY_PROJECT_PARTNER = "taalmaatjes-betuwe"
# (activity, [(name, method, contact, language, people)])
SIGNUPS = {
    "taalcafe-ochten": [
        ("Ania", "email", "ania@example.org", "pl", 1),
        ("Ionela", "whatsapp", "+40712000001", "ro", 2),
        ("Petar", "phone", "+359880000001", "bg", 1),
    ],
    # Six open spots: five go, the sixth is the last.
    "gemengd-voetbalteam-vv-ochten": [
        ("Tomasz", "whatsapp", "+48600000001", "pl", 1),
        ("Mihai", "email", "mihai@example.org", "ro", 1),
        ("Jonas", "whatsapp", "+37060000001", "lt", 1),
        ("Kees", "phone", "+31612340001", "nl", 1),
        ("Olek", "email", "olek@example.org", "uk", 1),
    ],
}
OFFERS = [
    (
        "Henk",
        "email",
        "henk@example.org",
        "nl",
        ["nl", "en"],
        "ochten",
        ["evenings"],
        ["conversation", "village"],
    ),
    (
        "Marijke",
        "phone",
        "+31612340002",
        "nl",
        ["nl", "en"],
        "kesteren",
        ["daytime"],
        ["paperwork", "conversation"],
    ),
    (
        "Gerrit",
        "email",
        "gerrit@example.org",
        "nl",
        ["nl"],
        "dodewaard",
        ["weekends"],
        ["conversation"],
    ),
]
REQUESTS = [
    (
        "Kasia",
        "email",
        "kasia@example.org",
        "pl",
        ["pl", "en"],
        "ochten",
        ["evenings"],
        ["conversation"],
    ),
    ("Vasile", "whatsapp", "+40712000002", "ro", ["ro"], "kesteren", ["weekends"], ["paperwork"]),
    (
        "Daina",
        "email",
        "daina@example.org",
        "lv",
        ["lv", "en"],
        "opheusden",
        ["evenings"],
        ["conversation", "village"],
    ),
    (
        "Iryna",
        "whatsapp",
        "+380500000001",
        "uk",
        ["uk", "en"],
        "opheusden",
        ["daytime"],
        ["paperwork", "village"],
    ),
]


def _fields(row) -> dict:
    name, method, contact, language, languages, village, times, wishes = row
    return {
        "name": name,
        "contact_method": method,
        "contact_value": contact,
        "language": language,
        "languages": languages,
        "village": village,
        "times": times,
        "help": wishes,
    }


def load_demo_taking_part() -> int:
    """Create the demo sign-ups, buddy project, offers and requests; returns how many people."""
    made = 0
    now = timezone.now()
    for slug, people in SIGNUPS.items():
        activity = ActivityPage.objects.filter(slug=slug).first()
        if activity is None or Signup.objects.filter(signup_list__activity=activity).exists():
            continue
        days = upcoming_dates(activity, now, count=1)
        day = list_date(activity, days[0] if days else None)
        for name, method, contact, language, count in people:
            sign_up(activity, SignupRequest(name, method, contact, language, count, day))
            made += 1
    partner = Partner.objects.filter(slug=BUDDY_PROJECT_PARTNER).first()
    if partner is None:
        return made
    project, created = BuddyProject.objects.get_or_create(partner=partner)
    if not created:
        return made
    for rows, model in ((OFFERS, BuddyOffer), (REQUESTS, BuddyRequest)):
        for row in rows:
            receive(model(), _fields(row), now)
            made += 1
    return made
