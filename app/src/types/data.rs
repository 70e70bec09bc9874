//! The open-data files' names, formats and the views that list them
//! (`/data` and an indicator page's downloads). The server's `/data/{file}`
//! route parses the same names, so a link and its file cannot disagree.

use serde::{Deserialize, Serialize};

/// The SDMX-CSV files' `STRUCTURE_ID`: the agency, the dataflow and its
/// version (docs/downloads.md describes its dimensions and attributes).
pub const SDMX_STRUCTURE_ID: &str = "LOCALGOALS:DF_LOCAL_GOALS(1.0)";

/// Every download's file name starts with this, then the release id.
pub const FILE_PREFIX: &str = "localgoals-";

indicators::wire_enum! {
    /// The formats a download is offered in (the file's extension).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum DownloadFormat: "download format" {
        Csv = "csv",
        Json = "json",
        Parquet = "parquet",
        SdmxCsv = "sdmx.csv",
        Zip = "zip",
    }
}

impl DownloadFormat {
    /// The formats of one indicator's files (the zip is the whole release only).
    pub const PER_INDICATOR: [DownloadFormat; 4] = [
        DownloadFormat::Csv,
        DownloadFormat::Json,
        DownloadFormat::Parquet,
        DownloadFormat::SdmxCsv,
    ];

    /// The whole release's files, the zip first (it holds the others).
    pub const WHOLE_RELEASE: [DownloadFormat; 5] = [
        DownloadFormat::Zip,
        DownloadFormat::Csv,
        DownloadFormat::Json,
        DownloadFormat::Parquet,
        DownloadFormat::SdmxCsv,
    ];

    /// The `Content-Type` the file is sent with.
    pub const fn content_type(self) -> &'static str {
        match self {
            DownloadFormat::Csv => "text/csv; charset=utf-8",
            DownloadFormat::SdmxCsv => {
                "application/vnd.sdmx.data+csv; version=2.0.0; charset=utf-8"
            }
            DownloadFormat::Json => "application/json",
            DownloadFormat::Parquet => "application/vnd.apache.parquet",
            DownloadFormat::Zip => "application/zip",
        }
    }

    /// The format's short name on a page (`CSV`, `SDMX-CSV 2.0` …).
    pub const fn label(self) -> &'static str {
        match self {
            DownloadFormat::Csv => "CSV",
            DownloadFormat::SdmxCsv => "SDMX-CSV 2.0",
            DownloadFormat::Json => "JSON",
            DownloadFormat::Parquet => "Parquet",
            DownloadFormat::Zip => "ZIP",
        }
    }

    /// Splits `poverty-rate.sdmx.csv` into (`poverty-rate`, SdmxCsv): the
    /// longest extension wins, so `.sdmx.csv` is never read as `.csv`.
    pub fn split(file: &str) -> Option<(&str, DownloadFormat)> {
        if let Some(stem) = file.strip_suffix(".sdmx.csv") {
            return Some((stem, DownloadFormat::SdmxCsv));
        }
        let (stem, extension) = file.rsplit_once('.')?;
        let format = match extension {
            "csv" => DownloadFormat::Csv,
            "json" => DownloadFormat::Json,
            "parquet" => DownloadFormat::Parquet,
            "zip" => DownloadFormat::Zip,
            _ => return None,
        };
        Some((stem, format))
    }
}

/// `localgoals-r00003.csv`, or `localgoals-r00003-poverty-rate.csv` for one
/// indicator.
pub fn file_name(release: &str, indicator: Option<&str>, format: DownloadFormat) -> String {
    match indicator {
        Some(id) => format!("{FILE_PREFIX}{release}-{id}.{format}"),
        None => format!("{FILE_PREFIX}{release}.{format}"),
    }
}

/// `/data/localgoals-r00003-poverty-rate.csv?series=sex-female`: where a file
/// is downloaded (the same under every language prefix, so unprefixed).
pub fn file_href(
    release: &str,
    indicator: Option<&str>,
    series: Option<&str>,
    format: DownloadFormat,
) -> String {
    let name = file_name(release, indicator, format);
    match series.filter(|s| !s.is_empty()) {
        Some(slug) => format!("/data/{name}?series={}", crate::escape::url_encode(slug)),
        None => format!("/data/{name}"),
    }
}

/// One file offered for download.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataFile {
    pub format: DownloadFormat,
    /// The file name it is saved as.
    pub name: String,
    pub href: String,
    /// What the file is for, worded for the page.
    pub purpose: String,
}

/// Release, date, licence and citation: what every download's page says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReleaseFacts {
    pub release: String,
    /// `YYYY-MM-DD` the release was published.
    pub published: String,
    /// The dataset's licence (`settings.csv`), if it states one.
    pub licence: Option<String>,
    /// One line to copy when citing the figures.
    pub cite: String,
}

/// `/data`: the whole public release's files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataView {
    pub facts: ReleaseFacts,
    pub files: Vec<DataFile>,
    /// [`SDMX_STRUCTURE_ID`].
    pub structure_id: String,
    /// How many public indicators and observations the files hold.
    pub indicators: usize,
    pub observations: usize,
}

/// An indicator page's downloads: all its series, and the selected one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DownloadsView {
    pub facts: ReleaseFacts,
    pub all: Vec<DataFile>,
    /// The selected series' label and files, when the address selects one.
    pub selected: Option<(String, Vec<DataFile>)>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_split_back_into_stem_and_format() {
        for format in DownloadFormat::WHOLE_RELEASE {
            let name = file_name("r00003", Some("poverty-rate"), format);
            assert_eq!(
                DownloadFormat::split(&name),
                Some(("localgoals-r00003-poverty-rate", format))
            );
        }
        assert_eq!(DownloadFormat::split("localgoals-r00003.xlsx"), None);
        assert_eq!(
            file_href("r1", Some("a"), Some("sex-female"), DownloadFormat::Csv),
            "/data/localgoals-r1-a.csv?series=sex-female"
        );
    }
}
