"""The demo city's Dutch texts, for scripts/gen_demo_city.py: titles,
definitions and narratives per indicator, area names, and the labels of the
disaggregation names and values."""

TITLES = {
    "poverty-rate": "Inwoners onder de armoedegrens",
    "child-poverty": "Kinderen die opgroeien in een huishouden met een laag inkomen",
    "social-assistance": "Inwoners met een bijstandsuitkering",
    "food-bank-households": "Huishoudens die de voedselbank gebruiken",
    "child-overweight": "Kinderen met overgewicht bij de start van de basisschool",
    "premature-mortality": "Vroegtijdige sterfte vóór 75 jaar",
    "life-expectancy": "Levensverwachting bij geboorte",
    "infant-mortality": "Zuigelingensterfte in het eerste levensjaar",
    "road-deaths": "Verkeersdoden en ernstig gewonden op de wegen van de stad",
    "gp-access": "Inwoners met een huisarts binnen 1 km",
    "early-school-leavers": "Voortijdige schoolverlaters",
    "childcare-coverage": "Kinderen onder 3 jaar met een plek in de kinderopvang",
    "adult-learning": "Volwassenen die de afgelopen vier weken onderwijs of scholing volgden",
    "tertiary-attainment": "Inwoners van 30-34 jaar met een diploma van het hoger onderwijs",
    "women-in-council": "Zetels in de gemeenteraad bezet door vrouwen",
    "domestic-violence-reports": "Bij de politie gemelde gevallen van huiselijk geweld",
    "women-in-management": "Vrouwen onder de hogere leidinggevenden van de gemeente",
    "water-use": "Waterverbruik van huishoudens",
    "wastewater-treated": "Afvalwater met geavanceerde zuivering",
    "renewable-electricity": "Elektriciteit uit hernieuwbare bronnen",
    "energy-poverty": "Huishoudens die hun woning niet warm kunnen houden",
    "municipal-building-energy": "Energieverbruik van gemeentelijke gebouwen",
    "unemployment": "Werkloosheid",
    "youth-neet": "Jongeren zonder werk, opleiding of scholing",
    "employment-rate": "Arbeidsparticipatie van inwoners van 20-64 jaar",
    "broadband-coverage": "Huishoudens met gigabitbreedband beschikbaar",
    "research-jobs": "Banen in onderzoek en ontwikkeling",
    "income-ratio": "Inkomen van het rijkste vijfde ten opzichte van het armste vijfde",
    "migrant-employment-gap": "Verschil in arbeidsparticipatie tussen inwoners geboren in het buitenland en in Nederland",
    "rent-burden": "Huurders die meer dan 30% van hun inkomen aan huur uitgeven",
    "homelessness": "Mensen in de noodopvang",
    "social-housing-waiting-time": "Mediane wachttijd voor een sociale huurwoning",
    "public-transport-access": "Inwoners binnen 300 m van een halte met frequent openbaar vervoer",
    "pm25": "Jaargemiddelde concentratie fijnstof (PM2,5)",
    "green-space-access": "Inwoners binnen 300 m van openbaar groen",
    "household-waste": "Restafval van huishoudens",
    "recycling-rate": "Gemeentelijk afval dat gerecycled of gecomposteerd wordt",
    "co2-per-resident": "Uitstoot van broeikasgassen per inwoner",
    "heat-days": "Dagen met een maximumtemperatuur van 30 °C of meer",
    "river-nitrogen": "Stikstofconcentratie in de rivier stroomafwaarts van de stad",
    "tree-canopy": "Bedekking door boomkronen",
    "sealed-surface": "Aandeel verhard oppervlak in de stad",
    "victims-of-crime": "Inwoners die slachtoffer werden van een misdrijf",
    "feeling-safe": "Inwoners die zich 's avonds alleen op straat veilig voelen",
    "trust-in-council": "Inwoners die de gemeenteraad vertrouwen",
    "voter-turnout": "Opkomst bij gemeenteraadsverkiezingen",
    "complaints-resolved": "Klachten bij de ombudsman die binnen 30 dagen zijn afgehandeld",
    "development-cooperation": "Gemeentelijk budget voor ontwikkelingssamenwerking",
    "open-datasets": "Datasets op het open-dataportaal van de stad",
    "evictions": "Uitgevoerde huisuitzettingen",
}

OWNERS = {
    "City Clerk": "De griffie",
    "Climate Office": "Het Klimaatbureau",
    "Economic Development Office": "Het Bureau Economische Zaken",
    "Education Department": "De afdeling Onderwijs",
    "Environment Agency": "De Milieudienst",
    "Facility Management": "Facilitair Beheer",
    "Finance Department": "De afdeling Financiën",
    "Housing Department": "De afdeling Wonen",
    "Human Resources": "De afdeling Personeelszaken",
    "Integration Office": "Het Bureau Integratie",
    "Mobility Department": "De afdeling Mobiliteit",
    "Municipal Utilities": "Het Gemeentebedrijf",
    "Ombudsperson": "De ombudsman",
    "Parks Department": "De afdeling Groen",
    "Public Health Service": "De GGD",
    "Public Order Office": "Het Bureau Openbare Orde",
    "Social Affairs Department": "De afdeling Sociale Zaken",
    "Statistics Office": "Het Bureau Statistiek",
    "Urban Planning": "Stedenbouw",
    "Waste Management": "Afvalbeheer",
}

