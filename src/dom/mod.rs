//! A compact arena DOM: nodes in one `Vec`, linked by `u32` ids, text in one
//! `String`. Built by our own html5ever `TreeSink` ([`sink`]), which keeps
//! only what extraction needs.

pub(crate) mod hints;
mod sink;
mod tag;

pub(crate) use tag::Tag;

use crate::{Degradation, Options};

/// A node's index in [`Dom::nodes`].
pub(crate) type NodeId = u32;
/// The null link.
pub(crate) const NONE: NodeId = u32::MAX;
/// The document node is always the first.
pub(crate) const DOCUMENT: NodeId = 0;
/// Email fields recorded per page (see [`Dom::email_fields`]): a page
/// with more is a form, and its first ones say enough.
pub(crate) const MAX_EMAIL_FIELDS: usize = 16;

/// The attributes we keep, by name. Everything else is dropped when the
/// element is created.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Attr {
    Href,
    Content,
    Name,
    Property,
    Itemprop,
    Datetime,
    Rel,
}

/// One node: 32 bytes, so that the arena stays under two bytes per byte of
/// HTML even on the densest pages (one node per 19 bytes).
#[derive(Debug, Clone)]
pub(crate) struct Node {
    pub parent: NodeId,
    pub first_child: NodeId,
    pub last_child: NodeId,
    pub prev: NodeId,
    pub next: NodeId,
    pub data: NodeData,
}

impl Node {
    /// A node not yet linked into the tree.
    pub(crate) fn unlinked(data: NodeData) -> Node {
        Node {
            parent: NONE,
            first_child: NONE,
            last_child: NONE,
            prev: NONE,
            next: NONE,
            data,
        }
    }
}

#[derive(Debug, Clone)]
pub(crate) enum NodeData {
    Document,
    Element(Element),
    /// A byte range of [`Dom::text`].
    Text {
        start: u32,
        end: u32,
    },
    /// Comments, doctypes and processing instructions: placeholders the
    /// parser may move around, never output.
    Other,
}

/// An element: what extraction reads of it inline, the rest (name, kept
/// attributes) in side tables that most elements have no entry in.
#[derive(Debug, Clone)]
pub(crate) struct Element {
    pub tag: Tag,
    /// [`hints`] bits from class, id, role and hiding attributes.
    pub hints: u32,
    /// A link to a place on the page itself (`<a href="#...">`). It fits
    /// in the tag's padding: the node stays 32 bytes.
    pub page_link: bool,
    /// Named a menu only as a pager (see [`hints::names_pager_only`]):
    /// judged by what it holds. In the padding too.
    pub pager: bool,
    /// Index in [`Dom::extras`], or [`NONE`] for an HTML element whose
    /// name its tag gives and that has no kept attribute.
    pub(crate) extra: u32,
}

// The payload shares the tag's byte for the variant: 12 bytes, not 16.
const _: () = assert!(std::mem::size_of::<Node>() == 32);

/// The name and kept attributes of an element that has either.
#[derive(Debug, Clone)]
pub(crate) struct Extra {
    /// Index in [`Dom::names`], or [`NONE`] when the tag gives the name.
    pub(crate) name: u32,
    /// The element's attributes: `Dom::attrs[attrs.0..attrs.1]`.
    pub(crate) attrs: (u32, u32),
}

/// A kept attribute: its value is a byte range of [`Dom::attr_text`].
#[derive(Debug, Clone)]
pub(crate) struct AttrValue {
    pub(crate) which: Attr,
    pub(crate) start: u32,
    pub(crate) end: u32,
}

/// An element with access to its attributes, as [`Dom::element`] gives it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ElementRef<'a> {
    element: &'a Element,
    dom: &'a Dom,
}

impl std::ops::Deref for ElementRef<'_> {
    type Target = Element;

    fn deref(&self) -> &Element {
        self.element
    }
}

impl<'a> ElementRef<'a> {
    pub(crate) fn attr(&self, which: Attr) -> Option<&'a str> {
        let extra = self.dom.extras.get(self.element.extra as usize)?;
        let (from, to) = extra.attrs;
        let a = self
            .dom
            .attrs
            .get(from as usize..to as usize)?
            .iter()
            .find(|a| a.which == which)?;
        self.dom.attr_text.get(a.start as usize..a.end as usize)
    }
}

