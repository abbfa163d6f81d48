//! Guards that keep parsing linear on hostile pages.
//!
//! html5ever is linear on ordinary markup, but some of its steps scan the
//! stack of open elements or the list of active formatting elements once
//! per token ("has an element in scope", the adoption agency, rebuilding
//! formatting elements, which also makes new nodes), and its tokenizer
//! compares every attribute of a tag with all earlier ones. Pages with
//! thousands of unclosed elements or attributes thus cost quadratic time
//! (seconds for 100 KB). Limits on the finished DOM cannot help, as that
//! cost is paid inside the parser, so the guards act before and around it:
//!
//! - [`scan`], a linear pre-pass over the decoded text, drops the
//!   attributes of any tag past the [`MAX_ATTRIBUTES`]th (and shortens
//!   items longer than [`MAX_ITEM`], which only cost memory);
//! - [`TokenGuard`] sits between the tokenizer and the tree builder and
//!   bounds what the tree builder holds by the depth limit, so each token
//!   costs at most that; a page that keeps it there long is read on as
//!   plain text, and at the node limit the parse stops.
//!
//! Ordinary pages stay far below every limit and are parsed unchanged.

use std::cell::{Cell, RefCell};

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{StartTag, TagToken, Token, TokenSink, TokenSinkResult};
use html5ever::tree_builder::{Tracer, TreeBuilder, TreeSink};
use html5ever::{LocalName, local_name};

/// Attributes kept per tag: several times what real pages use (the most
/// on the benchmark pages is 185, on broken markup that splits a class
/// list into attributes), few enough that the tokenizer's duplicate check
/// (quadratic in the attributes of one tag) stays cheap.
pub(crate) const MAX_ATTRIBUTES: usize = 256;

/// Longest tag name, attribute name or value, or comment kept, in bytes.
/// The tokenizer gathers each in one buffer that we then drop (we keep no
/// long attribute and no comment), so a page-sized `data:` image would only
/// cost memory. Cutting them changes no output, so it is not a degradation.
pub(crate) const MAX_ITEM: usize = 64 * 1024;

/// What the pre-pass found.
#[derive(Debug, Default)]
pub(crate) struct Scan {
    /// The text to parse instead of the page's, when something was cut.
    pub text: Option<String>,
    /// Some tag had more than [`MAX_ATTRIBUTES`] attributes.
    pub capped: bool,
    /// The most attributes on one tag, duplicates included.
    pub most_attributes: usize,
}

/// One edit of the text: bytes `from..to` are replaced by `with`.
struct Cut {
    from: usize,
    to: usize,
    with: &'static str,
}

/// The pre-pass: one linear scan that follows the tokenizer's tag and
/// comment states, dropping the attributes of every tag past the `max`th
/// and shortening items longer than `max_item` (see [`MAX_ITEM`]).
/// Ordinary pages come out untouched (`text` is `None`).
///
/// The text of raw-text elements (`<script>`, `<style>`, ...) is skipped,
/// so that a `<` in a script does not start a tag; after `<plaintext>`
/// nothing is a tag.
pub(crate) fn scan(text: &str, max: usize, max_item: usize) -> Scan {
    let (cuts, mut found) = find_cuts(text.as_bytes(), max, max_item, &|i| {
        text.is_char_boundary(i)
    });
    if !cuts.is_empty() {
        let removed: usize = cuts.iter().map(|c| c.to - c.from).sum();
        let mut out = String::with_capacity(text.len() - removed + cuts.len());
        let mut copied = 0;
        for c in &cuts {
            out.push_str(&text[copied..c.from]);
            out.push_str(c.with);
            copied = c.to;
        }
        out.push_str(&text[copied..]);
        found.text = Some(out);
    }
    found
}

