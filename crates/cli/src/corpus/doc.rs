//! What the readers hand to the workers ([`Event`], [`Doc`]) and what the
//! workers hand to the writer ([`Outcome`]).

use std::sync::Arc;

/// One thing found in an input, in input order.
// Nearly every event is a document, so boxing would only add an allocation.
#[allow(clippy::large_enum_variant)]
pub enum Event {
    /// A document: it gets one output record.
    Doc(Doc),
    /// A WARC record that is not a document (request, metadata, warcinfo,
    /// revisit...): counted by type in the summary, not written.
    Other(String),
}

/// The outcome of a document, as written in its record's `status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// Text extracted.
    Ok,
    /// Text extracted from part of the page (limit reached, record
    /// truncated, transfer decoding failed part way).
    Degraded,
    /// Not extracted or filtered out, on purpose (not HTML, too short...).
    Skipped,
    /// The record could not be read (corrupt, malformed, panic).
    Error,
}

impl Status {
    /// The name written in the output.
    pub fn name(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Degraded => "degraded",
            Status::Skipped => "skipped",
            Status::Error => "error",
        }
    }
}

/// A document's payload, in the form the reader found it; the worker
/// decodes it (so that decoding runs in parallel).
pub enum Body {
    /// No payload: the reader already decided ([`Doc::verdict`]).
    None,
    /// HTML bytes.
    Html(Vec<u8>),
    /// A gzip-compressed HTML file.
    GzipHtml(Vec<u8>),
    /// An HTTP response body, maybe chunked and content-encoded.
    Http {
        /// The body as stored.
        bytes: Vec<u8>,
        /// `Transfer-Encoding: chunked`.
        chunked: bool,
        /// The `Content-Encoding`, lower case, if any.
        encoding: Option<String>,
    },
    /// One JSONL line, parsed by the worker.
    JsonLine {
        /// The line, without its newline.
        line: Vec<u8>,
        /// Its 1-based line number.
        number: u64,
    },
}

impl Body {
    /// Payload size, to bound batches by bytes.
    pub fn len(&self) -> usize {
        match self {
            Body::None => 0,
            Body::Html(b) | Body::GzipHtml(b) => b.len(),
            Body::Http { bytes, .. } => bytes.len(),
            Body::JsonLine { line, .. } => line.len(),
        }
    }
}

/// A document read from an input.
pub struct Doc {
    /// Its id: WARC-Record-ID, the JSONL id field, or the file's path.
    pub id: Option<String>,
    /// Its URL, when known.
    pub url: Option<String>,
    /// The input file it came from.
    pub file: Arc<str>,
    /// Byte offset of its record in `file` (the gzip member for WARC.gz,
    /// the line in the decompressed stream for JSONL).
    pub offset: Option<u64>,
    /// The HTTP `Content-Type`, for its charset.
    pub content_type: Option<String>,
    /// The payload.
    pub body: Body,
    /// Set when the reader already knows the outcome (skipped or error)
    /// with its reason.
    pub verdict: Option<(Status, &'static str)>,
    /// Degradations the reader found (e.g. `truncated`).
    pub degraded: Vec<&'static str>,
    /// Details of an error, for the report on stderr.
    pub message: Option<String>,
}

impl Doc {
    /// A document from `file` at `offset`, with nothing else known yet.
    pub fn new(file: &Arc<str>, offset: Option<u64>) -> Doc {
        Doc {
            id: None,
            url: None,
            file: file.clone(),
            offset,
            content_type: None,
            body: Body::None,
            verdict: None,
            degraded: Vec::new(),
            message: None,
        }
    }

    /// An error record for `file` at `offset`.
    pub fn error(
        file: &Arc<str>,
        offset: Option<u64>,
        reason: &'static str,
        message: String,
    ) -> Doc {
        let mut d = Doc::new(file, offset);
        d.verdict = Some((Status::Error, reason));
        d.message = Some(message);
        d
    }

    /// Marks the document as decided: `status` with `reason`, no payload.
    pub fn decide(&mut self, status: Status, reason: &'static str) {
        self.verdict = Some((status, reason));
        self.body = Body::None;
    }
}

/// What a worker made of a document.
pub struct Outcome {
    /// The JSON line to write, newline included; empty when nothing is
    /// written (`--only-ok`).
    pub line: Vec<u8>,
    /// The document's status.
    pub status: Status,
    /// Why, for statuses other than `ok`.
    pub reason: Option<String>,
    /// Bytes of HTML given to the extractor.
    pub html_bytes: u64,
    /// An error report for stderr (file, offset, what went wrong).
    pub report: Option<String>,
}

/// Where readers send their events; remembers when the receiving end has
/// gone (the run is stopping), so that readers stop too.
pub struct Sink<'a> {
    send: &'a mut dyn FnMut(Event) -> bool,
    stopped: bool,
}

impl<'a> Sink<'a> {
    /// A sink over `send`, which returns false once nobody listens.
    pub fn new(send: &'a mut dyn FnMut(Event) -> bool) -> Self {
        Sink {
            send,
            stopped: false,
        }
    }

    /// Sends one event (dropped once stopped).
    pub fn emit(&mut self, event: Event) {
        if !self.stopped && !(self.send)(event) {
            self.stopped = true;
        }
    }

    /// Sends a document.
    pub fn doc(&mut self, doc: Doc) {
        self.emit(Event::Doc(doc));
    }

    /// Whether the receiving end has gone.
    pub fn stopped(&self) -> bool {
        self.stopped
    }
}
