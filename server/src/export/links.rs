//! The static export's addresses: which links a file holds, where each
//! address is written, and the rewriting of links with a `?query` to the
//! query-free files that hold their answers.
//!
//! A link with a query becomes a path of its own (plain files have no
//! queries): the query's pairs, each `key=value` percent-decoded and then
//! re-encoded with [`encode_query`], joined by `_`. A page `/a/b?k=v`
//! becomes the folder `/a/b/_/k=v/` (its `index.html`); a file
//! `/charts/x.svg?series=s` becomes `/charts/x--series=s.svg` (the
//! extension stays last, so static servers send the right type).

use std::sync::LazyLock;

use regex::{Captures, Regex};

/// Links that only the application server answers: left as they are in the
/// export (a proxy can send them to a running server), never crawled.
/// Matched after the language prefix is taken off.
pub const LIVE_ONLY: &[&str] = &["/staff", "/api/", "/search", "/healthz"];

/// Files under a live-only prefix that are still plain files worth
/// exporting (the API's description).
const EXPORTED_ANYWAY: &[&str] = &["/api/openapi.json"];

/// The languages' address prefixes the crawl knows of (`nl`, `en`).
fn strip_language<'a>(path: &'a str, languages: &[String]) -> &'a str {
    for code in languages {
        if let Some(rest) = path
            .strip_prefix('/')
            .and_then(|p| p.strip_prefix(code.as_str()))
        {
            if rest.is_empty() || rest.starts_with('/') {
                return rest;
            }
        }
    }
    path
}

/// Whether `path` (no query) is only answered by a running server.
pub fn live_only(path: &str, languages: &[String]) -> bool {
    let path = strip_language(path, languages);
    !EXPORTED_ANYWAY.contains(&path)
        && LIVE_ONLY.iter().any(|prefix| {
            let bare = prefix.trim_end_matches('/');
            path == bare || path.starts_with(&format!("{bare}/"))
        })
}

/// A local address found in a file: its path (percent-encoded, as linked),
/// its query (without `?`) and its fragment (without `#`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Address {
    pub path: String,
    pub query: Option<String>,
}

impl Address {
    /// The address to ask the router for.
    pub fn uri(&self) -> String {
        match &self.query {
            Some(query) => format!("{}?{query}", self.path),
            None => self.path.clone(),
        }
    }

    /// Whether the last segment names a file (`x.svg`, `site.atom`).
    pub fn has_extension(&self) -> bool {
        self.path
            .rsplit('/')
            .next()
            .is_some_and(|last| last.contains('.'))
    }

    /// The query-free address this is written at, as linked in the export
    /// (`html`: a page, written as a folder's `index.html`).
    pub fn exported(&self, html: bool) -> String {
        let Some(query) = &self.query else {
            return self.path.clone();
        };
        let encoded = encode_query(query);
        if html {
            format!("{}/_/{encoded}/", self.path.trim_end_matches('/'))
        } else {
            let (dir, last) = self.path.rsplit_once('/').unwrap_or(("", &self.path));
            match last.rsplit_once('.') {
                Some((stem, ext)) => format!("{dir}/{stem}--{encoded}.{ext}"),
                None => format!("{dir}/{last}--{encoded}"),
            }
        }
    }

    /// The file under OUT holding this address's answer, as a relative
    /// path of decoded segments; `None` for a path that could leave OUT.
    pub fn file(&self, html: bool) -> Option<std::path::PathBuf> {
        let exported = self.exported(html);
        let mut file = std::path::PathBuf::new();
        for segment in exported.split('/').filter(|s| !s.is_empty()) {
            let segment = percent_decode(segment);
            if segment == "."
                || segment == ".."
                || segment.contains(['\\', '\0'])
                || segment.contains(':')
            {
                return None;
            }
            file.push(segment);
        }
        if html && (exported.ends_with('/') || !self.has_extension()) {
            file.push("index.html");
        }
        Some(file)
    }
}

