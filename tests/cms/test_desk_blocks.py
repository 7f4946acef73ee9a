"""A guide's body at the desk: block by block, the Dutch beside the target, markup kept.

A volunteer translates a body of rich text (bold, a list, a link to the web
and one to another page of the site), steps and a contact card. What they
write lands in the same blocks in their language, with the links and the
phone number as in Dutch; bad markup is refused by block, and nothing is saved.
"""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from cms.models import GuidePage
from cms.translation import provenance
from cms.translation.records import TranslationRecord
from cms.translation.translators import assign_translator
from tests import factories

RICH = (
    '<p data-block-key="k1">Bel <b>eerst</b> de <a linktype="page" id="{page}">praktijk</a>.</p>'
    '<ul><li>Ma tot vr</li></ul><p><a href="https://www.thuisarts.nl">Thuisarts</a></p>'
)


@pytest.fixture
def guide(db) -> GuidePage:
    factories.load(
        partners=[factories.partner(slug="ggd")],
        guides=[
            factories.guide("ggd", slug="huisarts", title={"nl": "De huisarts"}),
            factories.guide("ggd", slug="spoed", title={"nl": "Spoed"}),
        ],
    )
    page = GuidePage.objects.get(slug="huisarts")
    other = GuidePage.objects.get(slug="spoed")
    page.body_nl = json.dumps(
        [
            {"type": "text", "value": RICH.format(page=other.pk)},
            {
                "type": "steps",
                "value": [
                    {"type": "item", "value": {"title": "Bellen", "text": "Voor 10 uur."}},
                    {"type": "item", "value": {"title": "Langsgaan", "text": ""}},
                ],
            },
            {
                "type": "contact",
                "value": {
                    "name": "Praktijk De Linde",
                    "phone": "0344 123456",
                    "email": "",
                    "website": "",
                    "opening_hours": "Ma–vr 8–17",
                },
            },
        ]
    )
    page.body_pl = None
    page.save()
    page.refresh_from_db()
    return page


@pytest.fixture
def client(guide, client, django_user_model):
    user = django_user_model.objects.create_user("ola", "ola@example.org", "x" * 16)
    assign_translator(user, "pl")
    client.force_login(user)
    client.user = user
    return client


def desk(page) -> str:
    return reverse("cms_translation_desk", args=["guide", page.pk, "pl"])


def opened(client, page) -> dict:
    return {text.name: text for text, _ in client.get(desk(page)).context["texts"]}


def bases(texts: dict) -> dict:
    return {f"base-{text.base_name}": text.base for text in texts.values()}


def body_texts(texts: dict) -> list:
    return [text for name, text in texts.items() if name.startswith("body/")]


POLISH = {
    "text": '<p data-block-key="k1">Zadzwoń <b>najpierw</b> do '
    '<a linktype="page" id="{page}">przychodni</a>.</p>'
    '<ul><li>Pon–pt</li></ul><p><a href="https://www.thuisarts.nl">Thuisarts</a></p>',
    "steps/title": ["Zadzwoń", "Przyjdź"],
    "steps/text": ["Przed 10:00."],
    "contact/name": "Przychodnia De Linde",
    "contact/opening_hours": "Pon–pt 8–17",
}


def translation(texts: dict, page_id: int, **changes) -> dict:
    """A whole Polish body, block by block; ``changes``: label part → text instead."""
    posted = {}
    titles, steps_texts = iter(POLISH["steps/title"]), iter(POLISH["steps/text"])
    for text in body_texts(texts):
        if text.rich:
            value = POLISH["text"].format(page=page_id)
        elif text.name.endswith("/title"):
            value = next(titles)
        elif text.name.endswith("/text"):
            value = next(steps_texts)
        else:
            value = POLISH[f"contact/{text.name.rsplit('/', 1)[1]}"]
        posted[f"text-{text.name}"] = changes.get(text.name, value)
    return posted


def test_the_desk_shows_each_block_of_the_body_beside_its_dutch(client, guide):
    texts = body_texts(opened(client, guide))
    assert [(t.label, t.source) for t in texts] == [
        ("Tekst, blok 1 (text)", RICH.format(page=GuidePage.objects.get(slug="spoed").pk)),
        ("Tekst, blok 2 (steps) → onderdeel 1 → title", "Bellen"),
        ("Tekst, blok 2 (steps) → onderdeel 1 → text", "Voor 10 uur."),
        ("Tekst, blok 2 (steps) → onderdeel 2 → title", "Langsgaan"),
        ("Tekst, blok 3 (contact) → name", "Praktijk De Linde"),
        ("Tekst, blok 3 (contact) → opening_hours", "Ma–vr 8–17"),
    ]
    assert texts[0].rich and not texts[1].rich
    page = client.get(desk(guide)).content.decode()
    # The Dutch block is shown as a reader sees it and as markup to keep.
    assert "<b>eerst</b>" in page and "&lt;b&gt;eerst&lt;/b&gt;" in page
    # The phone number is no text to translate.
    assert "0344 123456" not in [t.source for t in texts]


