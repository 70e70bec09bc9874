# Local Goals: de woorden van de publieke site in het Nederlands.
# Elke id uit en/site.ftl staat ook hier (een test controleert dat).

site-description = Hoe onze stad ervoor staat op de Duurzame Ontwikkelingsdoelen: lokale indicatoren, trends en open data.
skip-to-content = Naar de inhoud
nav-main = Hoofdmenu
nav-goals = Doelen
nav-progress = Voortgang
nav-methodology = Methode
nav-language = Taal
footer-text = Open data uit de indicatorbestanden van de stad, gekoppeld aan de Duurzame Ontwikkelingsdoelen van de VN.
footer-methodology = Hoe de status wordt berekend
loading = Laden…
not-translated = nog niet vertaald

status-target-achieved = Doel bereikt
status-substantial = Flinke vooruitgang / op koers
status-moderate = Matige vooruitgang / versnelling nodig
status-limited = Beperkte vooruitgang
status-deterioration = Achteruitgang
status-not-available = Niet beschikbaar
status-counts-label = Indicatoren per status

class-significant-progress = aanzienlijke vooruitgang
class-moderate-progress = matige vooruitgang
class-moderate-movement-away = matige beweging van het doel af
class-significant-movement-away = aanzienlijke beweging van het doel af
class-insufficient-progress = onvoldoende vooruitgang
class-movement-away = beweging van het doel af
class-on-track = op koers of doel bereikt
class-fair-progress = redelijke vooruitgang, maar versnelling nodig
class-stagnation = stilstand of achteruitgang

movement-better = beter
movement-worse = slechter
movement-same = geen verandering
change-since = { $change } sinds { $year }

baseline-rule-catalogue = catalogus
baseline-rule-catalogue-next = catalogus, eerstvolgend jaar met data
baseline-rule-default-year = standaardjaar
baseline-rule-first-year = eerste jaar met data

area-kind-rights = Mensenrechtengebied
area-kind-policy = Beleidsterrein
direction-higher = hoger is beter
direction-lower = lager is beter
series-total = Totaal
indicator-count = { $n ->
    [one] 1 indicator
   *[other] { $n } indicatoren
}
rank = { $position } van { $of }, hoogste eerst ({ $direction })
up = gestegen
down = gedaald
unchanged = onveranderd

home-title = Doelen
home-heading = Onze stad en de Duurzame Ontwikkelingsdoelen
home-lead = Hoe de stad ervoor staat op elk doel, gemeten met de eigen indicatoren van de stad.
home-lead-link = Bekijk alle indicatoren in één oogopslag
movers-heading = Wat het meest veranderde sinds het basisjaar
improved-most = Meest verbeterd
worsened-most = Meest verslechterd
by-goal = Per doel
no-data-yet = Nog geen enkele indicator heeft data.
by-right = Per mensenrecht
by-policy = Per beleidsterrein
by-district = Per wijk
no-indicator-here = Hier is nog geen indicator.

goal-label = Doel { $n }
goal-title = Doel { $n }: { $title }
goal-badge = Doel { $n } · { $title }
goal-targets-reported = De stad rapporteert over { $with } van de { $total } subdoelen van dit doel.
target-label = Subdoel { $id }

area-instrument = Verdrag
area-rights-holders = Rechthebbenden
status-summary = Overzicht van de status
area-indicators = Indicatoren ({ $n })

district-crumb = Wijk
district-lead = De laatste waarde van elke indicator die per wijk wordt gerapporteerd, naast die van de hele stad.
district-caption = Indicatoren voor { $name }
col-indicator = Indicator
col-year = Jaar
col-whole-city = Hele stad
col-rank = Plaats onder de wijken
other-districts = Andere wijken

progress-title = Voortgang in één oogopslag
progress-lead = Elke openbare indicator met de laatste waarde, de verandering sinds het basisjaar en de status.
filter-goal = Doel
filter-all-goals = Alle doelen
filter-area = Gebied
filter-all-areas = Alle gebieden
filter-group = Groeperen op
group-goal = Doel
group-rights = Mensenrecht
group-policy = Beleidsterrein
filter-sort = Sorteren op
sort-status = Status (aandacht nodig eerst)
sort-improved = Verandering sinds basisjaar (meest verbeterd eerst)
sort-worsened = Verandering sinds basisjaar (meest verslechterd eerst)
sort-title = Titel
apply = Toepassen
progress-count = { $n ->
    [one] 1 indicator getoond.
   *[other] { $n } indicatoren getoond.
}

