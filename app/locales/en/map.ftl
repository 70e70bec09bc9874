# The district map (app/src/chart/map.rs) and the map sections of the
# indicator and district pages.

map-no-data = no data
map-no-boundary = not on the map: no boundary
map-legend-darker = Darker colours mean higher values ({ $unit }).
map-better-higher = Higher is better.
map-better-lower = Lower is better.
map-class-range = { $from } to { $to }
map-class-count = { $n ->
    [one] 1 district
   *[other] { $n } districts
}
map-flag-note = * The value has a flag (for example provisional or estimated): see the table.
map-key = Numbers on the map:
map-title-value = { $name }: { $value }
map-title-flagged = { $name } *: { $value } (flag { $flags })
map-title-no-data = { $name }: no data
map-desc = Each district with its value and class: { $list }.
map-desc-class = class { $class } of { $of }
map-locator-desc = { $name } is outlined among the city's { $n } districts: { $list }.
map-title = Map of { $title } by district, { $period }
map-caption = { $title } by district in { $period } ({ $unit }): darker is higher. The table lists every district with its value and class.
map-col-class = Class on the map
map-class-of = { $class } of { $of } ({ $range })
map-locator-title = Where { $name } is in the city
map-choose-district = This indicator is reported by district only, so the page opens on the comparison of all districts above. Choose a district to see its values over time.
map-district-where = Where { $name } is
map-district-maps = { $name } on each indicator's map
map-district-maps-lead = Each map shows every district's latest value, { $name } outlined.
district-chart-flagged = ; flagged values: { $list }
map-table-caption = { $title } by district in { $period }: value, flags and class on the map
