# Who is left behind: gaps between rights-holder groups and the whole city
# (/equality, the rights-area pages' section, the indicator page's gap charts).

equality-nav = Who is left behind
equality-title = Who is left behind
equality-lead = For every public indicator reported for a rights-holder group (women, children, older persons, the residents of a district …), the gap between the group and the whole city in the latest year both have, and whether it narrowed or widened since the baseline.
equality-how = How gaps are computed
equality-all = All gaps across the city's indicators
equality-counts = { $gaps ->
    [one] One gap
   *[other] { $gaps } gaps
} in { $indicators ->
    [one] one indicator
   *[other] { $indicators } indicators
}; { $behind ->
    [one] one group is
   *[other] { $behind } groups are
} behind the whole city.
equality-none = No public indicator is reported for a group named in the dataset's groups file, next to a value for the whole city.
equality-widest = Widest gaps
equality-widest-lead = Groups behind the whole city in the latest year both have, the widest gap relative to the city's value first.
equality-none-behind = No group is behind the whole city.
equality-widening = Fastest-widening gaps
equality-widening-lead = Groups behind the whole city whose gap widened since the baseline, the fastest growth of the gap relative to the city's value per year first.
equality-none-widening = No gap of a group behind the whole city is widening.

gap-col-group = Group
gap-col-indicator = Indicator
gap-col-period = Year
gap-col-group-value = Group's value
gap-col-city-value = Whole city
gap-col-gap = Gap
gap-col-relative = Relative to the city
gap-col-direction = Since the baseline
gap-col-pace = Pace
gap-behind = behind
gap-level = level
gap-ahead = ahead
gap-widening = widening since { $year } ({ $from } → { $to })
gap-narrowing = narrowing since { $year } ({ $from } → { $to })
gap-unchanged = unchanged since { $year } ({ $from } → { $to })
gap-no-trend = one common year only
gap-pace = { $pace } points a year
gap-heading = Gaps between groups and the whole city
gap-lead = Each line is a group's value minus the whole city's: 0 is the same as the whole city.
gap-by = By { $dimension }
gap-axis = gap ({ $unit })
gap-chart-title = Gap to the whole city by { $dimension }: { $title }, { $years }
gap-chart-caption = { $title }: each group's value minus the whole city's, by { $dimension }, in { $unit }.
gap-legend-zero = 0: the same as the whole city
gap-legend-flagged = flagged value (provisional, estimated or a break in the series)
gap-latest-caption = Latest gap of each group by { $dimension }
gap-table-caption = Gaps by { $dimension } over time, in { $unit }
gap-area-heading = Who is left behind
gap-area-lead = Groups behind the whole city in this right's indicators, the widest gap relative to the city's value first.