/// The pre-pass on the undecoded bytes of a page whose charset writes
/// markup in ASCII bytes that no multi-byte character contains (see
/// `decode::markup_is_ascii`), so that tags, attributes and items are
/// where they will be in the text. `Some` when the decoded text would
/// come out of [`prepare`] untouched: no tag over the attribute cap, and
/// no item over a third of [`MAX_ITEM`], as a byte decodes to at most
/// three.
pub(crate) fn prepare_undecoded(bytes: &[u8]) -> Option<Scan> {
    let (cuts, found) = find_cuts(bytes, MAX_ATTRIBUTES, MAX_ITEM / 3, &|_| true);
    cuts.is_empty().then_some(found)
}

/// The pre-pass's edits of `b` in order, and what it found; `boundary`
/// says where a shortened item may end (a character boundary).
fn find_cuts(
    b: &[u8],
    max: usize,
    max_item: usize,
    boundary: &impl Fn(usize) -> bool,
) -> (Vec<Cut>, Scan) {
    let mut cuts = Vec::new();
    let mut found = Scan::default();
    let mut i = 0;
    while let Some(lt) = memchr::memchr(b'<', &b[i..]) {
        let lt = i + lt;
        let Some(&next) = b.get(lt + 1) else { break };
        if next.is_ascii_alphabetic()
            || (next == b'/' && b.get(lt + 2).is_some_and(u8::is_ascii_alphabetic))
        {
            let end_tag = next == b'/';
            let name_at = lt + 1 + usize::from(end_tag);
            let tag = scan_tag(b, boundary, name_at, max, max_item, &mut cuts);
            found.most_attributes = found.most_attributes.max(tag.count);
            found.capped |= tag.count > max;
            i = tag.end;
            if !end_tag {
                match raw_text_end(b, &b[name_at..tag.name_end], tag.end) {
                    RawText::No => {}
                    RawText::Until(at) => i = at,
                    RawText::Rest => break,
                }
            }
        } else if b[lt + 1..].starts_with(b"!--") {
            let (content_end, after) = comment_end(b, lt + 4);
            shorten(boundary, lt + 4, content_end, max_item, &mut cuts);
            i = after;
        } else if matches!(next, b'!' | b'?' | b'/') {
            // Doctypes, bogus comments and `</>` end at the next `>`.
            let end = memchr::memchr(b'>', &b[lt + 1..]).map_or(b.len(), |e| lt + 1 + e);
            shorten(boundary, lt + 2, end, max_item, &mut cuts);
            i = (end + 1).min(b.len());
        } else {
            i = lt + 1;
        }
    }
    (cuts, found)
}

/// Records a cut of `from..to` down to its first `max` bytes.
fn shorten(
    boundary: &impl Fn(usize) -> bool,
    from: usize,
    to: usize,
    max: usize,
    cuts: &mut Vec<Cut>,
) {
    if to.saturating_sub(from) <= max {
        return;
    }
    let mut keep = from + max;
    while !boundary(keep) {
        keep -= 1;
    }
    cuts.push(Cut {
        from: keep,
        to,
        with: "",
    });
}

/// What [`scan_tag`] found.
struct TagScan {
    /// End of the tag name.
    name_end: usize,
    /// Where the tag's `/>` or `>` starts (the text's end if unclosed).
    end: usize,
    /// Attributes, duplicates included.
    count: usize,
}

fn is_space(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | b'\x0C' | b'\r' | b' ')
}

