"""A Polish phone scans the poster's QR code and answers the demo survey, in a real Chromium.

The live server runs with the demo survey (``cms.demo.surveys``). The minimum
fill time is set to zero here so the test need not wait; it is tested on its
own in test_survey_form.py and tests/api/test_surveys_responses.py.
"""

from __future__ import annotations

import pytest

from cms.demo.surveys import load_demo_surveys
from cms.models import SurveyAnswer, SurveyResponse

from .browser import PHONE, assert_accessible, watch_csp
from .test_browser_journeys import chromium, migrated_state_afterwards  # noqa: F401


@pytest.fixture
def survey_site(live_server, django_db_serialized_rollback, settings):
    settings.FORM_MIN_FILL_SECONDS = 0
    load_demo_surveys()
    return live_server.url


def test_a_polish_phone_answers_the_survey_from_the_poster(survey_site, chromium):  # noqa: F811
    # axe-core is injected as an inline script, which the site's CSP rightly refuses.
    # Under the site's own CSP: assert_accessible also fails on a blocked script or style.
    context = watch_csp(chromium.new_context(locale="pl-PL", **PHONE))
    page = context.new_page()

    # The QR code's address, without a language: the phone's own is chosen.
    page.goto(f"{survey_site}/s/wat-nodig")
    assert page.url == f"{survey_site}/pl/enquete/wat-nodig/"
    assert page.locator("h1").inner_text() == "Czego potrzebujesz?"
    assert page.locator("html").get_attribute("lang") == "pl"
    assert_accessible(page)

    page.get_by_label("Od roku do 3 lat").check()
    page.get_by_label("Praca i umowy").check()
    page.get_by_label("Mieszkanie").check()
    scale = page.get_by_role("group", name="Jak bardzo jesteś zadowolony ze swojego mieszkania?")
    scale.get_by_label("2", exact=True).check()
    page.get_by_role("textbox", name="Co ułatwiłoby Ci życie tutaj?").fill("Kurs wieczorem")
    page.get_by_label("Gdzie mieszkasz? (nieobowiązkowe)").select_option(label="Ochten")
    page.get_by_role("button", name="Wyślij odpowiedzi").click()

    assert page.url == f"{survey_site}/pl/enquete/wat-nodig/bedankt/"
    assert page.locator("h1").inner_text() == "Dziękujemy!"
    assert_accessible(page)
    context.close()

    stored = SurveyResponse.objects.get()
    assert (stored.language, stored.village) == ("pl", "ochten")
    labels = set(
        SurveyAnswer.objects.exclude(option=None).values_list("option__label_pl", flat=True)
    )
    assert labels == {"Od roku do 3 lat", "Praca i umowy", "Mieszkanie"}
    assert SurveyAnswer.objects.get(scale__isnull=False).scale == 2
    assert SurveyAnswer.objects.exclude(text="").get().text == "Kurs wieczorem"