/// A parsed page.
#[derive(Debug)]
pub(crate) struct Dom {
    pub nodes: Vec<Node>,
    /// The text of the text nodes. [`Extractor::extract`] frees it once
    /// the blocks hold their text (see [`Dom::release_text`]): the stages
    /// after segmentation must not read it. `stages::extract` keeps it, and
    /// a test checks that both give the same result.
    ///
    /// [`Extractor::extract`]: crate::Extractor::extract
    pub text: String,
    /// Names and attributes of the elements that have an [`Extra`].
    pub extras: Vec<Extra>,
    /// Element names the tag does not give (unknown and foreign elements),
    /// each once while there are few.
    pub names: Vec<(html5ever::Namespace, html5ever::LocalName)>,
    /// The kept attributes, element after element.
    pub attrs: Vec<AttrValue>,
    /// The kept attribute values, one after the other.
    pub attr_text: String,
    /// Bodies of `<script type="application/ld+json">`.
    pub json_ld: Vec<String>,
    /// The first [`MAX_EMAIL_FIELDS`] `<input type="email">` elements, in
    /// document order: the short boxes around them are sign-up prompts.
    pub email_fields: Vec<NodeId>,
    /// `<html lang>`.
    pub lang: Option<String>,
    /// Set when a limit cut the tree short.
    pub degraded: Option<Degradation>,
}

impl Dom {
    pub(crate) fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id as usize]
    }

    pub(crate) fn element(&self, id: NodeId) -> Option<ElementRef<'_>> {
        match &self.nodes.get(id as usize)?.data {
            NodeData::Element(element) => Some(ElementRef { element, dom: self }),
            _ => None,
        }
    }

    /// An element's namespace and local name.
    pub(crate) fn name(&self, e: &Element) -> (html5ever::Namespace, html5ever::LocalName) {
        element_name(e, &self.extras, &self.names)
    }

    pub(crate) fn tag(&self, id: NodeId) -> Option<Tag> {
        self.element(id).map(|e| e.tag)
    }

    /// A text node's text; empty once the text is released.
    pub(crate) fn text_of(&self, start: u32, end: u32) -> &str {
        self.text.get(start as usize..end as usize).unwrap_or("")
    }

    /// Frees the text buffer. Scoring allocates per node while the tree
    /// and the blocks are held; the text, copied into the blocks by then,
    /// need not be held beside them.
    pub(crate) fn release_text(&mut self) {
        self.text = String::new();
    }

    /// The first element with this tag in document order.
    pub(crate) fn find(&self, tag: Tag) -> Option<NodeId> {
        self.preorder(DOCUMENT)
            .find(|&id| self.tag(id) == Some(tag))
    }

    /// The node and its descendants in document order, without recursion.
    pub(crate) fn preorder(&self, root: NodeId) -> Preorder<'_> {
        Preorder {
            dom: self,
            root,
            next: root,
        }
    }

    /// The text of a subtree as a line: its runs of white space (a
    /// template's indentation) read as one space, trimmed; `None` when
    /// that line is longer than `max` bytes, the subtree larger than
    /// `max_nodes` nodes or its raw text longer than [`LINE_RAW_FACTOR`]
    /// times `max` (so that a run of spaces is not read to its end). Stops
    /// as soon as the line is too long.
    pub(crate) fn short_line(&self, root: NodeId, max: usize, max_nodes: usize) -> Option<String> {
        self.short_line_raw(root, max, max.saturating_mul(LINE_RAW_FACTOR), max_nodes)
    }

    /// [`Dom::short_line`] with its own bound on the raw text: `None` past
    /// `max_raw` raw bytes (indentation included), whatever the line.
    pub(crate) fn short_line_raw(
        &self,
        root: NodeId,
        max: usize,
        max_raw: usize,
        max_nodes: usize,
    ) -> Option<String> {
        // One allocation for a line of a few words; a longer one grows.
        let mut out = String::with_capacity(max.min(LINE_CAPACITY));
        let mut space = false;
        let mut raw = 0usize;
        for (i, id) in self.preorder(root).enumerate() {
            if i >= max_nodes {
                return None;
            }
            let NodeData::Text { start, end } = self.node(id).data else {
                continue;
            };
            let text = self.text_of(start, end);
            raw += text.len();
            if raw > max_raw {
                return None;
            }
            // Words of one node are one space apart; a node joins the one
            // before it with a space only where either has white space at
            // their meeting.
            let lead = text.starts_with(char::is_whitespace);
            let mut first = true;
            for w in text.split_whitespace() {
                if !out.is_empty() && (!first || lead || space) {
                    out.push(' ');
                }
                space = false;
                first = false;
                out.push_str(w);
                if out.len() > max {
                    return None;
                }
            }
            if text.ends_with(char::is_whitespace) {
                space = true;
            }
        }
        Some(out)
    }

    /// The concatenated text of a subtree.
    pub(crate) fn text_content(&self, root: NodeId) -> String {
        let mut out = String::new();
        for id in self.preorder(root) {
            if let NodeData::Text { start, end } = self.node(id).data {
                out.push_str(self.text_of(start, end));
            }
        }
        out
    }
}

