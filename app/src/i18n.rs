//! The site's languages: which language a page is in, and its words.
//!
//! The language is in the address: English pages are unprefixed
//! (`/indicators/poverty-rate`), every other language has its code in front
//! (`/nl/indicators/poverty-rate`). `/en/…` is the English page too, so the
//! language switch can name English explicitly without `/` sending a
//! Dutch-speaking browser back to Dutch. The server strips the prefix before
//! routing and hands the page its [`Locale`] (see [`use_locale`]).
//!
//! Words come from Fluent files, `app/locales/{code}/site.ftl`, compiled into
//! the server. Pages are rendered on the server only (islands mode), so the
//! wasm carries no translations: an island receives its words as props.
//! A language the site can show is one with a translation file; adding
//! German is `app/locales/de/site.ftl` (see `docs/translating.md`).

use std::fmt;

use serde::{Deserialize, Serialize};

/// A language the site formats and words pages in.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    En,
    Nl,
    De,
    Fr,
    Sv,
}

impl Locale {
    pub const ALL: [Locale; 5] = [Locale::En, Locale::Nl, Locale::De, Locale::Fr, Locale::Sv];

    /// The ISO 639-1 code, as in `lang` attributes, addresses and the
    /// catalogue's `title_nl` columns.
    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Nl => "nl",
            Locale::De => "de",
            Locale::Fr => "fr",
            Locale::Sv => "sv",
        }
    }

    /// The locale of a language code or tag (`nl`, `nl-BE`, `EN`).
    pub fn from_code(code: &str) -> Option<Locale> {
        let language = code.split(['-', '_']).next().unwrap_or_default();
        Locale::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(language))
    }

    /// The language's name in itself, as a language switch shows it.
    pub fn endonym(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Nl => "Nederlands",
            Locale::De => "Deutsch",
            Locale::Fr => "Français",
            Locale::Sv => "Svenska",
        }
    }

    /// `path` (an absolute path such as `/goals/1`, with any query) in this
    /// language: `/nl/goals/1`. English paths stay unprefixed.
    pub fn href(self, path: &str) -> String {
        match self {
            Locale::En => path.to_owned(),
            _ if path == "/" => format!("/{}/", self.code()),
            _ => format!("/{}{path}", self.code()),
        }
    }

    /// `path` with the language always named (`/en/goals/1`), for the
    /// language switch.
    pub fn explicit_href(self, path: &str) -> String {
        match self {
            Locale::En if path == "/" => "/en/".to_owned(),
            Locale::En => format!("/en{path}"),
            _ => self.href(path),
        }
    }

    /// Thousands and decimal separators.
    pub(crate) fn separators(self) -> (&'static str, char) {
        match self {
            Locale::En => (",", '.'),
            Locale::De | Locale::Nl => (".", ','),
            // A narrow no-break space, so a number never wraps mid-way.
            Locale::Fr | Locale::Sv => ("\u{202F}", ','),
        }
    }

    /// Splits a language prefix off a request path: `/nl/goals/1` →
    /// (`Nl`, `/goals/1`); `/goals/1` → (`En`, `/goals/1`). A prefix of a
    /// language the site has no words for is not a prefix.
    pub fn split_path(path: &str) -> (Locale, &str) {
        let rest = path.strip_prefix('/').unwrap_or(path);
        let (first, tail) = match rest.find('/') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, ""),
        };
        match Locale::ALL
            .into_iter()
            .find(|l| l.code() == first && l.has_words())
        {
            Some(locale) if tail.is_empty() => (locale, "/"),
            Some(locale) => (locale, tail),
            None => (Locale::En, path),
        }
    }

    /// Whether the site has a translation file for this language.
    pub fn has_words(self) -> bool {
        #[cfg(feature = "ssr")]
        {
            words::has(self)
        }
        #[cfg(not(feature = "ssr"))]
        {
            self == Locale::En
        }
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The language of the page being rendered: the one the server read from
/// the address. Outside a request (and in the browser, where pages are not
/// rendered) it is English.
pub fn use_locale() -> Locale {
    #[cfg(feature = "ssr")]
    {
        leptos::prelude::use_context::<http::request::Parts>()
            .and_then(|parts| parts.extensions.get::<Locale>().copied())
            .unwrap_or_default()
    }
    #[cfg(not(feature = "ssr"))]
    {
        Locale::default()
    }
}

/// The languages the site offers for the data being served (English
/// first). Empty outside a request.
pub fn offered() -> Vec<Locale> {
    #[cfg(feature = "ssr")]
    {
        leptos::prelude::use_context::<crate::ssr::DashboardData>()
            .map(|data| data.languages.clone())
            .unwrap_or_default()
    }
    #[cfg(not(feature = "ssr"))]
    {
        Vec::new()
    }
}

/// A value for a placeholder in a message: text, or a count (which chooses
/// the plural form).
#[derive(Debug, Clone)]
pub enum Arg {
    Text(String),
    Count(i64),
}

impl From<&str> for Arg {
    fn from(text: &str) -> Self {
        Arg::Text(text.to_owned())
    }
}
impl From<String> for Arg {
    fn from(text: String) -> Self {
        Arg::Text(text)
    }
}
impl From<&String> for Arg {
    fn from(text: &String) -> Self {
        Arg::Text(text.clone())
    }
}
impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Count(i64::try_from(n).unwrap_or(i64::MAX))
    }
}
impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Count(n)
    }
}
impl From<u64> for Arg {
    fn from(n: u64) -> Self {
        Arg::Count(i64::try_from(n).unwrap_or(i64::MAX))
    }
}
impl From<u8> for Arg {
    fn from(n: u8) -> Self {
        Arg::Count(i64::from(n))
    }
}
impl From<i32> for Arg {
    /// Years are text: no plural, no grouping (`2030`, not `2,030`).
    fn from(n: i32) -> Self {
        Arg::Text(n.to_string())
    }
}

