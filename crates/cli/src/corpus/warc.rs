//! A streaming WARC reader (WARC/1.0 and 1.1), plain or gzip-compressed
//! with one member per record, that survives corrupt input.
//!
//! In a WARC.gz each gzip member is decoded on its own. A member that fails
//! (bad deflate data, checksum mismatch) is reported with its offset, and
//! reading resumes at the next gzip header found after the member's first
//! byte; a candidate header counts only if it decodes to a WARC record, so
//! a stray `1f 8b 08` inside compressed data costs a few bytes of work.
//! Records are handed on only once their member's checksum is verified. In a
//! plain WARC, a record whose content does not end where `Content-Length`
//! says is reported, and reading resumes at the next `WARC/` line after
//! the record's first byte.

use std::io::{self, BufRead, BufReader, Read};
use std::sync::Arc;

use flate2::bufread::GzDecoder;

use super::doc::{Body, Doc, Event, Sink, Status};
use super::http;
use super::rewind::Rewind;

/// The start of a gzip member: magic and the deflate method.
const GZIP_MAGIC: [u8; 3] = [0x1f, 0x8b, 0x08];
/// The longest WARC or HTTP header line accepted.
const MAX_LINE: usize = 64 * 1024;
/// The largest WARC header block accepted.
const MAX_HEADER: usize = 1 << 20;
/// The largest HTTP response head accepted.
const MAX_HTTP_HEAD: usize = 256 * 1024;
/// Records of a member are held until its checksum is verified, up to this
/// many payload bytes (only members holding many records reach it).
const HOLD: usize = 64 << 20;

/// Settings of the WARC reader.
#[derive(Debug, Clone)]
pub struct WarcOptions {
    /// Keep responses whose HTTP status is not 200.
    pub keep_non_200: bool,
    /// The most payload bytes kept per record; the rest is skipped.
    pub max_body: usize,
}

/// Whether a stream starts with a gzip member.
pub fn is_gzip(head: &[u8]) -> bool {
    head.starts_with(&GZIP_MAGIC)
}

/// Reads every record of a WARC or WARC.gz stream into `sink`.
pub fn read<R: Read>(r: &mut Rewind<R>, file: &Arc<str>, opts: &WarcOptions, sink: &mut Sink) {
    match r.peek(3) {
        Ok(head) if is_gzip(head) => read_members(r, file, opts, sink),
        Ok(_) => read_plain(r, file, opts, sink),
        Err(e) => sink.doc(read_error(file, r.offset(), &e)),
    }
}

fn read_error(file: &Arc<str>, offset: u64, e: &io::Error) -> Doc {
    Doc::error(
        file,
        Some(offset),
        "read_error",
        format!("{file}: offset {offset}: cannot read: {e}"),
    )
}

/// A stretch of input that could not be read, from `start`.
struct Region {
    start: u64,
    what: String,
    reason: &'static str,
    id: Option<String>,
    url: Option<String>,
}

impl Region {
    fn new(start: u64, what: String, reason: &'static str, events: &[Event]) -> Region {
        // Name the first record that was lost, when its header was read.
        let first = events.iter().find_map(|e| match e {
            Event::Doc(d) => Some(d),
            Event::Other(_) => None,
        });
        Region {
            start,
            what,
            reason,
            id: first.and_then(|d| d.id.clone()),
            url: first.and_then(|d| d.url.clone()),
        }
    }

    fn into_doc(self, file: &Arc<str>, end: u64) -> Doc {
        let mut d = Doc::error(
            file,
            Some(self.start),
            self.reason,
            format!(
                "{file}: offset {}: {}; skipped {} bytes, to offset {end}",
                self.start,
                self.what,
                end.saturating_sub(self.start)
            ),
        );
        d.id = self.id;
        d.url = self.url;
        d
    }
}

/// What reading one gzip member gave.
enum Member {
    /// The member decoded and its checksum matched.
    Done(Vec<Event>),
    /// While looking for a member after a corrupt one: this candidate does
    /// not hold a WARC record.
    Stray,
    /// Decoding failed, after these events.
    Failed(Vec<Event>, io::Error),
}

