//! The built static files (`/pkg/…`: stylesheet, JavaScript, wasm), served from memory.
//!
//! At start the server reads the files once and names each by its content hash
//! (`spraktrappan.3f9a0c…css`). Pages link the hashed names, which are sent with
//! `Cache-Control: public, max-age=31536000, immutable`: a tablet downloads a file once per
//! release. The plain names keep working with `no-cache` and an `ETag`. Every file is
//! compressed once, with brotli and with gzip, and sent in the best encoding the browser
//! accepts (`Vary: Accept-Encoding`).
//!
//! The serving process does not compress. `server assets compress DIR` writes each file's
//! compressed forms beside it, named by its content hash (`spraktrappan.3f9a0c….wasm.br`); the
//! server runs that command as a child process when the files are missing, then reads them.
//! Brotli's working memory, which the allocator keeps once freed, would otherwise stay in the
//! server for good: 7 MB of an idle server's 43 MB.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use axum::body::Body;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

use app::state::AssetPaths;

/// Cache header of a hashed file: a year, never revalidated.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Cache header of a plain name: always revalidated (with the `ETag`).
pub const REVALIDATE: &str = "no-cache";

/// One file with its compressed forms.
#[derive(Debug)]
struct Asset {
    content_type: &'static str,
    etag: String,
    raw: Vec<u8>,
    gzip: OnceLock<Vec<u8>>,
    brotli: OnceLock<Vec<u8>>,
}

/// The files of the site's `pkg` directory, by name (hashed and plain).
#[derive(Debug, Clone, Default)]
pub struct Assets {
    by_name: Arc<HashMap<String, (Arc<Asset>, bool)>>,
    hashed_of: Arc<HashMap<String, String>>,
}

fn content_type(name: &str) -> &'static str {
    match name.rsplit_once('.').map(|(_, e)| e) {
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("svg") => "image/svg+xml",
        Some("json") => "application/json",
        _ => "application/octet-stream",
    }
}

/// `name.hash.ext` for `name.ext`.
fn hashed_name(name: &str, hash: &str) -> String {
    match name.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}.{hash}.{ext}"),
        None => format!("{name}.{hash}"),
    }
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    if enc.write_all(bytes).is_err() {
        return Vec::new();
    }
    enc.finish().unwrap_or_default()
}

/// The brotli window for `len` bytes: the smallest that holds the whole file (from 1 KiB to
/// 4 MiB). A larger window finds nothing more, and its match tables cost memory that the
/// server kept for good (a 4 MiB window took its idle memory from 45 MB to 137 MB).
fn brotli_window(len: usize) -> i32 {
    let bits = usize::BITS - len.max(1).saturating_sub(1).leading_zeros();
    i32::try_from(bits.clamp(10, 22)).unwrap_or(22)
}

fn brotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: brotli_window(bytes.len()),
        ..Default::default()
    };
    let mut input = bytes;
    if brotli::BrotliCompress(&mut input, &mut out, &params).is_err() {
        return Vec::new();
    }
    out
}

impl Assets {
    /// Reads every file of `pkg_dir` (an empty set if it does not exist, e.g. in tests) and
    /// compresses them in the background, in this process.
    pub fn load(pkg_dir: &Path) -> Self {
        let assets = Self::read(pkg_dir);
        let background = assets.clone();
        std::thread::spawn(move || background.compress_all());
        assets
    }

    /// Reads every file of `pkg_dir` and, in the background, their compressed forms beside
    /// them; those that are missing are first written by `exe assets compress pkg_dir` (a
    /// child process, see the module's text). If that fails (e.g. the directory cannot be
    /// written), this process compresses what is still missing.
    pub fn load_compressed_apart(pkg_dir: &Path, exe: PathBuf) -> Self {
        let assets = Self::read(pkg_dir);
        let background = assets.clone();
        let dir = pkg_dir.to_path_buf();
        std::thread::spawn(move || {
            if !background.read_compressed(&dir) {
                let status = std::process::Command::new(&exe)
                    .args(["assets", "compress"])
                    .arg(&dir)
                    .stdout(std::process::Stdio::null())
                    .status();
                if !matches!(status, Ok(s) if s.success()) || !background.read_compressed(&dir) {
                    tracing::warn!(
                        ?status,
                        dir = %dir.display(),
                        "the static files' compressed forms could not be written: compressing them in the server"
                    );
                    background.compress_all();
                }
            }
        });
        assets
    }