/// The message `key` in `locale` (English when the language lacks it).
pub fn t(locale: Locale, key: &str) -> String {
    tr(locale, key, &[])
}

/// The message `key` in `locale` with its placeholders filled.
pub fn tr(locale: Locale, key: &str, args: &[(&'static str, Arg)]) -> String {
    #[cfg(feature = "ssr")]
    {
        words::lookup(locale, key, args)
    }
    #[cfg(not(feature = "ssr"))]
    {
        // Pages are rendered on the server only; islands get their words as
        // props, so the browser never looks a message up.
        let _ = (locale, args);
        key.to_owned()
    }
}

#[cfg(feature = "ssr")]
mod words {
    use std::borrow::Cow;
    use std::collections::HashMap;

    use fluent_templates::fluent_bundle::FluentValue;
    use fluent_templates::{LanguageIdentifier, Loader};

    use super::{Arg, Locale};

    fluent_templates::static_loader! {
        static LOCALES = {
            locales: "./locales",
            fallback_language: "en",
            // No bidi isolation marks around placeholders: every language
            // here is left to right, and the marks would end up in titles,
            // CSV cells and test expectations.
            customise: |bundle| bundle.set_use_isolating(false),
        };
    }

    fn language(locale: Locale) -> LanguageIdentifier {
        locale
            .code()
            .parse()
            .unwrap_or_else(|_| LOCALES.fallback().clone())
    }

    pub(super) fn has(locale: Locale) -> bool {
        let wanted = language(locale);
        LOCALES.locales().any(|l| *l == wanted)
    }

    pub(super) fn lookup(locale: Locale, key: &str, args: &[(&'static str, Arg)]) -> String {
        let values: HashMap<Cow<'static, str>, FluentValue<'_>> = args
            .iter()
            .map(|(name, arg)| {
                let value = match arg {
                    Arg::Text(text) => FluentValue::from(text.as_str()),
                    Arg::Count(n) => FluentValue::from(*n),
                };
                (Cow::Borrowed(*name), value)
            })
            .collect();
        let args = (!values.is_empty()).then_some(&values);
        LOCALES
            .try_lookup_complete(&language(locale), key, args)
            .unwrap_or_else(|| {
                tracing::error!(%locale, key, "no such message in the translation files");
                key.to_owned()
            })
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    /// The message ids a translation file defines.
    fn keys(ftl: &str) -> std::collections::BTreeSet<&str> {
        ftl.lines()
            .filter(|l| l.starts_with(|c: char| c.is_ascii_lowercase()))
            .filter_map(|l| l.split_once(" =").map(|(k, _)| k.trim()))
            .collect()
    }

    #[test]
    fn dutch_has_every_english_message_and_no_other() {
        let en = keys(concat!(
            include_str!("../locales/en/site.ftl"),
            include_str!("../locales/en/problems.ftl"),
            include_str!("../locales/en/staff.ftl"),
            include_str!("../locales/en/narratives.ftl"),
            include_str!("../locales/en/quality.ftl"),
            include_str!("../locales/en/equality.ftl"),
            include_str!("../locales/en/map.ftl")
        ));
        let nl = keys(concat!(
            include_str!("../locales/nl/site.ftl"),
            include_str!("../locales/nl/problems.ftl"),
            include_str!("../locales/nl/staff.ftl"),
            include_str!("../locales/nl/narratives.ftl"),
            include_str!("../locales/nl/quality.ftl"),
            include_str!("../locales/nl/equality.ftl"),
            include_str!("../locales/nl/map.ftl")
        ));
        let missing: Vec<_> = en.difference(&nl).collect();
        let extra: Vec<_> = nl.difference(&en).collect();
        assert!(missing.is_empty(), "missing in nl: {missing:?}");
        assert!(extra.is_empty(), "only in nl: {extra:?}");
    }

    #[test]
    fn messages_fill_placeholders_and_choose_plurals() {
        assert_eq!(
            tr(Locale::En, "indicator-count", &[("n", 1usize.into())]),
            "1 indicator"
        );
        assert_eq!(
            tr(Locale::Nl, "indicator-count", &[("n", 3usize.into())]),
            "3 indicatoren"
        );
        assert_eq!(t(Locale::Nl, "nav-goals"), "Doelen");
    }

    #[test]
    fn language_prefixes_are_split_off_paths() {
        assert_eq!(Locale::split_path("/nl/goals/1"), (Locale::Nl, "/goals/1"));
        assert_eq!(Locale::split_path("/nl"), (Locale::Nl, "/"));
        assert_eq!(Locale::split_path("/nl/"), (Locale::Nl, "/"));
        assert_eq!(Locale::split_path("/en/goals/1"), (Locale::En, "/goals/1"));
        assert_eq!(Locale::split_path("/goals/1"), (Locale::En, "/goals/1"));
        assert_eq!(Locale::split_path("/nlx/a"), (Locale::En, "/nlx/a"));
        // No German translation file: `/de/` is not a language prefix.
        assert_eq!(
            Locale::split_path("/de/goals/1"),
            (Locale::En, "/de/goals/1")
        );
        assert_eq!(Locale::Nl.href("/"), "/nl/");
        assert_eq!(Locale::Nl.href("/goals/1?x=1"), "/nl/goals/1?x=1");
        assert_eq!(Locale::En.href("/goals/1"), "/goals/1");
        assert_eq!(Locale::En.explicit_href("/goals/1"), "/en/goals/1");
        assert_eq!(Locale::from_code("nl-BE"), Some(Locale::Nl));
    }
}
