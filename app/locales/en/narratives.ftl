# Narratives: a sentence on what a series did since its baseline, and one on
# where it is heading at the pace its status is computed from. Audited
# templates: see docs/methodology.md, "Narratives". Numbers arrive formatted
# with their unit ($from, $to, $value, $target, $gap); years as text.

narrative-subject-series = { $title } ({ $series })

## What the series did (a headline after the subject and a colon, so any
## title reads right: no verb has to agree with it)
narrative-single = { $subject }: { $value } in { $year }.
narrative-rose-better = { $subject }: up from { $from } in { $from-year } to { $to } in { $to-year } (better).
narrative-rose-worse = { $subject }: up from { $from } in { $from-year } to { $to } in { $to-year } (worse).
narrative-fell-better = { $subject }: down from { $from } in { $from-year } to { $to } in { $to-year } (better).
narrative-fell-worse = { $subject }: down from { $from } in { $from-year } to { $to } in { $to-year } (worse).
narrative-unchanged = { $subject }: unchanged at { $value } from { $from-year } to { $to-year }.

## Where it is heading
narrative-too-few-years = There are too few years to say where it is heading.
narrative-no-target = There is no target to measure the pace against.
narrative-target-met = The { $target-year } target of { $target } is already met.
narrative-reached = At the current pace the { $target-year } target of { $target } is reached in { $year }.
narrative-missed = At the current pace the { $target-year } target of { $target } is missed by { $gap }.
narrative-overdue = The { $target-year } target of { $target } was not met: in { $year } it was { $gap } short.
narrative-moving-away = At the current pace the values move further away from the { $target-year } target of { $target }.
narrative-no-pace = These figures give no pace to project.

# A gap in a percentage: "1.4 percentage points".
narrative-gap-points = { $gap } percentage points

# Said between the two sentences when the baseline is the first year after a
# break in series (flag b).
break-narrative = The series breaks in { $year }: earlier years are counted differently and not compared.
