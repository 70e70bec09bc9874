# De statische export (server/src/export, app/src/ssr/export.rs): wat pagina's
# zeggen in plaats van de formulieren die losse bestanden niet kunnen beantwoorden.

export-series-links = Reeksen
export-search-live = Zoeken kan op de live site.
export-compare-live = Andere indicatoren kiezen om te vergelijken kan op de live site.
export-filter-live = Filteren op bron kan op de live site.