def test_a_translated_body_keeps_its_markup_links_and_what_is_not_text(client, guide):
    texts = opened(client, guide)
    other = GuidePage.objects.get(slug="spoed")
    response = client.post(
        desk(guide), {**bases(texts), **translation(texts, other.pk), "action": "submit"}
    )
    assert response.status_code == 302
    guide.refresh_from_db()
    rich, steps, contact = guide.body_pl.raw_data
    html = rich["value"]
    assert "<b>najpierw</b>" in html and "<li>Pon–pt</li>" in html
    assert f'<a linktype="page" id="{other.pk}">przychodni</a>' in html
    assert '<a href="https://www.thuisarts.nl">Thuisarts</a>' in html
    assert [(s["value"]["title"], s["value"]["text"]) for s in steps["value"]] == [
        ("Zadzwoń", "Przed 10:00."),
        ("Przyjdź", ""),
    ]
    assert (contact["value"]["name"], contact["value"]["phone"]) == (
        "Przychodnia De Linde",
        "0344 123456",
    )
    # The same blocks as the Dutch (the XLIFF body segments find them by id).
    assert [b.id for b in guide.body_pl] == [b.id for b in guide.body_nl]
    # Readers of Polish get the link to the other page, expanded to its address.
    answer = client.get("/api/v1/guides/huisarts", {"lang": "pl"}).json()
    shown = answer["body"][0]["value"]
    assert "<b>najpierw</b>" in shown
    assert f'<a href="{other.url}" rel="noopener noreferrer">przychodni</a>' in shown
    entry = TranslationRecord.objects.get(
        content_type__model="guidepage", object_id=guide.pk, field="body", language="pl"
    )
    assert (entry.origin, entry.saved_by) == ("human", client.user)


@pytest.mark.parametrize(
    ("bad", "named"),
    [
        ("<p>Zadzwoń <b>najpierw</p>", "broken markup"),
        ('<p>Zadzwoń <a href="javascript:alert(1)">tu</a></p>', "only web, mail and phone"),
        ("<p>Zadzwoń</p><script>x()</script>", "<script> is not allowed"),
        ('<p style="color: red">Zadzwoń</p>', "<p> takes no attributes"),
        ('<p><a linktype="page" id="999999">tu</a></p>', "page 999999, which does not exist"),
    ],
)
def test_bad_markup_is_refused_naming_the_block_and_nothing_is_saved(client, guide, bad, named):
    texts = opened(client, guide)
    block = body_texts(texts)[0].name
    posted = translation(texts, 1, **{block: bad})
    response = client.post(
        desk(guide), {**bases(texts), **posted, "text-summary": "Opis", "action": "submit"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert (
        "Tekst, blok 1 (text)" in page and named.replace("<", "&lt;").replace(">", "&gt;") in page
    )
    # The translator's text is given back to mend.
    assert "Przychodnia De Linde" in page
    guide.refresh_from_db()
    assert not guide.body_pl and guide.summary_pl in ("", None)
    assert not TranslationRecord.objects.filter(object_id=guide.pk, language="pl").exists()


def test_a_body_translated_in_part_is_refused_naming_the_missing_blocks(client, guide):
    texts = opened(client, guide)
    contact_name = next(t.name for t in body_texts(texts) if t.name.endswith("/name"))
    posted = translation(texts, GuidePage.objects.get(slug="spoed").pk, **{contact_name: ""})
    response = client.post(desk(guide), {**bases(texts), **posted, "action": "submit"})
    assert response.status_code == 400
    assert "Tekst, blok 3 (contact) → name" in response.content.decode()
    guide.refresh_from_db()
    assert not guide.body_pl


def test_bad_markup_is_refused_before_it_waits_for_a_reviewer(client, guide):
    from cms.models import Municipality
    from cms.translation.municipal import MunicipalTranslationSettings
    from cms.translation.records import TranslationSubmission

    MunicipalTranslationSettings.objects.create(
        municipality=Municipality.objects.get(), review_required=True
    )
    texts = opened(client, guide)
    block = body_texts(texts)[0].name
    posted = translation(texts, 1, **{block: "<p><i>Zadzwoń</p>"})
    response = client.post(desk(guide), {**bases(texts), **posted, "action": "submit"})
    assert response.status_code == 400
    assert not TranslationSubmission.objects.exists()


def test_an_outdated_body_says_which_block_changed_in_the_dutch(client, guide):
    texts = opened(client, guide)
    other = GuidePage.objects.get(slug="spoed")
    client.post(desk(guide), {**bases(texts), **translation(texts, other.pk), "action": "submit"})
    guide.refresh_from_db()
    raw = list(guide.body_nl.raw_data)
    raw[2] = {**raw[2], "value": {**raw[2]["value"], "opening_hours": "Ma–do 8–17"}}
    guide.body_nl = json.dumps([dict(block) for block in raw])
    guide.save()
    assert provenance.state(guide, "body", "pl") == provenance.State.OUTDATED
    texts = opened(client, guide)
    changed = {t.label: t.changes for t in body_texts(texts) if t.changes}
    assert changed == {"Tekst, blok 3 (contact) → opening_hours": ["-Ma–vr 8–17", "+Ma–do 8–17"]}
    assert all(t.state == provenance.State.OUTDATED for t in body_texts(texts))
    # The Polish of the unchanged blocks is there to keep.
    assert body_texts(texts)[1].target == "Zadzwoń"


def test_a_whole_body_as_one_text_is_refused_by_name(client, guide):
    response = client.post(desk(guide), {"text-body": "Zadzwoń.", "action": "submit"})
    assert response.status_code == 400
    assert b"body" in response.content
    guide.refresh_from_db()
    assert not guide.body_pl
