//! Our html5ever `TreeSink`: builds the arena [`Dom`] directly.
//!
//! Since html5ever 0.28 every sink method takes `&self`, so the arena sits
//! in `RefCell`s; no borrow outlives a method (element names are handed out
//! as owned copies, which for known tags are static atoms).

use std::borrow::Cow;
use std::cell::{Cell, RefCell};

use html5ever::TokenizerResult;
use html5ever::interface::{ElemName, ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{BufferQueue, Tokenizer, TokenizerOpts};
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts};
use html5ever::{Attribute, LocalName, Namespace, QualName, local_name, ns};

use super::hints;
use super::{
    Attr, AttrValue, DOCUMENT, Dom, Element, Extra, MAX_EMAIL_FIELDS, NONE, Node, NodeData, NodeId,
    Source, Tag, element_name,
};
use crate::decode;
use crate::guard::{self, NodeCount, TokenGuard};
use crate::{Degradation, Options};

/// Input is fed to the parser in pieces this large, so that once the node
/// limit is reached the rest of the page is not even tokenized. The
/// tokenizer needs its input copied into tendrils; small pieces keep that
/// copy (and the decoding buffer of a page in a legacy charset) small
/// beside a small page.
const CHUNK: usize = 2 * 1024;

/// Room for nodes made before parsing: 4/3 per `<` (the benchmark pages
/// make 0.25 to 1.46, most about 1.2), and never more than one per 16
/// bytes (the densest page makes one per 19), so that text full of `<`
/// reserves at most 2 bytes of arena per byte. A page past the estimate
/// grows the arena by half at a time.
fn node_estimate(html: &[u8]) -> usize {
    let lt = memchr::memchr_iter(b'<', html).count();
    (lt + lt / 3).min(html.len() / 16) + 16
}

/// Grows a vector by half its length (not double) when `additional` more
/// do not fit: arenas are shrunk to their length after parsing, so the
/// slack only counts during the parse, where it adds to the peak.
fn reserve_half<T>(v: &mut Vec<T>, additional: usize) {
    if v.capacity() - v.len() < additional {
        v.reserve_exact(additional.max(v.len() / 2).max(64));
    }
}

pub(super) fn parse(source: Source<'_>, options: &Options) -> Dom {
    parse_counting(source, options, false).0
}

/// What the guards saw of a page, for [`super::ParseStats`].
#[derive(Debug, Default)]
pub(super) struct Seen {
    /// The most open plus active formatting elements at a start tag.
    pub max_open: usize,
    /// The most attributes on one tag.
    pub max_attributes: usize,
    /// The pre-pass changed the text.
    pub rewritten: bool,
}

