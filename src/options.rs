//! Extraction settings ([`Options`]) and per-document hints ([`Hints`]).

/// How much text to keep when a block's decision is uncertain.
///
/// One knob over the block decision threshold: `Precision` drops borderline
/// blocks, `Recall` keeps them, figure captions included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Preset {
    /// Drop borderline blocks: less boilerplate, some content lost.
    Precision,
    /// The default trade-off.
    #[default]
    Balanced,
    /// Keep borderline blocks and figure captions: more content, some
    /// boilerplate kept.
    Recall,
}

impl Preset {
    /// Parses `precision`, `balanced` or `recall`.
    pub fn parse(name: &str) -> Option<Preset> {
        match name {
            "precision" => Some(Preset::Precision),
            "balanced" => Some(Preset::Balanced),
            "recall" => Some(Preset::Recall),
            _ => None,
        }
    }

    /// The preset's name, as [`Preset::parse`] accepts it.
    pub fn name(self) -> &'static str {
        match self {
            Preset::Precision => "precision",
            Preset::Balanced => "balanced",
            Preset::Recall => "recall",
        }
    }
}

/// A family of signals the block decision uses, named so that it can be
/// switched off to measure what it adds (an ablation study):
/// [`Options::without`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Signal {
    /// Boilerplate names in classes, ids, roles and tags (`nav`,
    /// `related`, `cookie`, `<aside>`, ...), bylines and article-body names.
    MarkupHints,
    /// The checks that overrule a markup hint: a hinted container holding
    /// most of the page's prose, hints covering the whole page or most of
    /// the `main` landmark, promo boxes of paragraphs, byline names over
    /// most of the region's prose, an article-body name around the
    /// comments (a thread page's layout), and comments that hold most of
    /// a page with no article body. An `<aside>`, `<nav>` or `<footer>`
    /// (or its ARIA role) outside the `main` landmark is never overruled.
    HintVetoes,
    /// Link text counting against a container, and link-dense blocks
    /// dropped.
    LinkDensity,
    /// The bonus for prose paragraphs (long, few links, sentence marks)
    /// when the main region is chosen.
    Prose,
    /// The article-body name boost when the main region is chosen, and
    /// an article's trailer (short lines after its named body, with no
    /// prose after them) dropped.
    BodyBoost,
    /// Teaser cards (a linked headline over a blurb) dropped beside an
    /// article: one of at least a few paragraphs before the cards or
    /// after them.
    Teasers,
    /// Listing pages judged by their items rather than their prose.
    Listing,
    /// Short fragments and headings judged by their neighbours.
    Smoothing,
    /// Repeated and copied blocks dropped.
    Repeats,
    /// The lead-in (bylines, kickers) and the title heading dropped.
    LeadIn,
    /// Lines that are a URL, a timestamp, printed markup, identifiers or
    /// JSON dropped, and worth nothing to the region.
    Patterns,
    /// The landmarks: the `main` one (`<main>`, `role=main`) bounding
    /// where the region is looked for, and on a page that is not an
    /// article joining it whole; the site's `<header>` kept out of it.
    Landmark,
    /// Figure captions and photo credits dropped (the recall preset keeps
    /// them).
    Captions,
    /// Short texts hidden by markup inside the region dropped.
    Hidden,
}

impl Signal {
    /// Every signal family, in the order ablation tables list them.
    pub const ALL: [Signal; 14] = [
        Signal::MarkupHints,
        Signal::HintVetoes,
        Signal::LinkDensity,
        Signal::Prose,
        Signal::BodyBoost,
        Signal::Teasers,
        Signal::Listing,
        Signal::Smoothing,
        Signal::Repeats,
        Signal::LeadIn,
        Signal::Patterns,
        Signal::Landmark,
        Signal::Captions,
        Signal::Hidden,
    ];

    /// The family's name, as [`Signal::parse`] accepts it.
    pub fn name(self) -> &'static str {
        match self {
            Signal::MarkupHints => "markup-hints",
            Signal::HintVetoes => "hint-vetoes",
            Signal::LinkDensity => "link-density",
            Signal::Prose => "prose",
            Signal::BodyBoost => "body-boost",
            Signal::Teasers => "teasers",
            Signal::Listing => "listing",
            Signal::Smoothing => "smoothing",
            Signal::Repeats => "repeats",
            Signal::LeadIn => "lead-in",
            Signal::Patterns => "patterns",
            Signal::Landmark => "landmark",
            Signal::Captions => "captions",
            Signal::Hidden => "hidden",
        }
    }

    /// Parses a name given by [`Signal::name`].
    pub fn parse(name: &str) -> Option<Signal> {
        Signal::ALL.into_iter().find(|s| s.name() == name)
    }

    fn bit(self) -> u32 {
        1 << (self as u32)
    }
}

/// Settings for an [`Extractor`](crate::Extractor).
///
/// Built with `with_*` methods; every setting has a documented default, so
/// new settings never break callers.
///
/// ```
/// let opts = dechaff::Options::default().with_comments(true);
/// assert!(opts.comments());
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    pub(crate) comments: bool,
    pub(crate) keep_all: bool,
    pub(crate) preset: Preset,
    pub(crate) max_bytes: usize,
    pub(crate) max_nodes: usize,
    pub(crate) max_depth: usize,
    /// Bits of the [`Signal`]s switched off.
    pub(crate) disabled: u32,
}

/// Default input size limit: 16 MiB, far above real pages (a few MB at most).
pub const DEFAULT_MAX_BYTES: usize = 16 << 20;
/// Default DOM node limit: 1,000,000 nodes (a 16 MiB page of tiny elements).
pub const DEFAULT_MAX_NODES: usize = 1_000_000;
/// Default depth limit: 512, as browsers cap the DOM's depth; real pages
/// stay under 64 (the deepest of the 1,697 benchmark pages is 57 open
/// elements).
pub const DEFAULT_MAX_DEPTH: usize = 512;

