"""Invitations reach only the person who controls the address (issue #21, point 1).

An invitation is a one-use, expiring link mailed to the address; the role is
given when that link is used: a new account for the address, or the existing
account of the address after its owner logged in and accepted. An e-mail
change on the account page waits for a link opened from the new address.
"""

from __future__ import annotations

import re
from datetime import timedelta
from io import StringIO
from urllib.parse import urlsplit

from django.contrib.auth.models import User
from django.core import mail
from django.core.management import call_command
from django.db.models.fields.files import FieldFile
from django.urls import reverse
from django.utils import timezone, translation

from cms.accounts.invitations import invite_member, send_invitation
from cms.accounts.models import EmailChange, Invitation
from cms.accounts.tokens import token_hash
from cms.contact_point.intake import receive_question
from cms.contact_point.routing import set_responsible
from cms.models import Partner
from cms.permissions.roles import is_coordinator, partner_roles
from tests.cms.conftest import PASSWORD, make_member

LINK = re.compile(r"https?://\S+/admin/(?:invitation|email-change)/[\w-]+/")


def link_in(message) -> str:
    (url,) = LINK.findall(message.body)
    return urlsplit(url).path


def ggd() -> Partner:
    return Partner.objects.get(slug="ggd")


def account_form_data(client) -> dict:
    """The account page's forms as the browser would send them back unchanged."""
    page = client.get(reverse("wagtailadmin_account"))
    data = {}
    for panels in page.context["panels_by_tab"].values():
        for panel in panels:
            form = panel.get_form()
            for field in form:
                value = field.value()
                if value is None or value is False or isinstance(value, FieldFile):
                    continue  # unset, unchecked, or a file (the avatar)
                data[field.html_name] = "on" if value is True else value
    # Wagtail asks for a name; the test accounts have none.
    data.update({"name_email-first_name": "Test", "name_email-last_name": "Account"})
    return data


def coordinator_invites(client, email: str, role: str = "editor", **extra) -> None:
    client.force_login(make_member("coordinator"))
    response = client.post(
        reverse("cms_partner_members", args=[ggd().pk]), {"email": email, "role": role, **extra}
    )
    assert response.status_code == 302
    client.logout()


def test_takeover_through_an_unconfirmed_email_change_fails(client, coalition):
    """The issue's scenario: a club's editor sets the address the GGD is about to invite."""
    set_responsible("health", ggd())
    question = receive_question(
        {"language": "pl", "topic": "health", "text": "Czy mogę iść do lekarza bez ubezpieczenia?"}
    )
    club_editor = make_member("editor", "vv-ochten")
    client.force_login(club_editor)
    data = account_form_data(client)
    data["email_change-new_email"] = "nieuw@ggd.example"
    data["name_email-email"] = "nieuw@ggd.example"  # Wagtail's own field: must be ignored
    assert client.post(reverse("wagtailadmin_account"), data).status_code == 302
    club_editor.refresh_from_db()
    assert club_editor.email == "editor-vv-ochten@example.org"  # not before confirmation
    mail.outbox.clear()

    coordinator_invites(client, "nieuw@ggd.example")

    club_editor.refresh_from_db()
    assert partner_roles(club_editor) == {Partner.objects.get(slug="vv-ochten").pk: {"editor"}}
    client.force_login(club_editor)
    refused = client.get(reverse("questions:edit", args=[question.pk]))
    assert refused.status_code in (302, 403, 404)
    assert "lekarza" not in refused.content.decode()
    (invitation_mail,) = mail.outbox
    assert invitation_mail.to == ["nieuw@ggd.example"]  # the link went to the address only


def test_a_new_person_creates_their_account_through_the_link(client, coalition):
    coordinator_invites(client, "nieuw@ggd.example")
    (message,) = mail.outbox
    url = link_in(message)
    assert not User.objects.filter(email="nieuw@ggd.example").exists()  # nothing before the link

    opened = client.get(url)
    assert opened.status_code == 200 and opened.context["state"] == "create"
    assert client.get(url).status_code == 200  # opening (a mail scanner, too) uses nothing up
    weak = client.post(url, {"new_password1": "kort", "new_password2": "kort"})
    assert weak.status_code == 400 and weak.context["form"].errors
    assert not User.objects.filter(email="nieuw@ggd.example").exists()

    done = client.post(
        url, {"first_name": "Nieuw", "new_password1": PASSWORD, "new_password2": PASSWORD}
    )

    assert done.status_code == 302
    user = User.objects.get(email="nieuw@ggd.example")
    assert user.check_password(PASSWORD) and user.first_name == "Nieuw"
    assert partner_roles(user) == {ggd().pk: {"editor"}}
    assert client.get(reverse("wagtailadmin_home")).status_code == 200  # logged in
    client.logout()
    assert client.get(url).status_code == 410  # one use
    again = client.post(url, {"new_password1": PASSWORD + "x", "new_password2": PASSWORD + "x"})
    assert again.status_code == 410
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_an_existing_account_gets_the_role_only_after_its_owner_logs_in_and_accepts(
    client, coalition
):
    owner = make_member("contributor", "vv-ochten", email="an@example.org")
    coordinator_invites(client, "An@Example.org")
    url = link_in(mail.outbox[-1])
    assert partner_roles(owner) == {Partner.objects.get(slug="vv-ochten").pk: {"contributor"}}

    anonymous = client.get(url)
    assert anonymous.context["state"] == "log_in"
    assert reverse("wagtailadmin_login") in anonymous.content.decode()
    assert client.post(url).status_code == 403

    someone_else = make_member("editor", "vv-ochten")
    client.force_login(someone_else)
    assert client.get(url).context["state"] == "other_account"
    assert client.post(url).status_code == 403
    assert partner_roles(User.objects.get(pk=someone_else.pk)) == {
        Partner.objects.get(slug="vv-ochten").pk: {"editor"}
    }

    client.force_login(owner)
    assert client.get(url).context["state"] == "confirm"
    assert client.post(url).status_code == 302

    roles = partner_roles(User.objects.get(pk=owner.pk))
    assert roles == {
        Partner.objects.get(slug="vv-ochten").pk: {"contributor"},
        ggd().pk: {"editor"},
    }
    assert client.post(url).status_code == 410