/// Parses through the guards of [`crate::guard`]; with `exact`, counts the
/// tree builder's elements before every start tag.
pub(super) fn parse_counting(source: Source<'_>, options: &Options, exact: bool) -> (Dom, Seen) {
    // Undecoded bytes are checked by the pre-pass as they are; should it
    // have work to do, the page is decoded and checked as text.
    let decoded: String;
    let (scan, source) = match source {
        Source::Undecoded(encoding, bytes, codec) => match decode::markup_is_ascii(encoding)
            .then(|| guard::prepare_undecoded(bytes))
            .flatten()
        {
            Some(scan) => (scan, source),
            None => {
                decoded = (codec.decode_exact)(encoding, bytes);
                (guard::prepare(&decoded), Source::Text(&decoded))
            }
        },
        Source::Text(text) => (guard::prepare(text), source),
    };
    let (capped, max_attributes, rewritten) =
        (scan.capped, scan.most_attributes, scan.text.is_some());
    let source = scan.text.as_deref().map_or(source, Source::Text);
    let html = match source {
        Source::Text(text) => text.as_bytes(),
        Source::Undecoded(_, bytes, _) => bytes,
    };
    let mut nodes = Vec::with_capacity(node_estimate(html));
    nodes.push(Node::unlinked(NodeData::Document));
    let sink = Sink {
        nodes: RefCell::new(nodes),
        text: RefCell::new(String::new()),
        extras: RefCell::new(Vec::new()),
        names: RefCell::new(Vec::new()),
        attrs: RefCell::new(Vec::new()),
        attr_text: RefCell::new(String::new()),
        json_ld: RefCell::new(Vec::new()),
        email_fields: RefCell::new(Vec::new()),
        lang: RefCell::new(None),
        template: Cell::new(NONE),
        annotation_html: RefCell::new(Vec::new()),
        slug_ids: RefCell::new(Vec::new()),
    };
    // Scripting off, as in a browser without JavaScript: `<noscript>` then
    // holds markup, which is where script-rendered sites put their content.
    let tb_opts = TreeBuilderOpts {
        scripting_enabled: false,
        ..Default::default()
    };
    let max_depth = options.max_depth.max(2);
    let mut guard = TokenGuard::new(
        TreeBuilder::new(sink, tb_opts),
        max_depth,
        options.max_nodes.max(1),
    );
    if exact {
        guard = guard.count_exactly();
    }
    let tokenizer = Tokenizer::new(guard, TokenizerOpts::default());
    let input = BufferQueue::default();
    // Feeds a piece; whether to go on (not at the node limit).
    let feed = |piece: &str| {
        input.push_back(StrTendril::from_slice(piece));
        // The guard never asks the tokenizer to pause, so one call
        // consumes the piece; should one pause, go on while input is left.
        while !matches!(tokenizer.feed(&input), TokenizerResult::Done) && !input.is_empty() {}
        !tokenizer.sink.full.get()
    };
    match source {
        Source::Text(mut rest) => {
            while !rest.is_empty() {
                let mut cut = rest.len().min(CHUNK);
                while !rest.is_char_boundary(cut) {
                    cut -= 1;
                }
                let go_on = feed(&rest[..cut]);
                rest = &rest[cut..];
                if !go_on {
                    break;
                }
            }
        }
        Source::Undecoded(encoding, bytes, codec) => {
            let mut feed = feed;
            (codec.decode_in_pieces)(encoding, bytes, CHUNK, &mut feed)
        }
    }
    tokenizer.end();
    let guard = tokenizer.sink;
    let max_open = guard.max_seen.get();
    let full = guard.full.get();
    let mut too_deep = guard.too_deep.get();
    let sink = guard.tb.sink;
    let mut nodes = sink.nodes.into_inner();
    too_deep |= super::flatten_below(&mut nodes, max_depth);
    // Give back the growth slack before the later stages allocate.
    nodes.shrink_to_fit();
    let mut text = sink.text.into_inner();
    text.shrink_to_fit();
    let degraded = if full {
        Some(Degradation::TooManyNodes)
    } else if too_deep {
        Some(Degradation::TooDeep)
    } else if capped {
        Some(Degradation::TooManyAttributes)
    } else {
        None
    };
    let mut dom = Dom {
        nodes,
        text,
        extras: sink.extras.into_inner(),
        names: sink.names.into_inner(),
        attrs: sink.attrs.into_inner(),
        attr_text: sink.attr_text.into_inner(),
        json_ld: sink.json_ld.into_inner(),
        email_fields: sink.email_fields.into_inner(),
        lang: sink.lang.into_inner(),
        degraded,
    };
    anchor_ids(&mut dom, &sink.slug_ids.into_inner());
    (
        dom,
        Seen {
            max_open,
            max_attributes,
            rewritten,
        },
    )
}