fn read_members<R: Read>(r: &mut Rewind<R>, file: &Arc<str>, opts: &WarcOptions, sink: &mut Sink) {
    let mut bad: Option<Region> = None;
    loop {
        if sink.stopped() {
            return;
        }
        let start = r.offset();
        let head = match r.peek(3) {
            Ok(h) => h,
            Err(e) => {
                if let Some(region) = bad.take() {
                    sink.doc(region.into_doc(file, start));
                }
                return sink.doc(read_error(file, start, &e));
            }
        };
        if head.is_empty() {
            break;
        }
        if head != GZIP_MAGIC {
            if bad.is_none() {
                let what = "no gzip member starts here".to_string();
                bad = Some(Region::new(start, what, "corrupt_gzip", &[]));
            }
            if let Err(e) = skip_to_gzip(r) {
                sink.doc(read_error(file, r.offset(), &e));
                break;
            }
            continue;
        }
        r.mark();
        match read_member(r, file, start, opts, bad.is_some(), sink) {
            Member::Done(events) => {
                r.unmark();
                if let Some(region) = bad.take() {
                    sink.doc(region.into_doc(file, start));
                }
                events.into_iter().for_each(|e| sink.emit(e));
            }
            Member::Stray => {
                r.rewind(1);
            }
            Member::Failed(events, err) => {
                let at_end = err.kind() == io::ErrorKind::UnexpectedEof
                    && r.peek(1).is_ok_and(|b| b.is_empty());
                if at_end && bad.is_none() {
                    // The file ends inside this member (an interrupted
                    // download or crawl): keep what was decoded.
                    cut_off(events, file, start, sink);
                    return;
                }
                if bad.is_none() {
                    let what = format!("corrupt gzip member: {err}");
                    bad = Some(Region::new(start, what, "corrupt_gzip", &events));
                }
                // Without the mark (a member past the hold limit) the search
                // goes on from where decoding stopped.
                r.rewind(1);
            }
        }
    }
    if let Some(region) = bad {
        let end = r.offset();
        sink.doc(region.into_doc(file, end));
    }
}

/// Hands on the records of a member that the end of the file cut short,
/// marked `cut_off`; reports the cut when no document came out of it.
fn cut_off(events: Vec<Event>, file: &Arc<str>, start: u64, sink: &mut Sink) {
    let mut any_doc = false;
    for event in events {
        if let Event::Doc(mut d) = event {
            any_doc = true;
            if d.verdict.is_none() {
                d.degraded.push("cut_off");
            }
            sink.doc(d);
        } else {
            sink.emit(event);
        }
    }
    if !any_doc {
        let msg = format!("{file}: offset {start}: the file ends inside this gzip member");
        sink.doc(Doc::error(file, Some(start), "cut_off", msg));
    }
}

/// Skips to the next gzip header (or the end).
fn skip_to_gzip<R: Read>(r: &mut Rewind<R>) -> io::Result<()> {
    loop {
        let buf = r.fill_buf()?;
        if buf.is_empty() {
            return Ok(());
        }
        match buf.iter().position(|&b| b == GZIP_MAGIC[0]) {
            None => {
                let n = buf.len();
                r.consume(n);
            }
            Some(i) => {
                r.consume(i);
                if r.peek(3)? == GZIP_MAGIC {
                    return Ok(());
                }
                r.consume(1);
            }
        }
    }
}

fn read_member<R: Read>(
    r: &mut Rewind<R>,
    file: &Arc<str>,
    start: u64,
    opts: &WarcOptions,
    candidate: bool,
    sink: &mut Sink,
) -> Member {
    let mut records = BufReader::with_capacity(64 * 1024, GzDecoder::new(&mut *r));
    let mut events = Vec::new();
    let mut held = 0;
    loop {
        match read_record(&mut records, file, start, opts) {
            Ok(Step::End) => return Member::Done(events),
            Ok(Step::Record(event, None)) => {
                held += event_len(&event);
                events.push(event);
                if held > HOLD {
                    // Not one record per member: hand on what was read
                    // rather than hold an unbounded amount.
                    events.drain(..).for_each(|e| sink.emit(e));
                    held = 0;
                }
            }
            Ok(Step::Record(event, Some(err))) => {
                events.push(event);
                return Member::Failed(events, err);
            }
            Err(RecordError::Io(err)) => return Member::Failed(events, err),
            Err(RecordError::Format(_)) if candidate && events.is_empty() => {
                return Member::Stray;
            }
            Err(RecordError::Format(what)) => {
                // The member is sound but holds no WARC record here: skip
                // the rest of it, reporting it.
                if let Err(err) = drain(&mut records) {
                    return Member::Failed(events, err);
                }
                let msg = format!("{file}: offset {start}: {what}");
                events.push(Event::Doc(Doc::error(file, Some(start), "bad_record", msg)));
                return Member::Done(events);
            }
        }
    }
}

