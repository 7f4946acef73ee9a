"""The first problem of a refused form, for the one error every public submission answers with.

The question, sign-up, buddy and feedback forms all report one field and one
message (``public.guard.Refused``), so they share this instead of each keeping
a copy.
"""

from __future__ import annotations

from django import forms


def first_error(form: forms.Form) -> tuple[str, str]:
    """The first problem, in field order: ``(field name, message)``."""
    for name in form.fields:
        if name in form.errors:
            return name, str(form.errors[name][0])
    name, messages = next(iter(form.errors.items()))
    return name, str(messages[0])
