# Local Goals: the public site's words in English.
# Each message id must exist in every language file (a test checks).
# Placeholders: { $name }. Counts choose the plural form.

site-description = How our city is doing on the Sustainable Development Goals: local indicators, trends and open data.
skip-to-content = Skip to content
nav-main = Main
nav-goals = Goals
nav-progress = Progress
nav-methodology = Methodology
nav-language = Language
footer-text = Open data from the city's indicator files, mapped to the UN Sustainable Development Goals.
footer-methodology = How statuses are computed
loading = Loading…
not-translated = not yet translated

status-target-achieved = Target achieved
status-substantial = Substantial progress / on track
status-moderate = Moderate progress / acceleration needed
status-limited = Limited progress
status-deterioration = Deterioration
status-not-available = Not available
status-counts-label = Indicators by status

class-significant-progress = significant progress
class-moderate-progress = moderate progress
class-moderate-movement-away = moderate movement away
class-significant-movement-away = significant movement away
class-insufficient-progress = insufficient progress
class-movement-away = movement away from the target
class-on-track = on track or target met
class-fair-progress = fair progress, but acceleration needed
class-stagnation = stagnation or regression

movement-better = better
movement-worse = worse
movement-same = no change
change-since = { $change } since { $year }

baseline-rule-catalogue = catalogue
baseline-rule-catalogue-next = catalogue next year with data
baseline-rule-default-year = default year
baseline-rule-first-year = first year with data

area-kind-rights = Human-rights area
area-kind-policy = Policy area
direction-higher = higher is better
direction-lower = lower is better
series-total = Total
indicator-count = { $n ->
    [one] 1 indicator
   *[other] { $n } indicators
}
rank = { $position } of { $of }, highest first ({ $direction })
up = up
down = down
unchanged = unchanged

home-title = Goals
home-heading = Our city and the Sustainable Development Goals
home-lead = How the city is doing on each goal, from the city's own indicators.
home-lead-link = See every indicator at a glance
movers-heading = What changed most since the baseline
improved-most = Improved most
worsened-most = Worsened most
by-goal = By goal
no-data-yet = No indicator has data yet.
by-right = By human right
by-policy = By policy area
by-district = By district
no-indicator-here = No indicator here yet.

goal-label = Goal { $n }
goal-title = Goal { $n }: { $title }
goal-badge = Goal { $n } · { $title }
goal-targets-reported = The city reports on { $with } of this goal's { $total } targets.
target-label = Target { $id }

area-instrument = Instrument
area-rights-holders = Rights-holders
status-summary = Status summary
area-indicators = Indicators ({ $n })

district-crumb = District
district-lead = The latest value of every indicator reported by district, next to the city as a whole.
district-caption = Indicators for { $name }
col-indicator = Indicator
col-year = Year
col-whole-city = Whole city
col-rank = Rank among districts
other-districts = Other districts

progress-title = Progress at a glance
progress-lead = Every public indicator with its latest value, change since the baseline and status.
filter-goal = Goal
filter-all-goals = All goals
filter-area = Area
filter-all-areas = All areas
filter-group = Group by
group-goal = Goal
group-rights = Human right
group-policy = Policy area
filter-sort = Sort by
sort-status = Status (needs attention first)
sort-improved = Change since baseline (most improved first)
sort-worsened = Change since baseline (most worsened first)
sort-title = Title
apply = Apply
progress-count = { $n ->
    [one] 1 indicator shown.
   *[other] { $n } indicators shown.
}

methodology-title = Methodology
methodology-language-note = This page is available in English only.

