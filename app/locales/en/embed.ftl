# The bare chart page for iframes (server/src/open_data/embed.rs) and the
# indicator page's embed code (app/src/components/embed.rs).

embed-title = { $title } ({ $series })
embed-status = Status: { $status }
embed-unit = Unit: { $unit }
embed-release = Release { $release }, published { $date }
embed-source = Source: { $source }
embed-licence = Licence: { $licence }
embed-link = { $title }: the full indicator page, with the table and the data
embed-not-found-title = Chart not found
embed-not-found-help = Check the address in the embed code, or copy a fresh embed code from the indicator's page.
embed-heading = Embed this chart
embed-lead = Copy this code into your web page to show the chart of the series selected above, with its caption, source, licence and a link back to this page. It shows the latest release each time it loads.
embed-code-label = Embed code
embed-iframe-title = Chart: { $title }
embed-add-address = The address in the code starts with “/”: put this site's address in front of it (for example https://goals.example.org/embed/…).
