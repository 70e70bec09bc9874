//! `/staff/indicators/{id}/edit`: an indicator's catalogue entry edited in
//! the browser. The form starts from the draft (or the working dataset);
//! saving writes a new `catalogue.csv` into a new draft version through the
//! same check as an upload, so errors are shown the same way and nothing
//! reaches the public site before a preview and a publish.

use std::fmt::Write as _;

use app::escape::escape_html as esc;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::Form;
use indicators::read::table::{load_table, normalise_header};
use indicators::read::CATALOGUE_FILE;

use super::apply::{apply_file, csv_line, ApplyError, FirstRows};
use super::datasets::Datasets;
use super::drafts::{ChangeKind, NewVersion};
use super::pages::{account_bar, message, page};
use super::store::{AuditAction, Role, Session};
use super::words::{text, text_with, w, wf};
use super::workflow::{blocking, WorkflowError};
use super::{flow_pages, require, same_site, secret, StaffError};
use crate::AppState;

/// Columns every form offers, in this order, after the titles.
const FIELDS: &[&str] = &[
    "unit",
    "direction",
    "baseline_year",
    "target_value",
    "target_year",
    "natural_limit",
    "update_frequency",
    "sdg_targets",
    "rights_areas",
    "policy_areas",
    "visibility",
    "definition",
    "narrative",
];

/// A column the form may change: the fixed ones, and titles, definitions
/// and narratives per language (`title_nl`).
fn editable(column: &str) -> bool {
    FIELDS.contains(&column)
        || column == "title"
        || ["title_", "definition_", "narrative_"]
            .iter()
            .any(|prefix| {
                column.strip_prefix(prefix).is_some_and(|lang| {
                    (2..=3).contains(&lang.len()) && lang.bytes().all(|b| b.is_ascii_lowercase())
                })
            })
}

