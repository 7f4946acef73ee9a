"""Hostile texts in every text field stay text: on the site, in the API, through import and admin.

Payloads (``payloads.py``) go into every translated field the import knows
(titles, summaries, bodies, partner fields, location names, training times,
policy updates) and, through the admin, into a guide's blocks (FAQ, steps,
contact card, link, rich text) and a partner snippet. Every site page that
shows them is parsed for anything live (``inspection.py``); the API's HTML
(rich-text blocks) must come out sanitised and its links without
``javascript:``. A web address field refuses ``javascript:`` on import,
naming the field.
"""

from __future__ import annotations

import json
from html import escape

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import nested_form_data, streamfield

from cms.importing import ImportFailed
from cms.models import GuidePage, Partner
from cms.translation.languages import language_codes
from tests import factories
from tests.cms.admin_forms import page_form_data

from .content import LANGUAGES, SITE_PAGES, load_hostile_content
from .inspection import live_injections, url_scheme_is_dangerous
from .payloads import HOSTILE_URLS, PAYLOADS, hostile_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def hostile_site(db):
    load_hostile_content()


def assert_nothing_live(html: str, where: str) -> None:
    problems = live_injections(html)
    assert problems == [], f"{where}: {problems}"
    for payload in PAYLOADS:
        if "<" in payload:
            assert payload not in html, f"{where}: unescaped {payload!r}"


@pytest.mark.parametrize("lang", [*LANGUAGES, "ro"])  # ro: the fallback texts
def test_site_pages_show_payloads_only_as_text(client, hostile_site, lang):
    shown = 0
    for template in SITE_PAGES:
        path = template.format(lang=lang)
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.content.decode()
        assert_nothing_live(html, path)
        shown += html.count("alert(&#x27;XSS&#x27;)")
    assert shown > 20  # the payloads are there, as text


def test_search_and_unknown_addresses_echo_payloads_only_as_text(client, hostile_site, settings):
    settings.ELASTICSEARCH_URL = ""
    for payload in PAYLOADS[:8]:
        response = client.get("/nl/zoeken/", {"q": payload})
        assert response.status_code == 200
        assert_nothing_live(response.content.decode(), f"search {payload!r}")
    response = client.get("/nl/activiteiten/%3Cscript%3Ealert('XSS')%3C%2Fscript%3E/")
    assert response.status_code == 404
    assert_nothing_live(response.content.decode(), "404 page")


def test_the_api_hands_out_payloads_as_plain_text_and_safe_html(client, hostile_site):
    activity = client.get("/api/v1/activities/hostile-activity", {"lang": "en"}).json()
    assert activity["title"] == hostile_text(5)  # stored and served as the text it was
    for block in activity["body"]:
        assert block["type"] == "text"
        assert live_injections(block["value"]) == []
        assert "<script" not in block["value"] and "onerror" not in block["value"]
    guide = client.get("/api/v1/guides/hostile-guide", {"lang": "pl"}).json()
    for block in guide["body"]:
        assert live_injections(block["value"]) == []


@pytest.mark.parametrize("url", HOSTILE_URLS)
@pytest.mark.parametrize(
    ("section", "field", "record"),
    [
        ("partners", "website", lambda url: factories.partner(slug="p", website=url)),
        (
            "activities",
            "registration.url",
            lambda url: factories.activity(
                "vv-ochten", registration={"required": True, "type": "link", "url": url}
            ),
        ),
    ],
)
def test_import_refuses_a_script_address_naming_the_field(club_record, section, field, record, url):
    with pytest.raises(ImportFailed) as failure:
        sections = {"partners": [club_record]}
        sections.setdefault(section, []).append(record(url))
        factories.load(**sections)
    assert field in str(failure.value)
    assert "web address" in str(failure.value)
    assert not Partner.objects.filter(slug="p").exists()


@pytest.fixture
def club_record() -> dict:
    return factories.partner(slug="vv-ochten", name="VV Ochten", type="sports_club")


# --- Through the admin ------------------------------------------------------------


@pytest.fixture
def admin_client(client, hostile_site):
    user = get_user_model().objects.create_superuser("security-admin", "s@example.org", "x" * 16)
    client.force_login(user)
    return client


def draftail_text(text: str, link_url: str) -> str:
    """What the rich-text editor sends: Draft.js content, the text plain, a link entity."""
    label = "XSS link"
    return json.dumps(
        {
            "blocks": [
                {
                    "key": "a1b2c",
                    "type": "unstyled",
                    "text": f"{text} {label}",
                    "depth": 0,
                    "inlineStyleRanges": [],
                    "entityRanges": [{"offset": len(text) + 1, "length": len(label), "key": 0}],
                    "data": {},
                }
            ],
            "entityMap": {
                "0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": link_url}}
            },
        }
    )


def hostile_blocks(offset: int) -> str:
    """A guide body with every block type, each field a payload."""
    return streamfield(
        [
            ("text", draftail_text(hostile_text(offset), "javascript:alert('XSS')")),
            (
                "steps",
                streamfield(
                    [
                        (
                            "item",
                            {"title": hostile_text(offset + 1), "text": hostile_text(offset + 2)},
                        )
                    ]
                ),
            ),
            (
                "contact",
                {
                    "name": hostile_text(offset + 3),
                    "phone": "0488 12 34 56",
                    "email": "a@example.org",
                    "website": "https://example.org/",
                    "opening_hours": hostile_text(offset + 4),
                },
            ),
            (
                "faq",
                streamfield(
                    [
                        (
                            "item",
                            {
                                "question": hostile_text(offset + 5),
                                "answer": hostile_text(offset + 6),
                            },
                        )
                    ]
                ),
            ),
            ("link", {"url": "https://example.org/more", "label": hostile_text(offset + 7)}),
        ]
    )


