//! Looks for hostile strings that escaped their escaping: in HTML, SVG and
//! Atom, an element or attribute a payload made (an event handler, a
//! `javascript:` address, a script carrying a marker); in CSV, a cell with a
//! marker that a spreadsheet would read as a formula.

/// Elements whose content is text up to their closing tag.
const RAW_TEXT: [&str; 4] = ["script", "style", "title", "textarea"];
/// Attributes holding an address a browser follows or runs.
const ADDRESS_ATTRIBUTES: [&str; 6] = ["href", "src", "action", "formaction", "xlink:href", "data"];

/// One start tag: its name and attributes (values with the few entities a
/// renderer writes decoded).
#[derive(Debug)]
struct Tag {
    name: String,
    attributes: Vec<(String, String)>,
    /// Byte offset of the `<`.
    at: usize,
}

/// Every way `page` lets a hostile string act, described with its place.
/// `markers` are the texts the corpus's hostile strings carry.
pub fn unsafe_markup(page: &str, markers: &[String]) -> Vec<String> {
    let mut found = Vec::new();
    let bytes = page.as_bytes();
    let mut i = 0;
    while let Some(offset) = page[i..].find('<') {
        let at = i + offset;
        let rest = &page[at..];
        if rest.starts_with("<!--") {
            i = rest.find("-->").map_or(page.len(), |end| at + end + 3);
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") || rest.starts_with("</") {
            i = rest.find('>').map_or(page.len(), |end| at + end + 1);
            continue;
        }
        if !bytes.get(at + 1).is_some_and(u8::is_ascii_alphabetic) {
            i = at + 1;
            continue;
        }
        let (tag, end) = start_tag(page, at);
        check_tag(&tag, page, &mut found);
        i = end;
        if RAW_TEXT.contains(&tag.name.as_str()) {
            let close = format!("</{}", tag.name);
            let content_end = page[i..]
                .to_ascii_lowercase()
                .find(&close)
                .map_or(page.len(), |e| i + e);
            let content = &page[i..content_end];
            if tag.name == "script" && !is_data_script(&tag) {
                for marker in markers {
                    if content.contains(marker.as_str()) {
                        found.push(format!(
                            "a script that runs carries {marker}: {}",
                            excerpt(page, tag.at)
                        ));
                    }
                }
            }
            i = content_end;
        }
    }
    found
}

/// A `<script>` holding data, not code.
fn is_data_script(tag: &Tag) -> bool {
    tag.attributes.iter().any(|(name, value)| {
        name == "type"
            && matches!(
                value.trim().to_ascii_lowercase().as_str(),
                "application/json" | "application/ld+json" | "importmap"
            )
    })
}

fn check_tag(tag: &Tag, page: &str, found: &mut Vec<String>) {
    for (name, value) in &tag.attributes {
        if name.starts_with("on") {
            found.push(format!(
                "an event handler {name}= on <{}>: {}",
                tag.name,
                excerpt(page, tag.at)
            ));
        }
        if name == "srcdoc" {
            found.push(format!("an iframe document: {}", excerpt(page, tag.at)));
        }
        if ADDRESS_ATTRIBUTES.contains(&name.as_str()) {
            let address: String = value
                .chars()
                .filter(|c| !c.is_whitespace() && !c.is_control())
                .collect::<String>()
                .to_ascii_lowercase();
            if ["javascript:", "vbscript:", "data:text/html"]
                .iter()
                .any(|scheme| address.starts_with(scheme))
            {
                found.push(format!(
                    "a {name} that runs script: {}",
                    excerpt(page, tag.at)
                ));
            }
        }
    }
}

/// Parses the start tag at `at` as a browser does (quoted values may hold
/// `>`); returns it and the offset after its `>`.
fn start_tag(page: &str, at: usize) -> (Tag, usize) {
    let bytes = page.as_bytes();
    let mut i = at + 1;
    let name_start = i;
    while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>' && bytes[i] != b'/'
    {
        i += 1;
    }
    let name = page[name_start..i].to_ascii_lowercase();
    let mut attributes = Vec::new();
    loop {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        if i >= bytes.len() || bytes[i] == b'>' {
            break;
        }
        let key_start = i;
        while i < bytes.len()
            && !bytes[i].is_ascii_whitespace()
            && !matches!(bytes[i], b'=' | b'>' | b'/')
        {
            i += 1;
        }
        let key = page[key_start..i].to_ascii_lowercase();
        let mut value = String::new();
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if bytes.get(i) == Some(&b'=') {
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            match bytes.get(i) {
                Some(&quote @ (b'"' | b'\'')) => {
                    let end = page[i + 1..]
                        .find(quote as char)
                        .map_or(page.len(), |e| i + 1 + e);
                    value = decode(&page[i + 1..end]);
                    i = (end + 1).min(page.len());
                }
                _ => {
                    let start = i;
                    while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>' {
                        i += 1;
                    }
                    value = decode(&page[start..i]);
                }
            }
        }
        if key.is_empty() {
            i += 1;
        } else {
            attributes.push((key, value));
        }
    }
    (
        Tag {
            name,
            attributes,
            at,
        },
        (i + 1).min(page.len()),
    )
}

/// The entities a renderer writes in attributes, decoded (enough to see a
/// `javascript:` address hidden behind `&#106;`).
fn decode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let Some(end) = tail.find(';').filter(|&e| e <= 10) else {
            out.push('&');
            rest = &tail[1..];
            continue;
        };
        let entity = &tail[1..end];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &tail[end + 1..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn excerpt(page: &str, at: usize) -> String {
    let mut start = at.saturating_sub(60);
    while !page.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (at + 160).min(page.len());
    while !page.is_char_boundary(end) {
        end -= 1;
    }
    page[start..end].to_owned()
}

/// Cells of a CSV (UTF-8, a BOM allowed) that carry a marker and start
/// with what makes a spreadsheet read a formula.
pub fn formula_cells(csv_bytes: &[u8], markers: &[String]) -> Vec<String> {
    let text = csv_bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(csv_bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text);
    let mut found = Vec::new();
    for record in reader.records() {
        let record = record.expect("a CSV record");
        for cell in record.iter() {
            if markers.iter().any(|m| cell.contains(m.as_str()))
                && cell.starts_with(['=', '+', '-', '@', '\t', '\r'])
            {
                found.push(cell.to_owned());
            }
        }
    }
    found
}

#[test]
fn the_scanner_finds_what_a_payload_makes_and_passes_what_is_escaped() {
    let markers = vec!["hx0".to_owned()];
    let escaped = "<p title=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt; hx0\">&lt;script&gt;hx0&lt;/script&gt;</p>\
                   <script type=\"application/json\">{\"t\":\"\\u003cscript\\u003e hx0\"}</script>\
                   <a href=\"https://x.example/?q=%22%3E\">javascript:alert(1)</a>";
    assert_eq!(unsafe_markup(escaped, &markers), Vec::<String>::new());
    for raw in [
        "<p title=\"\"><img src=x onerror=alert(1)> hx0\">",
        "<title></title><script>alert('hx0')</script></title>",
        "<a href=\" &#106;avascript:alert(1)\">x</a>",
        "<p><svg onload=alert('hx0')></p>",
        "<iframe srcdoc=\"x\">",
    ] {
        assert_eq!(unsafe_markup(raw, &markers).len(), 1, "{raw}");
    }
    assert_eq!(
        formula_cells(b"\xEF\xBB\xBFa,'=1+hx0\n\"-2+hx0\",=SUM(1)\n", &markers),
        ["-2+hx0"]
    );
}
