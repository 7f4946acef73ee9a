"""Import errors that name the record and the field, so a partner can fix the file."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FieldProblem:
    section: str  # "partners", "activities", ...
    slug: str  # the record's slug, or "#<index>" when it has none
    field: str  # dotted path inside the record, e.g. "location.lat" or "title.pl"
    message: str

    def __str__(self) -> str:
        return f"{self.section} '{self.slug}', field '{self.field}': {self.message}"


class InvalidField(ValueError):
    """Raised while reading one record; the importer adds section and slug."""

    def __init__(self, field: str, message: str):
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}")


class ImportFailed(Exception):
    """The file had invalid records; the database was left unchanged."""

    def __init__(self, problems: list[FieldProblem]):
        self.problems = problems
        lines = "\n".join(f"  - {problem}" for problem in problems)
        super().__init__(
            f"Import failed, nothing was changed. {len(problems)} problem(s):\n{lines}"
        )
