//! The worker's part: decode a document's payload, extract it, apply the
//! filters and write its JSON line.

use std::io::Read;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;

use dechaff::{Extracted, Extractor, Hints};
use serde_json::Value;

use super::doc::{Body, Doc, Outcome, Status};
use super::http::{self, Decoded};

/// What the workers need.
pub struct Settings {
    /// The extractor, shared by all workers.
    pub extractor: Extractor,
    /// Write Markdown instead of plain text.
    pub markdown: bool,
    /// Skip documents with fewer characters of text (0: off).
    pub min_length: usize,
    /// Keep only these languages (primary subtags, lower case; `und` for
    /// pages that declare none). Empty: keep all.
    pub langs: Vec<String>,
    /// Write records of `ok` and `degraded` documents only.
    pub only_ok: bool,
    /// JSONL field names.
    pub html_field: String,
    /// JSONL field names.
    pub id_field: String,
    /// JSONL field names.
    pub url_field: String,
    /// The most payload bytes decoded per document.
    pub max_body: usize,
}

/// Everything written about one document.
#[derive(Default)]
struct Record<'a> {
    id: Option<String>,
    url: Option<String>,
    file: Option<Arc<str>>,
    offset: Option<u64>,
    extracted: Option<&'a Extracted>,
    text: Option<String>,
}

/// Processes one document. Never panics: a panic inside becomes an
/// `error` record with reason `panic`.
pub fn process(doc: Doc, s: &Settings) -> Outcome {
    let (id, url, file, offset) = (
        doc.id.clone(),
        doc.url.clone(),
        doc.file.clone(),
        doc.offset,
    );
    match catch_unwind(AssertUnwindSafe(|| run(doc, s))) {
        Ok(outcome) => outcome,
        Err(_) => {
            let rec = Record {
                id,
                url,
                file: Some(file.clone()),
                offset,
                ..Record::default()
            };
            let report = format!("{file}: {}panic while extracting", at(offset));
            finish(rec, Status::Error, Some("panic".into()), 0, Some(report), s)
        }
    }
}

/// `offset N: ` when there is an offset.
fn at(offset: Option<u64>) -> String {
    offset.map_or(String::new(), |o| format!("offset {o}: "))
}

fn run(doc: Doc, s: &Settings) -> Outcome {
    let mut rec = Record {
        id: doc.id,
        url: doc.url,
        file: Some(doc.file.clone()),
        offset: doc.offset,
        ..Record::default()
    };
    let file = doc.file;
    if let Some((status, reason)) = doc.verdict {
        let report = (status == Status::Error).then(|| {
            doc.message
                .unwrap_or_else(|| format!("{file}: {}{reason}", at(doc.offset)))
        });
        return finish(rec, status, Some(reason.into()), 0, report, s);
    }
    let mut degraded = doc.degraded;
    let mut content_type = doc.content_type;
    let html = match doc.body {
        Body::None => Vec::new(),
        Body::Html(b) => b,
        Body::GzipHtml(b) => {
            let mut out = Vec::new();
            let r = flate2::read::MultiGzDecoder::new(&b[..])
                .take(s.max_body as u64)
                .read_to_end(&mut out);
            if let Err(e) = r {
                if out.is_empty() {
                    let report = format!("{file}: not valid gzip: {e}");
                    return finish(
                        rec,
                        Status::Error,
                        Some("bad_gzip".into()),
                        0,
                        Some(report),
                        s,
                    );
                }
                degraded.push("bad_gzip");
            }
            out
        }
        Body::Http {
            bytes,
            chunked,
            encoding,
        } => {
            let mut b = bytes;
            if chunked {
                b = http::dechunk(&b).unwrap_or_else(|partial| {
                    degraded.push("bad_chunked");
                    partial
                });
            }
            match encoding {
                None => b,
                Some(enc) => match http::decode_content(b, &enc, s.max_body) {
                    Decoded::Whole(b) => b,
                    Decoded::Partial(b) => {
                        degraded.push("bad_content_encoding");
                        b
                    }
                    Decoded::Unsupported => {
                        let reason = Some("unsupported_encoding".into());
                        return finish(rec, Status::Skipped, reason, 0, None, s);
                    }
                },
            }
        }
        Body::JsonLine { line, number } => {
            let page = json_page(&line, number, &file, rec.offset, s);
            let (id, url, html) = match page {
                Ok(p) => p,
                Err((reason, report, id, url)) => {
                    (rec.id, rec.url) = (id, url);
                    return finish(rec, Status::Error, Some(reason.into()), 0, Some(report), s);
                }
            };
            (rec.id, rec.url) = (Some(id), url);
            // The HTML came out of a JSON string: it is Unicode already,
            // whatever its <meta charset> says.
            content_type = Some("text/html; charset=utf-8".into());
            html
        }
    };
    let mut hints = Hints::new();
    if let Some(u) = &rec.url {
        hints = hints.with_url(u.as_str());
    }
    if let Some(ct) = content_type {
        hints = hints.with_content_type(ct);
    }
    let out = s.extractor.extract(&html, &hints);
    if let Some(d) = out.degraded {
        degraded.push(d.name());
    }
    let text = if s.markdown {
        out.markdown()
    } else {
        out.text()
    };
    rec.extracted = Some(&out);
    let html_bytes = html.len() as u64;
    let (status, reason) = if text.trim().is_empty() {
        (Status::Skipped, Some("empty".to_string()))
    } else if s.min_length > 0 && text.chars().count() < s.min_length {
        (Status::Skipped, Some("too_short".into()))
    } else if !s.langs.is_empty() && !lang_matches(out.lang.as_deref(), &s.langs) {
        (Status::Skipped, Some("lang_filtered".into()))
    } else if !degraded.is_empty() {
        let mut seen: Vec<&str> = Vec::new();
        for d in degraded {
            if !seen.contains(&d) {
                seen.push(d);
            }
        }
        (Status::Degraded, Some(seen.join(",")))
    } else {
        (Status::Ok, None)
    };
    if status != Status::Skipped {
        rec.text = Some(text);
    }
    finish(rec, status, reason, html_bytes, None, s)
}