/// Whether an `id` reads like an anchor made from a heading's words
/// (`respond-to-review-comments`): three words or more in lower case,
/// joined by hyphens. Names of parts of a page are shorter.
fn looks_like_slug(id: &str) -> bool {
    id.len() <= MAX_SLUG
        && id.split('-').filter(|w| !w.is_empty()).count() >= 3
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The longest id read as a heading's anchor.
const MAX_SLUG: usize = 200;

/// The most nodes of a heading read to compare its words.
const SLUG_HEADING_NODES: usize = 256;

/// How many nodes into an element its heading is looked for.
const SLUG_HEADING_WITHIN: usize = 16;

/// An `id` that is its heading's words (`<section id="respond-to-review-
/// comments"><h2>Respond to review comments</h2>`, a documentation
/// generator's anchors) names the section's subject, not a part of the
/// page: the bits it alone gave are taken back.
fn anchor_ids(dom: &mut Dom, slugs: &[(NodeId, u32, String)]) {
    let is_heading = |dom: &Dom, n: NodeId| dom.tag(n).is_some_and(|t| t.heading_level().is_some());
    let anchors: Vec<(NodeId, u32)> = slugs
        .iter()
        .filter(|(id, _, slug)| {
            // The element itself when it is a heading, else the first
            // heading among its first few descendants.
            dom.preorder(*id)
                .take(SLUG_HEADING_WITHIN)
                .find(|&n| is_heading(dom, n))
                .is_some_and(|h| heading_slug_matches(dom, h, slug))
        })
        .map(|&(id, bits, _)| (id, bits))
        .collect();
    for (id, bits) in anchors {
        if let NodeData::Element(e) = &mut dom.nodes[id as usize].data {
            e.hints &= !bits;
        }
    }
}

/// Whether `slug` is the heading's words, lower-cased and joined by
/// hyphens (a trailing `-2` of a repeated heading allowed).
fn heading_slug_matches(dom: &Dom, heading: NodeId, slug: &str) -> bool {
    let mut words = slug.split('-').filter(|w| !w.is_empty()).peekable();
    // A numbered heading's number ("5.2. The del statement") is not in
    // its anchor: digits before the first word that matches are skipped.
    let mut started = false;
    for (read, id) in dom.preorder(heading).enumerate() {
        if read + 1 >= SLUG_HEADING_NODES {
            return false;
        }
        if let NodeData::Text { start, end } = dom.node(id).data {
            for w in dom
                .text_of(start, end)
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
            {
                let numbering = !started && w.bytes().all(|b| b.is_ascii_digit());
                match words.peek() {
                    Some(s) if w.len() == s.len() && w.to_lowercase() == *s => {
                        words.next();
                        started = true;
                    }
                    _ if numbering => {}
                    _ => return false,
                }
            }
        }
    }
    // Every word of the heading matched; what is left of the slug may only
    // be a number told apart repeats.
    match (words.next(), words.next()) {
        (None, _) => true,
        (Some(n), None) => n.bytes().all(|b| b.is_ascii_digit()),
        _ => false,
    }
}

/// A URL whose path has an `author` or `authors` segment (lower case)
/// followed by one more (`/author/jane-doe/`), the usual address of a
/// writer's page.
fn is_author_url(href: &str) -> bool {
    // Most links say nothing of authors: one substring search rules them
    // out (author pages are addressed in lower case).
    static AUTHOR: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"author"));
    if AUTHOR.find(href.as_bytes()).is_none() {
        return false;
    }
    let path = href.split(['?', '#']).next().unwrap_or("");
    let mut segs = path.split('/').filter(|s| !s.is_empty());
    while let Some(s) = segs.next() {
        if s == "author" || s == "authors" {
            return segs.next().is_some();
        }
    }
    false
}

struct Sink {
    nodes: RefCell<Vec<Node>>,
    text: RefCell<String>,
    extras: RefCell<Vec<Extra>>,
    names: RefCell<Vec<(Namespace, LocalName)>>,
    attrs: RefCell<Vec<AttrValue>>,
    attr_text: RefCell<String>,
    json_ld: RefCell<Vec<String>>,
    email_fields: RefCell<Vec<NodeId>>,
    lang: RefCell<Option<String>>,
    /// The detached node that holds every `<template>`'s contents.
    template: Cell<NodeId>,
    /// MathML `<annotation-xml>` elements that hold HTML, in id order (so
    /// sorted): the tree builder asks, to parse their content as HTML.
    annotation_html: RefCell<Vec<NodeId>>,
    /// Elements whose `id` reads like a heading's anchor and alone gave
    /// them hint bits: the element, those bits, the id.
    slug_ids: RefCell<Vec<(NodeId, u32, String)>>,
}

/// An element name handed to the tree builder. The tree builder asks for
/// names all the time (each scope check walks the open elements), so this
/// is two atoms, cheap to copy.
#[derive(Debug)]
struct Name(Namespace, LocalName);

impl ElemName for Name {
    fn ns(&self) -> &Namespace {
        &self.0
    }
    fn local_name(&self) -> &LocalName {
        &self.1
    }
}