/// A link's target, if it is local: resolved against `base` (the address of
/// the file it is in) when relative; `None` for other sites, `mailto:`,
/// `data:`, `javascript:` and fragments of the same page.
pub fn local(link: &str, base: &str) -> Option<(Address, Option<String>)> {
    let link = link.trim();
    if link.is_empty() || link.starts_with('#') || link.starts_with("//") {
        return None;
    }
    let scheme = link.find(':').is_some_and(|at| {
        link[..at]
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    });
    if scheme {
        return None;
    }
    let (rest, fragment) = match link.split_once('#') {
        Some((rest, fragment)) => (rest, Some(fragment.to_owned())),
        None => (link, None),
    };
    let (path, query) = match rest.split_once('?') {
        Some((path, query)) => (path, Some(query.to_owned()).filter(|q| !q.is_empty())),
        None => (rest, None),
    };
    let path = if path.starts_with('/') {
        normalise(path)
    } else if path.is_empty() {
        base.split('?').next().unwrap_or("/").to_owned()
    } else {
        let dir = base.split('?').next().unwrap_or("/");
        let dir = &dir[..=dir.rfind('/').unwrap_or(0)];
        normalise(&format!("{dir}{path}"))
    };
    Some((Address { path, query }, fragment))
}

/// `/a/./b/../c` → `/a/c`; never above `/`.
fn normalise(path: &str) -> String {
    let mut segments: Vec<&str> = Vec::new();
    for segment in path.split('/').skip(1) {
        match segment {
            "." => {}
            ".." => {
                segments.pop();
            }
            other => segments.push(other),
        }
    }
    format!("/{}", segments.join("/"))
}

/// A query as a path segment: each pair percent-decoded, then every byte
/// other than ASCII letters, digits, `-` and `.` written as `~XX` (hex), the
/// key and value joined by `=` (kept in values, where it cannot be
/// mistaken), the pairs by `_`. No `%`, `?`, `/` or `&`: safe as a file
/// name on every file system and as a path on every web server.
pub fn encode_query(query: &str) -> String {
    let encode = |text: &str, keep_equals: bool| {
        let mut out = String::with_capacity(text.len());
        for byte in text.bytes() {
            match byte {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' => out.push(byte as char),
                b'=' if keep_equals => out.push('='),
                _ => out.push_str(&format!("~{byte:02X}")),
            }
        }
        out
    };
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let (key, value) = (
                percent_decode(&key.replace('+', " ")),
                percent_decode(&value.replace('+', " ")),
            );
            format!("{}={}", encode(&key, false), encode(&value, true))
        })
        .collect::<Vec<_>>()
        .join("_")
}

/// `%XX` sequences decoded (invalid ones kept as they are).
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The few entities an attribute value holds (Leptos escapes `&` and `"`).
pub fn unescape_attribute(value: &str) -> String {
    if !value.contains('&') {
        return value.to_owned();
    }
    value
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

static ATTRIBUTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)(\s(?:href|src|poster|data)\s*=\s*)("[^"]*"|'[^']*')"#)
        .expect("a valid pattern")
});
static SRCSET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)(\ssrcset\s*=\s*)("[^"]*"|'[^']*')"#).expect("a valid pattern")
});
static CSS_URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(url\(\s*)("[^"]*"|'[^']*'|[^'")\s]+)(\s*\))|(@import\s+)("[^"]*"|'[^']*')"#)
        .expect("a valid pattern")
});
static JS_IMPORT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?:\bfrom\s*|\bimport\s*\(?\s*|new URL\(\s*)(?:"([^"]+)"|'([^']+)')"#)
        .expect("a valid pattern")
});

/// The kind of file links are read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Html,
    Css,
    Js,
    Other,
}

impl Kind {
    pub fn of(content_type: &str) -> Kind {
        let mime = content_type.split(';').next().unwrap_or("").trim();
        match mime {
            "text/html" => Kind::Html,
            "text/css" => Kind::Css,
            "text/javascript" | "application/javascript" => Kind::Js,
            _ => Kind::Other,
        }
    }
}

