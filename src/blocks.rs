//! DOM to blocks: one linear walk that cuts the visible text into blocks at
//! block-level elements and measures each (text, links, punctuation) along
//! with the markup context it sits in.

use crate::dom::{DOCUMENT, Dom, NONE, NodeData, NodeId, Tag, hints};
use crate::{Block, BlockKind, Reason};

/// A block with its features and (after scoring) its decision.
#[derive(Debug, Clone)]
pub(crate) struct BlockInfo {
    pub kind: BlockKind,
    /// Exact-size: a page holds thousands of blocks, live at the peak.
    pub text: Box<str>,
    /// The innermost block-level element holding the text.
    pub owner: NodeId,
    /// The innermost `<li>` or `<article>` holding the text (a list item
    /// or a card), or `NONE`.
    pub card: NodeId,
    /// [`hints`] bits of the owner and all its ancestors.
    pub hints: u32,
    /// Text length in letters and digits, a CJK character counting as
    /// three (about a word's worth) and a Hangul syllable as two, so
    /// lengths compare across scripts with and without spaces.
    pub len: u32,
    /// The part of `len` inside links.
    pub link_len: u32,
    /// The part of `link_len` in links that open the block, before any
    /// plain text: a headline linking elsewhere, when a blurb follows.
    pub lead_link: u32,
    /// Whether the plain text after the opening links starts a blurb: a
    /// letter or digit, not a separator (`Name – what it does`), and not a
    /// lower-case letter, which goes on with the link's sentence
    /// (`[Creating modules] describes how to ...`).
    pub lead_then_word: bool,
    /// Plain text after the last link, measured like `len`: a sentence
    /// that goes on past its link ("See the guide for details.") is
    /// prose, a label and its link ("Read also: ...") ends at the link.
    pub tail_len: u32,
    /// The last character is link text: a full stop at the end belongs
    /// to a linked headline, not to a sentence around the link.
    pub ends_in_link: bool,
    /// The block sits inside a link wrapped around blocks (a clickable
    /// card): its text is link text, but a sentence in it is a description,
    /// not a menu entry.
    pub in_card_link: bool,
    /// Number of links that start in the block.
    pub links: u32,
    /// The part of `link_len` in links to a place on the page itself.
    pub page_link_len: u32,
    /// Sentence punctuation marks, in any script.
    pub punct: u32,
    /// Machine data printed as text (a bare address, a tag, identifiers),
    /// not words for a reader: set by the scorer, worth nothing to a
    /// region.
    pub junk: bool,
    pub kept: bool,
    pub reason: Reason,
}

impl BlockInfo {
    /// Share of the text inside links, 0 to 1.
    pub(crate) fn link_density(&self) -> f32 {
        if self.len == 0 {
            0.0
        } else {
            self.link_len as f32 / self.len as f32
        }
    }

    /// [`BlockInfo::link_density`] without the links to places on the page
    /// itself when the block has at least `own` of plain text: a sentence
    /// that points further down its page ("the set function [does not
    /// change the state]:") is a cross-reference, not a way out, while a
    /// table of contents' entries, all link, stay links.
    pub(crate) fn away_link_density(&self, own: u32) -> f32 {
        if self.len == 0 || self.len - self.link_len.min(self.len) < own {
            return self.link_density();
        }
        (self.link_len - self.page_link_len.min(self.link_len)) as f32 / self.len as f32
    }
}

/// A page cut into blocks.
#[derive(Debug)]
pub(crate) struct Page {
    pub blocks: Vec<BlockInfo>,
    /// The visible elements in document order, the walk's root first.
    pub order: Vec<NodeId>,
}

impl Page {
    /// The public blocks.
    pub(crate) fn into_blocks(self) -> Vec<Block> {
        self.blocks
            .into_iter()
            .map(|b| Block {
                kind: b.kind,
                text: b.text.into_string(),
                kept: b.kept,
                reason: b.reason,
            })
            .collect()
    }

