"""Translation: the fields per language, the language a text is shown in, what is left to do.

- ``languages``: the offered languages, their names and direction, and the one
  language negotiation (API and site);
- ``fallback``: the one fallback rule (requested → en → nl, blank text counts as
  missing) in each form it runs in: Python, SQL and the search index's texts;
- ``registration``: the per-language fields (django-modeltranslation), loaded
  through ``MODELTRANSLATION_TRANSLATION_FILES``;
- ``tracking``, ``status``: which Dutch source each translation was made from,
  and so whether it is complete, missing or outdated;
- ``panels``, ``report``: the editor's status panel and the coordinator's report;
- ``records``, ``provenance``: per field and language, where a text came from
  (person, machine, agency, import), who saved it, from which Dutch version,
  whether a person reviewed it; ``middleware`` names the signed-in person.

Kept free of imports on purpose: django-modeltranslation imports
``cms.translation`` while the app registry is loading, and the models import
``languages`` and ``tracking`` from here; registering in this file would make
models and registration import each other.
"""