methodology-title = Methode
methodology-language-note = Deze pagina is alleen in het Engels beschikbaar.

not-found-title = Pagina niet gevonden
not-found-text = Op dit adres staat geen pagina.
back-to-goals = Naar de lijst met doelen
error-not-found = Niet gevonden
error-check-address = Controleer het adres
error-went-wrong = Er ging iets mis
error-title = Niet beschikbaar
error-indicator-not-found = Er is geen indicator “{ $id }”. Ga terug naar de lijst met doelen om de indicator te vinden die u zoekt.
error-series-not-found = De indicator “{ $indicator }” heeft geen reeks “{ $series }”. Niet elke combinatie wordt gepubliceerd: kies in de keuzelijsten hierboven één waarde tegelijk, of “Alle”.
error-no-data-yet = Voor “{ $title }” zijn nog geen gegevens gepubliceerd; wat de indicator meet staat hieronder. Kijk opnieuw na de volgende publicatie van de stad.
error-goal-not-found = Er is geen doel “{ $goal }”. De doelen zijn genummerd van 1 tot en met 17; ga terug naar de lijst met doelen en kies er een.
error-area-not-found = Er is geen { $kind } “{ $id }”. Ga terug naar de lijst met doelen om de gebieden te vinden waarover de stad rapporteert.
error-district-not-found = Voor de wijk “{ $name }” wordt geen indicator gerapporteerd. Kies een van de wijken op de startpagina.
error-bad-filter = Het filter “{ $name }={ $value }” kennen we niet. Kies een waarde uit het formulier op deze pagina: { $expected }.
expected-goal-number = een doelnummer van 1 tot en met 17
expected-listed-area = een van de genoemde mensenrechtengebieden of beleidsterreinen
expected-or = { $list } of { $last }
error-internal = Er ging bij ons iets mis. Probeer het over een minuut opnieuw; blijft het gebeuren, laat het dan het datateam van de stad weten.
error-request = Het verzoek kon niet worden afgerond ({ $detail }). Laad de pagina opnieuw en probeer het nog eens.

indicator-status = Status:
indicator-meta = Eenheid: { $unit } · laatste gegevens: { $period } · gepubliceerd { $published }
maps-to = Gekoppeld aan
district-heading = Per wijk
about-heading = Over deze indicator
about-definition = Definitie
about-unit = Eenheid
about-source = Bron
about-owner = Verantwoordelijk
about-last-update = Laatst bijgewerkt
about-last-update-text = Gegevens tot { $period }, gepubliceerd { $published }
about-city-does = Wat de stad doet

selector-all = Alle
selector-show = Toon
series-unavailable = Deze reeks is niet beschikbaar
series-unavailable-text = Kies een andere combinatie in de keuzelijsten hierboven.
legend = Legenda
why-status = Waarom deze status
status-score = score { $score } op een schaal van −5 tot 5
status-method = methode: { $method }
how-computed = hoe de status wordt berekend
values-caption = Waarden — { $series }
col-value = Waarde ({ $unit })
col-flags = Markeringen
target-row = Doel { $year }
target-flag = doel
history-caption = Status per publicatie
col-release = Publicatie
col-published = Gepubliceerd
col-status = Status
chart-updated = Grafiek en tabel tonen nu: { $series }

legend-observed = Gemeten waarden (een onderbreking waar een jaar geen gegevens heeft)
legend-baseline = Basisjaar { $label }: { $value }
legend-target = Doel voor { $year }: { $value }
legend-trend = Trend doorgetrokken tot { $year }: { $value }
legend-flagged = Omcirkeld: gemarkeerde waarde (zie de kolom Markeringen)
baseline-line = Basisjaar { $label }: { $value } ({ $rule })
chart-title = { $title } — { $series }
chart-title-latest = : { $value } in { $period }
chart-title-change = , { $change } { $direction } sinds { $year }
chart-caption = { $title } — { $series }{ $years } ({ $unit })
district-chart-title = { $title } per wijk, { $period }: hoogste { $highest } ({ $highest-value }), laagste { $lowest } ({ $lowest-value })
district-chart-city = ; hele stad { $value }
district-chart-caption = { $title } per wijk in { $period } ({ $unit })
district-chart-caption-city = ; de stippellijn is de hele stad

