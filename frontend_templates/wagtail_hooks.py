"""The site's pages, served by Wagtail: what the page answers beside its HTML."""

from __future__ import annotations

from wagtail import hooks

from cms.models import ActivityIndexPage


@hooks.register("on_serve_page")
def malformed_activity_filters_are_a_bad_request(serve):
    """The activity list with a filter no form of ours sends (``?date=9999-12-31``): 400.

    The page is the same, with the field's error and the activities: it still
    helps a visitor who typed the link. The status tells a client, a crawler or
    a monitor that the request was at fault, not the server (issue 21, point 4).
    The page is rendered here, so that its own reading of the filters (the
    ``activity_listing`` tag, which leaves it on the request) decides.
    """

    def serve_with_status(page, request, args, kwargs):
        response = serve(page, request, args, kwargs)
        if not isinstance(page, ActivityIndexPage) or response.status_code != 200:
            return response
        if hasattr(response, "render"):
            response.render()
        listing = getattr(request, "activity_listing", None)
        if listing is not None and listing.malformed:
            response.status_code = 400
        return response

    return serve_with_status