impl Sink {
    fn push(&self, data: NodeData) -> NodeId {
        let mut nodes = self.nodes.borrow_mut();
        // Past u32 ids the page is far over any node limit; reuse the
        // document id rather than wrap (the tree is cut short anyway).
        let id = NodeId::try_from(nodes.len()).unwrap_or(DOCUMENT);
        if id == NONE || id == DOCUMENT {
            return DOCUMENT;
        }
        reserve_half(&mut nodes, 1);
        nodes.push(Node::unlinked(data));
        id
    }

    fn tag(&self, id: NodeId) -> Option<Tag> {
        match &self.nodes.borrow()[id as usize].data {
            NodeData::Element(e) => Some(e.tag),
            _ => None,
        }
    }

    fn detach(&self, id: NodeId) {
        let mut nodes = self.nodes.borrow_mut();
        let (parent, prev, next) = {
            let n = &mut nodes[id as usize];
            let links = (n.parent, n.prev, n.next);
            n.parent = NONE;
            n.prev = NONE;
            n.next = NONE;
            links
        };
        if parent == NONE {
            return;
        }
        if prev != NONE {
            nodes[prev as usize].next = next;
        } else {
            nodes[parent as usize].first_child = next;
        }
        if next != NONE {
            nodes[next as usize].prev = prev;
        } else {
            nodes[parent as usize].last_child = prev;
        }
    }

    fn append_node(&self, parent: NodeId, child: NodeId) {
        self.detach(child);
        let mut nodes = self.nodes.borrow_mut();
        let last = nodes[parent as usize].last_child;
        {
            let c = &mut nodes[child as usize];
            c.parent = parent;
            c.prev = last;
        }
        if last != NONE {
            nodes[last as usize].next = child;
        } else {
            nodes[parent as usize].first_child = child;
        }
        nodes[parent as usize].last_child = child;
    }

    fn insert_before(&self, sibling: NodeId, child: NodeId) {
        self.detach(child);
        let mut nodes = self.nodes.borrow_mut();
        let parent = nodes[sibling as usize].parent;
        if parent == NONE {
            return;
        }
        let prev = nodes[sibling as usize].prev;
        {
            let c = &mut nodes[child as usize];
            c.parent = parent;
            c.prev = prev;
            c.next = sibling;
        }
        nodes[sibling as usize].prev = child;
        if prev != NONE {
            nodes[prev as usize].next = child;
        } else {
            nodes[parent as usize].first_child = child;
        }
    }

    /// Appends text after `prev` (the would-be previous sibling), merging
    /// into it when it is a text node that ends the text buffer; otherwise
    /// returns the new text node to link in.
    fn text_node(&self, prev: NodeId, text: &str) -> Option<NodeId> {
        let mut buf = self.text.borrow_mut();
        if prev != NONE {
            let mut nodes = self.nodes.borrow_mut();
            if let NodeData::Text { start, end } = &mut nodes[prev as usize].data
                && *end as usize == buf.len()
                && buf.len() + text.len() <= u32::MAX as usize
            {
                // Text the parser hands over in two pieces may cut a
                // spoiled run (`â€` | `™`): the last characters before the
                // cut are put back with the new piece. A run is all
                // non-ASCII and opens with a `C3 xx` character, so an
                // ASCII byte on either side of the cut, or no such
                // character before it, says there is none.
                let cut = buf.as_bytes().last().is_some_and(|&b| b >= 0x80)
                    && text.as_bytes().first().is_some_and(|&b| b >= 0x80);
                let tail = if cut {
                    buf[*start as usize..]
                        .char_indices()
                        .rev()
                        .take(decode::MOJIBAKE_RUN - 1)
                        .last()
                        .map_or(buf.len(), |(i, _)| *start as usize + i)
                } else {
                    buf.len()
                };
                if memchr::memchr(0xC3, &buf.as_bytes()[tail..]).is_some()
                    && let Some(joined) = decode::repaired(&format!("{}{text}", &buf[tail..]))
                {
                    buf.truncate(tail);
                    push_text(&mut buf, &joined);
                } else {
                    push_text(&mut buf, decode::repaired(text).as_deref().unwrap_or(text));
                }
                *end = buf.len() as u32;
                return None;
            }
        }
        let repaired = decode::repaired(text);
        let text = repaired.as_deref().unwrap_or(text);
        if buf.len() + text.len() > u32::MAX as usize {
            return None;
        }
        let start = buf.len() as u32;
        push_text(&mut buf, text);
        let end = buf.len() as u32;
        drop(buf);
        Some(self.push(NodeData::Text { start, end }))
    }

