//! From bytes to text a CSV parser can read: encoding, line endings, delimiter.

crate::wire_enum! {
    /// How a file's bytes were turned into text.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum TextEncoding: "text encoding" {
        Utf8 = "utf-8",
        Utf8Bom = "utf-8 with BOM",
        Utf16Le = "utf-16le",
        Utf16Be = "utf-16be",
        /// Not valid UTF-8: read as Windows-1252, what old Windows exports use.
        Windows1252 = "windows-1252",
    }
}

crate::wire_enum! {
    /// The line endings a file used (reported; the text is normalised to LF).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum LineEnding: "line ending" {
        Lf = "lf",
        CrLf = "cr-lf",
        /// Bare CR, from old Mac exports.
        Cr = "cr",
        Mixed = "mixed",
        None = "none",
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodedText {
    /// The text with every line ending as `\n`.
    pub text: String,
    pub encoding: TextEncoding,
    pub line_ending: LineEnding,
}

/// Decodes `bytes`: a UTF-8 or UTF-16 BOM decides; else UTF-8 if valid; else
/// Windows-1252 (every byte maps to a character, so this never fails).
pub fn decode(bytes: &[u8]) -> DecodedText {
    decode_owned(bytes.to_vec())
}

/// [`decode`], taking the bytes: valid UTF-8 (what most files are) becomes
/// the text without a copy.
pub fn decode_owned(bytes: Vec<u8>) -> DecodedText {
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        (
            String::from_utf8_lossy(rest).into_owned(),
            TextEncoding::Utf8Bom,
        )
    } else if bytes.starts_with(b"\xFF\xFE") {
        let (text, _, _) = encoding_rs::UTF_16LE.decode(&bytes);
        (text.into_owned(), TextEncoding::Utf16Le)
    } else if bytes.starts_with(b"\xFE\xFF") {
        let (text, _, _) = encoding_rs::UTF_16BE.decode(&bytes);
        (text.into_owned(), TextEncoding::Utf16Be)
    } else {
        match String::from_utf8(bytes) {
            Ok(text) => (text, TextEncoding::Utf8),
            Err(err) => {
                let (text, _, _) = encoding_rs::WINDOWS_1252.decode(err.as_bytes());
                (text.into_owned(), TextEncoding::Windows1252)
            }
        }
    };
    // A BOM decoded by encoding_rs stays as U+FEFF at the start.
    let text = text
        .strip_prefix('\u{FEFF}')
        .map(str::to_owned)
        .unwrap_or(text);
    let line_ending = detect_line_ending(&text);
    let text = match line_ending {
        LineEnding::Lf | LineEnding::None => text,
        _ => text.replace("\r\n", "\n").replace('\r', "\n"),
    };
    DecodedText {
        text,
        encoding,
        line_ending,
    }
}

fn detect_line_ending(text: &str) -> LineEnding {
    let bytes = text.as_bytes();
    // Most files have no CR at all: two vectorised searches decide.
    if memchr::memchr(b'\r', bytes).is_none() {
        return if memchr::memchr(b'\n', bytes).is_some() {
            LineEnding::Lf
        } else {
            LineEnding::None
        };
    }
    let (mut lf, mut crlf, mut cr) = (0usize, 0usize, 0usize);
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                crlf += 1;
                i += 1;
            }
            b'\r' => cr += 1,
            b'\n' => lf += 1,
            _ => {}
        }
        i += 1;
    }
    match (lf > 0, crlf > 0, cr > 0) {
        (false, false, false) => LineEnding::None,
        (true, false, false) => LineEnding::Lf,
        (false, true, false) => LineEnding::CrLf,
        (false, false, true) => LineEnding::Cr,
        _ => LineEnding::Mixed,
    }
}

/// The delimiters a city file may use, in order of preference on a tie.
pub const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];

/// Picks the delimiter that splits the first lines most consistently: the one
/// with the same non-zero field count on the most lines (quotes respected),
/// preferring more fields, then the order of [`DELIMITERS`].
pub fn sniff_delimiter(text: &str) -> u8 {
    let sample: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(30)
        .collect();
    let mut best = (b',', 0usize, 0usize); // (delimiter, lines agreeing with the header, fields)
    for &d in &DELIMITERS {
        let counts: Vec<usize> = sample.iter().map(|line| count_fields(line, d)).collect();
        let Some(&header) = counts.first() else {
            continue;
        };
        if header < 2 {
            continue;
        }
        let agreeing = counts.iter().filter(|&&c| c == header).count();
        if (agreeing, header) > (best.1, best.2) {
            best = (d, agreeing, header);
        }
    }
    best.0
}

/// Fields in one line for `delimiter`, ignoring delimiters inside quotes.
fn count_fields(line: &str, delimiter: u8) -> usize {
    let mut in_quotes = false;
    let mut fields = 1;
    for &b in line.as_bytes() {
        match b {
            b'"' => in_quotes = !in_quotes,
            _ if b == delimiter && !in_quotes => fields += 1,
            _ => {}
        }
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_bom_is_stripped_and_reported() {
        let d = decode(b"\xEF\xBB\xBFYear,Value\n2020,1\n");
        assert_eq!(d.encoding, TextEncoding::Utf8Bom);
        assert!(d.text.starts_with("Year"));
    }

    #[test]
    fn utf16le_with_bom_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "jaar;waarde\r\n2020;1,5\r\n".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let d = decode(&bytes);
        assert_eq!(d.encoding, TextEncoding::Utf16Le);
        assert_eq!(d.text, "jaar;waarde\n2020;1,5\n");
        assert_eq!(d.line_ending, LineEnding::CrLf);
    }

    #[test]
    fn utf16be_with_bom_is_decoded() {
        let mut bytes = vec![0xFE, 0xFF];
        for unit in "a,b\n".encode_utf16() {
            bytes.extend_from_slice(&unit.to_be_bytes());
        }
        assert_eq!(decode(&bytes).text, "a,b\n");
    }

    #[test]
    fn invalid_utf8_falls_back_to_windows_1252() {
        // "Südfeld;12" in Windows-1252: ü is 0xFC.
        let d = decode(b"S\xFCdfeld;12\n");
        assert_eq!(d.encoding, TextEncoding::Windows1252);
        assert_eq!(d.text, "Südfeld;12\n");
    }

    #[test]
    fn bare_cr_line_endings_become_lf() {
        let d = decode(b"Year,Value\r2019,1\r2020,2");
        assert_eq!(d.line_ending, LineEnding::Cr);
        assert_eq!(d.text.lines().count(), 3);
    }

    #[test]
    fn delimiter_sniffing_handles_semicolons_with_decimal_commas_and_quotes() {
        assert_eq!(
            sniff_delimiter("jaar;wijk;waarde\n2020;Noord;1,5\n2021;Zuid;2,5\n"),
            b';'
        );
        assert_eq!(
            sniff_delimiter("Year,Sector,Value\n2017,\"Agriculture, Forestry\",3\n"),
            b','
        );
        assert_eq!(sniff_delimiter("year\tvalue\n2020\t1.5\n"), b'\t');
        assert_eq!(sniff_delimiter("indicator|year|value\nx|2020|1,5\n"), b'|');
    }
}
