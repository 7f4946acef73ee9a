"""The content version: one number that every committed change of public content moves.

Why: a response cache (``hub.response_cache``) is only safe when it can tell,
in one cheap read, whether anything it may have cached has changed. Counting
changes in Python signals would miss bulk writes (occurrence refresh, imports,
``QuerySet.update``) and Wagtail's own commands (scheduled publishing and
expiry); so PostgreSQL counts them. A deferred constraint trigger on every
content table adds one to ``cms_contentversion.number`` at the commit of any
transaction that wrote such a table: in the same transaction (a reader sees
the new content and the new number together, never one without the other),
once per transaction, and as the last lock it takes (no deadlock with the
rows a sign-up or a publish locks first).

What the clock changes without a write (an occurrence starting or ending, a
page expiring, a survey opening or closing) is ``clock_horizon``: the next
such moment, after which a cached answer may no longer hold.
"""

from .counter import TABLE, clock_horizon, current_version, install_triggers

__all__ = ["TABLE", "clock_horizon", "current_version", "install_triggers"]
