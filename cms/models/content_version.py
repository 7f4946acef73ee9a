"""The content version's one row (``cms.content_version`` says why and who moves it)."""

from django.db import models


class ContentVersion(models.Model):
    """A single row (id 1): ``number`` grows by one with every commit that changes content."""

    id = models.PositiveSmallIntegerField(primary_key=True)
    number = models.BigIntegerField(default=1)

    def __str__(self) -> str:
        return f"content version {self.number}"
