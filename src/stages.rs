//! The pipeline of [`Extractor::extract`](crate::Extractor::extract) cut
//! into its stages, so that benches and profiles can time each one alone
//! (`benches/stages.rs`). Not a stable API: hidden from the docs, and the
//! types are opaque on purpose.
//!
//! The stages, in order: [`decode`] (bytes to text), [`parse`] (html5ever
//! into the arena DOM), [`metadata`], [`segment`] (blocks and their text and
//! link features), [`decide`] (selection and scoring), [`assemble`] (the
//! public [`Extracted`]); the output stage is then
//! [`Extracted::text`] (or `markdown`, `json`). [`extract`] chains them
//! as `Extractor::extract` does; a test keeps the two results equal.
//! `Extractor::extract` differs only in memory: it decodes a page in a
//! legacy charset piece by piece as it parses (no decoded copy of the
//! whole page), and frees the DOM's text before scoring.

use crate::{Decoded, Extracted, Hints, Metadata, Options};
use crate::{blocks, dom, metadata as meta, score};

/// A page parsed into the arena DOM.
#[derive(Debug)]
pub struct Parsed(dom::Dom);

/// A page cut into blocks, with their features; scored in place by
/// [`decide`].
#[derive(Debug)]
pub struct Segmented(blocks::Page);

impl Parsed {
    /// Nodes in the arena: a size measure for reports.
    pub fn nodes(&self) -> usize {
        self.0.nodes.len()
    }
}

impl Segmented {
    /// Blocks found: a size measure for reports.
    pub fn blocks(&self) -> usize {
        self.0.blocks.len()
    }
}

/// Stage 1: bytes to text (BOM, hint, `<meta>` prescan, sniffing).
pub fn decode<'a>(bytes: &'a [u8], hints: &Hints) -> Decoded<'a> {
    crate::decode::decode(bytes, hints)
}

/// Stage 2: html5ever's tokenizer and tree builder into the arena DOM.
pub fn parse(text: &str, options: &Options) -> Parsed {
    Parsed(dom::parse(dom::Source::Text(text), options))
}

/// Stage 3: title, authors, dates and the rest, from JSON-LD, meta tags
/// and the markup.
pub fn metadata(parsed: &Parsed, hints: &Hints) -> Metadata {
    meta::extract(&parsed.0, hints)
}

/// Stage 4: blocks with their text and link features.
pub fn segment(parsed: &Parsed, options: &Options) -> Segmented {
    Segmented(blocks::segment(&parsed.0, options.keep_all))
}

/// Stage 5: keeps or drops every block, with its reason.
pub fn decide(parsed: &Parsed, page: &mut Segmented, options: &Options, metadata: &Metadata) {
    score::decide(&parsed.0, &mut page.0, options, metadata);
}

/// Stage 6: the public result, as `Extractor::extract` builds it (title,
/// comment thread).
pub fn assemble(
    decoded: &Decoded<'_>,
    parsed: Parsed,
    page: Segmented,
    metadata: Metadata,
    options: &Options,
) -> Extracted {
    let degraded = parsed.0.degraded;
    let encoding = (decoded.encoding, decoded.source);
    crate::assemble(encoding, &parsed.0, page.0, metadata, options, degraded)
}

/// All stages in a row: the same result as `Extractor::extract` for a page
/// under the byte limit.
pub fn extract(bytes: &[u8], options: &Options, hints: &Hints) -> Extracted {
    let decoded = decode(bytes, hints);
    let parsed = parse(&decoded.text, options);
    let metadata = metadata(&parsed, hints);
    let mut page = segment(&parsed, options);
    decide(&parsed, &mut page, options, &metadata);
    assemble(&decoded, parsed, page, metadata, options)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Extractor;

    /// The staged pipeline must stay the real one: same result on every
    /// corpus page, for the default settings and with comments kept.
    #[test]
    fn stages_give_what_extract_gives() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let mut pages = 0;
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.extension().is_none_or(|e| e != "html") {
                continue;
            }
            let bytes = std::fs::read(&path).unwrap();
            let hints = Hints::new().with_url("https://example.com/a");
            for options in [Options::default(), Options::default().with_comments(true)] {
                let want = Extractor::new(options.clone()).extract(&bytes, &hints);
                let got = extract(&bytes, &options, &hints);
                assert_eq!(got, want, "{}", path.display());
            }
            pages += 1;
        }
        assert!(pages > 10);
    }
}
