//! Inputs: expanding the command line (globs, stdin, directories), telling
//! formats apart (extension, `--input-format`, or the first bytes) and
//! handing each input to its reader.

use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicU64;

use anyhow::{Result, bail};

use super::doc::{Body, Doc, Sink};
use super::rewind::Rewind;
use super::{html_dir, jsonl, warc};

/// How long a line (JSONL) or a rewind window (WARC) may get.
const KEEP: usize = 64 << 20;

/// An input's container format.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// WARC, plain or gzip (one member per record).
    Warc,
    /// One JSON object per line, the HTML in a field.
    Jsonl,
    /// One HTML page.
    Html,
}

/// Where an input is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// Standard input.
    Stdin,
    /// A file.
    File(PathBuf),
    /// A directory of HTML pages.
    Dir(PathBuf),
}

/// One input of the run.
#[derive(Debug, Clone)]
pub struct Input {
    /// Where it is.
    pub location: Location,
    /// Its name in reports and output records.
    pub name: Arc<str>,
    /// Its size in bytes, when known up front.
    pub size: Option<u64>,
}

/// Settings of the readers.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Overrides the format told by extension or content.
    pub format: Option<Format>,
    /// WARC settings (also gives the payload byte limit).
    pub warc: warc::WarcOptions,
}

fn has_glob(s: &str) -> bool {
    s.contains(['*', '?', '['])
}

/// Expands the command line's inputs: `-` is stdin, existing paths are
/// taken as they are, other arguments with `*`, `?` or `[` are glob
/// patterns (matches sorted). Fails on a path that does not exist, a
/// pattern that matches nothing, or a file that cannot be opened, before
/// any work is done.
pub fn expand(args: &[String]) -> Result<Vec<Input>> {
    let mut out = Vec::new();
    for arg in args {
        if arg == "-" {
            if out.iter().any(|i: &Input| i.location == Location::Stdin) {
                bail!("standard input (-) is given twice");
            }
            out.push(Input {
                location: Location::Stdin,
                name: "-".into(),
                size: None,
            });
            continue;
        }
        let path = Path::new(arg);
        let paths = if path.exists() {
            vec![path.to_path_buf()]
        } else if has_glob(arg) {
            let mut found = Vec::new();
            let pattern =
                glob::glob(arg).map_err(|e| anyhow::anyhow!("bad glob pattern {arg}: {e}"))?;
            for p in pattern {
                found.push(p.map_err(|e| anyhow::anyhow!("{arg}: {e}"))?);
            }
            found.sort();
            if found.is_empty() {
                bail!("{arg}: no file matches");
            }
            found
        } else {
            bail!("{arg}: no such file or directory");
        };
        for p in paths {
            out.push(describe(p)?);
        }
    }
    Ok(out)
}

fn describe(path: PathBuf) -> Result<Input> {
    let name: Arc<str> = path.display().to_string().into();
    if path.is_dir() {
        std::fs::read_dir(&path).map_err(|e| anyhow::anyhow!("{name}: cannot list: {e}"))?;
        return Ok(Input {
            location: Location::Dir(path),
            name,
            size: None,
        });
    }
    let file = File::open(&path).map_err(|e| anyhow::anyhow!("{name}: cannot open: {e}"))?;
    let size = file.metadata().ok().map(|m| m.len());
    Ok(Input {
        location: Location::File(path),
        name,
        size,
    })
}

/// The format a file name says (`.warc`, `.warc.gz`, `.jsonl.zst`, ...).
pub fn format_from_name(name: &str) -> Option<Format> {
    let lower = name.to_ascii_lowercase();
    let base = [".gz", ".zst", ".zstd"]
        .iter()
        .find_map(|c| lower.strip_suffix(c))
        .unwrap_or(&lower);
    if base.ends_with(".warc") {
        Some(Format::Warc)
    } else if [".jsonl", ".ndjson", ".json"]
        .iter()
        .any(|e| base.ends_with(e))
    {
        Some(Format::Jsonl)
    } else if base.ends_with(".html") || base.ends_with(".htm") {
        Some(Format::Html)
    } else {
        None
    }
}

/// The name of an input's output shard, without extension.
pub fn shard_stem(input: &Input) -> String {
    let name = match &input.location {
        Location::Stdin => return "stdin".into(),
        Location::File(p) | Location::Dir(p) => {
            let p = p.canonicalize().unwrap_or_else(|_| p.clone());
            p.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| "root".into())
        }
    };
    if matches!(input.location, Location::Dir(_)) {
        return name;
    }
    let lower = name.to_ascii_lowercase();
    let mut cut = name.len();
    for ext in [".gz", ".zst", ".zstd"] {
        if lower[..cut].ends_with(ext) {
            cut -= ext.len();
            break;
        }
    }
    for ext in [".warc", ".jsonl", ".ndjson", ".json", ".html", ".htm"] {
        if lower[..cut].ends_with(ext) {
            cut -= ext.len();
            break;
        }
    }
    if cut == 0 {
        name
    } else {
        name[..cut].to_string()
    }
}

/// A stream's compression, from its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Compression {
    None,
    Gzip,
    Zstd,
}

fn compression(head: &[u8]) -> Compression {
    if head.starts_with(&[0x1f, 0x8b]) {
        Compression::Gzip
    } else if head.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
        Compression::Zstd
    } else {
        Compression::None
    }
}

