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
    Lang,
}

/// One node.
#[derive(Debug, Clone)]
pub(crate) struct Node {
    pub parent: NodeId,
    pub first_child: NodeId,
    pub last_child: NodeId,
    pub prev: NodeId,
    pub next: NodeId,
    pub data: NodeData,
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

#[derive(Debug, Clone)]
pub(crate) struct Element {
    /// The namespace and local name (the HTML parser never sets a prefix).
    pub ns: html5ever::Namespace,
    pub local: html5ever::LocalName,
    pub tag: Tag,
    /// [`hints`] bits from class, id, role and hiding attributes.
    pub hints: u32,
    pub attrs: Vec<(Attr, String)>,
}

impl Element {
    pub(crate) fn attr(&self, which: Attr) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(a, _)| *a == which)
            .map(|(_, v)| v.as_str())
    }
}

/// A parsed page.
#[derive(Debug)]
pub(crate) struct Dom {
    pub nodes: Vec<Node>,
    pub text: String,
    /// Bodies of `<script type="application/ld+json">`.
    pub json_ld: Vec<String>,
    /// `<html lang>`.
    pub lang: Option<String>,
    /// Set when a limit cut the tree short.
    pub degraded: Option<Degradation>,
}

impl Dom {
    pub(crate) fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id as usize]
    }

    pub(crate) fn element(&self, id: NodeId) -> Option<&Element> {
        match &self.nodes.get(id as usize)?.data {
            NodeData::Element(e) => Some(e),
            _ => None,
        }
    }

    pub(crate) fn tag(&self, id: NodeId) -> Option<Tag> {
        self.element(id).map(|e| e.tag)
    }

    pub(crate) fn text_of(&self, start: u32, end: u32) -> &str {
        &self.text[start as usize..end as usize]
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

/// Parses decoded text into a [`Dom`], honouring the node and depth limits.
pub(crate) fn parse(text: &str, options: &Options) -> Dom {
    sink::parse(text, options)
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
    let decoded = crate::decode(bytes, &crate::Hints::default());
    let (dom, seen) = sink::parse_counting(&decoded.text, options, true);
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
    let dom = parse(html, &Options::default());
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
                let prefix = if e.ns == html5ever::ns!(svg) {
                    "svg "
                } else if e.ns == html5ever::ns!(mathml) {
                    "math "
                } else {
                    ""
                };
                if exiting {
                    out.push_str(&format!("</{prefix}{}>\n", e.local));
                    continue;
                }
                out.push_str(&format!("<{prefix}{}>\n", e.local));
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

    #[test]
    fn flattening_keeps_visible_text_in_order() {
        let html = "<div><div><div><p>one <b>two</b></p><span hidden>secret</span><br>three</div></div></div>";
        let mut dom = parse(html, &Options::default());
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

    #[test]
    fn shallow_pages_are_not_flattened() {
        let mut dom = parse("<div><p>one <b>two</b></p></div>", &Options::default());
        assert!(!flatten_below(&mut dom.nodes, 5));
        assert_eq!(dom.text_content(DOCUMENT), "one two");
    }
}
