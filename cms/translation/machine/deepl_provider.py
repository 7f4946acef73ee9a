"""DeepL through its official Python client (``deepl``).

Configured from the environment: ``DEEPL_AUTH_KEY`` (no key: machine drafts
are off) and optionally ``DEEPL_SERVER_URL`` (the Free API's address, or a
local server in the tests: they never call DeepL itself). Rich text is sent
with ``tag_handling="html"``, so its tags come back where they were.
"""

from __future__ import annotations

import deepl
from django.conf import settings

from .provider import BudgetSpent, ProviderRefused, ProviderUnavailable, Usage

# Our codes → DeepL's target codes (English and Portuguese need their variant).
TARGETS = {"en": "EN-GB", "pt": "PT-PT"}


def is_configured() -> bool:
    return bool(settings.DEEPL_AUTH_KEY)


class DeepLTranslator:
    name = "DeepL"

    def __init__(self, auth_key: str | None = None, server_url: str | None = None):
        # One retry, not the client's five with back-off: the person asking waits.
        deepl.http_client.max_network_retries = settings.DEEPL_NETWORK_RETRIES
        self.client = deepl.Translator(
            auth_key or settings.DEEPL_AUTH_KEY,
            server_url=server_url or settings.DEEPL_SERVER_URL or None,
            send_platform_info=False,
        )

    def translate(self, texts: list[str], source: str, target: str, html: bool) -> list[str]:
        if not texts:
            return []
        with _failures():
            results = self.client.translate_text(
                texts,
                source_lang=source.upper(),
                target_lang=TARGETS.get(target, target.upper()),
                tag_handling="html" if html else None,
            )
        return [result.text for result in results]

    def usage(self) -> Usage:
        with _failures():
            usage = self.client.get_usage()
        detail = usage.character
        return Usage(detail.count or 0, detail.limit if detail.valid else None)


class _failures:
    """The client's exceptions as ours, with a message for the coordinator."""

    def __enter__(self):
        return self

    def __exit__(self, kind, error, traceback):
        if error is None:
            return False
        if isinstance(error, deepl.AuthorizationException):
            raise ProviderRefused(
                "DeepL refused the key (DEEPL_AUTH_KEY): check it in the server's settings."
            ) from error
        if isinstance(error, deepl.QuotaExceededException):
            raise BudgetSpent("DeepL's own character quota for this period is used up.") from error
        if isinstance(error, deepl.DeepLException):
            raise ProviderUnavailable(
                f"DeepL could not be reached or gave an error ({error}). Try again later."
            ) from error
        return False
