"""Municipalities of a region: one installation, many municipal sites.

- ``models``: ``Municipality`` (one-to-one with Wagtail's ``Site``) and its
  ``Village`` rows;
- ``registry``: every municipality with its sites, villages and languages, kept
  in memory so that resolving a request's municipality costs no query;
- ``lookup``: the accessors other features use (``for_site``, ``for_request``,
  ``by_slug``, ``default``);
- ``scoping``: the queryset filters "published to this municipality".

Import the accessors from ``cms.municipalities.lookup``; this package itself
imports nothing, so that ``cms.models`` can load its models.
"""
