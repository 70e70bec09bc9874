"""The demo city's rights files, for scripts/gen_demo_city.py: which
disaggregation values are rights-holder groups (groups.csv), the
recommendations Lindenfeld received and how it follows them up
(recommendations.csv), its qualitative indicators and their dated statements
(qualitative.csv), and the catalogue's OHCHR types and quality columns.

Everything here is fixed text (no random numbers), so adding to it changes
none of the generated values."""

import csv

HRC = "Lindenfeld Human Rights Council"
OMBUDS = "Lindenfeld Ombudsperson"

# dimension, value, group (en), group (nl)
GROUPS = [
    ("sex", "female", "women", "vrouwen"),
    ("sex", "male", "men", "mannen"),
    ("age", "0-17", "children", "kinderen"),
    ("age", "18-64", "people of working age", "mensen op werkende leeftijd"),
    ("age", "65+", "older persons", "ouderen"),
]

# The OHCHR framework's types; every other quantitative indicator is an outcome.
PROCESS = {
    "social-assistance", "gp-access", "childcare-coverage", "wastewater-treated",
    "broadband-coverage", "public-transport-access", "development-cooperation",
    "open-datasets", "complaints-resolved", "municipal-building-energy",
    "social-housing-waiting-time", "recycling-rate",
}

# Proxies: the figures stand in for what the indicator means to measure.
PROXY = {"gp-access", "feeling-safe", "green-space-access"}

# id: (quality note en, quality note nl)
QUALITY_NOTES = {
    "feeling-safe": (
        "From the city's residents' survey (about 4,000 answers a year); the 2020 survey was run online only, so that year's figure is less certain.",
        "Uit de bewonersenquête van de stad (ongeveer 4.000 antwoorden per jaar); in 2020 werd de enquête alleen online gehouden, dus dat cijfer is minder zeker.",
    ),
    "gp-access": (
        "Measures distance to a practice, not whether it takes new patients: a proxy for access to primary care.",
        "Meet de afstand tot een praktijk, niet of die nieuwe patiënten aanneemt: een benadering van de toegang tot huisartsenzorg.",
    ),
    "household-waste": (
        "From 2019 bulky waste collected on request is no longer counted as residual waste: the series breaks there.",
        "Vanaf 2019 telt grofvuil dat op afroep wordt opgehaald niet meer als restafval: de reeks breekt daar.",
    ),
    "poverty-rate": (
        "Based on tax records of all households; the latest year is provisional until the tax year closes.",
        "Gebaseerd op belastinggegevens van alle huishoudens; het laatste jaar is voorlopig tot het belastingjaar sluit.",
    ),
    "pm25": (
        "Annual means of the state's two monitoring stations in the city; district figures are modelled.",
        "Jaargemiddelden van de twee meetstations van de deelstaat in de stad; de cijfers per wijk zijn gemodelleerd.",
    ),
}

# id: licence, when it differs from the dataset's (settings.csv `licence`).
LICENCES = {"pm25": "dl-de/by-2-0", "river-nitrogen": "dl-de/by-2-0"}

LAST_UPDATE = "2026-03-16"
NEXT_UPDATE = "2027-03"

# Qualitative indicators: id, title en, title de, title nl, targets, rights,
# policy, owner, definition en, definition nl.
QUALITATIVE = [
    ("anti-discrimination-office", "Local anti-discrimination office in operation",
     "Kommunale Antidiskriminierungsstelle in Betrieb", "Gemeentelijk antidiscriminatiebureau in bedrijf",
     "10.3;16.b", "racial-equality", "social-affairs", "Integration Office",
     "Whether the city runs an office where residents can report discrimination and get advice, and what changed in it.",
     "Of de stad een bureau heeft waar inwoners discriminatie kunnen melden en advies krijgen, en wat daarin veranderde."),
    ("human-rights-city-commitment", "Human-rights city commitment adopted by the council",
     "Menschenrechtsstadt-Beschluss des Stadtrats", "Mensenrechtenstad-besluit van de gemeenteraad",
     "16.6;16.7", "participation", "governance-finance", "City Clerk",
     "Whether the council has committed the city to the human-rights city declaration and a local action plan.",
     "Of de gemeenteraad de stad heeft verbonden aan de verklaring als mensenrechtenstad en een lokaal actieplan."),
    ("step-free-polling-stations", "All polling stations step-free",
     "Alle Wahllokale barrierefrei", "Alle stembureaus drempelvrij",
     "16.7;10.2", "disability-inclusion;participation", "governance-finance", "City Clerk",
     "Whether every polling station can be reached and used without steps, at each municipal election.",
     "Of elk stembureau zonder drempels te bereiken en te gebruiken is, bij elke gemeenteraadsverkiezing."),
    ("homelessness-strategy", "Municipal strategy to end homelessness",
     "Kommunale Strategie gegen Wohnungslosigkeit", "Gemeentelijke strategie om dakloosheid te beëindigen",
     "11.1;1.4", "adequate-housing", "housing;social-affairs", "Housing Department",
     "Whether the city has a strategy with targets to end homelessness, and its reviews.",
     "Of de stad een strategie met doelen heeft om dakloosheid te beëindigen, en de evaluaties ervan."),
]