/// An element's namespace and local name, from its tag or the side tables.
pub(crate) fn element_name(
    e: &Element,
    extras: &[Extra],
    names: &[(html5ever::Namespace, html5ever::LocalName)],
) -> (html5ever::Namespace, html5ever::LocalName) {
    let named = extras
        .get(e.extra as usize)
        .and_then(|x| names.get(x.name as usize));
    match (named, e.tag.local_name()) {
        (Some(name), _) => name.clone(),
        (None, Some(local)) => (html5ever::ns!(html), local),
        // Not reached: an `Other` element always has its name stored.
        (None, None) => (html5ever::ns!(html), html5ever::local_name!("")),
    }
}

/// Pre-order walk by following links, so depth costs nothing.
pub(crate) struct Preorder<'a> {
    dom: &'a Dom,
    root: NodeId,
    next: NodeId,
}

impl Iterator for Preorder<'_> {
    type Item = NodeId;

    fn next(&mut self) -> Option<NodeId> {
        let id = self.next;
        if id == NONE {
            return None;
        }
        let node = self.dom.node(id);
        self.next = if node.first_child != NONE {
            node.first_child
        } else {
            let mut cur = id;
            loop {
                if cur == self.root {
                    break NONE;
                }
                let n = self.dom.node(cur);
                if n.next != NONE {
                    break n.next;
                }
                cur = n.parent;
                if cur == NONE {
                    break NONE;
                }
            }
        };
        Some(id)
    }
}

/// What the parser reads.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Source<'a> {
    /// Text, decoded or borrowed.
    Text(&'a str),
    /// Bytes to decode (no BOM) in this charset: decoded a piece at a time
    /// as the parser goes, when the charset allows, so that no decoded
    /// copy of the whole page is held beside the tree being built.
    Undecoded(
        &'static encoding_rs::Encoding,
        &'a [u8],
        &'static crate::decode::Codec,
    ),
}

impl<'a> Source<'a> {
    /// Bytes to decode in this charset (see [`Source::Undecoded`]).
    pub(crate) fn undecoded(encoding: &'static encoding_rs::Encoding, bytes: &'a [u8]) -> Self {
        Source::Undecoded(encoding, bytes, &crate::decode::CODEC)
    }
}

/// How much raw text (white space included) a [`Dom::short_line`] of
/// `max` bytes reads at most, as a multiple of `max`.
pub(crate) const LINE_RAW_FACTOR: usize = 4;

/// The bytes a [`Dom::short_line`] reserves at first.
const LINE_CAPACITY: usize = 64;

/// Parses a page into a [`Dom`], honouring the node and depth limits.
pub(crate) fn parse(source: Source<'_>, options: &Options) -> Dom {
    sink::parse(source, options)
}

