"""Needs surveys, models beside their rules.

- ``models``: a survey, its questions and options, and the anonymous responses;
- ``answers``: recording one person's answers (API and site);
- ``results``: counts and breakdowns that single nobody out;
- ``qr``, ``admin``: the coordinator's QR codes and admin views;
- ``permissions``: surveys and results are the coordinator's alone;
- ``retention``: responses are erased on schedule.
"""