not-found-title = Page not found
not-found-text = There is no page at this address.
back-to-goals = Go to the list of goals
error-not-found = Not found
error-check-address = Check the address
error-went-wrong = Something went wrong
error-title = Not available
error-indicator-not-found = There is no indicator “{ $id }”. Go back to the list of goals to find the indicator you are looking for.
error-series-not-found = The indicator “{ $indicator }” has no series “{ $series }”. Not every combination is published: choose one value at a time in the selectors above, or “All”.
error-no-data-yet = No data has been published for “{ $title }” yet; what it measures is described below. Check again after the city's next release.
error-goal-not-found = There is no goal “{ $goal }”. The goals are numbered 1 to 17; go back to the list of goals and choose one.
error-area-not-found = There is no { $kind } “{ $id }”. Go back to the list of goals to find the areas the city reports on.
error-district-not-found = No indicator is reported for the district “{ $name }”. Choose one of the districts listed on the home page.
error-bad-filter = The filter “{ $name }={ $value }” is not one we know. Choose a value from the form on this page: { $expected }.
expected-goal-number = a goal number from 1 to 17
expected-listed-area = one of the listed rights or policy areas
expected-or = { $list } or { $last }
error-internal = Something went wrong on our side. Please try again in a minute; if it keeps happening, tell the city's data team.
error-request = The request could not be completed ({ $detail }). Reload the page and try again.

indicator-status = Status:
indicator-meta = Unit: { $unit } · latest data: { $period } · published { $published }
maps-to = Maps to
district-heading = By district
about-heading = About this indicator
about-definition = Definition
about-unit = Unit
about-source = Source
about-owner = Responsible
about-last-update = Last update
about-last-update-text = Data to { $period }, published { $published }
about-city-does = What the city does

selector-all = All
selector-show = Show
series-unavailable = This series is not available
series-unavailable-text = Choose another combination in the selectors above.
legend = Legend
why-status = Why this status
status-score = score { $score } of −5 to 5
status-method = method: { $method }
how-computed = how statuses are computed
values-caption = Values — { $series }
col-value = Value ({ $unit })
col-flags = Flags
target-row = Target { $year }
target-flag = target
history-caption = Status in each release
col-release = Release
col-published = Published
col-status = Status
chart-updated = Chart and table now show: { $series }

legend-observed = Observed values (a gap where a year has no data)
legend-baseline = Baseline { $label }: { $value }
legend-target = Target for { $year }: { $value }
legend-trend = Trend projected to { $year }: { $value }
legend-flagged = Ringed: flagged value (see the Flags column)
baseline-line = Baseline { $label }: { $value } ({ $rule })
chart-title = { $title } — { $series }
chart-title-latest = : { $value } in { $period }
chart-title-change = , { $direction } { $change } since { $year }
chart-caption = { $title } — { $series }{ $years } ({ $unit })
district-chart-title = { $title } by district, { $period }: highest { $highest } ({ $highest-value }), lowest { $lowest } ({ $lowest-value })
district-chart-city = ; whole city { $value }
district-chart-caption = { $title } by district in { $period } ({ $unit })
district-chart-caption-city = ; the dashed line is the whole city

explain-achieved = The target of { $target } for { $target-year } is already reached: the value is { $value } in { $year } ({ $direction }).
explain-open-sdg-no-target = From { $base } in { $base-year } to { $value } in { $year } the value changed by { $growth }% a year ({ $direction }); without a target, { $threshold }% a year or more in the right direction counts as substantial progress: { $status }.
explain-open-sdg-target = From { $base } in { $base-year } to { $value } in { $year } the value changed by { $growth }% a year; reaching { $target } by { $target-year } needs { $required }% a year. Actual growth is { $share }% of the needed pace: { $status }.
explain-eurostat-target = Eurostat method: { $growth }% a year from { $base-year } to { $year }; reaching { $target } by { $target-year } needs { $required }% a year, so growth is { $share }% of the required pace{ $class }: { $status }.
explain-eurostat = Eurostat method: { $growth }% a year from { $base-year } to { $year }{ $class }: { $status }.
explain-unsd-target = UNSD Progress Chart: at { $growth }% a year the value would be { $projected } in { $target-year }, { $share }% of the way from { $base } to the target of { $target }{ $class }: { $status }.
explain-unsd = UNSD Progress Chart: at { $growth }% a year the value would be { $projected } in { $target-year }{ $class }: { $status }.
explain-none = No status could be computed for this series.
explain-no-status = No status: { $why }.
why-too-few-years = fewer than two years of data since the base year
why-missing-value = the base or current value is missing
why-opposite-signs = the base and current values have opposite signs, so a growth rate means nothing
why-no-data-from-base = no value in or after the base year
why-target-unreachable = the target is equal to the base value, or of the opposite sign, so no growth rate leads to it
why-too-short = Eurostat's method needs a value three to five years before the latest one
why-zero-or-sign = fewer than two years of data, or values that are zero or change sign