fn unquote(value: &str) -> &str {
    value
        .strip_prefix(['"', '\''])
        .and_then(|v| v.strip_suffix(['"', '\'']))
        .unwrap_or(value)
}

/// Every link a file of `kind` holds, as written (entities decoded).
pub fn links(text: &str, kind: Kind) -> Vec<String> {
    let mut found = Vec::new();
    match kind {
        Kind::Html => {
            for c in ATTRIBUTE.captures_iter(text) {
                found.push(unescape_attribute(unquote(&c[2])));
            }
            for c in SRCSET.captures_iter(text) {
                found.extend(srcset_urls(&unescape_attribute(unquote(&c[2]))));
            }
            found.extend(css_links(text));
        }
        Kind::Css => found.extend(css_links(text)),
        Kind::Js => {
            for c in JS_IMPORT.captures_iter(text) {
                if let Some(m) = c.get(1).or_else(|| c.get(2)) {
                    let link = m.as_str();
                    // Module specifiers and assets only: relative or rooted.
                    if link.starts_with("./") || link.starts_with("../") || link.starts_with('/') {
                        found.push(link.to_owned());
                    }
                }
            }
        }
        Kind::Other => {}
    }
    found
}

fn css_links(text: &str) -> Vec<String> {
    CSS_URL
        .captures_iter(text)
        .filter_map(|c| c.get(2).or_else(|| c.get(5)))
        .map(|m| unescape_attribute(unquote(m.as_str())))
        .collect()
}

fn srcset_urls(value: &str) -> Vec<String> {
    value
        .split(',')
        .filter_map(|candidate| candidate.split_whitespace().next())
        .map(str::to_owned)
        .collect()
}

