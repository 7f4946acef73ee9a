"""The response cache is never stale: every kind of change, once committed, is in the next GET.

Real commits (``transactional_db``): the content version moves in PostgreSQL at
commit time, which a test's rolled-back transaction never reaches. Each test
first sees a miss then a hit, so a change that did not move the version would
leave the hit in place and fail.
"""

from __future__ import annotations

import re
import time
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cms import next_occurrence
from cms.content_version import current_version, install_triggers
from cms.models import ActivityOccurrence, ActivityPage, Category, GlossaryTerm, Partner
from cms.translation.records import Origin, TranslationRecord
from public.guard.tokens import SpamRefused, check_submission
from tests import factories
from tests.api.conftest import days_ahead, iso, local
from tests.signup_helpers import body, post_signup, signup_activity

pytestmark = pytest.mark.usefixtures("django_db_serialized_rollback")

LIST = "/api/v1/activities?lang=nl"
# A form token as it stands in a page or an answer (django.core.signing, compressed).
TOKEN = re.compile(r"\.?[A-Za-z0-9_-]{20,}:[A-Za-z0-9_-]+:[A-Za-z0-9_-]{20,}")


@pytest.fixture
def cached(transactional_db, settings):
    settings.RESPONSE_CACHE = True
    settings.ELASTICSEARCH_URL = ""
    cache.clear()
    factories.load(
        partners=[factories.partner(slug="vv-ochten", name="VV Ochten")],
        activities=[
            factories.activity(
                "vv-ochten",
                slug="voetbal",
                category="sport",
                title={"nl": "Voetbal", "pl": "Piłka nożna"},
                starts_at=iso(local(days_ahead(3), 19)),
                ends_at=iso(local(days_ahead(3), 20)),
            ),
            signup_activity("vv-ochten", slug="taalcafe"),
        ],
    )
    yield
    cache.clear()


def fetch(client, path: str = LIST, **headers):
    response = client.get(path, headers=headers)
    assert response.status_code in (200, 304), response.content[:300]
    return response


def warm(client, path: str = LIST) -> bytes:
    """A miss, then a hit with the same body: what is in the cache now."""
    first = fetch(client, path)
    assert first["X-Cache"] == "miss"
    second = fetch(client, path)
    assert second["X-Cache"] == "hit"
    assert second.content == first.content
    return second.content


def titles(client, path: str = LIST) -> list[str]:
    return [item["title"] for item in fetch(client, path).json()["results"]]


def test_a_hit_is_the_stored_answer_with_its_etag_and_304(client, cached):
    warm(client)
    hit = fetch(client)
    assert hit["ETag"] and hit["Content-Type"] == "application/json"
    assert fetch(client, LIST, if_none_match=hit["ETag"]).status_code == 304


def test_per_language_host_and_query(client, cached):
    warm(client)
    assert fetch(client, "/api/v1/activities?lang=pl")["X-Cache"] == "miss"
    assert fetch(client, LIST + "&category=sport")["X-Cache"] == "miss"
    other_host = client.get(LIST, headers={"host": "localhost"})
    assert other_host["X-Cache"] == "miss"
    site_nl, site_pl = fetch(client, "/nl/activiteiten/"), fetch(client, "/pl/activiteiten/")
    assert site_nl["X-Cache"] == site_pl["X-Cache"] == "miss"
    assert fetch(client, "/pl/activiteiten/")["X-Cache"] == "hit"


def test_publishing_a_change_is_in_the_next_get(client, cached):
    warm(client)
    page = ActivityPage.objects.get(slug="voetbal")
    page.title_nl = "Zaalvoetbal"
    page.save_revision().publish()
    assert "Zaalvoetbal" in titles(client)


def test_a_translation_saved_is_in_the_next_get(client, cached):
    warm(client, "/api/v1/activities?lang=pl")
    page = ActivityPage.objects.get(slug="voetbal")
    page.title_pl = "Halowa piłka nożna"
    page.save_revision().publish()
    assert "Halowa piłka nożna" in titles(client, "/api/v1/activities?lang=pl")


def test_unpublishing_is_in_the_next_get_of_api_and_site(client, cached):
    warm(client)
    warm(client, "/nl/activiteiten/")
    ActivityPage.objects.get(slug="voetbal").unpublish()
    assert "Voetbal" not in titles(client)
    assert b"Voetbal" not in fetch(client, "/nl/activiteiten/").content


