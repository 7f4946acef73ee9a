"""Who works for which partner, and in which role.

Membership is plain Django group membership: every partner has one group per
role (its editors and its contributors), created with the partner. A user's
partners are the partners of the groups they belong to. Keeping the groups as
the single source of truth means the coordinator can also manage membership
where Wagtail manages users (a user's "Roles" tab), and that the page and
image permissions Wagtail needs live on the same group.

``PartnerGroup`` only says which partner and role a group stands for; the
rules that use it are in ``cms.permissions``.
"""

from django.contrib.auth.models import Group
from django.db import models


class PartnerRole(models.TextChoices):
    EDITOR = "editor", "Editor (publishes)"
    CONTRIBUTOR = "contributor", "Contributor (submits for approval)"


class PartnerGroup(models.Model):
    """The Django group of one partner's editors or contributors."""

    partner = models.ForeignKey("cms.Partner", on_delete=models.CASCADE, related_name="groups")
    role = models.CharField(max_length=20, choices=PartnerRole.choices)
    group = models.OneToOneField(Group, on_delete=models.CASCADE, related_name="partner_group")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["partner", "role"], name="one_group_per_partner_role")
        ]

    def __str__(self) -> str:
        return self.group.name
