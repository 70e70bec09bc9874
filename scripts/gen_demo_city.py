#!/usr/bin/env python3
"""Writes the bundled demo city, Lindenfeld, into indicators/demo-city/.

Lindenfeld is fictional: a mid-sized city (about 240,000 residents) in ten
districts that reports 2012-2025 on all 17 SDGs and on the human-rights areas it
committed to as a human-rights city. The numbers are made up but realistic in
level and trend: some improve, some worsen, some stay flat, a few years are
missing and some values carry flags (p provisional, e estimated, b break in
series).

The files deliberately come in the shapes city departments export, so the
demo exercises the reader: long and wide tables, `,` `;` and tab delimiters,
decimal commas, a UTF-8 BOM with CRLF line endings, a Windows-1252 file, fiscal
years and an Excel workbook.

Seeded, so running it again gives the same bytes:

    python3 scripts/gen_demo_city.py [OUTPUT_DIR]
"""

import csv
import io
import sys
import math
import random
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent))
import demo_city_nl as nl  # noqa: E402  (next to this script)
import demo_city_rights as rights_files  # noqa: E402
import gen_districts  # noqa: E402  (the district boundaries)

SEED = 20260101
YEARS = list(range(2012, 2026))
ROOT = Path(__file__).resolve().parent.parent / "indicators" / "demo-city"

DISTRICTS = [
    "Altstadt", "Nordhafen", "Westpark", "Ostend", "Südfeld",
    "Mühlenberg", "Am Kanal", "Rosenhöhe", "Ziegelei", "Lindenau",
]
# How each district deviates from the city average (deprived ... affluent).
DISTRICT_FACTOR = [1.05, 1.35, 0.80, 1.25, 0.95, 0.85, 1.15, 0.70, 1.10, 0.90]

RIGHTS = [
    # id, name, instrument, article, rights-holder groups
    ("adequate-housing", "Right to adequate housing", "ICESCR", "Art. 11(1)", "tenants;people experiencing homelessness;low-income households"),
    ("social-security", "Right to social security", "ICESCR", "Art. 9", "older persons;unemployed persons;persons with disabilities"),
    ("health", "Right to the highest attainable standard of health", "ICESCR", "Art. 12", "everyone;children;older persons"),
    ("education", "Right to education", "CRC", "Art. 28", "children;young people;adult learners"),
    ("work", "Right to work and to just and favourable conditions of work", "ICESCR", "Arts. 6-7", "workers;young people;women"),
    ("food", "Right to adequate food", "ICESCR", "Art. 11(2)", "low-income households;children"),
    ("water-sanitation", "Rights to water and sanitation", "ICESCR", "Arts. 11-12", "everyone"),
    ("gender-equality", "Equal participation of women in political and public life", "CEDAW", "Art. 7", "women and girls"),
    ("racial-equality", "Equality without racial discrimination in economic and social rights", "ICERD", "Art. 5(e)", "ethnic minorities;migrants;refugees"),
    ("disability-inclusion", "Living independently and being included in the community", "CRPD", "Art. 19", "persons with disabilities"),
    ("child-wellbeing", "Right of the child to an adequate standard of living", "CRC", "Art. 27", "children"),
    ("healthy-environment", "Environmental protection", "EU Charter of Fundamental Rights", "Art. 37", "everyone;future generations"),
    ("participation", "Right to take part in public affairs", "ICCPR", "Art. 25", "all residents"),
    ("personal-security", "Right to liberty and security of person", "ICCPR", "Art. 9", "everyone;women;LGBTIQ persons"),
    ("social-protection-poverty", "Right to protection against poverty and social exclusion", "European Social Charter (revised)", "Art. 30", "low-income households;single parents"),
]

POLICY = [
    ("housing", "Housing and urban development"),
    ("social-affairs", "Social affairs and inclusion"),
    ("health-care", "Public health and care"),
    ("education-youth", "Education and youth"),
    ("economy-work", "Economy and work"),
    ("environment-climate", "Environment and climate"),
    ("mobility", "Mobility"),
    ("safety", "Public safety"),
    ("governance-finance", "Governance and finance"),
]

