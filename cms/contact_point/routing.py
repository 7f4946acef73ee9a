"""Which partner answers the questions on a topic.

The coordinator sets one partner per topic (``TopicResponsibility``, in the
admin under "Question routing"). A topic without one goes to the coordinators:
a question is never dropped for want of an addressee.
"""

from __future__ import annotations

from django.db.models import F, Q

from ..models import Partner, TopicResponsibility


def responsible_partner(topic: str, municipality_id: int | None = None) -> Partner | None:
    """The partner responsible for ``topic`` in the municipality, or None: the coordinators.

    Each municipality routes its own questions; a route set for no municipality
    in particular (before regions, or by a regional coordinator) holds wherever
    the municipality has none of its own.
    """
    rows = TopicResponsibility.objects.filter(topic=topic)
    if municipality_id is not None:
        rows = rows.filter(
            Q(municipality_id=municipality_id) | Q(municipality__isnull=True)
        ).order_by(F("municipality_id").asc(nulls_last=True))
    found = rows.select_related("partner").first()
    return found.partner if found else None


def responsible_partners() -> dict[str, Partner]:
    """``{topic: partner}`` for every topic a partner is responsible for (one query)."""
    return {row.topic: row.partner for row in TopicResponsibility.objects.select_related("partner")}


def set_responsible(topic: str, partner: Partner | None) -> None:
    """Make ``partner`` answer ``topic`` (None: back to the coordinators)."""
    if partner is None:
        TopicResponsibility.objects.filter(topic=topic).delete()
    else:
        TopicResponsibility.objects.update_or_create(topic=topic, defaults={"partner": partner})


def route_unrouted(routing: dict[str, str], municipality_id: int | None = None) -> list[str]:
    """Give each topic in ``{topic: partner slug}`` its partner, unless one is set already.

    For the demo data: loading it again must not undo what a coordinator chose.
    Returns the topics that were routed.
    """
    taken = set(
        TopicResponsibility.objects.filter(municipality_id=municipality_id).values_list(
            "topic", flat=True
        )
    )
    partners = Partner.objects.in_bulk(list(routing.values()), field_name="slug")
    routed = []
    for topic, slug in routing.items():
        if topic not in taken and slug in partners:
            TopicResponsibility.objects.create(
                topic=topic, partner=partners[slug], municipality_id=municipality_id
            )
            routed.append(topic)
    return routed