/// Whether a declared language is among `langs` (by primary subtag).
fn lang_matches(lang: Option<&str>, langs: &[String]) -> bool {
    let primary = lang
        .map(|l| {
            l.split(['-', '_'])
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        })
        .filter(|l| !l.is_empty())
        .unwrap_or_else(|| "und".into());
    langs.contains(&primary)
}

/// A JSONL line's error: reason, report, and the id and URL if known.
type LineError = (&'static str, String, Option<String>, Option<String>);

/// A JSONL line's id, URL and HTML.
fn json_page(
    line: &[u8],
    number: u64,
    file: &Arc<str>,
    offset: Option<u64>,
    s: &Settings,
) -> Result<(String, Option<String>, Vec<u8>), LineError> {
    let here = || format!("{file}: {}line {number}", at(offset));
    let value: Value = serde_json::from_slice(line).map_err(|e| {
        (
            "bad_json",
            format!("{}: invalid JSON: {e}", here()),
            None,
            None,
        )
    })?;
    let Value::Object(mut obj) = value else {
        return Err((
            "bad_json",
            format!("{}: not a JSON object", here()),
            None,
            None,
        ));
    };
    let id = match obj.get(&s.id_field) {
        Some(Value::String(v)) => v.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => format!("{file}:{number}"),
    };
    let url = match obj.get(&s.url_field) {
        Some(Value::String(v)) => Some(v.clone()),
        _ => None,
    };
    match obj.remove(&s.html_field) {
        Some(Value::String(html)) => Ok((id, url, html.into_bytes())),
        _ => {
            let report = format!("{}: no string field \"{}\"", here(), s.html_field);
            Err(("missing_html_field", report, Some(id), url))
        }
    }
}

/// Writes the record's JSON line and wraps up the outcome.
fn finish(
    rec: Record,
    status: Status,
    reason: Option<String>,
    html_bytes: u64,
    report: Option<String>,
    s: &Settings,
) -> Outcome {
    let line = if s.only_ok && status > Status::Degraded {
        Vec::new()
    } else {
        json_line(&rec, status, reason.as_deref())
    };
    Outcome {
        line,
        status,
        reason,
        html_bytes,
        report,
    }
}

fn json_line(rec: &Record, status: Status, reason: Option<&str>) -> Vec<u8> {
    let ex = rec.extracted;
    let mut o = Obj::new(256 + rec.text.as_ref().map_or(0, String::len));
    o.str("id", rec.id.as_deref());
    o.str("url", rec.url.as_deref());
    o.str("status", Some(status.name()));
    o.str("reason", reason);
    o.str("title", ex.and_then(|e| e.title.as_deref()));
    o.str("lang", ex.and_then(|e| e.lang.as_deref()));
    o.str("encoding", ex.map(|e| e.encoding));
    o.str("text", rec.text.as_deref());
    o.key("metadata");
    match ex {
        None => o.0.extend_from_slice(b"null"),
        Some(e) => {
            let m = &e.metadata;
            let mut mo = Obj::new(128);
            mo.list("authors", &m.authors);
            mo.str("published", m.published.as_deref());
            mo.str("modified", m.modified.as_deref());
            mo.str("site_name", m.site_name.as_deref());
            mo.str("description", m.description.as_deref());
            mo.str("canonical_url", m.canonical_url.as_deref());
            mo.str("image", m.image.as_deref());
            mo.list("tags", &m.tags);
            mo.str("page_type", m.page_type.as_deref());
            o.0.extend_from_slice(&mo.close());
        }
    }
    o.key("source");
    let mut so = Obj::new(64);
    so.str("file", rec.file.as_deref());
    so.key("offset");
    match rec.offset {
        Some(n) => so.0.extend_from_slice(n.to_string().as_bytes()),
        None => so.0.extend_from_slice(b"null"),
    }
    o.0.extend_from_slice(&so.close());
    let mut line = o.close();
    line.push(b'\n');
    line
}

/// A JSON object written field by field, in a fixed order (so output is
/// byte-for-byte reproducible).
struct Obj(Vec<u8>);

impl Obj {
    fn new(capacity: usize) -> Obj {
        let mut v = Vec::with_capacity(capacity);
        v.push(b'{');
        Obj(v)
    }

    fn key(&mut self, k: &str) {
        if self.0.len() > 1 {
            self.0.push(b',');
        }
        escape(&mut self.0, k);
        self.0.push(b':');
    }

    fn str(&mut self, k: &str, v: Option<&str>) {
        self.key(k);
        match v {
            Some(s) => escape(&mut self.0, s),
            None => self.0.extend_from_slice(b"null"),
        }
    }

    fn list(&mut self, k: &str, items: &[String]) {
        self.key(k);
        self.0.push(b'[');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.0.push(b',');
            }
            escape(&mut self.0, item);
        }
        self.0.push(b']');
    }

    fn close(mut self) -> Vec<u8> {
        self.0.push(b'}');
        self.0
    }
}

