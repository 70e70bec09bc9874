//! With the `embed-site` feature: lists every file of the built site
//! (`target/site`, or `LOCALGOALS_SITE_DIR`) into `$OUT_DIR/site_files.rs`
//! as `include_bytes!`, so the binary carries its CSS, JS, wasm and fonts.
//! Without the feature it does nothing, so `cargo test -p server` needs no
//! built site.

use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=LOCALGOALS_SITE_DIR");
    if std::env::var_os("CARGO_FEATURE_EMBED_SITE").is_none() {
        return;
    }
    let manifest = PathBuf::from(
        std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"),
    );
    let site = std::env::var_os("LOCALGOALS_SITE_DIR")
        .map(PathBuf::from)
        .map(|dir| {
            if dir.is_absolute() {
                dir
            } else {
                manifest.join(dir)
            }
        })
        .unwrap_or_else(|| manifest.join("../target/site"));
    println!("cargo:rerun-if-changed={}", site.display());
    let mut files = Vec::new();
    if let Err(err) = walk(&site, &site, &mut files) {
        panic!(
            "\n\nthe `embed-site` feature puts the built site into the binary, but {} could not be read ({err}).\n\
             Build the site first with `scripts/build-site.sh --release` (or `scripts/build-site.sh`), \
             or point LOCALGOALS_SITE_DIR at a built site folder.\n\n",
            site.display()
        );
    }
    let has = |name: &str| files.iter().any(|(served, _)| served == name);
    if !has("pkg/localgoals.wasm") || !has("pkg/localgoals.js") || !has("pkg/localgoals.css") {
        panic!(
            "\n\nthe `embed-site` feature needs a built site, but {} has no pkg/localgoals.wasm, .js and .css.\n\
             Build the site first with `scripts/build-site.sh --release` (or `scripts/build-site.sh`).\n\n",
            site.display()
        );
    }
    files.sort();
    let mut code = String::from(
        "/// Every file of the built site: its path under the site root and its bytes.\n\
         pub static SITE_FILES: &[(&str, &[u8])] = &[\n",
    );
    for (served, path) in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        code.push_str(&format!(
            "    ({served:?}, include_bytes!({:?})),\n",
            path.display().to_string()
        ));
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("site_files.rs"), code).expect("writing site_files.rs");
}

/// Every file below `dir`, as (path relative to `root` with `/`, full path).
/// The brotli/gzip copies come along: the server checks them against their
/// file and uses them instead of compressing at start.
fn walk(root: &Path, dir: &Path, files: &mut Vec<(String, PathBuf)>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk(root, &path, files)?;
        } else if let Ok(relative) = path.strip_prefix(root) {
            let served = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            files.push((served, path));
        }
    }
    Ok(())
}