# indicator, date, value (yes/no/""), text en, text nl
STATEMENTS = [
    ("anti-discrimination-office", "2019-09-02", "yes",
     "The local anti-discrimination office opened in the town hall.",
     "Het gemeentelijke antidiscriminatiebureau ging open in het stadhuis."),
    ("anti-discrimination-office", "2022-04", "yes",
     "A second desk opened in Nordhafen, open two days a week.",
     "Een tweede loket ging open in Nordhafen, twee dagen per week."),
    ("anti-discrimination-office", "2025", "yes",
     "The office handled 412 reports; its yearly report went to the council.",
     "Het bureau behandelde 412 meldingen; het jaarverslag ging naar de gemeenteraad."),
    ("human-rights-city-commitment", "2017-06-21", "yes",
     "The council declared Lindenfeld a human-rights city (decision 2017/061).",
     "De gemeenteraad verklaarde Lindenfeld tot mensenrechtenstad (besluit 2017/061)."),
    ("human-rights-city-commitment", "2021-02-11", "yes",
     "The council adopted the first local human-rights action plan, 2021-2025.",
     "De gemeenteraad stelde het eerste lokale mensenrechtenactieplan 2021-2025 vast."),
    ("step-free-polling-stations", "2016", "no",
     "19 of 48 polling stations were step-free.",
     "19 van de 48 stembureaus waren drempelvrij."),
    ("step-free-polling-stations", "2021", "no",
     "31 of 48 polling stations were step-free; the others got ramps on loan.",
     "31 van de 48 stembureaus waren drempelvrij; de andere kregen geleende hellingbanen."),
    ("step-free-polling-stations", "2024-06-09", "yes",
     "All 48 polling stations were step-free for the municipal election.",
     "Alle 48 stembureaus waren drempelvrij bij de gemeenteraadsverkiezing."),
    ("homelessness-strategy", "2020-03", "yes",
     "The council adopted the strategy \"A home for everyone by 2030\".",
     "De gemeenteraad stelde de strategie \"Een thuis voor iedereen in 2030\" vast."),
    ("homelessness-strategy", "2023-11-30", "",
     "The first review found emergency places full most nights; Housing First was scaled up.",
     "De eerste evaluatie vond de noodopvang de meeste nachten vol; Housing First werd uitgebreid."),
]

