//! The site's own files (CSS, JS, wasm, fonts, icons): one table loaded at
//! start, from the files built into the binary (feature `embed-site`) or
//! else from the site folder on disk, then served the same way either way:
//! content-hashed names cached for a year, brotli/gzip bodies made once,
//! ETags and 304s. [`etag`] gives pages ETags too.

pub mod asset;
pub mod etag;
pub mod page_cache;
mod serve;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::body::Bytes;
use leptos::config::LeptosOptions;

pub use asset::{Asset, Encoding};
pub use serve::fallback;

#[cfg(feature = "embed-site")]
mod embedded {
    include!(concat!(env!("OUT_DIR"), "/site_files.rs"));
}

/// How long a browser keeps a file under its plain name (pages cached
/// before a deploy still ask for it) before asking again.
pub const SHORT_CACHE: &str = "public, max-age=300";
/// Hashed names never change content.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// A file of the table and how long it may be cached.
#[derive(Debug, Clone)]
pub struct Entry {
    pub asset: Arc<Asset>,
    /// `true` for the content-hashed name.
    pub immutable: bool,
}

/// Every site file by the path it is served at (without the leading `/`).
#[derive(Debug, Clone, Default)]
pub struct Site {
    files: HashMap<String, Entry>,
    /// The hashed names of `pkg/{output}.css|js|wasm`, by extension.
    hashed: HashMap<&'static str, String>,
    output_name: String,
}

impl Site {
    /// The site to serve: the files built into the binary if it has them,
    /// else the site folder `options.site_root` (a missing folder gives an
    /// empty table: pages still render, with the plain file names).
    pub fn load(options: &LeptosOptions) -> Site {
        #[cfg(feature = "embed-site")]
        {
            tracing::info!(
                files = embedded::SITE_FILES.len(),
                "serving the site files built into the binary"
            );
            Site::from_files(
                embedded::SITE_FILES
                    .iter()
                    .map(|(name, bytes)| ((*name).to_owned(), Bytes::from_static(bytes))),
                &options.output_name,
            )
        }
        #[cfg(not(feature = "embed-site"))]
        {
            let root = PathBuf::from(options.site_root.as_ref());
            let site = Site::from_dir(&root, &options.output_name);
            if site.files.is_empty() {
                tracing::warn!(site_root = %root.display(), "no site files found: pages are served without styles and islands. Build them with scripts/build-site.sh, set LEPTOS_SITE_ROOT, or build with --features embed-site");
            } else {
                tracing::info!(site_root = %root.display(), files = site.files.len(), "serving the site files from disk");
            }
            site
        }
    }

    /// The files of a site folder (unreadable files are skipped with a warning).
    pub fn from_dir(root: &Path, output_name: &str) -> Site {
        let mut files = Vec::new();
        collect(root, root, &mut files);
        Site::from_files(files, output_name)
    }

    /// The table of `(path under the site root, bytes)`; `.br`/`.gz` files
    /// are taken as the compressed bodies of the file they belong to.
    pub fn from_files(files: impl IntoIterator<Item = (String, Bytes)>, output_name: &str) -> Site {
        let mut plain = Vec::new();
        let mut copies: HashMap<String, Bytes> = HashMap::new();
        for (name, bytes) in files {
            if name.ends_with(".br") || name.ends_with(".gz") {
                copies.insert(name, bytes);
            } else {
                plain.push((name, bytes));
            }
        }
        let mut site = Site {
            output_name: output_name.to_owned(),
            ..Site::default()
        };
        for (name, bytes) in plain {
            let br = copies.remove(&format!("{name}.br"));
            let gz = copies.remove(&format!("{name}.gz"));
            let asset = Arc::new(Asset::new(&name, bytes, br, gz));
            for extension in ["css", "js", "wasm"] {
                if name == format!("pkg/{output_name}.{extension}") {
                    let hashed = format!("pkg/{output_name}.{}.{extension}", asset.hash);
                    site.files.insert(
                        hashed.clone(),
                        Entry {
                            asset: asset.clone(),
                            immutable: true,
                        },
                    );
                    site.hashed.insert(extension, hashed);
                }
            }
            site.files.insert(
                name,
                Entry {
                    asset,
                    immutable: false,
                },
            );
        }
        site
    }

