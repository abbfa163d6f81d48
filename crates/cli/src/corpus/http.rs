//! The HTTP response inside a WARC `response` record: status line and
//! headers, chunked transfer coding, content codings, and whether the
//! payload is HTML.

use std::io::Read;

/// What the reader needs from an HTTP response head.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Head {
    /// The status code.
    pub status: u16,
    /// The `Content-Type` header, as sent.
    pub content_type: Option<String>,
    /// `Transfer-Encoding` names `chunked`.
    pub chunked: bool,
    /// The last `Content-Encoding` coding, lower case (`gzip`, `br`...).
    pub encoding: Option<String>,
}

/// Parses a response head (status line and header lines, up to the blank
/// line). Header bytes are read as Latin-1-ish text; only ASCII matters.
pub fn parse_head(head: &[u8]) -> Result<Head, String> {
    let text = String::from_utf8_lossy(head);
    let mut lines = text.lines();
    let status_line = lines.next().unwrap_or("").trim();
    let mut parts = status_line.split_whitespace();
    let version = parts.next().unwrap_or("");
    if !version
        .get(..5)
        .is_some_and(|v| v.eq_ignore_ascii_case("HTTP/"))
    {
        return Err(format!("not an HTTP status line: {:.60}", status_line));
    }
    let status = parts
        .next()
        .filter(|c| c.len() == 3)
        .and_then(|c| c.parse::<u16>().ok())
        .ok_or_else(|| format!("no status code in: {:.60}", status_line))?;
    let mut out = Head {
        status,
        ..Head::default()
    };
    for line in lines {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let (name, value) = (name.trim(), value.trim());
        if name.eq_ignore_ascii_case("content-type") {
            if out.content_type.is_none() {
                out.content_type = Some(value.to_string());
            }
        } else if name.eq_ignore_ascii_case("transfer-encoding") {
            out.chunked |= value.to_ascii_lowercase().contains("chunked");
        } else if name.eq_ignore_ascii_case("content-encoding") {
            // Codings apply in order: the last one is outermost.
            let last = value.rsplit(',').next().unwrap_or("").trim();
            if !last.is_empty() && !last.eq_ignore_ascii_case("identity") {
                out.encoding = Some(last.to_ascii_lowercase());
            }
        }
    }
    Ok(out)
}

/// What a MIME type says about HTML.
#[derive(Debug, PartialEq, Eq)]
pub enum Kind {
    /// HTML or XHTML.
    Html,
    /// Something else: skip it.
    Other,
    /// No usable type: look at the bytes.
    Unknown,
}

/// Classifies a `Content-Type` value.
pub fn classify(content_type: Option<&str>) -> Kind {
    let Some(ct) = content_type else {
        return Kind::Unknown;
    };
    let mime = ct
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    match mime.as_str() {
        "text/html" | "application/xhtml+xml" | "application/xhtml" | "text/xhtml" => Kind::Html,
        "" | "unknown" | "unknown/unknown" | "application/octet-stream" | "application/unknown" => {
            Kind::Unknown
        }
        _ => Kind::Other,
    }
}

/// Whether bytes look like HTML: markup first, and an HTML element among
/// the first 1024 bytes.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace());
    if start.is_none_or(|i| bytes[i] != b'<') {
        return false;
    }
    let head = &bytes[..bytes.len().min(1024)];
    let lower = head.to_ascii_lowercase();
    [
        &b"<!doctype html"[..],
        b"<html",
        b"<head",
        b"<body",
        b"<title",
        b"<meta",
        b"<div",
        b"<p>",
    ]
    .iter()
    .any(|tag| lower.windows(tag.len()).any(|w| w == *tag))
}

/// Undoes `Transfer-Encoding: chunked`. A body that does not start with a
/// chunk size is taken as already decoded (crawlers often store it so).
/// `Err` carries what was decoded before the chunking broke.
pub fn dechunk(body: &[u8]) -> Result<Vec<u8>, Vec<u8>> {
    let first = body.iter().position(|&b| b == b'\n');
    let looks_chunked = first.is_some_and(|i| {
        let size = body[..i].split(|&b| b == b';').next().unwrap_or(b"");
        let size = size.trim_ascii();
        !size.is_empty() && size.len() <= 16 && size.iter().all(u8::is_ascii_hexdigit)
    });
    if !looks_chunked {
        return Ok(body.to_vec());
    }
    let mut out = Vec::with_capacity(body.len());
    let mut rest = body;
    loop {
        let Some(nl) = rest.iter().position(|&b| b == b'\n') else {
            // No size line: tolerate a body that just ends after a chunk.
            return if rest.trim_ascii().is_empty() {
                Ok(out)
            } else {
                Err(out)
            };
        };
        let field = rest[..nl].split(|&b| b == b';').next().unwrap_or(b"");
        let size = std::str::from_utf8(field.trim_ascii())
            .ok()
            .and_then(|s| usize::from_str_radix(s, 16).ok());
        let Some(size) = size else {
            return Err(out);
        };
        rest = &rest[nl + 1..];
        if size == 0 {
            return Ok(out);
        }
        if rest.len() < size {
            out.extend_from_slice(rest);
            return Err(out);
        }
        out.extend_from_slice(&rest[..size]);
        rest = &rest[size..];
        rest = rest
            .strip_prefix(b"\r\n")
            .or_else(|| rest.strip_prefix(b"\n"))
            .unwrap_or(rest);
    }
}

