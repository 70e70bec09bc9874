# The static export (server/src/export, app/src/ssr/export.rs): what pages
# say instead of the forms plain files cannot answer.

export-series-links = Series
export-search-live = Search is available on the live site.
export-compare-live = Choosing other indicators to compare is available on the live site.
export-filter-live = Filtering by source is available on the live site.