# id, source, source name, date, text en, rights areas, indicators,
# response en, status, status date, due date, link, text nl, response nl
RECOMMENDATIONS = [
    ("cescr-2018-47", "treaty-body", "CESCR", "2018-11-27",
     "Increase the supply of social housing and ensure that rents remain affordable for low-income households.",
     "adequate-housing", "rent-burden;social-housing-waiting-time",
     "The city builds 300 social homes a year and capped rents at its housing company.",
     "in-progress", "2025-06-30", "2030-12-31", "https://tbinternet.ohchr.org/",
     "Vergroot het aanbod van sociale huurwoningen en zorg dat huren betaalbaar blijven voor huishoudens met een laag inkomen.",
     "De stad bouwt 300 sociale huurwoningen per jaar en begrensde de huren bij haar woningcorporatie."),
    ("cescr-2018-53", "treaty-body", "CESCR", "2018-11-27",
     "Adopt a strategy to end homelessness, with a focus on housing-led approaches.",
     "adequate-housing", "homelessness;homelessness-strategy",
     "A strategy with a 2030 target was adopted in 2020; Housing First runs since 2021.",
     "implemented", "2020-03-26", "", "https://tbinternet.ohchr.org/",
     "Stel een strategie op om dakloosheid te beëindigen, gericht op huisvesting eerst.",
     "In 2020 werd een strategie met een doel voor 2030 vastgesteld; Housing First loopt sinds 2021."),
    ("crc-2022-31", "treaty-body", "CRC", "2022-09-28",
     "Reduce child poverty, including through free school meals and accessible childcare.",
     "child-wellbeing;social-protection-poverty", "child-poverty;childcare-coverage",
     "Free lunches in primary schools from 2025; 400 new childcare places budgeted.",
     "in-progress", "2025-01-15", "2027-12-31", "https://tbinternet.ohchr.org/",
     "Verminder kinderarmoede, onder meer met gratis schoolmaaltijden en toegankelijke kinderopvang.",
     "Gratis lunch op basisscholen vanaf 2025; 400 nieuwe plekken in de kinderopvang begroot."),
    ("crpd-2023-40", "treaty-body", "CRPD", "2023-09-08",
     "Ensure that all polling stations and public transport stops are accessible to persons with disabilities.",
     "disability-inclusion;participation", "step-free-polling-stations;public-transport-access",
     "All polling stations were step-free in 2024; stops are being rebuilt by 2028.",
     "in-progress", "2024-06-09", "2028-12-31", "",
     "Zorg dat alle stembureaus en haltes toegankelijk zijn voor personen met een handicap.",
     "Alle stembureaus waren in 2024 drempelvrij; haltes worden tot 2028 verbouwd."),
    ("upr-2023-155", "upr", "Universal Periodic Review, 4th cycle", "2023-05-10",
     "Strengthen local bodies that receive complaints of racial discrimination.",
     "racial-equality", "anti-discrimination-office;migrant-employment-gap",
     "The anti-discrimination office, with a second desk since 2022, reports yearly to the council from 2024.",
     "implemented", "2024-01-31", "", "https://www.ohchr.org/en/hr-bodies/upr",
     "Versterk lokale instanties die klachten over rassendiscriminatie ontvangen.",
     "Het antidiscriminatiebureau, met een tweede loket sinds 2022, rapporteert vanaf 2024 jaarlijks aan de raad."),
    ("upr-2023-201", "upr", "Universal Periodic Review, 4th cycle", "2023-05-10",
     "Take further measures to combat domestic violence and support survivors.",
     "gender-equality;personal-security", "domestic-violence-reports;feeling-safe",
     "A second shelter is planned; funding is not yet decided.",
     "not-started", "2023-05-10", "2026-12-31", "https://www.ohchr.org/en/hr-bodies/upr",
     "Neem verdere maatregelen tegen huiselijk geweld en steun slachtoffers.",
     "Een tweede opvanghuis is gepland; de financiering is nog niet besloten."),
    ("hrc-2022-01", "human-rights-council", HRC, "2022-02-15",
     "Publish the city's human-rights indicators every year, broken down by district and group.",
     "participation", "open-datasets",
     "Local Goals publishes them since 2024, with a yearly report to the council.",
     "implemented", "2024-04-18", "", "",
     "Publiceer de mensenrechtenindicatoren van de stad elk jaar, uitgesplitst naar wijk en groep.",
     "Local Goals publiceert ze sinds 2024, met een jaarverslag aan de gemeenteraad."),
    ("hrc-2022-04", "human-rights-council", HRC, "2022-02-15",
     "Close the gap in access to green space and clean air between Nordhafen and Ostend and the rest of the city.",
     "healthy-environment;health", "green-space-access;pm25;tree-canopy",
     "5,000 street trees are planted from 2025, first in Nordhafen and Ostend.",
     "in-progress", "2025-03-01", "2030-12-31", "",
     "Dicht de kloof in toegang tot groen en schone lucht tussen Nordhafen en Ostend en de rest van de stad.",
     "Vanaf 2025 worden 5.000 straatbomen geplant, eerst in Nordhafen en Ostend."),
    ("hrc-2024-02", "human-rights-council", HRC, "2024-10-01",
     "Stop evictions of families with children without an offer of other housing.",
     "adequate-housing;child-wellbeing", "evictions",
     "The council declined a ban; an eviction prevention team started in 2025 instead.",
     "rejected", "2024-12-12", "", "",
     "Stop met huisuitzettingen van gezinnen met kinderen zonder aanbod van andere huisvesting.",
     "De raad wees een verbod af; in plaats daarvan begon in 2025 een team dat huisuitzettingen voorkomt."),
    ("ombuds-2024-07", "ombudsperson", OMBUDS, "2024-06-20",
     "Answer applications for social assistance within eight weeks, as the law requires.",
     "social-security", "social-assistance",
     "Extra staff were hired in 2025; the backlog is being cleared.",
     "in-progress", "2025-02-01", "2026-06-30", "",
     "Beslis binnen acht weken op aanvragen voor bijstand, zoals de wet vereist.",
     "In 2025 werd extra personeel aangenomen; de achterstand wordt weggewerkt."),
    ("ombuds-2025-02", "ombudsperson", OMBUDS, "2025-03-12",
     "Offer interpreters free of charge at the social affairs desks.",
     "social-security;racial-equality", "",
     "",
     "not-started", "2025-03-12", "", "",
     "Bied gratis tolken aan bij de loketten van Sociale Zaken.",
     ""),
    ("ombuds-2025-05", "ombudsperson", OMBUDS, "2025-09-04",
     "Keep family doctors' practices in Nordhafen and Ostend open by offering practice rooms at low rent.",
     "health", "gp-access",
     "Two practice rooms in the Nordhafen health centre are offered from 2026.",
     "in-progress", "2025-11-20", "2026-12-31", "",
     "Houd huisartsenpraktijken in Nordhafen en Ostend open door praktijkruimte tegen een lage huur aan te bieden.",
     "Vanaf 2026 worden twee praktijkruimtes in het gezondheidscentrum Nordhafen aangeboden."),
]