    /// The text of the comment blocks, one per line, if any.
    pub(crate) fn comments_text(&self) -> Option<String> {
        let lines: Vec<&str> = self
            .blocks
            .iter()
            .filter(|b| b.reason == Reason::Comments)
            .map(|b| &*b.text)
            .collect();
        (!lines.is_empty()).then(|| lines.join("\n"))
    }
}

/// The weight of one character in [`BlockInfo::len`].
fn char_weight(c: char) -> u32 {
    if !c.is_alphanumeric() {
        return 0;
    }
    match c as u32 {
        // CJK ideographs, kana: one character is close to a word.
        0x3040..=0x30FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF
        | 0x20000..=0x2FA1F => 3,
        // Hangul syllables: a word is two or three of them, spaced.
        0xAC00..=0xD7A3 => 2,
        _ => 1,
    }
}

/// Characters that take no room on screen: zero-width spaces and joiners,
/// direction marks, word joiners, the byte-order mark, soft hyphens.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{034F}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}'
    )
}

/// Marks that end a sentence, in the scripts that have them: Latin,
/// Greek and Cyrillic's, CJK's (full width), Devanagari's danda, Arabic
/// and Urdu's, Burmese, Khmer, Ethiopic, Armenian and Tibetan's.
pub(crate) const SENTENCE_ENDS: [char; 15] = [
    '.', '!', '?', '。', '！', '？', '।', '॥', '؟', '۔', '။', '។', '።', '։', '།',
];

/// Full stops alone, in the same scripts: what ends a statement.
pub(crate) const FULL_STOPS: [char; 9] = ['.', '。', '।', '۔', '။', '។', '።', '։', '།'];

/// Sentence punctuation: the ends above, and the commas, colons and
/// semicolons inside sentences.
fn is_punct(c: char) -> bool {
    SENTENCE_ENDS.contains(&c)
        || matches!(
            c,
            ',' | ';' | ':' | '，' | '、' | '；' | '：' | '،' | '؛' | '၊' | '፣'
        )
}

/// Text being gathered for the next block.
#[derive(Default)]
struct Builder {
    text: String,
    pending_space: bool,
    len: u32,
    link_len: u32,
    lead_link: u32,
    lead_then_word: bool,
    lead_closed: bool,
    tail_len: u32,
    ends_in_link: bool,
    links: u32,
    page_link_len: u32,
    punct: u32,
    /// Hints shared by every piece of the block's text, inline elements'
    /// included (`<span class="ad">`), which are gone from the stack by the
    /// time the block is flushed. Shared by all pieces, so that a
    /// `<span class="hljs-comment">` in code does not mark the whole block.
    inline_hints: Option<u32>,
}

/// Whether the text holds U+200B, U+2060 or U+FEFF, found by their UTF-8
/// lead bytes (a vectorized search) rather than char by char.
fn has_zero_width(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memchr2_iter(0xE2, 0xEF, b).any(|i| {
        matches!(
            b.get(i..i + 3),
            Some([0xE2, 0x80, 0x8B] | [0xE2, 0x81, 0xA0] | [0xEF, 0xBB, 0xBF])
        )
    })
}

impl Builder {
    fn push(&mut self, s: &str, verbatim: bool, in_link: bool) {
        // Zero-width spaces and joiners of words (and a stray BOM) draw
        // nothing and only split a word for its readers: the text around
        // them is pushed piece by piece. The joiners of letters and emoji
        // (U+200C, U+200D) stay. ASCII text (most) holds none.
        const ZERO_WIDTH: [char; 3] = ['\u{200B}', '\u{2060}', '\u{FEFF}'];
        if !s.is_ascii() && has_zero_width(s) {
            for piece in s.split(ZERO_WIDTH) {
                self.push_chars(piece, verbatim, in_link);
            }
        } else {
            self.push_chars(s, verbatim, in_link);
        }
    }

