//! `/report` and `/report/:year`: the council's yearly review, made to be
//! read on screen and printed (print styles in `style/main.css` break pages
//! before each goal and keep a chart with its words).

use std::collections::BTreeMap;

use indicators::report::Verdict;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::api::{load_report, load_reports};
use crate::components::{loaded, StatusBadge, Translated};
use crate::i18n::{t, tr, use_locale, Locale};
use crate::types::{ActionView, ReportListView, ReportRow, ReportSection, ReportView, Spending};

#[component]
pub fn ReportListPage() -> impl IntoView {
    let locale = use_locale();
    let list = Resource::new(|| (), move |_| load_reports(locale));
    loaded(list, move |list: ReportListView| {
        view! {
            <Title text=t(locale, "report-list-title")/>
            <h1>{t(locale, "report-list-title")}</h1>
            <p class="lead">{t(locale, "report-list-lead")}</p>
            {if list.years.is_empty() {
                Either::Left(view! { <p class="empty">{t(locale, "report-none")}</p> })
            } else {
                Either::Right(view! {
                    <ul class="report-years">
                        {list.years.into_iter().map(|year| view! {
                            <li>
                                <A href=locale.href(&format!("/report/{year}"))>{tr(locale, "report-title", &[("year", year.into())])}</A>
                                " · "
                                <a href=locale.href(&format!("/report/{year}/pdf")) download=format!("report-{year}.pdf")>{t(locale, "report-pdf")}</a>
                            </li>
                        }).collect_view()}
                    </ul>
                })
            }}
            <p class="note">{tr(locale, "report-built-from", &[("release", list.release.into()), ("date", list.published.into())])}</p>
        }
    })
}

#[component]
pub fn ReportPage() -> impl IntoView {
    let locale = use_locale();
    let params = use_params_map();
    let year = move || params.read().get("year").unwrap_or_default();
    let report = Resource::new(year, move |year| load_report(year, locale));
    loaded(
        report,
        move |report: ReportView| view! { <Report report locale/> },
    )
}

