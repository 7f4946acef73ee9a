"""Which partner answers the questions on a topic.

The coordinator sets one partner per topic (``TopicResponsibility``, in the
admin under "Question routing"). A topic without one goes to the coordinators:
a question is never dropped for want of an addressee.
"""

from __future__ import annotations

from ..models import Partner, TopicResponsibility


def responsible_partner(topic: str) -> Partner | None:
    """The partner responsible for ``topic``, or None: then the coordinators answer."""
    found = TopicResponsibility.objects.filter(topic=topic).select_related("partner").first()
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


def route_unrouted(routing: dict[str, str]) -> list[str]:
    """Give each topic in ``{topic: partner slug}`` its partner, unless one is set already.

    For the demo data: loading it again must not undo what a coordinator chose.
    Returns the topics that were routed.
    """
    taken = set(TopicResponsibility.objects.values_list("topic", flat=True))
    partners = Partner.objects.in_bulk(list(routing.values()), field_name="slug")
    routed = []
    for topic, slug in routing.items():
        if topic not in taken and slug in partners:
            TopicResponsibility.objects.create(topic=topic, partner=partners[slug])
            routed.append(topic)
    return routed