/// Tells the format from the first decompressed bytes.
fn sniff<R: Read>(r: &mut Rewind<R>, comp: Compression) -> Format {
    let mut head = Vec::new();
    r.mark();
    let got = match comp {
        Compression::None => r.peek(512).map(|h| head.extend_from_slice(h)),
        Compression::Gzip => flate2::bufread::GzDecoder::new(&mut *r)
            .take(512)
            .read_to_end(&mut head)
            .map(drop),
        Compression::Zstd => zstd::stream::read::Decoder::with_buffer(&mut *r)
            .and_then(|d| d.take(512).read_to_end(&mut head))
            .map(drop),
    };
    r.rewind(0);
    // A stream too broken to sniff is read as HTML, which reports it.
    let _ = got;
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&head);
    let start = head.iter().position(|b| !b.is_ascii_whitespace());
    let head = &head[start.unwrap_or(head.len())..];
    if head.starts_with(b"WARC/") {
        Format::Warc
    } else if head.starts_with(b"{") {
        Format::Jsonl
    } else {
        Format::Html
    }
}

/// Reads one input into `sink`, adding the bytes read to `counter`.
pub fn read(input: &Input, opts: &ReadOptions, counter: &Arc<AtomicU64>, sink: &mut Sink) {
    let max = opts.warc.max_body;
    let stream: Box<dyn Read + Send> = match &input.location {
        Location::Dir(dir) => return html_dir::read_dir(dir, max, counter, sink),
        Location::Stdin => Box::new(io::stdin()),
        Location::File(path) => match File::open(path) {
            Ok(f) => Box::new(f),
            Err(e) => {
                let msg = format!("{}: cannot open: {e}", input.name);
                return sink.doc(Doc::error(&input.name, None, "read_error", msg));
            }
        },
    };
    let mut r = Rewind::new(stream, KEEP, counter.clone());
    let comp = match r.peek(4) {
        Ok(head) => compression(head),
        Err(e) => {
            let msg = format!("{}: cannot read: {e}", input.name);
            return sink.doc(Doc::error(&input.name, Some(0), "read_error", msg));
        }
    };
    let format = opts
        .format
        .or_else(|| format_from_name(&input.name).filter(|_| input.location != Location::Stdin))
        .unwrap_or_else(|| sniff(&mut r, comp));
    let file = &input.name;
    match (format, comp) {
        (Format::Warc, Compression::Zstd) => {
            // No member structure to resync on: read the decoded stream as
            // a plain WARC.
            match zstd::stream::read::Decoder::with_buffer(r) {
                Ok(d) => {
                    let mut inner = Rewind::new(d, KEEP, Arc::default());
                    warc::read(&mut inner, file, &opts.warc, sink);
                }
                Err(e) => sink.doc(zstd_error(file, &e)),
            }
        }
        (Format::Warc, _) => warc::read(&mut r, file, &opts.warc, sink),
        (Format::Jsonl, Compression::None) => jsonl::read(&mut r, file, KEEP, sink),
        (Format::Jsonl, Compression::Gzip) => {
            let mut d = BufReader::new(flate2::bufread::MultiGzDecoder::new(r));
            jsonl::read(&mut d, file, KEEP, sink);
        }
        (Format::Jsonl, Compression::Zstd) => match zstd::stream::read::Decoder::with_buffer(r) {
            Ok(d) => jsonl::read(&mut BufReader::new(d), file, KEEP, sink),
            Err(e) => sink.doc(zstd_error(file, &e)),
        },
        (Format::Html, comp) => sink.doc(html_doc(&mut r, file, comp, max, input)),
    }
}

fn zstd_error(file: &Arc<str>, e: &io::Error) -> Doc {
    let msg = format!("{file}: cannot start zstd decoding: {e}");
    Doc::error(file, Some(0), "read_error", msg)
}

/// A single page (a file or stdin) as a document.
fn html_doc<R: Read>(
    r: &mut Rewind<R>,
    file: &Arc<str>,
    comp: Compression,
    max: usize,
    input: &Input,
) -> Doc {
    let cap = if comp == Compression::None {
        max
    } else {
        max.saturating_mul(4)
    };
    let mut bytes = Vec::new();
    if let Err(e) = r.by_ref().take(cap as u64).read_to_end(&mut bytes) {
        let msg = format!("{file}: offset {}: cannot read: {e}", r.offset());
        return Doc::error(file, Some(r.offset()), "read_error", msg);
    }
    let mut doc = Doc::new(file, None);
    doc.id = Some(match &input.location {
        Location::File(p) => p.display().to_string(),
        _ => "-".into(),
    });
    doc.body = match comp {
        Compression::None => Body::Html(bytes),
        Compression::Gzip => Body::GzipHtml(bytes),
        Compression::Zstd => match zstd::stream::decode_all(&bytes[..]) {
            Ok(b) => Body::Html(b),
            Err(e) => {
                let msg = format!("{file}: cannot decode zstd: {e}");
                return Doc::error(file, Some(0), "read_error", msg);
            }
        },
    };
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(format_from_name("a/CC-1.warc.gz"), Some(Format::Warc));
        assert_eq!(format_from_name("x.WARC"), Some(Format::Warc));
        assert_eq!(format_from_name("x.jsonl.zst"), Some(Format::Jsonl));
        assert_eq!(format_from_name("x.html.gz"), Some(Format::Html));
        assert_eq!(format_from_name("x.bin"), None);
        let input = |p: &str| Input {
            location: Location::File(p.into()),
            name: p.into(),
            size: None,
        };
        assert_eq!(shard_stem(&input("/d/CC-00001.warc.gz")), "CC-00001");
        assert_eq!(shard_stem(&input("/d/part.jsonl.zst")), "part");
        assert_eq!(shard_stem(&input("/d/odd.bin")), "odd.bin");
    }
}
