"""One check for a way to reach a person, the same in the question, sign-up and buddy forms."""

import pytest
from django.core.exceptions import ValidationError

from cms.contact import checked_contact
from cms.contact_point.forms import QuestionForm
from cms.taking_part.buddy_forms import BuddyRequestForm
from cms.taking_part.forms import ContactFields


@pytest.mark.parametrize(
    ("method", "value", "stored"),
    [
        ("phone", "+48 (600) 123-456", "+48600123456"),
        ("whatsapp", " 06-12345678 ", "0612345678"),
        ("email", "Ania.Nowak@Example.ORG", "ania.nowak@example.org"),
    ],
)
def test_a_contact_is_normalised_for_its_method(method, value, stored):
    assert checked_contact(method, value) == stored


@pytest.mark.parametrize(
    ("method", "value", "code"),
    [
        ("phone", "12-34", "invalid"),
        ("phone", "call me maybe", "invalid"),
        ("email", "ania@", "invalid"),
        ("email", "   ", "required"),
    ],
)
def test_a_contact_nobody_can_reach_is_refused(method, value, code):
    with pytest.raises(ValidationError) as refused:
        checked_contact(method, value)
    assert refused.value.code == code


def _question(method: str, value: str) -> QuestionForm:
    return QuestionForm(
        {
            "language": "pl",
            "topic": "health",
            "text": "Gdzie jest lekarz rodzinny?",
            "contact_method": method,
            "contact_value": value,
        }
    )


def _signup_contact(method: str, value: str) -> ContactFields:
    return ContactFields(
        {"name": "Ania", "contact_method": method, "contact_value": value, "language": "pl"}
    )


def _buddy_request(method: str, value: str) -> BuddyRequestForm:
    return BuddyRequestForm(
        {
            "name": "Ania",
            "contact_method": method,
            "contact_value": value,
            "language": "pl",
            "languages": ["pl"],
            "village": "ochten",
            "times": ["evenings"],
            "help": ["conversation"],
        }
    )


FORMS = (_question, _signup_contact, _buddy_request)


@pytest.mark.parametrize(
    ("method", "value"),
    [("phone", "+48 (600) 123-456"), ("whatsapp", "06 1234 5678"), ("email", "Ania@Example.org")],
)
def test_every_form_stores_a_contact_the_same_way(db, method, value):
    stored = set()
    for form_for in FORMS:
        form = form_for(method, value)
        assert form.is_valid(), (form_for.__name__, form.errors)
        stored.add(form.cleaned_data["contact_value"])
    assert stored == {checked_contact(method, value)}


@pytest.mark.parametrize(("method", "value"), [("phone", "12-34"), ("email", "ania@")])
def test_every_form_refuses_the_same_contact_with_the_same_message(db, method, value):
    messages = set()
    for form_for in FORMS:
        form = form_for(method, value)
        assert not form.is_valid()
        messages.add(tuple(form.errors["contact_value"]))
    assert len(messages) == 1, messages
