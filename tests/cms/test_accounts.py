"""Accounts: strong passwords, a lockout after repeated failed logins, two-factor logins."""

import time

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.cms.conftest import make_member

PASSWORD = "a-long-enough-password-123"


def code(device: TOTPDevice, steps_ahead: int = 0) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def wait_out_throttle(device: TOTPDevice) -> None:
    """A wrong code makes the next try wait a moment; let that moment pass."""
    device.refresh_from_db()
    device.throttle_reset()


def log_in(client, username: str, password: str = PASSWORD):
    return client.post(reverse("wagtailadmin_login"), {"username": username, "password": password})


@pytest.mark.parametrize("weak", ["kort-maar", "123456789012345", "password12345"])
def test_weak_passwords_are_refused(weak, db):
    with pytest.raises(ValidationError):
        validate_password(weak)


def test_a_long_unusual_password_is_accepted(db):
    validate_password("fiets-tulp-dijk-Ochten-7")


def test_login_is_locked_after_repeated_failures(client, coalition, settings):
    editor = make_member("editor", "ggd")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in(client, editor.username, "wrong-password-!").status_code == 200
    assert log_in(client, editor.username, "wrong-password-!").status_code == 429

    locked = log_in(client, editor.username)  # the right password, too late

    assert locked.status_code == 429
    assert "Te veel inlogpogingen" in locked.content.decode()  # the site's language, Dutch
    assert client.get(reverse("wagtailadmin_home")).status_code == 302  # still logged out


def test_a_good_login_resets_the_failure_count(client, coalition, settings):
    editor = make_member("editor", "ggd")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        log_in(client, editor.username, "wrong-password-!")
    assert log_in(client, editor.username).status_code == 302
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        log_in(client, editor.username, "wrong-password-!")
    assert log_in(client, editor.username).status_code == 302


@override_settings(TWO_FACTOR_REQUIRED=True)
def test_coordinator_must_set_up_two_factor_before_using_the_admin(client, coalition):
    coordinator = make_member("coordinator")
    assert log_in(client, coordinator.username).status_code == 302

    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("cms_two_factor_setup"))
    pages = client.get(reverse("wagtailadmin_explore_root"))
    assert pages["Location"].startswith(reverse("cms_two_factor_setup"))

    setup = client.get(reverse("cms_two_factor_setup"))
    assert setup.status_code == 200
    assert "<svg" in setup.content.decode()
    device = TOTPDevice.objects.get(user=coordinator, confirmed=False)

    wrong = client.post(reverse("cms_two_factor_setup"), {"token": "000000"})
    assert wrong.status_code == 200 and wrong.context["form"].errors
    wait_out_throttle(device)
    right = client.post(reverse("cms_two_factor_setup"), {"token": code(device)})
    assert right.status_code == 302
    assert client.get(reverse("wagtailadmin_home")).status_code == 200

    # The next login asks for a code before the admin opens.
    client.logout()
    log_in(client, coordinator.username)
    response = client.get(reverse("wagtailadmin_home"))
    assert response["Location"].startswith(reverse("cms_two_factor_verify"))
    device.refresh_from_db()
    assert client.post(reverse("cms_two_factor_verify"), {"token": "000000"}).status_code == 200
    assert client.get(reverse("wagtailadmin_home")).status_code == 302
    wait_out_throttle(device)
    verified = client.post(reverse("cms_two_factor_verify"), {"token": code(device, 1)})
    assert verified.status_code == 302
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


@override_settings(TWO_FACTOR_REQUIRED=True)
def test_partner_editors_must_set_up_two_factor_too(client, coalition):
    editor = make_member("editor", "ggd")
    log_in(client, editor.username)
    response = client.get(reverse("wagtailadmin_home"))
    assert response["Location"].startswith(reverse("cms_two_factor_setup"))
    assert client.get("/admin/pages/").status_code == 302


@override_settings(TWO_FACTOR_REQUIRED=True)
def test_two_factor_is_optional_for_contributors_and_then_enforced(client, coalition):
    editor = make_member("contributor", "ggd")
    log_in(client, editor.username)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    account = client.get(reverse("wagtailadmin_account")).content.decode()
    assert reverse("cms_two_factor_setup") in account

    client.get(reverse("cms_two_factor_setup"))
    device = TOTPDevice.objects.get(user=editor)
    client.post(reverse("cms_two_factor_setup"), {"token": code(device)})

    client.logout()
    log_in(client, editor.username)
    assert client.get(reverse("wagtailadmin_home"))["Location"].startswith(
        reverse("cms_two_factor_verify")
    )


@override_settings(TWO_FACTOR_REQUIRED=True)
def test_wrong_codes_are_throttled(client, coalition):
    coordinator = make_member("coordinator")
    device = TOTPDevice.objects.create(user=coordinator, name="app", confirmed=True)
    log_in(client, coordinator.username)
    for _ in range(3):
        client.post(reverse("cms_two_factor_verify"), {"token": "000000"})

    response = client.post(reverse("cms_two_factor_verify"), {"token": code(device)})

    assert response.status_code == 200
    assert "Te veel verkeerde codes" in response.content.decode()  # the Dutch admin


BALANCER = "10.0.0.1"


def log_in_from(client, username: str, password: str, forwarded_for: str):
    """A login through the balancer at 10.0.0.1, which says who the visitor is."""
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password},
        REMOTE_ADDR=BALANCER,
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


def test_behind_a_trusted_balancer_each_visitor_is_locked_out_on_their_own(
    client, coalition, settings
):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.TRUSTED_PROXIES = [BALANCER]
    editor = make_member("editor", "ggd")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in_from(client, editor.username, "wrong-password-!", "203.0.113.5")
    assert log_in_from(client, editor.username, PASSWORD, "203.0.113.5").status_code == 429

    # The editor, at another address behind the same balancer, is not locked out.
    assert log_in_from(client, editor.username, PASSWORD, "198.51.100.7").status_code == 302


def test_without_a_trusted_proxy_a_forged_forwarded_for_does_not_dodge_the_lockout(
    client, coalition, settings
):
    settings.TRUSTED_PROXY_COUNT = 0
    editor = make_member("editor", "ggd")
    for n in range(settings.AXES_FAILURE_LIMIT):
        log_in_from(client, editor.username, "wrong-password-!", f"192.0.2.{n}")
    assert log_in_from(client, editor.username, PASSWORD, "192.0.2.200").status_code == 429


def test_with_one_trusted_proxy_only_the_address_it_appended_counts(client, coalition, settings):
    """A client's own X-Forwarded-For entries stand left of the balancer's: not believed."""
    settings.TRUSTED_PROXY_COUNT = 1
    settings.TRUSTED_PROXIES = [BALANCER]
    editor = make_member("editor", "ggd")
    for n in range(settings.AXES_FAILURE_LIMIT):
        log_in_from(client, editor.username, "wrong-password-!", f"192.0.2.{n}, 203.0.113.5")
    locked = log_in_from(client, editor.username, PASSWORD, "192.0.2.99, 203.0.113.5")
    assert locked.status_code == 429