/// The result of undoing a content coding.
#[derive(Debug, PartialEq, Eq)]
pub enum Decoded {
    /// Decoded in full (or the body was not actually encoded).
    Whole(Vec<u8>),
    /// Decoding failed part way: what came out before.
    Partial(Vec<u8>),
    /// A coding that cannot be undone here (e.g. `br`).
    Unsupported,
}

/// Undoes the content coding `encoding`, keeping at most `cap` bytes. A
/// body that does not start like the coding says is taken as already
/// decoded, since many archives store the decoded body with the header
/// left as sent.
pub fn decode_content(body: Vec<u8>, encoding: &str, cap: usize) -> Decoded {
    let limited = |r: &mut dyn Read| {
        let mut out = Vec::new();
        match r.take(cap as u64).read_to_end(&mut out) {
            Ok(_) => Decoded::Whole(out),
            Err(_) => Decoded::Partial(out),
        }
    };
    match encoding {
        "gzip" | "x-gzip" if body.starts_with(&[0x1f, 0x8b]) => {
            limited(&mut flate2::read::MultiGzDecoder::new(&body[..]))
        }
        "deflate" if !looks_like_html(&body) => {
            // `deflate` is zlib-wrapped by the spec, raw by some servers.
            match limited(&mut flate2::read::ZlibDecoder::new(&body[..])) {
                Decoded::Partial(p) if p.is_empty() => {
                    limited(&mut flate2::read::DeflateDecoder::new(&body[..]))
                }
                d => d,
            }
        }
        "zstd" if body.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) => {
            match zstd::stream::read::Decoder::new(&body[..]) {
                Ok(mut d) => limited(&mut d),
                Err(_) => Decoded::Partial(Vec::new()),
            }
        }
        "gzip" | "x-gzip" | "deflate" | "zstd" | "identity" => Decoded::Whole(body),
        _ if looks_like_html(&body) => Decoded::Whole(body),
        _ => Decoded::Unsupported,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn head() {
        let h = parse_head(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=ISO-8859-1\r\n\
              Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n",
        )
        .unwrap();
        assert_eq!(h.status, 200);
        assert_eq!(
            h.content_type.as_deref(),
            Some("text/html; charset=ISO-8859-1")
        );
        assert!(h.chunked);
        assert_eq!(h.encoding.as_deref(), Some("gzip"));
        assert_eq!(parse_head(b"HTTP/1.0 404\n").unwrap().status, 404);
        assert!(parse_head(b"<html>").is_err());
        assert!(parse_head(b"HTTP/1.1 abc OK\r\n").is_err());
        assert!(parse_head(b"").is_err());
    }

    #[test]
    fn kinds() {
        assert_eq!(classify(Some("text/html; charset=utf-8")), Kind::Html);
        assert_eq!(classify(Some("TEXT/HTML")), Kind::Html);
        assert_eq!(classify(Some("image/png")), Kind::Other);
        assert_eq!(classify(Some("application/json")), Kind::Other);
        assert_eq!(classify(None), Kind::Unknown);
        assert!(looks_like_html(b"\n <!DOCTYPE html><p>x"));
        assert!(!looks_like_html(b"{\"a\": 1}"));
        assert!(!looks_like_html(b"<?xml version='1.0'?><rss>"));
    }

    #[test]
    fn chunked() {
        assert_eq!(
            dechunk(b"5\r\nhello\r\n7;x=y\r\n, world\r\n0\r\n\r\n").unwrap(),
            b"hello, world"
        );
        assert_eq!(dechunk(b"<html>").unwrap(), b"<html>");
        assert_eq!(dechunk(b"5\r\nhel").unwrap_err(), b"hel");
        assert_eq!(dechunk(b"5\r\nhello\r\nzz\r\n").unwrap_err(), b"hello");
    }

    #[test]
    fn codings() {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(b"<p>hi</p>").unwrap();
        let gz = gz.finish().unwrap();
        assert_eq!(
            decode_content(gz.clone(), "gzip", 100),
            Decoded::Whole(b"<p>hi</p>".to_vec())
        );
        assert_eq!(
            decode_content(gz[..gz.len() - 4].to_vec(), "gzip", 100),
            Decoded::Partial(b"<p>hi</p>".to_vec())
        );
        assert_eq!(
            decode_content(b"<html>".to_vec(), "gzip", 100),
            Decoded::Whole(b"<html>".to_vec())
        );
        assert_eq!(
            decode_content(vec![1, 2, 3], "br", 100),
            Decoded::Unsupported
        );
    }
}