goal-1 = No poverty
goal-2 = Zero hunger
goal-3 = Good health and well-being
goal-4 = Quality education
goal-5 = Gender equality
goal-6 = Clean water and sanitation
goal-7 = Affordable and clean energy
goal-8 = Decent work and economic growth
goal-9 = Industry, innovation and infrastructure
goal-10 = Reduced inequalities
goal-11 = Sustainable cities and communities
goal-12 = Responsible consumption and production
goal-13 = Climate action
goal-14 = Life below water
goal-15 = Life on land
goal-16 = Peace, justice and strong institutions
goal-17 = Partnerships for the goals

search-label = Search
search-button = Search
search-title = Search
search-heading = Search the indicators
search-hint = Searches titles, definitions, SDG targets and goals, and human-rights and policy areas; a misspelt word or part of a longer word is found too.
search-results = { $n ->
    [one] 1 indicator found for “{ $query }”.
   *[other] { $n } indicators found for “{ $query }”.
}
search-partial = No indicator matches every word; these match some of them.
search-none = Nothing found for “{ $query }”. Try another word, or browse the goals.
search-matched = Found in: { $fields }
search-field-title = title
search-field-definition = definition
search-field-target = SDG target
search-field-goal = goal
search-field-rights = human right
search-field-policy = policy area

compare-title = Compare indicators
compare-lead = Up to four indicators side by side, on the same years and for the same district.
compare-pick = Indicator { $n }
compare-none = —
compare-district = District
compare-whole-city = Whole city
compare-button = Compare
compare-district-missing = Not reported for { $district }: the whole city is shown.
compare-no-data = No data published yet.
compare-link = Compare with other indicators
compare-choose = Choose the indicators to compare above.

date = { $day } { $month } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

nav-report = Yearly report
report-list-title = Yearly reports
report-list-lead = One report per data year for the council: what improved and what worsened since the year before and since the baseline, per goal and per human right, with what the city does and spends.
report-none = No data has been published yet, so there is no report.
report-title = Yearly report { $year }
report-pdf = Download as PDF
report-built-from = Built from release { $release }, published { $date }.
report-lead = What the city's public indicators show for { $year }: what improved and what worsened since { $previous } and since each indicator's baseline, which statuses changed, and what the city does about it. Only data for periods up to { $year } is used.
report-method = Statuses by the { $method } method.
report-print-hint = Printing this page gives the same report on paper.
report-contents = Contents
report-summary = In short
report-status-changes = Statuses that changed
report-table = All indicators
report-by-goal = By goal
report-by-right = By human right
report-count-indicators = { $count ->
    [one] One public indicator.
   *[other] { $count } public indicators.
}
report-count-previous = Since { $previous }: { $improved } improved, { $worsened } worsened.
report-count-baseline = Since their baselines: { $improved } improved, { $worsened } worsened.
report-count-status-changes = { $count ->
    [one] One status changed.
   *[other] { $count } statuses changed.
}
report-status-changes-lead = Each status is computed twice from the data: once from the periods up to { $previous } and once from those up to { $year }.
report-no-status-changes = No status changed.
report-status-in = Status { $year }
report-other-years = Other years
verdict-improved = improved
verdict-worsened = worsened
verdict-unchanged = unchanged
report-table-caption = Every public indicator in { $year }: its value, how it moved and its status
report-col-since = Since { $year }
report-col-baseline = Baseline
report-col-since-baseline = Since baseline
report-list-none = None.
report-improved-since = Improved since { $year }
report-worsened-since = Worsened since { $year }
report-improved-baseline = Improved since the baseline
report-worsened-baseline = Worsened since the baseline
report-spending = Budget { $year }
report-no-spending = No budget line for { $year } is linked to these indicators.
report-budget-lines = { $count ->
    [one] (one budget line)
   *[other] ({ $count } budget lines)
}
report-spending-note-goal = A budget line linked to indicators of several goals counts once in each of them, so the goals' totals add up to more than the budget. Amounts in different currencies are never added up.
report-spending-note-right = A budget line linked to indicators of several human rights counts once in each of them, so these totals add up to more than the budget. Amounts in different currencies are never added up.
report-chart-alt = Chart of “{ $title }” up to { $year } ({ $value } in { $year }), with its baseline, target and trend; the table of all indicators gives the numbers.
report-status-was = in { $year }:
actions-heading = What the city does
action-kind-decision = Council decision
action-kind-motion = Council motion
action-kind-programme = Programme
action-kind-budget = Budget line
chart-image-values = Values
chart-image-source = Source: { $source }
chart-image-release = Local Goals, release { $release } of { $date }
chart-image-links = Download this chart:
error-report-year-not-found = There is no yearly report for “{ $year }”. Reports exist for the years with data, the latest being { $latest }; choose one from the list of reports.
error-no-report-yet = There is no yearly report for “{ $year }”: no data has been published yet.
report-page = page
report-goal-heading = Goal { $n }: { $title }