#[component]
fn Report(report: ReportView, locale: Locale) -> impl IntoView {
    let year = report.year;
    let titles: BTreeMap<String, ReportRow> = report
        .rows
        .iter()
        .map(|r| (r.id.clone(), r.clone()))
        .collect();
    let title = tr(locale, "report-title", &[("year", year.into())]);
    let c = report.counts;
    let count = |key: &str, n: usize| tr(locale, key, &[("count", n.into())]);
    let changed: Vec<ReportRow> = report
        .rows
        .iter()
        .filter(|r| r.status_before != r.status_now)
        .cloned()
        .collect();
    view! {
        <Title text=title.clone()/>
        <article class="report" data-year=year>
            <header class="report-head">
                <p class="breadcrumb"><A href=locale.href("/report")>{t(locale, "report-list-title")}</A></p>
                <h1>{title}</h1>
                <p class="lead">{tr(locale, "report-lead", &[
                    ("year", year.into()),
                    ("previous", (year - 1).into()),
                ])}</p>
                <p class="report-source">{tr(locale, "report-built-from", &[
                    ("release", report.release.clone().into()),
                    ("date", report.published.clone().into()),
                ])} " " {tr(locale, "report-method", &[("method", crate::words::method_name(report.method).into())])}</p>
                <p class="report-download no-print">
                    <a href=locale.href(&format!("/report/{year}/pdf")) download=format!("report-{year}.pdf")>{t(locale, "report-pdf")}</a>
                    " · "
                    {t(locale, "report-print-hint")}
                </p>
            </header>
            <nav class="report-toc" aria-labelledby="report-toc">
                <h2 id="report-toc">{t(locale, "report-contents")}</h2>
                <ol>
                    <li><a href="#report-summary">{t(locale, "report-summary")}</a></li>
                    <li><a href="#report-status-changes">{t(locale, "report-status-changes")}</a></li>
                    <li><a href="#report-table">{t(locale, "report-table")}</a></li>
                    <li>{t(locale, "report-by-goal")}
                        <ol>{report.goals.iter().map(|g| view! { <li><a href=format!("#{}", g.anchor)><Translated text=g.title.clone()/></a></li> }).collect_view()}</ol>
                    </li>
                    {(!report.rights.is_empty()).then(|| view! {
                        <li>{t(locale, "report-by-right")}
                            <ol>{report.rights.iter().map(|r| view! { <li><a href=format!("#{}", r.anchor)><Translated text=r.title.clone()/></a></li> }).collect_view()}</ol>
                        </li>
                    })}
                </ol>
            </nav>
            <section id="report-summary" class="report-section">
                <h2>{t(locale, "report-summary")}</h2>
                <ul class="report-counts">
                    <li>{count("report-count-indicators", c.indicators)}</li>
                    <li>{tr(locale, "report-count-previous", &[
                        ("previous", (year - 1).into()),
                        ("improved", c.improved_since_previous.into()),
                        ("worsened", c.worsened_since_previous.into()),
                    ])}</li>
                    <li>{tr(locale, "report-count-baseline", &[
                        ("improved", c.improved_since_baseline.into()),
                        ("worsened", c.worsened_since_baseline.into()),
                    ])}</li>
                    <li>{count("report-count-status-changes", c.status_changes)}</li>
                </ul>
            </section>
            <section id="report-status-changes" class="report-section">
                <h2>{t(locale, "report-status-changes")}</h2>
                <p>{tr(locale, "report-status-changes-lead", &[("previous", (year - 1).into()), ("year", year.into())])}</p>
                {if changed.is_empty() {
                    Either::Left(view! { <p class="empty">{t(locale, "report-no-status-changes")}</p> })
                } else {
                    Either::Right(view! {
                        <div class="table-scroll" role="region" tabindex="0" aria-label=t(locale, "report-status-changes")>
                        <table class="data-table report-status-table">
                            <caption>{t(locale, "report-status-changes")}</caption>
                            <thead><tr>
                                <th scope="col">{t(locale, "col-indicator")}</th>
                                <th scope="col">{tr(locale, "report-status-in", &[("year", (year - 1).into())])}</th>
                                <th scope="col">{tr(locale, "report-status-in", &[("year", year.into())])}</th>
                            </tr></thead>
                            <tbody>
                                {changed.into_iter().map(|r| view! {
                                    <tr data-indicator=r.id.clone()>
                                        <th scope="row"><a href=format!("#report-{}", r.id)><Translated text=r.title/></a></th>
                                        <td><StatusBadge status=r.status_before/></td>
                                        <td><StatusBadge status=r.status_now/></td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                        </div>
                    })
                }}
            </section>
            <section id="report-table" class="report-section">
                <h2>{t(locale, "report-table")}</h2>
                // Seven columns are wider than a phone: the table scrolls
                // sideways inside its own region, which a keyboard can reach.
                <div class="table-scroll" role="region" tabindex="0" aria-label=t(locale, "report-table")>
                    <SummaryTable rows=report.rows.clone() year locale/>
                </div>
            </section>
            {report.goals.into_iter().map(|section| view! {
                <GoalSection section titles=titles.clone() year locale/>
            }).collect_view()}
            {report.rights.into_iter().map(|section| view! {
                <RightSection section titles=titles.clone() year locale/>
            }).collect_view()}
            {(!report.other_years.is_empty()).then(move || view! {
                <nav class="report-other-years no-print" aria-label=t(locale, "report-other-years")>
                    <h2>{t(locale, "report-other-years")}</h2>
                    <ul>{report.other_years.into_iter().map(|y| view! {
                        <li><A href=locale.href(&format!("/report/{y}"))>{y.to_string()}</A></li>
                    }).collect_view()}</ul>
                </nav>
            })}
        </article>
    }
}

fn verdict_cell(locale: Locale, verdict: Option<Verdict>) -> impl IntoView {
    match verdict {
        Some(v) => Either::Left(view! {
            <td class=format!("verdict verdict-{v}")>{t(locale, &format!("verdict-{v}"))}</td>
        }),
        None => Either::Right(view! { <td class="verdict">"–"</td> }),
    }
}

#[component]
fn SummaryTable(rows: Vec<ReportRow>, year: i32, locale: Locale) -> impl IntoView {
    view! {
        <table class="data-table report-table">
            <caption>{tr(locale, "report-table-caption", &[("year", year.into())])}</caption>
            <thead><tr>
                <th scope="col">{t(locale, "col-indicator")}</th>
                <th scope="col">{(year - 1).to_string()}</th>
                <th scope="col">{year.to_string()}</th>
                <th scope="col">{tr(locale, "report-col-since", &[("year", (year - 1).into())])}</th>
                <th scope="col">{t(locale, "report-col-baseline")}</th>
                <th scope="col">{t(locale, "report-col-since-baseline")}</th>
                <th scope="col">{tr(locale, "report-status-in", &[("year", year.into())])}</th>
            </tr></thead>
            <tbody>
                {rows.into_iter().map(|r| view! {
                    <tr data-indicator=r.id.clone()>
                        <th scope="row">
                            <a href=format!("#report-{}", r.id)><Translated text=r.title/></a>
                            {r.series.map(|s| view! { <span class="series-note">" (" {s} ")"</span> })}
                        </th>
                        <td>{r.previous.unwrap_or_else(|| "–".into())}</td>
                        <td>{r.current.unwrap_or_else(|| "–".into())}</td>
                        {if r.break_in_year && r.since_previous.is_none() {
                            Either::Left(view! { <td class="verdict verdict-break">{t(locale, "break-report-cell")}</td> })
                        } else {
                            Either::Right(verdict_cell(locale, r.since_previous))
                        }}
                        <td>{r.baseline.unwrap_or_else(|| "–".into())}</td>
                        {verdict_cell(locale, r.since_baseline)}
                        <td><StatusBadge status=r.status_now/></td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// A list of indicators under a heading, or "none".
fn id_list(
    locale: Locale,
    heading: String,
    class: &'static str,
    ids: Vec<String>,
    titles: &BTreeMap<String, ReportRow>,
) -> impl IntoView {
    let items: Vec<(String, crate::types::Text)> = ids
        .into_iter()
        .filter_map(|id| titles.get(&id).map(|r| (id, r.title.clone())))
        .collect();
    view! {
        <div class=format!("report-list {class}")>
            <h3>{heading}</h3>
            {if items.is_empty() {
                Either::Left(view! { <p class="empty">{t(locale, "report-list-none")}</p> })
            } else {
                Either::Right(view! {
                    <ul>{items.into_iter().map(|(id, title)| view! {
                        <li data-indicator=id.clone()><a href=format!("#report-{id}")><Translated text=title/></a></li>
                    }).collect_view()}</ul>
                })
            }}
        </div>
    }
}

/// The lists every section has: improved and worsened since the year before
/// and since the baseline, statuses changed, and the spending.
fn section_lists(
    section: &ReportSection,
    titles: &BTreeMap<String, ReportRow>,
    year: i32,
    locale: Locale,
    note_key: &'static str,
) -> impl IntoView {
    let previous = year - 1;
    view! {
        <div class="report-lists">
            {id_list(locale, tr(locale, "report-improved-since", &[("year", previous.into())]), "improved-previous", section.improved_since_previous.clone(), titles)}
            {id_list(locale, tr(locale, "report-worsened-since", &[("year", previous.into())]), "worsened-previous", section.worsened_since_previous.clone(), titles)}
            {id_list(locale, t(locale, "report-improved-baseline"), "improved-baseline", section.improved_since_baseline.clone(), titles)}
            {id_list(locale, t(locale, "report-worsened-baseline"), "worsened-baseline", section.worsened_since_baseline.clone(), titles)}
            {id_list(locale, t(locale, "report-status-changes"), "status-changes", section.status_changes.clone(), titles)}
        </div>
        <SpendingView spending=section.spending.clone() year locale note_key/>
    }
}

#[component]
fn SpendingView(
    spending: Vec<Spending>,
    year: i32,
    locale: Locale,
    note_key: &'static str,
) -> impl IntoView {
    view! {
        <div class="report-spending">
            <h3>{tr(locale, "report-spending", &[("year", year.into())])}</h3>
            {if spending.is_empty() {
                Either::Left(view! { <p class="empty">{tr(locale, "report-no-spending", &[("year", year.into())])}</p> })
            } else {
                Either::Right(view! {
                    <ul>{spending.into_iter().map(|s| view! {
                        <li data-currency=s.currency.clone()>
                            <strong>{s.amount}</strong> " "
                            {tr(locale, "report-budget-lines", &[("count", s.lines.into())])}
                        </li>
                    }).collect_view()}</ul>
                    <p class="note">{t(locale, note_key)}</p>
                })
            }}
        </div>
    }
}

#[component]
fn GoalSection(
    section: ReportSection,
    titles: BTreeMap<String, ReportRow>,
    year: i32,
    locale: Locale,
) -> impl IntoView {
    let style = section
        .colour
        .clone()
        .map(|c| format!("--goal-colour: {c}"))
        .unwrap_or_default();
    // An indicator of several goals has its figure under its first goal;
    // the lists of the others link there.
    let rows: Vec<ReportRow> = section
        .indicators
        .iter()
        .filter_map(|id| titles.get(id).cloned())
        .filter(|r| format!("goal-{}", r.goal) == section.anchor)
        .collect();
    view! {
        <section id=section.anchor.clone() class="report-section report-goal" style=style>
            <h2><Translated text=section.title.clone()/></h2>
            {section_lists(&section, &titles, year, locale, "report-spending-note-goal")}
            <div class="small-multiples">
                {rows.into_iter().map(|r| view! { <IndicatorFigure row=r year locale/> }).collect_view()}
            </div>
        </section>
    }
}

#[component]
fn RightSection(
    section: ReportSection,
    titles: BTreeMap<String, ReportRow>,
    year: i32,
    locale: Locale,
) -> impl IntoView {
    view! {
        <section id=section.anchor.clone() class="report-section report-right">
            <h2><Translated text=section.title.clone()/></h2>
            {section_lists(&section, &titles, year, locale, "report-spending-note-right")}
        </section>
    }
}

/// One indicator's small multiple: chart as it stood in the year, the
/// narrative, and what the city does.
#[component]
fn IndicatorFigure(row: ReportRow, year: i32, locale: Locale) -> impl IntoView {
    let anchor = format!("report-{}", row.id);
    view! {
        <article class="report-indicator" id=anchor data-indicator=row.id.clone()>
            <h3><A href=locale.href(&format!("/indicators/{}", row.id))><Translated text=row.title.clone()/></A></h3>
            <p><StatusBadge status=row.status_now/>
                {(row.status_before != row.status_now).then(|| view! {
                    " " <span class="status-was">{tr(locale, "report-status-was", &[("year", (year - 1).into())])} " " <StatusBadge status=row.status_before/></span>
                })}
            </p>
            {row.chart.clone().map(|src| view! {
                <figure class="report-chart">
                    <img src=src width="640" alt=row.chart_alt.clone() loading="eager"/>
                </figure>
            })}
            {row.narrative.clone().map(|n| view! { <p class="narrative">{n}</p> })}
            <Actions actions=row.actions.clone() locale nested=true/>
        </article>
    }
}

/// "What the city does" for one indicator: a section of its own on the
/// indicator page (`nested` false), a part of a figure in the report.
#[component]
pub fn Actions(
    actions: Vec<ActionView>,
    locale: Locale,
    #[prop(optional)] nested: bool,
) -> impl IntoView {
    (!actions.is_empty()).then(|| {
        let heading = t(locale, "actions-heading");
        view! {
            <section class="actions">
                {if nested {
                    Either::Left(view! { <h4>{heading}</h4> })
                } else {
                    Either::Right(view! { <h2>{heading}</h2> })
                }}
                <ul>
                    {actions.into_iter().map(|a| view! {
                        <li class=format!("action action-{}", a.kind)>
                            <span class="action-kind">{a.kind_label}</span> ": "
                            {match a.link {
                                Some(href) => Either::Left(view! { <a href=href rel="external"><Translated text=a.title/></a> }),
                                None => Either::Right(view! { <Translated text=a.title/> }),
                            }}
                            {(!a.details.is_empty()).then(|| view! { <span class="action-details">" (" {a.details} ")"</span> })}
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        }
    })
}
