//! Page sets shared by the benches: the bundled corpus, and the
//! scrapinghub benchmark pages when `../shared/bench` is present.

// Each bench uses only some of these helpers.
#![allow(dead_code)]

use std::io::Read;
use std::path::{Path, PathBuf};

/// One page: its name and raw bytes.
pub type Page = (String, Vec<u8>);

/// The `.html` pages of the bundled corpus, sorted by name.
pub fn corpus() -> Vec<Page> {
    html_pages(&Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"))
}

/// Where the scrapinghub pages are: `$DECHAFF_BENCH_DIR/scrapinghub/html`,
/// else `../shared/bench/scrapinghub/html` beside the repository.
pub fn scrapinghub_dir() -> PathBuf {
    let base = std::env::var_os("DECHAFF_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bench"));
    base.join("scrapinghub/html")
}

/// The scrapinghub pages (gunzipped), sorted by id; empty when the data is
/// not there, so the benches still run on a bare checkout.
pub fn scrapinghub() -> Vec<Page> {
    html_pages(&scrapinghub_dir())
}

/// The `.html` and `.html.gz` pages of a directory, sorted by name.
pub fn html_pages(dir: &Path) -> Vec<Page> {
    let mut pages: Vec<Page> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let path = e.path();
            let name = path.file_name()?.to_str()?.to_owned();
            let (stem, gz) = if let Some(s) = name.strip_suffix(".html.gz") {
                (s.to_owned(), true)
            } else {
                (name.strip_suffix(".html")?.to_owned(), false)
            };
            let raw = std::fs::read(&path).ok()?;
            let bytes = if gz {
                let mut out = Vec::with_capacity(raw.len() * 4);
                flate2::read::MultiGzDecoder::new(&raw[..])
                    .read_to_end(&mut out)
                    .ok()?;
                out
            } else {
                raw
            };
            Some((stem, bytes))
        })
        .collect();
    pages.sort();
    pages
}

/// One `.html` or `.html.gz` file's bytes (gunzipped).
pub fn read_page(path: &Path) -> Option<Vec<u8>> {
    let raw = std::fs::read(path).ok()?;
    if !path.to_string_lossy().ends_with(".gz") {
        return Some(raw);
    }
    let mut out = Vec::with_capacity(raw.len() * 4);
    flate2::read::MultiGzDecoder::new(&raw[..])
        .read_to_end(&mut out)
        .ok()?;
    Some(out)
}

/// Total bytes of HTML in a page set.
pub fn total_bytes(pages: &[Page]) -> u64 {
    pages.iter().map(|(_, b)| b.len() as u64).sum()
}
