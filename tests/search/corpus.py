"""A small multilingual municipality for the read-only search tests.

Built with the factories, indexed once per test session (``corpus`` fixture).
Places: Ochten (51.910, 5.570), Tiel (51.886, 5.429; 10 km west), Nijmegen
(51.842, 5.853; 20 km east).
"""

from tests import factories

OCHTEN = {"lat": 51.910, "lon": 5.570}
TIEL = {"lat": 51.886, "lon": 5.429}
NIJMEGEN = {"lat": 51.842, "lon": 5.853}


def _place(name: str, point: dict) -> dict:
    return {"name": name, "address": f"Markt 1, {name}", **point}


CONTENT = {
    "partners": [
        factories.partner(
            slug="vv-ochten",
            name="VV Ochten",
            type="sports_club",
            description={"nl": "Voetbalclub in Ochten.", "pl": "Klub piłkarski w Ochten."},
            languages_spoken=["nl", "pl"],
            location={"address": "Sportpark 1, Ochten", **OCHTEN},
        ),
        factories.partner(
            slug="bibliotheek-rivierenland",
            name="Bibliotheek Rivierenland",
            type="library",
            description={
                "nl": "Boeken lenen, taalcafés en computerhulp.",
                "en": "Borrow books, language cafés and computer help.",
                "ro": "Împrumut de cărți și ajutor la calculator.",
            },
            languages_spoken=["nl", "en", "ro"],
            location={"address": "Markt 1, Tiel", **TIEL},
        ),
        factories.partner(
            slug="ggd-gelderland-zuid",
            name="GGD Gelderland-Zuid",
            type="ggd",
            description={"nl": "Publieke gezondheidszorg.", "en": "Public health service."},
            languages_spoken=["nl", "en"],
            location={"address": "Groenewoudseweg 275, Nijmegen", **NIJMEGEN},
        ),
    ],
    "activities": [
        factories.activity(
            "bibliotheek-rivierenland",
            slug="taalcafe-ochten",
            category="language",
            title={
                "nl": "Taalcafé Ochten",
                "en": "Language café Ochten",
                "pl": "Kawiarnia językowa w Ochten",
                "ro": "Cafenea lingvistică în Ochten",
                "bg": "Езиково кафе в Охтен",
            },
            summary={
                "nl": "Samen Nederlands oefenen bij een kop koffie.",
                "en": "Practise Dutch together over a cup of coffee.",
                "pl": "Wspólna nauka języka niderlandzkiego przy kawie.",
                "ro": "Exersăm împreună limba olandeză la o cafea.",
                "bg": "Упражняваме заедно нидерландски език на чаша кафе.",
            },
            body={"nl": "Kom gezellig langs.", "pl": "Zapisy przez grupę WhatsApp biblioteki."},
            location=_place("Ochten", OCHTEN),
            languages_offered=["nl", "pl", "ro"],
            recurrence="FREQ=WEEKLY;BYDAY=TU",
        ),
        factories.activity(
            "bibliotheek-rivierenland",
            slug="cursus-nederlands",
            category="language",
            title={
                "nl": "Cursus Nederlands voor beginners",
                "en": "Dutch course for beginners",
                "pl": "Kurs języka niderlandzkiego dla początkujących",
                "ro": "Curs de limba olandeză pentru începători",
                "bg": "Курс по нидерландски език за начинаещи",
            },
            summary={
                "nl": "Tien lessen met een gediplomeerde docent; daarna samen oefenen.",
                "en": "Ten lessons with a qualified teacher.",
                "pl": "Dziesięć lekcji z wykwalifikowanym nauczycielem.",
                "ro": "Zece lecții cu un profesor calificat.",
                "bg": "Десет урока с квалифициран преподавател.",
            },
            location=_place("Tiel", TIEL),
            languages_offered=["nl", "en"],
            starts_at="2027-06-01T19:00:00+02:00",
            ends_at="2027-06-01T21:00:00+02:00",
        ),
        factories.activity(
            "vv-ochten",
            slug="gemengd-voetbal",
            category="sport",
            title={
                "nl": "Gemengd voetbalteam",
                "en": "Mixed football team",
                "pl": "Mieszana drużyna piłkarska",
                "ro": "Echipă mixtă de fotbal",
            },
            summary={
                "nl": "Migranten en Ochtenaren voetballen samen op dinsdag.",
                "en": "Migrants and locals play football together on Tuesdays.",
                "pl": "Migranci i mieszkańcy grają razem w piłkę we wtorki.",
                "ro": "Migranții și localnicii joacă fotbal împreună marțea.",
            },
            body={"nl": "Aanmelden via de WhatsApp-groep van de club."},
            location=_place("Ochten", OCHTEN),
            languages_offered=["nl", "pl"],
            recurrence="FREQ=WEEKLY;BYDAY=TU",
            mixed_team={"sport": "football", "level": "recreational", "open_spots": 6},
        ),
        factories.activity(
            "ggd-gelderland-zuid",
            slug="zwemles-kinderen",
            category="sport",
            title={"nl": "Zwemles voor kinderen", "en": "Swimming lessons for children"},
            summary={
                "nl": "Leren zwemmen in het zwembad van Nijmegen.",
                "en": "Learn to swim in the Nijmegen pool.",
            },
            location=_place("Nijmegen", NIJMEGEN),
            languages_offered=["nl", "en"],
            starts_at="2026-03-01T10:00:00+01:00",
            ends_at="2026-03-01T11:00:00+01:00",
        ),
    ],
    "guides": [
        factories.guide(
            "ggd-gelderland-zuid",
            slug="huisarts",
            topic="healthcare",
            title={
                "nl": "Zo werkt de huisarts",
                "en": "How the family doctor works",
                "pl": "Jak działa lekarz rodzinny",
                "ro": "Cum funcționează medicul de familie",
                "bg": "Как работи личният лекар",
            },
            summary={
                "nl": "Bij ziekte bel je eerst de huisarts, ook voor een doorverwijzing.",
                "en": "When you are ill, call the family doctor first, also for a referral.",
                "pl": "W razie choroby najpierw dzwonisz do lekarza rodzinnego.",
                "ro": "Când ești bolnav, suni mai întâi medicul de familie.",
                "bg": "Когато сте болни, първо се обадете на личния лекар.",
            },
            body={
                "nl": "Maak een afspraak. Neem je zorgpas mee.",
                "en": "Make an appointment. Bring your health insurance card.",
                "pl": "Umów się na wizytę. Zabierz kartę ubezpieczenia zdrowotnego.",
            },
        ),
        factories.guide(
            "ggd-gelderland-zuid",
            slug="inschrijven-gemeente",
            topic="registration",
            title={
                "nl": "Inschrijven bij de gemeente",
                "en": "Registering with the municipality",
                "pl": "Meldunek w gminie",
            },
            summary={
                "nl": "Woon je hier langer dan vier maanden? Schrijf je in.",
                "en": "Staying longer than four months? Register.",
                "pl": "Mieszkasz tu dłużej niż cztery miesiące? Zamelduj się.",
            },
            body={"nl": "Neem je paspoort en huurcontract mee."},
        ),
    ],
    "policy_actions": [
        factories.policy_action(
            slug="meer-taalcafes",
            building_block="communication",
            title={"nl": "Meer taalcafés in de regio", "en": "More language cafés in the region"},
            description={"nl": "Samen met de bibliotheek openen we drie nieuwe taalcafés."},
            responsible=["bibliotheek-rivierenland"],
        ),
    ],
}