/// A catalogue as a table of text: headers (normalised) and rows.
#[derive(Debug, Clone)]
struct Catalogue {
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Catalogue {
    fn read(path: &std::path::Path) -> Self {
        let (table, _) = load_table(path, CATALOGUE_FILE);
        let headers: Vec<String> = table.headers.iter().map(|h| normalise_header(h)).collect();
        let rows = (0..table.height())
            .map(|r| {
                (0..headers.len())
                    .map(|c| table.cell(c, r).to_owned())
                    .collect()
            })
            .collect();
        Catalogue { headers, rows }
    }

    fn row(&self, id: &str) -> Option<usize> {
        let column = self.headers.iter().position(|h| h == "id")?;
        self.rows.iter().position(|r| r[column].trim() == id)
    }

    fn cell(&self, row: usize, column: &str) -> &str {
        self.headers
            .iter()
            .position(|h| h == column)
            .map_or("", |c| self.rows[row][c].as_str())
    }

    /// The columns the form shows: the catalogue's titles, then [`FIELDS`],
    /// then its other languages' texts.
    fn form_columns(&self) -> Vec<String> {
        let titles = self
            .headers
            .iter()
            .filter(|h| *h == "title" || h.starts_with("title_"))
            .cloned();
        let texts = self
            .headers
            .iter()
            .filter(|h| h.starts_with("definition_") || h.starts_with("narrative_"))
            .cloned();
        titles
            .chain(FIELDS.iter().map(|f| (*f).to_owned()))
            .chain(texts)
            .filter(|c| editable(c))
            .collect()
    }

    /// Sets `column` of `row`, adding the column if the catalogue lacks it.
    fn set(&mut self, row: usize, column: &str, value: &str) {
        let c = match self.headers.iter().position(|h| h == column) {
            Some(c) => c,
            None => {
                self.headers.push(column.to_owned());
                for r in &mut self.rows {
                    r.push(String::new());
                }
                self.headers.len() - 1
            }
        };
        self.rows[row][c] = value.to_owned();
    }

    fn to_csv(&self) -> String {
        let mut out = csv_line(self.headers.iter().cloned());
        for row in &self.rows {
            out.push_str(&csv_line(row.iter().cloned()));
        }
        out
    }
}

/// The dataset the form edits: the draft, else the working dataset.
async fn editing(state: &AppState) -> Result<Option<(String, String, i64)>, StaffError> {
    let draft = state.staff.store.draft().await?;
    Ok(match draft {
        Some(draft) => Some((draft.dataset.clone(), draft.base.clone(), draft.version())),
        None => state
            .served
            .now()
            .working
            .clone()
            .map(|w| (w.clone(), w, 0)),
    })
}

fn select(name: &str, current: &str, choices: &[&str]) -> String {
    // A value the catalogue accepts but the list does not name (`yearly`,
    // `positive`) stays chosen, so saving another field keeps it.
    let current = current.trim();
    let extra = (!current.is_empty() && !choices.iter().any(|c| c.eq_ignore_ascii_case(current)))
        .then_some(current);
    let options: String = std::iter::once("")
        .chain(extra)
        .chain(choices.iter().copied())
        .map(|choice| {
            format!(
                "<option value=\"{0}\"{1}>{0}</option>",
                esc(choice),
                if choice.eq_ignore_ascii_case(current.trim()) {
                    " selected"
                } else {
                    ""
                }
            )
        })
        .collect();
    format!("<select id=\"f-{name}\" name=\"{name}\">{options}</select>")
}

fn form(
    session: &Session,
    id: &str,
    catalogue: &Catalogue,
    row: usize,
    version: &str,
) -> Html<String> {
    let mut fields = String::new();
    for column in catalogue.form_columns() {
        let value = catalogue.cell(row, &column);
        let input = match column.as_str() {
            "direction" => select(&column, value, &["higher", "lower"]),
            "visibility" => select(&column, value, &["public", "internal"]),
            "update_frequency" => select(
                &column,
                value,
                &["monthly", "quarterly", "annual", "biennial", "triennial", "quinquennial"],
            ),
            c if c.starts_with("definition") || c.starts_with("narrative") => format!(
                "<textarea id=\"f-{column}\" name=\"{column}\" rows=\"3\" cols=\"60\">{}</textarea>",
                esc(value)
            ),
            _ => format!(
                "<input id=\"f-{column}\" name=\"{column}\" value=\"{}\" size=\"60\">",
                esc(value)
            ),
        };
        let _ = write!(
            fields,
            "<p><label for=\"f-{column}\"><code>{column}</code></label><br>{input}</p>"
        );
    }
    page(
        &w("staff-edit-metadata"),
        &format!(
            "<h1>{}</h1>{}{}<p>{}</p>\
             <form method=\"post\" action=\"/staff/indicators/{}/edit\">\
             <input type=\"hidden\" name=\"csrf\" value=\"{}\"><input type=\"hidden\" name=\"version\" value=\"{}\">\
             {fields}<p><button type=\"submit\">{}</button></p></form>",
            wf("staff-edit-title", &[("id", id.into())]),
            account_bar(session),
            flow_pages::nav(session),
            w("staff-edit-text"),
            app::escape::url_encode(id),
            esc(&session.csrf),
            esc(version),
            w("staff-save-into-draft"),
        ),
    )
}

fn no_indicator() -> Response {
    (
        StatusCode::NOT_FOUND,
        message(
            &text("staff-no-such-indicator"),
            &text("staff-no-such-draft-indicator-text"),
        ),
    )
        .into_response()
}

/// `GET /staff/indicators/{id}/edit`.
pub async fn edit_form(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, StaffError> {
    let session = require(&state, &headers, Role::Editor).await?;
    let Some((dataset, _, version)) = editing(&state).await? else {
        return Ok(StaffError::Refused(super::upload::Refusal::NoWorkingDataset).into_response());
    };
    super::workflow::fetch_dataset(&state, &dataset).await?;
    let path = Datasets::new(&state.data_dir)
        .path(&dataset)
        .join(CATALOGUE_FILE);
    let catalogue = blocking(move || Ok(Catalogue::read(&path)))
        .await
        .map_err(StaffError::Workflow)?;
    let Some(row) = catalogue.row(&id) else {
        return Ok(no_indicator());
    };
    // The form names the dataset and the draft version it was made from.
    let token = format!("{dataset}:{version}");
    Ok(form(&session, &id, &catalogue, row, &token).into_response())
}

/// `POST /staff/indicators/{id}/edit`.
pub async fn save(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, StaffError> {
    let session = require(&state, &headers, Role::Editor).await?;
    same_site(&headers)?;
    let field = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    if !secret::same_secret(&session.csrf, field("csrf").unwrap_or_default()) {
        return Err(StaffError::Csrf);
    }
    super::flow::detached(save_change(state, session, id, fields)).await
}

async fn save_change(
    state: AppState,
    session: Session,
    id: String,
    fields: Vec<(String, String)>,
) -> Result<Response, StaffError> {
    let field = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    let _change = super::workflow::begin_change(&state).await?;
    let Some((dataset, base, version)) = editing(&state).await? else {
        return Err(StaffError::Refused(
            super::upload::Refusal::NoWorkingDataset,
        ));
    };
    if field("version") != Some(format!("{dataset}:{version}").as_str()) {
        return Ok((
            StatusCode::CONFLICT,
            message(
                &text("staff-draft-changed"),
                &text("staff-draft-changed-text"),
            ),
        )
            .into_response());
    }
    let data_dir = state.data_dir.clone();
    super::workflow::fetch_dataset(&state, &dataset).await?;
    let path = Datasets::new(&data_dir).path(&dataset).join(CATALOGUE_FILE);
    let mut catalogue = blocking(move || Ok(Catalogue::read(&path)))
        .await
        .map_err(StaffError::Workflow)?;
    let Some(row) = catalogue.row(&id) else {
        return Ok(no_indicator());
    };
    let mut changed = Vec::new();
    for (name, value) in &fields {
        let value = value.trim();
        if editable(name) && catalogue.cell(row, name).trim() != value {
            catalogue.set(row, name, value);
            changed.push(name.clone());
        }
    }
    if changed.is_empty() {
        return Ok(Redirect::to(&format!(
            "/staff/indicators/{}",
            app::escape::url_encode(&id)
        ))
        .into_response());
    }
    let bytes = catalogue.to_csv().into_bytes();
    let job_dataset = dataset.clone();
    let applied = blocking(move || {
        apply_file(
            &data_dir,
            &job_dataset,
            ChangeKind::Catalogue,
            CATALOGUE_FILE,
            &bytes,
        )
        .map_err(|err| match err {
            ApplyError::Problems(report) => WorkflowError::Problems(report),
            ApplyError::Dataset(err) => WorkflowError::Dataset(err),
            ApplyError::Read(err) => WorkflowError::Release(err.into()),
        })
    })
    .await;
    match applied {
        Ok(applied) => {
            super::workflow::share(&state, &format!("workspace/datasets/{}", applied.dataset))
                .await?;
            let summary = format!("{id}: {} changed in {CATALOGUE_FILE}", changed.join(", "));
            let now = state.staff.clock.now();
            let store = &state.staff.store;
            store
                .change_draft(NewVersion {
                    dataset: &applied.dataset,
                    base: &base,
                    actor: &session.user.email,
                    kind: ChangeKind::Catalogue,
                    file: CATALOGUE_FILE,
                    summary: &summary,
                    upload: None,
                    at: now,
                })
                .await?;
            store
                .audit(
                    Some(&session.user.email),
                    AuditAction::MetadataChanged,
                    &summary,
                    now,
                )
                .await?;
            Ok(Redirect::to("/staff/draft").into_response())
        }
        Err(WorkflowError::Problems(report)) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            flow_pages::problems(
                &session,
                &text_with("staff-the-change-to", &[("id", id.as_str().into())]),
                &text("staff-correct-fields"),
                &report,
                &FirstRows::default(),
            ),
        )
            .into_response()),
        Err(err) => Err(StaffError::Workflow(err)),
    }
}
