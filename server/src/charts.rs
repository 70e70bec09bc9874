//! `/charts/{id}.svg` and `/charts/{id}.png`: an indicator's chart as a file
//! of its own, for the selection the page's address makes (`?sex=female`,
//! `?series=…`) and, with `until=YEAR`, as it stood in that data year (the
//! yearly report's charts). The SVG is the page's chart, stamped
//! (`app::ssr::chart_image`); the PNG is that SVG rasterised with the same
//! bundled font, at the same size. Public indicators only: an internal or
//! unknown id answers 404, the same as a page.

use std::sync::{Arc, OnceLock};

use app::error::AppError;
use app::i18n::Locale;
use app::ssr::chart_image::ChartImage;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use resvg::{tiny_skia, usvg};

use crate::AppState;

/// The fonts the PNG and the PDF are drawn with, bundled so that a copy
/// looks the same on every machine.
pub(crate) static REGULAR: &[u8] = include_bytes!("../../app/fonts/DejaVuSans.ttf");
pub(crate) static BOLD: &[u8] = include_bytes!("../../app/fonts/DejaVuSans-Bold.ttf");

/// The format a chart file is asked in, from its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartFormat {
    Svg,
    Png,
}

impl ChartFormat {
    /// `poverty.svg` → (`poverty`, Svg); anything else is `None`.
    pub fn split(file: &str) -> Option<(&str, ChartFormat)> {
        let (id, extension) = file.rsplit_once('.')?;
        let format = match extension {
            "svg" => ChartFormat::Svg,
            "png" => ChartFormat::Png,
            _ => return None,
        };
        (!id.is_empty()).then_some((id, format))
    }
}

/// Why a chart could not be turned into a PNG (a bug, not the reader's doing).
#[derive(Debug, thiserror::Error)]
pub enum RasterError {
    #[error("the chart's SVG did not parse: {0}")]
    Parse(#[from] usvg::Error),
    #[error("the chart has no size to draw")]
    Size,
    #[error("the PNG could not be encoded: {0}")]
    Encode(String),
}

/// The font database usvg draws text with: the bundled DejaVu Sans as
/// every generic family.
pub(crate) fn fonts() -> Arc<usvg::fontdb::Database> {
    static FONTS: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut db = usvg::fontdb::Database::new();
            db.load_font_data(REGULAR.to_vec());
            db.load_font_data(BOLD.to_vec());
            db.set_sans_serif_family("DejaVu Sans");
            db.set_serif_family("DejaVu Sans");
            db.set_monospace_family("DejaVu Sans");
            Arc::new(db)
        })
        .clone()
}

/// Parses an SVG we drew, with the bundled fonts.
pub fn parse_svg(svg: &str) -> Result<usvg::Tree, usvg::Error> {
    let options = usvg::Options {
        fontdb: fonts(),
        font_family: "DejaVu Sans".to_owned(),
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(svg, &options)
}

/// The SVG as a PNG of the same size in pixels.
pub fn png_of(svg: &str) -> Result<Vec<u8>, RasterError> {
    let tree = parse_svg(svg)?;
    let size = tree.size().to_int_size();
    let mut pixmap =
        tiny_skia::Pixmap::new(size.width(), size.height()).ok_or(RasterError::Size)?;
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    pixmap
        .encode_png()
        .map_err(|err| RasterError::Encode(err.to_string()))
}

/// `GET /charts/{file}`.
pub async fn chart_file(
    State(state): State<AppState>,
    Path(file): Path<String>,
    Query(pairs): Query<Vec<(String, String)>>,
    locale: Option<Extension<Locale>>,
) -> Response {
    let locale = locale.map_or(Locale::En, |Extension(l)| l);
    let Some((id, format)) = ChartFormat::split(&file) else {
        return not_found(locale, &file);
    };
    let id = id.to_owned();
    let served = state.served.now();
    let answer = tokio::task::spawn_blocking(move || {
        let data = &served.data;
        let until = pairs
            .iter()
            .find(|(k, _)| k == "until")
            .map(|(_, v)| app::ssr::report::parse_year(data, v))
            .transpose()?;
        let selection: Vec<(String, String)> =
            pairs.into_iter().filter(|(k, _)| k != "until").collect();
        let slug = app::params::slug_from_query(&selection);
        let image = match until {
            Some(year) => app::ssr::report::chart_in_year(data, &id, &slug, year, locale)?,
            None => app::ssr::public_chart_image(data, &id, &slug, locale)?,
        };
        let bytes = match format {
            ChartFormat::Svg => image.svg.clone().into_bytes(),
            ChartFormat::Png => png_of(&image.svg).map_err(|err| {
                tracing::error!(%err, indicator = %id, "a chart could not be drawn as PNG");
                AppError::Internal
            })?,
        };
        Ok::<(ChartImage, Vec<u8>), AppError>((image, bytes))
    })
    .await;
    match answer {
        Ok(Ok((image, bytes))) => {
            let (content_type, extension) = match format {
                ChartFormat::Svg => ("image/svg+xml; charset=utf-8", "svg"),
                ChartFormat::Png => ("image/png", "png"),
            };
            let disposition = format!("inline; filename=\"{}.{extension}\"", image.file_stem);
            (
                [
                    (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
                    (
                        header::CONTENT_DISPOSITION,
                        HeaderValue::from_str(&disposition)
                            .unwrap_or_else(|_| HeaderValue::from_static("inline")),
                    ),
                ],
                bytes,
            )
                .into_response()
        }
        Ok(Err(err)) => error_answer(&err, locale),
        Err(err) => {
            tracing::error!(%err, "drawing a chart stopped unexpectedly");
            error_answer(&AppError::Internal, locale)
        }
    }
}

fn not_found(locale: Locale, file: &str) -> Response {
    let id = file.rsplit_once('.').map_or(file, |(id, _)| id);
    error_answer(&AppError::IndicatorNotFound(id.to_owned()), locale)
}

/// An error as plain text in the reader's language, with its status.
pub(crate) fn error_answer(err: &AppError, locale: Locale) -> Response {
    let status = match err.status() {
        // "No data yet" is a fine page but no chart.
        StatusCode::OK => StatusCode::NOT_FOUND,
        other => other,
    };
    (
        status,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/plain; charset=utf-8"),
        )],
        err.message(locale),
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_extension_is_parsed_from_the_one_path_segment() {
        assert_eq!(
            ChartFormat::split("poverty-rate.svg"),
            Some(("poverty-rate", ChartFormat::Svg))
        );
        assert_eq!(
            ChartFormat::split("a.b.png"),
            Some(("a.b", ChartFormat::Png))
        );
        assert_eq!(ChartFormat::split("poverty-rate"), None);
        assert_eq!(ChartFormat::split("poverty-rate.gif"), None);
        assert_eq!(ChartFormat::split(".svg"), None);
    }

    #[test]
    fn a_png_has_the_size_of_its_svg() {
        let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80"><text x="5" y="40" font-family="sans-serif">Ab</text></svg>"#;
        let png = png_of(svg).expect("drawn");
        let pixmap = tiny_skia::Pixmap::decode_png(&png).expect("a PNG");
        assert_eq!((pixmap.width(), pixmap.height()), (120, 80));
        // The text is drawn: some pixel is not transparent.
        assert!(pixmap.pixels().iter().any(|p| p.alpha() > 0));
    }
}
