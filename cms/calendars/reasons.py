"""Why a calendar import failed, in the language of whoever reads it.

The import runs in the worker or at night, in no reader's language; the
partner reads the reason later in their own. So a reason is kept as its
English text with the values apart (``CalendarImport.reason``) and translated
when shown; ``str()`` gives the English line for the command's output and the log.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext


@dataclass(frozen=True)
class Reason:
    text: str  # an English msgid, marked with gettext_noop where it is written
    params: dict[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        return self.text % self.params

    def translated(self) -> str:
        return gettext(self.text) % self.params

    def as_json(self) -> dict[str, Any]:
        return {"text": self.text, "params": self.params}

    @classmethod
    def from_json(cls, stored: dict[str, Any]) -> Reason:
        return cls(stored["text"], stored.get("params") or {})


def as_is(text: str) -> Reason:
    """Words that are not ours to translate (a library's error): shown as they are."""
    return Reason("%(text)s", {"text": text})


def problem_line(stored: dict[str, Any]) -> str:
    """One stored problem (``EventProblem.as_json`` or ``Reason.as_json``) in the active
    language."""
    message = Reason.from_json(stored).translated()
    if "uid" not in stored:
        return message
    return gettext("event '%(title)s' (UID %(uid)s): %(message)s") % {
        "title": stored["summary"] or gettext("(no title)"),
        "uid": stored["uid"] or gettext("(none)"),
        "message": message,
    }


class ImportProblem(Exception):
    """An exception that carries a ``Reason``.

    ``raise FeedUnavailable(gettext_noop("... '%(host)s' ..."), host=host)``
    """

    def __init__(self, text: str, **params: Any) -> None:
        self.reason = Reason(text, params)
        super().__init__(str(self.reason))
