"""Answers to small questions about content, remembered for one content version.

Why: every request of the API's activity list asked PostgreSQL the same two
things whose answers only a content commit changes: does the category slug
exist, and which texts are unreviewed machine output. Under load each round
trip cost more than building the rest of the answer (bench/results/notes.md).

The response cache (``hub.response_cache``) reads the content version at the
start of every public GET it handles and names it here for that request
(``reading_at``). While a version is named, ``remembered`` answers from what this
process computed at that same version, and a newer version drops everything
remembered. Outside such a request (a write, the admin, a command, tests with
the response cache off) nothing is remembered: each call computes.

An answer computed just after a commit may be remembered under the version
read just before it; only requests that read that older version (already in
flight at the commit) can see it, and they would have read the newer rows had
they asked PostgreSQL at that moment. Values must not be mutated by callers,
but for a container remembered to be filled (``cms.page_address``).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

T = TypeVar("T")

# Answers per process and version; slugs come from clients, so the number is bounded.
MAX_ANSWERS = 4096
_version: ContextVar[int | None] = ContextVar("content_version", default=None)
# (version, {key: answer}), replaced as a whole when the version moves.
_answers: tuple[int | None, dict[Hashable, Any]] = (None, {})


@contextmanager
def reading_at(version: int) -> Iterator[None]:
    """While inside, ``remembered`` may answer from what was computed at ``version``."""
    token = _version.set(version)
    try:
        yield
    finally:
        _version.reset(token)


def remembered(key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, or its answer at the current request's content version."""
    global _answers
    version = _version.get()
    if version is None:
        return compute()
    held_at, answers = _answers
    if held_at != version:
        answers = {}
        _answers = (version, answers)
    if key in answers:
        return answers[key]
    value = compute()
    if len(answers) >= MAX_ANSWERS:
        answers.clear()
    answers[key] = value
    return value


def forget() -> None:
    """Drop every answer remembered. For tests: a test database rolled back under this
    process can show a version number again, with other rows; a real one never does."""
    global _answers
    _answers = (None, {})


__all__ = ["forget", "reading_at", "remembered"]