CATALOGUE_COLUMNS = ["kind", "indicator_type", "proxy", "quality_note", "licence",
                     "last_update", "next_update", "quality_note_nl"]


def catalogue_cells(iid):
    """The extra catalogue cells of a quantitative indicator."""
    note, note_nl = QUALITY_NOTES.get(iid, ("", ""))
    return ["quantitative", "process" if iid in PROCESS else "outcome",
            "yes" if iid in PROXY else "no", note, LICENCES.get(iid, ""),
            LAST_UPDATE, NEXT_UPDATE, note_nl]


def qualitative_rows():
    """Catalogue rows of the qualitative indicators, as the catalogue's
    columns order them (see gen_demo_city.py)."""
    for (iid, en, de, nl_title, targets, rights, policy, owner, definition,
         definition_nl) in QUALITATIVE:
        yield {
            "id": iid, "title_en": en, "title_de": de, "title_nl": nl_title, "unit": "",
            "direction": "higher", "decimals": 0, "sdg_targets": targets,
            "rights_areas": rights, "policy_areas": policy, "visibility": "public",
            "source": f"Lindenfeld {owner}", "owner": owner, "definition": definition,
            "definition_nl": definition_nl, "update_frequency": "annual",
            "kind": "qualitative", "indicator_type": "structure", "proxy": "no",
            "last_update": LAST_UPDATE,
        }


def write(root, districts):
    """Writes groups.csv, recommendations.csv and qualitative.csv into `root`."""
    with open(root / "groups.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(["dimension", "value", "group", "group_nl"])
        w.writerows(GROUPS)
        for d in districts:
            w.writerow(["Stadtteil", d, f"residents of {d}", f"inwoners van {d}"])
    with open(root / "recommendations.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(["id", "source", "source_name", "date", "text", "rights_areas",
                    "indicators", "response", "status", "status_date", "due_date", "link",
                    "text_nl", "response_nl"])
        w.writerows(RECOMMENDATIONS)
    with open(root / "qualitative.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(["indicator", "date", "value", "text_value", "text_value_nl"])
        w.writerows(STATEMENTS)
