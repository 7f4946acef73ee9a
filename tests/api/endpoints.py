"""The public read endpoints, addressed on the objects of tests/api/conftest.py's content.

Search suggestions are left out: each test asks them with the query it needs.
"""

READS = [
    "languages",
    "categories",
    "glossary",
    "building-blocks",
    "partners",
    "partners/vv-ochten",
    "activities",
    "activities/taalcafe",
    "activities.ics",
    "guides",
    "guides/huisarts",
    "policy-plan",
    "search",
]

# The API index (GET /api/v1/): a read without texts, so without a language.
INDEX = ""
