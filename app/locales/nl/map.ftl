# De wijkkaart (app/src/chart/map.rs) en de kaartonderdelen van de
# indicator- en wijkpagina's.

map-no-data = geen gegevens
map-no-boundary = niet op de kaart: geen grens
map-legend-darker = Donkerder kleuren betekenen hogere waarden ({ $unit }).
map-better-higher = Hoger is beter.
map-better-lower = Lager is beter.
map-class-range = { $from } tot { $to }
map-class-count = { $n ->
    [one] 1 wijk
   *[other] { $n } wijken
}
map-flag-note = * De waarde heeft een markering (bijvoorbeeld voorlopig of geschat): zie de tabel.
map-key = Nummers op de kaart:
map-title-value = { $name }: { $value }
map-title-flagged = { $name } *: { $value } (markering { $flags })
map-title-no-data = { $name }: geen gegevens
map-desc = Elke wijk met haar waarde en klasse: { $list }.
map-desc-class = klasse { $class } van { $of }
map-locator-desc = { $name } is omlijnd tussen de { $n } wijken van de stad: { $list }.
map-title = Kaart van { $title } per wijk, { $period }
map-caption = { $title } per wijk in { $period } ({ $unit }): donkerder is hoger. De tabel noemt elke wijk met haar waarde en klasse.
map-col-class = Klasse op de kaart
map-class-of = { $class } van { $of } ({ $range })
map-locator-title = Waar { $name } ligt in de stad
map-choose-district = Deze indicator wordt alleen per wijk gerapporteerd, daarom opent de pagina met de vergelijking van alle wijken hierboven. Kies een wijk om haar waarden door de tijd te zien.
map-district-where = Waar { $name } ligt
map-district-maps = { $name } op de kaart van elke indicator
map-district-maps-lead = Elke kaart toont de laatste waarde van elke wijk, met { $name } omlijnd.
district-chart-flagged = ; gemarkeerde waarden: { $list }
map-table-caption = { $title } per wijk in { $period }: waarde, markeringen en klasse op de kaart
