# Kwaliteit en herkomst van de cijfers van een indicator ("Over deze
# cijfers"), breuken in reeksen in grafieken en tabellen, en de tekst
# "Zo verwijst u hiernaar".

quality-heading = Over deze cijfers
quality-proxy-badge = Proxy-indicator
quality-proxy-text = Deze cijfers staan voor wat de indicator wil meten, maar dat niet rechtstreeks geteld wordt. Lees ze als een aanwijzing, niet als een meting.
quality-breaks = Breuken in de reeks
quality-breaks-none = Geen: alle jaren zijn op dezelfde manier geteld.
quality-break-item = { $period } ({ $series })
quality-breaks-text = Vanaf elk van deze perioden zijn de cijfers anders geteld (een nieuwe bron, definitie of methode), dus worden ze niet vergeleken met de jaren ervoor: de trend, de status en de verandering sinds het basisjaar gebruiken de jaren vanaf de laatste breuk.
quality-last-update = Laatst bijgewerkt
quality-last-update-release = { $date } (de datum van deze publicatie)
quality-next-update = Volgende update
quality-next-update-derived = cijfers over { $period } worden verwacht in { $year } ({ $frequency } cijfers, laatste { $latest })
quality-next-update-unknown = niet aangekondigd
quality-frequency-monthly = maandelijkse
quality-frequency-quarterly = driemaandelijkse
quality-frequency-annual = jaarlijkse
quality-frequency-biennial = tweejaarlijkse
quality-frequency-triennial = driejaarlijkse
quality-frequency-quinquennial = vijfjaarlijkse
quality-note = Over de kwaliteit
quality-licence = Licentie
quality-licence-unknown = niet vermeld; vraag het de bron voordat u de cijfers hergebruikt
quality-source = Bron
cite-heading = Zo verwijst u hiernaar
cite-hint = Kopieer deze tekst om naar deze cijfers te verwijzen:
cite-text = { $owner } ({ $year }). { $title }. Local Goals, release { $release } van { $date }. { $url }

# Breuken in reeksen in grafieken en tabellen.
break-chart-label = breuk in reeks
break-legend = Breuk in de reeks: de lijn loopt er niet doorheen
break-table-note = breuk in de reeks: niet vergelijkbaar met eerdere jaren
break-baseline-rule = eerste jaar na een breuk in de reeks
break-report-cell = breuk in reeks
break-chart-title = ; een breuk in de reeks in { $periods }