explain-achieved = Het doel van { $target } voor { $target-year } is al bereikt: de waarde is { $value } in { $year } ({ $direction }).
explain-open-sdg-no-target = Van { $base } in { $base-year } naar { $value } in { $year } veranderde de waarde met { $growth }% per jaar ({ $direction }); zonder doel telt { $threshold }% per jaar of meer in de goede richting als flinke vooruitgang: { $status }.
explain-open-sdg-target = Van { $base } in { $base-year } naar { $value } in { $year } veranderde de waarde met { $growth }% per jaar; om { $target } te halen in { $target-year } is { $required }% per jaar nodig. De werkelijke groei is { $share }% van het benodigde tempo: { $status }.
explain-eurostat-target = Eurostat-methode: { $growth }% per jaar van { $base-year } tot { $year }; om { $target } te halen in { $target-year } is { $required }% per jaar nodig, dus de groei is { $share }% van het benodigde tempo{ $class }: { $status }.
explain-eurostat = Eurostat-methode: { $growth }% per jaar van { $base-year } tot { $year }{ $class }: { $status }.
explain-unsd-target = UNSD Progress Chart: bij { $growth }% per jaar zou de waarde { $projected } zijn in { $target-year }, { $share }% van de weg van { $base } naar het doel van { $target }{ $class }: { $status }.
explain-unsd = UNSD Progress Chart: bij { $growth }% per jaar zou de waarde { $projected } zijn in { $target-year }{ $class }: { $status }.
explain-none = Voor deze reeks kon geen status worden berekend.
explain-no-status = Geen status: { $why }.
why-too-few-years = minder dan twee jaar gegevens sinds het basisjaar
why-missing-value = de waarde in het basisjaar of de laatste waarde ontbreekt
why-opposite-signs = de beginwaarde en de laatste waarde hebben een tegengesteld teken, dus een groeivoet zegt niets
why-no-data-from-base = geen waarde in of na het basisjaar
why-target-unreachable = het doel is gelijk aan de beginwaarde, of heeft het tegengestelde teken, dus geen groeivoet leidt ernaartoe
why-too-short = de Eurostat-methode heeft een waarde nodig van drie tot vijf jaar vóór de laatste
why-zero-or-sign = minder dan twee jaar gegevens, of waarden die nul zijn of van teken wisselen

goal-1 = Geen armoede
goal-2 = Geen honger
goal-3 = Goede gezondheid en welzijn
goal-4 = Kwaliteitsonderwijs
goal-5 = Gendergelijkheid
goal-6 = Schoon water en sanitair
goal-7 = Betaalbare en duurzame energie
goal-8 = Waardig werk en economische groei
goal-9 = Industrie, innovatie en infrastructuur
goal-10 = Ongelijkheid verminderen
goal-11 = Duurzame steden en gemeenschappen
goal-12 = Verantwoorde consumptie en productie
goal-13 = Klimaatactie
goal-14 = Leven in het water
goal-15 = Leven op het land
goal-16 = Vrede, justitie en sterke publieke diensten
goal-17 = Partnerschap om doelstellingen te bereiken

search-label = Zoeken
search-button = Zoek
search-title = Zoeken
search-heading = Zoek in de indicatoren
search-hint = Zoekt in titels, definities, SDG-subdoelen en doelen, en mensenrechtengebieden en beleidsterreinen; ook een verkeerd gespeld woord of een deel van een samengesteld woord wordt gevonden.
search-results = { $n ->
    [one] 1 indicator gevonden voor “{ $query }”.
   *[other] { $n } indicatoren gevonden voor “{ $query }”.
}
search-partial = Geen indicator past bij alle woorden; deze passen bij een deel ervan.
search-none = Niets gevonden voor “{ $query }”. Probeer een ander woord, of blader door de doelen.
search-matched = Gevonden in: { $fields }
search-field-title = titel
search-field-definition = definitie
search-field-target = SDG-subdoel
search-field-goal = doel
search-field-rights = mensenrecht
search-field-policy = beleidsterrein