# id, title en, title de, unit, direction, decimals, targets, rights, policy,
# (base 2012, yearly change, noise sd), target value, target year, limit,
# visibility, splits, file, owner
I = [
    ("poverty-rate", "Residents living below the poverty line", "Einwohner unter der Armutsgrenze", "%", "lower", 1, "1.2;10.2", "social-protection-poverty;social-security", "social-affairs", (16.8, -0.30, 0.25), 10.0, 2030, 0, "public", "sex;age", "social", "Social Affairs Department"),
    ("child-poverty", "Children growing up in low-income households", "Kinder in einkommensarmen Haushalten", "%", "lower", 1, "1.2", "child-wellbeing;social-protection-poverty", "social-affairs", (21.5, -0.15, 0.4), 12.0, 2030, 0, "public", "", "social", "Social Affairs Department"),
    ("social-assistance", "Residents receiving social assistance", "Empfänger von Sozialhilfe", "per 1,000 residents", "lower", 1, "1.3", "social-security", "social-affairs", (48.0, -0.4, 0.8), None, None, 0, "public", "district", "districts", "Social Affairs Department"),
    ("food-bank-households", "Households using a food bank", "Haushalte, die eine Tafel nutzen", "per 1,000 households", "lower", 1, "2.1", "food", "social-affairs", (14.0, 0.55, 0.6), 8.0, 2030, 0, "public", "", "social", "Social Affairs Department"),
    ("child-overweight", "Children overweight at school entry", "Übergewichtige Kinder bei der Einschulung", "%", "lower", 1, "2.2", "health;child-wellbeing", "health-care", (11.2, 0.05, 0.3), 8.0, 2030, 0, "public", "sex", "health", "Public Health Service"),
    ("premature-mortality", "Premature deaths before age 75", "Vorzeitige Sterblichkeit unter 75 Jahren", "per 100,000 residents", "lower", 0, "3.4", "health", "health-care", (265.0, -4.0, 4.0), 200.0, 2030, 0, "public", "sex", "health", "Public Health Service"),
    ("life-expectancy", "Life expectancy at birth", "Lebenserwartung bei Geburt", "years", "higher", 1, "3.4", "health", "health-care", (80.4, 0.12, 0.15), 83.0, 2030, None, "public", "sex", "health", "Public Health Service"),
    ("infant-mortality", "Infant deaths in the first year of life", "Säuglingssterblichkeit", "per 1,000 live births", "lower", 1, "3.2", "health;child-wellbeing", "health-care", (3.6, -0.06, 0.25), 2.5, 2030, 0, "public", "", "health", "Public Health Service"),
    ("road-deaths", "People killed or seriously injured on city roads", "Getötete oder Schwerverletzte im Straßenverkehr", "per 100,000 residents", "lower", 1, "3.6;11.2", "health;personal-security", "mobility;safety", (42.0, -1.1, 2.5), 20.0, 2030, 0, "public", "", "safety", "Mobility Department"),
    ("gp-access", "Residents with a family doctor within 1 km", "Einwohner mit Hausarzt im Umkreis von 1 km", "%", "higher", 1, "3.8", "health;disability-inclusion", "health-care", (78.0, 0.0, 0.6), 90.0, 2030, 100, "public", "district", "districts", "Public Health Service"),
    ("early-school-leavers", "Early leavers from education and training", "Frühe Schulabgänger", "%", "lower", 1, "4.1", "education", "education-youth", (9.4, -0.25, 0.3), 5.0, 2030, 0, "public", "sex", "social", "Education Department"),
    ("childcare-coverage", "Children under 3 with a childcare place", "Kinder unter 3 mit Betreuungsplatz", "%", "higher", 1, "4.2", "education;child-wellbeing;gender-equality", "education-youth", (34.0, 1.6, 0.8), 50.0, 2030, 100, "public", "", "social", "Education Department"),
    ("adult-learning", "Adults in education or training in the last four weeks", "Erwachsene in Weiterbildung", "%", "higher", 1, "4.3", "education", "education-youth", (8.5, 0.05, 0.4), 12.0, 2030, 100, "public", "", "social", "Education Department"),
    ("tertiary-attainment", "Residents aged 30-34 with tertiary education", "30- bis 34-Jährige mit Hochschulabschluss", "%", "higher", 1, "4.3", "education", "education-youth", (38.0, 0.7, 0.6), 45.0, 2030, 100, "public", "sex", "social", "Education Department"),
    ("women-in-council", "Seats in the city council held by women", "Frauenanteil im Stadtrat", "%", "higher", 1, "5.5", "gender-equality;participation", "governance-finance", (31.0, 1.1, 0.0), 50.0, 2030, 100, "public", "", "governance", "City Clerk"),
    ("domestic-violence-reports", "Domestic violence cases reported to the police", "Gemeldete Fälle häuslicher Gewalt", "per 10,000 residents", "lower", 1, "5.2;16.1", "gender-equality;personal-security", "safety", (18.0, 0.6, 0.9), None, None, 0, "internal", "", "safety", "Public Order Office"),
    ("women-in-management", "Women among the city's senior managers", "Frauen in Führungspositionen der Stadtverwaltung", "%", "higher", 1, "5.5", "gender-equality;work", "governance-finance", (29.0, 1.3, 0.7), 50.0, 2030, 100, "public", "", "governance", "Human Resources"),
    ("water-use", "Household water use", "Wasserverbrauch der Haushalte", "litres per resident per day", "lower", 0, "6.4", "water-sanitation;healthy-environment", "environment-climate", (128.0, -0.6, 1.5), 115.0, 2030, None, "public", "", "environment", "Municipal Utilities"),
    ("wastewater-treated", "Wastewater receiving advanced treatment", "Weitergehend gereinigtes Abwasser", "%", "higher", 1, "6.3", "water-sanitation;healthy-environment", "environment-climate", (88.0, 0.7, 0.3), 100.0, 2030, 100, "public", "", "environment", "Municipal Utilities"),
    ("renewable-electricity", "Electricity from renewable sources", "Strom aus erneuerbaren Quellen", "%", "higher", 1, "7.2;13.2", "healthy-environment", "environment-climate", (12.0, 2.3, 0.8), 60.0, 2030, 100, "public", "", "environment", "Climate Office"),
    ("energy-poverty", "Households unable to keep their home warm", "Haushalte, die ihre Wohnung nicht warm halten können", "%", "lower", 1, "7.1;1.4", "adequate-housing;social-protection-poverty", "housing;social-affairs", (5.1, 0.05, 0.35), 3.0, 2030, 0, "public", "", "environment", "Social Affairs Department"),
    ("municipal-building-energy", "Energy use of municipal buildings", "Energieverbrauch städtischer Gebäude", "kWh per m²", "lower", 0, "7.3", "healthy-environment", "environment-climate;governance-finance", (168.0, -3.2, 2.5), 110.0, 2030, 0, "internal", "", "environment", "Facility Management"),
    ("unemployment", "Unemployment rate", "Arbeitslosenquote", "%", "lower", 1, "8.5", "work", "economy-work", (8.2, -0.22, 0.3), 5.0, 2030, 0, "public", "sex;age", "social", "Economic Development Office"),
    ("youth-neet", "Young people neither in employment nor in education or training", "Junge Menschen ohne Arbeit, Schule oder Ausbildung", "%", "lower", 1, "8.6", "work;education", "education-youth;economy-work", (10.5, -0.2, 0.45), 7.0, 2030, 0, "public", "sex", "social", "Economic Development Office"),
    ("employment-rate", "Employment rate of residents aged 20-64", "Erwerbstätigenquote der 20- bis 64-Jährigen", "%", "higher", 1, "8.5", "work", "economy-work", (71.0, 0.55, 0.4), 78.0, 2030, 100, "public", "sex", "social", "Economic Development Office"),
    ("broadband-coverage", "Households with gigabit broadband available", "Haushalte mit Gigabit-Anschluss", "%", "higher", 1, "9.c", "participation", "economy-work", (4.0, 6.5, 1.5), 100.0, 2030, 100, "public", "", "governance", "Economic Development Office"),
    ("research-jobs", "Jobs in research and development", "Arbeitsplätze in Forschung und Entwicklung", "per 1,000 jobs", "higher", 1, "9.5", "work", "economy-work", (14.0, 0.25, 0.35), 20.0, 2030, None, "public", "", "governance", "Economic Development Office"),
    ("income-ratio", "Income of the richest fifth relative to the poorest fifth", "Einkommensverhältnis oberstes zu unterstem Quintil", "ratio", "lower", 2, "10.1", "social-protection-poverty;racial-equality", "social-affairs", (4.1, 0.03, 0.06), 3.5, 2030, 1, "public", "", "social", "Statistics Office"),
    ("migrant-employment-gap", "Employment gap between residents born abroad and born in the country", "Beschäftigungslücke zwischen im Ausland und im Inland Geborenen", "percentage points", "lower", 1, "10.2;8.5", "racial-equality;work", "economy-work;social-affairs", (14.0, -0.35, 0.6), 5.0, 2030, 0, "public", "", "social", "Integration Office"),
    ("rent-burden", "Tenant households spending over 30% of income on rent", "Mieterhaushalte mit Mietbelastung über 30 %", "%", "lower", 1, "11.1;1.4", "adequate-housing;social-protection-poverty", "housing", (34.0, 0.45, 0.4), 25.0, 2030, 0, "public", "district", "districts", "Housing Department"),
    ("homelessness", "People in emergency accommodation", "Menschen in Notunterkünften", "per 10,000 residents", "lower", 1, "11.1", "adequate-housing", "housing;social-affairs", (12.0, 0.9, 0.6), 0.0, 2030, 0, "public", "", "housing", "Housing Department"),
    ("social-housing-waiting-time", "Median waiting time for social housing", "Mittlere Wartezeit auf eine Sozialwohnung", "months", "lower", 1, "11.1", "adequate-housing", "housing", (18.0, 0.8, 0.8), 12.0, 2030, 0, "internal", "", "housing", "Housing Department"),
    ("public-transport-access", "Residents within 300 m of a frequent public transport stop", "Einwohner im 300-m-Umkreis einer häufig bedienten Haltestelle", "%", "higher", 1, "11.2", "disability-inclusion", "mobility", (72.0, 0.6, 0.4), 85.0, 2030, 100, "public", "district", "districts", "Mobility Department"),
    ("pm25", "Annual mean fine particulate matter (PM2.5)", "Jahresmittel Feinstaub (PM2,5)", "µg/m³", "lower", 1, "11.6;3.9", "healthy-environment;health", "environment-climate", (16.5, -0.55, 0.5), 5.0, 2030, 0, "public", "district", "districts", "Environment Agency"),
    ("green-space-access", "Residents within 300 m of a public green space", "Einwohner im 300-m-Umkreis einer öffentlichen Grünfläche", "%", "higher", 1, "11.7", "healthy-environment;health", "environment-climate;housing", (81.0, 0.0, 0.5), 90.0, 2030, 100, "public", "district", "districts", "Parks Department"),
    ("household-waste", "Residual household waste", "Restmüll aus Haushalten", "kg per resident", "lower", 0, "12.5", "healthy-environment", "environment-climate", (182.0, -2.6, 3.0), 130.0, 2030, 0, "public", "", "environment", "Waste Management"),
    ("recycling-rate", "Municipal waste recycled or composted", "Recycling- und Kompostierungsquote", "%", "higher", 1, "12.5", "healthy-environment", "environment-climate", (48.0, 0.9, 0.6), 65.0, 2030, 100, "public", "", "environment", "Waste Management"),
    ("co2-per-resident", "Greenhouse gas emissions per resident", "Treibhausgasemissionen je Einwohner", "t CO2e", "lower", 2, "13.2", "healthy-environment", "environment-climate", (7.9, -0.21, 0.12), 3.0, 2030, 0, "public", "", "environment", "Climate Office"),
    ("heat-days", "Days with maximum temperature of 30 °C or more", "Heiße Tage (Höchsttemperatur ab 30 °C)", "days", "lower", 0, "13.1", "health;healthy-environment", "environment-climate;health-care", (9.0, 0.6, 3.0), None, None, 0, "public", "", "environment", "Environment Agency"),
    ("river-nitrogen", "Nitrogen concentration in the river downstream of the city", "Stickstoffkonzentration im Fluss unterhalb der Stadt", "mg/l", "lower", 2, "14.1;6.3", "water-sanitation;healthy-environment", "environment-climate", (4.2, -0.08, 0.15), 2.5, 2030, 0, "public", "", "environment", "Environment Agency"),
    ("tree-canopy", "Tree canopy cover", "Baumkronenbedeckung", "%", "higher", 1, "15.1;11.7", "healthy-environment", "environment-climate", (22.0, -0.12, 0.3), 25.0, 2030, 100, "public", "district", "districts", "Parks Department"),
    ("sealed-surface", "Share of the city area that is sealed", "Anteil versiegelter Flächen", "%", "lower", 1, "15.3", "healthy-environment", "environment-climate;housing", (41.0, 0.15, 0.1), 40.0, 2030, 0, "public", "", "environment", "Urban Planning"),
    ("victims-of-crime", "Residents who were victims of a crime", "Einwohner, die Opfer einer Straftat wurden", "%", "lower", 1, "16.1;16.3", "personal-security", "safety", (6.8, -0.1, 0.3), 5.0, 2030, 0, "public", "", "safety", "Public Order Office"),
    ("feeling-safe", "Residents who feel safe walking alone at night", "Einwohner, die sich nachts allein sicher fühlen", "%", "higher", 1, "16.1", "personal-security;gender-equality", "safety", (64.0, 0.0, 1.0), 75.0, 2030, 100, "public", "sex", "safety", "Public Order Office"),
    ("trust-in-council", "Residents who trust the city council", "Einwohner, die dem Stadtrat vertrauen", "%", "higher", 1, "16.6", "participation", "governance-finance", (47.0, -0.5, 1.2), 60.0, 2030, 100, "public", "", "governance", "City Clerk"),
    ("voter-turnout", "Turnout in municipal elections", "Wahlbeteiligung bei Kommunalwahlen", "%", "higher", 1, "16.7", "participation", "governance-finance", (49.0, 0.0, 0.0), 60.0, 2030, 100, "public", "", "governance", "City Clerk"),
    ("complaints-resolved", "Complaints to the ombudsperson resolved within 30 days", "Innerhalb von 30 Tagen erledigte Beschwerden", "%", "higher", 1, "16.6", "participation", "governance-finance", (71.0, 1.2, 1.5), 90.0, 2030, 100, "internal", "", "governance", "Ombudsperson"),
    ("development-cooperation", "City budget for development cooperation", "Haushaltsmittel für Entwicklungszusammenarbeit", "EUR per resident", "higher", 2, "17.2", "participation", "governance-finance", (0.85, 0.04, 0.03), 1.5, 2030, None, "public", "", "budget", "Finance Department"),
    ("open-datasets", "Datasets published on the city's open data portal", "Datensätze im Open-Data-Portal", "datasets", "higher", 0, "17.18;16.10", "participation", "governance-finance", (40.0, 22.0, 6.0), 500.0, 2030, None, "public", "", "governance", "Statistics Office"),
    # Internal, by district, on goal 1 and in social affairs: the pages for
    # goal 1, /policy/social-affairs and every district must leave it out.
    # Last in the list, so adding it changed none of the other values.
    ("evictions", "Evictions carried out", "Vollstreckte Zwangsräumungen", "per 1,000 rental households", "lower", 1, "1.4;11.1", "adequate-housing;social-protection-poverty", "social-affairs;housing", (3.2, 0.05, 0.2), 2.0, 2030, 0, "internal", "district", "districts", "Housing Department"),
]

