//! JSONL input: one JSON object per line, with the page's HTML in a field.
//! Lines are only split here; the workers parse them (see `process`).

use std::io::{self, BufRead};
use std::sync::Arc;

use super::doc::{Body, Doc, Sink};

/// What reading one line gave.
enum Line {
    /// The end of the stream.
    End,
    /// A line (in the buffer, newline removed).
    Whole,
    /// A line longer than the limit, skipped.
    TooLong,
}

/// Reads one line into `line` (at most `cap` bytes), adding the bytes
/// consumed to `consumed`.
fn next_line<B: BufRead>(
    r: &mut B,
    line: &mut Vec<u8>,
    cap: usize,
    consumed: &mut u64,
) -> io::Result<Line> {
    line.clear();
    let mut too_long = false;
    let mut any = false;
    loop {
        let buf = r.fill_buf()?;
        if buf.is_empty() {
            return Ok(match (any, too_long) {
                (false, _) => Line::End,
                (true, true) => Line::TooLong,
                (true, false) => Line::Whole,
            });
        }
        any = true;
        let (n, done) = match buf.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (buf.len(), false),
        };
        if !too_long {
            if line.len() + n > cap {
                // Keep reading to the newline, but keep nothing.
                too_long = true;
                line.clear();
            } else {
                line.extend_from_slice(&buf[..n]);
            }
        }
        r.consume(n);
        *consumed += n as u64;
        if done {
            if line.last() == Some(&b'\n') {
                line.pop();
            }
            if line.last() == Some(&b'\r') {
                line.pop();
            }
            return Ok(if too_long { Line::TooLong } else { Line::Whole });
        }
    }
}

/// Reads every line of a JSONL stream into `sink`. Offsets are in the
/// (decompressed) stream. A line over `cap` bytes is reported and skipped;
/// a stream that fails (e.g. corrupt gzip) is reported and left.
pub fn read<B: BufRead>(r: &mut B, file: &Arc<str>, cap: usize, sink: &mut Sink) {
    let mut line = Vec::new();
    let mut offset = 0u64;
    let mut number = 0u64;
    while !sink.stopped() {
        let start = offset;
        number += 1;
        match next_line(r, &mut line, cap, &mut offset) {
            Ok(Line::End) => return,
            Ok(Line::Whole) => {
                if line.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                let mut doc = Doc::new(file, Some(start));
                doc.body = Body::JsonLine {
                    line: std::mem::take(&mut line),
                    number,
                };
                sink.doc(doc);
            }
            Ok(Line::TooLong) => {
                let msg = format!(
                    "{file}: offset {start} (line {number}): line over {cap} bytes, skipped"
                );
                sink.doc(Doc::error(file, Some(start), "line_too_long", msg));
            }
            Err(e) => {
                let msg = format!(
                    "{file}: offset {offset} (line {number}): cannot read further: {e}; \
                     the rest of the file is skipped"
                );
                sink.doc(Doc::error(file, Some(offset), "read_error", msg));
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::doc::Event;

    #[test]
    fn lines_offsets_and_limits() {
        let data =
            b"{\"a\":1}\r\n\n{\"b\":2}\nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n{\"c\":3}";
        let file: Arc<str> = "f.jsonl".into();
        let mut got = Vec::new();
        let mut push = |e| {
            if let Event::Doc(d) = e {
                let line = match d.body {
                    Body::JsonLine { line, number } => (String::from_utf8(line).unwrap(), number),
                    _ => (d.verdict.unwrap().1.to_string(), 0),
                };
                got.push((d.offset.unwrap(), line));
            }
            true
        };
        read(&mut &data[..], &file, 20, &mut Sink::new(&mut push));
        assert_eq!(
            got,
            [
                (0, ("{\"a\":1}".to_string(), 1)),
                (10, ("{\"b\":2}".to_string(), 3)),
                (18, ("line_too_long".to_string(), 0)),
                (62, ("{\"c\":3}".to_string(), 5)),
            ]
        );
    }
}
