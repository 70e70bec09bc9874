# Wie blijft achter: verschillen tussen groepen rechthebbenden en de hele stad
# (/equality, de sectie op de pagina's van mensenrechten, de verschilgrafieken op de indicatorpagina).

equality-nav = Wie blijft achter
equality-title = Wie blijft achter
equality-lead = Voor elke openbare indicator die voor een groep rechthebbenden wordt gerapporteerd (vrouwen, kinderen, ouderen, de inwoners van een wijk …): het verschil tussen de groep en de hele stad in het laatste jaar dat beide hebben, en of het sinds het basisjaar kleiner of groter werd.
equality-how = Hoe verschillen worden berekend
equality-all = Alle verschillen in de indicatoren van de stad
equality-counts = { $gaps ->
    [one] Eén verschil
   *[other] { $gaps } verschillen
} in { $indicators ->
    [one] één indicator
   *[other] { $indicators } indicatoren
}; { $behind ->
    [one] één groep blijft
   *[other] { $behind } groepen blijven
} achter bij de hele stad.
equality-none = Geen openbare indicator wordt gerapporteerd voor een groep uit het groepenbestand van de dataset, naast een waarde voor de hele stad.
equality-widest = Grootste verschillen
equality-widest-lead = Groepen die achterblijven bij de hele stad in het laatste jaar dat beide hebben, het grootste verschil ten opzichte van de waarde van de stad eerst.
equality-none-behind = Geen groep blijft achter bij de hele stad.
equality-widening = Snelst groeiende verschillen
equality-widening-lead = Groepen die achterblijven bij de hele stad en van wie het verschil sinds het basisjaar groeide, de snelste groei per jaar van het verschil ten opzichte van de waarde van de stad eerst.
equality-none-widening = Van geen enkele achterblijvende groep groeit het verschil.

gap-col-group = Groep
gap-col-indicator = Indicator
gap-col-period = Jaar
gap-col-group-value = Waarde van de groep
gap-col-city-value = Hele stad
gap-col-gap = Verschil
gap-col-relative = Ten opzichte van de stad
gap-col-direction = Sinds het basisjaar
gap-col-pace = Tempo
gap-behind = blijft achter
gap-level = gelijk
gap-ahead = loopt voor
gap-widening = groter sinds { $year } ({ $from } → { $to })
gap-narrowing = kleiner sinds { $year } ({ $from } → { $to })
gap-unchanged = onveranderd sinds { $year } ({ $from } → { $to })
gap-no-trend = maar één gemeenschappelijk jaar
gap-pace = { $pace } procentpunt per jaar
gap-heading = Verschillen tussen groepen en de hele stad
gap-lead = Elke lijn is de waarde van een groep min die van de hele stad: 0 is hetzelfde als de hele stad.
gap-by = Naar { $dimension }
gap-axis = verschil ({ $unit })
gap-chart-title = Verschil met de hele stad naar { $dimension }: { $title }, { $years }
gap-chart-caption = { $title }: de waarde van elke groep min die van de hele stad, naar { $dimension }, in { $unit }.
gap-legend-zero = 0: hetzelfde als de hele stad
gap-legend-flagged = gemarkeerde waarde (voorlopig, geschat of een breuk in de reeks)
gap-latest-caption = Laatste verschil van elke groep naar { $dimension }
gap-table-caption = Verschillen naar { $dimension } door de jaren, in { $unit }
gap-area-heading = Wie blijft achter
gap-area-lead = Groepen die achterblijven bij de hele stad in de indicatoren van dit recht, het grootste verschil ten opzichte van de waarde van de stad eerst.
