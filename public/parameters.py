"""Query-parameter types shared by the filters: strict, so bad input is a 400, never a 500.

They are DRF serializer fields so that one declaration both validates a
parameter (for the API and the site alike, with the same messages naming the
same fields) and documents it in the API's OpenAPI schema. Nothing here knows
about a request: the presenters hand in the query string as a mapping.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from typing import Any

from django.db.models import Model
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cms.bounded_input import EARLIEST_YEAR, LATEST_YEAR, BoundedInputError, bounded_moment
from cms.content_version.memo import remembered
from cms.recurrence import AMSTERDAM

# Half the earth's circumference: every point on earth lies within it.
MAX_RADIUS_KM = 20_016.0
# Results per page of a list or a search: the default and the most a client may ask for.
DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


def query_data(query: Mapping[str, str]) -> dict[str, str]:
    """The query string as a flat dict; an empty parameter (``?category=``) counts as absent.

    Partner sites build URLs from forms, where an unset filter arrives empty.
    ``query`` is a ``QueryDict`` (its last value per key) or a plain dict.
    """
    return {key: query[key] for key in query if query[key].strip()}


def validated(serializer_class: type[serializers.Serializer], query: Mapping[str, str]) -> dict:
    """``query`` checked by ``serializer_class``; absent parameters left out.

    Raises ``rest_framework.serializers.ValidationError`` naming the parameter.
    """
    serializer = serializer_class(data=query_data(query))
    serializer.is_valid(raise_exception=True)
    return {key: value for key, value in serializer.validated_data.items() if value is not None}


class FiniteFloatField(serializers.FloatField):
    """A float; ``nan`` and ``inf`` are refused like any other non-number."""

    def to_internal_value(self, data):
        value = super().to_internal_value(data)
        if not math.isfinite(value):
            self.fail("invalid")
        return value


@extend_schema_field(
    {"type": "number", "minimum": 0, "exclusiveMinimum": True, "maximum": MAX_RADIUS_KM}
)
class RadiusField(FiniteFloatField):
    """A distance in kilometres, more than 0."""

    def __init__(self, **kwargs):
        super().__init__(min_value=0, max_value=MAX_RADIUS_KM, **kwargs)

    def to_internal_value(self, data):
        value = super().to_internal_value(data)
        if value == 0:
            raise serializers.ValidationError("The radius must be more than 0 km.")
        return value


@extend_schema_field({"type": "string", "pattern": r"^-?\d+(\.\d+)?,-?\d+(\.\d+)?$"})
class CoordinatesField(serializers.Field):
    """``lat,lon`` in decimal degrees, e.g. ``51.91,5.57``."""

    default_error_messages = {
        "invalid": "Give a position as lat,lon in decimal degrees, e.g. 51.91,5.57.",
        "latitude": "The latitude must be between -90 and 90.",
        "longitude": "The longitude must be between -180 and 180.",
    }

    def to_internal_value(self, data: Any) -> tuple[float, float]:
        parts = data.split(",") if isinstance(data, str) else []
        if len(parts) != 2:
            self.fail("invalid")
        try:
            lat, lon = (float(part) for part in parts)
        except ValueError:
            self.fail("invalid")
        if not (math.isfinite(lat) and math.isfinite(lon)):
            self.fail("invalid")
        if not -90 <= lat <= 90:
            self.fail("latitude")
        if not -180 <= lon <= 180:
            self.fail("longitude")
        return lat, lon

    def to_representation(self, value: tuple[float, float]) -> str:
        return f"{value[0]},{value[1]}"


# "…T19:00:00+01:00" typed into a URL arrives as "…T19:00:00 01:00": a "+" in a
# query string means a space. Put the plus back rather than refuse the date.
UNESCAPED_PLUS = re.compile(r"(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?) (\d{2}(?::?\d{2})?)$")


class MomentField(serializers.DateTimeField):
    """ISO 8601 date or date-time; without an offset it is Amsterdam time.

    Bounded to the years ``cms.bounded_input`` accepts: ``0001-01-01`` cannot
    even be moved to Amsterdam time without overflowing.
    """

    default_error_messages = {
        "out_of_range": f"Give a moment between the years {EARLIEST_YEAR} and {LATEST_YEAR}."
    }

    def __init__(self, **kwargs):
        super().__init__(default_timezone=AMSTERDAM, **kwargs)

    def to_internal_value(self, value):
        if isinstance(value, str):
            value = UNESCAPED_PLUS.sub(r"\1+\2", value.strip())
        try:
            return bounded_moment(super().to_internal_value(value))
        except (OverflowError, BoundedInputError):
            self.fail("out_of_range")


class ChoiceParameterField(serializers.ChoiceField):
    """One value of a fixed list; the error lists them."""

    def __init__(self, values: Sequence[str], **kwargs):
        super().__init__(
            choices=list(values),
            error_messages={"invalid_choice": f"'{{input}}' is not one of {', '.join(values)}."},
            **kwargs,
        )


@extend_schema_field(OpenApiTypes.STR)
class ChoiceListField(serializers.Field):
    """Comma-separated values of a fixed list, e.g. ``activity,guide``."""

    def __init__(self, choices: tuple[str, ...], **kwargs):
        self.choices = choices
        super().__init__(**kwargs)

    def to_internal_value(self, data: Any) -> tuple[str, ...]:
        values = [item.strip() for item in str(data).split(",") if item.strip()]
        unknown = [value for value in values if value not in self.choices]
        if unknown or not values:
            raise serializers.ValidationError(
                f"'{data}' is not a comma-separated list of {', '.join(self.choices)}."
            )
        return tuple(dict.fromkeys(values))

    def to_representation(self, value: tuple[str, ...]) -> str:
        return ",".join(value)


class ExistingSlugField(serializers.SlugField):
    """The slug of an existing ``model`` row (one query, only when the parameter is given)."""

    def __init__(self, model: type[Model], noun: str, listed_at: str, **kwargs):
        self.model, self.noun, self.listed_at = model, noun, listed_at
        super().__init__(max_length=100, **kwargs)

    def to_internal_value(self, data: Any) -> str:
        slug = super().to_internal_value(data)
        # Validators normally run after this method: the slug must be valid before we query.
        self.run_validators(slug)
        # Only a content commit changes the answer: remembered per content version.
        exists = remembered(
            ("slug exists", self.model._meta.label, slug),
            lambda: self.model.objects.filter(slug=slug).exists(),
        )
        if not exists:
            raise serializers.ValidationError(
                f"Unknown {self.noun} '{slug}'; GET {self.listed_at} lists them."
            )
        return slug


def require_near_for_radius(attrs: dict[str, Any]) -> None:
    """``radius_km`` only means something around ``near``."""
    if attrs.get("radius_km") is not None and attrs.get("near") is None:
        raise serializers.ValidationError({"radius_km": "radius_km needs near=lat,lon."})
