"""Cursor pagination on (sort key, id): ``{"next", "previous", "results"}``.

A page is "the rows after (key, id)" rather than "rows 40 to 60", so a row
published while someone pages does not shift the next page, and deep pages cost
no OFFSET scan. The cursor is opaque to clients (base64 JSON); one that does not
decode to a valid position is a 400, never a 500.

The ``next``/``previous`` links are built on the request's own address, so a
client behind another proxy path keeps working; the host in them is one that
``ALLOWED_HOSTS`` accepted (production refuses to start without it). Django
checks the host without its port, so a port a request names does reach the
links (issue 21, point 7: not yet built on the configured site).
"""

from __future__ import annotations

import base64
import binascii
import json
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Field, Q, QuerySet
from rest_framework.pagination import BasePagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from cms import bounded_input
from cms.site_address import absolute_url
from public.parameters import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE

from .errors import InvalidParameter

CURSOR_PARAMETER = "cursor"
PAGE_SIZE_PARAMETER = "page_size"


def page_size_from(request: Request, default: int = DEFAULT_PAGE_SIZE) -> int:
    """``?page_size=``: a whole number from 1 to 100."""
    raw = request.query_params.get(PAGE_SIZE_PARAMETER)
    if raw is None or raw == "":
        return default
    try:
        size = int(raw)
    except ValueError:
        size = 0
    if not 1 <= size <= MAX_PAGE_SIZE:
        raise InvalidParameter(
            PAGE_SIZE_PARAMETER, f"page_size must be a whole number from 1 to {MAX_PAGE_SIZE}."
        )
    return size


def _key_field(queryset: QuerySet, key: str) -> Field:
    annotation = queryset.query.annotations.get(key)
    return (
        annotation.output_field if annotation is not None else queryset.model._meta.get_field(key)
    )


def _read(row: Any, name: str) -> Any:
    """A column of a model instance, or of a ``.values()`` row (api/serializers/activity_rows)."""
    return row[name] if isinstance(row, dict) else getattr(row, name)


class KeysetCursorPagination(BasePagination):
    """Pages through a queryset ordered by ``sort_key`` (a field or annotation), then id."""

    sort_key = "pk"
    # Keys outside the accepted years that the sort key itself uses (a "last" marker).
    sentinel_keys: tuple = ()

    def paginate_queryset(self, queryset: QuerySet, request: Request, view=None) -> list[Any]:
        position = self.start(request, _key_field(queryset, self.sort_key))
        return self.finish(list(self.page_query(queryset, position)), position)

    def start(self, request: Request, key_field: Field) -> dict[str, Any] | None:
        """Read the page size and the cursor (``key_field`` decodes its key): the position."""
        self.request = request
        self.page_size = page_size_from(request)
        return self._decode(request, key_field)

    def page_query(self, queryset: QuerySet, position: dict[str, Any] | None) -> QuerySet:
        """The rows from ``position`` on, in its direction, one more than a page."""
        key = self.sort_key
        if position is None or not position["back"]:
            ordering = (key, "pk")
            if position is not None:
                queryset = queryset.filter(
                    Q(**{f"{key}__gt": position["key"]})
                    | Q(**{key: position["key"], "pk__gt": position["id"]})
                )
        else:
            ordering = (f"-{key}", "-pk")
            queryset = queryset.filter(
                Q(**{f"{key}__lt": position["key"]})
                | Q(**{key: position["key"], "pk__lt": position["id"]})
            )
        return queryset.order_by(*ordering)[: self.page_size + 1]

    def finish(self, rows: list[Any], position: dict[str, Any] | None) -> list[Any]:
        """The page of ``rows`` (from ``page_query``), in the sort order; notes the links."""
        has_more = len(rows) > self.page_size
        page = rows[: self.page_size]
        if position is not None and position["back"]:
            page.reverse()
            self.has_next, self.has_previous = True, has_more
        else:
            self.has_next, self.has_previous = has_more, position is not None
        self.page = page
        return page

    def _position_of(self, row: Any) -> str:
        value = _read(row, self.sort_key)
        return value.isoformat() if hasattr(value, "isoformat") else str(value)

    def _own_address(self) -> str:
        """This request's path and query on the site's configured address, not on its Host."""
        return absolute_url(self.request, self.request.get_full_path())

    def _link(self, row: Any, back: bool) -> str:
        token = json.dumps({"k": self._position_of(row), "i": _read(row, "pk"), "b": back})
        cursor = base64.urlsafe_b64encode(token.encode()).decode().rstrip("=")
        return replace_query_param(self._own_address(), CURSOR_PARAMETER, cursor)

    def _decode(self, request: Request, field: Field) -> dict[str, Any] | None:
        raw = request.query_params.get(CURSOR_PARAMETER)
        if not raw:
            return None
        try:
            # Bounded: a cursor is client input like any other (deep nesting, 1e400).
            token = bounded_input.loads(base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)))
            position = {
                "key": field.to_python(token["k"]),
                "id": int(token["i"]),
                "back": bool(token["b"]),
            }
        except (binascii.Error, ValueError, TypeError, KeyError, OverflowError, ValidationError):
            raise InvalidParameter(
                CURSOR_PARAMETER, "Not a cursor from this API: follow the next and previous links."
            ) from None
        key = position["key"]
        out_of_range = (
            isinstance(key, date)
            and not bounded_input.within_years(key)
            and key not in self.sentinel_keys
        )
        if key is None or out_of_range or "\x00" in str(key) or not 0 < position["id"] < 2**63:
            # Values PostgreSQL would refuse with an error rather than compare.
            raise InvalidParameter(CURSOR_PARAMETER, "The cursor holds no valid position.")
        return position

    def get_next_link(self) -> str | None:
        if not self.has_next or not self.page:
            return None
        return self._link(self.page[-1], back=False)

    def get_previous_link(self) -> str | None:
        if not self.has_previous:
            return None
        if not self.page:
            # Nothing left after the cursor (rows were unpublished meanwhile): start over.
            return remove_query_param(self._own_address(), CURSOR_PARAMETER)
        return self._link(self.page[0], back=True)

    def get_paginated_response(self, data: list) -> Response:
        return Response(
            {"next": self.get_next_link(), "previous": self.get_previous_link(), "results": data}
        )

    def get_paginated_response_schema(self, schema: dict) -> dict:
        link = {"type": "string", "format": "uri", "nullable": True}
        return {
            "type": "object",
            "required": ["next", "previous", "results"],
            "properties": {
                "next": {**link, "description": "The next page, or null on the last page."},
                "previous": {**link, "description": "The previous page, or null on the first."},
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view) -> list[dict]:
        return [
            {
                "name": CURSOR_PARAMETER,
                "required": False,
                "in": "query",
                "description": "Opaque position from a `next` or `previous` link.",
                "schema": {"type": "string"},
            },
            {
                "name": PAGE_SIZE_PARAMETER,
                "required": False,
                "in": "query",
                "description": f"Results per page, 1 to {MAX_PAGE_SIZE} "
                f"(default {DEFAULT_PAGE_SIZE}).",
                "schema": {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": MAX_PAGE_SIZE,
                    "default": DEFAULT_PAGE_SIZE,
                },
            },
        ]
