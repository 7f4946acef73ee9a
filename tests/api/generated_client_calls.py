"""Calls every GET operation of the API through the Python client OpenAPI Generator made.

Run by tests/api/test_generated_clients.py with the throwaway venv's Python
(.services/tools/client-venv), where the generated ``wegwijs_client`` is
installed: not by pytest, and not with the project's venv (the client needs
urllib3 2). Usage: ``python generated_client_calls.py BASE_URL SCHEMA.json``.

The operations come from the schema, so a new endpoint is called as soon as it
is documented. Lists are walked page by page along their ``next`` cursors;
every detail operation is called for each slug its list gave; everything in
Dutch and in Polish. A call fails when the client raises (an HTTP error, or an
answer its models cannot read). Prints a JSON report; exit status 1 on any failure.
"""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from typing import Any
from urllib.parse import parse_qs, urlsplit

import wegwijs_client

PAGE_SIZE = 2  # small, so that every list takes several pages
LANGUAGES = ("nl", "pl")
# Required query parameters of these operations, as a client would fill them in.
REQUIRED = {"search_suggest_retrieve": {"q": "taal"}}
EXTRA_CALLS = {"search_retrieve": [{"q": "taal"}, {"q": "voetbal", "type": "activity,guide"}]}


def snake(name: str) -> str:
    return re.sub(r"[^0-9a-zA-Z]+", "_", name).strip("_").lower()


def api_for(client: Any, tag: str) -> Any:
    class_name = "".join(word.capitalize() for word in snake(tag).split("_")) + "Api"
    return getattr(wegwijs_client, class_name)(client)


def get_operations(schema: dict) -> list[dict]:
    """Every GET of the schema: path, operationId, tag, its parameter names."""
    return [
        {
            "path": path,
            "id": operation["operationId"],
            "tag": operation["tags"][0],
            "parameters": {parameter["name"] for parameter in operation.get("parameters", [])},
        }
        for path, item in schema["paths"].items()
        for method, operation in item.items()
        if method == "get"
    ]


def cursor_of(url: str | None) -> str | None:
    if not url:
        return None
    return parse_qs(urlsplit(url).query)["cursor"][0]


def slugs_of(answer: Any) -> list[str]:
    items = getattr(answer, "results", answer)
    if not isinstance(items, list):
        return []
    return [item.slug for item in items if getattr(item, "slug", None)]


def main(base_url: str, schema_path: str) -> int:
    with open(schema_path, encoding="utf-8") as handle:
        schema = json.load(handle)
    client = wegwijs_client.ApiClient(wegwijs_client.Configuration(host=base_url))
    operations = get_operations(schema)
    calls: dict[str, int] = defaultdict(int)
    pages: dict[str, int] = defaultdict(int)
    failures: list[str] = []
    slugs: dict[str, list[str]] = {}

    def call(operation: dict, **params: Any) -> Any:
        method = getattr(api_for(client, operation["tag"]), operation["id"])
        calls[operation["id"]] += 1
        try:
            return method(**REQUIRED.get(operation["id"], {}), **params)
        except Exception as error:  # noqa: BLE001 - every failure is reported, none stops the run
            failures.append(f"{operation['id']}({params}): {type(error).__name__}: {error}")
            return None

    # Lists and other operations without a path parameter first: they give the slugs.
    for operation in (op for op in operations if "{" not in op["path"]):
        for language in LANGUAGES:
            params = {"lang": language} if "lang" in operation["parameters"] else {}
            if "cursor" in operation["parameters"]:
                found: list[str] = []
                cursor = None
                while True:
                    answer = call(operation, page_size=PAGE_SIZE, cursor=cursor, **params)
                    if answer is None:
                        break
                    pages[operation["id"]] += 1
                    found += slugs_of(answer)
                    cursor = cursor_of(answer.next)
                    if cursor is None:
                        break
                if len(found) != len(set(found)):
                    failures.append(f"{operation['id']}: the cursor walk repeated an item")
            else:
                answer = call(operation, **params)
                found = slugs_of(answer)
            slugs.setdefault(operation["path"], found)
            for extra in EXTRA_CALLS.get(operation["id"], []):
                call(operation, **params, **extra)

    for operation in (op for op in operations if "{slug}" in op["path"]):
        listed = slugs.get(operation["path"].split("/{slug}")[0], [])
        if not listed:
            failures.append(f"{operation['id']}: its list gave no slug to call it with")
        for slug in listed:
            for language in LANGUAGES:
                call(operation, slug=slug, lang=language)

    print(
        json.dumps(
            {
                "operations": sorted(op["id"] for op in operations),
                "calls": dict(calls),
                "pages": dict(pages),
                "failures": failures,
            },
            indent=2,
        )
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
