"""Django's ``<select>``, ``<input>`` and ``<label>``, written out in Python rather than
through templates.

The activity list's filter form has five drop-downs with some 50 options, four
inputs (a date, a hidden position, two check boxes) and eight labels; Django
renders each option by including ``select_option.html`` and ``attrs.html``, each
input by including ``input.html`` and ``attrs.html`` (each label by
``label.html``) through the template engine: the options were a tenth of the list
page's time, the four inputs another (bench: site: activity list).
``FastSelectRenderer`` writes the very same bytes as those templates do,
escaping as the template engine would; any other widget or template goes to
Django's own renderer unchanged. ``tests/frontend/test_site_pages_fast.py``
compares the two byte for byte.
"""

from __future__ import annotations

from typing import Any

from django.forms.renderers import DjangoTemplates
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeData

SELECT = "django/forms/widgets/select.html"
OPTION = "django/forms/widgets/select_option.html"
LABEL = "django/forms/label.html"
# Widget templates that are exactly ``{% include "django/forms/widgets/input.html" %}``.
INPUTS = {
    f"django/forms/widgets/{name}.html" for name in ("input", "text", "date", "hidden", "checkbox")
}


def _string(value: Any) -> str:
    """``{{ value|stringformat:'s' }}``: "%s", escaped unless the value was already safe."""
    if isinstance(value, SafeData):
        return str(value)
    return escape("%s" % (value,))  # noqa: UP031 (the filter's own formatting)


def _attrs(attrs: dict[str, Any]) -> str:
    """``attrs.html``: ` name="value"`, a bare ` name` for True, nothing for False."""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        parts.append(" " + conditional_escape(name))
        if value is not True:
            parts.append('="' + _string(value) + '"')
    return "".join(parts)


def _option(option: dict[str, Any]) -> str:
    return (
        f'<option value="{_string(option["value"])}"{_attrs(option["attrs"])}>'
        f"{conditional_escape(str(option['label']))}</option>\n"
    )


def render_select(widget: dict[str, Any]) -> str:
    parts = [f'<select name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{conditional_escape(str(group_name))}">')
        for option in group_choices:
            parts.append("\n  " + _option(option))
        if group_name:
            parts.append("\n  </optgroup>")
    # Django's renderer strips what a template renders: the file's last newline goes.
    parts.append("\n</select>")
    return "".join(parts)


def render_input(widget: dict[str, Any]) -> str:
    """``input.html``: the value only when it is not None, then the attributes."""
    value = "" if widget["value"] is None else f' value="{_string(widget["value"])}"'
    return (
        f'<input type="{conditional_escape(widget["type"])}" '
        f'name="{conditional_escape(widget["name"])}"{value}{_attrs(widget["attrs"])}>'
    )


def render_label(context: dict[str, Any]) -> str:
    """``label.html``: ``<label for="id_x">Text</label>``, or the bare text without an id."""
    label = conditional_escape(str(context["label"]))
    if not context["use_tag"]:
        return label.strip()
    tag = conditional_escape(context["tag"])
    return f"<{tag}{_attrs(context['attrs'])}>{label}</{tag}>"


class FastSelectRenderer(DjangoTemplates):
    """Django's form renderer, with ``<select>``, ``<input>`` and ``<label>`` written out in
    Python (same bytes)."""

    def render(self, template_name, context, request=None):
        if template_name == LABEL:
            return render_label(context)
        widget = context.get("widget")
        if template_name in INPUTS and widget is not None:
            return render_input(widget)
        if (
            template_name == SELECT
            and widget is not None
            and all(
                option["template_name"] == OPTION
                for _name, choices, _index in widget["optgroups"]
                for option in choices
            )
        ):
            return render_select(widget)
        return super().render(template_name, context, request)
