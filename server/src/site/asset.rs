//! One site file held in memory: its bytes, content hash, type, and its
//! brotli and gzip bodies, made once (or taken from the build's `.br`/`.gz`
//! copies) so no request compresses a multi-megabyte wasm.

use std::io::{Read, Write};
use std::sync::OnceLock;

use axum::body::Bytes;
use sha2::{Digest, Sha256};

/// Brotli quality for compressing at start: a debug wasm of several MB
/// takes about a second; `scripts/build-site.sh --release` ships quality 11
/// copies, which are used instead.
const BROTLI_QUALITY: u32 = 6;
const BROTLI_WINDOW: u32 = 22;
/// Below this size compression saves less than its headers cost.
const COMPRESS_ABOVE: usize = 256;

/// A content coding a browser may accept, in the order the server prefers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Brotli,
    Gzip,
    Identity,
}

impl Encoding {
    /// The `Content-Encoding` value (none for identity).
    pub fn header(self) -> Option<&'static str> {
        match self {
            Encoding::Brotli => Some("br"),
            Encoding::Gzip => Some("gzip"),
            Encoding::Identity => None,
        }
    }

    /// Each coding of a file is its own representation, with its own ETag.
    fn etag_suffix(self) -> &'static str {
        match self {
            Encoding::Brotli => "-br",
            Encoding::Gzip => "-gz",
            Encoding::Identity => "",
        }
    }
}

/// A site file ready to serve.
#[derive(Debug)]
pub struct Asset {
    pub bytes: Bytes,
    /// The first 16 hex digits of the SHA-256 of `bytes`.
    pub hash: String,
    pub content_type: &'static str,
    brotli: OnceLock<Option<Bytes>>,
    gzip: OnceLock<Option<Bytes>>,
}

impl Asset {
    /// `name` is the path under the site root (its extension gives the type);
    /// `br`/`gz` are the build's compressed copies, used only if they
    /// decompress to exactly `bytes` (a stale copy is ignored).
    pub fn new(name: &str, bytes: Bytes, br: Option<Bytes>, gz: Option<Bytes>) -> Self {
        let hash = content_hash(&bytes);
        let content_type = content_type(name);
        let compressible = is_compressible(content_type) && bytes.len() > COMPRESS_ABOVE;
        let asset = Asset {
            bytes,
            hash,
            content_type,
            brotli: OnceLock::new(),
            gzip: OnceLock::new(),
        };
        if !compressible {
            let _ = asset.brotli.set(None);
            let _ = asset.gzip.set(None);
            return asset;
        }
        if let Some(br) = br.filter(|br| asset.matches(&unbrotli(br))) {
            let _ = asset.brotli.set(Some(br));
        } else {
            tracing::debug!(name, "no usable .br copy; compressing in-process");
        }
        if let Some(gz) = gz.filter(|gz| asset.matches(&ungzip(gz))) {
            let _ = asset.gzip.set(Some(gz));
        }
        asset
    }

    fn matches(&self, decoded: &Option<Vec<u8>>) -> bool {
        decoded.as_deref() == Some(&self.bytes[..])
    }

    /// Whether a compressed body exists or could be made.
    pub fn compressible(&self) -> bool {
        !matches!(
            (self.brotli.get(), self.gzip.get()),
            (Some(None), Some(None))
        )
    }

    /// Whether `encoding`'s body is ready without compressing.
    pub fn is_ready(&self, encoding: Encoding) -> bool {
        match encoding {
            Encoding::Brotli => self.brotli.get().is_some(),
            Encoding::Gzip => self.gzip.get().is_some(),
            Encoding::Identity => true,
        }
    }

    /// The body in `encoding`, compressing on first use (slow for a big
    /// file: call from a blocking thread). `None`: not worth compressing.
    pub fn body(&self, encoding: Encoding) -> Option<Bytes> {
        match encoding {
            Encoding::Identity => Some(self.bytes.clone()),
            Encoding::Brotli => self
                .brotli
                .get_or_init(|| smaller(&self.bytes, brotli(&self.bytes)))
                .clone(),
            Encoding::Gzip => self
                .gzip
                .get_or_init(|| smaller(&self.bytes, gzip(&self.bytes)))
                .clone(),
        }
    }