compare-title = Indicatoren vergelijken
compare-lead = Tot vier indicatoren naast elkaar, over dezelfde jaren en voor dezelfde wijk.
compare-pick = Indicator { $n }
compare-none = —
compare-district = Wijk
compare-whole-city = Hele stad
compare-button = Vergelijk
compare-district-missing = Niet gerapporteerd voor { $district }: de hele stad wordt getoond.
compare-no-data = Nog geen gegevens gepubliceerd.
compare-link = Vergelijk met andere indicatoren
compare-choose = Kies hierboven de indicatoren om te vergelijken.

date = { $day } { $month } { $year }
month-1 = januari
month-2 = februari
month-3 = maart
month-4 = april
month-5 = mei
month-6 = juni
month-7 = juli
month-8 = augustus
month-9 = september
month-10 = oktober
month-11 = november
month-12 = december

nav-report = Jaarverslag
report-list-title = Jaarverslagen
report-list-lead = Eén verslag per datajaar voor de gemeenteraad: wat verbeterde en wat verslechterde sinds het jaar ervoor en sinds de basislijn, per doel en per mensenrecht, met wat de stad doet en uitgeeft.
report-none = Er zijn nog geen gegevens gepubliceerd, dus er is nog geen verslag.
report-title = Jaarverslag { $year }
report-pdf = Downloaden als pdf
report-built-from = Gemaakt uit release { $release }, gepubliceerd op { $date }.
report-lead = Wat de openbare indicatoren van de stad laten zien over { $year }: wat verbeterde en wat verslechterde sinds { $previous } en sinds de basislijn van elke indicator, welke statussen veranderden, en wat de stad eraan doet. Alleen gegevens over perioden tot en met { $year } worden gebruikt.
report-method = Statussen volgens de methode { $method }.
report-print-hint = Deze pagina afdrukken geeft hetzelfde verslag op papier.
report-contents = Inhoud
report-summary = In het kort
report-status-changes = Veranderde statussen
report-table = Alle indicatoren
report-by-goal = Per doel
report-by-right = Per mensenrecht
report-count-indicators = { $count ->
    [one] Eén openbare indicator.
   *[other] { $count } openbare indicatoren.
}
report-count-previous = Sinds { $previous }: { $improved } verbeterd, { $worsened } verslechterd.
report-count-baseline = Sinds hun basislijn: { $improved } verbeterd, { $worsened } verslechterd.
report-count-status-changes = { $count ->
    [one] Eén status veranderde.
   *[other] { $count } statussen veranderden.
}
report-status-changes-lead = Elke status wordt twee keer uit de gegevens berekend: een keer uit de perioden tot en met { $previous } en een keer uit die tot en met { $year }.
report-no-status-changes = Geen enkele status veranderde.
report-status-in = Status { $year }
report-other-years = Andere jaren
verdict-improved = verbeterd
verdict-worsened = verslechterd
verdict-unchanged = onveranderd
report-table-caption = Elke openbare indicator in { $year }: de waarde, hoe die bewoog en de status
report-col-since = Sinds { $year }
report-col-baseline = Basislijn
report-col-since-baseline = Sinds basislijn
report-list-none = Geen.
report-improved-since = Verbeterd sinds { $year }
report-worsened-since = Verslechterd sinds { $year }
report-improved-baseline = Verbeterd sinds de basislijn
report-worsened-baseline = Verslechterd sinds de basislijn
report-spending = Begroting { $year }
report-no-spending = Aan deze indicatoren is geen begrotingspost voor { $year } gekoppeld.
report-budget-lines = { $count ->
    [one] (één begrotingspost)
   *[other] ({ $count } begrotingsposten)
}
report-spending-note-goal = Een begrotingspost die aan indicatoren van meerdere doelen gekoppeld is, telt bij elk van die doelen één keer mee; samen zijn de totalen van de doelen dus meer dan de begroting. Bedragen in verschillende valuta worden nooit opgeteld.
report-spending-note-right = Een begrotingspost die aan indicatoren van meerdere mensenrechten gekoppeld is, telt bij elk ervan één keer mee; samen zijn deze totalen dus meer dan de begroting. Bedragen in verschillende valuta worden nooit opgeteld.
report-chart-alt = Grafiek van “{ $title }” tot en met { $year } ({ $value } in { $year }), met basislijn, doel en trend; de tabel met alle indicatoren geeft de getallen.
report-status-was = in { $year }:
actions-heading = Wat de stad doet
action-kind-decision = Raadsbesluit
action-kind-motion = Motie
action-kind-programme = Programma
action-kind-budget = Begrotingspost
chart-image-values = Waarden
chart-image-source = Bron: { $source }
chart-image-release = Local Goals, release { $release } van { $date }
chart-image-links = Deze grafiek downloaden:
error-report-year-not-found = Er is geen jaarverslag voor “{ $year }”. Er zijn verslagen voor de jaren met gegevens, het laatste is { $latest }; kies er een uit de lijst met verslagen.
error-no-report-yet = Er is geen jaarverslag voor “{ $year }”: er zijn nog geen gegevens gepubliceerd.
report-page = pagina
report-goal-heading = Doel { $n }: { $title }