    /// Whether text under `parent` is dropped; JSON-LD is collected instead.
    fn swallow_text(&self, parent: NodeId, text: &str) -> bool {
        let nodes = self.nodes.borrow();
        let NodeData::Element(e) = &nodes[parent as usize].data else {
            return false;
        };
        if e.tag == Tag::Script && e.hints & JSON_LD != 0 {
            let mut ld = self.json_ld.borrow_mut();
            match ld.last_mut() {
                Some(last) if e.hints & JSON_LD_OPEN != 0 => last.push_str(text),
                _ => ld.push(text.to_string()),
            }
            drop(ld);
            drop(nodes);
            if let NodeData::Element(e) = &mut self.nodes.borrow_mut()[parent as usize].data {
                e.hints |= JSON_LD_OPEN;
            }
            return true;
        }
        e.tag.drops_text()
    }
}

/// Appends to the text buffer, growing it by half (see [`reserve_half`]).
fn push_text(buf: &mut String, text: &str) {
    if buf.capacity() - buf.len() < text.len() {
        buf.reserve_exact(text.len().max(buf.len() / 2).max(1024));
    }
    buf.push_str(text);
}

/// Scratch hint bits for scripts, cleared of meaning outside the sink.
/// The first is [`hints::CONTROL`]'s bit, which no script carries.
const JSON_LD: u32 = hints::CONTROL;
const JSON_LD_OPEN: u32 = 1 << 31;

impl TreeSink for Sink {
    type Handle = NodeId;
    type Output = Self;
    type ElemName<'a> = Name;

    fn finish(self) -> Self {
        self
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        DOCUMENT
    }