    /// The ETag of the body in `encoding`.
    pub fn etag(&self, encoding: Encoding) -> String {
        format!("\"{}{}\"", self.hash, encoding.etag_suffix())
    }
}

/// `bytes` in `encoding`, when that saves something (not for identity).
pub fn compress(bytes: &[u8], encoding: Encoding) -> Option<Bytes> {
    match encoding {
        Encoding::Brotli => smaller(bytes, brotli(bytes)),
        Encoding::Gzip => smaller(bytes, gzip(bytes)),
        Encoding::Identity => None,
    }
}

/// A compressed body only if it saves something.
fn smaller(plain: &[u8], compressed: Option<Vec<u8>>) -> Option<Bytes> {
    compressed
        .filter(|c| c.len() < plain.len())
        .map(Bytes::from)
}

/// The first 16 hex digits of SHA-256: names and ETags change with the
/// content and with nothing else.
pub fn content_hash(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

fn brotli(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(bytes.len() / 3);
    {
        let mut writer =
            brotli::CompressorWriter::new(&mut out, 64 * 1024, BROTLI_QUALITY, BROTLI_WINDOW);
        writer.write_all(bytes).ok()?;
        writer.flush().ok()?;
    }
    Some(out)
}

fn gzip(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(
        Vec::with_capacity(bytes.len() / 3),
        flate2::Compression::new(6),
    );
    encoder.write_all(bytes).ok()?;
    encoder.finish().ok()
}

fn unbrotli(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    brotli::Decompressor::new(bytes, 64 * 1024)
        .read_to_end(&mut out)
        .ok()?;
    Some(out)
}

fn ungzip(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut out)
        .ok()?;
    Some(out)
}

/// The `Content-Type` of a site file, by its extension.
pub fn content_type(name: &str) -> &'static str {
    let extension = name
        .rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "wasm" => "application/wasm",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "html" => "text/html; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "json" | "webmanifest" => "application/json",
        "txt" => "text/plain; charset=utf-8",
        "xml" => "application/xml",
        _ => "application/octet-stream",
    }
}

/// Text-like types shrink; images and woff2 fonts are compressed already.
pub fn is_compressible(content_type: &str) -> bool {
    content_type.starts_with("text/")
        || matches!(
            content_type,
            "application/wasm"
                | "image/svg+xml"
                | "application/json"
                | "application/xml"
                | "font/ttf"
                | "font/otf"
                | "image/x-icon"
        )
}

/// The coding to send for an `Accept-Encoding` value: brotli, then gzip,
/// among those the browser accepts (`q=0` refuses one).
pub fn negotiate(accept: &str, asset: &Asset) -> Encoding {
    preferred_encoding(accept, asset.compressible())
}

/// The coding to send for an `Accept-Encoding` value when a body has
/// compressed forms (`compressible`) or only its plain one.
pub fn preferred_encoding(accept: &str, compressible: bool) -> Encoding {
    let mut brotli = false;
    let mut gzip = false;
    for item in accept.split(',') {
        let mut parts = item.split(';');
        let coding = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
        let refused = parts.any(|p| {
            p.trim()
                .strip_prefix("q=")
                .and_then(|q| q.trim().parse::<f32>().ok())
                .is_some_and(|q| q <= 0.0)
        });
        if refused {
            continue;
        }
        match coding.as_str() {
            "br" => brotli = true,
            "gzip" | "x-gzip" => gzip = true,
            "*" => {
                brotli = true;
                gzip = true;
            }
            _ => {}
        }
    }
    if !compressible {
        Encoding::Identity
    } else if brotli {
        Encoding::Brotli
    } else if gzip {
        Encoding::Gzip
    } else {
        Encoding::Identity
    }
}