# Aanbevelingen en opvolging (recommendations.csv)
recommendation-nav = Aanbevelingen
recommendation-title = Aanbevelingen en opvolging
recommendation-lead = Wat VN-verdragscomités, de Universal Periodic Review, de mensenrechtenraad van de stad en de ombudsman aanbevolen, hoe de stad reageerde en hoe ver ze is.
recommendation-filter-status = Status
recommendation-all-statuses = Alle statussen
recommendation-filter-source = Bron
recommendation-all-sources = Alle bronnen
recommendation-counts-heading = Opvolging in één oogopslag
recommendation-shown = Getoonde aanbevelingen: { $n } van { $total }
recommendation-clear-filters = Alle aanbevelingen tonen
recommendation-none = Geen enkele aanbeveling past.
recommendation-status = Opvolging
recommendation-since = sinds
recommendation-due = Uiterlijk
recommendation-response = Reactie van de stad
recommendation-no-response = Nog geen reactie.
recommendation-areas = Mensenrechtendomeinen
recommendation-indicators = Indicatoren
recommendation-document = Brondocument
recommendation-document-link = Lees de aanbeveling waar ze werd gepubliceerd
recommendation-area-heading = Aanbevelingen ({ $n })
recommendation-all-link = Alle aanbevelingen
recommendation-source-treaty-body = VN-verdragscomité
recommendation-source-upr = Universal Periodic Review
recommendation-source-human-rights-council = Mensenrechtenraad van de stad
recommendation-source-ombudsperson = Ombudsman
recommendation-status-not-started = Niet begonnen
recommendation-status-in-progress = In uitvoering
recommendation-status-implemented = Uitgevoerd
recommendation-status-rejected = Afgewezen
# Kwalitatieve indicatoren (qualitative.csv)
qualitative-month-year = { $month } { $year }
qualitative-yes = Ja
qualitative-no = Nee
qualitative-heading = Wat er gebeurde
qualitative-no-score = Deze indicator wordt beantwoord in woorden en met ja/nee, niet in getallen, en heeft dus geen voortgangsscore.
qualitative-no-score-short = Kwalitatief: geen voortgangsscore
qualitative-none = Er is nog niets vastgelegd.
qualitative-timeline-label = Uitspraken, nieuwste eerst
qualitative-meta = Kwalitatieve indicator · laatste uitspraak: { $date } · gepubliceerd { $published }
# De indicatortypen van de OHCHR
ohchr-type-label = Soort indicator (OHCHR):
ohchr-type-structure = Structuur
ohchr-type-process = Proces
ohchr-type-outcome = Resultaat
ohchr-heading-structure = Structuurindicatoren
ohchr-heading-process = Procesindicatoren
ohchr-heading-outcome = Resultaatindicatoren
ohchr-heading-none = Soort niet opgegeven
ohchr-explain-structure = Toezeggingen van de stad in regels, strategieën en instellingen.
ohchr-explain-process = Wat de stad doet om die toezeggingen na te komen: diensten, uitgaven, bereik.
ohchr-explain-outcome = Wat inwoners ervaren: of het recht in de praktijk wordt genoten.
ohchr-explain-none = Indicatoren waarvoor de catalogus geen OHCHR-type geeft.