AREAS = {
    "adequate-housing": "Recht op behoorlijke huisvesting",
    "social-security": "Recht op sociale zekerheid",
    "health": "Recht op de hoogst haalbare gezondheid",
    "education": "Recht op onderwijs",
    "work": "Recht op werk en op rechtvaardige en gunstige arbeidsvoorwaarden",
    "food": "Recht op voldoende voedsel",
    "water-sanitation": "Recht op water en sanitaire voorzieningen",
    "gender-equality": "Gelijke deelname van vrouwen aan het politieke en openbare leven",
    "racial-equality": "Gelijkheid zonder rassendiscriminatie in economische en sociale rechten",
    "disability-inclusion": "Zelfstandig wonen en deel uitmaken van de samenleving",
    "child-wellbeing": "Recht van het kind op een behoorlijke levensstandaard",
    "healthy-environment": "Bescherming van het milieu",
    "participation": "Recht om deel te nemen aan openbare aangelegenheden",
    "personal-security": "Recht op vrijheid en veiligheid van de persoon",
    "social-protection-poverty": "Recht op bescherming tegen armoede en sociale uitsluiting",
    "housing": "Wonen en stedelijke ontwikkeling",
    "social-affairs": "Sociale zaken en inclusie",
    "health-care": "Volksgezondheid en zorg",
    "education-youth": "Onderwijs en jeugd",
    "economy-work": "Economie en werk",
    "environment-climate": "Milieu en klimaat",
    "mobility": "Mobiliteit",
    "safety": "Openbare veiligheid",
    "governance-finance": "Bestuur en financiën",
}

# Disaggregation names and values as the observation files write them.
LABELS = [
    ("sex", "", "Sex", "Geslacht"),
    ("sex", "female", "female", "vrouw"),
    ("sex", "male", "male", "man"),
    ("age", "", "Age", "Leeftijd"),
    ("Stadtteil", "", "District", "Wijk"),
]


def definition_nl(iid, splits):
    """`splits` as the generator has them: `sex;age`, `district` or empty."""
    words = {"sex": "geslacht", "age": "leeftijd", "district": "wijk"}
    breakdown = (
        " en uitgesplitst naar " + " en ".join(words[s] for s in splits.split(";"))
        if splits
        else ""
    )
    return f"{TITLES[iid]}, gemeten voor alle inwoners van Lindenfeld{breakdown}."


def narrative_nl(owner):
    return (
        f"{OWNERS[owner]} rapporteert deze indicator elk jaar; in het actieplan van de "
        "gemeenteraad staat wat de stad eraan doet."
    )

# The Dutch title of each action in actions.csv.
ACTIONS = {
    "dec-2023-114": "Raadsbesluit 2023/114: gratis openbaar vervoer voor huishoudens met een minimuminkomen",
    "prog-energy-coaches": "Energiecoaches voor woningen van huishoudens met een laag inkomen",
    "bud-2024-energy-coaches": "Energiecoaches voor woningen van huishoudens met een laag inkomen",
    "bud-2025-energy-coaches": "Energiecoaches voor woningen van huishoudens met een laag inkomen",
    "mot-2022-031": "Motie 2022/031: een huurplafond bij het gemeentelijk woningbedrijf",
    "prog-housing-first": "Housing First: eerst een woning, dan begeleiding voor daklozen",
    "bud-2025-housing-first": "Housing First: woningen en begeleiding",
    "dec-2021-087": "Raadsbesluit 2021/087: klimaatplan Lindenfeld 2030",
    "bud-2025-solar-roofs": "Zonnepanelen op scholen en sporthallen",
    "prog-school-meals": "Gratis gezonde lunch op basisscholen",
    "bud-2025-school-meals": "Gratis gezonde lunch op basisscholen",
    "dec-2024-022": "Raadsbesluit 2024/022: 30 km/u in woonstraten",
    "bud-2025-street-trees": "5.000 nieuwe straatbomen",
    "prog-youth-guarantee": "Jongerengarantie: binnen vier maanden een baan, opleiding of schoolplek",
    "bud-2025-youth-guarantee": "Jongerengarantie: coaches en leerwerkplekken",
    "mot-2023-045": "Motie 2023/045: een voedselbankpunt in elke wijk",
    "bud-2025-childcare-places": "400 nieuwe plaatsen in de kinderopvang",
    "prog-safe-streets": "Veilig over straat 's nachts: verlichting en nachtbussen",
    "bud-2025-recycling": "Recyclingcentra en een kringloopwinkel",
    "dec-2024-061": "Raadsbesluit 2024/061: open data als standaard",
    "bud-2025-gigabit": "Gigabitinternet voor de laatste 4% van de woningen",
    "bud-2025-job-coaching": "Werkcoaching voor langdurig werkloze inwoners",
    "prog-heat-plan": "Hitteplan: koele ruimtes en belrondes bij oudere inwoners",
    "bud-2025-eviction-prevention": "Team voorkoming huisuitzettingen",
}