/// Flattens every element at depth `max` (the document is depth 0): its
/// visible text, and its descendants that hold nothing (`<br>`, `<img>`),
/// become its children in document order; the elements in between are
/// unlinked, and hidden subtrees below it are dropped so their text does
/// not surface. Returns whether anything was flattened. Linear: each node
/// is visited once.
pub(crate) fn flatten_below(nodes: &mut [Node], max: usize) -> bool {
    let hidden = |n: &Node| match &n.data {
        NodeData::Element(e) => e.tag.is_invisible() || e.hints & hints::HIDDEN != 0,
        _ => false,
    };
    let mut flattened = false;
    let mut kept = Vec::new();
    let mut id = DOCUMENT;
    let mut depth = 0;
    loop {
        let first = nodes[id as usize].first_child;
        if first != NONE && depth < max {
            id = first;
            depth += 1;
            continue;
        }
        if first != NONE && matches!(nodes[id as usize].data, NodeData::Element(_)) {
            // Gather the subtree's leaves in document order.
            kept.clear();
            let mut deeper = false;
            let mut c = first;
            while c != NONE {
                let n = &nodes[c as usize];
                let descend = n.first_child != NONE && !hidden(n);
                if n.first_child == NONE && !hidden(n) {
                    kept.push(c);
                } else {
                    deeper = true;
                }
                c = if descend {
                    n.first_child
                } else {
                    // The next node after `c`'s subtree, within `id`'s.
                    let mut up = c;
                    loop {
                        let u = &nodes[up as usize];
                        if u.next != NONE {
                            break u.next;
                        }
                        up = u.parent;
                        if up == id || up == NONE {
                            break NONE;
                        }
                    }
                };
            }
            if deeper {
                flattened = true;
                let mut prev = NONE;
                for &k in &kept {
                    let n = &mut nodes[k as usize];
                    n.parent = id;
                    n.prev = prev;
                    n.next = NONE;
                    if prev != NONE {
                        nodes[prev as usize].next = k;
                    }
                    prev = k;
                }
                let x = &mut nodes[id as usize];
                x.first_child = kept.first().copied().unwrap_or(NONE);
                x.last_child = prev;
            }
        }
        // On to the next sibling, or the nearest ancestor's.
        loop {
            if id == DOCUMENT {
                return flattened;
            }
            let n = &nodes[id as usize];
            if n.next != NONE {
                id = n.next;
                break;
            }
            id = n.parent;
            depth -= 1;
        }
    }
}

/// Size of the tree a page parses into, for the robustness tests.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParseStats {
    /// Nodes in the arena, detached ones included.
    pub nodes: usize,
    /// Deepest element below the document (the document is depth 0).
    pub depth: usize,
    /// Bytes in the text buffer.
    pub text_bytes: usize,
    /// The most open and active formatting elements the tree builder held
    /// at once (counted before each start tag).
    pub max_open: usize,
    /// The most attributes on one tag, duplicates included.
    pub max_attributes: usize,
    /// The guard's pre-pass changed the text (see `guard::scan`).
    pub rewritten: bool,
    /// The degradation the parse reported.
    pub degraded: Option<Degradation>,
}

/// Decodes and parses a page as [`Extractor::extract`](crate::Extractor::extract)
/// does and reports the tree's size.
#[doc(hidden)]
pub fn debug_parse_stats(bytes: &[u8], options: &Options) -> ParseStats {
    let bytes = &bytes[..bytes.len().min(options.max_bytes)];
    let (encoding, _, bytes) = crate::decode::choose_and_strip(bytes, &crate::Hints::default());
    let source = match crate::decode::borrowed(encoding, bytes) {
        Some(text) => Source::Text(text),
        None => Source::undecoded(encoding, bytes),
    };
    let (dom, seen) = sink::parse_counting(source, options, true);
    // Depth by an explicit stack of (node, depth).
    let mut depth = 0;
    let mut stack = vec![(DOCUMENT, 0usize)];
    while let Some((id, d)) = stack.pop() {
        depth = depth.max(d);
        let mut c = dom.node(id).first_child;
        while c != NONE {
            stack.push((c, d + 1));
            c = dom.node(c).next;
        }
    }
    ParseStats {
        nodes: dom.nodes.len(),
        depth,
        text_bytes: dom.text.len(),
        max_open: seen.max_open,
        max_attributes: seen.max_attributes,
        rewritten: seen.rewritten,
        degraded: dom.degraded,
    }
}

/// The tree of `html` as our parser builds it, in a canonical text form for
/// comparing with other tree builders: one line per element start (`<name>`,
/// `<svg name>` or `<math name>` for foreign elements), element end
/// (`</name>`) and run of text (`|text`, with `\` and newlines escaped).
/// Attributes, comments, doctypes and template contents are left out, as
/// is the text of elements whose text we drop (`<script>`, `<style>`, ...);
/// adjacent texts are one run. Parsed with default options.
#[doc(hidden)]
pub fn debug_tree(html: &str) -> String {
    tree_text(&parse(Source::Text(html), &Options::default()))
}