    /// [`Builder::push`] for text without zero-width characters.
    fn push_chars(&mut self, s: &str, verbatim: bool, in_link: bool) {
        let before = self.text.len();
        for c in s.chars() {
            if !verbatim && c.is_whitespace() {
                self.pending_space = !self.text.is_empty();
                continue;
            }
            if self.pending_space {
                self.text.push(' ');
                self.pending_space = false;
            }
            self.text.push(if c == '\0' { '\u{FFFD}' } else { c });
            let w = char_weight(c);
            if !in_link && !self.lead_closed {
                // The first plain character ends the opening links.
                self.lead_closed = true;
                self.lead_then_word =
                    self.lead_link > 0 && c.is_alphanumeric() && !continues_sentence(c);
            }
            self.len += w;
            if in_link {
                self.tail_len = 0;
                self.link_len += w;
                if !self.lead_closed {
                    self.lead_link += w;
                }
            } else {
                self.tail_len += w;
            }
            if is_punct(c) {
                self.punct += 1;
            }
        }
        // One text node is all link text or none: its last character, if
        // it added any, is the block's last so far.
        if self.text.len() > before {
            self.ends_in_link = in_link;
        }
    }

    /// Starts a new table cell or line within the same block.
    fn separate(&mut self, sep: char) {
        if !self.text.is_empty() && !self.text.ends_with(sep) {
            while self.text.ends_with(' ') {
                self.text.pop();
            }
            self.text.push(sep);
        }
        self.pending_space = false;
    }
}

/// The walk's state: stacks of the context the current text sits in.
struct Walker<'a> {
    dom: &'a Dom,
    /// `has_block[id]`: the element holds a block-level descendant.
    has_block: Vec<bool>,
    blocks: Vec<BlockInfo>,
    cur: Builder,
    hint_stack: Vec<u32>,
    owner_stack: Vec<NodeId>,
    card_stack: Vec<NodeId>,
    headings: Vec<u8>,
    lists: Vec<bool>,
    items: Vec<(bool, u8)>,
    /// For each open data row: whether all its cells so far are `th`.
    rows: Vec<bool>,
    pre: u32,
    links: u32,
    /// Open links to a place on the page itself.
    page_links: u32,
    /// Open links that wrap blocks (see `enter`).
    card_links: u32,
    quotes: u32,
    captions: u32,
    /// The inline control being skipped inside a heading, or `NONE`.
    chrome: NodeId,
}

