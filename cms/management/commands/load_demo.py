import os
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from cms.contact_point.routing import route_unrouted
from cms.demo.glossary import load_demo_glossary
from cms.demo.surveys import load_demo_surveys
from cms.demo.taking_part import load_demo_taking_part
from cms.importing import ImportFailed, import_file
from cms.models import Municipality

DEMO_FILE = Path(__file__).resolve().parents[2] / "demo" / "demo_content.json"
# Who answers the contact point's questions in the demo. Work questions go to
# welfare work, not to an employer: many migrants depend on theirs for work
# and housing. "other" stays with the coordinators.
DEMO_QUESTION_ROUTING = {
    "work": "welzijn-neder-betuwe",
    "housing": "gemeente-neder-betuwe",
    "health": "ggd-gelderland-zuid",
    "language": "taalschool-rivierenland",
    "school": "gemeente-neder-betuwe",
}
# Tiel, the demo's second municipality, routes its own questions.
DEMO_QUESTION_ROUTING_TIEL = {
    "work": "gemeente-tiel",
    "housing": "gemeente-tiel",
    "health": "ggd-gelderland-zuid",
    "language": "taalschool-rivierenland",
    "school": "gemeente-tiel",
}


class Command(BaseCommand):
    help = "Load the demo municipality (through import_content) and a demo coordinator login."

    def handle(self, *args, **options):
        try:
            report = import_file(DEMO_FILE)
        except ImportFailed as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Demo content: {report.summary()}")
        self.stdout.write(f"Demo surveys: {load_demo_surveys()} created")
        self.stdout.write(f"Demo glossary: {load_demo_glossary()} terms created")
        self.stdout.write(f"Demo sign-ups and language buddies: {load_demo_taking_part()} created")
        for slug, routing in (
            ("neder-betuwe", DEMO_QUESTION_ROUTING),
            ("tiel", DEMO_QUESTION_ROUTING_TIEL),
        ):
            municipality = Municipality.objects.filter(slug=slug).first()
            routed = route_unrouted(routing, municipality.pk if municipality else None)
            if routed:
                self.stdout.write(f"Questions routed to partners for: {', '.join(routed)}")

        username = os.environ.get("DEMO_ADMIN_USER", "coordinator")
        password = os.environ.get("DEMO_ADMIN_PASSWORD", "wegwijs-demo-2026")
        user, created = get_user_model().objects.get_or_create(
            username=username, defaults={"email": "coordinator@example.org"}
        )
        if created:
            # The demo login is printed on the console: it only exists on a
            # developer's machine, never in production data.
            user.is_staff = user.is_superuser = True
            user.set_password(password)
            user.save()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo admin: http://127.0.0.1:8000/admin/  user '{username}'"
                + (
                    f"  password '{password}'"
                    if created
                    else "  (existing account, password unchanged)"
                )
            )
        )
