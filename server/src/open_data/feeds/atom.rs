//! An Atom feed document (RFC 4287) written as text: the few elements the
//! feeds use, every text and attribute escaped for XML.

/// One `<entry>`.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// A permanent, unique IRI (see [`super::entries`] for how they are made).
    pub id: String,
    pub title: String,
    /// Seconds since 1970-01-01 UTC.
    pub updated_unix: u64,
    /// The page the entry is about (`rel="alternate"`).
    pub link: String,
    pub summary: String,
}

/// A whole `<feed>`.
#[derive(Debug, Clone, PartialEq)]
pub struct Feed {
    pub id: String,
    pub title: String,
    /// The feed's own address (`rel="self"`).
    pub self_link: String,
    /// The page the feed follows (`rel="alternate"`).
    pub alternate: String,
    pub author: String,
    /// The language code, as `xml:lang`.
    pub lang: String,
    /// When nothing is in the feed yet: the served release's date.
    pub fallback_updated_unix: u64,
    /// Newest first.
    pub entries: Vec<Entry>,
}

impl Feed {
    /// `updated`: the newest entry's, as RFC 4287 asks.
    pub fn updated_unix(&self) -> u64 {
        self.entries
            .iter()
            .map(|e| e.updated_unix)
            .max()
            .unwrap_or(self.fallback_updated_unix)
    }

    /// The feed document.
    pub fn to_xml(&self) -> String {
        let mut xml = String::with_capacity(1024 + self.entries.len() * 512);
        xml.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        xml.push_str(&format!(
            "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n",
            escape(&self.lang)
        ));
        element(&mut xml, "  ", "id", &self.id);
        element(&mut xml, "  ", "title", &self.title);
        element(&mut xml, "  ", "updated", &rfc3339(self.updated_unix()));
        link(
            &mut xml,
            "  ",
            "self",
            "application/atom+xml",
            &self.self_link,
        );
        link(&mut xml, "  ", "alternate", "text/html", &self.alternate);
        xml.push_str("  <author>\n");
        element(&mut xml, "    ", "name", &self.author);
        xml.push_str("  </author>\n");
        element(&mut xml, "  ", "generator", "Local Goals");
        for entry in &self.entries {
            xml.push_str("  <entry>\n");
            element(&mut xml, "    ", "id", &entry.id);
            element(&mut xml, "    ", "title", &entry.title);
            element(&mut xml, "    ", "updated", &rfc3339(entry.updated_unix));
            link(&mut xml, "    ", "alternate", "text/html", &entry.link);
            element(&mut xml, "    ", "summary", &entry.summary);
            xml.push_str("  </entry>\n");
        }
        xml.push_str("</feed>\n");
        xml
    }
}

fn element(xml: &mut String, indent: &str, name: &str, text: &str) {
    xml.push_str(&format!("{indent}<{name}>{}</{name}>\n", escape(text)));
}

fn link(xml: &mut String, indent: &str, rel: &str, kind: &str, href: &str) {
    xml.push_str(&format!(
        "{indent}<link rel=\"{rel}\" type=\"{kind}\" href=\"{}\"/>\n",
        escape(href)
    ));
}

/// Text safe inside an XML element or a quoted attribute. Characters XML 1.0
/// does not allow at all (control characters other than tab and line
/// breaks, U+FFFE, U+FFFF) are left out: a label from a data file with one
/// must not make the whole feed unreadable.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 => {}
            '\u{FFFE}' | '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// `2026-12-02T04:24:20Z`: a Unix time as an RFC 3339 date-time in UTC.
pub fn rfc3339(secs: u64) -> String {
    let seconds = secs % 86_400;
    format!(
        "{}T{:02}:{:02}:{:02}Z",
        app::ssr::date_of_unix(secs),
        seconds / 3600,
        (seconds / 60) % 60,
        seconds % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_quotes_and_forbidden_characters_are_escaped() {
        assert_eq!(
            escape("<b a=\"x\" c='y'>&\u{1}\u{FFFF}\tz"),
            "&lt;b a=&quot;x&quot; c=&apos;y&apos;&gt;&amp;\tz"
        );
    }

    #[test]
    fn times_are_rfc3339_in_utc() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        // 2000-02-29 is a leap day; 12:34:56 into it.
        assert_eq!(rfc3339(951_827_696), "2000-02-29T12:34:56Z");
    }

    #[test]
    fn a_feed_is_updated_when_its_newest_entry_is() {
        let entry = |updated_unix| Entry {
            id: format!("tag:x,2025:{updated_unix}"),
            title: "t <&>".into(),
            updated_unix,
            link: "/a?b=1&c=2".into(),
            summary: String::new(),
        };
        let mut feed = Feed {
            id: "tag:x,2025:feed".into(),
            title: "T".into(),
            self_link: "/feeds/site.atom".into(),
            alternate: "/".into(),
            author: "A".into(),
            lang: "en".into(),
            fallback_updated_unix: 5,
            entries: vec![],
        };
        assert_eq!(feed.updated_unix(), 5);
        feed.entries = vec![entry(30), entry(90), entry(60)];
        assert_eq!(feed.updated_unix(), 90);
        let xml = feed.to_xml();
        assert!(xml.contains("<updated>1970-01-01T00:01:30Z</updated>\n  <link rel=\"self\""));
        assert!(xml.contains("<title>t &lt;&amp;&gt;</title>"));
        assert!(xml.contains("href=\"/a?b=1&amp;c=2\""));
    }
}
