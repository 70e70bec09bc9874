//! The indicator page's embed code: an `<iframe>` of `/embed/{id}` for the
//! series the page shows, to copy into another site; and the page's link to
//! the indicator's Atom feed (in the document's head).

use leptos::prelude::*;
use leptos_meta::Link;

use crate::escape::url_encode;
use crate::i18n::{t, tr, use_locale};

/// The site's public address (`--public-url`, no trailing `/`), when the
/// server provides it as context: embed codes then carry an absolute
/// address that works on another site.
// Built by the server only (`provide_context` in `server::app`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicUrl(pub String);

/// The indicator page's copy-paste snippet that embeds its chart elsewhere,
/// for the series the address selected (`series`: its slug).
#[component]
pub fn EmbedSnippet(indicator: String, series: Option<String>) -> impl IntoView {
    let locale = use_locale();
    let public_url = use_context::<PublicUrl>()
        .map(|PublicUrl(url)| url.trim_end_matches('/').to_owned())
        .filter(|url| !url.is_empty());
    let mut path = format!("/embed/{}", url_encode(&indicator));
    if let Some(slug) = series
        .as_deref()
        .filter(|s| !s.is_empty() && *s != indicators::model::HEADLINE_SLUG)
    {
        path.push_str(&format!("?series={}", url_encode(slug)));
    }
    // An embed lives on another site: the language is kept in the address.
    let src = format!(
        "{}{}",
        public_url.clone().unwrap_or_default(),
        locale.href(&path)
    );
    let title = tr(
        locale,
        "embed-iframe-title",
        &[("title", indicator_title(&indicator, locale).into())],
    );
    let code = iframe_code(&src, &title);
    let feed = locale.href(&format!(
        "/feeds/indicators/{}.atom",
        url_encode(&indicator)
    ));
    view! {
        <Link rel="alternate" type_="application/atom+xml" href=feed title=t(locale, "feed-link-title")/>
        <section class="embed" aria-labelledby="embed-heading">
            <h2 id="embed-heading">{t(locale, "embed-heading")}</h2>
            <p>{t(locale, "embed-lead")}</p>
            // `<pre>`, not a `<textarea>`: its text is escaped like any other
            // (a title from the data cannot end the element early), and a
            // keyboard reaches it (tabindex) to select and scroll it.
            <p id="embed-code-label" class="embed-code-label">{t(locale, "embed-code-label")}</p>
            <pre class="embed-code" tabindex="0" aria-labelledby="embed-code-label" style="white-space:pre-wrap;overflow-wrap:anywhere"><code>{code}</code></pre>
            {public_url.is_none().then(|| view! { <p class="hint">{t(locale, "embed-add-address")}</p> })}
        </section>
    }
}

/// The indicator's title in `locale` (the page is rendered on the server;
/// in the browser, where it never renders, its id).
fn indicator_title(id: &str, locale: crate::i18n::Locale) -> String {
    #[cfg(feature = "ssr")]
    {
        use_context::<crate::ssr::DashboardData>()
            .and_then(|data| {
                data.public_indicator(id)
                    .map(|i| i.localized_title(locale.code()).text.to_owned())
            })
            .unwrap_or_else(|| id.to_owned())
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = locale;
        id.to_owned()
    }
}

/// The `<iframe>` element to copy, its attribute values escaped.
fn iframe_code(src: &str, title: &str) -> String {
    let attr = |text: &str| {
        text.replace('&', "&amp;")
            .replace('"', "&quot;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"420\" style=\"border:0\" loading=\"lazy\"></iframe>",
        attr(src),
        attr(title)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_code_escapes_its_attributes() {
        assert_eq!(
            iframe_code("/embed/a?series=sex%3Dfemale", "Chart: \"Rent\" & <more>"),
            "<iframe src=\"/embed/a?series=sex%3Dfemale\" title=\"Chart: &quot;Rent&quot; &amp; &lt;more&gt;\" width=\"100%\" height=\"420\" style=\"border:0\" loading=\"lazy\"></iframe>"
        );
    }
}