LANGS = ("en", "de")

COUNCIL = "https://council.lindenfeld.example"

# What the city does and spends: id, kind, title, indicators, date,
# reference, link, year, amount (EUR). Budget lines count once in each goal
# or area they touch; the last one is linked only to an internal indicator,
# so public totals leave it out.
ACTIONS = [
    ("dec-2023-114", "decision", "Council decision 2023/114: free public transport for minimum-income households", "public-transport-access;poverty-rate", "2023-05-14", "2023/114", f"{COUNCIL}/decisions/2023-114", "", ""),
    ("prog-energy-coaches", "programme", "Energy coaches for low-income homes", "energy-poverty;co2-per-resident", "", "", "https://lindenfeld.example/energy-coaches", "", ""),
    ("bud-2024-energy-coaches", "budget", "Energy coaches for low-income homes", "energy-poverty", "", "", "", 2024, "420000"),
    ("bud-2025-energy-coaches", "budget", "Energy coaches for low-income homes", "energy-poverty", "", "", "", 2025, "480000"),
    ("mot-2022-031", "motion", "Motion 2022/031: a rent cap at the municipal housing company", "rent-burden", "2022-03-10", "M 2022/031", f"{COUNCIL}/motions/2022-031", "", ""),
    ("prog-housing-first", "programme", "Housing First: a home first, then support for people sleeping rough", "homelessness", "", "", "https://lindenfeld.example/housing-first", "", ""),
    ("bud-2025-housing-first", "budget", "Housing First: homes and support", "homelessness", "", "", "", 2025, "1250000"),
    ("dec-2021-087", "decision", "Council decision 2021/087: Lindenfeld climate plan 2030", "co2-per-resident;renewable-electricity;heat-days", "2021-11-25", "2021/087", f"{COUNCIL}/decisions/2021-087", "", ""),
    ("bud-2025-solar-roofs", "budget", "Solar panels on schools and sports halls", "renewable-electricity", "", "", "", 2025, "2400000"),
    ("prog-school-meals", "programme", "Free healthy lunches in primary schools", "child-overweight;child-poverty", "", "", "", "", ""),
    ("bud-2025-school-meals", "budget", "Free healthy lunches in primary schools", "child-overweight;child-poverty", "", "", "", 2025, "950000"),
    ("dec-2024-022", "decision", "Council decision 2024/022: 30 km/h on residential streets", "road-deaths;pm25", "2024-02-08", "2024/022", f"{COUNCIL}/decisions/2024-022", "", ""),
    ("bud-2025-street-trees", "budget", "5,000 new street trees", "tree-canopy;heat-days;green-space-access", "", "", "", 2025, "1800000"),
    ("prog-youth-guarantee", "programme", "Youth guarantee: a job, training or school place within four months", "youth-neet;early-school-leavers", "", "", "", "", ""),
    ("bud-2025-youth-guarantee", "budget", "Youth guarantee: coaches and work-based learning places", "youth-neet", "", "", "", 2025, "760000"),
    ("mot-2023-045", "motion", "Motion 2023/045: a food bank point in every district", "food-bank-households", "2023-06-22", "M 2023/045", f"{COUNCIL}/motions/2023-045", "", ""),
    ("bud-2025-childcare-places", "budget", "400 new childcare places", "childcare-coverage", "", "", "", 2025, "3100000"),
    ("prog-safe-streets", "programme", "Safe streets at night: lighting and night buses", "feeling-safe;public-transport-access", "", "", "", "", ""),
    ("bud-2025-recycling", "budget", "Recycling centres and a second-hand shop", "recycling-rate;household-waste", "", "", "", 2025, "650000"),
    ("dec-2024-061", "decision", "Council decision 2024/061: open data by default", "open-datasets", "2024-04-18", "2024/061", f"{COUNCIL}/decisions/2024-061", "", ""),
    ("bud-2025-gigabit", "budget", "Gigabit broadband for the last 4% of homes", "broadband-coverage", "", "", "", 2025, "1500000"),
    ("bud-2025-job-coaching", "budget", "Job coaching for long-term unemployed residents", "unemployment;migrant-employment-gap", "", "", "", 2025, "890000"),
    ("prog-heat-plan", "programme", "Heat plan: cool rooms and calls to older residents", "heat-days;premature-mortality", "", "", "", "", ""),
    ("bud-2025-eviction-prevention", "budget", "Eviction prevention team", "evictions", "", "", "", 2025, "310000"),
]