impl Default for Options {
    fn default() -> Self {
        Options {
            comments: false,
            keep_all: false,
            preset: Preset::Balanced,
            max_bytes: DEFAULT_MAX_BYTES,
            max_nodes: DEFAULT_MAX_NODES,
            max_depth: DEFAULT_MAX_DEPTH,
            disabled: 0,
        }
    }
}

impl Options {
    /// Collects the page's comment thread into
    /// [`Extracted::comments`](crate::Extracted::comments).
    ///
    /// Comments never enter the main text either way.
    ///
    /// ### Default
    /// `false`
    pub fn with_comments(mut self, on: bool) -> Self {
        self.comments = on;
        self
    }

    /// Keeps all the page's text, boilerplate, `<title>` and hidden
    /// elements included: the "all text" baseline (like html-text) that
    /// evaluations compare against.
    ///
    /// ### Default
    /// `false`
    pub fn with_keep_all(mut self, on: bool) -> Self {
        self.keep_all = on;
        self
    }

    /// The precision/recall trade-off.
    ///
    /// ### Default
    /// [`Preset::Balanced`]
    pub fn with_preset(mut self, preset: Preset) -> Self {
        self.preset = preset;
        self
    }

    /// Input size limit in bytes. Longer input is cut at this many bytes
    /// (a character cut in two decodes as U+FFFD) and the result is marked
    /// [`TooManyBytes`](crate::Degradation::TooManyBytes): the extraction
    /// is from the first bytes only.
    ///
    /// ### Default
    /// [`DEFAULT_MAX_BYTES`] (16 MiB)
    pub fn with_max_bytes(mut self, n: usize) -> Self {
        self.max_bytes = n;
        self
    }

    /// DOM node limit. The parse stops at the token that reaches it, so
    /// the rest of the page is left out, and the result is marked
    /// [`TooManyNodes`](crate::Degradation::TooManyNodes): the extraction
    /// is from the page up to that point. (A single token may add a few
    /// hundred nodes, at most the depth limit, before the stop.)
    ///
    /// ### Default
    /// [`DEFAULT_MAX_NODES`] (1,000,000)
    pub fn with_max_nodes(mut self, n: usize) -> Self {
        self.max_nodes = n;
        self
    }

    /// Depth limit, on the parser's open elements (formatting elements it
    /// keeps for reopening, like an unclosed `<b>`, included) and on the
    /// tree. While the parser holds this many, start tags are dropped and
    /// their text goes to the element at the limit; elements deeper than
    /// this in the finished tree are flattened the same way. A page that
    /// keeps nesting past the limit (thousands of unclosed tags) has the
    /// rest read as plain text, so that parsing stays linear. Either way the
    /// result is marked [`TooDeep`](crate::Degradation::TooDeep).
    ///
    /// ### Default
    /// [`DEFAULT_MAX_DEPTH`] (512)
    pub fn with_max_depth(mut self, n: usize) -> Self {
        self.max_depth = n;
        self
    }

    /// Switches a family of signals off, to measure what it adds; the
    /// extraction is then worse by design. For evaluation, not production.
    ///
    /// ```
    /// use dechaff::{Options, Signal};
    /// let opts = Options::default().without(Signal::Teasers);
    /// assert!(!opts.uses(Signal::Teasers));
    /// assert!(opts.uses(Signal::LinkDensity));
    /// ```
    ///
    /// ### Default
    /// Every signal is used.
    pub fn without(mut self, signal: Signal) -> Self {
        self.disabled |= signal.bit();
        self
    }

    /// Whether a signal family is used; see [`Options::without`].
    pub fn uses(&self, signal: Signal) -> bool {
        self.disabled & signal.bit() == 0
    }

    /// Whether comments are collected; see [`Options::with_comments`].
    pub fn comments(&self) -> bool {
        self.comments
    }

    /// Whether every block is kept; see [`Options::with_keep_all`].
    pub fn keep_all(&self) -> bool {
        self.keep_all
    }

    /// The precision/recall preset; see [`Options::with_preset`].
    pub fn preset(&self) -> Preset {
        self.preset
    }

    /// The input byte limit; see [`Options::with_max_bytes`].
    pub fn max_bytes(&self) -> usize {
        self.max_bytes
    }

    /// The node limit; see [`Options::with_max_nodes`].
    pub fn max_nodes(&self) -> usize {
        self.max_nodes
    }

    /// The depth limit; see [`Options::with_max_depth`].
    pub fn max_depth(&self) -> usize {
        self.max_depth
    }
}

/// What is known about a document besides its bytes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hints {
    pub(crate) url: Option<String>,
    pub(crate) content_type: Option<String>,
}

impl Hints {
    /// No hints.
    pub fn new() -> Self {
        Hints::default()
    }

    /// The page's URL: its top-level domain helps charset detection, and it
    /// is reported as the page's URL when the page names no canonical one.
    pub fn with_url(mut self, url: impl Into<String>) -> Self {
        self.url = Some(url.into());
        self
    }

    /// The HTTP `Content-Type` header, whose `charset=` parameter is the
    /// transport-level encoding label.
    pub fn with_content_type(mut self, content_type: impl Into<String>) -> Self {
        self.content_type = Some(content_type.into());
        self
    }

    /// The URL hint, if any.
    pub fn url(&self) -> Option<&str> {
        self.url.as_deref()
    }

    /// The `Content-Type` hint, if any.
    pub fn content_type(&self) -> Option<&str> {
        self.content_type.as_deref()
    }
}