fn event_len(e: &Event) -> usize {
    match e {
        Event::Doc(d) => d.body.len(),
        Event::Other(_) => 0,
    }
}

fn read_plain<R: Read>(r: &mut Rewind<R>, file: &Arc<str>, opts: &WarcOptions, sink: &mut Sink) {
    let mut bad: Option<Region> = None;
    loop {
        if sink.stopped() {
            return;
        }
        match skip_newlines(r) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                sink.doc(read_error(file, r.offset(), &e));
                break;
            }
        }
        let start = r.offset();
        r.mark();
        match read_record(r, file, start, opts) {
            Ok(Step::End) => break,
            Ok(Step::Record(event, Some(err))) => {
                // The input itself failed (not its format): stop here.
                if let Some(region) = bad.take() {
                    sink.doc(region.into_doc(file, start));
                }
                sink.emit(event);
                sink.doc(read_error(file, r.offset(), &err));
                return;
            }
            Ok(Step::Record(event, None)) => {
                let cut = matches!(&event, Event::Doc(d) if d.degraded.contains(&"cut_off"));
                let ends_well = r.peek(4).is_ok_and(|b| {
                    b.is_empty()
                        || b.starts_with(b"\r\n\r\n")
                        || b.starts_with(b"\n\n")
                        || b == b"\r\n"
                        || b == b"\n"
                });
                if ends_well || cut {
                    r.unmark();
                    if let Some(region) = bad.take() {
                        sink.doc(region.into_doc(file, start));
                    }
                    sink.emit(event);
                } else {
                    // Content-Length is wrong, and what the record swallowed
                    // may be further records: look again from its start.
                    if bad.is_none() {
                        let what = "record content does not end where its Content-Length says";
                        let events = [event];
                        bad = Some(Region::new(start, what.into(), "bad_record", &events));
                    }
                    r.rewind(1);
                    if let Err(e) = skip_to_warc_line(r) {
                        sink.doc(read_error(file, r.offset(), &e));
                        break;
                    }
                }
            }
            Err(RecordError::Format(what)) => {
                if bad.is_none() {
                    bad = Some(Region::new(start, what, "bad_record", &[]));
                }
                r.rewind(1);
                if let Err(e) = skip_to_warc_line(r) {
                    sink.doc(read_error(file, r.offset(), &e));
                    break;
                }
            }
            Err(RecordError::Io(e)) => {
                if let Some(region) = bad.take() {
                    sink.doc(region.into_doc(file, start));
                }
                sink.doc(read_error(file, r.offset(), &e));
                return;
            }
        }
    }
    if let Some(region) = bad {
        let end = r.offset();
        sink.doc(region.into_doc(file, end));
    }
}

/// Skips to the start of the next line that begins with `WARC/`.
fn skip_to_warc_line<R: Read>(r: &mut Rewind<R>) -> io::Result<()> {
    loop {
        let buf = r.fill_buf()?;
        if buf.is_empty() {
            return Ok(());
        }
        match buf.iter().position(|&b| b == b'\n') {
            None => {
                let n = buf.len();
                r.consume(n);
            }
            Some(i) => {
                r.consume(i + 1);
                if r.peek(5)? == b"WARC/" {
                    return Ok(());
                }
            }
        }
    }
}

/// Why a record could not be read.
enum RecordError {
    /// The stream failed (corrupt compressed data, read error).
    Io(io::Error),
    /// The bytes are not a WARC record.
    Format(String),
}

impl From<io::Error> for RecordError {
    fn from(e: io::Error) -> Self {
        RecordError::Io(e)
    }
}

/// What reading one record gave.
#[allow(clippy::large_enum_variant)] // Nearly always a record.
enum Step {
    /// The end of the stream.
    End,
    /// A record, and the stream error that cut its content short, if any.
    Record(Event, Option<io::Error>),
}

/// Skips CR and LF bytes; false at the end of the stream.
fn skip_newlines<B: BufRead>(r: &mut B) -> io::Result<bool> {
    loop {
        let buf = r.fill_buf()?;
        if buf.is_empty() {
            return Ok(false);
        }
        let n = buf
            .iter()
            .take_while(|&&b| b == b'\r' || b == b'\n')
            .count();
        if n < buf.len() {
            r.consume(n);
            return Ok(true);
        }
        r.consume(n);
    }
}

