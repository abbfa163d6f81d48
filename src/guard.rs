//! Guards that keep parsing linear on hostile pages.
//!
//! html5ever is linear on ordinary markup, but some of its steps scan the
//! stack of open elements or the list of active formatting elements once
//! per token ("has an element in scope", the adoption agency, rebuilding
//! formatting elements), and its tokenizer compares every attribute of a
//! tag with all earlier ones. Pages with thousands of unclosed elements or
//! attributes thus cost quadratic time. Limits on the DOM alone cannot help,
//! as that cost is paid inside the parser, so two guards act before and
//! around it:
//!
//! - [`cap_attributes`], a linear pre-pass over the decoded text, drops the
//!   attributes of any tag past the [`MAX_ATTRIBUTES`]th;
//! - [`TokenGuard`] sits between the tokenizer and the tree builder: once
//!   the tree builder holds as many open and formatting elements as the
//!   depth limit, it drops start tags (their text still comes through), and
//!   once the node limit is reached it drops everything that follows.
//!
//! Ordinary pages stay far below both limits and are parsed unchanged.

use std::borrow::Cow;
use std::cell::Cell;

use html5ever::tokenizer::{StartTag, TagToken, Token, TokenSink, TokenSinkResult};
use html5ever::tree_builder::{Tracer, TreeBuilder, TreeSink};
use html5ever::{LocalName, local_name};

/// Attributes kept per tag: far more than real pages use (a few dozen at
/// most), few enough that the tokenizer's duplicate check (quadratic in the
/// attributes of one tag) stays cheap.
pub(crate) const MAX_ATTRIBUTES: usize = 256;

/// Drops the attributes of every tag past the `max`th, in one linear pass
/// that follows the tokenizer's tag states. `None` when no tag has that
/// many, which is every ordinary page.
///
/// Comments and the text of raw-text elements (`<script>`, `<style>`, ...)
/// are skipped, so that a `<` in a script does not start a tag; after
/// `<plaintext>` nothing is a tag.
pub(crate) fn cap_attributes(text: &str, max: usize) -> Option<String> {
    let b = text.as_bytes();
    let mut out: Option<String> = None;
    // Bytes before `copied` are already in `out`.
    let mut copied = 0;
    let mut i = 0;
    while let Some(lt) = memchr::memchr(b'<', &b[i..]) {
        let lt = i + lt;
        let Some(&next) = b.get(lt + 1) else { break };
        if next.is_ascii_alphabetic()
            || (next == b'/' && b.get(lt + 2).is_some_and(u8::is_ascii_alphabetic))
        {
            let end_tag = next == b'/';
            let name_at = lt + 1 + usize::from(end_tag);
            let tag = scan_tag(b, name_at, max);
            if let Some(cut) = tag.cut {
                let o = out.get_or_insert_with(|| String::with_capacity(text.len()));
                o.push_str(&text[copied..cut]);
                // A space keeps a trailing `/` or `>` from joining an
                // unquoted value.
                o.push(' ');
                copied = tag.end;
            }
            i = tag.end;
            if !end_tag {
                match raw_text_end(b, &b[name_at..tag.name_end], tag.end) {
                    RawText::No => {}
                    RawText::Until(at) => i = at,
                    RawText::Rest => break,
                }
            }
        } else if b[lt + 1..].starts_with(b"!--") {
            i = comment_end(b, lt + 4);
        } else if matches!(next, b'!' | b'?' | b'/') {
            // Doctypes, bogus comments and `</>` end at the next `>`.
            i = memchr::memchr(b'>', &b[lt + 1..]).map_or(b.len(), |e| lt + 2 + e);
        } else {
            i = lt + 1;
        }
    }
    let mut o = out?;
    o.push_str(&text[copied..]);
    Some(o)
}

/// What [`scan_tag`] found.
struct TagScan {
    /// End of the tag name.
    name_end: usize,
    /// Where the tag's `/>` or `>` starts (the text's end if unclosed).
    end: usize,
    /// With too many attributes: the end of the last one kept.
    cut: Option<usize>,
}

fn is_space(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | b'\x0C' | b'\r' | b' ')
}