# Recommendations and their follow-up (recommendations.csv)
recommendation-nav = Recommendations
recommendation-title = Recommendations and follow-up
recommendation-lead = What UN treaty bodies, the Universal Periodic Review, the city's human-rights council and the ombudsperson recommended, how the city responded and how far it has come.
recommendation-filter-status = Status
recommendation-all-statuses = All statuses
recommendation-filter-source = Source
recommendation-all-sources = All sources
recommendation-counts-heading = Follow-up at a glance
recommendation-shown = Recommendations shown: { $n } of { $total }
recommendation-clear-filters = Show all recommendations
recommendation-none = No recommendation matches.
recommendation-status = Follow-up
recommendation-since = since
recommendation-due = Due
recommendation-response = The city's response
recommendation-no-response = No response yet.
recommendation-areas = Rights areas
recommendation-indicators = Indicators
recommendation-document = Source document
recommendation-document-link = Read the recommendation where it was published
recommendation-area-heading = Recommendations ({ $n })
recommendation-all-link = All recommendations
recommendation-source-treaty-body = UN treaty body
recommendation-source-upr = Universal Periodic Review
recommendation-source-human-rights-council = City human-rights council
recommendation-source-ombudsperson = Ombudsperson
recommendation-status-not-started = Not started
recommendation-status-in-progress = In progress
recommendation-status-implemented = Implemented
recommendation-status-rejected = Rejected
# Qualitative indicators (qualitative.csv)
qualitative-month-year = { $month } { $year }
qualitative-yes = Yes
qualitative-no = No
qualitative-heading = What happened
qualitative-no-score = This indicator is answered in words and yes/no, not in numbers, so it has no progress score.
qualitative-no-score-short = Qualitative: no progress score
qualitative-none = Nothing has been recorded yet.
qualitative-timeline-label = Statements, newest first
qualitative-meta = Qualitative indicator · latest statement: { $date } · published { $published }
# The OHCHR indicator types
ohchr-type-label = Indicator type (OHCHR):
ohchr-type-structure = Structure
ohchr-type-process = Process
ohchr-type-outcome = Outcome
ohchr-heading-structure = Structure indicators
ohchr-heading-process = Process indicators
ohchr-heading-outcome = Outcome indicators
ohchr-heading-none = Type not given
ohchr-explain-structure = Commitments the city made in rules, strategies and institutions.
ohchr-explain-process = What the city does to keep those commitments: services, spending, coverage.
ohchr-explain-outcome = What residents experience: whether the right is enjoyed in practice.
ohchr-explain-none = Indicators the catalogue gives no OHCHR type.
