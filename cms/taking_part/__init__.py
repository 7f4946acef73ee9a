"""Taking part: sign-ups for activities (with waiting lists) and language buddies.

- ``models``: a sign-up list per activity (or per date), the sign-ups on it;
  ``buddy_models``: buddy projects, the offers of volunteers, the requests of
  migrants, and the matches between them.
- ``capacity``: who gets a place and who waits, under a row lock; promotion
  when someone cancels. ``places``: how many places are left, for pages and
  the API, in a fixed number of queries.
- ``forms``: the one validation of a sign-up, an offer and a request, shared by
  the API and the site. ``intake``: storing what passed it.
- ``notifications``: the e-mails (in the person's language) and the
  organiser's notice. ``buddies``: suggested pairs and making a match.
- ``retention``: personal data erased on schedule, counts kept.
- ``admin`` and ``permissions``: who sees which sign-ups and buddy lists.
"""
