//! The district map with its table, and the indicator page's "By district"
//! section (map, bars, one table), rendered on the server: they need no
//! JavaScript.

use leptos::prelude::*;

use crate::i18n::{t, use_locale};
use crate::types::{Figure, MapFigure};

/// A map (our own SVG, drawn on the server) and, when it shows values,
/// the table of every district: value, flags, class. The table scrolls in
/// its own region on a narrow screen.
#[component]
pub fn DistrictMap(figure: MapFigure) -> impl IntoView {
    // The region is named by what it holds: the table's caption.
    let region = figure.table_caption.clone();
    let caption = figure.table_caption.clone();
    let [district, value, flags, class] = figure.headings;
    let table = (!figure.rows.is_empty()).then(|| {
        view! {
            <div class="table-scroll" role="region" tabindex="0" aria-label=region>
                <table class="data-table district-values map-table">
                    <caption>{caption}</caption>
                    <thead><tr>
                        <th scope="col">{district}</th>
                        <th scope="col">{value}</th>
                        <th scope="col">{flags}</th>
                        <th scope="col">{class}</th>
                    </tr></thead>
                    <tbody>
                        {figure.rows.into_iter().map(|row| {
                            let name = if row.href.is_empty() {
                                leptos::either::Either::Left(row.name)
                            } else {
                                leptos::either::Either::Right(view! { <a href=row.href>{row.name}</a> })
                            };
                            view! {
                                <tr class:current-district=row.current>
                                    <th scope="row">{name}</th>
                                    <td>{row.value}</td>
                                    <td class="flags">{row.flags}</td>
                                    <td>{row.class}</td>
                                </tr>
                            }
                        }).collect_view()}
                        {figure.city.map(|(name, value)| view! {
                            <tr class="city-row"><th scope="row">{name}</th><td>{value}</td><td class="flags"></td><td></td></tr>
                        })}
                    </tbody>
                </table>
            </div>
        }
    });
    view! {
        <figure class="chart-figure map-figure" data-period=figure.period>
            <div class="chart-svg" inner_html=figure.svg></div>
            <figcaption>{figure.caption}</figcaption>
        </figure>
        {table}
    }
}

/// The indicator page's comparison of districts: the map (with the
/// boundaries), the bars and one table of every value.
#[component]
pub fn DistrictsSection(map: Option<MapFigure>, bars: Option<Figure>) -> impl IntoView {
    let locale = use_locale();
    let has_map = map.is_some();
    (map.is_some() || bars.is_some()).then(|| {
        view! {
            <section class="districts">
                <h2 id="districts-heading">{t(locale, "district-heading")}</h2>
                {map.map(|figure| view! { <DistrictMap figure/> })}
                {bars.map(|figure: Figure| view! {
                    <figure class="chart-figure district-figure">
                        // Our own plotters SVG, drawn on the server.
                        <div class="chart-svg" inner_html=figure.svg></div>
                        <figcaption>{figure.caption.clone()}</figcaption>
                    </figure>
                    // The map's table has every value already.
                    {(!has_map).then(|| view! {
                        <table class="data-table district-values">
                            <caption>{figure.caption}</caption>
                            <thead><tr><th scope="col">{figure.headings.0}</th><th scope="col">{figure.headings.1}</th></tr></thead>
                            <tbody>
                                {figure.table.into_iter().map(|(name, value)| view! {
                                    <tr><th scope="row">{name}</th><td>{value}</td></tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    })}
                })}
            </section>
        }
    })
}

/// Whether the indicator page opens on the comparison of all districts:
/// the indicator is reported by district only and the address chooses no
/// series (parameters that are none of its dimensions, `utm_source` and
/// the like, choose nothing).
pub fn opens_on_districts(view: &crate::types::IndicatorView, slug: &str) -> bool {
    view.district_only
        && indicators::Dimensions::from_slug(slug).is_ok_and(|asked| {
            asked
                .only(|name| view.dimensions.iter().any(|d| d.name == name))
                .is_headline()
        })
}
