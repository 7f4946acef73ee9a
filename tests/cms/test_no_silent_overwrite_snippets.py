"""Two people on a partner or a policy action: a translator's newer text is never saved over unseen.

A translator saves Polish at the desk (or someone saves a progress update's
Polish) while an editor has the Dutch form open. The editor's save keeps the
newer Polish and saves their own changes (merged per field); if the editor
changed that Polish too, the save is refused, naming it, and nothing is saved.
The same for an action's progress updates, each in its own row.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from cms.models import Partner, PolicyAction
from cms.translation.languages import language_codes
from cms.translation.translators import assign_translator
from tests import factories

REFUSED = "Iemand anders heeft deze tekst"  # the admin speaks Dutch


@pytest.fixture
def content(db):
    factories.load(
        partners=[
            factories.partner(
                slug="ggd", description={"nl": "Wij helpen.", "pl": "Pomagamy (stary)."}
            )
        ],
        policy_actions=[
            factories.policy_action(
                slug="taalhuis",
                responsible=["ggd"],
                updates=[{"date": "2026-11-01", "text": {"nl": "Gestart.", "pl": "Zaczęte."}}],
            )
        ],
    )
    # One progress update, with its Polish (the factory's default one goes).
    PolicyAction.objects.get(slug="taalhuis").updates.exclude(text_pl="Zaczęte.").delete()


def session(user) -> Client:
    client = Client()
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def editor(content, django_user_model) -> Client:
    return session(django_user_model.objects.create_superuser("redactie", "r@x.org", "x" * 16))


@pytest.fixture
def ola(content, django_user_model) -> Client:
    user = django_user_model.objects.create_user("ola", "ola@x.org", "x" * 16)
    assign_translator(user, "pl")
    return session(user)


def languages(name: str, obj, **changed) -> dict:
    """Every language's input of one text, as the editor's browser holds them."""
    return {
        f"{name}_{code}": changed.get(code, getattr(obj, f"{name}_{code}", None) or "")
        for code in language_codes()
    }


def open_form(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    assert 'name="texts_as_opened"' in response.content.decode()
    return response.context["form"]["texts_as_opened"].value()


def desk_submit(client: Client, kind: str, pk: int, **texts) -> None:
    url = reverse("cms_translation_desk", args=[kind, pk, "pl"])
    bases = {f"base-{text.name}": text.base for text, _ in client.get(url).context["texts"]}
    posted = {f"text-{name}": text for name, text in texts.items()}
    assert client.post(url, {**bases, **posted, "action": "submit"}).status_code == 302


def partner_edit(partner: Partner) -> str:
    return reverse("wagtailsnippets_cms_partner:edit", args=[partner.pk])


def partner_form(partner: Partner, as_opened: str, **description) -> dict:
    data = nested_form_data(
        {
            "name": partner.name,
            "slug": partner.slug,
            "type": partner.type,
            "calendar_language": partner.calendar_language,
            "texts_as_opened": as_opened,
            **languages("description", partner, **description),
        }
    )
    data["languages_spoken"] = list(partner.languages_spoken)
    data["municipalities"] = [m.pk for m in partner.municipalities.all()]
    return data


def test_the_editor_s_save_keeps_the_translator_s_newer_polish(editor, ola):
    partner = Partner.objects.get(slug="ggd")
    as_opened = open_form(editor, partner_edit(partner))
    desk_submit(ola, "partner", partner.pk, description="Pomagamy (nowy).")
    response = editor.post(
        partner_edit(partner), partner_form(partner, as_opened, nl="Wij helpen graag.")
    )
    assert response.status_code == 302
    partner.refresh_from_db()
    assert (partner.description_nl, partner.description_pl) == (
        "Wij helpen graag.",
        "Pomagamy (nowy).",
    )


def test_both_changed_the_polish_the_editor_s_save_is_refused(editor, ola):
    partner = Partner.objects.get(slug="ggd")
    as_opened = open_form(editor, partner_edit(partner))
    desk_submit(ola, "partner", partner.pk, description="Pomagamy (nowy).")
    response = editor.post(
        partner_edit(partner),
        partner_form(partner, as_opened, nl="Wij helpen graag.", pl="Pomagamy (redakcja)."),
    )
    assert response.status_code == 200
    assert REFUSED in response.content.decode()
    partner.refresh_from_db()
    assert (partner.description_nl, partner.description_pl) == ("Wij helpen.", "Pomagamy (nowy).")


def action_edit(action: PolicyAction) -> str:
    return reverse("wagtailsnippets_cms_policyaction:edit", args=[action.pk])


def action_form(action: PolicyAction, as_opened: str, update_pl: str | None = None, **title):
    update = action.updates.get()
    row = {"id": update.pk, "date": str(update.date)}
    row.update(languages("text", update, pl=update_pl or "Zaczęte."))
    fields = {
        "plan": action.plan_id,
        "building_block": action.building_block_id,
        "slug": action.slug,
        "status": action.status,
        "progress": action.progress,
        "starts_on": str(action.starts_on),
        "due_on": str(action.due_on),
        "texts_as_opened": as_opened,
        **languages("title", action, **title),
        **languages("description", action),
        "updates": inline_formset([row], initial=1),
    }
    data = nested_form_data(fields)
    data["responsible"] = [p.pk for p in action.responsible.all()]
    return data


def someone_else_saves_the_update_in_polish(action: PolicyAction) -> None:
    update = action.updates.get()
    update.text_pl = "Rozpoczęte (nowe)."
    update.save()


def test_a_progress_update_s_newer_polish_survives_the_editor_s_save(editor):
    action = PolicyAction.objects.get(slug="taalhuis")
    as_opened = open_form(editor, action_edit(action))
    someone_else_saves_the_update_in_polish(action)
    response = editor.post(action_edit(action), action_form(action, as_opened, nl="Taalhuis+"))
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.title_nl == "Taalhuis+"
    assert action.updates.get().text_pl == "Rozpoczęte (nowe)."


def test_a_progress_update_both_changed_is_refused_in_its_row(editor):
    action = PolicyAction.objects.get(slug="taalhuis")
    as_opened = open_form(editor, action_edit(action))
    someone_else_saves_the_update_in_polish(action)
    response = editor.post(
        action_edit(action), action_form(action, as_opened, "Zaczęte (redakcja).", nl="Taalhuis+")
    )
    assert response.status_code == 200
    assert REFUSED in response.content.decode()
    action.refresh_from_db()
    assert action.title_nl != "Taalhuis+"
    assert action.updates.get().text_pl == "Rozpoczęte (nowe)."


def test_the_desk_refuses_a_translator_whose_text_an_editor_changed_meanwhile(editor, ola):
    """The other direction: the desk's own check, for a partner as for a page."""
    partner = Partner.objects.get(slug="ggd")
    url = reverse("cms_translation_desk", args=["partner", partner.pk, "pl"])
    bases = {f"base-{text.name}": text.base for text, _ in ola.get(url).context["texts"]}
    as_opened = open_form(editor, partner_edit(partner))
    editor.post(partner_edit(partner), partner_form(partner, as_opened, pl="Pomagamy (redakcja)."))
    response = ola.post(url, {**bases, "text-description": "Pomagamy (nowy).", "action": "submit"})
    assert response.status_code == 409
    partner.refresh_from_db()
    assert partner.description_pl == "Pomagamy (redakcja)."


