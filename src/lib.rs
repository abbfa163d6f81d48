//! dechaff separates a web page's main content (the wheat) from its
//! boilerplate (the chaff): menus, related and trending boxes, ads, banners,
//! share widgets, footers and comment threads.
//!
//! HTML bytes in any charset are decoded, parsed by html5ever into a compact
//! arena DOM, cut into blocks with text and link features, and each block is
//! kept or dropped with a [`Reason`]. Extraction never fails: odd input gives
//! an empty or [degraded](Extracted::degraded) result.
//!
//! ```
//! use dechaff::{Extractor, Hints, Options};
//!
//! let html = b"<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>
//!   <article><h1>A headline</h1>
//!   <p>The first paragraph of the story says what happened, and where, and why it matters.</p>
//!   <p>The second paragraph gives the details that a reader came for, at some length too.</p>
//!   </article><footer>Copyright 2026</footer></body></html>";
//! let out = Extractor::new(Options::default()).extract(html, &Hints::default());
//! assert!(out.text().contains("The first paragraph"));
//! assert!(!out.text().contains("Copyright"));
//! ```
//!
//! # Features
//! - `encoding` (default): charset sniffing with chardetng when neither a
//!   BOM, the transport header nor a `<meta>` names the encoding. Without it
//!   such pages are read as UTF-8 (invalid bytes replaced).
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod blocks;
mod decode;
mod dom;
mod extracted;
mod guard;
mod metadata;
mod options;
mod output;
mod score;
#[doc(hidden)]
pub mod stages;

pub use decode::{Decoded, decode, repair_mojibake};
#[doc(hidden)]
pub use dom::{ParseStats, debug_parse_stats, debug_tree, flush_text as debug_flush_text};
pub use extracted::{Block, BlockKind, Degradation, EncodingSource, Extracted, Metadata, Reason};
pub use options::{
    DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_NODES, Hints, Options, Preset, Signal,
};

/// A configured extractor: create once, use from any number of threads.
#[derive(Debug, Clone, Default)]
pub struct Extractor {
    options: Options,
}

impl Extractor {
    /// An extractor with these settings.
    pub fn new(options: Options) -> Self {
        Extractor { options }
    }

    /// The settings in use.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Extracts the main content of one page. Never fails: input that is
    /// not HTML, or is empty, gives a result with no kept blocks.
    pub fn extract(&self, bytes: &[u8], hints: &Hints) -> Extracted {
        let mut degraded = None;
        let bytes = if bytes.len() > self.options.max_bytes {
            degraded = Some(Degradation::TooManyBytes);
            &bytes[..self.options.max_bytes]
        } else {
            bytes
        };
        let (encoding, source, bytes) = decode::choose_and_strip(bytes, hints);
        // Text that needs decoding is decoded as the parser goes.
        let input = match decode::borrowed(encoding, bytes) {
            Some(text) => dom::Source::Text(text),
            None => dom::Source::undecoded(encoding, bytes),
        };
        self.run(input, (encoding.name(), source), hints, degraded)
    }

    /// Extracts from text already decoded (a JavaScript or Python string):
    /// no charset is detected, and a `<meta charset>` in the text is
    /// ignored. The byte limit applies to the text's UTF-8 length, cut at
    /// a character boundary.
    pub fn extract_str(&self, html: &str, hints: &Hints) -> Extracted {
        let mut degraded = None;
        let mut text = html.strip_prefix('\u{FEFF}').unwrap_or(html);
        if text.len() > self.options.max_bytes {
            degraded = Some(Degradation::TooManyBytes);
            let mut end = self.options.max_bytes;
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            text = &text[..end];
        }
        let encoding = ("UTF-8", EncodingSource::Text);
        self.run(dom::Source::Text(text), encoding, hints, degraded)
    }

    fn run(
        &self,
        input: dom::Source<'_>,
        encoding: (&'static str, EncodingSource),
        hints: &Hints,
        degraded: Option<Degradation>,
    ) -> Extracted {
        let mut dom = dom::parse(input, &self.options);
        let degraded = degraded.or(dom.degraded);
        let meta = metadata::extract(&dom, hints);
        let mut page = blocks::segment(&dom, self.options.keep_all);
        dom.release_text();
        score::decide(&dom, &mut page, &self.options, &meta);
        assemble(encoding, &dom, page, meta, &self.options, degraded)
    }
}

/// The public result from the decided blocks, with the comment thread when
/// asked for. A page whose markup holds no text (a script-rendered shell)
/// gives no text: its `<meta>` description is page metadata, not page
/// content, and stays in `metadata.description`.
fn assemble(
    (encoding, encoding_source): (&'static str, EncodingSource),
    dom: &dom::Dom,
    page: blocks::Page,
    mut meta: Metadata,
    options: &Options,
    degraded: Option<Degradation>,
) -> Extracted {
    let comments = if options.comments {
        page.comments_text()
    } else {
        None
    };
    let blocks = page.into_blocks();
    // The page's one visible headline is its title when the markup's
    // title rewords it.
    let mut headlines = blocks.iter().filter(|b| b.kind == BlockKind::Heading(1));
    if let (Some(h), None) = (headlines.next(), headlines.next())
        && meta
            .title
            .as_deref()
            .is_some_and(|t| score::rewords(t, &h.text))
    {
        meta.title = Some(h.text.clone());
    }
    Extracted {
        title: meta.title.clone(),
        lang: dom.lang.clone(),
        encoding,
        encoding_source,
        blocks,
        comments,
        degraded,
        metadata: meta,
    }
}

/// The attributes kept per tag; see [`Degradation::TooManyAttributes`].
#[doc(hidden)]
pub fn debug_max_attributes() -> usize {
    guard::MAX_ATTRIBUTES
}

/// Extracts with default settings: a shortcut for
/// `Extractor::default().extract(bytes, &Hints::default())`.
pub fn extract(bytes: &[u8]) -> Extracted {
    Extractor::default().extract(bytes, &Hints::default())
}