impl Walker<'_> {
    fn flush(&mut self) {
        // The builder's text buffer is kept for the next block: one
        // allocation for the walk, not one per block.
        let mut buf = std::mem::take(&mut self.cur.text);
        let b = std::mem::take(&mut self.cur);
        let verbatim = self.pre > 0;
        let text: Box<str> = if verbatim {
            buf.trim_matches('\n').trim_end().into()
        } else {
            buf.trim().into()
        };
        buf.clear();
        self.cur.text = buf;
        // Text of nothing but invisible marks (a lone zero-width joiner
        // left between two icons) shows nothing: not a block.
        if text.chars().all(|c| c.is_whitespace() || is_invisible(c)) {
            return;
        }
        let kind = if verbatim {
            BlockKind::Code
        } else if let Some(&level) = self.headings.last() {
            BlockKind::Heading(level)
        } else if let Some(&header) = self.rows.last() {
            BlockKind::TableRow { header }
        } else if self.captions > 0 {
            BlockKind::Caption
        } else if let Some(&(ordered, depth)) = self.items.last() {
            BlockKind::ListItem { ordered, depth }
        } else if self.quotes > 0 {
            BlockKind::Quote
        } else {
            BlockKind::Paragraph
        };
        self.blocks.push(BlockInfo {
            kind,
            text,
            owner: *self.owner_stack.last().unwrap_or(&DOCUMENT),
            card: *self.card_stack.last().unwrap_or(&NONE),
            hints: *self.hint_stack.last().unwrap_or(&0) | b.inline_hints.unwrap_or(0),
            len: b.len,
            link_len: b.link_len,
            lead_link: b.lead_link,
            lead_then_word: b.lead_then_word,
            tail_len: b.tail_len,
            ends_in_link: b.ends_in_link,
            in_card_link: self.card_links > 0,
            junk: false,
            links: b.links,
            page_link_len: b.page_link_len,
            punct: b.punct,
            kept: false,
            reason: Reason::OutsideMain,
        });
    }

    /// Whether a `tr` is a data row (its cells hold no blocks), output as
    /// one block; rows of layout tables are walked like `div`s.
    fn is_data_row(&self, tr: NodeId) -> bool {
        let mut c = self.dom.node(tr).first_child;
        while c != NONE {
            if self.has_block[c as usize] && !self.one_paragraph(c) {
                return false;
            }
            c = self.dom.node(c).next;
        }
        true
    }

    /// Whether a cell's only block is one paragraph of inline text (a
    /// documentation generator wraps every cell's text in a `<p>`).
    fn one_paragraph(&self, cell: NodeId) -> bool {
        let mut paragraphs = 0;
        let mut c = self.dom.node(cell).first_child;
        while c != NONE {
            match self.dom.tag(c) {
                Some(Tag::P) if !self.has_block[c as usize] => paragraphs += 1,
                Some(t) if t.is_block() || self.has_block[c as usize] => return false,
                _ => {}
            }
            c = self.dom.node(c).next;
        }
        paragraphs == 1
    }

    /// List items and `<article>`s are cards; so is a link wrapped around
    /// blocks, unless it sits in a card already (the card's headline link).
    fn opens_card(&self, id: NodeId, tag: Tag) -> bool {
        matches!(tag, Tag::Li | Tag::Article)
            || (tag == Tag::A && self.has_block[id as usize] && self.card_stack.is_empty())
    }

    /// Whether an element is part of an open data row's text: a cell, or
    /// a cell's one paragraph (see `one_paragraph`). Such elements neither
    /// end the block nor own one.
    fn in_row(&self, tag: Tag) -> bool {
        self.rows.last().is_some() && matches!(tag, Tag::Td | Tag::Th | Tag::P)
    }

    fn enter(&mut self, id: NodeId, tag: Tag, own_hints: u32) {
        let in_row = self.in_row(tag);
        if in_row {
            // A cell's paragraph goes on with its cell's text.
            if tag != Tag::P {
                self.cur.separate('\t');
            }
            if tag == Tag::Td
                && let Some(h) = self.rows.last_mut()
            {
                *h = false;
            }
        } else if tag == Tag::Br {
            if self.pre > 0 {
                self.cur.push("\n", true, false);
            } else {
                self.flush();
            }
        } else if tag.is_block() {
            self.flush();
        }
        let parent_hints = *self.hint_stack.last().unwrap_or(&0);
        self.hint_stack.push(parent_hints | own_hints);
        // A menu-named inline element after a heading's words is the
        // heading's own control (a wiki's "[edit | edit source]").
        if self.chrome == NONE
            && !tag.is_block()
            && own_hints & hints::NAV != 0
            && !self.headings.is_empty()
            && !self.cur.text.trim().is_empty()
        {
            self.chrome = id;
        }
        if tag.is_block() && !in_row {
            self.owner_stack.push(id);
        }
        match tag {
            Tag::Pre | Tag::Listing | Tag::Plaintext | Tag::Xmp => self.pre += 1,
            // A link wrapped around blocks is a clickable card (see
            // `BlockInfo::in_card_link`).
            Tag::A if self.has_block[id as usize] => {
                self.card_links += 1;
                self.cur.links += 1;
            }
            Tag::A => {
                self.links += 1;
                self.cur.links += 1;
                self.page_links += u32::from(self.is_page_link(id));
            }
            Tag::Blockquote => self.quotes += 1,
            Tag::Figcaption | Tag::Caption => self.captions += 1,
            Tag::Ul | Tag::Menu => self.lists.push(false),
            Tag::Ol => self.lists.push(true),
            Tag::Li => {
                let ordered = self.lists.last().copied().unwrap_or(false);
                let depth = self.lists.len().saturating_sub(1).min(u8::MAX as usize) as u8;
                self.items.push((ordered, depth));
            }
            Tag::Tr if self.is_data_row(id) => self.rows.push(true),
            _ => {}
        }
        if let Some(level) = tag.heading_level() {
            self.headings.push(level);
        }
        if self.opens_card(id, tag) {
            self.card_stack.push(id);
        }
    }

    fn is_page_link(&self, id: NodeId) -> bool {
        self.dom.element(id).is_some_and(|e| e.page_link)
    }

    fn exit(&mut self, id: NodeId, tag: Tag) {
        if self.chrome == id {
            self.chrome = NONE;
        }
        let in_row = self.in_row(tag);
        if tag.is_block() && !in_row && tag != Tag::Br {
            self.flush();
        }
        match tag {
            Tag::Pre | Tag::Listing | Tag::Plaintext | Tag::Xmp => self.pre -= 1,
            Tag::A if self.has_block[id as usize] => self.card_links -= 1,
            Tag::A => {
                self.links -= 1;
                self.page_links -= u32::from(self.is_page_link(id));
            }
            Tag::Blockquote => self.quotes -= 1,
            Tag::Figcaption | Tag::Caption => self.captions -= 1,
            Tag::Ul | Tag::Menu | Tag::Ol => {
                self.lists.pop();
            }
            Tag::Li => {
                self.items.pop();
            }
            Tag::Tr if self.rows.last().is_some() && self.is_data_row(id) => {
                self.flush();
                self.rows.pop();
            }
            _ => {}
        }
        if tag.heading_level().is_some() {
            self.headings.pop();
        }
        if self.card_stack.last() == Some(&id) {
            self.card_stack.pop();
        }
        if tag.is_block() && !in_row {
            self.owner_stack.pop();
        }
        self.hint_stack.pop();
    }
}

