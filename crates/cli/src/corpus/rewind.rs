//! [`Rewind`]: a buffered reader that knows its stream offset and can go
//! back to a mark, so a reader can retry from just after the start of a
//! record that turned out corrupt, even on a pipe.

use std::io::{self, BufRead, Read};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// How much is read from the inner reader at a time.
const CHUNK: usize = 256 * 1024;

/// A buffered reader with a stream offset, `peek`, and one mark to rewind to.
///
/// While a mark is set the bytes after it are kept, up to `keep` bytes
/// (then the mark is dropped, so memory stays bounded on huge records).
pub struct Rewind<R> {
    inner: R,
    buf: Vec<u8>,
    /// Stream offset of `buf[0]`.
    base: u64,
    /// Read position in `buf`.
    pos: usize,
    /// Index in `buf` of the mark.
    mark: Option<usize>,
    /// The most bytes kept after a mark.
    keep: usize,
    eof: bool,
    /// Bytes read from `inner` so far, for progress reports.
    counter: Arc<AtomicU64>,
}

impl<R: Read> Rewind<R> {
    /// Wraps `inner`, adding every byte read to `counter`; a mark keeps at
    /// most `keep` bytes.
    pub fn new(inner: R, keep: usize, counter: Arc<AtomicU64>) -> Self {
        Rewind {
            inner,
            buf: Vec::new(),
            base: 0,
            pos: 0,
            mark: None,
            keep,
            eof: false,
            counter,
        }
    }

    /// The stream offset of the next byte to read.
    pub fn offset(&self) -> u64 {
        self.base + self.pos as u64
    }

    /// Sets the mark at the current position.
    pub fn mark(&mut self) {
        self.mark = Some(self.pos);
    }

    /// Clears the mark.
    pub fn unmark(&mut self) {
        self.mark = None;
    }

    /// Goes back to `skip` bytes after the mark and clears it. False when
    /// there is no mark (never set, or dropped past the `keep` limit).
    pub fn rewind(&mut self, skip: usize) -> bool {
        match self.mark.take() {
            Some(m) => {
                self.pos = (m + skip).min(self.buf.len());
                true
            }
            None => false,
        }
    }

    /// At least `n` bytes from the current position (fewer only at the end
    /// of the stream), without consuming them.
    pub fn peek(&mut self, n: usize) -> io::Result<&[u8]> {
        while self.buf.len() - self.pos < n && !self.eof {
            self.refill()?;
        }
        let end = self.buf.len().min(self.pos + n);
        Ok(&self.buf[self.pos..end])
    }

    /// Drops the bytes no longer needed, then reads one more chunk.
    fn refill(&mut self) -> io::Result<()> {
        if let Some(m) = self.mark
            && self.buf.len() - m > self.keep
        {
            self.mark = None;
        }
        let from = self.mark.unwrap_or(self.pos);
        if from > 0 {
            self.buf.drain(..from);
            self.base += from as u64;
            self.pos -= from;
            self.mark = self.mark.map(|m| m - from);
            // A huge marked record may have grown the buffer: give it back.
            if self.buf.capacity() > 8 * CHUNK && self.buf.len() < CHUNK {
                self.buf.shrink_to(2 * CHUNK);
            }
        }
        let old = self.buf.len();
        self.buf.resize(old + CHUNK, 0);
        let n = loop {
            match self.inner.read(&mut self.buf[old..]) {
                Ok(n) => break n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.buf.truncate(old);
                    return Err(e);
                }
            }
        };
        self.buf.truncate(old + n);
        self.eof = n == 0;
        self.counter.fetch_add(n as u64, Ordering::Relaxed);
        Ok(())
    }
}

impl<R: Read> Read for Rewind<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let avail = self.fill_buf()?;
        let n = avail.len().min(out.len());
        out[..n].copy_from_slice(&avail[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: Read> BufRead for Rewind<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.pos == self.buf.len() && !self.eof {
            self.refill()?;
        }
        Ok(&self.buf[self.pos..])
    }

    fn consume(&mut self, n: usize) {
        self.pos = (self.pos + n).min(self.buf.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Hands out at most 3 bytes per read, like a slow pipe.
    struct Trickle<'a>(&'a [u8]);
    impl Read for Trickle<'_> {
        fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
            let n = self.0.len().min(out.len()).min(3);
            out[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    #[test]
    fn peek_rewind_and_offsets() {
        let data: Vec<u8> = (0..=255u8).cycle().take(1000).collect();
        let mut r = Rewind::new(Trickle(&data), 1 << 20, Arc::default());
        assert_eq!(r.peek(10).unwrap(), &data[..10]);
        let mut head = [0u8; 100];
        r.read_exact(&mut head).unwrap();
        assert_eq!(r.offset(), 100);
        r.mark();
        let mut rest = Vec::new();
        r.read_to_end(&mut rest).unwrap();
        assert_eq!(rest, &data[100..]);
        assert!(r.rewind(1));
        assert_eq!(r.offset(), 101);
        let mut again = Vec::new();
        r.read_to_end(&mut again).unwrap();
        assert_eq!(again, &data[101..]);
        assert!(!r.rewind(0));
    }

    #[test]
    fn mark_is_dropped_past_the_limit() {
        let data = vec![7u8; 3 * CHUNK];
        let mut r = Rewind::new(&data[..], 10, Arc::default());
        r.mark();
        io::copy(&mut r, &mut io::sink()).unwrap();
        assert!(!r.rewind(1));
        assert_eq!(r.offset(), data.len() as u64);
    }
}