/// Reads one line, through its `\n`, of at most `cap` bytes. False at the
/// end of the stream with nothing read.
fn read_line<B: BufRead>(r: &mut B, line: &mut Vec<u8>, cap: usize) -> Result<bool, RecordError> {
    line.clear();
    loop {
        let buf = r.fill_buf()?;
        if buf.is_empty() {
            return Ok(!line.is_empty());
        }
        let (n, done) = match buf.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (buf.len(), false),
        };
        if line.len() + n > cap {
            return Err(RecordError::Format(format!("header line over {cap} bytes")));
        }
        line.extend_from_slice(&buf[..n]);
        r.consume(n);
        if done {
            return Ok(true);
        }
    }
}

/// A WARC record's named fields.
struct Fields(Vec<(String, String)>);

impl Fields {
    fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

fn read_fields<B: BufRead>(r: &mut B) -> Result<Option<Fields>, RecordError> {
    if !skip_newlines(r)? {
        return Ok(None);
    }
    let mut line = Vec::new();
    read_line(r, &mut line, MAX_LINE)?;
    if !line.starts_with(b"WARC/") {
        let shown = String::from_utf8_lossy(&line[..line.len().min(40)]).into_owned();
        return Err(RecordError::Format(format!(
            "expected a WARC/1.x version line, found {shown:?}"
        )));
    }
    let mut fields: Vec<(String, String)> = Vec::new();
    let mut total = line.len();
    loop {
        if !read_line(r, &mut line, MAX_LINE)? {
            return Err(RecordError::Format("WARC header cut short".into()));
        }
        total += line.len();
        if total > MAX_HEADER {
            return Err(RecordError::Format("WARC header too long".into()));
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            return Ok(Some(Fields(fields)));
        }
        if text.starts_with([' ', '\t']) {
            // A folded line continues the previous field.
            if let Some((_, v)) = fields.last_mut() {
                v.push(' ');
                v.push_str(text.trim());
            }
        } else if let Some((name, value)) = text.split_once(':') {
            fields.push((name.trim().to_string(), value.trim().to_string()));
        }
    }
}

/// Reads one record (header, content and the blank lines that follow).
fn read_record<B: BufRead>(
    r: &mut B,
    file: &Arc<str>,
    offset: u64,
    opts: &WarcOptions,
) -> Result<Step, RecordError> {
    let Some(fields) = read_fields(r)? else {
        return Ok(Step::End);
    };
    let length = fields
        .get("Content-Length")
        .and_then(|v| v.parse::<u64>().ok())
        .ok_or_else(|| RecordError::Format("missing or invalid Content-Length".into()))?;
    let kind = fields.get("WARC-Type").unwrap_or("").to_ascii_lowercase();
    let mut content = (&mut *r).take(length);
    let (mut event, mut err) = match kind.as_str() {
        "response" | "resource" => {
            let (doc, err) = read_doc(&mut content, length, &fields, &kind, file, offset, opts);
            (Event::Doc(doc), err)
        }
        "" => (Event::Other("untyped".into()), None),
        _ => (Event::Other(kind), None),
    };
    if err.is_none() {
        err = drain(&mut content).err();
    }
    if err.is_none()
        && content.limit() > 0
        && let Event::Doc(d) = &mut event
    {
        // The content ends before Content-Length: keep what is there.
        d.degraded.push("cut_off");
    }
    Ok(Step::Record(event, err))
}

/// Reads to the end.
fn drain<B: BufRead>(r: &mut B) -> io::Result<()> {
    loop {
        let n = r.fill_buf()?.len();
        if n == 0 {
            return Ok(());
        }
        r.consume(n);
    }
}

/// Reads the HTTP head (through the blank line), at most `MAX_HTTP_HEAD`
/// bytes. False when it is longer.
fn read_http_head<B: BufRead>(r: &mut B, head: &mut Vec<u8>) -> io::Result<bool> {
    let mut line = Vec::new();
    loop {
        match read_line(r, &mut line, MAX_LINE) {
            Ok(true) => {}
            Ok(false) => return Ok(true),
            Err(RecordError::Io(e)) => return Err(e),
            Err(RecordError::Format(_)) => return Ok(false),
        }
        head.extend_from_slice(&line);
        if head.len() > MAX_HTTP_HEAD {
            return Ok(false);
        }
        if line == b"\r\n" || line == b"\n" {
            return Ok(true);
        }
    }
}

/// Builds the document of a `response` or `resource` record, reading its
/// payload unless the record is skipped.
fn read_doc<B: BufRead>(
    content: &mut B,
    length: u64,
    fields: &Fields,
    kind: &str,
    file: &Arc<str>,
    offset: u64,
    opts: &WarcOptions,
) -> (Doc, Option<io::Error>) {
    let mut doc = Doc::new(file, Some(offset));
    doc.id = fields.get("WARC-Record-ID").map(str::to_string);
    doc.url = fields
        .get("WARC-Target-URI")
        .map(|u| u.trim_start_matches('<').trim_end_matches('>').to_string());
    if fields.get("WARC-Truncated").is_some() {
        doc.degraded.push("truncated");
    }
    let warc_type = fields.get("Content-Type");
    let is_http = kind == "response"
        && warc_type.is_some_and(|t| t.to_ascii_lowercase().starts_with("application/http"));
    let mut content_type = warc_type.map(str::to_string);
    let (mut chunked, mut encoding) = (false, None);
    if is_http {
        let mut head = Vec::new();
        match read_http_head(content, &mut head) {
            Err(e) => return (doc, Some(e)),
            Ok(false) => {
                doc.decide(Status::Error, "bad_http");
                doc.message = Some(format!("{file}: offset {offset}: HTTP head too long"));
                return (doc, None);
            }
            Ok(true) => {}
        }
        match http::parse_head(&head) {
            Err(what) => {
                doc.decide(Status::Error, "bad_http");
                doc.message = Some(format!("{file}: offset {offset}: {what}"));
                return (doc, None);
            }
            Ok(h) => {
                if h.status != 200 && !opts.keep_non_200 {
                    doc.decide(Status::Skipped, "non_200");
                    return (doc, None);
                }
                content_type = h.content_type.or_else(|| {
                    fields
                        .get("WARC-Identified-Payload-Type")
                        .map(str::to_string)
                });
                chunked = h.chunked;
                encoding = h.encoding;
            }
        }
    }
    let kind = http::classify(content_type.as_deref());
    if kind == http::Kind::Other {
        doc.decide(Status::Skipped, "not_html");
        return (doc, None);
    }
    // Sized up front: growing by doubling would copy every page twice.
    let size = usize::try_from(length).unwrap_or(usize::MAX);
    let mut bytes = Vec::with_capacity(size.min(opts.max_body));
    let read = content.take(opts.max_body as u64).read_to_end(&mut bytes);
    let sniff_ok = encoding.is_some() || chunked || http::looks_like_html(&bytes);
    doc.content_type = content_type;
    doc.body = if is_http {
        Body::Http {
            bytes,
            chunked,
            encoding,
        }
    } else {
        Body::Html(bytes)
    };
    if let Err(e) = read {
        return (doc, Some(e));
    }
    if kind == http::Kind::Unknown && !sniff_ok {
        doc.decide(Status::Skipped, "not_html");
    }
    (doc, None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn record(kind: &str, id: &str, extra: &str, content: &[u8]) -> Vec<u8> {
        let mut out = format!(
            "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{id}>\r\n\
             WARC-Target-URI: https://example.com/{id}\r\n{extra}\
             Content-Type: application/http; msgtype=response\r\n\
             Content-Length: {}\r\n\r\n",
            content.len()
        )
        .into_bytes();
        out.extend_from_slice(content);
        out.extend_from_slice(b"\r\n\r\n");
        out
    }

    fn response(id: &str, ct: &str, body: &str) -> Vec<u8> {
        let http = format!("HTTP/1.1 200 OK\r\nContent-Type: {ct}\r\n\r\n{body}");
        record("response", id, "", http.as_bytes())
    }

    fn gz(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    fn read_all(data: &[u8]) -> Vec<Event> {
        let opts = WarcOptions {
            keep_non_200: false,
            max_body: 1 << 20,
        };
        let file: Arc<str> = "t.warc".into();
        let mut events = Vec::new();
        let mut push = |e| {
            events.push(e);
            true
        };
        let mut sink = Sink::new(&mut push);
        let mut r = Rewind::new(data, 1 << 20, Arc::default());
        read(&mut r, &file, &opts, &mut sink);
        events
    }

    /// (id, status-or-"doc", reason) for each document.
    fn summary(events: &[Event]) -> Vec<(String, String)> {
        events
            .iter()
            .filter_map(|e| match e {
                Event::Doc(d) => Some((
                    d.id.clone().unwrap_or_default(),
                    d.verdict.map_or("doc".to_string(), |(_, r)| r.to_string()),
                )),
                Event::Other(_) => None,
            })
            .collect()
    }

    const PAGE: &str = "<html><body><p>Hello there.</p></body></html>";

    #[test]
    fn plain_records() {
        let mut data = record("warcinfo", "w", "", b"software: test");
        data.extend(response("a", "text/html", PAGE));
        data.extend(response("b", "image/png", "\u{89}PNG"));
        data.extend(record("request", "c", "", b"GET / HTTP/1.1\r\n\r\n"));
        let events = read_all(&data);
        assert_eq!(
            summary(&events),
            [
                ("<urn:uuid:a>".into(), "doc".into()),
                ("<urn:uuid:b>".into(), "not_html".into())
            ]
        );
        let others = events
            .iter()
            .filter(|e| matches!(e, Event::Other(_)))
            .count();
        assert_eq!(others, 2);
    }

    #[test]
    fn plain_wrong_length_resyncs() {
        let mut bad = response("a", "text/html", PAGE);
        // Claim a longer content than there is: it swallows record b.
        let text = String::from_utf8(bad.clone()).unwrap();
        let n = PAGE.len() + 44;
        bad = text
            .replacen(&format!("Content-Length: {n}"), "Content-Length: 150", 1)
            .into_bytes();
        let mut data = bad;
        data.extend(response("b", "text/html", PAGE));
        data.extend(response("c", "text/html", PAGE));
        let got = summary(&read_all(&data));
        assert_eq!(got[0], ("<urn:uuid:a>".into(), "bad_record".into()));
        assert_eq!(
            &got[1..],
            [
                ("<urn:uuid:b>".into(), "doc".into()),
                ("<urn:uuid:c>".into(), "doc".into())
            ]
        );
    }

    #[test]
    fn gzip_corrupt_member_is_skipped() {
        let a = gz(&response("a", "text/html", PAGE));
        let mut b = gz(&response("b", "text/html", PAGE));
        let c = gz(&response("c", "text/html", PAGE));
        let mid = b.len() / 2;
        b[mid] ^= 0xff;
        b[mid + 1] ^= 0x55;
        let data = [a.clone(), b, c].concat();
        let events = read_all(&data);
        let got = summary(&events);
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(got[0].1, "doc");
        assert_eq!(got[1].1, "corrupt_gzip");
        assert_eq!(got[2], ("<urn:uuid:c>".into(), "doc".into()));
        let Event::Doc(d) = &events[1] else { panic!() };
        assert_eq!(d.offset, Some(a.len() as u64));
    }

    #[test]
    fn gzip_garbage_and_cut_file() {
        let a = gz(&response("a", "text/html", PAGE));
        let b = gz(&response("b", "text/html", PAGE));
        let data = [a.clone(), b"garbage\x1f\x8b\x08junk".to_vec(), b.clone()].concat();
        let got = summary(&read_all(&data));
        assert_eq!(
            got.iter().map(|g| g.1.as_str()).collect::<Vec<_>>(),
            ["doc", "corrupt_gzip", "doc"]
        );
        // The file ends inside the last member: what was decoded is kept.
        let data = [a.clone(), b[..b.len() - 6].to_vec()].concat();
        let events = read_all(&data);
        let Event::Doc(d) = &events[1] else { panic!() };
        assert_eq!(d.degraded, ["cut_off"]);
        // Cut inside the header: reported.
        let data = [a, b[..5].to_vec()].concat();
        let got = summary(&read_all(&data));
        assert_eq!(got[1].1, "cut_off");
    }

    #[test]
    fn one_member_for_many_records() {
        let mut data = response("a", "text/html", PAGE);
        data.extend(record("request", "r", "", b"GET / HTTP/1.1\r\n\r\n"));
        data.extend(response("b", "text/html", PAGE));
        let got = summary(&read_all(&gz(&data)));
        assert_eq!(
            got,
            [
                ("<urn:uuid:a>".into(), "doc".into()),
                ("<urn:uuid:b>".into(), "doc".into())
            ]
        );
    }

    #[test]
    fn statuses_and_truncation() {
        let http = "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<p>no</p>";
        let mut data = record("response", "a", "", http.as_bytes());
        let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{PAGE}");
        data.extend(record(
            "response",
            "b",
            "WARC-Truncated: length\r\n",
            http.as_bytes(),
        ));
        data.extend(record("response", "c", "", b"HTTP/1.1 abc\r\n\r\n"));
        let events = read_all(&data);
        assert_eq!(
            summary(&events)
                .iter()
                .map(|g| g.1.as_str())
                .collect::<Vec<_>>(),
            ["non_200", "doc", "bad_http"]
        );
        let Event::Doc(d) = &events[1] else { panic!() };
        assert_eq!(d.degraded, ["truncated"]);
    }
}
