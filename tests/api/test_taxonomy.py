"""Categories and building blocks, with translated names."""

from cms.models import Category


def test_categories_have_their_contract_slugs_and_translated_names(api, db):
    categories = api.json("categories", lang="en")
    assert [item["slug"] for item in categories] == [
        "language",
        "sport",
        "health",
        "education",
        "family",
        "work",
        "housing",
        "social",
        "volunteering",
        "help",
    ]
    assert categories[0] == {
        "slug": "language",
        "name": "Language",
        "language": "en",
        "translated": True,
        "fallback_language": None,
        "machine_translated": False,
    }


def test_category_name_falls_back_to_english(api, db):
    Category.objects.filter(slug="sport").update(name_hu="")
    category = api.json("categories", lang="hu")[1]
    assert (category["name"], category["fallback_language"]) == ("Sport", "en")