def as_the_browser_holds_it(form, data: dict | None = None) -> dict:
    """POST data of an opened admin form: every input as rendered, inline rows included."""
    data = {} if data is None else data
    for bound in form:
        value = bound.value()
        if isinstance(value, bool):
            if value:
                data[bound.html_name] = "on"
        elif isinstance(value, list | tuple):
            data[bound.html_name] = [str(item) for item in value]
        elif value is not None:
            data[bound.html_name] = str(value)
    for formset in getattr(form, "formsets", {}).values():
        for bound in formset.management_form:
            data[bound.html_name] = str(bound.value())
        for row in formset.forms:
            as_the_browser_holds_it(row, data)
    return data


def test_a_survey_option_s_newer_polish_survives_and_a_clash_is_refused(db, django_user_model):
    from cms.models import SurveyOption
    from tests import survey_factories

    survey = survey_factories.survey()
    editor = session(django_user_model.objects.create_superuser("r2", "r2@x.org", "x" * 16))
    url = reverse("wagtailsnippets_cms_survey:edit", args=[survey.pk])
    opened = editor.get(url)
    assert opened.status_code == 200
    data = as_the_browser_holds_it(opened.context["form"])
    option = SurveyOption.objects.exclude(label_nl="").order_by("pk").first()
    posted_name = next(
        name
        for name, value in data.items()
        if name.endswith("-label_pl") and value == option.label_pl
    )
    option.label_pl = "Nowa etykieta."  # a translator's newer Polish, meanwhile
    option.save()

    refused = editor.post(url, {**data, posted_name: "Etykieta redakcji."})
    assert refused.status_code == 200 and REFUSED in refused.content.decode()
    option.refresh_from_db()
    assert option.label_pl == "Nowa etykieta."

    kept = editor.post(url, {**data, "title_nl": "Werk en wonen 2027"})
    assert kept.status_code == 302
    option.refresh_from_db()
    survey.refresh_from_db()
    assert (option.label_pl, survey.title_nl) == ("Nowa etykieta.", "Werk en wonen 2027")
