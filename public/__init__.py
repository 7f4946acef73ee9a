"""The shared layer under both presenters: what the public may read and send.

The API (``api``) and the site (``frontend_templates``) are two ways of
presenting the same things; each parses its request, calls a function here and
presents the answer. Here live the selections and orderings (activities,
guides, partners, the policy plan), the search parameters, the calendar feed
and the guard in front of every anonymous submission (``public.guard``).

Nothing here imports ``api`` or ``frontend_templates``; it reads ``cms`` (the
content) and ``search`` (the search service). import-linter enforces it.
"""