    fn elem_name(&self, target: &NodeId) -> Name {
        match &self.nodes.borrow()[*target as usize].data {
            NodeData::Element(e) => {
                if e.extra == NONE
                    && let Some(local) = e.tag.local_name()
                {
                    return Name(ns!(html), local);
                }
                let (ns, local) = element_name(e, &self.extras.borrow(), &self.names.borrow());
                Name(ns, local)
            }
            // The tree builder asks only about elements; answer harmlessly.
            _ => Name(ns!(html), local_name!("")),
        }
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        let tag = if name.ns == ns!(html) {
            Tag::from_name(&name.local)
        } else if name.ns == ns!(svg) && &*name.local == "svg" {
            Tag::Svg
        } else if name.ns == ns!(mathml) && &*name.local == "math" {
            Tag::Math
        } else {
            Tag::Other
        };
        let mut bits = 0;
        let mut id_bits = 0;
        let mut slug: Option<&str> = None;
        let mut is_ld = false;
        let mut is_email = false;
        let mut page_link = false;
        // What the class and `data-role` say apart (the id's is `id_bits`),
        // and whether the role says menu: read for pagers (below).
        let (mut class_bits, mut data_role_bits) = (0, 0);
        let mut role_menu = false;
        let mut disclosed = false;
        // An inline element may be a control (a button); a script never
        // is, its bit being the JSON-LD mark's.
        let may_control = !tag.is_block() && tag != Tag::Script;
        let first_attr = self.attrs.borrow().len();
        for a in &attrs {
            if a.name.ns != ns!() {
                continue;
            }
            let v: &str = &a.value;
            let keep = match &*a.name.local {
                "id" if !matches!(tag, Tag::Html | Tag::Body) => {
                    id_bits |= hints::from_class_or_id(v);
                    if looks_like_slug(v) {
                        slug = Some(v);
                    }
                    None
                }
                "class" if !matches!(tag, Tag::Html | Tag::Body) => {
                    class_bits = hints::from_class_or_id(v);
                    bits |= class_bits;
                    if hints::names_others(v) {
                        bits |= hints::RELATED;
                    }
                    if may_control && hints::names_button(v) {
                        bits |= hints::CONTROL;
                    }
                    None
                }
                // What a script or framework calls the element
                // (`memberSignature`, `commentFeed`): named like a class.
                "data-role" => {
                    data_role_bits = hints::from_class_or_id(v);
                    bits |= data_role_bits;
                    None
                }
                "role" => {
                    let r = hints::from_role(v);
                    role_menu = r & hints::NAV != 0;
                    bits |= r;
                    // A link or span made a button by its role is one.
                    if may_control && v.trim().eq_ignore_ascii_case("button") {
                        bits |= hints::CONTROL;
                    }
                    if r & hints::DECLARED_CHROME != 0 {
                        bits |= hints::ROLE_CHROME;
                    }
                    None
                }
                "hidden" => {
                    bits |= hints::HIDDEN;
                    // Collapsed until the reader opens it or finds a word
                    // in it: a section of the page, like an accordion's.
                    disclosed |= v.trim().eq_ignore_ascii_case("until-found");
                    None
                }
                // Kept out of search snippets by the publisher (Google's
                // attribute): not the page's text, like `nocontent`.
                "data-nosnippet" => {
                    bits |= hints::SIDEBAR | hints::NOSNIPPET;
                    None
                }
                // Hidden from screen readers, not from sight: on a link it
                // marks the second link of a card to the same page (its
                // picture, its blurb), which readers skip as a duplicate
                // and everyone else sees.
                "aria-hidden" if v.trim().eq_ignore_ascii_case("true") && tag != Tag::A => {
                    bits |= hints::HIDDEN;
                    None
                }
                // Hidden until a script framework has rendered it (AngularJS,
                // Vue, Alpine): unrendered template text (`{{ x.message }}`).
                // A cloaked `<body>` needs no exception: hidden prose stays,
                // and hints from above the region do not judge its blocks.
                "ng-cloak" | "data-ng-cloak" | "v-cloak" | "x-cloak" => {
                    bits |= hints::HIDDEN;
                    None
                }
                "aria-labelledby" => {
                    disclosed = true;
                    None
                }
                "style" if hints::style_hides(v) => {
                    bits |= hints::HIDDEN;
                    None
                }
                "type" if tag == Tag::Script => {
                    is_ld = v.trim().eq_ignore_ascii_case("application/ld+json");
                    None
                }
                "type" if tag == Tag::Input => {
                    is_email = v.trim().eq_ignore_ascii_case("email");
                    None
                }
                "itemprop" => {
                    if v.eq_ignore_ascii_case("articleBody") {
                        bits |= hints::CONTENT | hints::BODY;
                    } else if v.eq_ignore_ascii_case("text") {
                        bits |= hints::CONTENT;
                    }
                    // Shoppers' reviews and ratings on a product page.
                    if v.eq_ignore_ascii_case("review") {
                        bits |= hints::COMMERCE | hints::REVIEWS;
                    } else if v.eq_ignore_ascii_case("aggregateRating") {
                        bits |= hints::COMMERCE;
                    }
                    Some(Attr::Itemprop)
                }
                // Only the canonical `<link>`'s URL is read, never a link's.
                "href" if tag == Tag::Link => Some(Attr::Href),
                // A link to a place on the page itself; `#!/` and `#/` are
                // a script's routes to other pages.
                "href"
                    if tag == Tag::A
                        && v.len() > 1
                        && v.starts_with('#')
                        && !v.starts_with("#!")
                        && !v.starts_with("#/") =>
                {
                    page_link = true;
                    None
                }
                // A link to an author's page names the author (metadata
                // only: not a byline hint, which would drop its block).
                "href" if tag == Tag::A && is_author_url(v) => {
                    bits |= hints::AUTHOR;
                    None
                }
                "rel" if tag == Tag::Link || tag == Tag::A => Some(Attr::Rel),
                "content" if tag == Tag::Meta => Some(Attr::Content),
                "name" if tag == Tag::Meta => Some(Attr::Name),
                "property" if tag == Tag::Meta => Some(Attr::Property),
                "datetime" if tag == Tag::Time => Some(Attr::Datetime),
                "lang" if tag == Tag::Html => {
                    let lang = v.trim();
                    if !lang.is_empty() && self.lang.borrow().is_none() {
                        *self.lang.borrow_mut() = Some(lang.to_string());
                    }
                    None
                }
                _ => None,
            };
            if let Some(which) = keep {
                self.keep_attr(which, v);
            }
        }
        // A hidden region labelled by its control (`aria-labelledby`) is
        // an accordion's panel, shown by a click like a tab's: read as one
        // (a dialog, labelled by its title, is not), and so is one hidden
        // `until-found`.
        if disclosed && bits & hints::HIDDEN != 0 && bits & hints::MODAL == 0 {
            bits |= hints::TABPANEL;
        }
        match tag {
            Tag::Main => bits |= hints::MAIN | hints::LANDMARK,
            Tag::Nav => bits |= hints::NAV,
            Tag::Aside => bits |= hints::SIDEBAR,
            Tag::Footer => bits |= hints::FOOTER,
            Tag::Header => bits |= hints::HEADER,
            Tag::Dialog => bits |= hints::MODAL,
            Tag::Form => bits |= hints::FORM,
            Tag::Script if is_ld => bits |= JSON_LD,
            _ => {}
        }
        // An `<article>` is a composition of its own, never a byline: a
        // byline word in its classes names the post's author (WordPress's
        // `author-jane-doe` post class), not what the element is.
        if tag == Tag::Article {
            bits &= !hints::BYLINE;
        }
        // A definition list's term is what the list defines (an API
        // reference's `<dt class="sig">`), never a poster's signature.
        if tag == Tag::Dt {
            bits &= !hints::SIGNATURE;
        }
        // A heading names what follows it; a menu's headings are inside
        // the menu. Its own class saying "nav" is a theme's scroll offset
        // under a sticky bar (Docusaurus: `anchorWithStickyNavbar`).
        if tag.heading_level().is_some() {
            bits &= !hints::NAV;
        }
        // Named a menu only as a pager: judged later by what it holds.
        // Read apart from the loop: few elements are named as menus, and
        // fewer as pagers.
        let pager = (bits | id_bits) & hints::NAV != 0
            && !matches!(tag, Tag::Nav | Tag::Html | Tag::Body)
            && !role_menu
            && pager_only(&attrs, [id_bits, class_bits, data_role_bits]);
        // What the id alone says, kept apart in case it is a heading's
        // anchor (checked once the heading's text is known).
        let id_only = id_bits & !bits;
        bits |= id_bits;
        // The tree builder asks for names: keep the name when the tag
        // does not give it back.
        let named = name.ns == ns!(html) && tag.local_name().is_some_and(|l| l == name.local);
        let name = if named {
            NONE
        } else {
            self.intern(name.ns, name.local)
        };
        let last_attr = self.attrs.borrow().len();
        let extra = if name == NONE && last_attr == first_attr {
            NONE
        } else {
            let mut extras = self.extras.borrow_mut();
            match index(extras.len()) {
                Some(i) => {
                    extras.push(Extra {
                        name,
                        attrs: (first_attr as u32, last_attr as u32),
                    });
                    i
                }
                None => NONE,
            }
        };
        let id = self.push(NodeData::Element(Element {
            tag,
            hints: bits,
            page_link,
            pager,
            extra,
        }));
        if flags.mathml_annotation_xml_integration_point {
            self.annotation_html.borrow_mut().push(id);
        }
        if let Some(slug) = slug.filter(|_| id_only != 0) {
            self.slug_ids
                .borrow_mut()
                .push((id, id_only, slug.to_string()));
        }
        if is_email {
            let mut fields = self.email_fields.borrow_mut();
            if fields.len() < MAX_EMAIL_FIELDS {
                fields.push(id);
            }
        }
        id
    }

