"""Partners' own calendars: their iCalendar feed becomes their activities.

``fetching`` gets a feed without opening a way into the server's own network,
``parsing`` turns its events into activity records (the import format of
``cms.importing``), ``syncing`` upserts them by the event's UID and records what
happened in ``CalendarImport``, and ``tasks`` runs that in the background.
"""
