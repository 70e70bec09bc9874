//! A feed's entries, from the statuses of every release up to the one
//! served: one entry per published release (its public counts) and one per
//! status change of a public series between consecutive releases. Only
//! indicators public in the served release ever appear.

use std::collections::{BTreeMap, BTreeSet};

use app::escape::url_encode;
use app::i18n::{t, tr, Locale};
use app::ssr::DashboardData;
use indicators::progress::ProgressStatus;
use indicators::release::ReleaseStatuses;
use indicators::Dimensions;

use super::atom::Entry;

/// Which part of the site a feed follows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    Site,
    /// A goal, 1 to 17.
    Goal(u8),
    /// A public indicator's id.
    Indicator(String),
}

/// How a feed's ids and links are made.
#[derive(Debug, Clone)]
pub struct Addresses {
    /// `--public-url`, without its trailing `/`, if configured.
    pub public_url: Option<String>,
    /// The authority of `tag:` ids: the public address's host, or
    /// `localgoals.invalid` without one.
    pub authority: String,
}

impl Addresses {
    pub fn new(public_url: Option<&str>) -> Self {
        let public_url = public_url
            .map(|u| u.trim_end_matches('/').to_owned())
            .filter(|u| !u.is_empty());
        let authority = public_url
            .as_deref()
            .and_then(|u| u.split_once("://").map(|(_, rest)| rest))
            .map(|rest| rest.split(['/', ':', '?', '#']).next().unwrap_or_default())
            .filter(|host| !host.is_empty())
            .unwrap_or("localgoals.invalid")
            .to_ascii_lowercase();
        Addresses {
            public_url,
            authority,
        }
    }

    /// `path` (already in the feed's language) as a link.
    pub fn link(&self, path: &str) -> String {
        crate::open_data::embed::absolute(self.public_url.as_deref(), path)
    }

    /// A permanent id (RFC 4151 `tag:` URI): the same whatever the
    /// language and wherever the feed is read.
    pub fn tag(&self, specific: &str) -> String {
        format!("tag:{},2025:localgoals/{specific}", self.authority)
    }
}

/// The entries of `scope`'s feed, newest first. `releases` are every
/// intact release's statuses (oldest first); those after the served one are
/// built but not published, and left out.
pub fn entries(
    data: &DashboardData,
    releases: &[ReleaseStatuses],
    scope: &Scope,
    addresses: &Addresses,
    locale: Locale,
) -> Vec<Entry> {
    // Release ids are zero-padded (`r00003`): text order is number order.
    let published: Vec<&ReleaseStatuses> = releases
        .iter()
        .filter(|r| r.id.as_str() <= data.release.as_str())
        .collect();
    let included = |indicator_id: &str| -> bool {
        let Some(indicator) = data.public_indicator(indicator_id) else {
            return false;
        };
        match scope {
            Scope::Site => true,
            Scope::Goal(n) => indicator.goals().contains(n),
            Scope::Indicator(id) => indicator.id == *id,
        }
    };
    let mut out = Vec::new();
    let mut previous: Option<BTreeMap<(&str, &str), ProgressStatus>> = None;
    for release in published {
        let mine: BTreeMap<(&str, &str), ProgressStatus> = release
            .series
            .iter()
            .filter(|s| included(&s.indicator_id))
            .map(|s| ((s.indicator_id.as_str(), s.slug.as_str()), s.status))
            .collect();
        out.push(release_entry(release, &mine, scope, addresses, locale));
        if let Some(before) = &previous {
            for ((indicator_id, slug), status) in &mine {
                match before.get(&(*indicator_id, *slug)) {
                    Some(was) if was != status => out.push(change_entry(
                        data,
                        release,
                        (indicator_id, slug),
                        (*was, *status),
                        addresses,
                        locale,
                    )),
                    _ => {}
                }
            }
        }
        previous = Some(mine);
    }
    out.reverse();
    out
}

/// "Release r00003 published", with the scope's public counts by status.
fn release_entry(
    release: &ReleaseStatuses,
    series: &BTreeMap<(&str, &str), ProgressStatus>,
    scope: &Scope,
    addresses: &Addresses,
    locale: Locale,
) -> Entry {
    let indicators: BTreeSet<&str> = series.keys().map(|(id, _)| *id).collect();
    let mut by_status: BTreeMap<ProgressStatus, usize> = BTreeMap::new();
    for status in series.values() {
        *by_status.entry(*status).or_default() += 1;
    }
    let counts = if by_status.is_empty() {
        t(locale, "feed-release-none")
    } else {
        by_status
            .iter()
            .map(|(status, n)| {
                tr(
                    locale,
                    "feed-release-count",
                    &[
                        ("status", app::words::status_label(locale, *status).into()),
                        ("n", n.to_string().into()),
                    ],
                )
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    let page = match scope {
        Scope::Site => "/data".to_owned(),
        Scope::Goal(n) => format!("/goals/{n}"),
        Scope::Indicator(id) => format!("/indicators/{}", url_encode(id)),
    };
    Entry {
        id: addresses.tag(&format!("release/{}", release.id)),
        title: tr(
            locale,
            "feed-release-title",
            &[("release", release.id.as_str().into())],
        ),
        updated_unix: release.created_unix,
        link: addresses.link(&locale.href(&page)),
        summary: tr(
            locale,
            "feed-release-summary",
            &[
                ("indicators", indicators.len().into()),
                ("series", series.len().into()),
                ("counts", counts.into()),
            ],
        ),
    }
}

/// A series' status changed in `release`.
fn change_entry(
    data: &DashboardData,
    release: &ReleaseStatuses,
    (indicator_id, slug): (&str, &str),
    (from, to): (ProgressStatus, ProgressStatus),
    addresses: &Addresses,
    locale: Locale,
) -> Entry {
    let title = data
        .public_indicator(indicator_id)
        .map(|i| i.localized_title(locale.code()).text.to_owned())
        .unwrap_or_else(|| indicator_id.to_owned());
    let dimensions = Dimensions::from_slug(slug).unwrap_or_default();
    let series = app::words::series_label(locale, &data.labels, &dimensions);
    let (from, to) = (
        app::words::status_label(locale, from),
        app::words::status_label(locale, to),
    );
    let mut page = format!("/indicators/{}", url_encode(indicator_id));
    if !dimensions.is_headline() {
        page.push_str(&format!("?series={}", url_encode(slug)));
    }
    let args = [
        ("title", title.as_str().into()),
        ("series", series.as_str().into()),
        ("from", from.as_str().into()),
        ("to", to.as_str().into()),
        ("release", release.id.as_str().into()),
    ];
    Entry {
        id: addresses.tag(&format!(
            "status/{}/{}/{}",
            release.id,
            url_encode(indicator_id),
            url_encode(slug)
        )),
        title: tr(locale, "feed-change-title", &args),
        updated_unix: release.created_unix,
        link: addresses.link(&locale.href(&page)),
        summary: tr(locale, "feed-change-summary", &args),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_use_the_public_address_host() {
        let a = Addresses::new(Some("https://Goals.Example.org:8443/city/"));
        assert_eq!(a.authority, "goals.example.org");
        assert_eq!(
            a.tag("release/r00001"),
            "tag:goals.example.org,2025:localgoals/release/r00001"
        );
        assert_eq!(
            a.link("/feeds/site.atom"),
            "https://Goals.Example.org:8443/city/feeds/site.atom"
        );
        let none = Addresses::new(None);
        assert_eq!(none.authority, "localgoals.invalid");
        assert_eq!(none.link("/nl/"), "/nl/");
    }
}
