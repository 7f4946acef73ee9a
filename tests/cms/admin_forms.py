"""POST data for the admin's page forms, as the editor's browser would send it."""

from __future__ import annotations

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms.models import ActivityPage, GuidePage
from cms.translation.languages import language_codes


def _bodies(text: str) -> dict:
    bodies = {f"body_{code}": streamfield([]) for code in language_codes()}
    bodies["body_nl"] = streamfield([("text", rich_text(f"<p>{text}</p>"))])
    return bodies


def page_form_data(page, action: str | None = None, **overrides) -> dict:
    """The edit form of ``page`` filled in with its current values, changed by ``overrides``."""
    page = page.specific
    fields = {
        "title_nl": page.title_nl,
        "title_en": page.title_en or "",
        "slug": page.slug,
        "summary_nl": page.summary_nl,
        **_bodies("Tekst."),
        "comments": inline_formset([]),
    }
    if isinstance(page, ActivityPage):
        fields.update(
            category=page.category_id,
            organiser=page.organiser_id,
            starts_at="2027-01-05 19:00",
            ends_at="2027-01-05 20:30",
            audience="everyone",
            is_free="on",
            registration="none",
        )
    elif isinstance(page, GuidePage):
        fields.update(topic=page.topic, author=page.author_id)
    fields.update(overrides)
    if action:
        fields[f"action-{action}"] = action
    data = nested_form_data(fields)
    if isinstance(page, ActivityPage):
        data["languages_offered"] = list(page.languages_offered or ["nl"])
    return data


def new_activity_form_data(template: ActivityPage, slug: str, organiser_id: int, action=None):
    """A new activity like ``template`` (for the add view)."""
    return page_form_data(
        template, action, slug=slug, title_nl=f"Nieuw {slug}", organiser=organiser_id
    )