/// Scans a tag from its name to its closing `>`, counting attributes as
/// the tokenizer splits them and recording cuts in order.
fn scan_tag(
    b: &[u8],
    boundary: &impl Fn(usize) -> bool,
    name_at: usize,
    max: usize,
    max_item: usize,
    cuts: &mut Vec<Cut>,
) -> TagScan {
    let mut i = name_at;
    while i < b.len() && !is_space(b[i]) && b[i] != b'/' && b[i] != b'>' {
        i += 1;
    }
    let name_end = i;
    shorten(boundary, name_at, name_end, max_item, cuts);
    let mut count = 0;
    // The end of the last attribute kept.
    let mut kept_end = name_end;
    loop {
        // Before an attribute name: spaces and stray slashes.
        while i < b.len() && (is_space(b[i]) || (b[i] == b'/' && b.get(i + 1) != Some(&b'>'))) {
            i += 1;
        }
        if i >= b.len() || b[i] == b'>' || b[i] == b'/' {
            if count > max {
                // A space keeps a trailing `/` or `>` from joining an
                // unquoted value.
                cuts.push(Cut {
                    from: kept_end,
                    to: i,
                    with: " ",
                });
            }
            return TagScan {
                name_end,
                end: i,
                count,
            };
        }
        count += 1;
        let kept = count <= max;
        // The name; a leading `=` belongs to it.
        let name_at = i;
        i += 1;
        while i < b.len() && !is_space(b[i]) && !matches!(b[i], b'/' | b'>' | b'=') {
            i += 1;
        }
        if kept {
            shorten(boundary, name_at, i, max_item, cuts);
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
            let (from, to) = match b.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    let close = memchr::memchr(q, &b[i + 1..]).map_or(b.len(), |e| i + 1 + e);
                    let value = (i + 1, close);
                    i = (close + 1).min(b.len());
                    value
                }
                Some(b'>') | None => (i, i),
                Some(_) => {
                    let from = i;
                    while i < b.len() && !is_space(b[i]) && b[i] != b'>' {
                        i += 1;
                    }
                    (from, i)
                }
            };
            if kept {
                shorten(boundary, from, to, max_item, cuts);
            }
            attr_end = i;
        }
        if kept {
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
/// skips markup it should not; that only means tags there go unchecked.
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

/// Where a comment whose text starts at `from` ends: its text's end and
/// the position after `-->` or `--!>` (or after the abrupt `<!-->` and
/// `<!--->`); both are the text's end if it never closes.
fn comment_end(b: &[u8], from: usize) -> (usize, usize) {
    if b[from..].starts_with(b">") {
        return (from, from + 1);
    }
    if b[from..].starts_with(b"->") {
        return (from, from + 2);
    }
    let mut i = from;
    while let Some(at) = memchr::memmem::find(&b[i..], b"--") {
        let at = i + at;
        if b.get(at + 2) == Some(&b'>') {
            return (at, at + 3);
        }
        if b[at + 2..].starts_with(b"!>") {
            return (at, at + 4);
        }
        i = at + 1;
    }
    (b.len(), b.len())
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

/// Work the tree builder may do with at least half the depth limit open,
/// counted as open elements per token (what its scans cost), before the
/// rest of the page is read as plain text. Real pages never get there (the
/// most open elements seen on the benchmarks is 57); a hostile page spends
/// a few milliseconds before the switch.
const DEEP_WORK_BUDGET: usize = 1 << 20;

/// What one node made while deep counts towards [`DEEP_WORK_BUDGET`].
const NODE_WORK: usize = 16;

/// The token filter between html5ever's tokenizer and tree builder.
///
/// It has three modes. Normally tokens pass unchanged. While the tree
/// builder holds `max_open` open and active formatting elements, start
/// tags are dropped (their text still comes). Once the page has kept the
/// tree builder that deep for [`DEEP_WORK_BUDGET`], the rest is read as
/// plain text: tags are dropped, text is gathered and handed to the tree
/// builder in one piece at the end, and raw-text elements (`<script>`,
/// `<style>`, ...) are still recognised, so that their content stays out.
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
    /// Work done deep, towards [`DEEP_WORK_BUDGET`].
    deep_work: Cell<usize>,
    /// The most handles counted.
    pub(crate) max_seen: Cell<usize>,
    /// Start tags were dropped for depth.
    pub(crate) too_deep: Cell<bool>,
    /// The node limit was reached: everything after is dropped.
    pub(crate) full: Cell<bool>,
    /// Plain-text mode: the text gathered so far.
    text: RefCell<Option<String>>,
    /// Plain-text mode: inside this raw-text element, whose text is dropped.
    raw: RefCell<Option<LocalName>>,
    /// `<noscript>` start tags passed on, less their end tags.
    noscripts: Cell<u32>,
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
            deep_work: Cell::new(0),
            max_seen: Cell::new(0),
            too_deep: Cell::new(false),
            full: Cell::new(false),
            text: RefCell::new(None),
            raw: RefCell::new(None),
            noscripts: Cell::new(0),
        }
    }

    /// Counts before every start tag, so that `max_seen` is exact.
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

    /// Charges a token's work while deep: the scans (about one step per
    /// open element) and the nodes it made, each worth many steps (that is
    /// where a flood of formatting elements, rebuilt before every text,
    /// spends its time). Past the budget, switches to plain-text mode.
    fn charge(&self, new_nodes: usize) {
        let known = self.known.get();
        if 2 * known < self.max_open {
            return;
        }
        let work = self.deep_work.get() + known + NODE_WORK * new_nodes;
        self.deep_work.set(work);
        if work > DEEP_WORK_BUDGET {
            self.too_deep.set(true);
            *self.text.borrow_mut() = Some(String::new());
        }
    }

    /// A token in plain-text mode.
    fn plain_text(&self, token: Token, line_number: u64) -> TokenSinkResult<u32> {
        let mut raw = self.raw.borrow_mut();
        let mut text = self.text.borrow_mut();
        let Some(buf) = text.as_mut() else {
            return TokenSinkResult::Continue;
        };
        match token {
            Token::CharacterTokens(t) if raw.is_none() => buf.push_str(&t),
            TagToken(tag) if tag.kind == StartTag && raw.is_none() => {
                if tag.name == local_name!("plaintext") {
                    return TokenSinkResult::Plaintext;
                }
                if let Some(kind) = raw_kind(&tag.name) {
                    // The tokenizer reads the element's text as text up to
                    // its end tag; the text is dropped.
                    *raw = Some(tag.name);
                    return TokenSinkResult::RawData(kind);
                }
                separate(buf);
            }
            TagToken(tag) => {
                if raw.as_ref() == Some(&tag.name) {
                    *raw = None;
                }
                separate(buf);
            }
            Token::EOFToken => {
                let gathered = std::mem::take(buf);
                drop((raw, text));
                if !gathered.is_empty() {
                    let chars = Token::CharacterTokens(StrTendril::from(gathered));
                    let _ = self.tb.process_token(chars, line_number);
                }
                let _ = self.tb.process_token(Token::EOFToken, line_number);
            }
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

/// A line break between the texts of dropped tags, so words do not join.
fn separate(buf: &mut String) {
    if !buf.is_empty() && !buf.ends_with(char::is_whitespace) {
        buf.push('\n');
    }
}

/// The tokenizer state for a raw-text element's content.
fn raw_kind(name: &LocalName) -> Option<RawKind> {
    Some(match *name {
        local_name!("script") => RawKind::ScriptData,
        local_name!("style")
        | local_name!("xmp")
        | local_name!("iframe")
        | local_name!("noembed")
        | local_name!("noframes") => RawKind::Rawtext,
        local_name!("title") | local_name!("textarea") => RawKind::Rcdata,
        _ => return None,
    })
}

/// Start tags passed on even at the depth limit: void elements add nothing
/// to the stack, and raw-text ones must switch the tokenizer, or a
/// script's code would be read as page text.
fn passes_at_limit(name: &LocalName) -> bool {
    raw_kind(name).is_some()
        || matches!(
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
                | local_name!("plaintext")
        )
}

impl<S: TreeSink<Handle = u32> + NodeCount> TokenSink for TokenGuard<S> {
    type Handle = u32;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<u32> {
        if self.full.get() && !matches!(token, Token::EOFToken) {
            return TokenSinkResult::Continue;
        }
        if self.text.borrow().is_some() {
            return self.plain_text(token, line_number);
        }
        let token = match token {
            TagToken(tag)
                if tag.kind == StartTag && !passes_at_limit(&tag.name) && self.at_limit() =>
            {
                // Dropped; a space keeps the words on either side apart.
                self.too_deep.set(true);
                Token::CharacterTokens(StrTendril::from_slice(" "))
            }
            // Parse errors are of no use here.
            Token::ParseError(_) => return TokenSinkResult::Continue,
            token => token,
        };
        // A self-closed `<iframe/>` inside a `<noscript>` (a tag
        // manager's snippet) would make the rest of the page its raw
        // text: scripting is off here, while a browser reads the noscript
        // as text and shows everything after it. The frame is closed at
        // once instead (below).
        let mut empty_frame = false;
        if let TagToken(tag) = &token {
            if tag.name == local_name!("noscript") {
                let n = self.noscripts.get();
                self.noscripts.set(if tag.kind == StartTag {
                    n.saturating_add(1)
                } else {
                    n.saturating_sub(1)
                });
            } else if tag.kind == StartTag
                && tag.self_closing
                && tag.name == local_name!("iframe")
                && self.noscripts.get() > 0
            {
                empty_frame = true;
            }
        }
        let before = self.tb.sink.node_count();
        let mut result = self.tb.process_token(token, line_number);
        if empty_frame && matches!(result, TokenSinkResult::RawData(_)) {
            let end = html5ever::tokenizer::Tag {
                kind: html5ever::tokenizer::EndTag,
                name: local_name!("iframe"),
                self_closing: false,
                had_duplicate_attributes: false,
                attrs: Vec::new(),
            };
            result = self.tb.process_token(TagToken(end), line_number);
        }
        self.since.set(self.since.get() + 1);
        let nodes = self.tb.sink.node_count();
        self.charge(nodes.saturating_sub(before));
        if nodes >= self.max_nodes {
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

/// The pre-pass with the standard limits: see [`scan`].
pub(crate) fn prepare(text: &str) -> Scan {
    scan(text, MAX_ATTRIBUTES, MAX_ITEM)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cap(s: &str, max: usize) -> Option<String> {
        scan(s, max, MAX_ITEM).text
    }

    fn cut(s: &str, max_item: usize) -> Option<String> {
        scan(s, MAX_ATTRIBUTES, max_item).text
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
    fn long_items_are_shortened() {
        assert_eq!(
            cut("<p id='abcdef'>x", 4).as_deref(),
            Some("<p id='abcd'>x")
        );
        assert_eq!(
            cut("<img src=abcdef>", 4).as_deref(),
            Some("<img src=abcd>")
        );
        assert_eq!(
            cut("<abcdef>x</abcdef>", 4).as_deref(),
            Some("<abcd>x</abcd>")
        );
        assert_eq!(cut("<!--abcdef-->x", 4).as_deref(), Some("<!--abcd-->x"));
        assert_eq!(cut("<!doctype html>", 4).as_deref(), Some("<!doct>"));
        // On a character boundary.
        assert_eq!(
            cut("<p a='a\u{e9}\u{e9}'>", 4).as_deref(),
            Some("<p a='a\u{e9}'>")
        );
        assert_eq!(cut("<p id='abcd'>", 4), None);
    }

    #[test]
    fn undecoded_bytes_pass_only_when_decoding_changes_nothing() {
        assert!(prepare_undecoded(b"<p a=1 b=2>\x95\x5c</p>").is_some());
        let many: String = (0..=MAX_ATTRIBUTES).map(|i| format!(" a{i}")).collect();
        assert!(prepare_undecoded(format!("<p{many}>").as_bytes()).is_none());
        // A third of the item limit: a byte may decode to three.
        let long = "x".repeat(MAX_ITEM / 3 + 1);
        assert!(prepare_undecoded(format!("<p title='{long}'>").as_bytes()).is_none());
        assert!(prepare_undecoded(format!("<!--{long}-->").as_bytes()).is_none());
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
