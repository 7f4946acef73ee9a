"""The schema describes every field the API really answers, and nothing it does not."""

import pytest
import yaml

from tests import factories


@pytest.fixture
def schema(client, db) -> dict:
    return yaml.safe_load(client.get("/api/v1/schema").content)


@pytest.fixture
def content(club):
    factories.load(
        activities=[
            factories.activity(
                "vv-ochten",
                slug="voetbal",
                co_organisers=["vv-ochten"],
                mixed_team={"sport": "voetbal", "level": "beginner"},
            )
        ],
        guides=[factories.guide("vv-ochten", slug="huisarts")],
        policy_actions=[factories.policy_action(responsible=["vv-ochten"])],
    )


def resolve(schema: dict, node: dict) -> dict:
    while "$ref" in node:
        node = schema["components"]["schemas"][node["$ref"].rsplit("/", 1)[-1]]
    if "allOf" in node:
        return resolve(schema, node["allOf"][0])
    return node


def assert_described(schema: dict, node: dict, value, where: str) -> None:
    """Every key of ``value`` is a documented property, and every required one is present."""
    node = resolve(schema, node)
    if isinstance(value, dict) and "properties" in node:
        documented = set(node["properties"])
        assert set(value) <= documented, f"{where}: undocumented {set(value) - documented}"
        missing = set(node.get("required", [])) - set(value)
        assert not missing, f"{where}: documented as required but absent: {missing}"
        for key, item in value.items():
            assert_described(schema, node["properties"][key], item, f"{where}.{key}")
    elif isinstance(value, list) and value and "items" in node:
        assert_described(schema, node["items"], value[0], f"{where}[0]")


def ok_response(schema: dict, path: str) -> dict:
    return schema["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]


@pytest.mark.parametrize(
    ("address", "path"),
    [
        ("languages", "/api/v1/languages"),
        ("categories", "/api/v1/categories"),
        ("glossary", "/api/v1/glossary"),
        ("building-blocks", "/api/v1/building-blocks"),
        ("partners", "/api/v1/partners"),
        ("partners/vv-ochten", "/api/v1/partners/{slug}"),
        ("activities", "/api/v1/activities"),
        ("activities?near=51.91,5.57", "/api/v1/activities"),
        ("activities/voetbal", "/api/v1/activities/{slug}"),
        ("guides", "/api/v1/guides"),
        ("guides/huisarts", "/api/v1/guides/{slug}"),
        ("policy-plan", "/api/v1/policy-plan"),
        ("search?q=voetbal", "/api/v1/search"),
        ("search/suggest?q=voet", "/api/v1/search/suggest"),
    ],
)
def test_answers_match_their_documented_shape(client, schema, content, address, path):
    answer = client.get(f"/api/v1/{address}").json()
    assert_described(schema, ok_response(schema, path), answer, address)


def test_the_error_shape_matches_its_documentation(client, schema, db):
    answer = client.get("/api/v1/activities?lang=xx").json()
    assert_described(schema, {"$ref": "#/components/schemas/ApiError"}, answer, "error")