/// [`debug_tree`]'s form of a parsed page.
fn tree_text(dom: &Dom) -> String {
    let mut out = String::new();
    let mut text = String::new();
    // (node, exiting), children pushed in reverse so they pop in order.
    let mut stack = vec![(DOCUMENT, false)];
    while let Some((id, exiting)) = stack.pop() {
        let node = dom.node(id);
        match &node.data {
            NodeData::Text { start, end } => text.push_str(dom.text_of(*start, *end)),
            NodeData::Element(e) => {
                flush_text(&mut out, &mut text);
                let (ns, local) = dom.name(e);
                let prefix = if ns == html5ever::ns!(svg) {
                    "svg "
                } else if ns == html5ever::ns!(mathml) {
                    "math "
                } else {
                    ""
                };
                if exiting {
                    out.push_str(&format!("</{prefix}{local}>\n"));
                    continue;
                }
                out.push_str(&format!("<{prefix}{local}>\n"));
                stack.push((id, true));
                let mut c = node.last_child;
                while c != NONE {
                    stack.push((c, false));
                    c = dom.node(c).prev;
                }
            }
            NodeData::Document => {
                let mut c = node.last_child;
                while c != NONE {
                    stack.push((c, false));
                    c = dom.node(c).prev;
                }
            }
            NodeData::Other => {}
        }
    }
    flush_text(&mut out, &mut text);
    out
}

