"""What a machine translation service does for Wegwijs, and how it fails.

Every failure is one of three, each with a message a coordinator can act on;
the drafts module turns them into "nothing was written" for the person asking.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


class MachineTranslationFailed(Exception):
    """The service gave no translation; the message says why and what to do."""


class ProviderUnavailable(MachineTranslationFailed):
    """The service could not be reached or answered with an error: try again later."""


class ProviderRefused(MachineTranslationFailed):
    """The service refused the key (wrong, expired, or for another account)."""


class BudgetSpent(MachineTranslationFailed):
    """This month's characters are used up (ours, or the provider's own quota)."""


@dataclass(frozen=True)
class Usage:
    """The provider's own count for its billing period (None when it has no limit)."""

    characters: int
    limit: int | None


class MachineTranslator(Protocol):
    name: str

    def translate(self, texts: list[str], source: str, target: str, html: bool) -> list[str]:
        """``texts`` translated, in order; ``html``: keep the markup (rich text)."""

    def usage(self) -> Usage: ...
