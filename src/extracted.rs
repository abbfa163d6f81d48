//! What an extraction returns: [`Extracted`] and its parts.

/// The kind of a block of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BlockKind {
    /// A paragraph or a run of loose text.
    Paragraph,
    /// A heading, with its level 1 to 6.
    Heading(u8),
    /// An item of a list; `ordered` for `<ol>`, with `depth` 0 for a top-level list.
    ListItem {
        /// Whether the list is numbered.
        ordered: bool,
        /// Nesting depth of the list, 0 for an outermost list.
        depth: u8,
    },
    /// A row of a table; cells are separated by tabs in the text.
    TableRow {
        /// Whether the row holds header cells only.
        header: bool,
    },
    /// Preformatted text or code, kept verbatim.
    Code,
    /// A block quotation.
    Quote,
    /// A figure or image caption.
    Caption,
}

impl BlockKind {
    /// A short stable name (`p`, `h1`..`h6`, `li`, `tr`, `pre`, `quote`, `caption`).
    pub fn name(self) -> &'static str {
        match self {
            BlockKind::Paragraph => "p",
            BlockKind::Heading(1) => "h1",
            BlockKind::Heading(2) => "h2",
            BlockKind::Heading(3) => "h3",
            BlockKind::Heading(4) => "h4",
            BlockKind::Heading(5) => "h5",
            BlockKind::Heading(_) => "h6",
            BlockKind::ListItem { .. } => "li",
            BlockKind::TableRow { .. } => "tr",
            BlockKind::Code => "pre",
            BlockKind::Quote => "quote",
            BlockKind::Caption => "caption",
        }
    }
}

/// Why a block was kept or dropped: a closed set, so every decision can be
/// explained and counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Reason {
    /// Kept: inside the main content region and looks like content.
    Content,
    /// Kept: a short block between kept blocks, taken as part of the flow.
    Context,
    /// Kept: a heading that introduces kept content.
    HeadingOfContent,
    /// Kept: nothing on the page looked like content, so its plain text
    /// (every block no markup hint calls boilerplate) was kept rather than
    /// nothing.
    Fallback,
    /// Kept: every block is kept ([`Options::with_keep_all`](crate::Options::with_keep_all)).
    KeepAll,
    /// Dropped: outside the main content region.
    OutsideMain,
    /// Dropped: navigation, menu or breadcrumb.
    Navigation,
    /// Dropped: a related / trending / popular / recommended / "read also" box.
    Related,
    /// Dropped: an inline "read also: <link>" line inside the text.
    ReadAlso,
    /// Dropped: an ad or sponsored block.
    Advertisement,
    /// Dropped: share, follow or social widget.
    Social,
    /// Dropped: cookie, consent or newsletter banner, or a form.
    Banner,
    /// Dropped: page or section footer, or copyright line.
    Footer,
    /// Dropped: sidebar or widget area.
    Sidebar,
    /// Dropped: comment thread (see [`Extracted::comments`]).
    Comments,
    /// Dropped: mostly link text.
    LinkDense,
    /// Dropped: too little text to stand on its own, away from content.
    TooShort,
    /// Dropped: a short text hidden by markup (`hidden`, `aria-hidden`
    /// except on a link, `display:none`, hiding classes) inside the
    /// content: a menu, a label, a message shown on a click. Hidden prose
    /// (a collapsed section, a tab) is kept.
    Hidden,
    /// Dropped: a figure's caption or a photo credit (`<figcaption>`, or
    /// named so: `wp-caption-text`, `image-credit`), which describes or
    /// credits a picture rather than carrying the text. Kept with
    /// [`Preset::Recall`](crate::Preset::Recall); table captions are kept
    /// with their tables.
    Caption,
    /// Dropped: the page title repeated as the first heading.
    Title,
    /// Dropped: byline, date or other article metadata.
    Byline,
    /// Dropped: prices, carts, ratings, shoppers' reviews.
    Commerce,
    /// Dropped: a forum post's signature or author panel, or an article author's bio box.
    Signature,
    /// Dropped: the same text was already kept (a hidden copy, a repeat).
    Duplicate,
    /// Dropped: a disclaimer, disclosure, legal note or footnote.
    Legal,
    /// Dropped: a short line after an article's named body with no prose
    /// after it: tags, a sign-up call, a "follow our channel" box.
    AfterBody,
}

impl Reason {
    /// A short stable name in snake case, for JSON and logs.
    pub fn name(self) -> &'static str {
        match self {
            Reason::Content => "content",
            Reason::Context => "context",
            Reason::HeadingOfContent => "heading_of_content",
            Reason::KeepAll => "keep_all",
            Reason::Fallback => "fallback",
            Reason::OutsideMain => "outside_main",
            Reason::Navigation => "navigation",
            Reason::Related => "related",
            Reason::ReadAlso => "read_also",
            Reason::Advertisement => "advertisement",
            Reason::Social => "social",
            Reason::Banner => "banner",
            Reason::Footer => "footer",
            Reason::Sidebar => "sidebar",
            Reason::Comments => "comments",
            Reason::LinkDense => "link_dense",
            Reason::TooShort => "too_short",
            Reason::Hidden => "hidden",
            Reason::Caption => "caption",
            Reason::Title => "title",
            Reason::Byline => "byline",
            Reason::Commerce => "commerce",
            Reason::Signature => "signature",
            Reason::Duplicate => "duplicate",
            Reason::Legal => "legal",
            Reason::AfterBody => "after_body",
        }
    }
}

