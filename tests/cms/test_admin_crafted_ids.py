"""A row id posted to an admin form is a row id or a refusal, never a server error.

``"²".isdigit()`` is true but ``int("²")`` fails, and ``int()`` refuses more
than 4 300 digits: the buddy suggestions page read its posted ids that way
(issue #21, point 4, the survey answers' bug in an admin form).
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from cms.models import BuddyMatch
from tests.cms.test_permission_matrix import own_buddy_pair


@pytest.mark.parametrize("crafted", ["²", "¹", "٣", "9" * 5000, "-1", ""])
def test_a_crafted_id_is_refused_and_matches_nobody(client, login_as, crafted):
    request, offer = own_buddy_pair()
    login_as("editor_own")
    answer = client.post(reverse("cms_buddy_suggestions"), {"request": crafted, "offer": offer.pk})
    assert answer.status_code in (302, 403), answer.status_code
    assert not BuddyMatch.objects.exists()


def test_the_real_ids_still_match(client, login_as):
    request, offer = own_buddy_pair()
    login_as("editor_own")
    answer = client.post(
        reverse("cms_buddy_suggestions"), {"request": request.pk, "offer": offer.pk}
    )
    assert answer.status_code == 302, answer.status_code
    assert BuddyMatch.objects.filter(request=request, offer=offer).exists()
