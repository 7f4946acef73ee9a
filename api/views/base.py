"""What every read endpoint of the public API shares."""

from ..caching import ConditionalGetMixin
from ..languages import RequestLanguageMixin


class PublicApiMixin(RequestLanguageMixin, ConditionalGetMixin):
    """Negotiated language, ETag and 304; only GET, HEAD and OPTIONS (others are 405)."""

    http_method_names = ["get", "head", "options"]
