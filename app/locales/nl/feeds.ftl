# De Atom-feeds van releases en statuswijzigingen (server/src/open_data/feeds.rs)
# en de links ernaar in de kop van de pagina's.

feed-site-title = Local Goals: releases en statuswijzigingen
feed-goal-title = Local Goals, doel { $n }: releases en statuswijzigingen
feed-indicator-title = Local Goals, { $title }: releases en statuswijzigingen
feed-author = Local Goals
feed-release-title = Release { $release } gepubliceerd
feed-release-summary = { $indicators ->
    [one] 1 openbare indicator
   *[other] { $indicators } openbare indicatoren
} met { $series ->
    [one] 1 reeks
   *[other] { $series } reeksen
}: { $counts }.
feed-release-count = { $status }: { $n }
feed-release-none = nog geen statussen
feed-change-title = { $title } ({ $series }): { $from } → { $to }
feed-change-summary = In release { $release } veranderde de status van “{ $title }” ({ $series }) van “{ $from }” naar “{ $to }”.
feed-link-title = Releases en statuswijzigingen (Atom-feed)