/// Whether an element and its subtree are never shown. Elements hidden by
/// attributes or classes are walked all the same: their blocks carry the
/// `HIDDEN` hint; scoring drops the short ones and keeps hidden prose (a
/// collapsed section, a tab), and a hidden container that holds most of
/// the page is not hidden at all (script-rendered pages stream their
/// content into hidden containers).
pub(crate) fn is_hidden(tag: Tag) -> bool {
    tag.is_invisible()
}

/// Cuts the page's visible text into blocks; with `all_text`, every text
/// node (the head's and hidden elements' too), as "all text" baselines do.
pub(crate) fn segment(dom: &Dom, all_text: bool) -> Page {
    let root = if all_text {
        DOCUMENT
    } else {
        dom.find(Tag::Body).unwrap_or(DOCUMENT)
    };
    let hidden = |tag: Tag, _bits: u32| !all_text && is_hidden(tag);
    // Visible elements in document order, skipping hidden subtrees.
    let mut order = Vec::new();
    let mut stack = vec![root];
    while let Some(id) = stack.pop() {
        if let Some(e) = dom.element(id) {
            if id != root && hidden(e.tag, e.hints) {
                continue;
            }
        } else if id != root {
            continue;
        }
        order.push(id);
        let mut c = dom.node(id).last_child;
        while c != NONE {
            if matches!(dom.node(c).data, NodeData::Element(_)) {
                stack.push(c);
            }
            c = dom.node(c).prev;
        }
    }
    // Bottom-up: which elements hold block-level descendants.
    let mut has_block = vec![false; dom.nodes.len()];
    for &id in order.iter().rev() {
        let parent = dom.node(id).parent;
        let tag = dom.tag(id);
        if parent != NONE
            && (has_block[id as usize] || tag.is_some_and(|t| t.is_block() && t != Tag::Br))
        {
            has_block[parent as usize] = true;
        }
    }
    // Most blocks come from block elements that hold no other: sized from
    // their count, the block list does not double past the page's needs
    // (it is one of the largest allocations live at the memory peak).
    let leaves = order
        .iter()
        .filter(|&&id| !has_block[id as usize] && dom.tag(id).is_some_and(|t| t.is_block()))
        .count();
    let mut w = Walker {
        dom,
        has_block,
        blocks: Vec::with_capacity(leaves + leaves / 8 + 1),
        cur: Builder::default(),
        hint_stack: Vec::new(),
        owner_stack: vec![root],
        card_stack: Vec::new(),
        headings: Vec::new(),
        lists: Vec::new(),
        items: Vec::new(),
        rows: Vec::new(),
        pre: 0,
        links: 0,
        page_links: 0,
        card_links: 0,
        quotes: 0,
        captions: 0,
        chrome: NONE,
    };
    // Enter/exit walk with an explicit stack: (node, exiting).
    let mut stack = vec![(root, false)];
    while let Some((id, exiting)) = stack.pop() {
        let node = dom.node(id);
        match &node.data {
            NodeData::Text { start, end } => {
                let pre = w.pre > 0;
                let links = w.links > 0 || w.card_links > 0;
                let text = dom.text_of(*start, *end);
                if w.chrome != NONE && !pre {
                    if !w.cur.text.is_empty() {
                        w.cur.pending_space = true;
                    }
                    continue;
                }
                // Verbatim text's inline elements are a highlighter's
                // tokens (`<span class="token comment">`), not the page's
                // regions: a line of nothing but a comment is still code.
                if !pre && !text.trim().is_empty() {
                    let top = *w.hint_stack.last().unwrap_or(&0);
                    w.cur.inline_hints = Some(w.cur.inline_hints.map_or(top, |h| h & top));
                }
                let before = w.cur.len;
                w.cur.push(text, pre, links);
                if w.page_links > 0 {
                    w.cur.page_link_len += w.cur.len - before;
                }
            }
            NodeData::Element(e) => {
                if exiting {
                    w.exit(id, e.tag);
                    continue;
                }
                if id != root && hidden(e.tag, e.hints) {
                    // An icon or a control between two words is drawn
                    // between them: its text is skipped, the words stay
                    // apart.
                    if w.pre == 0 && !w.cur.text.is_empty() {
                        w.cur.pending_space = true;
                    } else if w.pre > 0
                        && !w.cur.text.is_empty()
                        && !w.cur.text.ends_with(char::is_whitespace)
                    {
                        // Verbatim text gets the space itself.
                        w.cur.push(" ", true, w.links > 0 || w.card_links > 0);
                    }
                    continue;
                }
                w.enter(id, e.tag, e.hints);
                stack.push((id, true));
                let mut c = node.last_child;
                while c != NONE {
                    stack.push((c, false));
                    c = dom.node(c).prev;
                }
            }
            NodeData::Document if !exiting => {
                let mut c = node.last_child;
                while c != NONE {
                    stack.push((c, false));
                    c = dom.node(c).prev;
                }
            }
            _ => {}
        }
    }
    w.flush();
    // Both live through scoring, which allocates per node: no growth slack.
    w.blocks.shrink_to_fit();
    order.shrink_to_fit();
    Page {
        blocks: w.blocks,
        order,
    }
}

