# Quality and provenance of an indicator's figures ("About these figures"),
# breaks in series on charts and tables, and the "Cite this" text.

quality-heading = About these figures
quality-proxy-badge = Proxy indicator
quality-proxy-text = These figures stand in for what the indicator means to measure, which is not counted directly. Read them as a sign of it, not as a measurement of it.
quality-breaks = Breaks in series
quality-breaks-none = None: all years are counted the same way.
quality-break-item = { $period } ({ $series })
quality-breaks-text = From each of these periods on the figures are counted differently (a new source, definition or method), so they are not compared with the years before: the trend, the status and the change since the baseline use the years from the last break on.
quality-last-update = Last update
quality-last-update-release = { $date } (the date of this release)
quality-next-update = Next update
quality-next-update-derived = figures for { $period } are expected in { $year } ({ $frequency } figures, latest { $latest })
quality-next-update-unknown = not announced
quality-frequency-monthly = monthly
quality-frequency-quarterly = quarterly
quality-frequency-annual = annual
quality-frequency-biennial = two-yearly
quality-frequency-triennial = three-yearly
quality-frequency-quinquennial = five-yearly
quality-note = Quality note
quality-licence = Licence
quality-licence-unknown = not stated; ask the source before reusing the figures
quality-source = Source
cite-heading = Cite this
cite-hint = Copy this text to cite these figures:
cite-text = { $owner } ({ $year }). { $title }. Local Goals, release { $release } of { $date }. { $url }

# Breaks in series on charts and tables.
break-chart-label = series break
break-legend = Break in series: the line is not drawn across it
break-table-note = break in series: not comparable with earlier years
break-baseline-rule = first year after a break in series
break-report-cell = series break
break-chart-title = ; a break in series in { $periods }
