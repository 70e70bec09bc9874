//! Text made safe for where it goes: HTML and addresses.

/// Escapes text for use inside HTML elements and attribute values (the
/// server's page titles; the browser sets text through the DOM).
#[cfg(feature = "ssr")]
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Percent-encodes a path segment or query value (RFC 3986 unreserved
/// characters kept), e.g. a district name with umlauts.
pub fn url_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(feature = "ssr")]
    #[test]
    fn markup_and_addresses_are_escaped() {
        assert_eq!(
            escape_html("</title><b a='x'>&"),
            "&lt;/title&gt;&lt;b a=&#39;x&#39;&gt;&amp;"
        );
        assert_eq!(url_encode("Südfeld am See"), "S%C3%BCdfeld%20am%20See");
        assert_eq!(url_encode("a-b_c.d~"), "a-b_c.d~");
    }
}
