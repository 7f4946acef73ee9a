"""Partner profiles."""

from tests import factories


def test_partner_profile(api, club):
    partner = api.json("partners/vv-ochten", lang="pl")
    assert partner == {
        "slug": "vv-ochten",
        "url": "/pl/partners/vv-ochten/",
        "name": "VV Ochten",
        "type": "sports_club",
        "description": "Klub piłkarski w Ochten.",
        "website": None,
        "email": "info@vvochten.nl",
        "phone": None,
        "location": {"address": "Dorpsstraat 1, Ochten", "lat": 51.91, "lon": 5.57},
        "languages_spoken": ["nl", "en"],
        "logo": None,
        "language": "pl",
        "translated": True,
        "fallback_language": None,
        "machine_translated": False,
    }


def test_partners_are_listed_by_name(api, db):
    factories.load(
        partners=[
            factories.partner(slug="ggd", name="GGD Gelderland-Zuid", type="ggd"),
            factories.partner(slug="bieb", name="Bibliotheek Rivierenland", type="library"),
        ]
    )
    assert [item["name"] for item in api.json("partners")["results"]] == [
        "Bibliotheek Rivierenland",
        "GGD Gelderland-Zuid",
    ]


def test_description_falls_back(api, club):
    partner = api.json("partners/vv-ochten", lang="ro")
    assert partner["description"] == "Voetbalclub in Ochten."
    assert partner["fallback_language"] == "nl"
