# Verhalen: een zin over wat een reeks deed sinds het basisjaar, en een over
# waar ze naartoe gaat in het tempo waarmee haar status berekend is. Zie
# docs/methodology.md, "Narratives". Getallen komen opgemaakt met hun eenheid
# ($from, $to, $value, $target, $gap); jaren als tekst.

narrative-subject-series = { $title } ({ $series })

## Wat de reeks deed (een kop na het onderwerp en een dubbelepunt, zodat
## elke titel klopt: geen werkwoord hoeft ermee te kloppen)
narrative-single = { $subject }: { $value } in { $year }.
narrative-rose-better = { $subject }: gestegen van { $from } in { $from-year } naar { $to } in { $to-year } (beter).
narrative-rose-worse = { $subject }: gestegen van { $from } in { $from-year } naar { $to } in { $to-year } (slechter).
narrative-fell-better = { $subject }: gedaald van { $from } in { $from-year } naar { $to } in { $to-year } (beter).
narrative-fell-worse = { $subject }: gedaald van { $from } in { $from-year } naar { $to } in { $to-year } (slechter).
narrative-unchanged = { $subject }: gelijk gebleven op { $value } van { $from-year } tot { $to-year }.

## Waar het naartoe gaat
narrative-too-few-years = Er zijn te weinig jaren om te zeggen welke kant het op gaat.
narrative-no-target = Er is geen doel om het tempo aan af te meten.
narrative-target-met = Het doel voor { $target-year } van { $target } is al gehaald.
narrative-reached = In het huidige tempo wordt het doel voor { $target-year } van { $target } gehaald in { $year }.
narrative-missed = In het huidige tempo wordt het doel voor { $target-year } van { $target } gemist met { $gap }.
narrative-overdue = Het doel voor { $target-year } van { $target } is niet gehaald: in { $year } was het { $gap } te kort.
narrative-moving-away = In het huidige tempo raken de waarden verder af van het doel voor { $target-year } van { $target }.
narrative-no-pace = Uit deze cijfers valt geen tempo af te leiden.

# Een verschil in een percentage: "1,4 procentpunt".
narrative-gap-points = { $gap } procentpunt

# Tussen de twee zinnen wanneer het basisjaar het eerste jaar na een breuk in
# de reeks is (vlag b).
break-narrative = De reeks breekt in { $year }: eerdere jaren zijn anders geteld en worden niet vergeleken.
