"""Asking a question in a real headless Chromium: the form, its mistakes and the thank-you
page pass axe-core, and the question arrives, routed."""

from __future__ import annotations

from django.core.cache import cache

from cms.contact_point.routing import set_responsible
from cms.models import Partner, Question
from tests import factories

from .browser import PHONE, assert_accessible, watch_csp
from .test_browser_journeys import (  # noqa: F401 (fixtures used here)
    chromium,
    migrated_state_afterwards,
)


def test_asking_a_question_in_polish(
    live_server,
    django_db_serialized_rollback,
    chromium,  # noqa: F811
    settings,
):
    # A person needs more than the minimum fill time; the test does not wait for it.
    settings.FORM_MIN_FILL_SECONDS = 0
    cache.clear()  # rate-limit counts that other live-server tests committed
    factories.load(partners=[factories.partner(slug="ggd", name="GGD Gelderland-Zuid", type="ggd")])
    set_responsible("health", Partner.objects.get(slug="ggd"))
    # Under the site's own CSP: assert_accessible also fails on a blocked script or style.
    context = watch_csp(chromium.new_context(locale="pl-PL", **PHONE))
    page = context.new_page()

    # From any page of the site (its own view: no home page needed in this database).
    page.goto(f"{live_server.url}/pl/partners/")
    page.get_by_role("navigation").get_by_role("link", name="Zadaj pytanie", exact=True).click()
    assert page.url.endswith("/pl/vraag/")
    assert_accessible(page)

    page.get_by_role("button", name="Wyślij pytanie").click()  # nothing filled in yet
    assert page.get_by_role("alert").inner_text() == "Sprawdź zaznaczone pola."
    assert_accessible(page)  # the form with its mistakes

    page.get_by_label("Zdrowie").check()
    page.get_by_label("Twoje pytanie", exact=True).fill(
        "Gdzie znajdę lekarza, który mówi po polsku?"
    )
    page.get_by_label("Jak możemy się z Tobą skontaktować? (opcjonalnie)").select_option("email")
    page.get_by_label("Twój adres e-mail lub numer telefonu").fill("ola@example.org")
    page.get_by_role("button", name="Wyślij pytanie").click()

    assert "/pl/vraag/verstuurd/" in page.url
    assert "GGD Gelderland-Zuid" in page.inner_text("main")
    assert_accessible(page)  # the thank-you page
    question = Question.objects.get()
    assert page.locator(".reference").inner_text() == question.reference
    assert (question.language, question.topic, question.routed_partner.slug) == (
        "pl",
        "health",
        "ggd",
    )
    assert question.contact_value == "ola@example.org"
    context.close()
    # The live server commits: leave no rate-limit counts for later tests from 127.0.0.1.
    cache.clear()