    /// Reads the compressed forms written beside the files; true when none is missing.
    fn read_compressed(&self, dir: &Path) -> bool {
        let mut all = true;
        for (name, (asset, hashed)) in self.by_name.iter() {
            if !*hashed {
                continue;
            }
            for (suffix, cell) in [("br", &asset.brotli), ("gz", &asset.gzip)] {
                match std::fs::read(dir.join(format!("{name}.{suffix}"))) {
                    Ok(bytes) => {
                        let _ = cell.set(bytes);
                    }
                    Err(_) => all = false,
                }
            }
        }
        all
    }

    /// Writes the compressed forms of every file of `pkg_dir` that lacks them (each by way of
    /// a temporary file, so that a reader never sees half of one), and removes those of files
    /// that are no longer there. Returns how many it wrote.
    pub fn write_compressed(pkg_dir: &Path) -> std::io::Result<usize> {
        let assets = Self::read(pkg_dir);
        let mut written = 0;
        for (name, (asset, hashed)) in assets.by_name.iter() {
            if !*hashed {
                continue;
            }
            for (suffix, pack) in [("br", brotli as fn(&[u8]) -> Vec<u8>), ("gz", gzip)] {
                let path = pkg_dir.join(format!("{name}.{suffix}"));
                if path.exists() {
                    continue;
                }
                let bytes = pack(&asset.raw);
                if bytes.is_empty() {
                    return Err(std::io::Error::other(format!("{name}: not compressed")));
                }
                let part = pkg_dir.join(format!("{name}.{suffix}.part"));
                std::fs::write(&part, bytes)?;
                std::fs::rename(&part, &path)?;
                written += 1;
            }
        }
        for entry in std::fs::read_dir(pkg_dir)?.flatten() {
            let file = entry.file_name();
            let Some(file) = file.to_str() else { continue };
            let Some(stem) = file
                .strip_suffix(".br")
                .or_else(|| file.strip_suffix(".gz"))
            else {
                continue;
            };
            if !matches!(assets.by_name.get(stem), Some((_, true))) {
                std::fs::remove_file(entry.path())?;
            }
        }
        Ok(written)
    }

    /// Reads every file of `pkg_dir`, without compressing.
    fn read(pkg_dir: &Path) -> Self {
        let mut by_name = HashMap::new();
        let mut hashed_of = HashMap::new();
        let entries = std::fs::read_dir(pkg_dir).into_iter().flatten().flatten();
        for entry in entries {
            let path = entry.path();
            let (Some(name), Ok(raw)) = (
                path.file_name().and_then(|n| n.to_str()).map(str::to_owned),
                std::fs::read(&path),
            ) else {
                continue;
            };
            if name.ends_with(".gz") || name.ends_with(".br") || name.ends_with(".part") {
                continue;
            }
            let hash = hex::encode(&Sha256::digest(&raw)[..10]);
            let asset = Arc::new(Asset {
                content_type: content_type(&name),
                etag: format!("\"{hash}\""),
                raw,
                gzip: OnceLock::new(),
                brotli: OnceLock::new(),
            });
            let hashed = hashed_name(&name, &hash);
            by_name.insert(hashed.clone(), (asset.clone(), true));
            by_name.insert(name.clone(), (asset, false));
            hashed_of.insert(name, hashed);
        }
        Self {
            by_name: Arc::new(by_name),
            hashed_of: Arc::new(hashed_of),
        }
    }

    /// Compresses every file now (the server does it in the background at start).
    pub fn compress_all(&self) {
        for (asset, hashed) in self.by_name.values() {
            if *hashed {
                asset.gzip.get_or_init(|| gzip(&asset.raw));
                asset.brotli.get_or_init(|| brotli(&asset.raw));
            }
        }
    }

    /// The URL of `name` under `/pkg`: hashed when the file is known, else plain.
    fn url(&self, name: &str) -> String {
        let file = self.hashed_of.get(name).map_or(name, String::as_str);
        format!("/pkg/{file}")
    }