/// `text` with every local link that has a query pointed at its exported
/// file; `html(address)` says whether an address is a page.
pub fn rewrite(text: &str, kind: Kind, base: &str) -> String {
    let map = |link: &str| -> Option<String> {
        let (address, fragment) = local(link, base)?;
        address.query.as_ref()?;
        let mut out = address.exported(!address.has_extension());
        if let Some(fragment) = fragment {
            out.push('#');
            out.push_str(&fragment);
        }
        Some(out)
    };
    let quoted = |value: &str, new: String| {
        let quote = value.chars().next().filter(|c| *c == '"' || *c == '\'');
        match quote {
            Some(q) => format!("{q}{new}{q}"),
            None => new,
        }
    };
    let css = |text: &str| -> String {
        CSS_URL
            .replace_all(text, |c: &Captures<'_>| {
                let (prefix, value, suffix) = match (c.get(1), c.get(4)) {
                    (Some(p), _) => (p.as_str(), &c[2], c.get(3).map_or("", |m| m.as_str())),
                    (None, Some(p)) => (p.as_str(), &c[5], ""),
                    _ => return c[0].to_owned(),
                };
                match map(&unescape_attribute(unquote(value))) {
                    Some(new) => format!("{prefix}{}{suffix}", quoted(value, new)),
                    None => c[0].to_owned(),
                }
            })
            .into_owned()
    };
    match kind {
        Kind::Html => {
            let text = ATTRIBUTE.replace_all(text, |c: &Captures<'_>| {
                match map(&unescape_attribute(unquote(&c[2]))) {
                    Some(new) => format!("{}{}", &c[1], quoted(&c[2], new)),
                    None => c[0].to_owned(),
                }
            });
            let text = SRCSET.replace_all(&text, |c: &Captures<'_>| {
                let value = unescape_attribute(unquote(&c[2]));
                let rewritten: Vec<String> = value
                    .split(',')
                    .map(|candidate| {
                        let candidate = candidate.trim();
                        let (url, descriptor) = candidate
                            .split_once(char::is_whitespace)
                            .unwrap_or((candidate, ""));
                        let url = map(url).unwrap_or_else(|| url.to_owned());
                        format!("{url} {descriptor}").trim().to_owned()
                    })
                    .collect();
                format!("{}{}", &c[1], quoted(&c[2], rewritten.join(", ")))
            });
            css(&text)
        }
        Kind::Css => css(text),
        Kind::Js | Kind::Other => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn address(link: &str) -> Address {
        local(link, "/").expect("local").0
    }

    #[test]
    fn queries_become_safe_paths_for_pages_and_files() {
        assert_eq!(
            address("/indicators/poverty-rate?series=sex%3Dfemale").exported(true),
            "/indicators/poverty-rate/_/series=sex=female/"
        );
        assert_eq!(
            address("/charts/x.svg?series=district%3DAm%20Kanal%3Bsex%3Dm%C3%A4nnlich")
                .exported(false),
            "/charts/x--series=district=Am~20Kanal~3Bsex=m~C3~A4nnlich.svg"
        );
        assert_eq!(
            address("/recommendations?status=open&source=").exported(true),
            "/recommendations/_/status=open_source=/"
        );
        let odd = encode_query("a%3Db=c&d_e=f~g%25");
        assert!(!odd.contains(['%', '?', '/', '&']), "{odd}");
        assert_eq!(odd, "a~3Db=c_d~5Fe=f~7Eg~25");
    }

    #[test]
    fn files_stay_inside_the_output_folder() {
        assert_eq!(
            address("/nl/").file(true),
            Some(std::path::PathBuf::from("nl/index.html"))
        );
        assert_eq!(
            address("/districts/Am%20Kanal").file(true),
            Some(std::path::PathBuf::from("districts/Am Kanal/index.html"))
        );
        assert_eq!(address("/a/%2E%2E/b").file(false), None);
        assert_eq!(
            address("/../../etc/passwd").file(false),
            Some(std::path::PathBuf::from("etc/passwd"))
        );
    }

    #[test]
    fn only_local_links_are_followed() {
        for link in [
            "https://x.org/",
            "//cdn.x/a.js",
            "mailto:a@b",
            "#main",
            "data:image/png;base64,xx",
        ] {
            assert_eq!(local(link, "/a/b"), None, "{link}");
        }
        assert_eq!(address("/a?x=1#f").uri(), "/a?x=1");
        assert_eq!(
            local("c.js", "/pkg/b.js").map(|a| a.0.path),
            Some("/pkg/c.js".into())
        );
        assert!(live_only("/nl/staff/login", &["nl".into()]));
        assert!(!live_only("/api/openapi.json", &[]));
        assert!(!live_only("/searchlight", &[]));
    }

    #[test]
    fn links_are_found_and_those_with_a_query_rewritten() {
        let html = r#"<a href="/indicators/p?series=sex%3Dfemale&amp;x=1#top">p</a><img src='/charts/p.svg?series=total'><link rel="modulepreload" href="/pkg/a.js"><div style="background:url(/img/a.png?v=2)"></div><a href="/plain">"#;
        let found = links(html, Kind::Html);
        assert_eq!(
            found,
            [
                "/indicators/p?series=sex%3Dfemale&x=1#top",
                "/charts/p.svg?series=total",
                "/pkg/a.js",
                "/plain",
                "/img/a.png?v=2"
            ]
        );
        let out = rewrite(html, Kind::Html, "/");
        assert!(
            out.contains(r#"href="/indicators/p/_/series=sex=female_x=1/#top""#),
            "{out}"
        );
        assert!(out.contains("src='/charts/p--series=total.svg'"), "{out}");
        assert!(out.contains("url(/img/a--v=2.png)"), "{out}");
        assert!(out.contains(r#"href="/plain""#) && out.contains(r#"href="/pkg/a.js""#));
        let js = r#"import * as a from "./snippets/x/inline0.js"; new URL('b.wasm', import.meta.url); import("https://x/y.js")"#;
        assert_eq!(links(js, Kind::Js), ["./snippets/x/inline0.js"]);
    }
}
