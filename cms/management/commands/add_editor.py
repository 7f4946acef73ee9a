from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from cms.accounts.invitations import COORDINATOR, invite_member, send_invitation
from cms.models import Partner, PartnerRole

ROLES = [*PartnerRole.values, COORDINATOR]


class Command(BaseCommand):
    help = (
        "Give someone a role: editor or contributor of a partner, or coordinator. Creates the "
        "account if needed and prints the link where a new account chooses its password."
    )

    def add_arguments(self, parser):
        parser.add_argument("--email", required=True)
        parser.add_argument("--role", choices=ROLES, default=PartnerRole.EDITOR)
        parser.add_argument("--partner", help="partner slug (not for coordinators)")
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")
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
            invitation = invite_member(
                options["email"],
                role,
                partner,
                first_name=options["first_name"],
                last_name=options["last_name"],
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        where = f" of {partner.slug}" if partner else ""
        verb = "Created" if invitation.created else "Updated"
        self.stdout.write(
            self.style.SUCCESS(f"{verb} {invitation.user.get_username()}: {role}{where}.")
        )
        if invitation.set_password_url:
            self.stdout.write(f"Set-password link (one use): {invitation.set_password_url}")
        if options["send_email"]:
            send_invitation(invitation, partner, role)
            self.stdout.write(f"Invitation e-mailed to {invitation.user.email}.")
