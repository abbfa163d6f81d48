//! HTML inputs: a directory of `.html`, `.htm` and `.html.gz` pages, walked
//! recursively in name order, or one page.

use std::fs::{self, File};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use super::doc::{Body, Doc, Sink};

/// Whether a file name is a page this reader takes.
pub fn is_page(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    [".html", ".htm", ".html.gz", ".htm.gz"]
        .iter()
        .any(|ext| name.ends_with(ext))
}

/// A directory's entries, sorted by name, each with whether it is a
/// directory (symbolic links to directories are not followed, so a link
/// loop cannot trap the walk).
fn entries(dir: &Path) -> std::io::Result<Vec<(PathBuf, bool)>> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let is_dir = entry.file_type()?.is_dir();
        out.push((entry.path(), is_dir));
    }
    out.sort();
    Ok(out)
}

/// Reads every page under `root` into `sink`, depth first in name order.
/// A page's id is its path relative to `root`.
pub fn read_dir(root: &Path, max_bytes: usize, counter: &Arc<AtomicU64>, sink: &mut Sink) {
    // An explicit stack of sorted listings: no recursion over the tree.
    let mut stack = vec![Vec::new().into_iter()];
    match entries(root) {
        Ok(list) => stack[0] = list.into_iter(),
        Err(e) => {
            let file: Arc<str> = root.display().to_string().into();
            let msg = format!("{file}: cannot list: {e}");
            return sink.doc(Doc::error(&file, None, "read_error", msg));
        }
    }
    while let Some(top) = stack.last_mut() {
        if sink.stopped() {
            return;
        }
        let Some((path, is_dir)) = top.next() else {
            stack.pop();
            continue;
        };
        if is_dir {
            match entries(&path) {
                Ok(list) => stack.push(list.into_iter()),
                Err(e) => {
                    let file: Arc<str> = path.display().to_string().into();
                    let msg = format!("{file}: cannot list: {e}");
                    sink.doc(Doc::error(&file, None, "read_error", msg));
                }
            }
            continue;
        }
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if !is_page(name) {
            continue;
        }
        let id = path
            .strip_prefix(root)
            .unwrap_or(&path)
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        sink.doc(read_page(&path, id, max_bytes, counter));
    }
}

/// One page file as a document with the given id. Plain pages are read up
/// to `max_bytes`, gzip files up to four times that.
pub fn read_page(path: &Path, id: String, max_bytes: usize, counter: &Arc<AtomicU64>) -> Doc {
    let file: Arc<str> = path.display().to_string().into();
    let gz = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"));
    let cap = if gz {
        max_bytes.saturating_mul(4)
    } else {
        max_bytes
    };
    let mut bytes = Vec::new();
    let read = File::open(path).and_then(|f| f.take(cap as u64).read_to_end(&mut bytes));
    counter.fetch_add(bytes.len() as u64, Ordering::Relaxed);
    let mut doc = Doc::new(&file, None);
    doc.id = Some(id);
    match read {
        Err(e) => {
            let msg = format!("{file}: cannot read: {e}");
            Doc {
                id: doc.id,
                ..Doc::error(&file, None, "read_error", msg)
            }
        }
        Ok(_) => {
            doc.body = if gz {
                Body::GzipHtml(bytes)
            } else {
                Body::Html(bytes)
            };
            doc
        }
    }
}
