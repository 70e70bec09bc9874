//! A bare HTTP/1.1 client for tests that run `localgoals` as a process:
//! one request per connection, the answer's status, headers and body.

#![allow(dead_code)] // each test binary uses its own part

use std::io::{Read, Write};
use std::net::TcpStream;

/// An HTTP/1.1 answer: status, headers (lower-case names) and body.
pub struct Answer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Answer {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn field(&self, name: &str) -> String {
        let marker = format!("name=\"{name}\" value=\"");
        self.body
            .split(&marker)
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap_or_else(|| panic!("no {name} field in {}", self.body))
            .to_owned()
    }
}

/// One request over a fresh connection (`Connection: close`).
pub fn request(
    address: &str,
    method: &str,
    path: &str,
    cookie: &str,
    body: Option<(&str, &[u8])>,
) -> std::io::Result<Answer> {
    let mut stream = TcpStream::connect(address)?;
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\nSec-Fetch-Site: same-origin\r\n"
    );
    if !cookie.is_empty() {
        head.push_str(&format!("Cookie: {cookie}\r\n"));
    }
    if let Some((kind, bytes)) = body {
        head.push_str(&format!(
            "Content-Type: {kind}\r\nContent-Length: {}\r\n",
            bytes.len()
        ));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    if let Some((_, bytes)) = body {
        stream.write_all(bytes)?;
    }
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw)?;
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_lowercase(), v.trim().to_owned()))
        .collect();
    Ok(Answer {
        status,
        headers,
        body: body.to_owned(),
    })
}

pub fn form(fields: &[(&str, &str)]) -> Vec<u8> {
    fields
        .iter()
        .map(|(k, v)| format!("{k}={}", app::escape::url_encode(v)))
        .collect::<Vec<_>>()
        .join("&")
        .into_bytes()
}

impl Answer {
    /// `name=value` of the cookie a `Set-Cookie` header sets, as a browser
    /// sends it back.
    pub fn cookie(&self, name: &str) -> Option<String> {
        self.headers
            .iter()
            .filter(|(n, _)| n == "set-cookie")
            .find_map(|(_, v)| v.strip_prefix(&format!("{name}=")))
            .and_then(|v| v.split(';').next())
            .map(|v| format!("{name}={v}"))
    }
}
