"""The central contact point: one place to ask a question, in one's own language.

- ``models``: a question, its topics and contact methods, and which partner
  is responsible for a topic.
- ``forms``: what a question must look like; the one validation shared by the
  API (``POST /api/v1/questions``) and the site's form.
- ``routing``: which partner answers a topic (the coordinator decides).
- ``intake``: a valid question is given a reference and routed.
- ``handling``: a partner's editor answers and closes it (the answer e-mailed
  when the asker left an e-mail address).
- ``retention``: the personal data in questions is erased on schedule.
- ``admin``: the admin views (wired in ``cms/wagtail_hooks.py``).
- ``permissions``: a partner's editors see only the questions routed to their
  partner; coordinators see them all.
"""
