"""The survey snippet's views, each narrowed to the user's municipalities.

Wagtail's snippet views ask the permission policy for the action only, not for
the object: a municipality coordinator could open another municipality's
survey by its address. These ask for the object too (as stored), and the
listing shows the user's municipalities' surveys only.
"""

from __future__ import annotations

from wagtail.snippets.views import snippets as snippet_views

from ..permissions.municipal_rows import MunicipalRowListingMixin, MunicipalRowObjectMixin


class SurveyIndexView(MunicipalRowListingMixin, snippet_views.IndexView):
    pass


class SurveyEditView(MunicipalRowObjectMixin, snippet_views.EditView):
    pass


class SurveyCopyView(MunicipalRowObjectMixin, snippet_views.CopyView):
    pass


class SurveyDeleteView(MunicipalRowObjectMixin, snippet_views.DeleteView):
    pass


class SurveyHistoryView(MunicipalRowObjectMixin, snippet_views.HistoryView):
    pass


class SurveyUsageView(MunicipalRowObjectMixin, snippet_views.UsageView):
    pass