/// Scans a tag from its name to its closing `>`, counting attributes as
/// the tokenizer splits them.
fn scan_tag(b: &[u8], name_at: usize, max: usize) -> TagScan {
    let mut i = name_at;
    while i < b.len() && !is_space(b[i]) && b[i] != b'/' && b[i] != b'>' {
        i += 1;
    }
    let name_end = i;
    let mut count = 0;
    // The end of the last attribute kept.
    let mut kept_end = name_end;
    loop {
        // Before an attribute name: spaces and stray slashes.
        while i < b.len() && (is_space(b[i]) || (b[i] == b'/' && b.get(i + 1) != Some(&b'>'))) {
            i += 1;
        }
        if i >= b.len() || b[i] == b'>' || b[i] == b'/' {
            let cut = (count > max).then_some(kept_end);
            return TagScan {
                name_end,
                end: i,
                cut,
            };
        }
        // The name; a leading `=` belongs to it.
        i += 1;
        while i < b.len() && !is_space(b[i]) && !matches!(b[i], b'/' | b'>' | b'=') {
            i += 1;
        }
        let mut attr_end = i;
        while i < b.len() && is_space(b[i]) {
            i += 1;
        }
        if b.get(i) == Some(&b'=') {
            i += 1;
            while i < b.len() && is_space(b[i]) {
                i += 1;
            }
            match b.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    i = memchr::memchr(q, &b[i + 1..]).map_or(b.len(), |e| i + 2 + e);
                }
                Some(b'>') | None => {}
                Some(_) => {
                    while i < b.len() && !is_space(b[i]) && b[i] != b'>' {
                        i += 1;
                    }
                }
            }
            attr_end = i;
        }
        count += 1;
        if count <= max {
            kept_end = attr_end;
        }
    }
}

enum RawText {
    /// Not a raw-text element.
    No,
    /// Its text ends where its end tag starts, here.
    Until(usize),
    /// Everything after it is text.
    Rest,
}

/// For a raw-text element's start tag, where its text ends. Where the tree
/// builder would not switch the tokenizer (say a `<title>` in SVG) this
/// skips markup it should not; that only means attributes there go
/// uncounted.
fn raw_text_end(b: &[u8], name: &[u8], from: usize) -> RawText {
    const RAW: [&[u8]; 8] = [
        b"script",
        b"style",
        b"xmp",
        b"iframe",
        b"noembed",
        b"noframes",
        b"textarea",
        b"title",
    ];
    if name.eq_ignore_ascii_case(b"plaintext") {
        return RawText::Rest;
    }
    let Some(raw) = RAW.iter().find(|r| name.eq_ignore_ascii_case(r)) else {
        return RawText::No;
    };
    let mut i = from;
    while let Some(at) = memchr::memmem::find(&b[i..], b"</") {
        let at = i + at;
        let after = at + 2 + raw.len();
        if b.len() >= after
            && b[at + 2..after].eq_ignore_ascii_case(raw)
            && b.get(after)
                .is_none_or(|&c| is_space(c) || c == b'/' || c == b'>')
        {
            return RawText::Until(at);
        }
        i = at + 2;
    }
    RawText::Rest
}

/// Where a comment whose text starts at `from` ends: after `-->` or `--!>`,
/// or at once for the abrupt `<!-->` and `<!--->`.
fn comment_end(b: &[u8], from: usize) -> usize {
    if b[from..].starts_with(b">") {
        return from + 1;
    }
    if b[from..].starts_with(b"->") {
        return from + 2;
    }
    let mut i = from;
    while let Some(at) = memchr::memmem::find(&b[i..], b"--") {
        let at = i + at;
        if b.get(at + 2) == Some(&b'>') {
            return at + 3;
        }
        if b[at + 2..].starts_with(b"!>") {
            return at + 4;
        }
        i = at + 1;
    }
    b.len()
}

/// A tree sink that can say how many nodes it holds.
pub(crate) trait NodeCount {
    /// Nodes created so far.
    fn node_count(&self) -> usize;
}

/// Counts the handles the tree builder reports: the document, the open
/// elements, the active formatting elements, the head and form pointers.
struct Count(Cell<usize>);

impl Tracer for Count {
    type Handle = u32;

    fn trace_handle(&self, _: &u32) {
        self.0.set(self.0.get() + 1);
    }
}

/// The token filter between html5ever's tokenizer and tree builder.
pub(crate) struct TokenGuard<S: TreeSink<Handle = u32>> {
    pub(crate) tb: TreeBuilder<u32, S>,
    /// Open plus active formatting elements allowed before start tags are
    /// dropped.
    max_open: usize,
    max_nodes: usize,
    /// Count exactly before every start tag (for statistics).
    exact: bool,
    /// The tree builder's handles at the last exact count.
    known: Cell<usize>,
    /// Tokens passed on since then.
    since: Cell<usize>,
    /// The most handles counted.
    pub(crate) max_seen: Cell<usize>,
    /// Start tags were dropped for depth.
    pub(crate) too_deep: Cell<bool>,
    /// The node limit was reached: everything after is dropped.
    pub(crate) full: Cell<bool>,
}

impl<S: TreeSink<Handle = u32> + NodeCount> TokenGuard<S> {
    pub(crate) fn new(tb: TreeBuilder<u32, S>, max_open: usize, max_nodes: usize) -> Self {
        TokenGuard {
            tb,
            max_open,
            max_nodes,
            exact: false,
            known: Cell::new(0),
            since: Cell::new(0),
            max_seen: Cell::new(0),
            too_deep: Cell::new(false),
            full: Cell::new(false),
        }
    }

    /// Counts before every start tag, so that [`Self::max_seen`] is exact.
    pub(crate) fn count_exactly(mut self) -> Self {
        self.exact = true;
        self
    }