    fn is_mathml_annotation_xml_integration_point(&self, handle: &NodeId) -> bool {
        self.annotation_html.borrow().binary_search(handle).is_ok()
    }

    fn create_comment(&self, _text: StrTendril) -> NodeId {
        self.push(NodeData::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> NodeId {
        self.push(NodeData::Other)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        match child {
            NodeOrText::AppendNode(node) => self.append_node(*parent, node),
            NodeOrText::AppendText(text) => {
                if self.swallow_text(*parent, &text) {
                    return;
                }
                let last = self.nodes.borrow()[*parent as usize].last_child;
                if let Some(node) = self.text_node(last, &text) {
                    self.append_node(*parent, node);
                }
            }
        }
    }

    fn append_before_sibling(&self, sibling: &NodeId, child: NodeOrText<NodeId>) {
        let node = match child {
            NodeOrText::AppendNode(node) => node,
            NodeOrText::AppendText(text) => {
                let prev = self.nodes.borrow()[*sibling as usize].prev;
                match self.text_node(prev, &text) {
                    Some(node) => node,
                    None => return,
                }
            }
        };
        self.insert_before(*sibling, node);
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        if self.nodes.borrow()[*element as usize].parent != NONE {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {
        let id = self.push(NodeData::Other);
        self.append_node(DOCUMENT, id);
    }

    fn get_template_contents(&self, _target: &NodeId) -> NodeId {
        // Template contents are never shown: one shared detached node
        // takes them all.
        self.template_fragment()
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        // Only `<html>` and `<body>` get late attributes; `lang` is the one
        // that matters.
        if self.tag(*target) == Some(Tag::Html)
            && self.lang.borrow().is_none()
            && let Some(a) = attrs.iter().find(|a| &*a.name.local == "lang")
        {
            *self.lang.borrow_mut() = Some(a.value.trim().to_string());
        }
    }

    fn remove_from_parent(&self, target: &NodeId) {
        self.detach(*target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        let mut child = self.nodes.borrow()[*node as usize].first_child;
        while child != NONE {
            let next = self.nodes.borrow()[child as usize].next;
            self.append_node(*new_parent, child);
            child = next;
        }
    }
}

/// Whether an element's id, class and `data-role` (their hint bits in
/// `bits`, in that order) name it a menu only as a pager
/// ([`hints::names_pager_only`]).
fn pager_only(attrs: &[Attribute], bits: [u32; 3]) -> bool {
    let mut pager = false;
    for a in attrs.iter().filter(|a| a.name.ns == ns!()) {
        let b = match &*a.name.local {
            "id" => bits[0],
            "class" => bits[1],
            "data-role" => bits[2],
            _ => continue,
        };
        if b & hints::NAV != 0 {
            if !hints::names_pager_only(&a.value, b) {
                return false;
            }
            pager = true;
        }
    }
    pager
}

/// A side-table index as a `u32`, `None` past what ids can say (never on
/// a page within the node limit).
fn index(len: usize) -> Option<u32> {
    u32::try_from(len).ok().filter(|&i| i != NONE)
}

impl Sink {
    /// Stores a kept attribute's value in the shared buffer.
    fn keep_attr(&self, which: Attr, value: &str) {
        let repaired = decode::repaired(value);
        let value = repaired.as_deref().unwrap_or(value);
        let mut attrs = self.attrs.borrow_mut();
        let mut text = self.attr_text.borrow_mut();
        if let (Some(start), Some(end), Some(_)) = (
            index(text.len()),
            index(text.len() + value.len()),
            index(attrs.len()),
        ) {
            text.push_str(value);
            attrs.push(AttrValue { which, start, end });
        }
    }

    /// The index of a name in the names table, added if new. Pages use
    /// few names beyond the listed tags, so the first 64 are looked
    /// through; a page that makes up more gets an entry per element.
    fn intern(&self, ns: Namespace, local: LocalName) -> u32 {
        let mut names = self.names.borrow_mut();
        if let Some(i) = names
            .iter()
            .take(64)
            .position(|(n, l)| *n == ns && *l == local)
        {
            return i as u32;
        }
        match index(names.len()) {
            Some(i) => {
                names.push((ns, local));
                i
            }
            None => NONE,
        }
    }
}

impl NodeCount for Sink {
    fn node_count(&self) -> usize {
        self.nodes.borrow().len()
    }
}

impl Sink {
    fn template_fragment(&self) -> NodeId {
        if self.template.get() == NONE {
            self.template.set(self.push(NodeData::Other));
        }
        self.template.get()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_are_three_lower_case_words_or_more() {
        assert!(looks_like_slug("respond-to-review-comments"));
        assert!(looks_like_slug("step-2-install-the-cli"));
        assert!(!looks_like_slug("comments"));
        assert!(!looks_like_slug("related-posts"));
        assert!(!looks_like_slug("Respond-To-Review"));
        assert!(!looks_like_slug("respond_to_review_comments"));
    }
}
