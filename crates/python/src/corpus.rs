//! Corpus records from Python: the readers and the record writer of
//! `dechaff corpus`, compiled from crates/cli's own source files, so that a
//! record made here is the record the command line writes, byte for byte.
//!
//! Nothing is copied: the `#[path]` modules below are the files of
//! crates/cli/src/corpus. Their items that only the command line uses are
//! dead here, hence the `allow`s.

use std::sync::Arc;
use std::sync::atomic::AtomicU64;
use std::sync::mpsc::{Receiver, sync_channel};

use dechaff::{DEFAULT_MAX_BYTES, Extractor};

#[allow(dead_code)]
#[path = "../../cli/src/corpus/doc.rs"]
mod doc;
#[allow(dead_code)]
#[path = "../../cli/src/corpus/html_dir.rs"]
mod html_dir;
#[allow(dead_code)]
#[path = "../../cli/src/corpus/http.rs"]
mod http;
#[allow(dead_code)]
#[path = "../../cli/src/corpus/input.rs"]
mod input;
#[allow(dead_code)]
#[path = "../../cli/src/corpus/jsonl.rs"]
mod jsonl;
#[allow(dead_code)]
#[path = "../../cli/src/corpus/process.rs"]
mod process;
#[allow(dead_code)]
#[path = "../../cli/src/corpus/rewind.rs"]
mod rewind;
#[allow(dead_code)]
#[path = "../../cli/src/corpus/warc.rs"]
mod warc;

pub use input::Format;

/// Documents read ahead of the worker. Small, since one document may be
/// several MB: the reader thread only has to stay one step ahead.
const READ_AHEAD: usize = 8;

/// Settings of one corpus read, as the `dechaff corpus` flags of the same
/// names.
pub struct CorpusSettings {
    /// `--markdown`.
    pub markdown: bool,
    /// `--min-length`.
    pub min_length: usize,
    /// `--lang` (primary subtags).
    pub langs: Vec<String>,
    /// `--only-ok`.
    pub only_ok: bool,
    /// `--keep-non-200`.
    pub keep_non_200: bool,
    /// `--html-field`.
    pub html_field: String,
    /// `--id-field`.
    pub id_field: String,
    /// `--url-field`.
    pub url_field: String,
    /// `--input-format`.
    pub format: Option<Format>,
}

/// The records of one input, read on a thread of their own and extracted
/// on the caller's thread as they are asked for.
pub struct Records {
    events: Receiver<doc::Event>,
    settings: process::Settings,
}

impl Records {
    /// Starts reading `path` (a WARC, JSONL or HTML file, or a directory of
    /// pages), naming it `name` in the records' `source.file`. Fails only
    /// when the input does not exist or cannot be opened, as the command
    /// line does before any work.
    pub fn open(
        path: &str,
        name: Option<&str>,
        extractor: &Extractor,
        s: CorpusSettings,
    ) -> anyhow::Result<Records> {
        if path == "-" {
            anyhow::bail!("standard input (-) cannot be read from Python: give a path");
        }
        let mut inputs = input::expand(&[path.to_string()])?;
        let mut input = match inputs.len() {
            1 => inputs.remove(0),
            n => anyhow::bail!("{path} names {n} inputs: give one path per call"),
        };
        if let Some(name) = name {
            input.name = name.into();
        }
        // The same payload limit as `dechaff corpus` (one byte over the
        // extractor's limit, so that an oversized page is marked as such).
        let max_body = DEFAULT_MAX_BYTES + 1;
        let settings = process::Settings {
            extractor: extractor.clone(),
            markdown: s.markdown,
            min_length: s.min_length,
            langs: s
                .langs
                .iter()
                .map(|l| l.trim().to_ascii_lowercase())
                .collect(),
            only_ok: s.only_ok,
            html_field: s.html_field,
            id_field: s.id_field,
            url_field: s.url_field,
            max_body,
        };
        let read_opts = input::ReadOptions {
            format: s.format,
            warc: warc::WarcOptions {
                keep_non_200: s.keep_non_200,
                max_body,
            },
        };
        let (tx, rx) = sync_channel(READ_AHEAD);
        // The reader stops on its own once the receiver is dropped (the
        // Python iterator was let go): `send` then fails and the sink stops.
        std::thread::spawn(move || {
            let counter = Arc::new(AtomicU64::new(0));
            let mut send = |e| tx.send(e).is_ok();
            input::read(&input, &read_opts, &counter, &mut doc::Sink::new(&mut send));
        });
        Ok(Records {
            events: rx,
            settings,
        })
    }

    /// The next record's JSON line, without its newline; `None` at the end.
    pub fn next_line(&self) -> Option<String> {
        loop {
            match self.events.recv().ok()? {
                doc::Event::Other(_) => continue,
                doc::Event::Doc(d) => {
                    let mut line = process::process(d, &self.settings).line;
                    if line.is_empty() {
                        // Not written (`only_ok`), as on the command line.
                        continue;
                    }
                    line.pop();
                    // The record writer escapes &str values only: valid UTF-8.
                    return Some(
                        String::from_utf8(line)
                            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
                    );
                }
            }
        }
    }
}
