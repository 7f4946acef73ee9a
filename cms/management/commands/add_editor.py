from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from cms.accounts.invitations import COORDINATOR, invite_member, send_invitation
from cms.models import Partner, PartnerRole

ROLES = [*PartnerRole.values, COORDINATOR]


class Command(BaseCommand):
    help = (
        "Invite someone to a role: editor or contributor of a partner, or coordinator. Prints "
        "the one-time link that creates their account (or adds the role to their existing "
        "account once they log in and accept); nothing changes before it is used."
    )

    def add_arguments(self, parser):
        parser.add_argument("--email", required=True)
        parser.add_argument("--role", choices=ROLES, default=PartnerRole.EDITOR)
        parser.add_argument("--partner", help="partner slug (not for coordinators)")
        parser.add_argument(
            "--language",
            choices=[code for code, _ in settings.LANGUAGES],
            default=settings.LANGUAGE_CODE,
            help="language of the invitation e-mail and page",
        )
        parser.add_argument(
            "--send-email", action="store_true", help="also e-mail the invitation to the person"
        )

    def handle(self, *args, **options):
        role = options["role"]
        partner = None
        if role != COORDINATOR:
            if not options["partner"]:
                raise CommandError(f"--partner is required for the role {role}.")
            partner = Partner.objects.filter(slug=options["partner"]).first()
            if partner is None:
                raise CommandError(f"Unknown partner '{options['partner']}'.")
        elif options["partner"]:
            raise CommandError("A coordinator works for the whole platform: leave out --partner.")
        try:
            sent = invite_member(options["email"], role, partner, language=options["language"])
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        where = f" of {partner.slug}" if partner else ""
        self.stdout.write(self.style.SUCCESS(f"Invited {options['email']}: {role}{where}."))
        self.stdout.write(f"Invitation link (one use, give it to that person only): {sent.url}")
        if options["send_email"]:
            send_invitation(sent)
            self.stdout.write(f"Invitation e-mailed to {options['email']}.")
