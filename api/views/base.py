"""What every view of the public API shares.

The API-only concerns hang on these bases, so they hold for the API's views
and nothing else: the body limit (``api.body_limits``), the negotiated
language (``api.languages``) and, on reads, ETag, 304 and Cache-Control
(``api.caching``).
"""

from ..body_limits import BodyLimitMixin
from ..caching import ConditionalGetMixin
from ..languages import RequestLanguageMixin
from ..municipalities import RequestMunicipalityMixin


class PublicApiMixin(BodyLimitMixin, RequestLanguageMixin, ConditionalGetMixin):
    """Negotiated language, ETag and 304; only GET, HEAD and OPTIONS (others are 405)."""

    http_method_names = ["get", "head", "options"]


class MunicipalApiMixin(RequestMunicipalityMixin, PublicApiMixin):
    """A public read scoped to the request's municipality (``self.municipality``)."""


class PublicFormMixin(BodyLimitMixin, RequestLanguageMixin):
    """The anonymous forms (questions, survey answers): body limit and language, never cached."""