    /// Whether the tree builder holds `max_open` handles or more.
    ///
    /// Counting walks the tree builder's lists, so it is done only when a
    /// bound on the count could have reached the limit. Per token the open
    /// elements grow by a few (implied parents) plus those rebuilt from the
    /// formatting list, which itself grows by one at most; `2 * known + 8 *
    /// since` bounds the count with room to spare. On ordinary pages that
    /// means one count every few dozen tokens.
    fn at_limit(&self) -> bool {
        let bound = 2 * self.known.get() + 8 * self.since.get();
        if bound < self.max_open && !self.exact {
            return false;
        }
        let count = Count(Cell::new(0));
        self.tb.trace_handles(&count);
        let n = count.0.get();
        self.known.set(n);
        self.since.set(0);
        self.max_seen.set(self.max_seen.get().max(n));
        n >= self.max_open
    }
}

/// Start tags passed on even at the depth limit: void elements add nothing
/// to the stack, and raw-text ones must switch the tokenizer, or a
/// script's code would be read as page text.
fn passes_at_limit(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("area")
            | local_name!("base")
            | local_name!("br")
            | local_name!("col")
            | local_name!("embed")
            | local_name!("hr")
            | local_name!("img")
            | local_name!("image")
            | local_name!("input")
            | local_name!("keygen")
            | local_name!("link")
            | local_name!("meta")
            | local_name!("param")
            | local_name!("source")
            | local_name!("track")
            | local_name!("wbr")
            | local_name!("script")
            | local_name!("style")
            | local_name!("xmp")
            | local_name!("iframe")
            | local_name!("noembed")
            | local_name!("noframes")
            | local_name!("textarea")
            | local_name!("title")
            | local_name!("plaintext")
    )
}

impl<S: TreeSink<Handle = u32> + NodeCount> TokenSink for TokenGuard<S> {
    type Handle = u32;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<u32> {
        if self.full.get() && !matches!(token, Token::EOFToken) {
            return TokenSinkResult::Continue;
        }
        match &token {
            TagToken(tag)
                if tag.kind == StartTag && !passes_at_limit(&tag.name) && self.at_limit() =>
            {
                self.too_deep.set(true);
                return TokenSinkResult::Continue;
            }
            // Parse errors are of no use here.
            Token::ParseError(_) => return TokenSinkResult::Continue,
            _ => {}
        }
        let result = self.tb.process_token(token, line_number);
        self.since.set(self.since.get() + 1);
        if self.tb.sink.node_count() >= self.max_nodes {
            self.full.set(true);
        }
        match result {
            // No scripts run and the charset is already decided, so the
            // tokenizer never needs to pause.
            TokenSinkResult::Script(_) | TokenSinkResult::EncodingIndicator(_) => {
                TokenSinkResult::Continue
            }
            other => other,
        }
    }

    fn end(&self) {
        self.tb.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.tb
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

/// The text to parse: the page, or a copy with attribute floods capped.
pub(crate) fn prepare(text: &str) -> (Cow<'_, str>, bool) {
    match cap_attributes(text, MAX_ATTRIBUTES) {
        Some(capped) => (Cow::Owned(capped), true),
        None => (Cow::Borrowed(text), false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cap(s: &str, max: usize) -> Option<String> {
        cap_attributes(s, max)
    }

    #[test]
    fn tags_within_the_cap_are_untouched() {
        assert_eq!(cap("<p a=1 b='2' c=\"3\" d>x</p>", 4), None);
        assert_eq!(cap("<p a=1 b=2 c=3>x</p a b c>", 3), None);
    }

    #[test]
    fn attributes_past_the_cap_are_dropped() {
        assert_eq!(
            cap("<p a=1 b='2>' c=3 d>x</p>", 2).as_deref(),
            Some("<p a=1 b='2>' >x</p>")
        );
        assert_eq!(cap("<br a b c/>", 1).as_deref(), Some("<br a />"));
        // End tags are tokenized (and checked for duplicates) alike.
        assert_eq!(cap("x</p a b c>", 2).as_deref(), Some("x</p a b >"));
    }

    #[test]
    fn scripts_comments_and_plaintext_are_skipped() {
        assert_eq!(cap("<script>if (a <b c d e) {}</script>", 2), None);
        assert_eq!(cap("<!-- <p a b c> --><p>", 2), None);
        assert_eq!(cap("<!--><p a b c>", 2).as_deref(), Some("<!--><p a b >"));
        assert_eq!(cap("<plaintext><p a b c>", 2), None);
        assert_eq!(
            cap("<style>a</style ><p a b c>", 2).as_deref(),
            Some("<style>a</style ><p a b >")
        );
    }

    #[test]
    fn unclosed_tags_and_odd_input_never_panic() {
        for s in [
            "<",
            "<p",
            "<p a=",
            "<p a='",
            "</",
            "<!--",
            "<!",
            "<p a b c",
            "<script>",
            "é<é a b c d>",
        ] {
            let _ = cap(s, 1);
        }
        assert_eq!(cap("<p a b c", 1).as_deref(), Some("<p a "));
    }
}