/// Writes a pending run of text as one `|` line of [`debug_tree`].
#[doc(hidden)]
pub fn flush_text(out: &mut String, text: &mut String) {
    if text.is_empty() {
        return;
    }
    out.push('|');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('\n');
    text.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hint bits of the first element with this tag, or 0.
    fn first_hints(dom: &Dom, tag: Tag) -> u32 {
        dom.nodes
            .iter()
            .find_map(|n| match &n.data {
                NodeData::Element(e) if e.tag == tag => Some(e.hints),
                _ => None,
            })
            .unwrap_or(0)
    }

    /// A byline word in an `<article>`'s classes names the post's author
    /// (WordPress's `author-jane-doe`), not what the element is; on a
    /// `<div>` it still marks a byline.
    #[test]
    fn an_article_is_never_a_byline() {
        let html = "<article class='post author-jane-doe'><p>a</p></article>\
                    <div class='author-jane-doe'>b</div>";
        let dom = parse(Source::Text(html), &Options::default());
        let bits = |tag: Tag| first_hints(&dom, tag);
        assert_eq!(bits(Tag::Article) & hints::BYLINE, 0);
        assert_ne!(bits(Tag::Div) & hints::BYLINE, 0);
    }

    /// Names that say what an element is not: a definition term is never
    /// a signature (Sphinx's `<dt class="sig">`), a heading never a menu
    /// (Docusaurus's `anchorWithStickyNavbar`); a `data-role` names an
    /// element like a class does.
    #[test]
    fn tags_overrule_some_names() {
        let html = "<dl><dt class='sig sig-object'>f(x)</dt><dd class='sig'>y</dd></dl>\
                    <h2 class='anchor anchorWithStickyNavbar_x'>Usage</h2>\
                    <section data-role='memberSignature'>z</section>";
        let dom = parse(Source::Text(html), &Options::default());
        let bits = |tag: Tag| first_hints(&dom, tag);
        assert_eq!(bits(Tag::Dt) & hints::SIGNATURE, 0);
        assert_ne!(bits(Tag::Dd) & hints::SIGNATURE, 0);
        assert_eq!(bits(Tag::H2) & hints::NAV, 0);
        assert_ne!(bits(Tag::Section) & hints::SIGNATURE, 0);
    }

    #[test]
    fn flattening_keeps_visible_text_in_order() {
        let html = "<div><div><div><p>one <b>two</b></p><span hidden>secret</span><br>three</div></div></div>";
        let mut dom = parse(Source::Text(html), &Options::default());
        assert_eq!(dom.degraded, None);
        // html, body, div, div: the second div takes what is below it.
        assert!(flatten_below(&mut dom.nodes, 4));
        let text = dom.text_content(DOCUMENT);
        assert_eq!(text, "one twothree");
        // Nothing below the limit but leaves.
        let mut stack = vec![(DOCUMENT, 0)];
        while let Some((id, d)) = stack.pop() {
            assert!(d <= 5, "node at depth {d}");
            let mut c = dom.node(id).first_child;
            while c != NONE {
                stack.push((c, d + 1));
                c = dom.node(c).next;
            }
        }
    }

    /// A page in a legacy charset, decoded a piece at a time as the parser
    /// goes, gives the tree its decoded text gives.
    #[test]
    fn undecoded_pages_parse_as_their_text() {
        let long = "x".repeat(crate::guard::MAX_ITEM / 3 + 1);
        let pages: [(&str, Vec<u8>); 5] = [
            // Shift_JIS trail bytes that are `\` and ASCII letters, in text
            // and in an attribute value; an invalid lead byte before `<`.
            (
                "Shift_JIS",
                b"<p title='\x95\x5c\x8e\xa6'>\x95\x5c\x83\x5c x\x81<b>b</b>".to_vec(),
            ),
            (
                "GBK",
                b"<div class=\xd6\xd0>\xd6\xd0\xce\xc4<br>\x81\x40</div>".to_vec(),
            ),
            (
                "windows-1251",
                b"<ul><li>\xcf\xf0\xe8<li>\x88</ul>".to_vec(),
            ),
            // An item that may decode past the pre-pass's limit: the page is
            // then decoded whole first.
            (
                "windows-1252",
                format!("<p title='{long}'>caf\u{e9}</p>").into_bytes(),
            ),
            // Not ASCII-based: decoded whole first.
            ("UTF-16LE", b"<\0p\0>\0x\0".to_vec()),
        ];
        for (label, bytes) in pages {
            let encoding = encoding_rs::Encoding::for_label(label.as_bytes()).unwrap();
            let text = crate::decode::decode_exact(encoding, &bytes);
            assert!(text.starts_with('<'), "{label}");
            let options = Options::default();
            let from_bytes = parse(Source::undecoded(encoding, &bytes), &options);
            let from_text = parse(Source::Text(&text), &options);
            assert_eq!(tree_text(&from_bytes), tree_text(&from_text), "{label}");
            assert_eq!(from_bytes.nodes.len(), from_text.nodes.len(), "{label}");
        }
    }

    #[test]
    fn shallow_pages_are_not_flattened() {
        let mut dom = parse(
            Source::Text("<div><p>one <b>two</b></p></div>"),
            &Options::default(),
        );
        assert!(!flatten_below(&mut dom.nodes, 5));
        assert_eq!(dom.text_content(DOCUMENT), "one two");
    }

    /// A line is read as shown: white space runs are one space, and the
    /// limits hold on the shown text, the nodes and the raw text.
    #[test]
    fn short_lines_read_white_space_as_shown() {
        let pad = " ".repeat(40);
        let html = format!("<p>{pad}Dec 26,\n\t2025{pad}<b>\u{2022}</b>{pad}Mira Lind{pad}</p>");
        let dom = parse(Source::Text(&html), &Options::default());
        let p = dom
            .preorder(DOCUMENT)
            .find(|&id| dom.tag(id) == Some(Tag::P))
            .unwrap();
        assert_eq!(
            dom.short_line(p, 48, 64).as_deref(),
            Some("Dec 26, 2025 \u{2022} Mira Lind")
        );
        assert_eq!(dom.short_line(p, 10, 64), None);
        assert_eq!(dom.short_line(p, 48, 2), None);
        // Raw text past LINE_RAW_FACTOR times the limit is not read to
        // its end.
        let spaces = format!("<p>a{}b</p>", " ".repeat(1000));
        let dom = parse(Source::Text(&spaces), &Options::default());
        let p = dom
            .preorder(DOCUMENT)
            .find(|&id| dom.tag(id) == Some(Tag::P))
            .unwrap();
        assert_eq!(dom.short_line(p, 48, 64), None);
        assert_eq!(dom.short_line(p, 300, 64).as_deref(), Some("a b"));
        // Words split over elements stay one word.
        let dom = parse(
            Source::Text("<p>Dec<b>26</b> <i>2025 </i>x</p>"),
            &Options::default(),
        );
        let p = dom
            .preorder(DOCUMENT)
            .find(|&id| dom.tag(id) == Some(Tag::P))
            .unwrap();
        assert_eq!(dom.short_line(p, 48, 64).as_deref(), Some("Dec26 2025 x"));
    }
}