/// Whether a letter right after a link goes on with the link's sentence:
/// a lower-case letter, in a script that opens sentences with capitals.
/// Georgian has case but writes sentences in lower case.
fn continues_sentence(c: char) -> bool {
    c.is_lowercase() && !matches!(c, '\u{10D0}'..='\u{10FF}' | '\u{2D00}'..='\u{2D2F}')
}

#[cfg(test)]
mod tests {
    use super::{char_weight, continues_sentence};

    #[test]
    fn a_lower_case_letter_goes_on_with_the_sentence() {
        // "describes", "описывает", "décrit" go on; a capital, a digit,
        // and caseless or Georgian letters may open a blurb.
        for c in ['d', 'о', 'é'] {
            assert!(continues_sentence(c), "{c}");
        }
        for c in ['D', 'О', '7', 'の', 'ა', 'ب'] {
            assert!(!continues_sentence(c), "{c}");
        }
    }

    #[test]
    fn a_characters_weight_is_about_its_share_of_a_word() {
        let len = |s: &str| s.chars().map(char_weight).sum::<u32>();
        // "Winter stop" in English, Japanese and Korean come out close.
        assert_eq!(len("Winter stop"), 10);
        assert_eq!(len("冬の停留所"), 15);
        assert_eq!(len("겨울 정류장"), 10);
        assert_eq!(len(" · ,!"), 0);
    }
}
