""" "Was this clear?" for the people who write: per page and language for its editors, totals
for the coordinator, and the free texts erased after their retention."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from cms.models import GuidePage, PageFeedback

from .conftest import make_member


@pytest.fixture
def answered(coalition):
    guide = GuidePage.objects.get(slug="huisarts")
    today = timezone.localdate()
    for language, clear, reason, text, days_ago in [
        ("bg", False, "translation", "Не разбирам думата huisarts.", 1),
        ("bg", False, "translation", "", 2),
        ("bg", True, "", "", 3),
        ("pl", False, "outdated", "Stary numer telefonu.", 200),
    ]:
        PageFeedback.objects.create(
            page=guide,
            language=language,
            clear=clear,
            reason=reason,
            text=text,
            given_on=today - timedelta(days=days_ago),
        )
    return guide


def test_editors_see_their_pages_answers_per_language_with_the_texts(client, answered):
    client.force_login(make_member("editor", "ggd"))
    html = client.get(reverse("wagtailadmin_pages:edit", args=[answered.pk])).content.decode()
    row = html[html.index('data-feedback-language="bg"') :].split("</tr>")[0]
    assert "<td>1</td><td>2</td><td>2</td>" in row  # clear, not clear, of which translation
    assert "Не разбирам думата huisarts." in html


def test_only_the_coordinator_sees_the_totals(client, answered):
    client.force_login(make_member("editor", "ggd"))
    refused = client.get(reverse("cms_feedback_totals"))  # Wagtail sends them home
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")
    client.force_login(make_member("coordinator"))
    html = client.get(reverse("cms_feedback_totals")).content.decode()
    assert 'data-feedback-language="bg"' in html and 'data-feedback-language="pl"' in html
    assert answered.title in html  # among the least clear pages


def test_free_texts_are_erased_after_their_retention_and_the_counts_stay(answered, settings):
    settings.FEEDBACK_TEXT_RETENTION_DAYS = 90
    call_command("purge_feedback_text", stdout=StringIO())
    assert PageFeedback.objects.count() == 4
    assert PageFeedback.objects.get(language="pl").text == ""
    assert PageFeedback.objects.filter(language="bg").exclude(text="").count() == 1


def test_cron_erases_the_free_texts_every_day():
    """scripts/crontab is what the README tells a server to install."""
    crontab = (Path(settings.BASE_DIR) / "scripts" / "crontab").read_text()
    [job] = [line for line in crontab.splitlines() if "manage.py purge_feedback_text" in line]
    assert not job.startswith("#") and job.split()[2:5] == ["*", "*", "*"]


def test_translators_get_the_pages_readers_found_hard_to_understand(
    answered, django_assert_num_queries
):
    from cms.feedback.for_translators import unclear_translations

    with django_assert_num_queries(1):
        bulgarian = unclear_translations("bg")
    assert [(item.page_id, item.reports) for item in bulgarian] == [(answered.pk, 2)]
    assert bulgarian[0].last_reported == timezone.localdate() - timedelta(days=1)
    # Polish readers said "out of date", which is the author's, not the translators'.
    assert unclear_translations("pl") == []
