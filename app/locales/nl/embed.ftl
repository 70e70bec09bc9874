# De kale grafiekpagina voor iframes (server/src/open_data/embed.rs) en de
# insluitcode op de indicatorpagina (app/src/components/embed.rs).

embed-title = { $title } ({ $series })
embed-status = Status: { $status }
embed-unit = Eenheid: { $unit }
embed-release = Release { $release }, gepubliceerd op { $date }
embed-source = Bron: { $source }
embed-licence = Licentie: { $licence }
embed-link = { $title }: de volledige indicatorpagina, met de tabel en de gegevens
embed-not-found-title = Grafiek niet gevonden
embed-not-found-help = Controleer het adres in de insluitcode, of kopieer een nieuwe insluitcode van de pagina van de indicator.
embed-heading = Deze grafiek insluiten
embed-lead = Kopieer deze code naar uw webpagina om de grafiek van de hierboven gekozen reeks te tonen, met het onderschrift, de bron, de licentie en een link terug naar deze pagina. Bij elke keer laden toont hij de nieuwste release.
embed-code-label = Insluitcode
embed-iframe-title = Grafiek: { $title }
embed-add-address = Het adres in de code begint met “/”: zet het adres van deze site ervoor (bijvoorbeeld https://doelen.voorbeeld.nl/embed/…).