def test_expiry_by_the_clock_ends_the_entry_without_any_write(client, cached, monkeypatch):
    """``published()`` hides an expired page before publish_scheduled has run."""
    expiry = timezone.now() + timedelta(minutes=1)
    ActivityPage.objects.filter(slug="voetbal").update(expire_at=expiry)
    warm(client)
    assert "Voetbal" in titles(client)
    later = expiry + timedelta(seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    response = fetch(client)
    assert response["X-Cache"] == "miss"
    assert "Voetbal" not in [item["title"] for item in response.json()["results"]]


def test_scheduled_expiry_and_go_live_by_publish_scheduled(client, cached):
    page = ActivityPage.objects.get(slug="voetbal")
    page.title_nl = "Later voetbal"
    page.go_live_at = timezone.now() - timedelta(seconds=1)
    page.save_revision(approved_go_live_at=page.go_live_at)
    warm(client)
    call_command("publish_scheduled")
    assert "Later voetbal" in titles(client)


def test_an_occurrence_refresh_is_in_the_next_get(client, cached):
    def next_start() -> str:
        return fetch(client, LIST + "&category=sport").json()["results"][0]["next_occurrence"]

    right = next_start()
    before = current_version()
    in_nine_days = timezone.now() + timedelta(days=9)
    with transaction.atomic():  # one commit, as a refresh writes the dates and the pair
        ActivityOccurrence.objects.filter(activity__slug="voetbal").update(
            starts_at=in_nine_days, ends_at=in_nine_days
        )
        activity = ActivityPage.objects.get(slug="voetbal")
        next_occurrence.store(activity, activity.occurrences.all(), timezone.now())
    assert current_version() == before + 1
    warm(client, LIST + "&category=sport")
    assert next_start() != right
    call_command("refresh_occurrences")
    call_command("refresh_occurrences")  # recurring only: the one-off is re-expanded on save
    ActivityPage.objects.get(slug="voetbal").rebuild_occurrences()
    assert next_start() == right


def test_a_taxonomy_change_is_in_the_next_get(client, cached):
    warm(client, "/api/v1/categories?lang=nl")
    Category.objects.filter(slug="sport").update(name_nl="Sport en spel")
    names = [c["name"] for c in fetch(client, "/api/v1/categories?lang=nl").json()]
    assert "Sport en spel" in names


def test_a_partner_change_is_in_the_next_get(client, cached):
    warm(client)
    Partner.objects.filter(slug="vv-ochten").update(name="VV Ochten '28")
    assert fetch(client).json()["results"][0]["organiser"]["name"] == "VV Ochten '28"


def test_one_transaction_moves_the_version_once(transactional_db):
    before = current_version()
    factories.load(partners=[factories.partner(slug=f"p-{n}") for n in range(3)])
    assert current_version() == before + 1


def test_a_version_row_made_again_never_repeats_a_number(transactional_db):
    """Emptied tables (a flush, a database made anew) must not bring back a number
    whose cached answers and remembered facts belonged to other content."""
    factories.load(partners=[factories.partner(slug="p-before")])
    used = current_version()
    with connection.cursor() as cursor:  # what a flush does to the row, then post_migrate
        cursor.execute("DELETE FROM cms_contentversion")
    install_triggers()
    made_again = current_version()
    assert made_again is not None and made_again > used
    factories.load(partners=[factories.partner(slug="p-after")])
    assert current_version() == made_again + 1


def test_search_and_sessions_are_never_cached(client, cached):
    for path in ("/nl/vraag/", "/api/v1/search?q=voetbal", "/nl/zoeken/?q=voetbal"):
        assert fetch(client, path).get("X-Cache") is None
        assert fetch(client, path).get("X-Cache") is None
    warm(client)
    client.cookies["sessionid"] = "someone"
    assert fetch(client).get("X-Cache") is None


def _site_path(slug: str) -> str:
    return ActivityPage.objects.get(slug=slug).get_url_parts()[2]


@pytest.mark.parametrize("where", ["api", "site"])
def test_a_page_with_a_form_is_stored_and_every_answer_gets_its_own_token(client, cached, where):
    """The sign-up activity's detail carries a single-use form token (and, on the site,
    the "Was this clear?" form's): stored once, a new token in each answer."""
    path = "/api/v1/activities/taalcafe" if where == "api" else _site_path("taalcafe")
    forms = {"signup"} if where == "api" else {"signup", "feedback"}
    answers = [fetch(client, path) for _ in range(3)]

    assert [answer["X-Cache"] for answer in answers] == ["miss", "hit", "hit"]
    tokens = [TOKEN.findall(answer.content.decode()) for answer in answers]
    assert all(len(found) == len(forms) for found in tokens)
    every = [token for found in tokens for token in found]
    assert len(set(every)) == len(every)  # no token twice
    # Each is a real token for its form, handed out just now; nothing else differs.
    later = time.time() + settings.FORM_MIN_FILL_SECONDS + 1
    handed_to = set()
    for token in tokens[1]:
        handed_to |= {form for form in forms if _accepted(form, token, later)}
    assert handed_to == forms
    assert len({TOKEN.sub("TOKEN", answer.content.decode()) for answer in answers}) == 1
    # No mark leaves the server, and no ETag would let a browser keep an old token.
    assert not any(b"formtokenmark" in answer.content for answer in answers)
    assert all("ETag" not in answer for answer in answers)


def _accepted(form: str, token: str, now: float) -> bool:
    try:
        check_submission(form, token, "", now=now)
    except SpamRefused:
        return False
    return True


def test_a_token_from_a_stored_page_signs_up_once(client, cached, settings):
    settings.FORM_MIN_FILL_SECONDS = 0
    fetch(client, "/api/v1/activities/taalcafe")
    hit = fetch(client, "/api/v1/activities/taalcafe")
    assert hit["X-Cache"] == "hit"
    token = hit.json()["registration"]["form_token"]

    assert post_signup(client, "taalcafe", body(form_token=token)).status_code == 201
    # The sign-up moved the content version: the places left are counted afresh.
    assert fetch(client, "/api/v1/activities/taalcafe")["X-Cache"] == "miss"
    again = post_signup(client, "taalcafe", body(form_token=token, name="Basia"))
    assert again.status_code == 400 and "form_token" in again.content.decode()


def test_no_cache_from_the_client_computes_afresh(client, cached):
    warm(client)
    assert fetch(client, LIST, cache_control="no-cache")["X-Cache"] == "miss"


def writes_to_the_cache(queries) -> list[str]:
    return [
        query["sql"]
        for query in queries
        if query["sql"].startswith(("INSERT", "UPDATE")) and "wegwijs_cache" in query["sql"]
    ]


def test_a_hit_is_one_read_of_the_database(client, cached, django_assert_num_queries):
    """The version, the entry and the clock horizon in one query (hub/response_store.py)."""
    warm(client)
    with django_assert_num_queries(1):
        assert fetch(client)["X-Cache"] == "hit"


def test_an_answer_computed_afresh_is_written_again_only_when_it_differs(client, cached):
    stored = warm(client)
    with CaptureQueriesContext(connection) as same:
        afresh = fetch(client, LIST, cache_control="no-cache")
    assert afresh["X-Cache"] == "miss" and afresh.content == stored
    assert writes_to_the_cache(same.captured_queries) == []
    # A change: the answer computed afresh differs, is stored, and the next GET serves it.
    page = ActivityPage.objects.get(slug="voetbal")
    page.title_nl = "Zaalvoetbal"
    page.save_revision().publish()
    with CaptureQueriesContext(connection) as changed:
        afresh = fetch(client, LIST, cache_control="no-cache")
    assert writes_to_the_cache(changed.captured_queries)
    hit = fetch(client)
    assert hit["X-Cache"] == "hit" and hit.content == afresh.content
    assert "Zaalvoetbal" in [item["title"] for item in hit.json()["results"]]


def test_an_entry_in_the_second_half_of_its_life_is_written_again(
    client, cached, monkeypatch, settings
):
    """Hits do not renew an entry's expiry; a request computed afresh does, past half of it."""
    warm(client)
    later = timezone.now() + timedelta(seconds=settings.RESPONSE_CACHE_SECONDS * 0.6)
    monkeypatch.setattr(timezone, "now", lambda: later)
    with CaptureQueriesContext(connection) as queries:
        fetch(client, LIST, cache_control="no-cache")
    assert writes_to_the_cache(queries.captured_queries)


def test_another_cache_backend_is_never_stale_either(client, cached, settings):
    """Redis or local memory: the version read apart, the entries with one get_many."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    warm(client)
    page = ActivityPage.objects.get(slug="voetbal")
    page.title_nl = "Zaalvoetbal"
    page.save_revision().publish()
    response = fetch(client)
    assert response["X-Cache"] == "miss"
    assert "Zaalvoetbal" in [item["title"] for item in response.json()["results"]]
    assert fetch(client)["X-Cache"] == "hit"


# Questions the list asks on every request, remembered per content version
# (cms/content_version/memo.py): a commit that changes their answer is in the next GET.


def test_a_category_slug_gone_is_refused_in_the_next_get(client, cached):
    path = "/api/v1/activities?lang=nl&category=sport"
    assert fetch(client, path, cache_control="no-cache").json()["results"]
    Category.objects.filter(slug="sport").update(slug="sporten")
    assert client.get(path, headers={"cache-control": "no-cache"}).status_code == 400
    assert fetch(client, "/api/v1/activities?lang=nl&category=sporten").json()["results"]


def test_a_machine_text_marked_is_in_the_next_get(client, cached):
    path = "/api/v1/activities?lang=pl"

    def machine() -> bool:
        found = fetch(client, path, cache_control="no-cache").json()["results"]
        return next(item for item in found if item["slug"] == "voetbal")["machine_translated"]

    assert not machine()
    page = ActivityPage.objects.get(slug="voetbal")
    TranslationRecord.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(ActivityPage),
        object_id=page.pk,
        field="title",
        language="pl",
        defaults={"origin": Origin.MACHINE, "reviewed": False, "saved_at": timezone.now()},
    )
    assert machine()
    TranslationRecord.objects.filter(object_id=page.pk, language="pl").update(reviewed=True)
    assert not machine()


def test_a_list_computed_afresh_asks_them_once_per_version(client, cached):
    path = "/api/v1/activities?lang=pl&category=sport"
    fetch(client, path, cache_control="no-cache")
    with CaptureQueriesContext(connection) as again:
        fetch(client, path, cache_control="no-cache")
    # The cache's read and the page's rows; the same bytes are not written again.
    assert len(again.captured_queries) == 2
    asked = " ".join(query["sql"] for query in again.captured_queries)
    assert "cms_translationrecord" not in asked
    assert 'FROM "cms_category" WHERE "cms_category"."slug"' not in asked


def test_a_glossary_term_added_is_linked_in_the_next_guide_page(client, cached):
    """A guide page reads the glossary once per content version; a new term is in the next GET."""
    factories.load(
        guides=[
            factories.guide(
                "vv-ochten",
                slug="zorgtoeslag",
                body={"nl": "Vraag zorgtoeslag aan bij de Belastingdienst."},
            )
        ]
    )
    path = "/nl/wegwijzers/zorgtoeslag/"
    fetch(client, path, cache_control="no-cache")
    with CaptureQueriesContext(connection) as again:
        page = fetch(client, path, cache_control="no-cache").content.decode()
    assert 'class="term"' not in page
    assert "cms_glossaryterm" not in " ".join(query["sql"] for query in again.captured_queries)
    GlossaryTerm.objects.create(slug="zorgtoeslag", term_nl="zorgtoeslag", explanation_nl="Geld.")
    page = fetch(client, path, cache_control="no-cache").content.decode()
    assert '<a class="term" href="/nl/woordenlijst/#zorgtoeslag">zorgtoeslag</a>' in page


def test_a_view_restriction_added_holds_from_the_next_get(client, cached):
    """Pages skip the restriction lookup where none can apply (cms/view_restrictions.py),
    remembered per content version: a restriction added is enforced in the next GET."""
    from wagtail.models import PageViewRestriction

    from cms.models import GuidePage

    factories.load(
        guides=[factories.guide("vv-ochten", slug="leden", body={"nl": "Alleen voor leden."})]
    )
    path = "/nl/wegwijzers/leden/"
    fetch(client, path, cache_control="no-cache")
    with CaptureQueriesContext(connection) as again:
        page = fetch(client, path, cache_control="no-cache").content.decode()
    assert "Alleen voor leden." in page
    asked = " ".join(query["sql"] for query in again.captured_queries)
    assert "wagtailcore_pageviewrestriction" not in asked

    # On the section above the guide: the guide asks for the password.
    section = GuidePage.objects.get(slug="leden").get_parent()
    PageViewRestriction.objects.create(
        page=section, restriction_type=PageViewRestriction.PASSWORD, password="leden"
    )
    response = client.get(path, headers={"cache-control": "no-cache"})
    assert "Alleen voor leden." not in response.content.decode()
    assert 'name="password"' in response.content.decode()

    # Taken off again: the guide is public in the next GET.
    PageViewRestriction.objects.all().delete()
    assert "Alleen voor leden." in fetch(client, path, cache_control="no-cache").content.decode()


def test_a_category_renamed_is_in_the_next_site_page(client, cached):
    """The site reads the categories once per content version (public/taxonomy.py)."""
    path = "/nl/activiteiten/"
    fetch(client, path, cache_control="no-cache")
    with CaptureQueriesContext(connection) as again:
        fetch(client, path, cache_control="no-cache")
    asked = " ".join(query["sql"] for query in again.captured_queries)
    assert 'FROM "cms_category" ORDER BY' not in asked
    Category.objects.filter(slug="sport").update(name_nl="Sport en bewegen")
    for page in ("/nl/", path):
        assert "Sport en bewegen" in fetch(client, page, cache_control="no-cache").content.decode()


def test_the_list_form_is_made_once_per_version_and_language(client, cached):
    """The filter form's fields are made once per content version, language and
    municipality (frontend_templates/activities.py): each language keeps its own
    names, and a new category is offered in the next GET."""
    path = "/{}/activiteiten/"
    for language in ("pl", "nl"):
        assert 'value="muziek"' not in fetch(client, path.format(language)).content.decode()
    Category.objects.create(slug="muziek", name_nl="Muziek", name_pl="Muzyka")
    polish = fetch(client, path.format("pl"), cache_control="no-cache").content.decode()
    dutch = fetch(client, path.format("nl"), cache_control="no-cache").content.decode()
    assert '<option value="muziek">Muzyka</option>' in polish
    assert '<option value="muziek">Muziek</option>' in dutch


def test_the_menu_and_footer_are_written_once_per_version_and_language(client, cached):
    """The remembered parts of a page (frontend_templates/templatetags/fragments.py: the
    menu, the footer, the questions of "Was this clear?"): each language keeps its own
    words, and a renamed municipality is in the next GET."""
    from django.utils.translation import gettext, override

    from cms.municipalities.models import Municipality

    pages = {}
    for language in ("pl", "nl"):
        detail = f"/{language}/" + _site_path("voetbal").split("/", 2)[2]
        paths = (f"/{language}/", f"/{language}/activiteiten/", detail)
        for path in paths:
            pages[path] = fetch(client, path, cache_control="no-cache").content.decode()
        with override(language):
            words = [gettext("Ask a question"), gettext("Keep for offline use")]
            question = gettext("If not: what was the problem?")
        for path in paths:
            assert all(word in pages[path] for word in words), (path, words)
        assert question in pages[paths[-1]]
    assert gettext("Ask a question") not in pages["/pl/"]
    municipality = Municipality.objects.order_by("pk").first()
    municipality.name = "Rivierenland-West"
    municipality.save()  # as in the admin (its signal drops the municipalities held)
    for path in ("/pl/", "/nl/activiteiten/"):
        assert "Rivierenland-West" in fetch(client, path, cache_control="no-cache").content.decode()


def test_a_plan_action_changed_is_in_the_next_plan_page(client, cached):
    """The plan's overview is read once per content version (cms/policy_overview.py)."""
    from cms.models import PolicyAction

    factories.load(policy_actions=[factories.policy_action(slug="taalcafes", progress=40)])
    path = "/nl/beleidsplan/"
    assert (
        '<progress max="100" value="40"'
        in fetch(client, path, cache_control="no-cache").content.decode()
    )
    with CaptureQueriesContext(connection) as again:
        page = fetch(client, path, cache_control="no-cache").content.decode()
    assert '<progress max="100" value="40"' in page
    assert 'FROM "cms_policyaction"' not in " ".join(q["sql"] for q in again.captured_queries)
    action = PolicyAction.objects.get(slug="taalcafes")
    action.progress = 70
    action.save()
    page = fetch(client, path, cache_control="no-cache").content.decode()
    assert '<progress max="100" value="70"' in page
    assert '<progress max="100" value="40"' not in page


def test_a_plan_action_changed_is_in_the_next_policy_plan_answer(client, cached):
    """The API's plan, its actions, partners and updates are read once per content version."""
    from cms.models import PolicyAction, ProgressUpdate

    factories.load(
        policy_actions=[
            factories.policy_action(
                slug="taalcafes",
                progress=40,
                responsible=["vv-ochten"],
                updates=[{"date": "2026-10-01", "text": {"nl": "Begonnen"}}],
            )
        ]
    )
    path = "/api/v1/policy-plan?lang=nl"

    def action() -> dict:
        answer = fetch(client, path, cache_control="no-cache").json()
        return next(a for block in answer["building_blocks"] for a in block["actions"])

    first = action()
    assert (first["progress"], first["responsible"][0]["name"]) == (40, "VV Ochten")
    with CaptureQueriesContext(connection) as again:
        assert action() == first
    asked = " ".join(q["sql"] for q in again.captured_queries)
    for table in ("cms_policyaction", "cms_partner", "cms_progressupdate", "cms_buildingblock"):
        assert f'FROM "{table}"' not in asked, table
    assert len(again.captured_queries) == 2  # the cache's read and the plan
    changed = PolicyAction.objects.get(slug="taalcafes")
    changed.progress = 70
    changed.save()
    assert action()["progress"] == 70
    ProgressUpdate.objects.filter(action=changed).update(text_nl="Verder")
    assert action()["updates"][0]["text"] == "Verder"
    Partner.objects.filter(slug="vv-ochten").update(name="VV Ochten 1910")
    assert action()["responsible"][0]["name"] == "VV Ochten 1910"


def test_a_page_is_read_once_per_version_in_every_language_and_an_edit_is_in_the_next_get(
    client, cached
):
    """The page at an address is remembered per content version (cms/page_address.py):
    another language of it asks nothing of the page table, a published edit shows at once,
    and what one request sets on its page never reaches the next."""
    fetch(client, "/nl/activiteiten/voetbal/", cache_control="no-cache")
    with CaptureQueriesContext(connection) as again:
        page = fetch(client, "/pl/activiteiten/voetbal/", cache_control="no-cache")
    assert "Piłka nożna" in page.content.decode()
    asked = " ".join(query["sql"] for query in again.captured_queries)
    assert '"wagtailcore_page"."url_path" =' not in asked
    assert 'FROM "cms_activitypage"' not in asked

    served = []
    real_serve = ActivityPage.serve

    def serve_and_mark(self, request, *args, **kwargs):
        served.append(getattr(self, "marked_by_a_request", False))
        self.marked_by_a_request = True
        return real_serve(self, request, *args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ActivityPage, "serve", serve_and_mark)
        for _ in range(2):
            fetch(client, "/pl/activiteiten/voetbal/", cache_control="no-cache")
    assert served == [False, False]

    edited = ActivityPage.objects.get(slug="voetbal")
    edited.title_pl = "Halowa piłka nożna"
    edited.save_revision().publish()
    page = fetch(client, "/pl/activiteiten/voetbal/", cache_control="no-cache")
    assert "Halowa piłka nożna" in page.content.decode()

    # Its organiser and category are read with it and remembered along; a change to
    # either is in the next GET too.
    with CaptureQueriesContext(connection) as again:
        page = fetch(client, "/pl/activiteiten/voetbal/", cache_control="no-cache")
    asked = " ".join(query["sql"] for query in again.captured_queries)
    assert 'FROM "cms_partner"' not in asked and 'FROM "cms_category"' not in asked
    Partner.objects.filter(slug="vv-ochten").update(name="VV Ochten 1923")
    Category.objects.filter(slug="sport").update(name_pl="Sport i ruch")
    page = fetch(client, "/pl/activiteiten/voetbal/", cache_control="no-cache").content.decode()
    assert "VV Ochten 1923" in page and "Sport i ruch" in page