/// One block of the page's text with its decision.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// What kind of block it is.
    pub kind: BlockKind,
    /// Its text, whitespace collapsed (verbatim for [`BlockKind::Code`]).
    pub text: String,
    /// Whether it is part of the main content.
    pub kept: bool,
    /// Why it was kept or dropped.
    pub reason: Reason,
}

/// Where the decoding's encoding came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EncodingSource {
    /// A byte order mark.
    Bom,
    /// The transport `Content-Type` header's `charset`.
    Transport,
    /// A `<meta charset>` or `http-equiv` found by the HTML prescan.
    Meta,
    /// Guessed from the bytes by chardetng.
    Sniffed,
    /// Nothing said: the default (UTF-8).
    Default,
    /// The caller passed text already decoded ([`crate::Extractor::extract_str`]).
    Text,
}

impl EncodingSource {
    /// A short stable name (`bom`, `transport`, `meta`, `sniffed`, `default`, `text`).
    pub fn name(self) -> &'static str {
        match self {
            EncodingSource::Bom => "bom",
            EncodingSource::Transport => "transport",
            EncodingSource::Meta => "meta",
            EncodingSource::Sniffed => "sniffed",
            EncodingSource::Default => "default",
            EncodingSource::Text => "text",
        }
    }
}

/// Why a result is degraded: a limit was reached and the page was
/// processed in part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Degradation {
    /// The input was longer than the byte limit: only its first bytes were used.
    TooManyBytes,
    /// The tree reached the node limit: the rest of the page was left out.
    TooManyNodes,
    /// Elements nested past the depth limit were flattened into the
    /// element at the limit (their text kept); on a page that kept nesting,
    /// the rest was read as plain text.
    TooDeep,
    /// A tag had more than 256 attributes, several times what real pages
    /// use (a flood that would make parsing quadratic): those past the
    /// 256th were dropped.
    TooManyAttributes,
}

impl Degradation {
    /// A short stable name in snake case.
    pub fn name(self) -> &'static str {
        match self {
            Degradation::TooManyBytes => "too_many_bytes",
            Degradation::TooManyNodes => "too_many_nodes",
            Degradation::TooDeep => "too_deep",
            Degradation::TooManyAttributes => "too_many_attributes",
        }
    }
}

/// Page metadata found in JSON-LD, OpenGraph, meta tags and the markup.
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct Metadata {
    /// The page's title: its JSON-LD headline, else OpenGraph, else
    /// `<title>`, else the first `<h1>`; the page's one `<h1>` instead when
    /// that title rewords it (half its words and more, not the whole
    /// headline: a title written for search results or sharing).
    pub title: Option<String>,
    /// Authors, in page order.
    pub authors: Vec<String>,
    /// Publication date, ISO 8601: from JSON-LD, meta tags, microdata or
    /// `<time datetime>`; else the first date printed in a byline or
    /// `<time>` (`Dec. 15, 2025`, `15.12.2025`, `2025年12月15日`; a
    /// slashed `03/04/2025` reads month first unless that cannot be), else
    /// a short line under the first `<h1>` that is a date ("Last updated:
    /// Dec 12, 2025"), as `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Last modification date, ISO 8601.
    pub modified: Option<String>,
    /// The site's name.
    pub site_name: Option<String>,
    /// The page's description.
    pub description: Option<String>,
    /// The canonical URL.
    pub canonical_url: Option<String>,
    /// The main image's URL.
    pub image: Option<String>,
    /// Tags and categories.
    pub tags: Vec<String>,
    /// What the page declares itself to be: the schema.org `@type` of its
    /// first JSON-LD object naming a kind of content (`NewsArticle`,
    /// `Product`, `Recipe`), else its OpenGraph `og:type` (`article`,
    /// `product`).
    pub page_type: Option<String>,
}

/// The result of an extraction.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Extracted {
    /// The page's title, if any (as [`Metadata::title`]).
    pub title: Option<String>,
    /// The declared language (`<html lang>` or metadata), if any.
    pub lang: Option<String>,
    /// The encoding the bytes were decoded with (its WHATWG name).
    pub encoding: &'static str,
    /// Where that encoding came from.
    pub encoding_source: EncodingSource,
    /// Every block of the page, kept or not, in document order.
    pub blocks: Vec<Block>,
    /// The comment thread's text, when asked for and found.
    pub comments: Option<String>,
    /// Set when a limit was reached and the page was processed in part.
    pub degraded: Option<Degradation>,
    /// Title, authors, dates and the rest.
    pub metadata: Metadata,
}

impl Extracted {
    /// The kept blocks.
    pub fn kept(&self) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(|b| b.kept)
    }

    /// The main content as plain text, one block per line.
    pub fn text(&self) -> String {
        crate::output::text(self)
    }

    /// The main content as Markdown.
    pub fn markdown(&self) -> String {
        crate::output::markdown(self)
    }

    /// The whole result as one JSON object.
    pub fn json(&self) -> String {
        crate::output::json(self)
    }
}