/// Appends `s` as a JSON string.
fn escape(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    let bytes = s.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let esc: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0..=0x1f => b"",
            _ => continue,
        };
        out.extend_from_slice(&bytes[start..i]);
        if esc.is_empty() {
            out.extend_from_slice(format!("\\u{b:04x}").as_bytes());
        } else {
            out.extend_from_slice(esc);
        }
        start = i + 1;
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use dechaff::Options;

    fn settings() -> Settings {
        Settings {
            extractor: Extractor::new(Options::default()),
            markdown: false,
            min_length: 0,
            langs: Vec::new(),
            only_ok: false,
            html_field: "html".into(),
            id_field: "id".into(),
            url_field: "url".into(),
            max_body: 1 << 20,
        }
    }

    #[test]
    fn escaping_matches_serde() {
        let s = "a\"b\\c\nd\u{1}e\u{7f}é\u{2028}";
        let mut out = Vec::new();
        escape(&mut out, s);
        let back: String = serde_json::from_slice(&out).unwrap();
        assert_eq!(back, s);
    }

    const PAGE: &str = "<html lang='fr-CA'><head><title>T</title></head><body><article>\
        <p>Une phrase assez longue pour être gardée comme contenu principal de la page.</p>\
        <p>Et une deuxième phrase, qui donne encore quelques détails au lecteur.</p>\
        </article></body></html>";

    fn line_of(o: &Outcome) -> Value {
        serde_json::from_slice(&o.line).unwrap()
    }

    #[test]
    fn jsonl_lines_and_filters() {
        let s = settings();
        let file: Arc<str> = "f.jsonl".into();
        let mut doc = Doc::new(&file, Some(0));
        let line = serde_json::json!({"id": 7, "url": "https://x.fr/a", "html": PAGE});
        doc.body = Body::JsonLine {
            line: line.to_string().into_bytes(),
            number: 1,
        };
        let o = process(doc, &s);
        let v = line_of(&o);
        assert_eq!(v["status"], "ok", "{v}");
        assert_eq!(v["id"], "7");
        assert_eq!(v["lang"], "fr-CA");
        assert!(v["text"].as_str().unwrap().contains("deuxième phrase"));
        assert!(o.line.ends_with(b"}\n"));

        let mut s = settings();
        s.langs = vec!["en".into()];
        let mut doc = Doc::new(&file, Some(0));
        doc.body = Body::Html(PAGE.as_bytes().to_vec());
        let v = line_of(&process(doc, &s));
        assert_eq!(v["status"], "skipped");
        assert_eq!(v["reason"], "lang_filtered");
        assert_eq!(v["text"], Value::Null);

        let mut doc = Doc::new(&file, Some(9));
        doc.body = Body::JsonLine {
            line: b"{not json".to_vec(),
            number: 2,
        };
        let o = process(doc, &settings());
        assert_eq!(line_of(&o)["reason"], "bad_json");
        assert!(
            o.report
                .unwrap()
                .starts_with("f.jsonl: offset 9: line 2: invalid JSON")
        );
    }

    #[test]
    fn http_bodies() {
        let s = settings();
        let file: Arc<str> = "f.warc".into();
        let mut doc = Doc::new(&file, Some(0));
        let chunked = format!("{:x}\r\n{PAGE}\r\n0\r\n\r\n", PAGE.len());
        doc.body = Body::Http {
            bytes: chunked.into_bytes(),
            chunked: true,
            encoding: None,
        };
        doc.degraded.push("truncated");
        let v = line_of(&process(doc, &s));
        assert_eq!(v["status"], "degraded");
        assert_eq!(v["reason"], "truncated");
        assert!(v["text"].as_str().unwrap().starts_with("Une phrase"));
    }
}