    /// The file served at `path` (with or without its leading `/`).
    pub fn get(&self, path: &str) -> Option<&Entry> {
        self.files.get(path.trim_start_matches('/'))
    }

    /// Every path the table serves, hashed names included (the static export
    /// writes these).
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.files.keys().map(String::as_str)
    }

    /// The hashed path of `pkg/{output}.{extension}`, if the site has it.
    pub fn hashed(&self, extension: &str) -> Option<&str> {
        self.hashed.get(extension).map(String::as_str)
    }

    /// The stylesheet's hashed address for pages, if the site has one (else
    /// pages link the plain name).
    pub fn stylesheet_href(&self) -> Option<String> {
        self.hashed("css").map(|path| format!("/{path}"))
    }

    /// Makes leptos' `<HydrationScripts>` ask for the hashed JS and wasm: it
    /// reads `js: <hash>` and `wasm: <hash>` from `options.hash_file`
    /// (joined to the binary's folder, so an absolute path is used as is),
    /// written here into the data folder. Without both files, or if the
    /// file cannot be written, pages keep the plain names.
    pub fn configure(&self, options: &mut LeptosOptions, data_dir: &Path) {
        let (Some(js), Some(wasm)) = (self.hash_of("js"), self.hash_of("wasm")) else {
            return;
        };
        let data_dir = std::path::absolute(data_dir).unwrap_or_else(|_| data_dir.to_path_buf());
        let path = data_dir.join("site-hashes.txt");
        let text = format!("js: {js}\nwasm: {wasm}\n");
        // Written whole then renamed: a page rendering meanwhile never reads
        // half a file.
        let temporary = data_dir.join(format!(".site-hashes.{}.txt", std::process::id()));
        let written = std::fs::read_to_string(&path).is_ok_and(|old| old == text)
            || std::fs::write(&temporary, &text)
                .and_then(|()| std::fs::rename(&temporary, &path))
                .map_err(|err| {
                    tracing::warn!(%err, path = %path.display(), "could not write the site's hash file; pages link the plain (short-cached) file names");
                })
                .is_ok();
        if written {
            options.hash_files = true;
            options.hash_file = path.to_string_lossy().as_ref().into();
        }
    }

    fn hash_of(&self, extension: &str) -> Option<&str> {
        let name = format!("pkg/{}.{extension}", self.output_name);
        self.get(&name).map(|entry| entry.asset.hash.as_str())
    }

    /// Compresses every file on a blocking thread now, so the first visitor
    /// does not wait for it (needs a tokio runtime; without one, files are
    /// compressed on first request).
    pub fn warm(&self) {
        let Ok(runtime) = tokio::runtime::Handle::try_current() else {
            return;
        };
        let assets: Vec<Arc<Asset>> = self
            .files
            .values()
            .filter(|entry| !entry.immutable)
            .map(|entry| entry.asset.clone())
            .collect();
        runtime.spawn_blocking(move || {
            for asset in assets {
                asset.body(Encoding::Brotli);
                asset.body(Encoding::Gzip);
            }
        });
    }
}

/// Every file below `dir` as (path under `root` with `/`, bytes).
fn collect(root: &Path, dir: &Path, files: &mut Vec<(String, Bytes)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let path: PathBuf = entry.path();
        if path.is_dir() {
            collect(root, &path, files);
            continue;
        }
        let Ok(relative) = path.strip_prefix(root) else {
            continue;
        };
        let name = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        match std::fs::read(&path) {
            Ok(bytes) => files.push((name, Bytes::from(bytes))),
            Err(err) => {
                tracing::warn!(%err, path = %path.display(), "a site file could not be read; it is not served")
            }
        }
    }
}