def test_a_disabled_account_is_never_enabled_by_an_invitation(client, coalition):
    former = make_member("editor", "vv-ochten", email="oud@example.org")
    former.is_active = False
    former.save()
    coordinator_invites(client, "oud@example.org", role="editor")
    url = link_in(mail.outbox[-1])

    assert client.get(url).context["state"] == "disabled"
    assert client.post(url, {"new_password1": PASSWORD, "new_password2": PASSWORD}).status_code
    former.refresh_from_db()
    assert not former.is_active
    assert ggd().pk not in partner_roles(former)
    assert User.objects.filter(email__iexact="oud@example.org").count() == 1


def test_an_expired_link_does_nothing(client, coalition):
    coordinator_invites(client, "laat@ggd.example")
    url = link_in(mail.outbox[-1])
    Invitation.objects.update(expires_at=timezone.now() - timedelta(seconds=1))

    assert client.get(url).status_code == 410
    assert client.post(url, {"new_password1": PASSWORD, "new_password2": PASSWORD}).status_code
    assert not User.objects.filter(email="laat@ggd.example").exists()


def test_only_the_hash_of_the_token_is_stored(coalition):
    sent = invite_member("nieuw@ggd.example", "editor", ggd())
    token = sent.url.rstrip("/").rsplit("/", 1)[1]
    stored = Invitation.objects.values_list("token_hash", flat=True).get()
    assert stored == token_hash(token) and token not in stored


def test_a_coordinator_role_also_needs_the_link(client, coalition):
    editor = make_member("editor", "vv-ochten", email="wordt@gemeente.example")
    sent = invite_member("wordt@gemeente.example", "coordinator")
    assert not is_coordinator(User.objects.get(pk=editor.pk))
    client.force_login(editor)
    client.post(urlsplit(sent.url).path)
    assert is_coordinator(User.objects.get(pk=editor.pk))


def test_the_invitation_speaks_the_chosen_language(coalition):
    send_invitation(invite_member("nowa@ggd.example", "editor", ggd(), language="pl"))
    (message,) = mail.outbox
    subject = "You are invited as %(role)s for %(where)s on %(site)s"
    with translation.override("pl"):
        values = {"role": translation.gettext("editor"), "where": ggd().name, "site": "Wegwijs"}
        polish = translation.gettext(subject) % values
    assert polish != subject % values
    assert message.subject == polish


def test_an_email_change_waits_for_the_new_address(client, coalition):
    user = make_member("editor", "ggd")
    client.force_login(user)
    data = account_form_data(client)
    data["email_change-new_email"] = "nieuw-adres@example.org"
    client.post(reverse("wagtailadmin_account"), data)
    user.refresh_from_db()
    assert user.email == "editor-ggd@example.org"
    (message,) = mail.outbox
    assert message.to == ["nieuw-adres@example.org"]
    url = link_in(message)

    client.force_login(make_member("editor", "vv-ochten"))
    assert client.get(url).status_code == 410  # another account cannot use the link
    assert client.post(url).status_code == 410

    client.force_login(user)
    assert client.get(url).status_code == 200
    user.refresh_from_db()
    assert user.email == "editor-ggd@example.org"  # opening is not confirming
    assert client.post(url).status_code == 302
    user.refresh_from_db()
    assert user.email == "nieuw-adres@example.org"
    assert mail.outbox[-1].to == ["editor-ggd@example.org"]  # the old address is told
    assert client.post(url).status_code == 410  # one use
    assert not EmailChange.objects.exists()


def test_an_email_change_to_an_address_in_use_is_refused(client, coalition):
    make_member("editor", "vv-ochten")
    user = make_member("editor", "ggd")
    client.force_login(user)
    data = account_form_data(client)
    data["email_change-new_email"] = "editor-vv-ochten@example.org"
    response = client.post(reverse("wagtailadmin_account"), data)
    assert response.status_code == 200
    assert "Een ander account gebruikt dit adres." in response.content.decode()
    assert not EmailChange.objects.exists() and not mail.outbox


def test_purge_deletes_used_and_expired_links_and_keeps_the_rest(coalition):
    now = timezone.now()
    make_member("editor", "ggd")  # a used invitation
    invite_member("verlopen@example.org", "editor", ggd())
    Invitation.objects.filter(email="verlopen@example.org").update(expires_at=now)
    invite_member("geldig@example.org", "editor", ggd())
    out = StringIO()

    call_command("purge_account_links", stdout=out)

    assert list(Invitation.objects.values_list("email", flat=True)) == ["geldig@example.org"]
    assert "Invitations deleted: 2" in out.getvalue()
