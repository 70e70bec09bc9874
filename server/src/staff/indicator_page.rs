//! `/staff/indicators/{id}`: any indicator of the served release, internal
//! ones included and marked, with its status, its series as charts and
//! tables. Read through the staff index's release, never the public one.

use std::fmt::Write as _;

use app::escape::escape_html as esc;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};

use super::pages::{account_bar, page, trim_number};
use super::store::Role;
use super::words::{locale, text, w, wf};
use super::workflow::{blocking, WorkflowError};
use super::{flow_pages, require, StaffError};
use crate::AppState;

/// How many series of one indicator the page draws (the rest are counted).
const SERIES_SHOWN: usize = 12;

pub async fn indicator(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, StaffError> {
    let session = require(&state, &headers, Role::Viewer).await?;
    let served = state.served.now();
    let Some(indicator) = served.full.indicators.iter().find(|i| i.id == id).cloned() else {
        return Ok((
            StatusCode::NOT_FOUND,
            super::pages::message(
                &text("staff-no-such-indicator"),
                &text("staff-no-such-indicator-text"),
            ),
        )
            .into_response());
    };
    let row = served.staff_index.rows.iter().find(|r| r.id == id).cloned();
    let release = served.full.clone();
    let labels = served.full.labels.clone();
    let wanted = id.clone();
    let data = blocking(move || Ok(release.indicator(&wanted)?))
        .await
        .map_err(|err: WorkflowError| StaffError::Workflow(err))?;
    let mut body = format!(
        "<h1>{}</h1>{}{}",
        esc(indicator.localized_title(locale().code()).text),
        account_bar(&session),
        flow_pages::nav(&session)
    );
    if indicator.visibility == indicators::model::Visibility::Internal {
        let _ = write!(
            body,
            "<p class=\"internal-mark\"><strong>{}</strong>: {}</p>",
            w("staff-internal"),
            w("staff-never-public")
        );
    } else {
        let _ = write!(
            body,
            "<p>{}: <a href=\"{}\">{}</a>.</p>",
            w("staff-public"),
            locale().href(&format!(
                "/indicators/{}",
                app::escape::url_encode(&indicator.id)
            )),
            w("staff-its-public-page")
        );
    }
    if session.user.role >= Role::Editor {
        let _ = write!(
            body,
            "<p><a href=\"/staff/indicators/{}/edit\">{}</a> {}</p>",
            app::escape::url_encode(&indicator.id),
            w("staff-edit-metadata"),
            w("staff-into-the-draft")
        );
    }
    if let Some(row) = &row {
        let _ = write!(
            body,
            "<p>{} {}{}.</p>",
            w("staff-status-label"),
            super::pages::status_words(row.status),
            row.inputs.map_or_else(String::new, |i| wf(
                "staff-from-to",
                &[
                    ("from", trim_number(i.base_value).into()),
                    ("from-year", i.base_year.into()),
                    ("to", trim_number(i.current_value).into()),
                    ("to-year", i.current_year.into()),
                    ("unit", indicator.unit.as_str().into()),
                ]
            ))
        );
    }
    // What the indicator did and where it is heading, in the staff's
    // language: the sentence its public page and the report show.
    if let Some(narrative) =
        app::words::indicator_narrative_text(locale(), &indicator, &labels, &data.summaries)
    {
        let _ = write!(body, "<p class=\"narrative\">{}</p>", esc(&narrative));
    }
    let _ = write!(
        body,
        "<p>{}</p>",
        wf(
            "staff-series-shown",
            &[
                ("n", data.series.len().into()),
                ("shown", data.series.len().min(SERIES_SHOWN).into())
            ]
        )
    );
    for series in data.series.iter().take(SERIES_SHOWN) {
        let slug = series.key.slug();
        let title = format!("{} ({slug})", indicator.title());
        let chart = app::chart::line_chart_svg(&app::chart::LineChart {
            series,
            unit: &indicator.unit,
            title: &title,
            locale: locale(),
            baseline: None,
            target: indicator.target_year.zip(indicator.target_value),
            projection: None,
            years: None,
        })
        .unwrap_or_default();
        let rows: String = series
            .points
            .iter()
            .map(|p| {
                format!(
                    "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                    esc(&p.period.label),
                    trim_number(p.value),
                    esc(&p.flags)
                )
            })
            .collect();
        let _ = write!(
            body,
            "<section class=\"staff-series\" data-series=\"{}\"><h2>{}</h2><figure class=\"chart\">{chart}</figure>\
             <table><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\
             <tbody>{rows}</tbody></table></section>",
            esc(&slug),
            esc(&slug),
            w("staff-col-period"),
            wf("staff-col-value-unit", &[("unit", indicator.unit.as_str().into())]),
            w("staff-col-flags"),
        );
    }
    Ok(page(indicator.localized_title(locale().code()).text, &body).into_response())
}
