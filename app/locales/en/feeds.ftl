# The Atom feeds of releases and status changes (server/src/open_data/feeds.rs)
# and the links to them in the pages' heads.

feed-site-title = Local Goals: releases and status changes
feed-goal-title = Local Goals, goal { $n }: releases and status changes
feed-indicator-title = Local Goals, { $title }: releases and status changes
feed-author = Local Goals
feed-release-title = Release { $release } published
feed-release-summary = { $indicators ->
    [one] 1 public indicator
   *[other] { $indicators } public indicators
} with { $series ->
    [one] 1 series
   *[other] { $series } series
}: { $counts }.
feed-release-count = { $status }: { $n }
feed-release-none = no statuses yet
feed-change-title = { $title } ({ $series }): { $from } → { $to }
feed-change-summary = In release { $release } the status of “{ $title }” ({ $series }) changed from “{ $from }” to “{ $to }”.
feed-link-title = Releases and status changes (Atom feed)