def test_admin_edits_with_payloads_render_as_text(admin_client, client):
    guide = GuidePage.objects.get(slug="hostile-guide")
    bodies = {f"body_{code}": streamfield([]) for code in language_codes()}
    data = page_form_data(
        guide,
        "publish",
        title_nl=hostile_text(17),
        summary_nl=hostile_text(18),
        **{**bodies, "body_nl": hostile_blocks(19), "body_pl": hostile_blocks(3)},
    )
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[guide.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    guide.refresh_from_db()
    assert guide.title_nl == hostile_text(17)
    assert [block.block_type for block in guide.body_nl] == [
        "text",
        "steps",
        "contact",
        "faq",
        "link",
    ]

    partner = Partner.objects.get(slug="hostile-partner")
    data = nested_form_data(
        {
            "name": hostile_text(20),
            "slug": partner.slug,
            "type": partner.type,
            "description_nl": hostile_text(21),
            "description_pl": hostile_text(22),
            "website": "https://example.org/",
            "calendar_language": "nl",
        }
    )
    data["languages_spoken"] = ["nl", "pl"]
    response = admin_client.post(
        reverse("wagtailsnippets_cms_partner:edit", args=[partner.pk]), data
    )
    assert response.status_code == 302, response.content.decode()[:2000]

    for lang in ("nl", "pl"):
        for path in (f"/{lang}/wegwijzers/hostile-guide/", f"/{lang}/partners/hostile-partner/"):
            html = client.get(path).content.decode()
            assert_nothing_live(html, path)
            assert "XSS link" in html or "partners" in path

    for lang in ("nl", "pl"):
        detail = client.get("/api/v1/guides/hostile-guide", {"lang": lang}).json()
        blocks = {block["type"]: block["value"] for block in detail["body"]}
        # HTML: sanitised, the editor's javascript: link gone but its text kept.
        assert live_injections(blocks["text"]) == []
        assert "XSS link" in blocks["text"] and "javascript" not in blocks["text"].lower()
        # Plain texts: exactly what was typed (a client must escape them, as for any text).
        assert blocks["faq"][0]["question"] == hostile_text(24 if lang == "nl" else 8)
        assert not url_scheme_is_dangerous(blocks["link"]["url"])


def test_admin_refuses_script_addresses_in_links(admin_client):
    guide = GuidePage.objects.get(slug="hostile-guide")
    bodies = {f"body_{code}": streamfield([]) for code in language_codes()}
    body = streamfield([("link", {"url": "javascript:alert('XSS')", "label": "XSS"})])
    data = page_form_data(guide, "publish", **{**bodies, "body_nl": body})
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[guide.pk]), data)
    assert response.status_code == 200  # the form again, with the error
    guide.refresh_from_db()
    assert "javascript" not in json.dumps(list(guide.body_nl.raw_data))

    partner = Partner.objects.get(slug="hostile-partner")
    data = nested_form_data(
        {
            "name": "P",
            "slug": partner.slug,
            "type": partner.type,
            "website": HOSTILE_URLS[0],
            "calendar_language": "nl",
        }
    )
    data["languages_spoken"] = ["nl"]
    response = admin_client.post(
        reverse("wagtailsnippets_cms_partner:edit", args=[partner.pk]), data
    )
    assert response.status_code == 200
    partner.refresh_from_db()
    assert not url_scheme_is_dangerous(partner.website)


def test_rich_text_stored_by_another_way_is_sanitised_on_the_way_out(client, hostile_site):
    """Rich text that never passed the editor (a script, an old revision) still comes out clean."""
    guide = GuidePage.objects.get(slug="hostile-guide")
    # What the editor makes first: markup in some payloads swallows what follows it.
    stored = '<p><a href="https://example.org/ok">kept link</a> <b>kept</b></p>' + "".join(
        f"<p>{payload}</p>" for payload in PAYLOADS
    )
    guide.body = guide.body_nl = [("text", RichText(stored))]
    guide.save()

    html = client.get("/nl/wegwijzers/hostile-guide/").content.decode()
    assert_nothing_live(html, "guide page")
    assert '<a href="https://example.org/ok" rel="noopener noreferrer">kept link</a>' in html

    value = client.get("/api/v1/guides/hostile-guide", {"lang": "nl"}).json()["body"][0]["value"]
    assert live_injections(value) == []
    assert "<script" not in value.lower() and "javascript" not in value.lower()
    assert "<b>kept</b>" in value and 'href="https://example.org/ok"' in value


def test_a_hostile_question_from_the_public_stays_text_in_the_admin(client):
    """Questions come from anonymous visitors: the most hostile text there is."""
    from cms.contact_point.intake import receive_question

    payloads = [payload for payload in PAYLOADS if "<" in payload]
    questions = [
        receive_question(
            {
                "language": "pl",
                "topic": "other",
                "text": payload,
                "contact_method": "email",
                "contact_value": "a@example.org",
            }
        )
        for payload in payloads
    ]
    user = get_user_model().objects.create_superuser("q-admin", "q@example.org", "x" * 16)
    client.force_login(user)
    listing = client.get(reverse("questions:index"))
    edits = [client.get(reverse("questions:edit", args=[q.pk])) for q in questions[:6]]
    for response in [listing, *edits]:
        assert response.status_code == 200
        html = response.content.decode()
        for payload in payloads:
            assert payload not in html, f"{response.request['PATH_INFO']}: {payload!r}"
    for payload, response in zip(payloads, edits, strict=False):
        assert escape(payload) in response.content.decode()  # shown, as text