# From 2019 bulky waste is no longer counted as residual waste: the series
# breaks (flag `b`) and drops by about 8 %. No random numbers are drawn here,
# so no other value changes.
BREAK_INDICATOR, BREAK_YEAR = "household-waste", 2019


def with_break(rows):
    at = YEARS.index(BREAK_YEAR)
    out = []
    for dims, k, v, flag in rows:
        if k >= at:
            v *= 0.92
        if k == at and not dims:
            flag = "b"
        out.append((dims, k, v, flag))
    return out


def series_values(rng, base, slope, sd, limit_low=None, limit_high=None, years=YEARS):
    out = []
    for k, _ in enumerate(years):
        v = base + slope * k + rng.gauss(0, sd)
        # A little curvature so trends are not perfectly straight.
        v += 0.015 * slope * k * k * rng.choice((-1, 1)) * 0.2
        if limit_low is not None:
            v = max(limit_low, v)
        if limit_high is not None:
            v = min(limit_high, v)
        out.append(v)
    return out


def fmt(value, decimals, decimal_comma=False):
    text = f"{value:.{decimals}f}"
    return text.replace(".", ",") if decimal_comma else text


def main():
    global ROOT
    if len(sys.argv) > 1:
        ROOT = Path(sys.argv[1])
    rng = random.Random(SEED)
    ROOT.mkdir(parents=True, exist_ok=True)
    obs_dir = ROOT / "observations"
    obs_dir.mkdir(exist_ok=True)
    for old in obs_dir.iterdir():
        old.unlink()
    for stale in ("observations.csv",):
        if (ROOT / stale).exists():
            (ROOT / stale).unlink()

    # --- catalogue -----------------------------------------------------------
    with open(ROOT / "catalogue.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow([
            "id", "title_en", "title_de", "unit", "direction", "decimals", "sdg_targets",
            "rights_areas", "policy_areas", "baseline_year", "target_value", "target_year",
            "natural_limit", "visibility", "source", "owner", "definition", "narrative",
            "update_frequency", "title_nl", "definition_nl", "narrative_nl",
            *rights_files.CATALOGUE_COLUMNS,
        ])
        for (iid, en, de, unit, direction, dec, targets, rights, policy, model, tv, ty, limit,
             vis, splits, _file, owner) in I:
            baseline = 2015 if iid not in ("broadband-coverage", "open-datasets") else ""
            definition = f"{en}, measured for all residents of Lindenfeld" + (
                " and broken down by " + " and ".join(splits.split(";")) if splits else "") + "."
            narrative = f"The {owner} reports this indicator every year; see the council's action plan for what the city does about it."
            w.writerow([
                iid, en, de, unit, direction, dec, targets, rights, policy, baseline,
                "" if tv is None else tv, "" if ty is None else ty,
                "" if limit is None else limit, vis,
                f"Lindenfeld {owner}", owner, definition, narrative, "annual",
                nl.TITLES[iid], nl.definition_nl(iid, splits), nl.narrative_nl(owner),
                *rights_files.catalogue_cells(iid),
            ])
        # Qualitative indicators last: dated statements, no numbers.
        header = [
            "id", "title_en", "title_de", "unit", "direction", "decimals", "sdg_targets",
            "rights_areas", "policy_areas", "baseline_year", "target_value", "target_year",
            "natural_limit", "visibility", "source", "owner", "definition", "narrative",
            "update_frequency", "title_nl", "definition_nl", "narrative_nl",
            *rights_files.CATALOGUE_COLUMNS,
        ]
        for row in rights_files.qualitative_rows():
            w.writerow([row.get(column, "") for column in header])

    # --- areas -----------------------------------------------------------------
    with open(ROOT / "areas.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(["id", "kind", "name_en", "instrument", "article", "rights_holders", "name_nl"])
        for rid, name, instrument, article, holders in RIGHTS:
            w.writerow([rid, "rights", name, instrument, article, holders, nl.AREAS[rid]])
        for pid, name in POLICY:
            w.writerow([pid, "policy", name, "", "", "", nl.AREAS[pid]])

    # --- languages and labels --------------------------------------------------------
    with open(ROOT / "settings.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(["key", "value"])
        w.writerow(["languages", "en;nl"])
        w.writerow(["licence", "CC BY 4.0"])
    with open(ROOT / "labels.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(["dimension", "value", "label_en", "label_nl"])
        w.writerows(nl.LABELS)

    # --- actions -------------------------------------------------------------------
    with open(ROOT / "actions.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(["id", "kind", "title", "indicators", "date", "reference", "link",
                    "year", "amount", "currency", "title_nl"])
        for aid, kind, title, linked, date, ref, link, year, amount in ACTIONS:
            w.writerow([aid, kind, title, linked, date, ref, link, year, amount,
                        "EUR" if amount else "", nl.ACTIONS[aid]])

    # --- rights files: groups, recommendations, qualitative statements, boundaries --
    rights_files.write(ROOT, DISTRICTS)
    gen_districts.write_districts(ROOT / "districts.geojson")

    # --- observations ------------------------------------------------------------
    files = {name: [] for name in ("social", "health", "districts", "environment", "safety", "governance", "budget", "housing")}
    for spec in I:
        (iid, _en, _de, unit, _direction, dec, _t, _r, _p, (base, slope, sd), _tv, _ty, limit,
         _vis, splits, file, _owner) = spec
        low = 0.0
        high = 100.0 if unit == "%" else None
        headline = series_values(rng, base, slope, sd, low, high)
        gap_year = rng.choice(YEARS[2:-3]) if rng.random() < 0.2 else None
        rows = []  # (dims dict, year index, value, flag)
        for k, v in enumerate(headline):
            if YEARS[k] == gap_year:
                continue
            flag = "p" if YEARS[k] == 2025 else ("e" if rng.random() < 0.04 else "")
            rows.append(({}, k, v, flag))
        if "sex" in splits:
            for sex, factor in (("female", 1.06), ("male", 0.94)):
                for k, v in enumerate(headline):
                    if YEARS[k] == gap_year:
                        continue
                    rows.append(({"sex": sex}, k, min(high or 1e12, v * factor + rng.gauss(0, sd * 0.5)), ""))
        if "age" in splits:
            for age, factor in (("0-17", 1.3), ("18-64", 0.95), ("65+", 1.05)):
                for k, v in enumerate(headline):
                    if YEARS[k] == gap_year:
                        continue
                    rows.append(({"age": age}, k, v * factor + rng.gauss(0, sd * 0.6), ""))
        if "district" in splits:
            direction_up = _direction == "higher"
            for d, factor in zip(DISTRICTS, DISTRICT_FACTOR):
                f_ = (2 - factor) if direction_up else factor
                for k, v in enumerate(headline):
                    value = v * f_ + rng.gauss(0, sd * 0.8)
                    if high is not None:
                        value = min(high, value)
                    rows.append(({"district": d}, k, max(0.0, value), ""))
        if iid == BREAK_INDICATOR:
            rows = with_break(rows)
        files[file].append((spec, rows))

    write_long_csv(obs_dir / "social.csv", files["social"], ["sex", "age"], delimiter=",", bom=False, crlf=False)
    write_long_csv(obs_dir / "health.csv", files["health"], ["sex"], delimiter=",", bom=True, crlf=True)
    write_districts_wide(obs_dir / "districts-wijken.csv", files["districts"])
    write_long_csv(obs_dir / "environment.tsv", files["environment"], [], delimiter="\t", bom=False, crlf=False)
    write_long_csv(obs_dir / "safety.csv", files["safety"], ["sex"], delimiter="|", bom=False, crlf=False, flag_in_value=True)
    write_xlsx(obs_dir / "governance.xlsx", files["governance"])
    write_fiscal(obs_dir / "budget.csv", files["budget"])
    write_long_csv(obs_dir / "housing.csv", files["housing"], [], delimiter=";", bom=False, crlf=True, decimal_comma=True)


def long_rows(groups, dim_names):
    for (spec, rows) in groups:
        iid, dec = spec[0], spec[5]
        for dims, k, v, flag in rows:
            yield iid, YEARS[k], [dims.get(n, "") for n in dim_names], fmt(v, dec), flag


def write_long_csv(path, groups, dim_names, delimiter, bom, crlf, flag_in_value=False, decimal_comma=False):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n" if crlf else "\n")
    header = ["indicator", "year", *dim_names, "value"] + ([] if flag_in_value else ["flag"])
    w.writerow(header)
    for iid, year, dims, value, flag in long_rows(groups, dim_names):
        if decimal_comma:
            value = value.replace(".", ",")
        if flag_in_value:
            # Some departments write the flag into the value cell: 12.1p
            w.writerow([iid, year, *dims, value + flag])
        else:
            w.writerow([iid, year, *dims, value, flag])
    data = buf.getvalue().encode("utf-8")
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)


def write_districts_wide(path, groups):
    """Dutch/German spreadsheet style: `;` delimiter, decimal comma, one column
    per year, Windows-1252 (district names with umlauts), CRLF."""
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    w.writerow(["Indikator", "Stadtteil", *[str(y) for y in YEARS]])
    for spec, rows in groups:
        iid, dec = spec[0], spec[5]
        by_district = {}
        for dims, k, v, _flag in rows:
            key = dims.get("district", "")  # "" = the whole city (headline)
            if dims and "district" not in dims:
                continue
            by_district.setdefault(key, [".."] * len(YEARS))[k] = fmt(v, dec, decimal_comma=True)
        for d in ["", *DISTRICTS]:
            cells = by_district.get(d, [".."] * len(YEARS))
            w.writerow([iid, d, *cells])
    path.write_bytes(buf.getvalue().encode("cp1252"))


def write_fiscal(path, groups):
    """Budget figures by fiscal year (2012/2013 ... 2025/2026), long shape."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["indicator", "fiscal_year", "value", "flag"])
    for iid, year, _dims, value, flag in long_rows(groups, []):
        w.writerow([iid, f"{year}/{year + 1}", value, flag])
    path.write_bytes(buf.getvalue().encode("utf-8"))


def col_name(n):
    name = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        name = chr(65 + r) + name
    return name


def write_xlsx(path, groups):
    """A minimal .xlsx workbook (inline strings), one sheet named "Indicators",
    written with the standard library so the generator needs nothing else."""
    rows = [["indicator", "year", "value", "flag"]]
    for iid, year, _dims, value, flag in long_rows(groups, []):
        rows.append([iid, year, float(value), flag])
    sheet_rows = []
    for r, row in enumerate(rows, start=1):
        cells = []
        for c, cell in enumerate(row):
            ref = f"{col_name(c)}{r}"
            if isinstance(cell, (int, float)) and not isinstance(cell, bool):
                cells.append(f'<c r="{ref}"><v>{cell}</v></c>')
            elif cell != "":
                cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(str(cell))}</t></is></c>')
        sheet_rows.append(f'<row r="{r}">{"".join(cells)}</row>')
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             f'<sheetData>{"".join(sheet_rows)}</sheetData></worksheet>')
    files = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '</Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>',
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets><sheet name="Indicators" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            '</Relationships>',
        "xl/worksheets/sheet1.xml": sheet,
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in files.items():
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text)


if __name__ == "__main__":
    main()