    /// The URLs the pages link for the build named `output_name`.
    pub fn paths(&self, output_name: &str) -> AssetPaths {
        let wasm = if self.by_name.contains_key(&format!("{output_name}.wasm")) {
            format!("{output_name}.wasm")
        } else {
            format!("{output_name}_bg.wasm")
        };
        AssetPaths {
            css: self.url(&format!("{output_name}.css")),
            js: self.url(&format!("{output_name}.js")),
            wasm: self.url(&wasm),
        }
    }

    /// The response for `name` given the request's headers.
    pub fn respond(&self, name: &str, headers: &HeaderMap) -> Response {
        let Some((asset, hashed)) = self.by_name.get(name) else {
            return StatusCode::NOT_FOUND.into_response();
        };
        let cache = if *hashed { IMMUTABLE } else { REVALIDATE };
        let not_modified = headers
            .get(header::IF_NONE_MATCH)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.split(',').any(|t| t.trim() == asset.etag));
        let mut builder = Response::builder()
            .header(header::CACHE_CONTROL, cache)
            .header(header::ETAG, asset.etag.as_str())
            .header(header::VARY, "Accept-Encoding");
        if not_modified {
            return builder
                .status(StatusCode::NOT_MODIFIED)
                .body(Body::empty())
                .unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response());
        }
        let accepts = |coding: &str| {
            headers
                .get(header::ACCEPT_ENCODING)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| {
                    v.split(',').any(|part| {
                        let mut it = part.split(';');
                        let name = it.next().unwrap_or_default().trim();
                        let refused = it.any(|q| matches!(q.trim(), "q=0" | "q=0.0" | "q=0.00"));
                        name.eq_ignore_ascii_case(coding) && !refused
                    })
                })
        };
        let (body, encoding) = match (asset.brotli.get(), asset.gzip.get()) {
            (Some(br), _) if !br.is_empty() && accepts("br") => (br.clone(), Some("br")),
            (_, Some(gz)) if !gz.is_empty() && accepts("gzip") => (gz.clone(), Some("gzip")),
            _ => (asset.raw.clone(), None),
        };
        if let Some(encoding) = encoding {
            builder = builder.header(header::CONTENT_ENCODING, encoding);
        }
        builder
            .header(
                header::CONTENT_TYPE,
                HeaderValue::from_static(asset.content_type),
            )
            .header(header::CONTENT_LENGTH, body.len())
            .body(Body::from(body))
            .unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_brotli_window_is_the_smallest_that_holds_the_file() {
        assert_eq!(brotli_window(0), 10);
        assert_eq!(brotli_window(1024), 10);
        assert_eq!(brotli_window(1025), 11);
        assert_eq!(brotli_window(356_440), 19);
        assert_eq!(brotli_window(1 << 19), 19);
        assert_eq!(brotli_window(100 << 20), 22);
        let text = "språktrappan ".repeat(40_000);
        let packed = brotli(text.as_bytes());
        let mut back = vec![];
        let mut input = &packed[..];
        assert!(brotli::BrotliDecompress(&mut input, &mut back).is_ok());
        assert_eq!(
            back,
            text.as_bytes(),
            "what the browser unpacks is the file"
        );
    }

    fn assets_with(files: &[(&str, &[u8])]) -> (tempdir::Dir, Assets) {
        let dir = tempdir::Dir::new();
        for (name, bytes) in files {
            std::fs::write(dir.path().join(name), bytes).expect("write");
        }
        let assets = Assets::load(dir.path());
        assets.compress_all();
        (dir, assets)
    }

    mod tempdir {
        pub struct Dir(std::path::PathBuf);
        impl Dir {
            pub fn new() -> Self {
                let p = std::env::temp_dir().join(format!(
                    "spraktrappan-assets-{}-{}",
                    std::process::id(),
                    rand_suffix()
                ));
                std::fs::create_dir_all(&p).expect("mkdir");
                Dir(p)
            }
            pub fn path(&self) -> &std::path::Path {
                &self.0
            }
        }
        impl Drop for Dir {
            fn drop(&mut self) {
                let _ = std::fs::remove_dir_all(&self.0);
            }
        }
        fn rand_suffix() -> u64 {
            use std::time::{SystemTime, UNIX_EPOCH};
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map(|d| d.as_nanos() as u64)
                .unwrap_or_default()
        }
    }

    fn get(assets: &Assets, name: &str, accept: &str) -> Response {
        let mut h = HeaderMap::new();
        h.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_str(accept).expect("header"),
        );
        assets.respond(name, &h)
    }

    #[test]
    fn pages_link_hashed_names_that_are_cached_as_immutable() {
        let css = b"body { color: black; }".repeat(50);
        let (_d, assets) = assets_with(&[("app.css", &css), ("app.js", b"export {}")]);
        let paths = assets.paths("app");
        assert!(paths.css.starts_with("/pkg/app.") && paths.css.ends_with(".css"));
        assert_ne!(paths.css, "/pkg/app.css");
        let hashed = paths.css.trim_start_matches("/pkg/");
        let res = get(&assets, hashed, "");
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(res.headers()[header::CACHE_CONTROL], IMMUTABLE);
        let plain = get(&assets, "app.css", "");
        assert_eq!(plain.headers()[header::CACHE_CONTROL], REVALIDATE);
    }

    #[test]
    fn the_best_accepted_encoding_is_sent() {
        let css = b"body { color: black; }".repeat(50);
        let (_d, assets) = assets_with(&[("app.css", &css)]);
        let br = get(&assets, "app.css", "gzip, deflate, br");
        assert_eq!(br.headers()[header::CONTENT_ENCODING], "br");
        assert_eq!(br.headers()[header::VARY], "Accept-Encoding");
        let gz = get(&assets, "app.css", "gzip");
        assert_eq!(gz.headers()[header::CONTENT_ENCODING], "gzip");
        let refused = get(&assets, "app.css", "br;q=0, gzip;q=0");
        assert!(refused.headers().get(header::CONTENT_ENCODING).is_none());
        let none = get(&assets, "app.css", "");
        assert!(none.headers().get(header::CONTENT_ENCODING).is_none());
        assert_eq!(
            none.headers()[header::CONTENT_LENGTH],
            css.len().to_string()
        );
    }

    #[test]
    fn compressed_forms_are_written_beside_the_files_once_and_served() {
        let css = b"body { color: black; }".repeat(50);
        let (dir, _) = assets_with(&[("app.css", &css), ("old.css.br", b"stale")]);
        std::fs::write(dir.path().join("app.0000.css.gz"), b"stale").expect("write");
        assert_eq!(Assets::write_compressed(dir.path()).expect("write"), 2);
        let mut names: Vec<String> = std::fs::read_dir(dir.path())
            .expect("dir")
            .flatten()
            .filter_map(|e| e.file_name().to_str().map(str::to_owned))
            .collect();
        names.sort_by_key(|n| (n.ends_with(".gz"), n.ends_with(".br")));
        assert_eq!(names.len(), 3, "the file and its two forms: {names:?}");
        assert!(
            names[0] == "app.css" && names[1].ends_with(".css.br") && names[2].ends_with(".css.gz"),
            "{names:?}"
        );
        assert_eq!(
            Assets::write_compressed(dir.path()).expect("again"),
            0,
            "written once"
        );
        // Read back (as the server does after the command), they are what is sent.
        let assets = Assets::read(dir.path());
        assert!(assets.read_compressed(dir.path()));
        let br = get(&assets, "app.css", "br");
        assert_eq!(br.headers()[header::CONTENT_ENCODING], "br");
        let packed = std::fs::read(dir.path().join(&names[1])).expect("read");
        assert_eq!(
            br.headers()[header::CONTENT_LENGTH],
            packed.len().to_string()
        );
        let mut back = vec![];
        assert!(brotli::BrotliDecompress(&mut &packed[..], &mut back).is_ok());
        assert_eq!(back, css);
        // A directory without them reads none.
        let (bare, _) = assets_with(&[("app.css", &css)]);
        assert!(!Assets::read(bare.path()).read_compressed(bare.path()));
    }

    #[test]
    fn a_known_etag_gets_not_modified_and_an_unknown_file_not_found() {
        let (_d, assets) = assets_with(&[("app.js", b"export {}")]);
        let first = get(&assets, "app.js", "");
        let etag = first.headers()[header::ETAG].clone();
        let mut h = HeaderMap::new();
        h.insert(header::IF_NONE_MATCH, etag);
        assert_eq!(
            assets.respond("app.js", &h).status(),
            StatusCode::NOT_MODIFIED
        );
        assert_eq!(get(&assets, "nope.js", "").status(), StatusCode::NOT_FOUND);
    }
}
