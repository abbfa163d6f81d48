//! Blocks to decisions: find the main content region, then keep or drop
//! each block in context, with a [`Reason`] for every decision.
//!
//! Thresholds and weights live in [`weights`], each with why it has its value.

use std::collections::{HashMap, HashSet};

use crate::blocks::{BlockInfo, Page};
use crate::dom::{Dom, Element, NONE, NodeId, Tag, hints};
use crate::{BlockKind, Metadata, Options, Preset, Reason, Signal};

/// The tuning constants, in one place.
pub(crate) mod weights {
    /// Link text counts against a container this many times its length:
    /// a menu of 100 link letters outweighs 150 letters of prose.
    pub const LINK_PENALTY: f32 = 1.5;
    /// A block at least this long with few links reads as prose.
    pub const PROSE_LEN: u32 = 80;
    /// Link-free list items after an article's body that make it content,
    /// not a trailer (see `drop_trailer`).
    pub const TRAILER_LIST_ITEMS: usize = 3;
    /// A sidebar-named column with at least this much code (a few lines)...
    pub const CODE_ASIDE_MIN_LEN: u32 = 200;
    /// ...that is at least this share of its text is a reference's
    /// examples column, not a side column.
    pub const CODE_ASIDE_SHARE: f32 = 0.8;
    /// Bonus for a prose block: containers are chosen by paragraphs, not
    /// by many short fragments. Kept small (a fifth of the shortest
    /// paragraph's length): larger, a box of a few paragraphs
    /// (testimonials, an author's note) outweighs a body of lists and
    /// short lines.
    pub const PROSE_BONUS: f32 = 15.0;
    /// A hint bit carried by more than this share of the page's text
    /// describes the page layout, not boilerplate (`<div class="has-sidebar">`
    /// around everything), and is ignored.
    pub const PAGE_WIDE_HINT: f32 = 0.6;
    /// The share of the page's unhinted text a `<main>` must hold for the
    /// region to be looked for inside it.
    pub const MAIN_MIN_SHARE: f32 = 0.2;
    /// An `<h1>` opening the kept text is the headline when at least this
    /// share of its words is in the page's title (`High School Roundup: …`
    /// under the title `HS Roundup: …`).
    pub const TITLE_WORDS_SHARE: f32 = 0.5;
    /// The shortest headline (letters and digits) that can stand for a
    /// title it rewords.
    pub const HEADLINE_MIN_CHARS: usize = 8;
    /// A line holding an image's address is printed structured data when
    /// addresses make up this share of it.
    pub const URL_TEXT_SHARE: f32 = 0.3;
    /// The longest line read as a dateline (a clock time and a year).
    pub const DATELINE_MAX_CHARS: usize = 100;
    /// The most datelines a region has for them to be dropped.
    pub const DATELINES_MAX: usize = 2;
    /// A container holding at least this share of the page's prose keeps
    /// its text whatever its class says: boilerplate boxes do not hold
    /// half of a page's paragraphs.
    pub const HINT_VETO_SHARE: f32 = 0.5;
    /// How many siblings back a signature looks for its post's text.
    pub const SIGN_OFF_LOOK_BACK: usize = 8;
    /// The same for comment containers, set higher because an article's
    /// comment thread can outweigh the article; past it the page is a thread.
    pub const COMMENT_VETO_SHARE: f32 = 0.8;
    /// How much link text counts against an items region: lightly, since
    /// a listing's items are links, but enough that a menu's bare links
    /// lose to items with descriptions.
    pub const ITEM_LINK_PENALTY: f32 = 0.5;
    /// A page whose prose region holds less prose than this share of the
    /// text of its best items region is a listing.
    pub const LISTING_PROSE_SHARE: f32 = 0.25;
    /// A prose region with this many paragraphs is an article-like page
    /// whatever else the page holds (menus can outweigh a short story).
    pub const ARTICLE_MIN_PROSE_BLOCKS: u32 = 3;
    /// A container named as an ad (`promo`, `banner`) or as a byline
    /// (`meta`, `date`) holding this many prose paragraphs is the page's
    /// own content; so is one named as
    /// related (`carousel`, `recommend`) that also holds this share of the
    /// page's prose (testimonials, a service's feature slides), while a
    /// "more stories" box beside an article holds little of it, or holds
    /// it as blurbs under linked headlines (one for every two paragraphs).
    pub const AD_MAX_PROSE: u32 = 3;
    /// Shorter runs of hex digits may be words, numbers or codes a reader
    /// wants (`deadbeef`, a part number).
    pub const IDS_MIN_LEN: usize = 32;
    /// How many levels above the main region its sibling sections are
    /// looked at.
    pub const SIBLING_LEVELS: usize = 2;
    /// See [`AD_MAX_PROSE`].
    pub const RELATED_MIN_SHARE: f32 = 0.3;
    /// Paragraphs standing together under one parent, this many, are an
    /// article's body however many teasers stand beside it.
    pub const ARTICLE_BODY_BLOCKS: u32 = 4;
    /// Keys (`":`) a bracketed text needs to be printed JSON.
    pub const JSON_MIN_KEYS: usize = 3;
    /// The region grows to its parent while the parent keeps this share of
    /// its value (the siblings it adds are close to neutral: a photo and
    /// caption or a heading beside the body, not a box that takes a
    /// fiftieth of its value away).
    pub const LIFT_RATIO: f32 = 0.98;
    /// Longest run of fragments kept for sitting between kept blocks.
    pub const MAX_CONTEXT_RUN: usize = 2;
    /// A linked line this long opening a card is a headline.
    pub const HEADLINE_MIN_LEN: u32 = 15;
    /// A card longer than this is an article in its own right (a forum
    /// post, a listicle item), not a teaser.
    pub const TEASER_MAX_LEN: u32 = 600;
    /// Linked headlines run into their blurbs are teasers when at least
    /// this many siblings share the shape (one could be a point with a link).
    pub const TEASER_ROW: u32 = 3;
    /// A row of at least [`TEASER_ROW`] sibling cards is teasers only
    /// where this share of them reads as teasers: a "more stories" row is
    /// uniform, while a list whose cards differ (some headlines too short
    /// to tell, some blurbs long) is the page's own list of events or
    /// entries.
    pub const TEASER_ROW_SHARE: f32 = 0.75;
    /// "Read also" lines are a few per article; at least this many linked
    /// titles, each over a paragraph of its own and nearly all different
    /// ([`ENTRY_TITLES_DISTINCT`]), are a list of entries (a blog index of
    /// titles over summaries, a shopping list with a link per item).
    pub const ENTRY_TITLES_MIN: usize = 8;
    /// See [`ENTRY_TITLES_MIN`]: repeated link texts are buttons ("Start
    /// course" under every card), not titles.
    pub const ENTRY_TITLES_DISTINCT: f32 = 0.9;
    /// Teasers are dropped only beside an article holding at least this
    /// share of their text in prose of its own.
    pub const TEASER_OWN_SHARE: f32 = 0.25;
    /// Blocks at least this long are dropped when their text repeats a kept
    /// block; shorter ones (a "Note", a repeated label) may repeat in content.
    pub const REPEAT_MIN_LEN: u32 = 50;
    /// On a listing, a text found this many times or more, each time in
    /// an item of its own, is a field of the items (`item_fields`).
    pub const ITEM_FIELD_COPIES: u32 = 3;
    /// How far up from a recurring text its item is looked for.
    pub const ITEM_FIELD_CLIMB: u32 = 8;
    /// Blocks this long are checked for holding copies of other blocks.
    pub const COPY_MIN_LEN: u32 = 500;
    /// How many of the longest blocks are checked.
    pub const COPY_CHECKS: usize = 8;
    /// A block whose text is at least this share other kept blocks' text
    /// is a flattened copy of them.
    pub const COPY_SHARE: f32 = 0.5;
    /// The longest Markdown link target (`](url)`) taken out of a copy
    /// before it is compared with the kept blocks.
    pub const LINK_TARGET_MAX: usize = 2048;
    /// Lines shorter than this before the first paragraph are lead-in
    /// metadata (bylines, datelines, kickers).
    pub const LEAD_IN_MAX_LEN: u32 = 60;
    /// Words from which a short line that ends in a full stop, beside the
    /// first paragraph, is a sentence of the text rather than a lead-in.
    pub const SENTENCE_MIN_WORDS: usize = 6;
    /// A block all in buttons and shorter than this is a row of controls.
    pub const CONTROL_MAX_LEN: u32 = 48;
    /// Underscores in a line alone that opens a signature.
    pub const SIGNATURE_RULE_MIN: usize = 5;
    /// Lines at most after that delimiter in a signature.
    pub const SIGNATURE_LINES: usize = 4;
    /// A signature's lines are shorter than this.
    pub const SIGNATURE_LINE_MAX: u32 = 240;
    /// At most this many kept lines before the first paragraph are a lead-in.
    pub const LEAD_IN_MAX_BLOCKS: usize = 4;
    /// A heading anywhere that repeats the title is dropped when it is at
    /// least this many letters (short ones, "News", may be section names).
    pub const TITLE_MATCH_MIN: usize = 20;
    /// Link density above which a block is a link (list) rather than text.
    pub const LINK_DENSE: f32 = 0.5;
    /// Plain text after a link-dense sentence's last link (about two short
    /// words) that makes it a sentence of the text, not a link with a label.
    pub const SENTENCE_TAIL_MIN: u32 = 8;
    /// Blocks shorter than this with no sentence punctuation are fragments
    /// (labels, dates, button text) unless surrounded by content.
    pub const FRAGMENT_LEN: u32 = 25;
    /// A block whose link text is at least this share of its text is
    /// nothing but a link.
    pub const LINK_ONLY: f32 = 0.95;
    /// A list of links is part of the text only after a paragraph (or a
    /// heading) at least this long, not after a label such as "Related:".
    pub const LIST_LEAD_MIN_LEN: u32 = 25;
    /// Bylines and meta lines are short; a long block with a byline hint is
    /// more likely prose in an oddly named container.
    pub const BYLINE_MAX_LEN: u32 = 250;
    /// The most text (letters and digits, as block lengths count) an
    /// element named as a byline holds and still reads as one: a few
    /// lines about the text. One that holds more (a CMS list's
    /// `date-item` around a hero and a page of plans) is a layout wrapper.
    pub const BYLINE_BOX_MAX_TEXT: u32 = 8 * BYLINE_MAX_LEN;
    /// The most text (bytes) a box around an email field holds and still
    /// reads as a sign-up or contact prompt rather than a page section;
    /// likewise a `<noscript>` notice.
    pub const SIGNUP_MAX_TEXT: u32 = 400;
    /// The most text (bytes) a box named as a pager holds: page numbers,
    /// "Next", a count of results. One that holds more is the list.
    pub const PAGER_MAX_TEXT: u32 = 400;

    /// The link density below which a carousel's slide is its own text,
    /// not a teaser.
    pub const CAROUSEL_MAX_LINKS: f32 = 0.2;
    /// An element named as the article body (`entry-content`,
    /// `itemprop=articleBody`) counts this much more when the main region
    /// is chosen: the site's own label beats a long footer note or a
    /// headline list next to a short story.
    pub const BODY_BOOST: f32 = 1.0;
    /// An element named as a caption holding this many blocks on a listing
    /// is a card's body (Bootstrap's `thumbnail > caption`: the item's
    /// name, maker, price), not a picture's caption and its credit.
    pub const CARD_CAPTION_BLOCKS: u32 = 3;
}

/// Maps boilerplate hint bits to the reason they give.
fn hint_reason(bits: u32) -> Option<Reason> {
    const ORDER: &[(u32, Reason)] = &[
        (hints::HIDDEN, Reason::Hidden),
        (hints::COMMENT, Reason::Comments),
        (hints::MODAL, Reason::Banner),
        (hints::CONSENT, Reason::Banner),
        (hints::NOTICE, Reason::Banner),
        (hints::BANNER, Reason::Banner),
        (hints::FORM, Reason::Banner),
        (hints::COMMERCE, Reason::Commerce),
        (hints::SIGNATURE, Reason::Signature),
        (hints::LEGAL, Reason::Legal),
        (hints::AD, Reason::Advertisement),
        (hints::SOCIAL, Reason::Social),
        (hints::RELATED, Reason::Related),
        (hints::NAV, Reason::Navigation),
        (hints::FOOTER, Reason::Footer),
        (hints::SIDEBAR, Reason::Sidebar),
    ];
    ORDER.iter().find(|(b, _)| bits & b != 0).map(|&(_, r)| r)
}

/// The value a block adds to a container that holds it: prose counts for,
/// links and hinted boilerplate against.
fn block_value(b: &BlockInfo, bad_mask: u32, k: &Knobs) -> f32 {
    if b.hints & bad_mask != 0 {
        // On a thread page (comments are its content) a member's
        // signature is dropped but weighs nothing: a short reply under a
        // long signature must not pull its post out of the thread.
        if b.hints & bad_mask == hints::SIGNATURE && bad_mask & hints::COMMENT == 0 {
            return 0.0;
        }
        return -(b.len as f32);
    }
    if b.junk {
        return 0.0;
    }
    // A data table's cells link to their subjects: the links are data.
    if is_table_data(b) || is_card_text(b) {
        return item_value(b, bad_mask);
    }
    let plain = (b.len - b.link_len) as f32;
    let mut v = plain - k.link_penalty * b.link_len as f32;
    if is_prose(b) {
        v += k.prose_bonus;
    }
    v
}

/// The weights of the region choice, less the signals switched off.
struct Knobs {
    link_penalty: f32,
    prose_bonus: f32,
}

/// A row of a data table (two cells or more), whose links are its data.
fn is_table_data(b: &BlockInfo) -> bool {
    matches!(b.kind, BlockKind::TableRow { .. }) && b.text.contains('\t')
}

/// A sentence with its links inside it: plain words open it, and it ends
/// as a sentence does, with words after its last link ("See the migration
/// guide for details.") or with a full stop right after it ("See Handling
/// Errors."). A "read also" line ends inside its link, a headline (its
/// own full stop included); a menu has no words of its own; a list of
/// links has more than two.
fn is_linked_sentence(b: &BlockInfo) -> bool {
    let words_after =
        b.tail_len >= weights::SENTENCE_TAIL_MIN && b.text.ends_with(crate::blocks::SENTENCE_ENDS);
    let stop_after =
        b.len > b.link_len && !b.ends_in_link && b.text.ends_with(crate::blocks::FULL_STOPS);
    b.lead_link == 0 && b.links <= 2 && (words_after || stop_after)
}

/// Whether a text ends in a colon, in any script: a label that announces
/// what follows ("implements these types:", a quote's "Name said:").
fn announces(text: &str) -> bool {
    text.trim_end().ends_with([':', '：'])
}

/// A linked term that its colon announces ("[Backlinks]: links from
/// ..."), its description after it. A link that takes the colon in
/// ("[Name said:]") is a quote's attribution, read as a link.
fn is_announced_term(b: &BlockInfo) -> bool {
    announces(&b.text) && !b.ends_in_link
}

/// A clickable card's description: a sentence inside a link wrapped
/// around blocks, text although it is all link.
fn is_card_text(b: &BlockInfo) -> bool {
    b.in_card_link && b.len >= weights::PROSE_LEN && b.punct > 0
}

/// A quotation on a carousel's slide with few links (a `<blockquote>`,
/// or a line that opens with a quotation mark): a customer's testimonial,
/// the page's own words about itself, not another page's teaser.
fn is_testimonial(b: &BlockInfo) -> bool {
    (b.kind == BlockKind::Quote || opens_quote(&b.text))
        && b.hints & hints::CAROUSEL != 0
        && b.link_density() < weights::CAROUSEL_MAX_LINKS
}

/// Whether a text opens with a quotation mark, in any of the scripts'
/// conventions.
fn opens_quote(text: &str) -> bool {
    text.trim_start()
        .starts_with(['"', '“', '”', '„', '«', '»', '「', '『'])
}

/// The names a testimonial's box may have that do not count against it:
/// its carousel's (a related bit) and, off a product page, where no
/// shopper reviews a product, a "reviews" box's.
fn testimonial_names(product: bool) -> u32 {
    if product {
        hints::RELATED
    } else {
        hints::RELATED | hints::COMMERCE | hints::REVIEWS
    }
}

/// The bits of `bad_mask` that count against a block: a testimonial is
/// free of the names in `free` (see [`testimonial_names`]).
fn bad_mask_for(b: &BlockInfo, bad_mask: u32, free: u32) -> u32 {
    if is_testimonial(b) {
        bad_mask & !free
    } else {
        bad_mask
    }
}

/// The indices of the set bits of `bits`, lowest first: a loop over the
/// hint bits an element has, not over all 32.
fn set_bits(bits: u32) -> impl Iterator<Item = usize> {
    std::iter::successors((bits != 0).then_some(bits), |&rest| {
        let rest = rest & (rest - 1);
        (rest != 0).then_some(rest)
    })
    .map(|rest| rest.trailing_zeros() as usize)
}

/// Whether a block reads as prose: long enough, few links, sentences.
fn is_prose(b: &BlockInfo) -> bool {
    b.len >= weights::PROSE_LEN && b.link_density() < 0.25 && b.punct > 0
}

/// Per-node hint bits after vetoing false ones, accumulated down the tree.
///
/// A container that holds most of the page's prose is not a sidebar or a
/// modal whatever its class says (`<article class="modal-enabled">`); a
/// comment container is believed unless it holds nearly all of it (then
/// the page is a thread: a forum, a Q&A).
/// On a page declared a product (`product`), elements named as shoppers'
/// reviews keep their commerce bit whatever they hold.
/// An `<aside>`, `<nav>` or `<footer>` outside the main landmark
/// (`declared`, from [`declared_chrome`]) keeps its tag's bit whatever it
/// holds.
/// Returns the vetted bits and the raw ones, both accumulated.
fn effective_hints(dom: &Dom, page: &Page, product: bool, declared: &[u8]) -> (Vec<u32>, Vec<u32>) {
    // Shares are of the visible prose; hidden containers are measured
    // against all of it (a script-rendered page's content is all hidden).
    // u32: block lengths are u32 and a page's text is bounded by the input
    // limit; 4 bytes a node less at the peak, sums saturate.
    let mut prose = vec![0u32; dom.nodes.len()];
    // All prose, hidden included: only kept when some prose is hidden
    // (otherwise it equals `prose`).
    let any_hidden = page
        .blocks
        .iter()
        .any(|b| is_prose(b) && b.hints & hints::HIDDEN != 0);
    let mut prose_all = vec![0u32; if any_hidden { dom.nodes.len() } else { 0 }];
    // Only compared with a small threshold: a saturating byte.
    let mut prose_n = vec![0u8; dom.nodes.len()];
    // Linked headlines per node, to tell a box of teasers (a headline
    // over each blurb) from one of the page's own slides; only read for
    // boxes named as related, so only counted on pages that have one.
    let any_related = page.blocks.iter().any(|b| b.hints & hints::RELATED != 0);
    let mut headlines_n = vec![0u8; if any_related { dom.nodes.len() } else { 0 }];
    for b in &page.blocks {
        if any_related
            && matches!(b.kind, BlockKind::Heading(_))
            && b.len >= weights::HEADLINE_MIN_LEN
            && b.link_density() > weights::LINK_DENSE
        {
            let o = b.owner as usize;
            headlines_n[o] = headlines_n[o].saturating_add(1);
        }
        // A clickable card's description counts as a paragraph here.
        if is_prose(b) || is_card_text(b) {
            let o = b.owner as usize;
            prose_n[o] = prose_n[o].saturating_add(1);
        }
        if is_prose(b) {
            let o = b.owner as usize;
            if any_hidden {
                prose_all[o] = prose_all[o].saturating_add(b.len);
            }
            if b.hints & hints::HIDDEN == 0 {
                prose[o] = prose[o].saturating_add(b.len);
            }
        }
    }
    sum_up(dom, page, &mut prose, |p, c| *p = p.saturating_add(c));
    if any_hidden {
        sum_up(dom, page, &mut prose_all, |p, c| *p = p.saturating_add(c));
    }
    sum_up(dom, page, &mut prose_n, |p, c| *p = p.saturating_add(c));
    if any_related {
        sum_up(dom, page, &mut headlines_n, |p, c| *p = p.saturating_add(c));
    }
    let total = page.order.first().map_or(0, |&r| prose[r as usize]) as f32;
    let prose_all = if any_hidden { &prose_all } else { &prose };
    let total_all = page.order.first().map_or(0, |&r| prose_all[r as usize]) as f32;
    // A hidden container holding nearly all the prose is the content of a
    // page a script reveals, but only where most of the page is hidden: on
    // a page that shows most of its text (a product grid) it is a dialog.
    let shown_most = any_hidden && mostly_visible(page);
    // A tab's panel hidden until its tab is chosen, holding a paragraph's
    // worth of text, is the page's text (another plan's features, the
    // same example in another language), not a menu or a message; a
    // signature after a post's text, however short the post, signs it
    // off; a `<noscript>` is read by its length (below); a box around an
    // email field is a prompt while its text stays short; a byline is a
    // few lines; a pager, a line of page numbers. Text sums are made
    // once, and only on pages that have such elements.
    let hidden_tab = hints::TABPANEL | hints::HIDDEN;
    // Which of those elements the page has (and banners, below), read in
    // one pass over its elements.
    let (mut named, mut hidden_tabs, mut noscript, mut pagers) = (0u32, false, false, false);
    for e in page.order.iter().filter_map(|&id| dom.element(id)) {
        named |= e.hints;
        hidden_tabs |= e.hints & hidden_tab == hidden_tab;
        noscript |= e.tag == Tag::Noscript;
        pagers |= e.pager;
    }
    let text = if !dom.email_fields.is_empty()
        || hidden_tabs
        || noscript
        || pagers
        || named & (hints::SIGNATURE | hints::BYLINE) != 0
    {
        subtree_sums(dom, page, |b| b.len)
    } else {
        Vec::new()
    };
    let has_text = |id: NodeId, min: u32| text.get(id as usize).is_some_and(|&t| t >= min);
    // A column named as a sidebar that holds code and little else is the
    // examples beside an API reference's text, not a side column: code
    // and other text per node, summed only on pages with such code.
    let (code_len, other_len) = if page
        .blocks
        .iter()
        .any(|b| b.kind == BlockKind::Code && b.hints & hints::SIDEBAR != 0)
    {
        let code = |b: &BlockInfo| b.kind == BlockKind::Code;
        (
            subtree_sums(dom, page, |b| if code(b) { b.len } else { 0 }),
            subtree_sums(dom, page, |b| if code(b) { 0 } else { b.len }),
        )
    } else {
        (Vec::new(), Vec::new())
    };
    let signup = signup_boxes(dom, &text, &prose_n);
    // A banner or a call to action that holds a heading, on a page without
    // an article's body of paragraphs, is the page's own (a landing page's
    // hero with its title and intro, its closing pitch), not an ad:
    // headings per node, counted only on such pages with such a box.
    let hero_headings = if named & hints::PITCH != 0
        && prose_body(dom, page, |b| {
            b.hints & (hints::BOILERPLATE | hints::HIDDEN) == 0
        }) < weights::ARTICLE_BODY_BLOCKS
    {
        subtree_sums(dom, page, |b| {
            u32::from(matches!(b.kind, BlockKind::Heading(_)))
        })
    } else {
        Vec::new()
    };
    let mut acc = vec![0u32; dom.nodes.len()];
    let mut raw = vec![0u32; dom.nodes.len()];
    // Bits vetoed because a node and its siblings with the same bit hold
    // most of the prose together (an article cut into `class="widget"`
    // grids by its editor), by parent. Maps, not per-node arrays: few
    // nodes have any, and this runs at the extraction's memory peak.
    let mut group_veto: HashMap<NodeId, u32> = HashMap::new();
    // An ad does not hold paragraphs: a `promo` box that does is the
    // page's own cards (services, features), and so is all below it. Nor
    // does a byline: a CMS's `meta_field` wrapper around a post's body is
    // the body. The bits freed this way, per node that has some.
    let mut freed: HashMap<NodeId, u32> = HashMap::new();
    // Parents of two or more boxes named as sidebars that together hold
    // most of the prose: a page builder that calls every box a `widget`
    // (a panel, a grid cell). The name says nothing below them either.
    let mut widget_rows: HashSet<NodeId> = HashSet::new();
    // Comments and hidden content need a larger share: an article's
    // thread or a cookie policy in a hidden dialog can outweigh the article.
    let strict = hints::COMMENT | hints::MODAL;
    // A consent platform's dialog is never the content, nor a notice.
    let vetoable = hints::BOILERPLATE & !strict & !hints::HIDDEN & !hints::NEVER_CONTENT;
    for &id in &page.order {
        if total > 0.0 {
            let mut sums = [0u64; 32];
            // The bits any child has: most nodes' children have none, and
            // only these bits' sums are read.
            let mut seen = 0u32;
            // How many children are named as sidebars (`widget`).
            let mut sidebars = 0u32;
            let mut c = dom.node(id).first_child;
            while c != NONE {
                // Only class-given bits: `<aside>`, `<nav>` and `<footer>`, and
                // their ARIA roles, say what they are on purpose.
                let bits = named_bits(dom, c) & vetoable;
                sidebars += u32::from(bits & hints::SIDEBAR != 0);
                seen |= bits;
                for bit in set_bits(bits) {
                    sums[bit] += u64::from(prose[c as usize]);
                }
                c = dom.node(c).next;
            }
            let mut veto = 0u32;
            for bit in set_bits(seen) {
                if sums[bit] as f32 >= weights::HINT_VETO_SHARE * total {
                    veto |= 1 << bit;
                }
            }
            if veto & hints::SIDEBAR != 0 && sidebars >= 2 {
                widget_rows.insert(id);
            }
            if veto != 0 {
                group_veto.insert(id, veto);
            }
        }
        let mut own = dom.element(id).map_or(0, |e| e.hints);
        // `raw` keeps the hidden bit the panel lost, so that its blocks'
        // copies of it are read as the element's, not as inline markup's.
        let said_hidden = own & hints::HIDDEN;
        if own & hidden_tab == hidden_tab && has_text(id, weights::PROSE_LEN) {
            own &= !hints::HIDDEN;
        }
        // The element's own bits before any veto.
        let signed = own;
        if signup.binary_search(&id).is_ok() {
            own |= hints::BANNER;
        }
        // What a page shows without scripts: a notice when short ("enable
        // JavaScript to ..."), the page's own text when long (a forum
        // that renders its posts with scripts).
        if dom.element(id).is_some_and(|e| e.tag == Tag::Noscript)
            && !has_text(id, weights::SIGNUP_MAX_TEXT)
        {
            own |= hints::NOTICE;
        }
        let p = dom.node(id).parent;
        raw[id as usize] = own | said_hidden | if p != NONE { raw[p as usize] } else { 0 };
        // A pager holds page numbers and a "Next" link; a box named so
        // that holds more is the list it pages through (a script that
        // loads more items as the reader scrolls wraps them in it).
        if dom.element(id).is_some_and(|e| e.pager) && has_text(id, weights::PAGER_MAX_TEXT) {
            own &= !hints::NAV;
        }
        let share = if total > 0.0 {
            prose[id as usize] as f32 / total
        } else {
            0.0
        };
        if share >= weights::HINT_VETO_SHARE {
            // A site's footer of testimonials can outweigh the article; a
            // class saying `footer` may wrap the whole page, the tag
            // outside the main does not.
            let kept = dom
                .element(id)
                .map_or(0, |e| declared_bits(&e) & u32::from(declared[id as usize]));
            own &= !(vetoable & !kept) & !hints::BYLINE;
        }
        own &= !group_veto.get(&p).copied().unwrap_or(0);
        // A signature right after its post's own text signs the post off,
        // however long it is beside a short post (`text` above). The look
        // back is bounded (whitespace and comments between the two), so
        // that a long run of siblings stays linear.
        if signed & !own & hints::SIGNATURE != 0
            && std::iter::successors(Some(dom.node(id).prev), |&s| {
                (s != NONE).then(|| dom.node(s).prev)
            })
            .take(weights::SIGN_OFF_LOOK_BACK)
            .any(|s| s != NONE && has_text(s, 1))
        {
            own |= hints::SIGNATURE;
        }
        let mut free = freed.get(&p).copied().unwrap_or(0);
        if !widget_rows.is_empty() && widget_rows.contains(&p) {
            free |= named_bits(dom, id) & hints::SIDEBAR;
        }
        if own & hints::PITCH != 0 && hero_headings.get(id as usize).is_some_and(|&h| h > 0) {
            free |= hints::AD;
        }
        if own & named_bits(dom, id) & hints::BYLINE != 0
            && has_text(id, weights::BYLINE_BOX_MAX_TEXT)
        {
            free |= hints::BYLINE;
        }
        if u32::from(prose_n[id as usize]) >= weights::AD_MAX_PROSE {
            free |= own & (hints::AD | hints::BYLINE);
            // Unless its paragraphs are blurbs under linked headlines:
            // a blog's "latest posts" carousel after a long article.
            let teasers = u32::from(headlines_n.get(id as usize).copied().unwrap_or(0)) * 2
                >= u32::from(prose_n[id as usize]);
            if share >= weights::RELATED_MIN_SHARE && !teasers {
                free |= own & hints::RELATED;
            }
        }
        if !code_len.is_empty() && own & (hints::SIDEBAR | hints::NOSNIPPET) == hints::SIDEBAR {
            let code = code_len[id as usize];
            if named_bits(dom, id) & hints::SIDEBAR != 0
                && code >= weights::CODE_ASIDE_MIN_LEN
                && code as f32 >= weights::CODE_ASIDE_SHARE * (code + other_len[id as usize]) as f32
            {
                free |= hints::SIDEBAR;
            }
        }
        own &= !free;
        if free != 0 {
            freed.insert(id, free);
        }
        if share >= weights::COMMENT_VETO_SHARE {
            own &= !strict;
        }
        if total_all > 0.0
            && prose_all[id as usize] as f32 >= weights::COMMENT_VETO_SHARE * total_all
            && !shown_most
        {
            own &= !hints::HIDDEN;
        }
        // A product's reviews are never vetoed either, on a page declared
        // a product.
        if product && raw[id as usize] & hints::REVIEWS != 0 {
            own |= hints::COMMERCE;
        }
        let mut up = if p != NONE { acc[p as usize] } else { 0 };
        // A tab's panel that holds a paragraph is a part of the page's
        // text, shown by its tab: a menu name on the tab strip around it
        // (`filter-menu-tabs`) or on its own inner boxes says how it is
        // reached, not what it is.
        if prose_n[id as usize] == 0 {
            own &= !hints::TABPANEL;
        }
        if (own | up) & hints::TABPANEL != 0 {
            up &= !hints::NAV;
            own &= !hints::NAV;
        }
        acc[id as usize] = up | own;
    }
    (acc, raw)
}

/// Cards that read as teasers for other pages: a list item or `<article>`
/// inside the region whose text opens with a linked headline and is short
/// (a headline and its blurb). On an article page those are "more
/// stories", however much prose the blurbs hold.
fn teaser_cards(dom: &Dom, page: &Page, region: NodeId) -> Vec<bool> {
    // Per card, not per node: cards are few, and this runs at the peak.
    let mut cards: Vec<NodeId> = page
        .blocks
        .iter()
        .map(|b| b.card)
        .filter(|&c| c != NONE && c != region)
        .collect();
    cards.sort_unstable();
    cards.dedup();
    let slot = |c: NodeId| cards.binary_search(&c).ok();
    let n = cards.len();
    let (mut len, mut blocks) = (vec![0u32; n], vec![0u32; n]);
    let (mut headline, mut inline) = (vec![false; n], vec![false; n]);
    for b in &page.blocks {
        let Some(c) = (b.card != region).then(|| slot(b.card)).flatten() else {
            continue;
        };
        len[c] = len[c].saturating_add(b.len);
        // A linked headline first, or a linked heading under a kicker line.
        // A link ending in a colon announces what follows (a quote's
        // "Name said:"): a reply opening with a quote is not a teaser.
        // A teaser's link leads to another page: a heading linked to a
        // place further down its own page (a reference's list of the
        // classes it documents) is not one.
        let away = b.page_link_len.saturating_mul(2) < b.link_len;
        let linked = b.len >= weights::HEADLINE_MIN_LEN
            && b.link_density() > weights::LINK_DENSE
            && !announces(&b.text)
            && away;
        if blocks[c] == 1 && linked && matches!(b.kind, BlockKind::Heading(_)) {
            headline[c] = true;
        }
        if blocks[c] == 0 {
            headline[c] = linked;
            // The headline run into its blurb on one line (`<a>..</a>
            // <span>..</span>`): the blurb at least as long as the link,
            // and a sentence of its own, not `Name – what it is`.
            inline[c] = away
                && b.lead_link >= weights::HEADLINE_MIN_LEN
                && b.lead_then_word
                && b.len - b.link_len >= b.lead_link
                && b.link_len == b.lead_link;
        }
        blocks[c] += 1;
    }
    // The headline must stand on its own line above a blurb: a list item
    // that merely opens with a link is a list of points, not of teasers.
    // Run into one line, it counts only as one of a row of such siblings.
    let one_line = |c: usize| inline[c] && blocks[c] == 1 && len[c] <= weights::TEASER_MAX_LEN;
    let mut row: HashMap<NodeId, u32> = HashMap::new();
    for (c, &id) in cards.iter().enumerate() {
        let p = dom.node(id).parent;
        if one_line(c) && p != NONE {
            *row.entry(p).or_insert(0) += 1;
        }
    }
    let mut teaser = vec![false; dom.nodes.len()];
    for (c, &id) in cards.iter().enumerate() {
        let short = len[c] <= weights::TEASER_MAX_LEN;
        let stacked = headline[c] && blocks[c] >= 2;
        let in_row = one_line(c)
            && row
                .get(&dom.node(id).parent)
                .is_some_and(|&r| r >= weights::TEASER_ROW);
        teaser[id as usize] = short && (stacked || in_row);
    }
    // Cards under one parent are judged together: (cards, teasers).
    let mut kin: HashMap<NodeId, (u32, u32)> = HashMap::new();
    for &id in &cards {
        let k = kin.entry(dom.node(id).parent).or_insert((0, 0));
        k.0 += 1;
        k.1 += u32::from(teaser[id as usize]);
    }
    for &id in &cards {
        let (n, t) = kin[&dom.node(id).parent];
        if n >= weights::TEASER_ROW && (t as f32) < weights::TEASER_ROW_SHARE * n as f32 {
            teaser[id as usize] = false;
        }
    }
    teaser
}

/// Whether a block sits in a card judged a teaser (`teaser` is per node).
fn in_teaser(b: &BlockInfo, teaser: &[bool]) -> bool {
    b.card != NONE && teaser.get(b.card as usize) == Some(&true)
}

/// Whether the region's own paragraphs before its first teaser card, or
/// after its last, are an article's worth
/// ([`weights::ARTICLE_MIN_PROSE_BLOCKS`]).
fn cards_beside_article(page: &Page, inside: &[bool], teaser: &[bool], bad_mask: u32) -> bool {
    let in_region = |b: &BlockInfo| inside[b.owner as usize];
    let card = |b: &BlockInfo| in_region(b) && in_teaser(b, teaser);
    let (Some(first), Some(last)) = (
        page.blocks.iter().position(card),
        page.blocks.iter().rposition(card),
    ) else {
        return true;
    };
    let own = |b: &&BlockInfo| {
        in_region(b) && is_prose(b) && b.hints & bad_mask == 0 && !in_teaser(b, teaser)
    };
    let before = page.blocks[..first].iter().filter(own).count();
    let after = page.blocks[last + 1..].iter().filter(own).count();
    let article = weights::ARTICLE_MIN_PROSE_BLOCKS as usize;
    before >= article || after >= article
}

/// Whether the region holds an article of its own beside its teaser
/// cards: enough prose paragraphs outside them, not dwarfed by them, or
/// a body of paragraphs standing together under one parent (a story with
/// a long "more stories" grid below it).
fn has_article(dom: &Dom, page: &Page, inside: &[bool], teaser: &[bool], bad_mask: u32) -> bool {
    let (mut own_prose, mut own_len, mut teaser_len) = (0u32, 0u64, 0u64);
    for b in page
        .blocks
        .iter()
        .filter(|b| inside[b.owner as usize] && b.hints & bad_mask == 0)
    {
        if in_teaser(b, teaser) {
            teaser_len += b.len as u64;
        } else if is_prose(b) {
            own_prose += 1;
            own_len += b.len as u64;
        }
    }
    let body = prose_body(dom, page, |b| {
        inside[b.owner as usize] && b.hints & bad_mask == 0 && !in_teaser(b, teaser)
    });
    own_prose >= weights::ARTICLE_MIN_PROSE_BLOCKS
        && ((own_len as f32) >= weights::TEASER_OWN_SHARE * teaser_len as f32
            || body >= weights::ARTICLE_BODY_BLOCKS)
}

/// The most prose paragraphs among the blocks `keep` takes that stand
/// together under one parent: an article's body.
fn prose_body(dom: &Dom, page: &Page, keep: impl Fn(&BlockInfo) -> bool) -> u32 {
    let mut together = HashMap::new();
    let mut body = 0u32;
    for b in page.blocks.iter().filter(|b| is_prose(b) && keep(b)) {
        let n = together.entry(dom.node(b.owner).parent).or_insert(0u32);
        *n += 1;
        body = body.max(*n);
    }
    body
}

/// Per node, the total of `value` over the blocks in its subtree.
fn subtree_sums(dom: &Dom, page: &Page, value: impl Fn(&BlockInfo) -> u32) -> Vec<u32> {
    let mut sums = vec![0u32; dom.nodes.len()];
    for b in &page.blocks {
        let o = b.owner as usize;
        sums[o] = sums[o].saturating_add(value(b));
    }
    sum_up(dom, page, &mut sums, |p, c| *p = p.saturating_add(c));
    sums
}

/// Whether most of the page's text is shown: a page hidden as a whole
/// (a wrapper a script reveals) is not.
fn mostly_visible(page: &Page) -> bool {
    let (shown, hidden) = page.blocks.iter().fold((0u32, 0u32), |(s, h), b| {
        if b.hints & hints::HIDDEN == 0 {
            (s.saturating_add(b.len), h)
        } else {
            (s, h.saturating_add(b.len))
        }
    });
    shown > hidden
}

/// Per node, whether it sits in a caption-named element that holds
/// [`weights::CARD_CAPTION_BLOCKS`] blocks or more: a card's body, not a
/// picture's caption. `acc` holds the hint bits accumulated down the tree.
fn card_captions(dom: &Dom, page: &Page, acc: &[u32]) -> Vec<bool> {
    let blocks = subtree_sums(dom, page, |_| 1);
    // The outermost caption-named ancestor of each node, found top down.
    let mut top = vec![NONE; dom.nodes.len()];
    let mut card = vec![false; dom.nodes.len()];
    for &id in &page.order {
        let i = id as usize;
        if acc[i] & hints::CAPTION == 0 {
            continue;
        }
        let p = dom.node(id).parent;
        top[i] = if p != NONE && top[p as usize] != NONE {
            top[p as usize]
        } else {
            id
        };
        card[i] = blocks[top[i] as usize] >= weights::CARD_CAPTION_BLOCKS;
    }
    card
}

/// Folds per-node values up the tree (children into parents), so that
/// each node holds its subtree's total.
fn sum_up<T: Copy>(dom: &Dom, page: &Page, vals: &mut [T], add: impl Fn(&mut T, T)) {
    for &id in page.order.iter().skip(1).rev() {
        let p = dom.node(id).parent;
        if p != NONE {
            let child = vals[id as usize];
            add(&mut vals[p as usize], child);
        }
    }
}

/// The boxes around email fields: for each `<input type="email">`, its
/// highest ancestor whose text stays short and holds fewer paragraphs than
/// a section of the page's own (a "join our newsletter" line and its form,
/// a comment form's heading). `text` holds each node's text sum, made
/// whenever the page has an email field. Nothing when it has none, which
/// is most pages.
fn signup_boxes(dom: &Dom, text: &[u32], prose_n: &[u8]) -> Vec<NodeId> {
    let fields = &dom.email_fields;
    if fields.is_empty() {
        return Vec::new();
    }
    let mut boxes = Vec::new();
    for &f in fields {
        let (mut top, mut c) = (NONE, dom.node(f).parent);
        while c != NONE {
            let Some(e) = dom.element(c) else { break };
            if matches!(e.tag, Tag::Body | Tag::Html)
                || text[c as usize] > weights::SIGNUP_MAX_TEXT
                || u32::from(prose_n[c as usize]) >= weights::AD_MAX_PROSE
            {
                break;
            }
            top = c;
            c = dom.node(c).parent;
        }
        if top != NONE {
            boxes.push(top);
        }
    }
    boxes.sort_unstable();
    boxes.dedup();
    boxes
}

/// A section beside the region, as [`add_sibling_sections`] weighs it.
struct Sibling {
    id: NodeId,
    /// The region's own branch, or joined.
    taken: bool,
    /// Worth joining but perhaps for its lack of prose.
    worth: bool,
}

/// What [`add_sibling_sections`] asks of a section.
struct SiblingRule {
    /// The hints that make a block boilerplate.
    bad_mask: u32,
    /// Sections must hold prose (a prose region's, not a listing's).
    need_prose: bool,
    /// The `main` landmark, or `NONE`: never climbed past.
    stop_at: NodeId,
    /// The names a testimonial is free of (see [`testimonial_names`]).
    free: u32,
}

/// Sections beside the region, up to [`weights::SIBLING_LEVELS`] levels
/// above it and never beyond `stop_at` (the `main` landmark, or `NONE`),
/// that are worth more than they cost join it (and hold prose, with
/// `need_prose`, unless they stand between two that join): an
/// introduction above a table of contents, a service page's sections
/// split by a banner, a listing's second grid.
fn add_sibling_sections(
    dom: &Dom,
    page: &Page,
    region: NodeId,
    inside: &mut [bool],
    value: impl Fn(&BlockInfo) -> f32,
    rule: SiblingRule,
) {
    let SiblingRule {
        bad_mask,
        need_prose,
        stop_at,
        free,
    } = rule;
    if region == NONE {
        return;
    }
    let mut score = vec![0f32; dom.nodes.len()];
    let mut prose = vec![0u32; dom.nodes.len()];
    // Each subtree's last block plus one (0: the subtree has none), to
    // keep what stands above the page's title out: notices and banners
    // come before the heading, the content after it.
    let mut last = vec![0u32; dom.nodes.len()];
    let title_at = page
        .blocks
        .iter()
        .position(|b| b.kind == BlockKind::Heading(1));
    for (i, b) in page.blocks.iter().enumerate() {
        last[b.owner as usize] = i as u32 + 1;
        score[b.owner as usize] += value(b);
        // Paragraphs: a long subtitle or caption alone is not a section.
        if is_prose(b)
            && b.hints & bad_mask_for(b, bad_mask, free) == 0
            && !matches!(b.kind, BlockKind::Heading(_) | BlockKind::Caption)
        {
            prose[b.owner as usize] += 1;
        }
    }
    sum_up(dom, page, &mut score, |p, c| *p += c);
    sum_up(dom, page, &mut prose, |p, c| *p += c);
    sum_up(dom, page, &mut last, |p, c| *p = (*p).max(c));
    let root = page.order.first().copied().unwrap_or(NONE);
    let mut added = vec![false; dom.nodes.len()];
    let mut any = false;
    let mut cur = region;
    for _ in 0..weights::SIBLING_LEVELS {
        // What stands beside the `main` landmark is the site's.
        if cur == stop_at {
            break;
        }
        let p = dom.node(cur).parent;
        // A prose page's sections may stand at the top of the page; a
        // listing's grids beside the top are the site's.
        if p == NONE || (p == root && !need_prose) {
            break;
        }
        let mut c = dom.node(p).first_child;
        // Children with text, in order, for the sections in between below.
        let mut row: Vec<Sibling> = Vec::new();
        while c != NONE {
            let worth = c != cur
                && score[c as usize] > 0.0
                && title_at.is_none_or(|t| last[c as usize] as usize > t + 1);
            if worth && (!need_prose || prose[c as usize] > 0) {
                added[c as usize] = true;
                any = true;
            }
            if last[c as usize] > 0 {
                row.push(Sibling {
                    id: c,
                    taken: c == cur || added[c as usize],
                    worth,
                });
            }
            c = dom.node(c).next;
        }
        // Sections without paragraphs (a row of headings over one-line
        // points) standing between two that join are the page's too.
        let mut i = 1;
        while i < row.len() {
            if row[i].taken || !row[i].worth || !row[i - 1].taken {
                i += 1;
                continue;
            }
            let run = row[i..].iter().take_while(|r| !r.taken && r.worth).count();
            if row.get(i + run).is_some_and(|r| r.taken) {
                for r in &row[i..i + run] {
                    added[r.id as usize] = true;
                    any = true;
                }
            }
            i += run;
        }
        cur = p;
    }
    if !any {
        return;
    }
    let below = subtrees(dom, page, |id| added[id as usize]);
    for (i, b) in inside.iter_mut().zip(below) {
        *i |= b;
    }
}

/// How far above a block its `<figure>` is looked for.
const FIGURE_LOOK_UP: usize = 4;

/// The `<figure>` at most [`FIGURE_LOOK_UP`] levels above a node, or
/// `NONE`.
fn figure_of(dom: &Dom, id: NodeId) -> NodeId {
    std::iter::successors(Some(id), |&n| {
        let p = dom.node(n).parent;
        (p != NONE).then_some(p)
    })
    .take(FIGURE_LOOK_UP + 1)
    .find(|&n| dom.tag(n) == Some(Tag::Figure))
    .unwrap_or(NONE)
}

/// The figures that hold code or a table (a listing, WordPress's table
/// block), whose captions title them as a `<caption>` titles its table.
fn code_figures(dom: &Dom, page: &Page) -> HashSet<NodeId> {
    page.blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Code | BlockKind::TableRow { .. }))
        .map(|b| figure_of(dom, b.owner))
        .filter(|&f| f != NONE)
        .collect()
}

/// The hint bits an element's tag alone gives it.
fn tag_hints(tag: Tag) -> u32 {
    match tag {
        Tag::Aside => hints::SIDEBAR,
        Tag::Nav => hints::NAV,
        Tag::Footer => hints::FOOTER,
        Tag::Form => hints::FORM,
        Tag::Dialog => hints::MODAL,
        _ => 0,
    }
}

/// Decides every block of the page.
pub(crate) fn decide(dom: &Dom, page: &mut Page, options: &Options, meta: &Metadata) {
    let title = meta.title.as_deref();
    if options.keep_all {
        for b in &mut page.blocks {
            b.kept = true;
            b.reason = Reason::KeepAll;
        }
        return;
    }
    if page.blocks.is_empty() {
        return;
    }
    let on = |s: Signal| options.uses(s);
    // Machine data printed as text weighs nothing in the region choice (a
    // carousel's obfuscated ids must not outweigh a product's short lines)
    // and is dropped wherever it stands.
    if on(Signal::Patterns) {
        for b in page.blocks.iter_mut() {
            b.junk = !matches!(b.kind, BlockKind::Code)
                && (looks_like_url(&b.text)
                    || looks_like_tag(&b.text)
                    || looks_like_ids(&b.text)
                    || looks_like_json(&b.text));
        }
    }
    let product_page = meta.page_type.as_deref().is_some_and(is_product_type);
    let declared = declared_chrome(dom, page);
    let (acc, raw) = if !on(Signal::MarkupHints) {
        // Only what hides a block is left: no names, no tags.
        for b in page.blocks.iter_mut() {
            b.hints &= hints::HIDDEN;
        }
        (vec![0; dom.nodes.len()], vec![0; dom.nodes.len()])
    } else if on(Signal::HintVetoes) {
        effective_hints(dom, page, product_page, &declared)
    } else {
        let (_, raw) = effective_hints(dom, page, product_page, &declared);
        (raw.clone(), raw)
    };
    if on(Signal::MarkupHints) {
        for b in page.blocks.iter_mut() {
            // Inline elements' hints (a `<span class="share">` inside the
            // block) are kept as they were; the owner's chain is re-read.
            b.hints = acc[b.owner as usize] | (b.hints & !raw[b.owner as usize]);
        }
    }
    // Not needed past here; freed before the region's per-node arrays.
    drop(raw);
    // A page that declares itself a discussion (a forum thread, a Q&A).
    let declared_thread = meta.page_type.as_deref().is_some_and(is_thread_type);
    let bad_mask = if on(Signal::HintVetoes) {
        let mut mask = boilerplate_mask(dom, page, declared_thread);
        // A bit lifted page-wide is lifted from layout wrappers named like
        // chrome; the chrome tags outside the main keep it.
        // A hint that covers most of the main landmark names the main's
        // layout, as one that covers most of the page names the page's.
        let layout = main_layout_bits(page);
        if layout != 0 {
            for b in page.blocks.iter_mut() {
                if b.hints & hints::LANDMARK != 0 {
                    b.hints &= !layout;
                }
            }
        }
        let lifted = hints::BOILERPLATE & !mask & hints::DECLARED_CHROME;
        if lifted != 0 {
            mask |= lifted;
            for b in page.blocks.iter_mut() {
                b.hints &= !(lifted & !u32::from(declared[b.owner as usize]));
            }
        }
        mask
    } else {
        hints::BOILERPLATE
    };
    drop(declared);
    let knobs = Knobs {
        link_penalty: if on(Signal::LinkDensity) {
            weights::LINK_PENALTY
        } else {
            0.0
        },
        prose_bonus: if on(Signal::Prose) {
            weights::PROSE_BONUS
        } else {
            0.0
        },
    };
    let free = testimonial_names(product_page);
    let boost = if on(Signal::BodyBoost) && on(Signal::MarkupHints) {
        weights::BODY_BOOST
    } else {
        0.0
    };
    // A region beside the page's `<main>`, when the main holds a real
    // share of the text, is a dialog, a footer or a promo that outweighs
    // items or short texts: the best region inside the main is taken. A
    // region around the main stays (a headline above it).
    let main = if on(Signal::MarkupHints) && on(Signal::Landmark) {
        main_landmark(dom, page, bad_mask)
    } else {
        None
    };
    let main_set = main.map(|m| subtree_set(dom, page, m));
    let beside_main = |region: NodeId, inside: &[bool]| match (main, &main_set) {
        (Some(m), Some(set)) => region != NONE && !set[region as usize] && !inside[m as usize],
        _ => false,
    };
    let in_main = |b: &BlockInfo, value: f32| match &main_set {
        Some(set) if !set[b.owner as usize] => -(b.len as f32),
        _ => value,
    };
    // The site's masthead (menus, a mega-menu's link lists) is never the
    // content, however much it holds.
    let masthead = if on(Signal::Landmark) {
        mastheads(dom, page)
    } else {
        vec![false; dom.nodes.len()]
    };
    let outside_masthead = |b: &BlockInfo, value: f32| {
        if masthead[b.owner as usize] {
            -(b.len as f32)
        } else {
            value
        }
    };
    // Text hidden by markup counts like any other, since a collapsed
    // section or tab is part of the content; but a hidden element is never
    // the whole content of a page that shows most of its text (a dialog's
    // policy text beside a product grid). A page hidden as a whole (shown
    // by a script) stays judged as it is.
    let mut skip_hidden = false;
    let value = |b: &BlockInfo, skip_hidden: bool| {
        if skip_hidden && b.hints & hints::HIDDEN != 0 {
            0.0
        } else {
            outside_masthead(b, block_value(b, bad_mask, &knobs))
        }
    };
    let mut region = best_subtree(dom, page, boost, |b| value(b, false));
    if on(Signal::Hidden)
        && region != NONE
        && acc[region as usize] & hints::HIDDEN != 0
        && mostly_visible(page)
    {
        skip_hidden = true;
        region = best_subtree(dom, page, boost, |b| value(b, true));
    }
    let mut inside = subtree_set(dom, page, region);
    if beside_main(region, &inside) {
        region = best_subtree(dom, page, boost, |b| in_main(b, value(b, skip_hidden)));
        inside = subtree_set(dom, page, region);
    }
    // A page whose best prose region holds little prose next to a large
    // body of items (a listing, a collection, an index) is judged by its
    // items instead, and links inside the region are content.
    // Items are looked for inside the main only: a listing's items are its
    // content, and what stands beside them is the site's.
    // Hidden items count (a tab of products); hidden paragraphs and
    // headings (a dialog's sections) do not once the region was chosen
    // without them, here or in the sibling join below.
    let item = |b: &BlockInfo| {
        if skip_hidden
            && b.hints & hints::HIDDEN != 0
            && (is_prose(b) || matches!(b.kind, BlockKind::Heading(_)))
        {
            0.0
        } else if declared_thread
            && matches!(b.kind, BlockKind::ListItem { .. })
            && b.link_density() > weights::LINK_DENSE
        {
            // A thread's items are its posts: a list of links on a page
            // that declares a discussion is the forum's list of other
            // threads ("more topics"), and weighs against the region
            // around it like boilerplate.
            -(b.len as f32)
        } else {
            item_value(b, bad_mask)
        }
    };
    let items_region = best_subtree(dom, page, 0.0, |b| in_main(b, outside_masthead(b, item(b))));
    // Per block, for the fallback: the per-node array goes here.
    let in_masthead: Vec<bool> = page
        .blocks
        .iter()
        .map(|b| masthead[b.owner as usize])
        .collect();
    drop(masthead);
    let items_inside = subtree_set(dom, page, items_region);
    let (prose, prose_blocks) = page
        .blocks
        .iter()
        .filter(|b| inside[b.owner as usize] && is_prose(b) && b.hints & bad_mask == 0)
        .fold((0u32, 0u32), |(l, n), b| (l + b.len, n + 1));
    let items: u32 = page
        .blocks
        .iter()
        .filter(|b| items_inside[b.owner as usize] && b.hints & bad_mask == 0)
        .map(|b| b.len)
        .sum();
    // The prose region's article body, if it has one.
    let has_body = prose_body(dom, page, |b| {
        inside[b.owner as usize] && b.hints & bad_mask == 0
    }) >= weights::ARTICLE_BODY_BLOCKS;
    let mut listing = on(Signal::Listing)
        && (prose_blocks < weights::ARTICLE_MIN_PROSE_BLOCKS || !has_body)
        && (prose as f32) < weights::LISTING_PROSE_SHARE * items as f32;
    // Prose that sits in teaser cards is the items' blurbs: without an
    // article of its own beside them the region is a listing, and its
    // cards are its content.
    // On a page that declares itself a discussion the cards are its posts,
    // whatever links open them (a permalink's "Posted March 5"): none is
    // a teaser.
    // A page that declares itself a collection (schema.org's
    // `CollectionPage`) is its cards: none is a teaser, whatever prose
    // introduces them.
    let declared_collection = meta.page_type.as_deref() == Some("CollectionPage");
    let mut teaser = if listing || !on(Signal::Teasers) || declared_thread || declared_collection {
        Vec::new()
    } else {
        teaser_cards(dom, page, region)
    };
    if !teaser.is_empty() && !has_article(dom, page, &inside, &teaser, bad_mask) {
        listing = on(Signal::Listing) && teaser.iter().any(|&t| t);
        teaser.clear();
    }
    // Teasers are other pages' cards beside an article: cards with less
    // than an article's paragraphs on either side are the page's own list
    // (its services, courses or books under an intro).
    if !teaser.is_empty() && !cards_beside_article(page, &inside, &teaser, bad_mask) {
        teaser.clear();
    }
    // Whether the page says it is an article: read once, for the region
    // and for the headings (`smooth`).
    let article = named_article(page, meta);
    // Comments that outweigh a list's short items in prose made the
    // page look like a thread; a page whose content is its items is not
    // one, and its comments are a thread about the list.
    let bad_mask = if listing && !declared_thread {
        bad_mask | hints::COMMENT
    } else {
        bad_mask
    };
    if listing {
        region = items_region;
        // The page's own paragraph beside its items (an introduction, a
        // buying guide, a guarantee under the grid), where the prose
        // region found one, is content too.
        if prose_blocks > 0 {
            for (i, item) in inside.iter_mut().zip(items_inside) {
                *i |= item;
            }
        } else {
            inside = items_inside;
        }
        // Items split over sibling grids ("new", "older", "on sale") are
        // one listing: the grids beside the best one join it.
        add_sibling_sections(
            dom,
            page,
            region,
            &mut inside,
            item,
            SiblingRule {
                bad_mask,
                need_prose: false,
                stop_at: main.unwrap_or(NONE),
                free,
            },
        );
    } else if !has_body || !article {
        // Paragraphs standing together make a body, but only a page that
        // says it is an article (its type, an article-body name) keeps to
        // it: a landing page's sections of paragraphs all join, and where
        // the page marks its main landmark, all the main does (a hero's
        // line, a row of figures), less what a hint says is boilerplate.
        if let (Some(m), Some(in_main)) = (main, &main_set) {
            join_main(page, in_main, &mut inside, bad_mask & !acc[m as usize]);
        }
        add_sibling_sections(
            dom,
            page,
            region,
            &mut inside,
            // A section of testimonials beside the region (a carousel of
            // customers' quotes) is the page's own, as its slides are.
            |b| block_value(b, bad_mask_for(b, bad_mask, free), &knobs),
            SiblingRule {
                bad_mask,
                need_prose: true,
                stop_at: main.unwrap_or(NONE),
                free,
            },
        );
    }
    drop(main_set);
    // Hints from above the region say where the region sits, not what its
    // blocks are.
    let outer = if region == NONE {
        0
    } else {
        // Bar a notice: nothing inside one is content.
        acc[region as usize] & !hints::NOTICE
    };
    let preset = options.preset;
    // The one precision/recall knob moves the thresholds that decide
    // borderline blocks: link density, and (in `smooth`) fragment length.
    let link_dense = match preset {
        Preset::Precision => weights::LINK_DENSE * 0.6,
        Preset::Balanced => weights::LINK_DENSE,
        Preset::Recall => weights::LINK_DENSE * 1.6,
    };
    // One or two datelines (published, updated) are the article's
    // metadata; a time stamp on every post or item is part of each.
    let dateline: Vec<bool> = page
        .blocks
        .iter()
        .map(|b| {
            on(Signal::Patterns)
                && inside[b.owner as usize]
                && b.kind == BlockKind::Paragraph
                && looks_like_dateline(&b.text)
        })
        .collect();
    let datelines = dateline.iter().filter(|&&d| d).count();
    // Bylines are short lines about the text: where elements named like
    // bylines hold most of the region's prose (a CMS's `meta` wrapper
    // around every entry of a list, around a post's body), the name is
    // the layout's.
    let named = Coverage::of(
        page,
        |b| inside[b.owner as usize],
        |b| b.hints & !outer & hints::BYLINE,
    );
    let byline_layout =
        on(Signal::HintVetoes) && named.most_prose(hints::BYLINE.trailing_zeros() as usize);

    let card_caption = if listing && on(Signal::Captions) {
        card_captions(dom, page, &acc)
    } else {
        Vec::new()
    };
    let listings = code_figures(dom, page);
    for (i, b) in page.blocks.iter_mut().enumerate() {
        if !inside[b.owner as usize] {
            b.kept = false;
            b.reason = hint_reason(b.hints & bad_mask).unwrap_or(Reason::OutsideMain);
            continue;
        }
        // Short texts hidden by markup inside the region are menus, labels
        // and messages shown on a click; hidden prose is a collapsed
        // section or tab of the content itself, and stays, and so do code
        // (the same example in another language's tab) and data tables (a
        // product's specifications tab).
        if on(Signal::Hidden)
            && b.hints & !outer & hints::HIDDEN != 0
            && !is_prose(b)
            && b.kind != BlockKind::Code
            && !is_table_data(b)
        {
            b.kept = false;
            b.reason = Reason::Hidden;
            continue;
        }
        // A figure's caption describes or credits a picture; the text
        // stands without it (both benchmarks' truths leave most out). Some
        // are not `<figcaption>`s but named so (`wp-caption-text`).
        // A listing's caption ("Listing 4-1: ...") titles code, not a
        // picture, and a table figure's its table: they stay.
        if preset != Preset::Recall
            && on(Signal::Captions)
            && ((b.kind == BlockKind::Caption && dom.tag(b.owner) != Some(Tag::Caption))
                || (b.hints & hints::CAPTION != 0
                    && !card_caption.get(b.owner as usize).is_some_and(|&c| c)))
            && (listings.is_empty() || !listings.contains(&figure_of(dom, b.owner)))
        {
            b.kept = false;
            b.reason = Reason::Caption;
            continue;
        }
        // A carousel's slide of plain text (a testimonial, a feature) is
        // the page's own, and off a product page so it is in a box named
        // for reviews (see `testimonial_names`); its linked slides are
        // teasers. Any other name still counts (a quote's `<footer>`: its
        // attribution).
        let carousel_text = on(Signal::HintVetoes)
            && b.hints & !outer & hints::CAROUSEL != 0
            && b.link_density() < weights::CAROUSEL_MAX_LINKS;
        let mut mask = bad_mask_for(b, bad_mask, free);
        if carousel_text {
            mask &= !free;
        }
        let local = b.hints & !outer & mask;
        if let Some(r) = hint_reason(local) {
            b.kept = false;
            b.reason = r;
            continue;
        }
        if b.hints & hints::CONTROL != 0
            && b.len < weights::CONTROL_MAX_LEN
            && !matches!(b.kind, BlockKind::Heading(_))
        {
            b.kept = false;
            b.reason = Reason::Navigation;
            continue;
        }
        if b.hints & !outer & hints::BYLINE != 0
            && b.len < weights::BYLINE_MAX_LEN
            && !byline_layout
        {
            b.kept = false;
            b.reason = Reason::Byline;
            continue;
        }
        if in_teaser(b, &teaser) {
            b.kept = false;
            b.reason = Reason::Related;
            continue;
        }
        // A heading is judged by what follows it (in `smooth`), not by its
        // links: a section title set as its own permalink heads content, a
        // linked headline alone does not.
        let ld = b.away_link_density(weights::HEADLINE_MIN_LEN);
        if ld > link_dense
            && on(Signal::LinkDensity)
            && !listing
            && !matches!(b.kind, BlockKind::Code | BlockKind::Heading(_))
            && !is_table_data(b)
            && !is_card_text(b)
            && !is_linked_sentence(b)
            && !is_announced_term(b)
            // A definition list's term is what its description is about
            // (a reference page's linked property names), not a link
            // elsewhere.
            && dom.tag(b.owner) != Some(Tag::Dt)
        {
            b.kept = false;
            b.reason = if b.len < 200 && b.links <= 2 {
                Reason::ReadAlso
            } else {
                Reason::LinkDense
            };
            continue;
        }
        if on(Signal::Patterns)
            && (looks_like_timestamp(&b.text)
                || (dateline[i] && datelines <= weights::DATELINES_MAX))
        {
            b.kept = false;
            b.reason = Reason::Byline;
            continue;
        }
        if b.junk {
            b.kept = false;
            b.reason = Reason::LinkDense;
            continue;
        }
        b.kept = true;
        b.reason = Reason::Content;
    }
    if on(Signal::LinkDensity) {
        keep_entry_titles(page);
    }
    if on(Signal::LeadIn) && !listing && preset != Preset::Recall {
        drop_lead_in(dom, page, &inside);
    }
    if on(Signal::Smoothing) {
        // Before `smooth`, which keeps a heading only over kept text.
        keep_inline_lists(page);
        smooth(dom, page, preset, listing, article);
    }
    // A product's name is part of its page (its title is the product);
    // an article's headline is the page's title, not its text.
    if on(Signal::LeadIn) && !product_page {
        drop_title(page, title);
    }
    if on(Signal::Repeats) {
        drop_repeats(dom, page, listing);
        drop_copies(page);
    }
    if on(Signal::Patterns) {
        drop_signature_lines(page);
    }
    if on(Signal::BodyBoost) && on(Signal::MarkupHints) && article && !listing && !product_page {
        drop_trailer(dom, page);
    }
    fallback(page, &inside, bad_mask, &in_masthead);
}

/// A line of underscores alone is a forum signature's delimiter (as `-- `
/// is an e-mail's): it and the few short lines that follow it in its
/// element are the signature. More text after it than a signature holds
/// makes it a separator inside the text.
fn drop_signature_lines(page: &mut Page) {
    let n = page.blocks.len();
    let mut i = 0;
    while i < n {
        let text = page.blocks[i].text.trim();
        if text.len() < weights::SIGNATURE_RULE_MIN || !text.bytes().all(|c| c == b'_') {
            i += 1;
            continue;
        }
        let owner = page.blocks[i].owner;
        let end = i
            + 1
            + page.blocks[i + 1..]
                .iter()
                .take_while(|b| b.owner == owner)
                .count();
        let short = page.blocks[i + 1..end]
            .iter()
            .all(|b| b.len < weights::SIGNATURE_LINE_MAX);
        if end - i - 1 <= weights::SIGNATURE_LINES && short {
            for b in &mut page.blocks[i..end] {
                if b.kept {
                    b.kept = false;
                    b.reason = Reason::Signature;
                }
            }
        }
        i = end;
    }
}

/// After an article's named body (`entry-content`, `article-body`), or
/// its `<article>` element where it names none, the short lines that end
/// the region with no prose, code or plain list after them are the
/// article's trailer: tags, a sign-up call, a "join our channel" box, an
/// "edit this page" link, a notice that comments are closed. Prose after
/// the body (a closing section the site left outside it) keeps it all.
fn drop_trailer(dom: &Dom, page: &mut Page) {
    let named = page
        .blocks
        .iter()
        .any(|b| b.kept && b.hints & hints::BODY != 0);
    let in_body: Vec<bool> = if named {
        page.blocks
            .iter()
            .map(|b| b.hints & hints::BODY != 0)
            .collect()
    } else {
        // Without a body name, the `<article>` element holds the body.
        let in_article = subtrees(dom, page, |id| dom.tag(id) == Some(Tag::Article));
        page.blocks
            .iter()
            .map(|b| in_article[b.owner as usize])
            .collect()
    };
    let Some(last) = page
        .blocks
        .iter()
        .enumerate()
        .rposition(|(i, b)| b.kept && in_body[i])
    else {
        return;
    };
    let after = &page.blocks[last + 1..];
    let kept = || after.iter().filter(|b| b.kept);
    // A list of a few items with no links (a product's features) is
    // content; a trailer's lists are links (tags, "more stories").
    let items = kept()
        .filter(|b| matches!(b.kind, BlockKind::ListItem { .. }) && b.links == 0)
        .count();
    if items >= weights::TRAILER_LIST_ITEMS
        || kept().any(|b| is_prose(b) || b.kind == BlockKind::Code)
    {
        return;
    }
    for (i, b) in page.blocks.iter_mut().enumerate().skip(last + 1) {
        if b.kept && !in_body[i] {
            b.kept = false;
            b.reason = Reason::AfterBody;
        }
    }
}

/// Every block of the main landmark (`in_main`, its subtree) that no
/// `bad_mask` bit marks joins the region (`inside`, by owner).
fn join_main(page: &Page, in_main: &[bool], inside: &mut [bool], bad_mask: u32) {
    for b in &page.blocks {
        if in_main[b.owner as usize] && b.hints & bad_mask == 0 {
            inside[b.owner as usize] = true;
        }
    }
}

/// The `main` landmark (`<main>`, `role=main`) holding the most unhinted
/// text, when it holds a real share of the page's.
fn main_landmark(dom: &Dom, page: &Page, bad_mask: u32) -> Option<NodeId> {
    let is_main = |id: NodeId| {
        dom.element(id)
            .is_some_and(|e| e.hints & hints::LANDMARK != 0)
    };
    if !page.order.iter().any(|&id| is_main(id)) {
        return None;
    }
    let value = |b: &BlockInfo| if b.hints & bad_mask == 0 { b.len } else { 0 };
    let total = page
        .blocks
        .iter()
        .fold(0u32, |t, b| t.saturating_add(value(b)));
    let len = subtree_sums(dom, page, value);
    let best = page
        .order
        .iter()
        .copied()
        .filter(|&id| is_main(id))
        .max_by_key(|&id| len[id as usize])?;
    let len = len[best as usize];
    (len > 0 && len as f32 >= weights::MAIN_MIN_SHARE * total as f32).then_some(best)
}

/// A block whose text was already kept is a copy (a hidden print or AMP
/// version, a repeated summary): keep the first only. In a tab's panel
/// that also holds text of its own (the same steps beside another
/// language's code), the repeat is that tab's text and stays; a panel
/// that holds nothing new is a copy of another (a mobile layout). So it
/// is with lists: one with items of its own keeps those it shares, and
/// with a listing's items (`listing`, see [`item_fields`]).
fn drop_repeats(dom: &Dom, page: &mut Page, listing: bool) {
    let panel = if page.blocks.iter().any(|b| b.hints & hints::TABPANEL != 0) {
        tab_panels(dom, page)
    } else {
        Vec::new()
    };
    let panel_of = |b: &BlockInfo| panel.get(b.owner as usize).copied().unwrap_or(NONE);
    let mut seen = HashSet::new();
    // Which panels hold a copy of which text, and which hold text of their
    // own.
    let mut in_panel = HashSet::new();
    let mut own_text = HashSet::new();
    let mut repeats = Vec::new();
    for (i, b) in page.blocks.iter().enumerate().filter(|(_, b)| b.kept) {
        // Short blocks are never dropped as repeats, but a one-line code
        // sample in a panel is its own text all the same (a heading or a
        // label is not).
        let short = b.len < weights::REPEAT_MIN_LEN;
        // Tables of one kind share their header row: each table keeps it.
        if short && (panel.is_empty() || b.kind != BlockKind::Code)
            || matches!(b.kind, BlockKind::TableRow { header: true })
        {
            continue;
        }
        let p = panel_of(b);
        let first_in_panel = p != NONE && in_panel.insert((&*b.text, p));
        if seen.insert(&*b.text) {
            if p != NONE {
                own_text.insert(p);
            }
        } else if !short {
            repeats.push((i, first_in_panel));
        }
    }
    // A list that also holds items of its own (an offer's terms, a plan's
    // features beside the other plans') keeps the items it shares; a list
    // of nothing but repeats is a copy of another.
    let list_of = |b: &BlockInfo| {
        if matches!(b.kind, BlockKind::ListItem { .. }) && dom.tag(b.owner) == Some(Tag::Li) {
            dom.node(b.owner).parent
        } else {
            NONE
        }
    };
    let mut own_items = HashSet::new();
    let mut repeated = vec![false; page.blocks.len()];
    for &(i, _) in &repeats {
        repeated[i] = true;
    }
    for (i, b) in page.blocks.iter().enumerate() {
        let l = list_of(b);
        if b.kept && l != NONE && b.len >= weights::REPEAT_MIN_LEN && !repeated[i] {
            own_items.insert(l);
        }
    }
    let fields = if listing && !repeats.is_empty() {
        item_fields(dom, page)
    } else {
        Vec::new()
    };
    for (i, first_in_panel) in repeats {
        if first_in_panel && own_text.contains(&panel_of(&page.blocks[i])) {
            continue;
        }
        if fields.get(i).copied().unwrap_or(false) {
            continue;
        }
        let l = list_of(&page.blocks[i]);
        if l != NONE && own_items.contains(&l) {
            continue;
        }
        page.blocks[i].kept = false;
        page.blocks[i].reason = Reason::Duplicate;
    }
}

/// On a listing, the kept blocks whose text is a field that several of
/// its items each carry (the same description under every variant's
/// name, one offer's terms on every coupon), marked per block. Such a
/// text is kept wherever it recurs: it belongs to each item, not to a
/// second copy of the page.
///
/// A text qualifies when it recurs [`weights::ITEM_FIELD_COPIES`] times
/// or more (a page's layout copies come in twos: desktop and mobile).
/// Each copy is then judged by its item, the nearest element above it
/// that also holds text found once on the page: a field when that item
/// holds no other copy. A carousel's cloned slides, or an item listed
/// twice, hold no text of their own, so their nearest such element is
/// the carousel or the list, around the other copies: they stay dropped.
fn item_fields(dom: &Dom, page: &Page) -> Vec<bool> {
    let mut count: HashMap<&str, u32> = HashMap::new();
    for b in page.blocks.iter().filter(|b| b.kept) {
        *count.entry(&*b.text).or_insert(0) += 1;
    }
    let recurs = |b: &BlockInfo| {
        b.kept
            && b.len >= weights::REPEAT_MIN_LEN
            && count
                .get(&*b.text)
                .is_some_and(|&n| n >= weights::ITEM_FIELD_COPIES)
    };
    let mut fields = vec![false; page.blocks.len()];
    if !page.blocks.iter().any(recurs) {
        return fields;
    }
    // Per node: kept blocks below it whose text is found once.
    let single = subtree_sums(dom, page, |b| {
        u32::from(b.kept && count.get(&*b.text).is_some_and(|&n| n == 1))
    });
    // Each element's subtree is the run `start .. start + size` of the
    // document order.
    let mut start = vec![0u32; dom.nodes.len()];
    let mut size = vec![0u32; dom.nodes.len()];
    for (i, &id) in page.order.iter().enumerate() {
        start[id as usize] = i as u32;
        size[id as usize] = 1;
    }
    sum_up(dom, page, &mut size, |p, c| *p = p.saturating_add(c));
    // Per text, its copies in document order: the block, where its
    // element starts, and the span of its item, if it has one.
    type Copies<'t> = HashMap<&'t str, Vec<(usize, u32, Option<(u32, u32)>)>>;
    let mut copies: Copies<'_> = HashMap::new();
    for (k, b) in page.blocks.iter().enumerate().filter(|(_, b)| recurs(b)) {
        // Bounded climb: an item's card is a few levels deep, and the
        // bound keeps the walk linear on deeply nested pages.
        let mut n = b.owner;
        let mut item = None;
        for _ in 0..weights::ITEM_FIELD_CLIMB {
            if n == NONE {
                break;
            }
            if single[n as usize] > 0 {
                let i = n as usize;
                item = Some((start[i], start[i].saturating_add(size[i])));
                break;
            }
            n = dom.node(n).parent;
        }
        let at = start[b.owner as usize];
        copies.entry(&*b.text).or_default().push((k, at, item));
    }
    // A copy is its item's field when the copies before and after it
    // stand outside that item.
    for list in copies.values() {
        for (j, &(k, _, item)) in list.iter().enumerate() {
            let Some((from, to)) = item else { continue };
            let before = j.checked_sub(1).map(|p| list[p].1);
            let after = list.get(j + 1).map(|n| n.1);
            fields[k] = before.is_none_or(|p| p < from) && after.is_none_or(|n| n >= to);
        }
    }
    fields
}

/// Per node, the innermost tab panel holding it, or `NONE`; found top
/// down, parents before children.
fn tab_panels(dom: &Dom, page: &Page) -> Vec<NodeId> {
    let mut panel = vec![NONE; dom.nodes.len()];
    for &id in &page.order {
        let own = dom
            .element(id)
            .is_some_and(|e| e.hints & hints::TABPANEL != 0);
        let p = dom.node(id).parent;
        panel[id as usize] = if own {
            id
        } else if p != NONE {
            panel[p as usize]
        } else {
            NONE
        };
    }
    panel
}

/// Text with Markdown's inline markup taken out: link targets (`](url)`),
/// brackets, emphasis marks and backticks. Only ASCII bytes are removed,
/// so the rest stays valid UTF-8.
fn unmarked(s: &str) -> std::borrow::Cow<'_, str> {
    let marks = |c: u8| matches!(c, b'[' | b']' | b'*' | b'_' | b'`');
    if !s.bytes().any(marks) {
        return std::borrow::Cow::Borrowed(s);
    }
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b']' && b.get(i + 1) == Some(&b'(') {
            // A link target runs to its `)` with no space in it; the look
            // ahead is bounded so that a run of `](` stays linear.
            let end = b[i + 2..]
                .iter()
                .take(weights::LINK_TARGET_MAX)
                .position(|&c| c == b')' || c.is_ascii_whitespace());
            if let Some(n) = end.filter(|&n| b[i + 2 + n] == b')') {
                i += n + 3;
                continue;
            }
        }
        if !marks(b[i]) {
            out.push(b[i]);
        }
        i += 1;
    }
    std::borrow::Cow::Owned(String::from_utf8(out).unwrap_or_else(|_| s.to_owned()))
}

/// A long block that repeats many kept blocks inside it is a second copy
/// of the article flattened into one text (a microdata `articleBody`, a
/// print version, a hidden Markdown copy for machines: compared without
/// its markup): the structured copy is kept, the flat one dropped.
fn drop_copies(page: &mut Page) {
    // Only the few longest blocks are checked, so the cost stays linear in
    // the page's text.
    // The longest first, the earlier of two as long: kept in order as
    // they come (a few slots, no sort routine in the WebAssembly build).
    let mut long: Vec<usize> = Vec::with_capacity(weights::COPY_CHECKS + 1);
    for (i, b) in page.blocks.iter().enumerate() {
        if !b.kept || b.len < weights::COPY_MIN_LEN {
            continue;
        }
        let at = long
            .iter()
            .position(|&j| page.blocks[j].len < b.len)
            .unwrap_or(long.len());
        if at < weights::COPY_CHECKS {
            long.insert(at, i);
            long.truncate(weights::COPY_CHECKS);
        }
    }
    if long.is_empty() {
        return;
    }
    // The kept blocks a copy may hold, without their markup: made once for
    // all the copies checked, not once per copy.
    let needles: Vec<(usize, u32, std::borrow::Cow<'_, str>)> = page
        .blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.kept && b.len >= weights::REPEAT_MIN_LEN)
        .map(|(j, b)| (j, b.len, unmarked(&b.text)))
        .collect();
    let mut copies = Vec::new();
    for i in long {
        let hay = unmarked(&page.blocks[i].text);
        let len = page.blocks[i].len;
        let covered: u32 = needles
            .iter()
            .filter(|(j, l, text)| {
                *j != i
                    && *l < len
                    && memchr::memmem::find(hay.as_bytes(), text.as_bytes()).is_some()
            })
            .map(|(_, l, _)| l)
            .sum();
        if covered as f32 >= weights::COPY_SHARE * len as f32 {
            copies.push(i);
        }
    }
    drop(needles);
    for i in copies {
        page.blocks[i].kept = false;
        page.blocks[i].reason = Reason::Duplicate;
    }
}

/// When every block was dropped, keep the region's unhinted blocks, else
/// the page's: plain text that no rule took for content is still the
/// page's best guess. The site's masthead (`in_masthead`, per block) is
/// never that guess, nor is anything marked boilerplate: a page of
/// nothing else (menus, a footer, "Skip to content") has no content and
/// gives no text, like a shell.
fn fallback(page: &mut Page, inside: &[bool], bad_mask: u32, in_masthead: &[bool]) {
    if page.blocks.iter().any(|b| b.kept) {
        return;
    }
    let mut keep = |pick: &dyn Fn(&BlockInfo) -> bool| {
        let mut any = false;
        let blocks = page.blocks.iter_mut().zip(in_masthead);
        for (b, _) in blocks.filter(|(b, top)| b.len > 0 && !**top && pick(b)) {
            b.kept = true;
            b.reason = Reason::Fallback;
            any = true;
        }
        any
    };
    if keep(&|b| inside[b.owner as usize] && b.hints & bad_mask == 0) {
        return;
    }
    keep(&|b| b.hints & bad_mask == 0);
}

/// Linked lines dropped as "read also" that each head a kept paragraph
/// of their own (an author line between), [`weights::ENTRY_TITLES_MIN`]
/// of them or more and nearly all different, are the titles of a list of
/// entries: they and their author lines are kept.
fn keep_entry_titles(page: &mut Page) {
    let n = page.blocks.len();
    let mut titles = Vec::new();
    for i in 0..n {
        let b = &page.blocks[i];
        if b.reason != Reason::ReadAlso
            || b.kind != BlockKind::Paragraph
            || b.len < weights::HEADLINE_MIN_LEN
        {
            continue;
        }
        let mut j = i + 1;
        while j < n && page.blocks[j].reason == Reason::Byline {
            j += 1;
        }
        if j < n && page.blocks[j].kept && page.blocks[j].kind == BlockKind::Paragraph {
            titles.push((i, j));
        }
    }
    if titles.len() < weights::ENTRY_TITLES_MIN {
        return;
    }
    // The same set type as `drop_repeats`: no new code for the WASM build.
    let texts: HashSet<Box<str>> = titles
        .iter()
        .map(|&(i, _)| page.blocks[i].text.clone())
        .collect();
    if (texts.len() as f32) < weights::ENTRY_TITLES_DISTINCT * titles.len() as f32 {
        return;
    }
    for (i, j) in titles {
        for b in &mut page.blocks[i..j] {
            b.kept = true;
            b.reason = Reason::Content;
        }
    }
}

/// Short lines above an article's first paragraph are its kicker, byline,
/// dateline and photo credit, not its text.
fn drop_lead_in(dom: &Dom, page: &mut Page, inside: &[bool]) {
    let Some(first) = page
        .blocks
        .iter()
        .position(|b| b.kept && inside[b.owner as usize] && is_prose(b))
    else {
        return;
    };
    // A long run before the first paragraph is content of its own (a
    // numbered list of short items), not a byline.
    let before = page.blocks[..first].iter().filter(|b| b.kept).count();
    if before > weights::LEAD_IN_MAX_BLOCKS {
        return;
    }
    let first_parent = dom.node(page.blocks[first].owner).parent;
    for b in page.blocks[..first].iter_mut() {
        if b.kept
            && b.len < weights::LEAD_IN_MAX_LEN
            && !matches!(
                b.kind,
                BlockKind::Heading(_) | BlockKind::ListItem { .. } | BlockKind::TableRow { .. }
            )
            // Code is never a byline (an API page's declaration).
            && b.kind != BlockKind::Code
            // The text's own opening line, beside its first paragraph (a
            // dek sits in the header, apart from the text).
            && !(dom.node(b.owner).parent == first_parent && opens_text(b))
        {
            b.kept = false;
            b.reason = Reason::Byline;
        }
    }
}

/// A link-free line that opens a post: a whole sentence of a few words
/// ("Hi, thanks to anyone who replies.") or a greeting ending in a comma,
/// Latin, full-width or Arabic ("Bonsoir à tous,", "大家好，"). A byline or
/// a dateline is neither.
fn opens_text(b: &BlockInfo) -> bool {
    let end = b.text.trim_end();
    let sentence = b
        .text
        .split_whitespace()
        .nth(weights::SENTENCE_MIN_WORDS - 1)
        .is_some()
        && end.ends_with(crate::blocks::SENTENCE_ENDS);
    b.links == 0 && (sentence || end.ends_with([',', '，', '،']))
}

/// Whether a declared page type (schema.org or OpenGraph) names a
/// product: `Product`, `ProductGroup` (one product in variants),
/// `og:type=product`, `product.item`.
pub(crate) fn is_product_type(t: &str) -> bool {
    let t = t.to_ascii_lowercase();
    // OpenGraph's `product.group` is a category page, a group of products.
    (t.starts_with("product") || t.ends_with(":product") || t == "individualproduct")
        && !t.ends_with(".group")
}

/// Whether a declared page type names an article: schema.org's
/// `Article` and its kinds (`NewsArticle`, `BlogPosting`, `Report`, ...),
/// `og:type=article`.
fn is_article_type(t: &str) -> bool {
    t.ends_with("Article")
        || t == "BlogPosting"
        || t == "Report"
        || t.eq_ignore_ascii_case("article")
}

/// Whether the page says it is an article: by its declared type, or by a
/// paragraph in an element named as an article's body. Paragraphs that
/// merely stand together (a landing page's sections) do not.
fn named_article(page: &Page, meta: &Metadata) -> bool {
    meta.page_type.as_deref().is_some_and(is_article_type)
        || page
            .blocks
            .iter()
            .any(|b| is_prose(b) && b.hints & hints::BODY != 0)
}

/// Whether a declared page type names a discussion, whose replies are
/// its content: schema.org's `DiscussionForumPosting` or `QAPage`.
fn is_thread_type(t: &str) -> bool {
    matches!(t, "DiscussionForumPosting" | "QAPage")
}

/// A block that is one bare address (an image or share URL printed as
/// text) is a link, whatever its markup.
fn looks_like_url(text: &str) -> bool {
    let t = text.trim();
    // Most lines hold no address at all: one fast scan rules them out.
    if memchr::memmem::find(t.as_bytes(), b"http").is_none()
        && memchr::memmem::find(t.as_bytes(), b"www.").is_none()
    {
        return false;
    }
    let is_url =
        |w: &str| w.starts_with("http://") || w.starts_with("https://") || w.starts_with("www.");
    if !t.contains(char::is_whitespace) {
        return is_url(t);
    }
    // An image's address making up much of a line with others: structured
    // data printed as text (the image URL, its size, the uploader, another
    // URL). Sentences that cite addresses rarely cite images.
    let (mut images, mut url_len) = (0usize, 0usize);
    for w in t.split_whitespace().filter(|w| is_url(w)) {
        url_len += w.len();
        let lower = w.to_ascii_lowercase();
        if [".jpg", ".jpeg", ".png", ".gif", ".webp"]
            .iter()
            .any(|e| lower.ends_with(e))
        {
            images += 1;
        }
    }
    images >= 1 && url_len as f32 >= weights::URL_TEXT_SHARE * t.len() as f32
}

/// A block that is a JSON object or array printed as text (a widget's
/// settings left in the markup): data, not words. Code blocks are not
/// asked: there JSON is an example.
fn looks_like_json(text: &str) -> bool {
    let t = text.trim().as_bytes();
    let (Some(&first), Some(&last)) = (t.first(), t.last()) else {
        return false;
    };
    matches!((first, last), (b'{', b'}') | (b'[', b']'))
        && memchr::memmem::find_iter(t, b"\":")
            .take(weights::JSON_MIN_KEYS)
            .count()
            >= weights::JSON_MIN_KEYS
}

/// A block of identifiers printed as text (UUIDs, hashes run together):
/// hex digits and dashes nearly throughout, a good share of them digits.
fn looks_like_ids(text: &str) -> bool {
    let (mut hex, mut digits, mut total) = (0usize, 0usize, 0usize);
    let bound = text.len();
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        total += 1;
        if c.is_ascii_hexdigit() || c == '-' {
            hex += 1;
        }
        if c.is_ascii_digit() {
            digits += 1;
        }
        // Every block is tested: prose fails within its first words (the
        // byte length bounds the count of characters).
        if (total - hex) * 10 > bound {
            return false;
        }
    }
    total >= weights::IDS_MIN_LEN && hex * 10 >= total * 9 && digits * 10 >= total * 3
}

/// A short line stamped with a clock time and a year: a dateline
/// (`PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05`).
fn looks_like_dateline(text: &str) -> bool {
    let t = text.trim();
    // A character is at most four bytes: longer texts need no counting.
    if t.len() > 4 * weights::DATELINE_MAX_CHARS || t.chars().count() > weights::DATELINE_MAX_CHARS
    {
        return false;
    }
    let b = t.as_bytes();
    let clock = b.windows(4).enumerate().any(|(i, w)| {
        w[0].is_ascii_digit()
            && w[1] == b':'
            && w[2].is_ascii_digit()
            && w[3].is_ascii_digit()
            && b.get(i + 4).is_none_or(|c| !c.is_ascii_digit())
    });
    let year = b.windows(4).enumerate().any(|(i, w)| {
        (w.starts_with(b"19") || w.starts_with(b"20"))
            && w.iter().all(u8::is_ascii_digit)
            && (i == 0 || !b[i - 1].is_ascii_digit())
            && b.get(i + 4).is_none_or(|c| !c.is_ascii_digit())
    });
    clock && year
}

/// A block that is one machine-readable date (`2019-11-19T08:57:40+01:00`,
/// microdata printed as text): metadata, not words for a reader.
fn looks_like_timestamp(text: &str) -> bool {
    let t = text.trim().as_bytes();
    t.len() >= 10
        && t.len() <= 40
        && t[..4].iter().all(u8::is_ascii_digit)
        && t[4] == b'-'
        && t[5..7].iter().all(u8::is_ascii_digit)
        && t[7] == b'-'
        && t[8..10].iter().all(u8::is_ascii_digit)
        && t[10..]
            .iter()
            .all(|&c| c.is_ascii_digit() || b"T:+-.Z ".contains(&c))
}

/// A block that is one HTML tag printed as text (escaped markup from a
/// broken template, a tracking pixel's `<img>`), not words for a reader.
fn looks_like_tag(text: &str) -> bool {
    let t = text.trim();
    let Some(inner) = t.strip_prefix('<').and_then(|t| t.strip_suffix('>')) else {
        return false;
    };
    let inner = inner.strip_prefix(['/', '!']).unwrap_or(inner);
    let name_len = inner
        .bytes()
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    // A tag name, then nothing or attributes (`<br>`, `<img src=...>`);
    // `<The Palace>` is a title in angle brackets.
    name_len > 0
        && match inner.as_bytes().get(name_len) {
            None | Some(b'/') => true,
            Some(c) => c.is_ascii_whitespace() && inner.contains('='),
        }
}

/// The nearest blocks with text before `i` and from `j` on: the
/// neighbours of the run `i..j`.
fn around(page: &Page, i: usize, j: usize) -> (Option<&BlockInfo>, Option<&BlockInfo>) {
    (
        page.blocks[..i].iter().rev().find(|b| b.len > 0),
        page.blocks[j..].iter().find(|b| b.len > 0),
    )
}

/// Short fragments and headings are judged by their neighbours.
fn smooth(dom: &Dom, page: &mut Page, preset: Preset, listing: bool, article: bool) {
    let n = page.blocks.len();
    let min_len = match preset {
        Preset::Precision => weights::FRAGMENT_LEN * 2,
        Preset::Balanced => weights::FRAGMENT_LEN,
        Preset::Recall => weights::FRAGMENT_LEN / 2,
    };
    let fragment: Vec<bool> = page
        .blocks
        .iter()
        .map(|b| {
            b.kept
                && b.reason == Reason::Content
                && b.len < min_len
                && b.punct == 0
                && match b.kind {
                    BlockKind::Heading(_) | BlockKind::Code | BlockKind::TableRow { .. } => false,
                    // A list's own short items are content; short lines in
                    // boxes nested inside an item are judged like any other.
                    BlockKind::ListItem { .. } => dom.tag(b.owner) != Some(Tag::Li),
                    _ => true,
                }
        })
        .collect();
    // Runs of fragments: one or two short lines between kept blocks are
    // part of the flow (a dateline, a label); a longer run is a widget
    // (product cards, button rows) even inside the content.
    let mut i = 0;
    while i < n {
        if !fragment[i] {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < n && (fragment[j] || page.blocks[j].len == 0) {
            j += 1;
        }
        let (before, after) = around(page, i, j);
        let (prev_kept, next_kept) = (
            before.is_some_and(|b| b.kept),
            after.is_some_and(|b| b.kept),
        );
        let run = fragment[i..j].iter().filter(|&&f| f).count();
        // On a listing page the fragments are the items' names and prices.
        let keep = listing || (prev_kept && next_kept && run <= weights::MAX_CONTEXT_RUN);
        for (k, b) in page.blocks[i..j].iter_mut().enumerate() {
            if !fragment[i + k] {
                continue;
            }
            if keep {
                b.reason = Reason::Context;
            } else {
                b.kept = false;
                b.reason = Reason::TooShort;
            }
        }
        i = j;
    }
    // A heading is kept only when kept text follows it before the next
    // heading of the same or a higher rank.
    // A sentence set in a minor heading (`<h4>For more than 40 years, we
    // have offered ...</h4>`) is text: kept, and content for the heading
    // above it.
    let text_heading = |b: &BlockInfo, level: u8| level >= 3 && is_prose(b);
    // Off an article, a heading longer than a label standing between kept
    // text is the page's own line (a landing page's slogan over a picture
    // or a button); an article's is the title of a box ("Related") or of
    // another story. Whether kept text stands before and after each
    // block, computed once: headings' decisions do not change them.
    let is_text = |b: &BlockInfo| b.len > 0 && !matches!(b.kind, BlockKind::Heading(_));
    let (mut text_kept_before, mut text_kept_after) = (vec![false; n], vec![false; n]);
    if !article && !listing {
        let mut last = false;
        for (i, b) in page.blocks.iter().enumerate() {
            text_kept_before[i] = last;
            if is_text(b) {
                last = b.kept;
            }
        }
        let mut any = false;
        for (i, b) in page.blocks.iter().enumerate().rev() {
            text_kept_after[i] = any;
            any |= is_text(b) && b.kept;
        }
    }
    for i in 0..n {
        let BlockKind::Heading(level) = page.blocks[i].kind else {
            continue;
        };
        // On a listing page a heading is an item's name: content itself.
        if !page.blocks[i].kept || text_heading(&page.blocks[i], level) || listing {
            continue;
        }
        let mut has_content = false;
        for b in &page.blocks[i + 1..] {
            if let BlockKind::Heading(l) = b.kind
                && !text_heading(b, l)
            {
                if l <= level {
                    break;
                }
                continue;
            }
            if b.kept {
                has_content = true;
                break;
            }
        }
        let between =
            !article && page.blocks[i].len >= min_len && text_kept_before[i] && text_kept_after[i];
        let b = &mut page.blocks[i];
        if has_content || between {
            b.reason = Reason::HeadingOfContent;
        } else {
            b.kept = false;
            b.reason = Reason::TooShort;
        }
    }
    // A heading right over a kept subheading, the two alone between texts,
    // is a two-line title (a name over a role, a kicker over a headline);
    // three or more headings in a row are a list of headlines, judged as
    // above.
    let nonempty: Vec<usize> = (0..n).filter(|&i| page.blocks[i].len > 0).collect();
    let is_heading = |k: usize| matches!(page.blocks[nonempty[k]].kind, BlockKind::Heading(_));
    let mut pairs = Vec::new();
    for k in 0..nonempty.len().saturating_sub(1) {
        let (i, j) = (nonempty[k], nonempty[k + 1]);
        let (b, next) = (&page.blocks[i], &page.blocks[j]);
        if is_heading(k)
            && !b.kept
            && b.reason == Reason::TooShort
            && is_heading(k + 1)
            && next.kept
            && next.reason == Reason::HeadingOfContent
            && (k == 0 || !is_heading(k - 1))
            && (k + 2 >= nonempty.len() || !is_heading(k + 2))
        {
            pairs.push(i);
        }
    }
    for i in pairs {
        page.blocks[i].kept = true;
        page.blocks[i].reason = Reason::HeadingOfContent;
    }
}

/// A list of links standing between the article's paragraphs (the
/// products a guide compares with a word on each, the steps of a how-to)
/// is part of the text: the link-density veto read its items as a "read
/// also" box. A list that ends the text, follows a short label ("You might
/// also like:") or holds nothing but links (headlines) stays out, unless
/// the paragraph before it announces it with a colon (then text further
/// on will do, past a dropped caption); a section heading long enough to
/// name something leads a list like a paragraph does.
fn keep_inline_lists(page: &mut Page) {
    let n = page.blocks.len();
    // Per block, whether kept text comes after it.
    let mut later = vec![false; n + 1];
    for k in (0..n).rev() {
        let b = &page.blocks[k];
        later[k] = later[k + 1]
            || (b.kept && matches!(b.reason, Reason::Content | Reason::HeadingOfContent));
    }
    let is_item = |b: &BlockInfo| matches!(b.kind, BlockKind::ListItem { .. });
    let mut i = 0;
    while i < n {
        if !is_item(&page.blocks[i]) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < n && (is_item(&page.blocks[j]) || page.blocks[j].len == 0) {
            j += 1;
        }
        let (before, after) = around(page, i, j);
        // A sentence that announces the list ("implements the following
        // data types:") makes even bare links its items: a documentation
        // index, not a box of headlines.
        let announced =
            before.is_some_and(|b| b.kind == BlockKind::Paragraph && announces(&b.text));
        let led = before.is_some_and(|b| {
            b.kept && b.reason == Reason::Content && b.len >= weights::LIST_LEAD_MIN_LEN
        });
        // Text right after the list, or, for a list its sentence
        // announces, text further on (a dropped figure caption between):
        // a list that ends the text is a "you might also like" box.
        let inside = led
            && (after.is_some_and(|b| {
                b.kept && matches!(b.reason, Reason::Content | Reason::HeadingOfContent)
            }) || (announced && later[j]));
        // Items that are nothing but links (headlines) are a "read also"
        // box wherever it stands.
        let only_links = page.blocks[i..j]
            .iter()
            .filter(|b| b.len > 0)
            .all(|b| b.link_density() >= weights::LINK_ONLY);
        if inside && (!only_links || announced) {
            for b in &mut page.blocks[i..j] {
                if matches!(b.reason, Reason::ReadAlso | Reason::LinkDense) {
                    b.kept = true;
                    b.reason = Reason::Context;
                }
            }
        }
        i = j;
    }
}

/// The share of `a`'s words (letters and digits, lower-cased) that `b`
/// has too.
pub(crate) fn word_overlap(a: &str, b: &str) -> f32 {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (a, b) = (words(a), words(b));
    if a.is_empty() {
        return 0.0;
    }
    a.iter().filter(|w| b.contains(w)).count() as f32 / a.len() as f32
}

/// Letters and digits only, lower-cased: titles compared whatever their
/// spacing and punctuation.
fn alnum_lower(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether `headline` rewords `title` (a page's title written for search
/// results or sharing: "Best Apps to Learn a Language in 2025 – Top 10
/// Picks" over "Top 10: Best Language Learning App"): as many of its
/// words are the title's as make a headline the title's in
/// [`drop_title`], yet the title does not hold it whole ("Headline |
/// Site" is the headline's title as it is).
pub(crate) fn rewords(title: &str, headline: &str) -> bool {
    let h = alnum_lower(headline);
    h.chars().count() >= weights::HEADLINE_MIN_CHARS
        && !alnum_lower(title).contains(&h)
        && word_overlap(headline, title) >= weights::TITLE_WORDS_SHARE
}

/// The page title is metadata, not body text: drop a kept heading that
/// repeats it before any kept paragraph.
fn drop_title(page: &mut Page, title: Option<&str>) {
    let Some(title) = title else { return };
    let t = alnum_lower(title);
    if t.is_empty() {
        return;
    }
    // The first kept block, and any heading repeating the title at length
    // (a sticky header's copy, a second `<h1>` in the article header).
    let mut first = true;
    for b in page.blocks.iter_mut() {
        if !b.kept {
            continue;
        }
        if matches!(b.kind, BlockKind::Heading(_)) {
            let h = alnum_lower(&b.text);
            let long = h.chars().count() >= weights::TITLE_MATCH_MIN;
            if !h.is_empty()
                && ((first || long) && (t.contains(&h) || h.contains(&t))
                    || first
                        && b.kind == BlockKind::Heading(1)
                        && word_overlap(&b.text, title) >= weights::TITLE_WORDS_SHARE)
            {
                b.kept = false;
                b.reason = Reason::Title;
            }
        }
        first = false;
    }
}

// `declared_chrome` keeps the declared bits in a byte per node.
const _: () = assert!(hints::DECLARED_CHROME < 0x80);

/// The hint bits a node's class and id give it, not its tag or ARIA role
/// (which say what the element is on purpose); 0 for a non-element.
fn named_bits(dom: &Dom, id: NodeId) -> u32 {
    dom.element(id)
        .map_or(0, |e| e.hints & !(tag_hints(e.tag) | declared_bits(&e)))
}

/// The [`hints::DECLARED_CHROME`] bits an element's tag or ARIA role
/// gives it (a role's element is taken at its word for its classes too).
fn declared_bits(e: &Element) -> u32 {
    let role = if e.hints & hints::ROLE_CHROME != 0 {
        e.hints
    } else {
        0
    };
    (tag_hints(e.tag) | role) & hints::DECLARED_CHROME
}

/// Per node, the [`hints::DECLARED_CHROME`] bits of the `<aside>`,
/// `<nav>` and `<footer>` elements (or their ARIA roles) around it,
/// itself included; none inside the main landmark: a `<main>` inside an
/// unclosed `<aside>` is still the main, and an element in the main takes
/// only its class's word for it.
fn declared_chrome(dom: &Dom, page: &Page) -> Vec<u8> {
    const IN_MAIN: u8 = 0x80;
    let mut chain = vec![0u8; dom.nodes.len()];
    for &id in &page.order {
        let e = dom.element(id);
        chain[id as usize] = if e.is_some_and(|e| e.hints & hints::LANDMARK != 0) {
            IN_MAIN
        } else {
            let p = dom.node(id).parent;
            let up = if p != NONE { chain[p as usize] } else { 0 };
            // Fits: asserted on the constant.
            up | e.map_or(0, |e| declared_bits(&e) as u8)
        };
    }
    for c in &mut chain {
        if *c & IN_MAIN != 0 {
            *c = 0;
        }
    }
    chain
}

/// Whether a paragraph outside boilerplate sits in an element named as
/// the article body that does not also hold the comments: a
/// `class="MainContent"` around a forum's first post and its replies
/// names the page's layout, not an article.
fn named_body_apart(dom: &Dom, page: &Page) -> bool {
    let candidate = |b: &BlockInfo| {
        is_prose(b)
            && b.hints & hints::BODY != 0
            && b.hints & (hints::BOILERPLATE | hints::HIDDEN) == 0
    };
    if !page.blocks.iter().any(candidate) {
        return false;
    }
    // Most pages have no comments: no per-node arrays then.
    if !page.blocks.iter().any(|b| b.hints & hints::COMMENT != 0) {
        return true;
    }
    let comments = subtree_sums(dom, page, |b| {
        if b.hints & hints::COMMENT != 0 {
            b.len.max(1)
        } else {
            0
        }
    });
    // The innermost element named as a body, per node (parents come first
    // in `order`).
    let mut named = vec![NONE; dom.nodes.len()];
    for &id in &page.order {
        named[id as usize] = if dom.element(id).is_some_and(|e| e.hints & hints::BODY != 0) {
            id
        } else {
            let p = dom.node(id).parent;
            if p != NONE { named[p as usize] } else { NONE }
        };
    }
    page.blocks.iter().any(|b| {
        let n = named[b.owner as usize];
        candidate(b) && (n == NONE || comments[n as usize] == 0)
    })
}

/// The text and prose of some blocks, and the part of each that every
/// hint bit covers, gathered in one pass for all bits at once. Prose is
/// the visible paragraphs ([`is_prose`], not hidden).
struct Coverage {
    total: u64,
    prose: u64,
    paragraphs: u32,
    covered: [u64; 32],
    covered_prose: [u64; 32],
}

impl Coverage {
    /// Over the blocks `pick` takes, each counted for its `bits`.
    fn of(
        page: &Page,
        pick: impl Fn(&BlockInfo) -> bool,
        bits: impl Fn(&BlockInfo) -> u32,
    ) -> Self {
        let mut c = Coverage {
            total: 0,
            prose: 0,
            paragraphs: 0,
            covered: [0; 32],
            covered_prose: [0; 32],
        };
        for b in page.blocks.iter().filter(|b| pick(b)) {
            let len = u64::from(b.len);
            let para = is_prose(b) && b.hints & hints::HIDDEN == 0;
            c.total += len;
            if para {
                c.prose += len;
                c.paragraphs += 1;
            }
            let bits = bits(b);
            if bits == 0 {
                continue;
            }
            for i in set_bits(bits) {
                c.covered[i] += len;
                if para {
                    c.covered_prose[i] += len;
                }
            }
        }
        c
    }

    /// Whether bit `i` covers most of the prose.
    fn most_prose(&self, i: usize) -> bool {
        self.prose > 0
            && self.covered_prose[i] as f32 >= weights::HINT_VETO_SHARE * self.prose as f32
    }

    /// Whether bit `i` covers most of the prose, or, where there is at
    /// most one paragraph, most of the text.
    fn layout(&self, i: usize) -> bool {
        if self.paragraphs < 2 {
            self.covered[i] as f32 > weights::HINT_VETO_SHARE * self.total as f32
        } else {
            self.most_prose(i)
        }
    }
}

/// The boilerplate bits that name the main landmark's layout: each
/// carried by most of the main's prose, or, where the main holds at most
/// one paragraph, by most of its text (a category page's intro above its
/// items, all in a `recirc` list). Only the names of chrome: a form, a
/// shop's widgets, comments and dialogs are judged by their own rules.
fn main_layout_bits(page: &Page) -> u32 {
    let judged = hints::NAV
        | hints::RELATED
        | hints::AD
        | hints::SOCIAL
        | hints::BANNER
        | hints::FOOTER
        | hints::SIDEBAR;
    let c = Coverage::of(
        page,
        |b| b.hints & hints::LANDMARK != 0,
        |b| b.hints & judged,
    );
    (0..32)
        .filter(|&i| judged & (1 << i) != 0 && c.layout(i))
        .fold(0, |m, i| m | 1 << i)
}

/// Boilerplate bits, less those that cover most of the page's text.
///
/// A bit is dropped when its blocks hold most of the page's text; the
/// comment bit also when its blocks hold nearly all the prose (a forum
/// whose every post is `class="comment"`), or whatever share it holds on
/// a page that declares itself a discussion (`declared_thread`).
fn boilerplate_mask(dom: &Dom, page: &Page, declared_thread: bool) -> u32 {
    let c = Coverage::of(page, |_| true, |b| b.hints & hints::BOILERPLATE);
    // A paragraph in an element named as the article body, outside the
    // comments: a post with its thread, however short the post.
    let has_body = named_body_apart(dom, page);
    // The prose a thread is measured against: the comments' own and what
    // stands outside every other kind of boilerplate (a "most popular
    // posts" box does not make a thread page an article). Forum software
    // wraps the posts in a `<form>` (moderation checkboxes): that prose
    // counts too.
    let thread_scope: u64 = page
        .blocks
        .iter()
        .filter(|b| {
            is_prose(b)
                && b.hints
                    & ((hints::BOILERPLATE & !(hints::COMMENT | hints::FORM)) | hints::HIDDEN)
                    == 0
        })
        .map(|b| b.len as u64)
        .sum();
    // Paragraphs standing together outside every kind of boilerplate: an
    // article's body, where the site names none. Read only when asked.
    let no_body_run = || {
        prose_body(dom, page, |b| {
            b.hints & (hints::BOILERPLATE | hints::HIDDEN) == 0
        }) < weights::ARTICLE_BODY_BLOCKS
    };
    let mut mask = hints::BOILERPLATE;
    if c.total == 0 {
        return mask;
    }
    for i in 0..32 {
        let bit = 1u32 << i;
        if bit & hints::BOILERPLATE == 0 {
            continue;
        }
        let covered_prose = c.covered_prose[i];
        // Teaser lists can outweigh a short article's prose, so only
        // comments (a thread page) are judged by their share of prose.
        let thread = bit == hints::COMMENT
            && (declared_thread && covered_prose > 0
                || thread_scope > 0
                    && !has_body
                    && (covered_prose as f32 >= weights::COMMENT_VETO_SHARE * thread_scope as f32
                        // Most of the prose, beside a post too short to
                        // be an article's body: a question and its answers.
                        || covered_prose as f32 >= weights::HINT_VETO_SHARE * thread_scope as f32
                            && no_body_run()));
        // A layout wrapper holds the prose too, or the page has at most an
        // intro's paragraph; menus that outweigh a short article's text
        // hold none of it.
        let page_wide = bit & (hints::COMMENT | hints::MODAL | hints::NEVER_CONTENT) == 0
            && c.covered[i] as f32 > weights::PAGE_WIDE_HINT * c.total as f32
            && (c.paragraphs < 2 || c.most_prose(i));
        if page_wide || thread {
            mask &= !bit;
        }
        // On a thread page the form around the posts is not a form.
        if thread {
            mask &= !hints::FORM;
        }
    }
    mask
}

/// The boilerplate names a card carries for itself (see [`item_value`]).
const CARD_CHROME: u32 = hints::SIGNATURE | hints::FOOTER | hints::BYLINE | hints::SOCIAL;

/// The value of a block on a page whose content is items, not prose:
/// link text counts too, a little less than plain text.
fn item_value(b: &BlockInfo, bad_mask: u32) -> f32 {
    if b.hints & bad_mask != 0 {
        // A card's own chrome (its poster's panel, its footer of
        // reactions, its share buttons) comes with every item: it weighs
        // nothing, or a list of short posts would lose to its first one.
        if b.card != NONE && b.hints & bad_mask & !CARD_CHROME == 0 {
            return 0.0;
        }
        return -(b.len as f32);
    }
    if b.junk {
        return 0.0;
    }
    b.len as f32 - weights::ITEM_LINK_PENALTY * b.link_len as f32
}

/// The element whose subtree holds the most value; the innermost element
/// named as an article body has its value raised by `body_boost` times.
fn best_subtree(
    dom: &Dom,
    page: &Page,
    body_boost: f32,
    value: impl Fn(&BlockInfo) -> f32,
) -> NodeId {
    let mut score = vec![0f32; dom.nodes.len()];
    for b in &page.blocks {
        score[b.owner as usize] += value(b);
    }
    // Only the innermost body element is raised, so nested wrappers
    // (`entry-content` around `article-body`) do not compound.
    let mut boosted = vec![false; dom.nodes.len()];
    for &id in page.order.iter().skip(1).rev() {
        let i = id as usize;
        if body_boost > 0.0
            && !boosted[i]
            && score[i] > 0.0
            && dom.element(id).is_some_and(|e| e.hints & hints::BODY != 0)
        {
            score[i] *= 1.0 + body_boost;
            boosted[i] = true;
        }
        let p = dom.node(id).parent;
        if p != NONE {
            score[p as usize] += score[i];
            boosted[p as usize] |= boosted[i];
        }
    }
    let mut best = NONE;
    let mut best_score = f32::MIN;
    for &id in &page.order {
        let s = score[id as usize];
        if s >= best_score {
            best = id;
            best_score = s;
        }
    }
    // Lift to the parent while what the parent adds is about neutral: a
    // photo and caption or a heading beside the body belong with it, and
    // the per-block decisions drop whatever boilerplate comes along.
    let root = page.order.first().copied().unwrap_or(NONE);
    while best != NONE && best != root {
        let p = dom.node(best).parent;
        if p == NONE || p == root || score[p as usize] < weights::LIFT_RATIO * score[best as usize]
        {
            break;
        }
        best = p;
    }
    best
}

/// `below[id]`: the node is in the site's masthead, a `<header>` element
/// outside every article, `main` and element named as content (those
/// open an article or a section with their own headers), and not named
/// as content itself (`<header class="article-header">`).
fn mastheads(dom: &Dom, page: &Page) -> Vec<bool> {
    // One pass from the top: whether an ancestor opens content, and
    // whether an ancestor is a masthead.
    let mut shielded = vec![false; dom.nodes.len()];
    let mut below = vec![false; dom.nodes.len()];
    for &id in &page.order {
        let p = dom.node(id).parent;
        let (p_shielded, p_below) = if p == NONE {
            (false, false)
        } else {
            let opens = dom.element(p).is_some_and(|e| {
                e.tag == Tag::Article || e.hints & (hints::CONTENT | hints::MAIN) != 0
            });
            (shielded[p as usize] || opens, below[p as usize])
        };
        shielded[id as usize] = p_shielded;
        below[id as usize] = p_below
            || (!p_shielded
                && dom
                    .element(id)
                    .is_some_and(|e| e.tag == Tag::Header && e.hints & hints::CONTENT == 0));
    }
    below
}

/// `inside[id]`: the node is the region or below it.
fn subtree_set(dom: &Dom, page: &Page, region: NodeId) -> Vec<bool> {
    if region == NONE {
        return vec![false; dom.nodes.len()];
    }
    subtrees(dom, page, |id| id == region)
}

/// `below[id]`: the node is a root (`is_root`) or below one.
fn subtrees(dom: &Dom, page: &Page, is_root: impl Fn(NodeId) -> bool) -> Vec<bool> {
    let mut below = vec![false; dom.nodes.len()];
    for &id in &page.order {
        let p = dom.node(id).parent;
        if is_root(id) || (p != NONE && below[p as usize]) {
            below[id as usize] = true;
        }
    }
    below
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printed_tags_are_markup_titles_in_brackets_are_not() {
        assert!(looks_like_tag(r#"<img height="1" width="1" src="x">"#));
        assert!(looks_like_tag("<br>"));
        assert!(looks_like_tag(" </div> "));
        assert!(looks_like_tag("<hr/>"));
        assert!(!looks_like_tag("<The Palace: Tale of Jang Noksu>"));
        assert!(!looks_like_tag("<>"));
        assert!(!looks_like_tag("a < b and c > d"));
        assert!(!looks_like_tag("<3 you>"));
    }

    /// `n` list items, each one link: a menu or a link list.
    fn links(n: usize, label: &str) -> String {
        (0..n)
            .map(|i| format!("<li><a href=\"/l/{i}\">{label} {i}</a></li>"))
            .collect()
    }

    /// A paragraph long enough to read as prose, opening with `lead`.
    fn para(lead: &str) -> String {
        format!(
            "<p>{lead} The harbour froze for the first time in forty years, and the ferries \
             stayed in port while the radio said the same thing at noon and at six.</p>"
        )
    }

    /// An article of four such paragraphs with `middle` after the second.
    fn article_around(middle: &str) -> String {
        format!(
            "<html><body><article>{}{}{middle}{}{}</article></body></html>",
            para("One."),
            para("Two."),
            para("Three."),
            para("Four.")
        )
    }

    fn text_with(options: Options, html: &str) -> String {
        crate::Extractor::new(options)
            .extract(html.as_bytes(), &crate::Hints::default())
            .text()
    }

    const STORY: &str = "<html><body><article>\
        <p>The harbour froze for the first time in forty years, and the ferries stayed in port.</p>\
        <p>Fishermen walked out on the ice to check their boats, which had not moved since Monday.</p>\
        <p>The council said the thaw would come by the weekend, but nobody on the quay believed it.</p>\
        <div class=\"newsletter-signup\"><p>Get the morning briefing in your inbox, every day, for free.</p></div>\
        <p>By Thursday the children were skating between the moorings, and the cafe sold out of soup.</p>\
        </article></body></html>";

    /// A line of nothing but buttons (by class or by role) is a row of
    /// controls; a button in a sentence leaves the sentence be.
    #[test]
    fn a_row_of_buttons_goes() {
        let page = article_around(
            "<div><span class=\"btn btn-primary\">Reserve a seat</span> \
             <button class=\"c-button\">Save for later</button></div>\
             <blockquote><div>The ice will hold until March, the harbour master said.</div>\
             <div><span role=\"button\">Click to expand...</span></div></blockquote>\
             <p>Call the harbour office or <a class=\"btn\" href=\"/f\">fill in the form</a> \
             before the first ferry leaves on Monday morning.</p>",
        );
        let text = text_with(Options::default(), &page);
        assert!(!text.contains("Reserve a seat"), "{text}");
        assert!(!text.contains("Click to expand"), "{text}");
        assert!(
            text.contains("fill in the form before the first ferry"),
            "{text}"
        );
    }

    /// A line of underscores opens a signature: it and the short lines
    /// after it in its element go; used as a rule between long paragraphs
    /// it takes nothing with it.
    #[test]
    fn an_underscore_line_opens_a_signature() {
        let sig = article_around(
            "<div><p>The ice held until March, when the first ferry cut a channel through it.</p>\
             <div>__________________<br>Two boats, one shed and never enough rope.</div></div>",
        );
        let text = text_with(Options::default(), &sig);
        assert!(text.contains("first ferry cut a channel"), "{text}");
        assert!(!text.contains("enough rope"), "{text}");
        assert!(!text.contains("____"), "{text}");
        let rule = format!(
            "<html><body><article><div>{}<br>__________<br>{}<br>{}<br>{}<br>{}<br>{}</div>\
             </article></body></html>",
            para("One."),
            para("Two."),
            para("Three."),
            para("Four."),
            para("Five."),
            para("Six.")
        )
        .replace("<p>", "")
        .replace("</p>", "");
        let text = text_with(Options::default(), &rule);
        assert!(text.contains("Six. The harbour"), "{text}");
    }

    /// A wiki heading's "[edit]" control, named as a menu after the
    /// heading's words, is not part of the heading.
    #[test]
    fn a_headings_edit_control_is_skipped() {
        let page = article_around(
            "<h2>Harbour ice<span class=\"mw-editsection\">[<a href=\"/e\">edit</a>]</span></h2>\
             <p>The ice was thickest by the north quay, where the ferries never moved.</p>",
        );
        let text = text_with(Options::default(), &page);
        assert!(text.contains("Harbour ice\n"), "{text}");
        assert!(!text.contains("edit"), "{text}");
    }

    /// A sentence that goes on past its link, or ends with a full stop
    /// after it, is the text's own, however much of it is the link; a
    /// label and its link, ending inside the link, is a "read also" line.
    #[test]
    fn a_sentence_around_its_link_stays_a_label_and_link_goes() {
        let page = article_around(
            "<p>See <a href=\"/guide\">the complete harbour ice guide</a> for details.</p>\
             <p>Read also: <a href=\"/other\">Ferries stuck in port again this winter.</a></p>\
             <p>See <a href=\"/ice\">Measuring the thickness of harbour ice</a>.</p>",
        );
        let text = text_with(Options::default(), &page);
        assert!(text.contains("for details."), "{text}");
        assert!(!text.contains("Read also"), "{text}");
        assert!(text.contains("See Measuring the thickness"), "{text}");
        // Whatever the script's full stop: Devanagari's danda, Arabic's
        // question mark.
        let page = article_around(
            "<p>और जानकारी के लिए <a href=\"/guide\">बंदरगाह की बर्फ़ पर पूरी मार्गदर्शिका</a> \
             ज़रूर देखें।</p>\
             <p>هل قرأت <a href=\"/ice\">دليل قياس سماكة الجليد في الميناء الشتوي</a> هذا الأسبوع؟</p>",
        );
        let text = text_with(Options::default(), &page);
        assert!(text.contains("ज़रूर देखें।"), "{text}");
        assert!(text.contains("هذا الأسبوع؟"), "{text}");
    }

    /// After an article's named body, short lines with no prose after
    /// them (a "follow our channel" box, a notice that comments are
    /// closed) are its trailer; a closing paragraph outside the body keeps
    /// what stands before it, and so does a list of plain items.
    #[test]
    fn short_lines_after_a_named_body_are_its_trailer() {
        let page = |after: &str| {
            format!(
                "<html><head><meta property=\"og:type\" content=\"article\"></head><body>\
                 <article><div class=\"entry-content\">{}{}{}</div>{after}</article>\
                 </body></html>",
                para("One."),
                para("Two."),
                para("Three.")
            )
        };
        let promo = "<div class=\"wa-box\"><strong>Follow our channel</strong> \
                     <span>Every story first.</span> <a class=\"btn\" href=\"/wa\">Join</a></div>\
                     <p>Comments are closed.</p>";
        let out = crate::Extractor::new(Options::default())
            .extract(page(promo).as_bytes(), &crate::Hints::default());
        let text = out.text();
        assert!(text.contains("Three. The harbour"), "{text}");
        assert!(!text.contains("Follow our channel"), "{text}");
        assert!(!text.contains("Comments are closed"), "{text}");
        let reason = |needle: &str| {
            out.blocks
                .iter()
                .find(|b| b.text.contains(needle))
                .map(|b| b.reason)
        };
        assert_eq!(reason("Follow our channel"), Some(Reason::AfterBody));
        // A closing paragraph outside the body: nothing after the body is
        // a trailer.
        let text = text_with(
            Options::default(),
            &page(&format!("{promo}{}", para("Last."))),
        );
        assert!(text.contains("Follow our channel"), "{text}");
        assert!(text.contains("Last. The harbour"), "{text}");
        // A list of plain items after the body (what was fitted) is content.
        let items = "<h3>Fitted</h3><ul><li>Two new pontoons</li><li>A wider slipway</li>\
                     <li>Lights along the quay</li></ul>";
        let text = text_with(Options::default(), &page(items));
        assert!(text.contains("Lights along the quay"), "{text}");
        // With no body name, the `<article>` element is the body: what
        // follows it in the main is the trailer.
        let page = format!(
            "<html><head><meta property=\"og:type\" content=\"article\"></head><body><main>\
             <article>{}{}{}</article><div class=\"pied\"><a href=\"/edit\">Edit this page</a></div>\
             <p>Was this page useful?</p></main></body></html>",
            para("One."),
            para("Two."),
            para("Three.")
        );
        let text = text_with(Options::default(), &page);
        assert!(text.contains("Three. The harbour"), "{text}");
        assert!(!text.contains("Edit this page"), "{text}");
        assert!(!text.contains("Was this page useful"), "{text}");
    }

    /// A documentation generator wraps each cell's text in a `<p>`: the
    /// row is still one data row, its cells joined by tabs; a cell of two
    /// paragraphs is a layout table's, walked like a `div`.
    #[test]
    fn cells_of_one_paragraph_make_a_data_row() {
        let table = "<table><tr><th><p>Option</p></th><th><p>Default</p></th></tr>\
                     <tr><td><p>retries</p></td><td><p>three attempts</p></td></tr></table>";
        let text = text_with(Options::default(), &article_around(table));
        assert!(text.contains("Option\tDefault"), "{text}");
        assert!(text.contains("retries\tthree attempts"), "{text}");
        let layout = "<table><tr><td><p>retries</p><p>three attempts</p></td>\
                      <td><p>x</p></td></tr></table>";
        let text = text_with(Options::default(), &article_around(layout));
        assert!(!text.contains("retries\t"), "{text}");
    }

    /// Customers' words in a carousel on a service page are the page's
    /// own, quotation marks or not, even in a box named for reviews; on a
    /// product page a reviews box is shoppers' and goes.
    #[test]
    fn testimonial_slides_in_a_reviews_box_off_a_product_page_stay() {
        let page = |head: &str| {
            format!(
                "<html><head>{head}</head><body><main>{}{}\
                 <section class=\"reviews\"><div class=\"testimonial-carousel\">\
                 <div class=\"slide\"><p>They cleared the gutters in an hour and left the garden \
                 tidier than they found it, at the price they quoted.</p></div>\
                 <div class=\"slide\"><p>On time, careful on the ladder, and the leak over the \
                 porch has not come back since the autumn storms.</p></div>\
                 </div></section>{}</main></body></html>",
                para("One."),
                para("Two."),
                para("Three.")
            )
        };
        let text = text_with(Options::default(), &page(""));
        assert!(text.contains("left the garden tidier"), "{text}");
        assert!(text.contains("has not come back"), "{text}");
        let product =
            r#"<script type="application/ld+json">{"@type":"Product","name":"Ladder"}</script>"#;
        let text = text_with(Options::default(), &page(product));
        assert!(!text.contains("left the garden tidier"), "{text}");
    }

    /// A member's signature after a short post is the post's sign-off,
    /// even where it holds most of the thread's prose.
    #[test]
    fn a_long_signature_after_a_short_post_goes() {
        let menu = links(4, "Forum section");
        let page = format!(
            "<html><body><nav><ul>{menu}</ul></nav><h1>Slow shop pages</h1>\
             <div class=\"topic\"><div class=\"comment\"><div class=\"post-body\">\
             <p>My shop's pages load slowly since the last update, and the admin panel \
             times out on every save. What should I check?</p></div></div>\
             <div class=\"comment\"><div class=\"post-body\"><p>Try clearing the cache \
             first, then restart the service and check the log again: the error should \
             be gone by then.</p></div>\
             <div class=\"member-signature\"><p>Design should be simple and communication \
             should be honest; I have said so on every forum since the spring of 1999.</p>\
             <p>I build plugins for small shops and write about them every other week, \
             mostly about caching, logs and the things nobody reads in a manual.</p>\
             </div></div></div></body></html>"
        );
        let text = text_with(Options::default(), &page);
        assert!(text.contains("What should I check?"), "{text}");
        assert!(text.contains("clearing the cache"), "{text}");
        assert!(!text.contains("Design should be simple"), "{text}");
    }

    /// On a landing page a slogan set as a heading over a button, with
    /// the next section's heading right after it, is the page's own line;
    /// on an article such a heading is a box's label and goes.
    #[test]
    fn a_slogan_heading_between_sections_stays_off_articles() {
        let body = |kind: &str| {
            format!(
                "<html><head><meta property=\"og:type\" content=\"{kind}\"></head><body>\
                 <main><h2>Bookkeeping for small workshops</h2>{}\
                 <h2>Built for teams that close their books every Friday</h2>\
                 <p><a href=\"/signup\">Start free</a></p>\
                 <h2>Plans and prices</h2>{}</main></body></html>",
                para("Ledgers."),
                para("Plans.")
            )
        };
        let landing = text_with(Options::default(), &body("website"));
        assert!(
            landing.contains("close their books every Friday"),
            "{landing}"
        );
        let article = text_with(Options::default(), &body("article"));
        assert!(
            !article.contains("close their books every Friday"),
            "{article}"
        );
        assert!(article.contains("Plans and prices"), "{article}");
    }

    /// The panels of a tab strip named as a menu are the page's text; the
    /// tab labels above them and a real menu stay out.
    #[test]
    fn tab_panels_in_a_menu_named_strip_are_content() {
        let menu = links(8, "Site section");
        let page = format!(
            "<html><body><nav><ul>{menu}</ul></nav><main><h1>Security services</h1>{}{}{}\
             <div class=\"filter-menu-tabs\"><ul role=\"tablist\">\
             <li role=\"tab\"><a href=\"#a\">Cloud</a></li>\
             <li role=\"tab\"><a href=\"#b\">Identity</a></li></ul>\
             <div role=\"tabpanel\" id=\"a\"><div class=\"menu-item\">{}</div></div>\
             <div role=\"tabpanel\" id=\"b\"><div class=\"menu-item\">{}</div></div>\
             </div></main></body></html>",
            para("One."),
            para("Two."),
            para("Three."),
            para("Cloud."),
            para("Identity.")
        );
        let text = text_with(Options::default(), &page);
        assert!(text.contains("Cloud. The harbour"), "{text}");
        assert!(text.contains("Identity. The harbour"), "{text}");
        assert!(!text.contains("Site section"), "{text}");
    }

    /// A tab's panel hidden until its tab is chosen holds the page's
    /// text, its short lines included; a hidden panel with only a line
    /// or two (a "Loading..." placeholder) and hidden menus stay out.
    #[test]
    fn hidden_tab_panels_with_text_are_content() {
        let page = format!(
            "<html><body><main><h1>Hosting</h1>{}{}\
             <div role=\"tablist\"><button role=\"tab\">Functions</button>\
             <button role=\"tab\">Storage</button></div>\
             <div role=\"tabpanel\"><h3>Functions for every request</h3><ul>\
             <li>Send an automated email</li><li>Fetch live data from an API</li></ul></div>\
             <div role=\"tabpanel\" hidden><h3>Storage close to your code</h3><ul>\
             <li>Keep blobs and unstructured data</li><li>Create full-stack apps quickly</li>\
             <li>Set up in minutes with the command line</li></ul></div>\
             <div role=\"tabpanel\" hidden><p>Loading prices</p></div>\
             <ul hidden><li>Account settings</li><li>Sign out</li></ul>\
             {}</main></body></html>",
            para("One."),
            para("Two."),
            para("Three.")
        );
        let text = text_with(Options::default(), &page);
        assert!(text.contains("Fetch live data"), "{text}");
        assert!(text.contains("Keep blobs and unstructured data"), "{text}");
        assert!(!text.contains("Loading prices"), "{text}");
        assert!(!text.contains("Sign out"), "{text}");
    }

    /// Items that open with a name linked to its entry further down the
    /// page, above a note, are the page's own points (a reference's hints
    /// on ordering its classes); the same items linking to other pages are
    /// teasers.
    #[test]
    fn items_headed_by_links_within_the_page_are_not_teasers() {
        let page = |prefix: &str| {
            let names = [
                "SecurityLayerStage",
                "CacheUpdateStage",
                "CompressionStage",
                "SessionLoadStage",
            ];
            let items: String = names
                .iter()
                .map(|n| format!("<li><p><a href=\"{prefix}{n}\">{n}</a></p><p>Put it before any stage that changes the response, so that it sees what the client will get.</p></li>"))
                .collect();
            let entries: String = names
                .iter()
                .map(|n| format!("<h3 id=\"{n}\">{n}</h3><p>This stage runs once for every request, and its settings are read when the server starts.</p>"))
                .collect();
            format!(
                "<html><body><main><h1>Stages</h1>\
                 <p>A request passes through every stage in the order the settings list them, and the response passes back through them in reverse.</p>\
                 <p>Each stage may change the request on its way in, the response on its way out, or stop the request and answer it itself.</p>\
                 <p>Most projects keep the default order; the hints below say where a stage of your own should go among them.</p>\
                 <ol>{items}</ol>{entries}</main></body></html>"
            )
        };
        let text = text_with(Options::default(), &page("#"));
        assert!(text.contains("Put it before any stage"), "{text}");
        let text = text_with(Options::default(), &page("/stages/"));
        assert!(!text.contains("Put it before any stage"), "{text}");
    }

    /// A glossary's linked terms, each announced by a colon after the
    /// link ("[Backlinks]: links from ..."), stay with their descriptions.
    #[test]
    fn a_linked_term_before_its_colon_stays() {
        let terms = [
            (
                "Anchor text",
                "The words of a link that a reader sees and clicks on.",
            ),
            (
                "Crawl budget",
                "How many pages a search engine fetches from one site in a given time.",
            ),
            (
                "Index",
                "The store of pages a search engine has read and can show in its results.",
            ),
        ];
        let glossary: String = terms
            .iter()
            .map(|(t, d)| {
                format!(
                    "<p><a href=\"/glossary/{}\">{t}</a>:</p><p>{d}</p>",
                    t.len()
                )
            })
            .collect();
        let page = format!(
            "<html><body><main><h1>A short glossary</h1>\
             <p>Every field has its words, and search has more than most. Here are a few of them, with what they mean when people who do this work use them.</p>\
             <p>Each term links to a longer entry with examples, for when one line is not enough to see where the word is used.</p>\
             {glossary}</main></body></html>"
        );
        let text = text_with(Options::default(), &page);
        assert!(text.contains("Crawl budget:"), "{text}");
        assert!(text.contains("Anchor text:"), "{text}");
    }

    /// A sentence whose link points further down its own page is a
    /// cross-reference in the text, however much of it the link holds; a
    /// table of contents of such links is still a list of links.
    #[test]
    fn a_sentence_linking_within_its_page_stays() {
        let page = "<html><body><main><h1>Keeping state</h1>\
             <ul><li><a href=\"#reading\">Reading the state</a></li><li><a href=\"#pitfalls\">Pitfalls of setting the state</a></li><li><a href=\"#reset\">Resetting the state</a></li></ul>\
             <h2 id=\"reading\">Reading the state</h2>\
             <p>A component reads its state once per render, and every handler made during that render sees the same value, whatever happens after it started.</p>\
             <p>Setting the state asks for another render with the new value; the screen changes once that render is done and the browser has painted it.</p>\
             <p>Calling the setter <a href=\"#pitfalls\">does not change the value in code already running</a>:</p>\
             <pre>function onClick() { setName('Robin'); console.log(name); }</pre>\
             <h2 id=\"pitfalls\">Pitfalls of setting the state</h2>\
             <p>The log above still prints the old name, because the handler was made during the render that read it, and that render is over.</p>\
             <h2 id=\"reset\">Resetting the state</h2>\
             <p>Giving a component a different key makes a new one, with its state set back to the value it started from on its first render.</p>\
             </main></body></html>";
        let text = text_with(Options::default(), page);
        assert!(text.contains("does not change the value in code"), "{text}");
        assert_eq!(text.matches("Resetting the state").count(), 1, "{text}");
    }

    /// List items whose link is the subject of their sentence ("[Creating
    /// modules] provides instructions on ...") are a guide's pointers, in
    /// its text; a row of headlines run into blurbs that start sentences of
    /// their own, after the text, is more stories.
    #[test]
    fn links_that_start_their_items_sentence_are_not_teasers() {
        let row = |blurbs: [&str; 4], inside: bool| {
            let items: String = blurbs
                .iter()
                .enumerate()
                .map(|(i, b)| {
                    format!("<li><a href=\"/t{i}\">Working with topic number {i}</a> {b}</li>")
                })
                .collect();
            let list = format!("<ul>{items}</ul>");
            let (within, after) = if inside {
                (list.as_str(), "")
            } else {
                ("", list.as_str())
            };
            format!(
                "<html><body><main><h1>Manage resources</h1>\
                 <p>As your needs change, you may want to add resources to your configuration, move them into reusable modules, or retire them altogether. Each of these has its own workflow.</p>\
                 <p>A plan shows what would change before anything does, and an apply carries the plan out, one resource after another, in the order their links to each other allow.</p>\
                 <p>The state records what was made, so that the next plan can compare the configuration with what exists and propose only the difference between the two.</p>\
                 {within}\
                 <p>Many providers also let you read data from the provider, so that the configuration can use values that were set up elsewhere.</p>\
                 <p>Data sources are read during planning, before any change is made, and their results are kept in the state like those of resources.</p>\
                 {after}</main></body></html>"
            )
        };
        let pointers = row(
            [
                "describes how to collect resources into reusable units.",
                "explains moving and renaming sources without losing state.",
                "shows how to stop managing an object but keep it running.",
                "walks through removing an object and everything that depends on it.",
            ],
            true,
        );
        let text = text_with(Options::default(), &pointers);
        assert!(
            text.contains("describes how to collect resources"),
            "{text}"
        );
        assert!(text.contains("walks through removing an object"), "{text}");
        let stories = row(
            [
                "The council met late into the night to settle the budget.",
                "Rain is expected to return to the valley by the weekend.",
                "Two clubs agreed on a transfer fee after weeks of talks.",
                "A new bridge opens to walkers and cyclists next month.",
            ],
            false,
        );
        let text = text_with(Options::default(), &stories);
        assert!(
            text.contains("Data sources are read during planning"),
            "{text}"
        );
        assert!(!text.contains("The council met late"), "{text}");
    }

    /// Replies that open with a quote's linked attribution ("Name said:")
    /// beside a long first post are the thread's posts, not teasers.
    #[test]
    fn replies_opening_with_a_quote_are_not_teasers() {
        let page = "<html><body><nav><ul><li><a href=\"/f\">Forums</a></li><li><a href=\"/n\">What's new</a></li></ul></nav>\
             <h1>Fragrance budget for the new year?</h1>\
             <div class=\"thread\">\
             <article class=\"message\"><div class=\"message-user\"><a href=\"/members/pippin.1/\">Pippin</a></div><div class=\"message-body\">\
             <p>Do any of you set a budget for new bottles each year, or do you simply buy when something catches your nose? I am trying to be a little more careful this year after a rather expensive autumn.</p>\
             <p>Last year I bought eleven bottles, which is far more than any one nose needs, and at least four of them I have barely worn since the first week.</p><p>This year I would like to try a small monthly amount instead, and to sample before buying anything full size, but I would love to hear what works for others.</p><p>I keep a list of what I have and what I want, but the list of wants keeps growing faster than I can cross things off.</p></div></article>\
             <article class=\"message\"><div class=\"message-user\"><a href=\"/members/oak.2/\">Oak</a></div><article class=\"message-body\">\
             <blockquote><div class=\"quote-title\"><a href=\"/goto/post?id=1\">Pippin Greenhollow said:</a></div><div class=\"quote-content\">Do any of you set a budget for new bottles each year?</div></blockquote>\
             <p>No budget here, I only replace favourites when they run low.</p></article></article>\
             <article class=\"message\"><div class=\"message-user\"><a href=\"/members/tea.3/\">Tea</a></div><article class=\"message-body\">\
             <blockquote><div class=\"quote-title\"><a href=\"/goto/post?id=2\">Oakley Fivebouquet said:</a></div><div class=\"quote-content\">No budget here, I only replace favourites when they run low.</div></blockquote>\
             <p>A good place to be, honestly.</p></article></article>\
             </div></body></html>\
             ";
        let text = text_with(Options::default(), page);
        assert!(text.contains("I only replace favourites"), "{text}");
        assert!(text.contains("A good place to be, honestly."), "{text}");
        assert!(!text.contains("What's new"), "{text}");
    }

    /// A thread of short posts, each with a poster panel named as a
    /// signature and a footer of reactions, is all content: the panels
    /// and footers do not make every post after the first weigh less
    /// than nothing.
    #[test]
    fn short_posts_with_poster_panels_stay_together() {
        let posts = [
            (
                "mira",
                "Interview invitations went out from the city program this morning.",
            ),
            ("tomas", "Got one too, for the second week of August!"),
            ("ines", "That's great news, congratulations to both of you."),
            ("kai", "Found a shared spreadsheet with all the dates."),
        ];
        let cards: String = posts
            .iter()
            .enumerate()
            .map(|(i, (who, text))| {
                format!(
                    "<article class=\"message\"><div class=\"message-signature\">\
                     <h4><a href=\"/m/{who}\">{who}</a></h4><p>Full Member</p>\
                     <p>Joined March 2021</p><p>Messages 1,204</p></div>\
                     <ul><li><a href=\"/p/{i}\">Jul 18, 2024</a></li></ul>\
                     <div class=\"message-body\"><p>{text}</p></div>\
                     <div class=\"message-footer\">Reactions: {who} and 2 others</div></article>"
                )
            })
            .collect();
        let page = format!(
            "<html><body><nav><ul><li><a href=\"/f\">Forums</a></li>\
             <li><a href=\"/n\">New posts</a></li></ul></nav>\
             <h1>Fellowship interview dates</h1><div class=\"thread\">{cards}</div></body></html>"
        );
        let text = text_with(Options::default(), &page);
        for (_, post) in posts {
            assert!(text.contains(post), "{post}: {text}");
        }
        assert!(!text.contains("Joined March 2021"), "{text}");
    }

    /// A listing in the main landmark and a long, vetoed-hint dialog
    /// beside it: the items are the content whichever way the landmark is
    /// written.
    #[test]
    fn the_main_landmark_bounds_the_region() {
        let items = links(12, "Winter stew number");
        let dialog: String = (0..5)
            .map(|_| {
                "<p>Performance cookies let us count visits and traffic sources so that \
                 we can measure and improve how the site works for everyone.</p>"
            })
            .collect();
        for open in ["<main>", "<div role=\"main\">"] {
            let close = if open == "<main>" {
                "</main>"
            } else {
                "</div>"
            };
            let page = format!(
                "<html><body><nav><a href=/>Home</a></nav>{open}<h1>Stews</h1>\
                 <ul>{items}</ul>{close}<div class=\"consent-center\">{dialog}</div>\
                 </body></html>"
            );
            let text = text_with(Options::default(), &page);
            assert!(text.contains("Winter stew number 11"), "{open}: {text}");
            assert!(!text.contains("Performance cookies"), "{open}: {text}");
        }
    }

    /// A site footer outside the main landmark is chrome however much
    /// prose it holds (customers' testimonials outweighing a short
    /// article); an unclosed `<aside>` around the main is not.
    #[test]
    fn a_footer_outside_the_main_stays_chrome_whatever_it_holds() {
        let story: String = ["One.", "Two.", "Three."].into_iter().map(para).collect();
        let quotes: String = (0..8)
            .map(|i| {
                format!(
                    "<div class=\"quote\"><p>The staff were kind to us on every visit, the rooms \
                     were spotless, and booking a time was easy, said customer {i}.</p>\
                     <p>Customer {i}</p></div>"
                )
            })
            .collect();
        // The tag or its ARIA role.
        for (open, close) in [
            ("<footer>", "</footer>"),
            ("<div role=contentinfo>", "</div>"),
        ] {
            let page = format!(
                "<html><body><nav><a href=/>Home</a></nav><main><article><h1>Ice</h1>{story}\
                 </article></main>{open}<h2>What people say</h2>{quotes}{close}</body></html>"
            );
            let text = text_with(Options::default(), &page);
            assert!(text.contains("Three. The harbour froze"), "{open}: {text}");
            assert!(!text.contains("said customer"), "{open}: {text}");
        }
        // The `<aside>` is never closed: the main inside it is the content.
        let page = format!(
            "<html><body><aside class=\"announcement\"><p>News: we moved.</p>\
             <main><article><h1>Ice</h1>{story}</article></main><footer>(c) Ice</footer>\
             </body></html>"
        );
        let text = text_with(Options::default(), &page);
        assert!(text.contains("One. The harbour froze"), "{text}");
        assert!(text.contains("Three. The harbour froze"), "{text}");
    }

    /// A landing page (no article type, no article body) that marks its
    /// main landmark: the whole main is its text, a section of short
    /// points beside the section of paragraphs, less what a hint marks as
    /// boilerplate.
    #[test]
    fn a_landing_page_keeps_its_whole_main() {
        let routes: String = ["One.", "Two.", "Three."].into_iter().map(para).collect();
        let page = format!(
            "<html><body><nav><a href=/>Home</a><a href=/p>Pricing</a></nav><main>\
             <section><h2>Routes</h2>{}</section>\
             <div class=perks><h2>Why sail with us</h2><ul><li>Heated cabins on every crossing</li>\
             <li>Bicycles travel free all winter</li><li>Tickets change free until noon</li></ul></div>\
             <div class=\"related-posts\"><ul>{}</ul></div></main>\
             <footer><p>(c) Ferries</p></footer></body></html>",
            routes,
            links(12, "Another ferry story")
        );
        let text = text_with(Options::default(), &page);
        assert!(text.contains("Three. The harbour"), "{text}");
        assert!(text.contains("Bicycles travel free all winter"), "{text}");
        assert!(!text.contains("Another ferry story"), "{text}");
        assert!(!text.contains("(c) Ferries"), "{text}");
    }

    /// A list of links between the article's paragraphs is its text when
    /// its items say more than their links; a list of bare headlines there,
    /// or one after a label, is a "read also" box.
    #[test]
    fn a_list_of_links_inside_the_text_is_kept_a_box_of_headlines_is_not() {
        let page = |lead: &str, items: &str| article_around(&format!("{lead}<ul>{items}</ul>"));
        let items = |item: fn(&str) -> String| -> String {
            ["Kettle", "Toaster", "Blender"]
                .into_iter()
                .map(item)
                .collect()
        };
        let own = items(|n| format!("<li><a href=\"/{n}\">The {n} Deluxe</a> (ours)</li>"));
        let heads =
            items(|n| format!("<li><a href=\"/{n}\">Why the {n} came back in fashion</a></li>"));
        let lead = para("Here is what we used.");
        let text = text_with(Options::default(), &page(&lead, &own));
        assert!(text.contains("The Toaster Deluxe (ours)"), "{text}");
        let text = text_with(Options::default(), &page(&lead, &heads));
        assert!(!text.contains("Why the Toaster"), "{text}");
        let text = text_with(Options::default(), &page("<p>See also:</p>", &own));
        assert!(!text.contains("Toaster Deluxe"), "{text}");
        // A section heading leads the list and heads it: both stay.
        let lead = "<h3>The three machines we tried this winter</h3>";
        let text = text_with(Options::default(), &page(lead, &own));
        assert!(text.contains("The three machines we tried"), "{text}");
        assert!(text.contains("The Toaster Deluxe (ours)"), "{text}");
    }

    /// On a listing, an item's heading is its name, with or without text
    /// under it.
    #[test]
    fn a_listing_keeps_its_items_headings() {
        let cards: String = (0..12)
            .map(|i| {
                format!(
                    "<div class=\"card\"><a href=\"/d/{i}\"><img src=\"/{i}.jpg\"></a>\
                     <h3>Walnut desk model {i}</h3></div>"
                )
            })
            .collect();
        let page = format!(
            "<html><body><nav><a href=/>Home</a> <a href=/shop>Shop</a></nav><main><h1>Furniture</h1>\
             <p>Made to order in our workshop.</p><div class=\"grid\">{cards}</div></main></body></html>"
        );
        let text = text_with(Options::default(), &page);
        assert!(text.contains("Walnut desk model 3"), "{text}");
        assert!(text.contains("Walnut desk model 11"), "{text}");
    }

    /// Two headings alone between texts are one title; a run of three is a
    /// list of headlines and only the last, over its text, stays.
    #[test]
    fn a_heading_over_a_subheading_is_a_two_line_title() {
        let page = article_around;
        let text = text_with(
            Options::default(),
            &page("<h2>Jenny Berglund</h2><h2>Harbour pilot</h2>"),
        );
        assert!(text.contains("Jenny Berglund"), "{text}");
        assert!(text.contains("Harbour pilot"), "{text}");
        let text = text_with(
            Options::default(),
            &page("<h2>Ice on the river</h2><h2>Snow in the hills</h2><h2>Harbour pilot</h2>"),
        );
        assert!(!text.contains("Ice on the river"), "{text}");
        assert!(!text.contains("Snow in the hills"), "{text}");
        assert!(text.contains("Harbour pilot"), "{text}");
    }

    /// What the publisher keeps out of search snippets is not the text.
    #[test]
    fn a_box_kept_out_of_snippets_is_not_content() {
        let page = format!(
            "<html><body><article>{}{}<div data-nosnippet><p>Our newsroom is funded by \
             readers like you, and every gift keeps the harbour report free to read.</p></div>\
             {}<p>By Thursday the children were skating between the moorings.</p>\
             </article></body></html>",
            para("One."),
            para("Two."),
            para("Three.")
        );
        let text = text_with(Options::default(), &page);
        assert!(text.contains("By Thursday"), "{text}");
        assert!(!text.contains("funded by readers"), "{text}");
    }

    #[test]
    fn figure_captions_go_unless_the_recall_preset_keeps_them() {
        let page = "<html><body><article>\
            <p>The harbour froze for the first time in forty years, and the ferries stayed in port.</p>\
            <figure><img src=a.jpg><figcaption>Ice at the harbour mouth on Monday morning.</figcaption></figure>\
            <p>Fishermen walked out on the ice to check their boats, which had not moved since Monday.</p>\
            <div class=\"wp-caption\"><img src=b.jpg><p class=\"wp-caption-text\">Boats frozen in at the slipway.</p></div>\
            <table><caption>Ice thickness by berth</caption><tr><td>North</td><td>12 cm</td></tr>\
            <tr><td>South</td><td>9 cm</td></tr></table>\
            <p>The council said the thaw would come by the weekend, but nobody on the quay believed it.</p>\
            </article></body></html>";
        let balanced = text_with(Options::default(), page);
        assert!(!balanced.contains("Ice at the harbour mouth"), "{balanced}");
        assert!(!balanced.contains("Boats frozen in"), "{balanced}");
        assert!(balanced.contains("Ice thickness by berth"), "{balanced}");
        assert!(balanced.contains("Fishermen walked out"), "{balanced}");
        let recall = text_with(Options::default().with_preset(Preset::Recall), page);
        assert!(recall.contains("Ice at the harbour mouth"), "{recall}");
        assert!(recall.contains("Boats frozen in"), "{recall}");
    }

    #[test]
    fn a_headline_worded_a_little_differently_from_the_title_goes() {
        let page = "<html><head><title>HS Roundup: Viera beats Rockledge</title></head>\
            <body><article><h1>High School Roundup: Viera beats Rockledge</h1>\
            <p>The harbour froze for the first time in forty years, and the ferries stayed in port.</p>\
            <p>Fishermen walked out on the ice to check their boats, which had not moved since Monday.</p>\
            <p>The council said the thaw would come by the weekend, but nobody on the quay believed it.</p>\
            </article></body></html>";
        let text = text_with(Options::default(), page);
        assert!(!text.contains("High School Roundup"), "{text}");
        assert!(text.contains("harbour froze"), "{text}");
    }

    #[test]
    fn printed_image_data_is_not_text() {
        assert!(looks_like_url("https://example.org/a/b"));
        assert!(looks_like_url(
            "http://example.org/up/2018/10/photo_0932.jpg 540 960 admin \
             http://example.org/up/logo.jpg admin2018-10-15 10:33:49 Festival opens"
        ));
        // A sentence citing addresses, and one citing an image, stay.
        assert!(!looks_like_url(
            "For example, if your console shows https://a.example.app, enter https://a.example.app/reply"
        ));
        assert!(!looks_like_url(
            "The new logo, which the council unveiled on Tuesday after a long public vote, \
             is at https://example.org/logo.png for anyone who wants it."
        ));
    }

    #[test]
    fn a_sentence_set_as_a_minor_heading_is_text() {
        let page = "<html><body><main>\
            <h2>Welcome to the gallery</h2>\
            <h4>For more than forty years, we have offered handmade gifts from local makers, \
            from jewellery and pottery to turned wood and blown glass.</h4>\
            <h2>Plan your visit</h2>\
            <p>The gallery is open every day from ten until six, and the car park behind the mill is free.</p>\
            <p>Groups of more than ten are welcome; call ahead and we will open the back room for you.</p>\
            </main></body></html>";
        let text = text_with(Options::default(), page);
        assert!(text.contains("For more than forty years"), "{text}");
        assert!(text.contains("Welcome to the gallery"), "{text}");
    }

    #[test]
    fn a_listing_split_over_sibling_grids_is_one_listing() {
        let grid = |name: &str, n: usize| -> String {
            (0..n)
                .map(|i| format!("<li><a href=\"/{name}/{i}\">{name} walking boot model {i}</a><span>£{i}9</span></li>"))
                .collect()
        };
        let page = format!(
            "<html><body><nav><a href=/>Home</a> <a href=/boots>Boots</a></nav><div class=\"shop\">\
             <h1>Walking boots</h1><div class=\"grid\"><h2>New in</h2><ul>{}</ul></div>\
             <div class=\"grid\"><h2>Last season</h2><ul>{}</ul></div>\
             <aside class=\"filters\"><ul>{}</ul></aside></div>\
             <footer><p>Invented Outdoor Ltd</p></footer></body></html>",
            grid("new", 12),
            grid("old", 5),
            grid("filter by size and colour and price", 8)
        );
        let text = text_with(Options::default(), &page);
        assert!(text.contains("new walking boot model 11"), "{text}");
        assert!(text.contains("old walking boot model 4"), "{text}");
        assert!(!text.contains("Invented Outdoor"), "{text}");
        assert!(!text.contains("filter by size"), "{text}");
    }

    #[test]
    fn printed_identifiers_do_not_draw_the_region() {
        // A product panel of short lines beside a carousel whose only long
        // text is a run of generated ids: the panel is the content, not
        // the carousel's "see all".
        let ids: String = (0..20)
            .map(|i| format!("{i:x}d48abc0-6602-4407-a05b-e5f87e8f229c"))
            .collect();
        let menu = links(12, "Cookware department");
        let page = format!(
            "<html><body><main><div class=\"panel\">\
             <h1>Hand-forged carbon steel skillet, 28 cm</h1>\
             <p>Condition: new</p><p>Ships within two days</p><p>Returns: 30 days</p>\
             <p>Seasoned with linseed oil before it leaves the forge.</p></div>\
             <nav><ul>{menu}</ul></nav><div><div>\
             <div class=\"share\">Share on Facebook Share on X Share on Pinterest \
             Share by email Share by text message</div>\
             <section><p>{ids}</p><a href=\"/all\">See all similar pans</a></section>\
             </div></div></main></body></html>"
        );
        let text = text_with(Options::default(), &page);
        assert!(text.contains("Ships within two days"), "{text}");
        assert!(!text.contains("See all"), "{text}");
    }

    /// A question, its answers in a comments container, and a box of
    /// house rules beside them; `wrapper` is the main's class.
    fn question_page(wrapper: &str, replies: usize) -> String {
        let reply = |i: usize| {
            format!(
                "<div class=\"comment\"><p class=\"who\">member{i}</p><p>Answer {i}: drill \
                 a small pilot hole first, then widen it slowly with a stepped bit, and keep \
                 the panel clamped to a board so the metal does not tear at the edge.</p></div>"
            )
        };
        let replies: String = (0..replies).map(reply).collect();
        format!(
            "<html><body><main class=\"{wrapper}\"><h1>Cutting a hole in a steel panel?</h1>\
             <div class=\"question\"><p>How do I cut a clean round hole in a thin steel panel \
             for a cable gland? My hole saw skates over the surface and scratches the paint.</p>\
             </div><div id=\"comments\">{replies}</div></main>\
             <div class=\"rules\"><p>Be civil to other members, search before you ask, and \
             post photos of your work when a question is answered so others can learn.</p>\
             <p>Threads with no reply for a year are closed; start a new one and link the old \
             one if you want to ask about the same project again.</p></div></body></html>"
        )
    }

    #[test]
    fn answers_holding_most_of_the_prose_beside_a_short_question_are_the_thread() {
        // Answers hold most of the prose but not nearly all of it (the
        // house rules beside them), and no run of paragraphs makes an
        // article body: a question and its answers.
        let text = text_with(Options::default(), &question_page("thread", 4));
        assert!(text.contains("How do I cut"), "{text}");
        assert!(text.contains("Answer 3: drill"), "{text}");
        // One answer is not most of the prose: comments under a short post.
        let text = text_with(Options::default(), &question_page("thread", 1));
        assert!(text.contains("How do I cut"), "{text}");
        assert!(!text.contains("Answer 0: drill"), "{text}");
    }

    #[test]
    fn a_body_name_around_the_comments_is_the_layout_not_an_article() {
        // `MainContent` names the page's layout: it wraps the question and
        // every answer, so the question is no article body.
        let text = text_with(Options::default(), &question_page("MainContent", 4));
        assert!(text.contains("Answer 3: drill"), "{text}");
        // Named around the question alone, the name marks an article.
        let page = question_page("thread", 4).replace(
            "<div class=\"question\">",
            "<div class=\"question article-body\">",
        );
        let text = text_with(Options::default(), &page);
        assert!(text.contains("How do I cut"), "{text}");
        assert!(!text.contains("Answer 3: drill"), "{text}");
    }

    #[test]
    fn a_byline_name_around_most_of_the_prose_is_the_layout() {
        // A list of papers whose every entry sits in `class="meta"`: the
        // authors and subjects lines are the entries, not bylines.
        let entry = |i: usize| {
            format!(
                "<dt>{i}.</dt><dd><div class=\"meta\"><p>Paper {i} on sparse ice sheets</p>\
                 <p>Authors: Ada Lund, Bo Ek</p><p>We measure how thin ice sheets crack under \
                 wind load, compare three models of the cracks, and find that the simplest one \
                 predicts the spacing best.</p></div></dd>"
            )
        };
        let entries: String = (0..4).map(entry).collect();
        let page = format!(
            "<html><body><main><h1>Recent papers</h1><dl>{entries}</dl></main></body></html>"
        );
        let text = text_with(Options::default(), &page);
        assert!(text.contains("Authors: Ada Lund"), "{text}");
        // One byline above an article's body is still a byline.
        let page = article_around("").replace(
            "<article>",
            "<article><div class=\"meta\"><p>By Ada Lund</p></div>",
        );
        let text = text_with(Options::default(), &page);
        assert!(!text.contains("By Ada Lund"), "{text}");
        assert!(text.contains("Four."), "{text}");
    }

    /// A main landmark holding `intro`, then a list of recipe headlines
    /// named as a recirculation list.
    fn category_page(intro: &str) -> String {
        let items: String = (0..24)
            .map(|i| format!("<li><a href=\"/r/{i}\">Slow-cooked bean stew number {i}</a></li>"))
            .collect();
        format!(
            "<html><body><nav><a href=/>Home</a> <a href=/recipes>Recipes</a></nav>\
             <main><h1>Dinner recipes</h1>{intro}<ul class=\"recirc-list\">{items}</ul></main>\
             <footer><p>Invented Kitchen</p></footer></body></html>"
        )
    }

    #[test]
    fn a_chrome_name_over_most_of_the_main_is_its_layout() {
        // The list named `recirc` is most of the main, beside one
        // paragraph: it is the page's listing, not a "more stories" box.
        let intro = "<p>What is for dinner tonight? Pick one of these stews, all tested \
                     in our kitchen, all ready in under an hour of work.</p>";
        let text = text_with(Options::default(), &category_page(intro));
        assert!(text.contains("bean stew number 7"), "{text}");
        // Beside an article's paragraphs, the same list is a box of links
        // to other pages.
        let body = format!("{}{}{}", para("One."), para("Two."), para("Three."));
        let text = text_with(Options::default(), &category_page(&body));
        assert!(text.contains("Three."), "{text}");
        assert!(!text.contains("bean stew number 7"), "{text}");
    }

    #[test]
    fn a_chrome_name_over_most_of_the_mains_prose_is_its_layout() {
        // Two of the main's three paragraphs sit in a `related`-named
        // wrapper, under half of the main's text (a table of short rows
        // beside them); the page's other prose, outside the main, keeps
        // the wrapper under half of the page's.
        let rows: String = (0..12)
            .map(|i| {
                format!("<tr><td>{i}</td><td>Invented University of Harbour Town {i}</td></tr>")
            })
            .collect();
        let page = format!(
            "<html><body><main><h1>Rankings</h1>{}<div class=\"related-text\">{}{}</div>\
             <table>{rows}</table></main><div class=\"about\">{}{}</div></body></html>",
            para("Main one."),
            para("Main two."),
            para("Main three."),
            para("Away one."),
            para("Away two.")
        );
        let text = text_with(Options::default(), &page);
        assert!(text.contains("Main three."), "{text}");
    }

    #[test]
    fn a_chrome_name_over_most_of_a_page_of_one_paragraph_is_its_layout() {
        // No main landmark: the `recirc` list is most of the page, beside
        // an intro of one paragraph.
        let intro = "<p>What is for dinner tonight? Pick one of these stews, all tested \
                     in our kitchen, all ready in under an hour of work.</p>";
        let page = category_page(intro).replace("main>", "div>");
        let text = text_with(Options::default(), &page);
        assert!(text.contains("bean stew number 7"), "{text}");
    }

    /// `before` paragraphs, five cards of a linked name over a line, then
    /// `after` paragraphs.
    fn cards_between(before: usize, after: usize) -> String {
        let paras = |n: usize, tag: &str| -> String {
            (0..n).map(|i| para(&format!("{tag} {i}."))).collect()
        };
        let cards: String = (0..5)
            .map(|i| {
                format!(
                    "<li><h3><a href=\"/services/{i}\">Harbour survey service {i}</a></h3>\
                     <p>Card {i}: we measure the berth and the channel, and send the chart \
                     within a week.</p></li>"
                )
            })
            .collect();
        format!(
            "<html><body><main><h1>Our services</h1>{}<ul>{cards}</ul>{}</main></body></html>",
            paras(before, "Intro"),
            paras(after, "Outro")
        )
    }

    #[test]
    fn cards_between_a_short_intro_and_outro_are_the_page_not_teasers() {
        // Two paragraphs before the cards and two after: no article on
        // either side, the page's own list of services.
        let text = text_with(Options::default(), &cards_between(2, 2));
        assert!(text.contains("Card 3: we measure"), "{text}");
        // After an article's worth of paragraphs, the same cards are
        // links to other pages; before one, too.
        for (before, after) in [(4, 0), (0, 4)] {
            let text = text_with(Options::default(), &cards_between(before, after));
            assert!(text.contains("tro 3."), "{text}");
            assert!(!text.contains("Card 3: we measure"), "{text}");
        }
    }

    #[test]
    fn a_row_of_mixed_cards_is_a_list_not_teasers() {
        // An events list: each card a date, a linked name, a place and a
        // blurb. Short names are too short to read as headlines, long
        // ones read as teasers; the row is one list all the same.
        let names = [
            "Tidecon",
            "Harbour Days",
            "Regional Lighthouse Keepers Assembly",
            "Knotfest",
            "Northern Ferry Operators Summit",
            "Coastal Charting and Survey Forum",
        ];
        let events: String = names
            .iter()
            .enumerate()
            .map(|(i, name)| {
                format!(
                    "<li><div class=\"when\">May {d}</div><h2><a href=\"/go/{i}\">{name}</a></h2>\
                     <p>Port town {i}</p><p>Event {i} brings crews, pilots and harbour staff \
                     together for two days of talks, drills and a night of music on the quay; \
                     bring boots for the tour of the breakwater.</p></li>",
                    d = i + 3
                )
            })
            .collect();
        // A uniform row of other pages' cards after the list stays out.
        let more: String = (0..4)
            .map(|i| {
                format!(
                    "<li><h3><a href=\"/stories/{i}\">What we learned at last year's meeting {i}</a></h3>\
                     <p>Story {i} looks back on a year of meetings.</p></li>"
                )
            })
            .collect();
        let page = format!(
            "<html><body><main><h1>Harbour events this spring</h1>\
             <p>Meetings and fairs for people who work on the water, in date order.</p>\
             <ul class=\"events\">{events}</ul><ul>{more}</ul></main></body></html>"
        );
        let text = text_with(Options::default(), &page);
        for i in 0..names.len() {
            assert!(text.contains(&format!("Event {i} brings crews")), "{text}");
        }
        assert!(!text.contains("Story 2 looks back"), "{text}");
    }

    #[test]
    fn markdown_markup_is_taken_out_for_comparison() {
        assert_eq!(
            unmarked("See [the guide](https://example.org/g?a=1) and *this* `code_name`."),
            "See the guide and this codename."
        );
        // A bracket that opens no link target, and a target with a space,
        // lose only their marks.
        assert_eq!(unmarked("a ](b c) d"), "a (b c) d");
        assert_eq!(unmarked("plain text"), "plain text");
        assert_eq!(unmarked("ünï [ç](x)"), "ünï ç");
    }

    #[test]
    fn a_hidden_markdown_copy_of_the_article_is_dropped() {
        let sentences = [
            "The ferry timetable changes twice a year, and the spring change is the larger one",
            "Crossings before seven in the morning are added back for the fishing season",
            "Bicycles travel free on every crossing, but they must be booked with the ticket",
            "The night boat keeps its old hours and its old berth at the south quay",
            "Season tickets bought before the change stay valid until their printed date",
            "Cars longer than five metres pay the van fare on the early and late crossings",
        ];
        let html_paras: String = sentences
            .iter()
            .map(|s| format!("<p>{s}, as the <a href=\"/notes\">harbour notes</a> explain.</p>"))
            .collect();
        let md_paras: String = sentences
            .iter()
            .map(|s| format!("{s}, as the [harbour notes](https://example.org/notes) explain.\n\n"))
            .collect();
        let page = format!(
            "<html><body><main><h1>Spring timetable</h1>{html_paras}\
             <pre class=\"raw\" hidden># Spring timetable\n\n{md_paras}</pre></main></body></html>"
        );
        let text = text_with(Options::default(), &page);
        assert!(text.contains("Bicycles travel free"), "{text}");
        assert!(!text.contains("](https://"), "{text}");
        assert_eq!(text.matches("The night boat").count(), 1, "{text}");
    }

    #[test]
    fn a_column_of_code_beside_a_reference_is_its_examples() {
        let section = |name: &str, extra: &str| {
            format!(
                "<section><div class=\"text\"><h2>The {name} object</h2>\
                 <p>A {name} records one crossing booked by a passenger: the ferry, the day \
                 and the fare paid, kept for as long as the booking can be changed.</p>\
                 <p>Each {name} is made by the booking office or by the passenger's own app, \
                 and every change to it is logged with the time and the clerk's name.</p></div>\
                 <div class=\"section-aside\"{extra}><pre><code>{{\n  \"id\": \"{name}_1\",\n  \
                 \"object\": \"{name}\",\n  \"ferry\": \"north_quay\",\n  \"fare\": 1200,\n  \
                 \"currency\": \"eur\",\n  \"changed\": false,\n  \"seats\": 2,\n  \
                 \"passenger\": \"passenger_8\",\n  \"departure\": \"2026-05-04T07:30:00Z\",\n  \
                 \"vehicle\": null,\n  \"metadata\": {{\"booked_by\": \"harbour_office\", \"desk\": \"south_terminal_window_three\", \
                 \"note\": \"wheelchair_assistance_requested\"}}\n}}\
                 </code></pre></div></section>"
            )
        };
        let page = |extra: &str| {
            format!(
                "<html><body><main><h1>Bookings API</h1>{}{}\
                 <div class=\"sidebar\"><p>Need help with the API? Our support team answers \
                 within a day, every day of the year.</p></div></main></body></html>",
                section("booking", extra),
                section("refund", extra)
            )
        };
        let text = text_with(Options::default(), &page(""));
        assert!(text.contains("\"object\": \"refund\""), "{text}");
        assert!(text.contains("kept for as long"), "{text}");
        assert!(!text.contains("support team"), "{text}");
        // Kept out of snippets on purpose by the publisher: still out.
        let text = text_with(Options::default(), &page(" data-nosnippet"));
        assert!(!text.contains("\"object\": \"refund\""), "{text}");
    }

    #[test]
    fn a_section_of_points_between_two_of_paragraphs_is_the_page() {
        let prose = |name: &str| {
            format!(
                "<div class=\"container\"><h2>{name}</h2>{}{}</div>",
                para(&format!("The {name} section.")),
                para(&format!("More of the {name} section."))
            )
        };
        let points = "<div class=\"container\"><h2>Our four pillars</h2>\
            <h3>Survey</h3><h6>Every hull is surveyed out of the water, keel to deck.</h6>\
            <h3>Repair</h3><h6>Repairs are done in the shed, whatever the weather.</h6>\
            <h3>Paint</h3><h6>Antifouling is applied in two coats before launch.</h6></div>";
        // A long menu keeps the page as a whole from being the region.
        let menu: String = (0..60)
            .map(|i| format!("<li><a href=\"/p/{i}\">Harbour page number {i}</a></li>"))
            .collect();
        let page = |sections: &str| {
            format!(
                "<html><body><nav><ul>{menu}</ul></nav>\
                 <div class=\"top\"><h1>Boat care</h1></div>{sections}</body></html>"
            )
        };
        let text = text_with(
            Options::default(),
            &page(&format!(
                "{}{}{}{}{}",
                prose("hull"),
                prose("deck"),
                points,
                points.replace("Repairs", "Rigging repairs"),
                prose("mast")
            )),
        );
        assert!(text.contains("Repairs are done in the shed"), "{text}");
        assert!(text.contains("Rigging repairs are done"), "{text}");
        // Not between two sections of the page: not taken.
        let text = text_with(
            Options::default(),
            &page(&format!(
                "{}{}{}{}",
                prose("hull"),
                prose("deck"),
                prose("mast"),
                points
            )),
        );
        assert!(text.contains("More of the mast section"), "{text}");
        assert!(!text.contains("Repairs are done in the shed"), "{text}");
    }

    #[test]
    fn a_hidden_panel_named_as_a_tab_or_an_accordion_s_is_the_page() {
        let body: String = (0..5).map(|i| para(&format!("The service {i}."))).collect();
        let page = |class: &str| {
            format!(
                "<html><body><main><h1>Audits</h1>{body}<div class=\"tabs\">\
                 <div class=\"{class}\" hidden><p>Services include:</p><ul>\
                 <li>Controls design and testing for every system</li>\
                 <li>Readiness reviews before the yearly audit</li>\
                 <li>Vendor risk programs for suppliers</li></ul></div></div></main></body></html>"
            )
        };
        for class in [
            "tab-pane fade",
            "tab__content",
            "c-tabs__panel",
            "accordion-collapse collapse",
        ] {
            let text = text_with(Options::default(), &page(class));
            assert!(text.contains("Readiness reviews"), "{class}: {text}");
        }
        // Hidden under any other name: a script's content, not shown.
        let text = text_with(Options::default(), &page("collapse-box"));
        assert!(!text.contains("Readiness reviews"), "{text}");
    }

    #[test]
    fn a_listing_s_caption_stays_and_a_photo_s_goes() {
        let body: String = (0..4).map(|i| para(&format!("The guide {i}."))).collect();
        let page = format!(
            "<html><body><article><h1>Knots in code</h1>{body}\
             <figure class=\"listing\"><pre><code>fn tie(rope: &Rope) -> Knot {{\n    \
             rope.bowline()\n}}</code></pre>\
             <figcaption>Listing 3-1: Tying a bowline in one call</figcaption></figure>\
             <figure class=\"wp-block-table\"><table><tr><th>Knot</th><th>Use</th></tr>\
             <tr><td>Bowline</td><td>A fixed loop</td></tr></table>\
             <figcaption>Table 3-2: Knots by their use</figcaption></figure>\
             <figure><img src=\"quay.jpg\" alt=\"\">\
             <figcaption>The quay at dawn, seen from the ferry</figcaption></figure>\
             {body}</article></body></html>"
        );
        let text = text_with(Options::default(), &page);
        assert!(text.contains("Listing 3-1: Tying a bowline"), "{text}");
        assert!(text.contains("Table 3-2: Knots by their use"), "{text}");
        assert!(!text.contains("The quay at dawn"), "{text}");
    }

    #[test]
    fn zero_width_spaces_go_and_joiners_of_letters_stay() {
        let page = "<html><body><article><h1>Tides</h1>\
            <p>The spring\u{200B}tide tables for the harbour are out, with the \u{FEFF}times of \
            high water for every day until the end of September.</p>\
            <p>The Persian edition spells it \u{0645}\u{06CC}\u{200C}\u{0634}\u{0648}\u{062F} and the \
            family ticket shows \u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467} on its cover.</p>\
            </article></body></html>";
        let text = text_with(Options::default(), page);
        assert!(text.contains("The springtide tables"), "{text:?}");
        assert!(text.contains("the times of high water"), "{text:?}");
        assert!(text.contains("\u{06CC}\u{200C}\u{0634}"), "{text:?}");
        assert!(text.contains("\u{1F468}\u{200D}\u{1F469}"), "{text:?}");
    }

    #[test]
    fn an_accordion_panel_labelled_by_its_button_is_the_page() {
        let body: String = (0..5).map(|i| para(&format!("The service {i}."))).collect();
        let faq = |label: &str| -> String {
            (0..3)
                .map(|i| {
                    format!(
                        "<h3><button id=\"q{i}\" aria-expanded=\"false\">Question {i}?</button></h3>\
                         <div hidden{label}><ul><li>Answer {i}: a week's notice first</li>\
                         <li>A clear path to the hull on the day</li>\
                         <li>The report follows within two days</li></ul></div>"
                    )
                })
                .collect()
        };
        let page = |label: &str| {
            format!(
                "<html><body><main><h1>Hull surveys</h1>{body}<h2>Questions</h2>{}</main></body></html>",
                faq(label)
            )
        };
        for (label, shown) in [
            (" aria-labelledby=\"q1\"", true),
            // Hidden until found by the browser's search: the same panel.
            ("=\"until-found\"", true),
            // Hidden and labelled by nothing: a script's message.
            ("", false),
            // A dialog is labelled by its title: still hidden.
            (" role=\"dialog\" aria-labelledby=\"q1\"", false),
        ] {
            let text = text_with(Options::default(), &page(label));
            assert_eq!(text.contains("Answer 2: a week"), shown, "{label}: {text}");
        }
    }

    #[test]
    fn a_list_with_items_of_its_own_keeps_those_it_shares() {
        let shared = "<li>Prices are per person, sharing a twin room, and include breakfast \
                      but not the local tourist tax.</li>\
                      <li>Changes are free up to thirty days before departure; after that \
                      the full price is due.</li>";
        let offer = |name: &str, own: &str| {
            format!(
                "<div class=\"offer\"><h2>{name}</h2><p>Four nights by the lake, with a boat \
                 trip on the second day and a guided walk to the old mill on the third.</p>\
                 <ul><li>{own}</li>{shared}</ul></div>"
            )
        };
        let offers = [
            offer(
                "Spring",
                "Valid for stays between the first of April and mid June, weekdays only.",
            ),
            offer(
                "Summer",
                "Valid for stays in July and August, with a supplement on Saturdays.",
            ),
            offer(
                "Autumn",
                "Valid for stays in October, when the ferry runs twice a day only.",
            ),
        ]
        .concat();
        let page = |extra: &str| {
            format!(
                "<html><body><main><h1>Lake breaks</h1><p>Every break below includes the \
                 room, breakfast and the activities listed, booked with one call.</p>\
                 {offers}{extra}</main></body></html>"
            )
        };
        let text = text_with(Options::default(), &page(""));
        assert_eq!(text.matches("tourist tax").count(), 3, "{text}");
        assert_eq!(text.matches("thirty days before").count(), 3, "{text}");
        // A list of nothing but repeats is a copy (a print or mobile layout).
        let copy = format!("<div class=\"print-copy\"><ul>{shared}</ul></div>");
        let text = text_with(Options::default(), &page(&copy));
        assert_eq!(text.matches("tourist tax").count(), 3, "{text}");
    }

    #[test]
    fn a_description_every_card_of_a_listing_carries_is_kept_in_each() {
        let shared =
            "Holds one to six screens on a single post, and grows with the desk it stands on";
        let card = |name: &str, price: u32| {
            format!(
                "<div class=\"card\"><h3><a href=\"/arms/{price}\">{name}</a></h3>\
                 <p>From ${price}</p><p>{shared}.</p></div>"
            )
        };
        let cards: String = [
            ("Harbour single arm", 434),
            ("Harbour dual arm", 642),
            ("Harbour triple arm", 846),
            ("Harbour wall arm", 512),
        ]
        .iter()
        .map(|&(name, price)| card(name, price))
        .collect();
        let page = |extra: &str| {
            format!(
                "<html><body><main><h1>Monitor arms</h1><div class=\"grid\">{cards}</div>\
                 {extra}</main></body></html>"
            )
        };
        let text = text_with(Options::default(), &page(""));
        assert_eq!(text.matches("Holds one to six").count(), 4, "{text}");
        assert!(text.contains("Harbour wall arm"), "{text}");
        // A card listed twice holds nothing found once, in either place:
        // its description is dropped as a copy, the other cards keep
        // theirs (the first card's is the first copy).
        let twice = card("Harbour wall arm", 512);
        let text = text_with(Options::default(), &page(&format!("<div>{twice}</div>")));
        assert_eq!(text.matches("Holds one to six").count(), 3, "{text}");
        // A slide cloned by a carousel holds nothing of its own: its
        // copies stay dropped, the first kept.
        let promo = "Free delivery on every arm this month, and two years of cover on parts";
        let slides = format!("<div class=\"slide\"><p>{promo}.</p></div>").repeat(3);
        let text = text_with(Options::default(), &page(&format!("<div>{slides}</div>")));
        assert_eq!(text.matches("Free delivery").count(), 1, "{text}");
        assert_eq!(text.matches("Holds one to six").count(), 4, "{text}");
    }

    #[test]
    fn a_list_wrapped_in_a_box_named_pagination_is_the_list() {
        let card = |name: &str, fit: &str, price: u32| {
            format!(
                "<article class=\"card\"><a href=\"/p/{price}\"><h4>{name}</h4></a>\
                 <p>{fit}</p><p>Sweat-wicking knit in storm blue or stone grey</p>\
                 <p>${price}</p></article>"
            )
        };
        let cards: String = [
            ("Ridge seamless tee", "slim fit", 36),
            ("Harbour training tank", "muscle fit", 24),
            ("Longline running top", "regular fit", 38),
            ("Crest long sleeve tee", "oversized fit", 26),
            ("Drift ribbed tank", "slim fit", 16),
            ("Tidal crew tee", "regular fit", 22),
            ("Summit half-zip top", "regular fit", 42),
            ("Current mesh vest", "slim fit", 20),
        ]
        .iter()
        .map(|&(name, fit, price)| card(name, fit, price))
        .collect();
        let page = format!(
            "<html><body><main><h1>Shirts and tops</h1>\
             <div class=\"infinite-scroll_pagination__x1\">{cards}</div>\
             <div class=\"pagination\"><a href=\"?p=1\">1</a> <a href=\"?p=2\">2</a> \
             <a href=\"?p=3\">3</a> <a href=\"?p=2\">Next page</a></div>\
             <h2>How a training shirt should fit</h2>\
             <p>A training shirt should move with you: close enough not to catch on a bar, \
             loose enough to breathe, and cut long enough to stay tucked when you reach up.</p>\
             <p>Seamless knits stretch in every direction, so they suit lifting days, while \
             mesh panels carry heat away on long runs and on warm evenings outdoors.</p>\
             </main></body></html>"
        );
        let text = text_with(Options::default(), &page);
        assert!(text.contains("Ridge seamless tee"), "{text}");
        assert!(text.contains("Tidal crew tee"), "{text}");
        // The pager itself, a line of page numbers, is still a menu.
        assert!(!text.contains("Next page"), "{text}");
    }

    #[test]
    fn steps_repeated_in_each_language_tab_are_kept_in_each() {
        let step = "Set the two keys from your account page as environment variables \
                    before you run the example, so they never sit in the source";
        let panel = |lang: &str, code: &str| {
            format!(
                "<div role=\"tabpanel\" class=\"tab-{lang}\"><p>{step}.</p>\
                 <pre><code>{code}</code></pre><p>Then run it: a text message reaches \
                 your phone within a minute, sent from the number you bought.</p></div>"
            )
        };
        let tabs = [
            panel("java", "String key = System.getenv(\"HARBOUR_KEY\");"),
            panel("python", "key = os.environ[\"HARBOUR_KEY\"]"),
            panel("ruby", "key = ENV.fetch(\"HARBOUR_KEY\")"),
        ]
        .concat();
        let page = format!(
            "<html><body><main><h1>Send your first message</h1>\
             <p>This guide sends a text message from a short program in the language you pick \
             below, and takes about five minutes from start to end.</p>{tabs}</main></body></html>"
        );
        let text = text_with(Options::default(), &page);
        assert_eq!(text.matches("Set the two keys").count(), 3, "{text}");
        assert!(text.contains("ENV.fetch"), "{text}");
        // A panel with nothing of its own is a second layout of another,
        // and a repeat inside one panel is a copy: both are dropped.
        let copy = panel("java", "String key = System.getenv(\"HARBOUR_KEY\");");
        let doubled = format!(
            "<div role=\"tabpanel\"><p>{step}.</p><p>{step}.</p>\
             <p>Each key is shown once when it is made; store it in your password manager.</p></div>"
        );
        let page = page.replace("</main>", &format!("{copy}{doubled}</main>"));
        let text = text_with(Options::default(), &page);
        assert_eq!(text.matches("Set the two keys").count(), 4, "{text}");
        assert_eq!(text.matches("Then run it").count(), 3, "{text}");
    }

    #[test]
    fn a_carousel_of_linked_headlines_and_blurbs_is_teasers() {
        // A long blurb under each linked headline makes the carousel hold
        // a good share of the page's prose; it is still other pages'.
        let body: String = (0..6).map(|i| para(&format!("The article {i}."))).collect();
        let slides: String = (0..4)
            .map(|i| {
                format!(
                    "<div class=\"slide\"><h3><a href=\"/blog/{i}\">How we rebuilt the boathouse, part {i}</a></h3>\
                     <div class=\"excerpt\">Slide {i}: the old boathouse needed a new roof, new doors and a \
                     slipway that would survive the winter storms, so we planned the work in three stages \
                     and started with the slipway before the first frost came.</div></div>"
                )
            })
            .collect();
        let page = format!(
            "<html><body><main><div class=\"post\"><h1>Caring for a wooden hull</h1>{body}</div>\
             <section class=\"blog-carousel\"><h2>Blog</h2>{slides}</section></main></body></html>"
        );
        let text = text_with(Options::default(), &page);
        assert!(text.contains("The article 5"), "{text}");
        assert!(!text.contains("Slide 2: the old boathouse"), "{text}");
        // The same slides without their headlines are the page's own
        // (testimonials, features).
        let plain = page.replace("<h3>", "<!--").replace("</h3>", "-->");
        let text = text_with(Options::default(), &plain);
        assert!(text.contains("Slide 2: the old boathouse"), "{text}");
    }

    #[test]
    fn boxes_inside_a_row_of_widgets_are_the_content_too() {
        // A page builder calls every box of the page a `widget`; one box
        // wraps its text in a `textwidget` of its own.
        let body: String = (0..5).map(|i| para(&format!("The body {i}."))).collect();
        let page = format!(
            "<html><body><main><h1>Prices</h1><div class=\"cell\">\
             <div class=\"panel widget\"><p>These are the prices for the winter season, \
             before any discount for members of the club.</p></div>\
             <div class=\"panel widget\"><div class=\"textwidget\">\
             <p>A crane lift in or out costs 120 crowns, and a night on a mooring costs \
             30 crowns, paid at the harbour office before you leave.</p></div></div>\
             <div class=\"panel widget\">{body}</div></div></main>\
             <aside class=\"widget-area\"><section class=\"widget\"><div class=\"textwidget\">\
             <p>Follow the club on the radio, channel nine, every evening.</p></div></section>\
             </aside></body></html>"
        );
        let text = text_with(Options::default(), &page);
        assert!(text.contains("The body 4."), "{text}");
        assert!(text.contains("A crane lift in or out"), "{text}");
        assert!(!text.contains("channel nine"), "{text}");
    }

    #[test]
    fn comments_under_a_list_are_not_the_content() {
        // Short items (a title, an author, a score) and a thread of longer
        // comments below them: the comments hold the page's prose.
        let items: String = (1..=40)
            .map(|i| {
                format!(
                    "<tr><td>{i}</td><td><a href=\"/book/{i}\">Invented Book Number {i}</a> \
                     by <a href=\"/author/{i}\">Some Writer {i}</a></td>\
                     <td>{i}.5 average from {i}00 readers</td></tr>"
                )
            })
            .collect();
        let comments: String = (0..3)
            .map(|i| {
                format!(
                    "<div class=\"comment\"><p class=\"who\">reader{i}</p><p>Comment {i}: I \
                     read most of these at school and I still think the third one is better than \
                     the first, whatever the votes say about it this year.</p></div>"
                )
            })
            .collect();
        let page = format!(
            "<html><body><div class=\"main\"><h1>Best invented books</h1>\
             <table class=\"list\">{items}</table>\
             <div id=\"comment_list\"><h2>Comments</h2>{comments}</div></div></body></html>"
        );
        let text = text_with(Options::default(), &page);
        assert!(text.contains("Invented Book Number 39"), "{text}");
        assert!(!text.contains("Comment 2: I read"), "{text}");
    }

    #[test]
    fn linked_terms_of_a_definition_list_are_kept() {
        let terms: String = ["Anchor.depth", "Anchor.scope", "Anchor.chain", "Anchor.holdingGround"]
            .iter()
            .map(|t| {
                format!(
                    "<dt><a href=\"/ref/{t}\"><code>{t}</code></a></dt>\
                     <dd><p>What the {t} property says about the anchor, in metres or in words.</p></dd>"
                )
            })
            .collect();
        let page = format!(
            "<html><body><main><article><h1>Anchor</h1>{}<h2>Properties</h2><dl>{terms}</dl>{}\
             </article></main></body></html>",
            para("The reference."),
            para("The end.")
        );
        let text = text_with(Options::default(), &page);
        assert!(text.lines().any(|l| l == "Anchor.holdingGround"), "{text}");
        assert!(
            text.contains("What the Anchor.scope property says"),
            "{text}"
        );
    }

    #[test]
    fn many_distinct_linked_titles_over_summaries_are_entries() {
        let entries = |title: &dyn Fn(usize) -> String| -> String {
            (0..9)
                .map(|i| {
                    format!(
                        "<p><a href=\"/log/{i}\">{}</a></p><p>Summary {i}: what the crew \
                         found when they hauled the boat out in the autumn, which planks had \
                         gone soft, and what it cost to mend them before the spring.</p>",
                        title(i)
                    )
                })
                .collect()
        };
        let page = |list: String| {
            format!(
                "<html><body><main><h1>The boatyard log</h1>{}{list}</main></body></html>",
                para("Every entry of the log.")
            )
        };
        let distinct = page(entries(&|i| format!("Hauling out the ketch, week {i}")));
        let text = text_with(Options::default(), &distinct);
        assert!(
            text.lines().any(|l| l == "Hauling out the ketch, week 7"),
            "{text}"
        );
        assert!(text.contains("Summary 7: what the crew"), "{text}");
        // The same link under every summary is a button, not a title.
        let buttons = page(entries(&|_| "Read the whole entry".to_string()));
        let text = text_with(Options::default(), &buttons);
        assert!(!text.contains("Read the whole entry"), "{text}");
        assert!(text.contains("Summary 7: what the crew"), "{text}");
    }

    #[test]
    fn set_bits_lists_each_set_bit_once() {
        assert_eq!(set_bits(0).count(), 0);
        assert_eq!(set_bits(0b1010_0001).collect::<Vec<_>>(), [0, 5, 7]);
        assert_eq!(set_bits(u32::MAX).count(), 32);
        assert_eq!(set_bits(1 << 31).collect::<Vec<_>>(), [31]);
    }

    #[test]
    fn a_thread_wrapped_in_a_form_is_the_content() {
        // Forum software wraps the posts in a form for its moderation
        // checkboxes, inside the comments container.
        let post = |who: &str, words: &str| {
            format!(
                "<article class=\"post\"><p class=\"author\">{who}</p>\
                 <div class=\"post-text\"><p>{words}</p></div></article>"
            )
        };
        let page = format!(
            "<html><body><nav><a href=/>Forums</a> <a href=/new>New posts</a></nav>\
             <main><h1>Two holes under the power supply?</h1><div id=\"comments\"><form>{}{}</form></div></main>\
             <footer><p>Invented Board Software, all rights reserved. Posts are the views of \
             their authors, not ours; report anything that breaks the rules to a moderator, \
             and read the community guidelines before you post for the first time.</p></footer>\
             <aside><p>Invented Board is run by volunteers who answer questions about cases, coolers \
             and power supplies in their spare time; be kind to them, and search before you ask.</p>\
             </aside></body></html>",
            post(
                "rabbit",
                "Does anyone know what these two holes below the power supply are for? \
                 The manual says nothing about them, but they look very deliberate."
            ),
            post(
                "mole",
                "They are drain holes: if the cooler ever leaks, the water runs out of the \
                 case instead of pooling on the floor panel under your graphics card."
            )
        );
        let text = text_with(Options::default(), &page);
        assert!(text.contains("Does anyone know"), "{text}");
        assert!(text.contains("They are drain holes"), "{text}");
        assert!(!text.contains("Invented Board"), "{text}");
        assert!(!text.contains("volunteers"), "{text}");
    }

    #[test]
    fn the_masthead_is_not_the_content() {
        // A mega-menu in the site's header outweighs a product's short
        // lines; the header is still not the page's listing.
        let menu = links(30, "Storage and memory category");
        let page = format!(
            "<html><body><header><ul>{menu}</ul></header>\
             <div class=\"wrap\"><h1>Clear adhesive wall clips, pack of 40</h1>\
             <h2>Specifications</h2><table><tr><td>Manufacturer</td><td>Invented Hooks</td></tr>\
             <tr><td>Part number</td><td>CL-40-X</td></tr></table>\
             <h2>Prices</h2><p>No prices available.</p></div></body></html>"
        );
        let text = text_with(Options::default(), &page);
        assert!(text.contains("Manufacturer"), "{text}");
        assert!(!text.contains("category 1"), "{text}");
    }

    #[test]
    fn a_landing_pages_top_level_sections_join() {
        let news = "<p>Get our newsletter: tips on getting paid faster, every second Tuesday, \
            straight to your inbox. Sign up now, leave any time.</p>";
        let page = format!(
            "<html><body><nav><a href=/>Home</a> <a href=/pricing>Pricing</a></nav>\
            <section><h1>Invoices that send themselves.</h1>\
            <p>Invented Ledger writes, sends and chases your invoices, so you can get back to \
            the work you are paid for.</p></section>\
            <section><h2>Why teams switch</h2>\
            <p>Set up takes four minutes: import your clients, pick a template, and the first \
            reminder goes out on its own the day a payment is late.</p></section>\
            <div class=\"newsletter\">{news}{news}{news}</div>\
            <section><h2>What customers say</h2>\
            <p>We stopped losing a day a month to chasing payments, and our clients say the \
            reminders are the politest they have ever had from a supplier.</p>\
            <p>It is the first tool our bookkeeper asked us to keep, and the only one the whole \
            team learned without a single training session or a manual.</p>\
            <p>Our cash flow is steadier than it has been in ten years of trading, and we did \
            not have to hire anyone to get there.</p></section>\
            <footer><p>Invented Ledger Ltd</p></footer></body></html>"
        );
        let text = text_with(Options::default(), &page);
        assert!(text.contains("Set up takes four minutes"), "{text}");
        assert!(text.contains("get back to the work"), "{text}");
        assert!(text.contains("cash flow is steadier"), "{text}");
    }

    #[test]
    fn sections_join_unless_the_page_says_it_is_an_article() {
        let para = |n: u32| {
            format!(
                "<p>Point {n}: our engineers survey the building, plan each cable run and \
                 leave the site as clean as they found it, every single time.</p>"
            )
        };
        let body: String = (1..=5).map(para).collect();
        let areas = links(40, "Electricians in town");
        let page = |head: &str| {
            format!(
                "<html><head>{head}</head><body><div><section><h1>Office wiring</h1>{body}\
                 </section><ul>{areas}</ul><section><h2>Aftercare</h2><p>After the work we test every \
                 socket twice, label each circuit in the board and send you a signed report \
                 within a week of finishing, with photographs of every room.</p>\
                 </section></div></body></html>"
            )
        };
        let text = text_with(Options::default(), &page(""));
        assert!(text.contains("signed report"), "{text}");
        let article = "<meta property=\"og:type\" content=\"article\">";
        let text = text_with(Options::default(), &page(article));
        assert!(!text.contains("signed report"), "{text}");
        assert!(text.contains("Point 5"), "{text}");
    }

    #[test]
    fn sections_beside_the_main_landmark_stay_out() {
        let menu = links(12, "Accounting software for small teams");
        let page = format!(
            "<html><body><main><h1>Invoices that send themselves.</h1>\
            <p>Invented Ledger writes, sends and chases your invoices, so you can get back to \
            the work you are paid for.</p>\
            <p>Set up takes four minutes: import your clients, pick a template, and the first \
            reminder goes out on its own the day a payment is late.</p>\
            <p>Our cash flow is steadier than it has been in ten years of trading, and we did \
            not have to hire anyone to get there, one customer wrote.</p></main>\
            <nav><ul>{menu}</ul></nav>\
            <div class=\"about\"><p>Invented Ledger is a small company of twelve people who \
            have built accounting tools together since the first version in a shared office.</p></div>\
            </body></html>"
        );
        let text = text_with(Options::default(), &page);
        assert!(text.contains("Set up takes four minutes"), "{text}");
        assert!(!text.contains("twelve people"), "{text}");
    }

    #[test]
    fn a_byline_named_wrapper_around_the_body_is_the_body() {
        // A CMS wraps the post's body in a `meta_field` span; the byline
        // hint must not drop its short paragraphs and list items, even when
        // the page holds more prose elsewhere.
        let para = |i: usize| {
            format!(
                "<p>Step {i}: wrap each plate in two sheets of packing paper, stand it on its \
                 edge in the box, and fill the gaps with crumpled paper.</p><li>Label box {i}.</li>"
            )
        };
        let body: String = (0..6).map(para).collect();
        let other: String = (0..30)
            .map(|i| {
                format!(
                    "<p>Older post {i}: how we moved a piano up four flights of stairs, and what \
                 we would do differently if we ever had to do it again.</p>"
                )
            })
            .collect();
        let page = format!(
            "<html><body><main><h1>Packing dishes</h1>\
             <span class=\"wrapper wrapper_meta_field\">{body}</span></main>\
             <div class=\"archive\">{other}</div></body></html>"
        );
        let text = text_with(Options::default(), &page);
        assert!(text.contains("Label box 3."), "{text}");
    }

    #[test]
    fn a_permalinked_section_title_heads_its_section() {
        let page = "<html><body><main><h1>Queues</h1>\
            <p>A queue holds the tasks that workers have not yet taken, in the order they \
            arrived, and survives a restart of the broker.</p>\
            <h2><a href=\"#inspecting\">Inspecting queues</a></h2>\
            <p>To see how many tasks wait in each queue, ask the broker for its queue \
            lengths; the numbers come back in the same order as the queue names.</p>\
            </main></body></html>";
        let text = text_with(Options::default(), page);
        assert!(text.contains("Inspecting queues"), "{text}");
    }

    #[test]
    fn a_products_name_stays_an_articles_headline_goes() {
        let page = |ty: &str| {
            format!(
                "<html><head><title>Carbon steel skillet, 28 cm</title>\
                 <meta property=\"og:type\" content=\"{ty}\"></head><body><main>\
                 <h1>Carbon steel skillet, 28 cm</h1>\
                 <p>Forged from one sheet of carbon steel and seasoned with linseed oil, this pan \
                 goes from the hob to the oven and lasts a lifetime with a little care.</p>\
                 <p>Wash it by hand, dry it on the hob, and wipe a drop of oil over it while it \
                 is still warm, and it will never rust.</p></main></body></html>"
            )
        };
        let product = text_with(Options::default(), &page("product"));
        assert!(product.starts_with("Carbon steel skillet"), "{product}");
        let article = text_with(Options::default(), &page("article"));
        assert!(!article.contains("28 cm"), "{article}");
    }

    #[test]
    fn declared_types() {
        assert!(is_product_type("Product"));
        assert!(is_product_type("ProductGroup"));
        assert!(is_product_type("product.item"));
        assert!(is_product_type("og:product"));
        assert!(!is_product_type("product.group"));
        assert!(!is_product_type("NewsArticle"));
        assert!(is_thread_type("QAPage"));
        assert!(!is_thread_type("NewsArticle"));
    }

    #[test]
    fn a_page_declared_a_discussion_keeps_its_replies() {
        // The question is named as a post body, which alone would make
        // the page an article with comments.
        let answer = |who: &str| {
            format!(
                "<div class=\"comment\"><p>{who}: a drain hole lets condensation out of the \
                 case; leave it open and keep the fan filter clean, and nothing will pool.</p></div>"
            )
        };
        let page = format!(
            "<html><head><script type=\"application/ld+json\">{{\"@type\":\"QAPage\"}}</script>\
             </head><body><main><h1>What are the two holes under the power supply?</h1>\
             <div class=\"post-body\"><p>The manual says nothing about the two holes under the \
             power supply, but they look very deliberate. What are they for?</p></div>\
             <div class=\"comments\">{}{}</div></main></body></html>",
            answer("rabbit"),
            answer("mole")
        );
        let text = text_with(Options::default(), &page);
        assert!(text.contains("mole: a drain hole"), "{text}");
    }

    #[test]
    fn a_call_to_action_is_a_promo_unless_it_holds_paragraphs() {
        let para = "<p>Book a free survey and one of our engineers will measure every room, \
            check the wiring and send you a written plan within three working days.</p>";
        let page = |cta: &str| {
            format!(
                "<html><body><main><h1>Heat pumps for older houses</h1>{para}{para}{para}\
                 <div class=\"cta-section\">{cta}</div></main></body></html>"
            )
        };
        let one = "<p>Ready to cut your heating bill? Call us today and ask for the \
            spring discount on every installation.</p>";
        let text = text_with(Options::default(), &page(one));
        assert!(!text.contains("spring discount"), "{text}");
        let three = format!("{one}{one}{one}").replace("<p>Ready", "<p>Now ready");
        let text = text_with(Options::default(), &page(&three));
        assert!(text.contains("Now ready to cut"), "{text}");
    }

    #[test]
    fn a_carousel_of_text_stays_a_carousel_of_links_goes() {
        let para = "<p>Every window in the house was measured twice, and the fitters \
            left each room cleaner than they found it, which we had not expected.</p>";
        let page = |slides: &str| {
            format!(
                "<html><body><main><h1>Window fitting</h1>{para}{para}\
                 <div class=\"testimonial-carousel\">{slides}</div></main></body></html>"
            )
        };
        let quotes = "<div class=\"slide\"><p>The quote was fair and the new frames \
            stopped the draught in the back bedroom at last.</p></div>";
        let text = text_with(Options::default(), &page(quotes));
        assert!(text.contains("stopped the draught"), "{text}");
        let teasers = "<div class=\"slide\"><p><a href=\"/blog/frames\">How to choose \
            frames for a listed building without upsetting the planners</a></p></div>";
        let text = text_with(Options::default(), &page(teasers));
        assert!(!text.contains("upsetting the planners"), "{text}");
    }

    #[test]
    fn quoted_testimonials_in_a_reviews_carousel_are_the_page_s_own_off_a_product() {
        let para = "<p>Our counsellors meet you by video within two days of your first \
            message, and you can change counsellor at any time without a fee.</p>";
        let page = |head: &str| {
            format!(
                "<html><head>{head}</head><body><main><h1>Online counselling</h1>\
                 {para}{para}<div class=\"reviews-section\"><div class=\"reviews-carousel\">\
                 <div class=\"card\"><p>\u{201c}After three sessions I slept through the night \
                 for the first time in a year, and I still use the breathing plan.\u{201d}</p>\
                 <footer>Priya, client since 2023</footer></div>\
                 <div class=\"card\"><p>\u{201c}Being able to write between sessions made it \
                 easy to say the things I could not say out loud at first.\u{201d}</p>\
                 <footer>Tom, client since 2024</footer></div></div></div></main></body></html>"
            )
        };
        let text = text_with(Options::default(), &page(""));
        assert!(text.contains("slept through the night"), "{text}");
        assert!(text.contains("write between sessions"), "{text}");
        // The quote's attribution is its `<footer>`, which still counts.
        assert!(!text.contains("client since"), "{text}");
        // On a product page such a box holds shoppers' reviews.
        let product = "<meta property=\"og:type\" content=\"product\">";
        let text = text_with(Options::default(), &page(product));
        assert!(!text.contains("slept through the night"), "{text}");
    }

    /// A product grid of `n` cards whose text sits in a Bootstrap-style
    /// `caption` box under the picture, with no `<main>` around it.
    fn caption_grid(n: usize) -> String {
        (0..n)
            .map(|i| {
                format!(
                    "<div class=\"thumbnail\"><a href=\"/p/{i}\"><img src=\"/{i}.jpg\">\
                     <div class=\"caption\"><div>Oak garden bench, model {i}</div>\
                     <div>Maker: Lindqvist</div><div>Item number: LQ-{i}0{i}</div>\
                     <div>Price: ${i}49.00</div></div></a></div>"
                )
            })
            .collect()
    }

    #[test]
    fn a_hidden_dialog_is_not_the_content_of_a_page_that_shows_a_grid() {
        let dialog = format!(
            "<div id=\"policy\" style=\"display: none\"><h3>Pricing policy</h3>{}{}{}{}</div>",
            para("One."),
            para("Two."),
            para("Three."),
            para("Four.")
        );
        let page = format!(
            "<html><body><div class=\"page\"><h1>Garden benches</h1>\
             <div class=\"grid\">{}</div></div><footer>{}</footer>{dialog}</body></html>",
            caption_grid(24),
            para("Since 1952.")
        );
        let text = text_with(Options::default(), &page);
        assert!(text.contains("Oak garden bench, model 7"), "{text}");
        assert!(text.contains("Price: $749.00"), "{text}");
        assert!(!text.contains("One. The harbour froze"), "{text}");
        // A page hidden as a whole (a wrapper a script reveals) is still
        // read for its article.
        let hidden_page = format!(
            "<html><body><div style=\"display:none\"><article>{}{}{}</article>\
             <ul>{}</ul></div></body></html>",
            para("One."),
            para("Two."),
            para("Three."),
            links(6, "Section")
        );
        let text = text_with(Options::default(), &hidden_page);
        assert!(text.contains("One. The harbour froze"), "{text}");
        assert!(!text.contains("Section 2"), "{text}");
    }

    #[test]
    fn a_caption_box_holding_a_cards_lines_is_the_card_on_a_listing() {
        let page = format!(
            "<html><body><nav>{}</nav><main><h1>Garden benches</h1>\
             <p>Made to order in our workshop.</p><div class=\"grid\">{}</div></main></body></html>",
            links(5, "Menu"),
            caption_grid(12)
        );
        let text = text_with(Options::default(), &page);
        assert!(text.contains("Oak garden bench, model 3"), "{text}");
        assert!(text.contains("Maker: Lindqvist"), "{text}");
        assert!(!text.contains("Menu 2"), "{text}");
    }

    #[test]
    fn a_cards_blurb_linked_again_for_sighted_readers_only_stays() {
        let cards: String = (0..8)
            .map(|i| {
                format!(
                    "<article><h2><a href=\"/s/{i}\">Ferry timetable change number {i}</a></h2>\
                     <p><a href=\"/s/{i}\" aria-hidden=\"true\" tabindex=\"-1\">The winter \
                     timetable moves the first crossing {i} minutes later, and the last one \
                     leaves at ten.</a></p></article>"
                )
            })
            .collect();
        let page = format!(
            "<html><body><nav>{}</nav><main><h1>Ferries</h1>{cards}\
             <div aria-hidden=\"true\"><p>Menu closed.</p></div></main></body></html>",
            links(5, "Menu")
        );
        let text = text_with(Options::default(), &page);
        assert!(
            text.contains("moves the first crossing 5 minutes later"),
            "{text}"
        );
        assert!(!text.contains("Menu closed"), "{text}");
    }

    #[test]
    fn a_greeting_opening_a_post_is_not_its_byline() {
        let body = |greeting: &str| {
            format!(
                "<html><body><main><h1>Stove glass turns black</h1>\
                 <div class=\"kicker\">Dear readers,</div>\
                 <article><div class=\"body\">{greeting}<br><br>We had a log burner fitted \
                 in November and the glass is black within three hours of lighting it, \
                 even with the air wash fully open.<br><br>The wood is oak, sold as \
                 seasoned for two years, and it hisses a little when it burns.</div>\
                 </article></main></body></html>"
            )
        };
        let text = text_with(Options::default(), &body("Evening all,"));
        assert!(text.contains("Evening all,"), "{text}");
        // The same line apart from the text is a kicker.
        assert!(!text.contains("Dear readers,"), "{text}");
        let text = text_with(Options::default(), &body("大家好，"));
        assert!(text.contains("大家好，"), "{text}");
        // A short line without the comma is still a lead-in.
        let text = text_with(Options::default(), &body("Evening all"));
        assert!(!text.contains("Evening all"), "{text}");
    }

    #[test]
    fn template_text_a_framework_has_not_rendered_yet_is_hidden() {
        let posts: String = (0..4)
            .map(|i| {
                format!(
                    "<article><p>Reply {i}: the ferry moved its first crossing later this \
                     winter, and the bus now waits for it at the harbour.</p>\
                     <div class=\"alert\" ng-show=\"board.errors[{i}]\" ng-cloak>\
                     <strong>{{{{ board.errors[{i}].message }}}}</strong></div></article>"
                )
            })
            .collect();
        let page = format!("<html><body><main>{posts}</main></body></html>");
        let text = text_with(Options::default(), &page);
        assert!(text.contains("Reply 3: the ferry"), "{text}");
        assert!(!text.contains("board.errors"), "{text}");
        // The whole page cloaked is still the page, even where nesting
        // past the depth limit has it flattened and hidden parts dropped.
        let deep = page
            .replace("<body>", "<body ng-cloak>")
            .replace("<main>", &"<div>".repeat(40))
            .replace("</main>", &"</div>".repeat(40));
        let text = text_with(Options::default().with_max_depth(20), &deep);
        assert!(text.contains("Reply 3: the ferry"), "{text}");
    }

    #[test]
    fn links_a_sentence_announces_are_the_texts_own_list() {
        let page = |lead: &str| {
            format!(
                "<html><body><nav>{}</nav><main><h1>Data types</h1>{}{}<p>{lead}</p>\
                 <ul>{}</ul>{}</main></body></html>",
                links(6, "Menu"),
                para("One."),
                para("Two."),
                links(5, "Sorted set"),
                para("Three.")
            )
        };
        let text = text_with(
            Options::default(),
            &page("The store implements the following data types, each with its own page:"),
        );
        assert!(text.contains("Sorted set 3"), "{text}");
        let text = text_with(
            Options::default(),
            &page("The store implements several data types, each with its own page."),
        );
        assert!(!text.contains("Sorted set 3"), "{text}");
        // A dropped caption between the list and the text that goes on
        // does not end the text; an announced list that does end it is a
        // "you might also like" box.
        let announced =
            page("The store implements the following data types, each with its own page:");
        let captioned = announced.replace(
            "</ul>",
            "</ul><figure><img src=\"t.png\"><figcaption>Data types</figcaption></figure>",
        );
        let text = text_with(Options::default(), &captioned);
        assert!(text.contains("Sorted set 3"), "{text}");
        let last = announced.replace(&para("Three."), "");
        let text = text_with(Options::default(), &last);
        assert!(!text.contains("Sorted set 3"), "{text}");
    }

    #[test]
    fn a_sections_anchor_made_of_its_headings_words_names_no_part_of_the_page() {
        let section = |id: &str, heading: &str, lead: &str| {
            format!(
                "<section id=\"{id}\"><h2>{heading}</h2>{}{}</section>",
                para(lead),
                para(lead)
            )
        };
        let page = format!(
            "<html><body><main><h1>Submitting patches</h1>{}{}{}{}</main></body></html>",
            section(
                "describe-your-changes",
                "Describe your changes",
                "Describe."
            ),
            section(
                "respond-to-review-comments",
                "Respond to review comments",
                "Respond."
            ),
            section(
                "separate-your-changes",
                "Separate your changes",
                "Separate."
            ),
            section("reader-comments-list", "3 comments", "Reader."),
        );
        // A numbered heading's anchor leaves its number out.
        let page = page.replace(
            "</main>",
            &format!(
                "{}</main>",
                section(
                    "the-return-statement",
                    "5.2. The return statement",
                    "Return."
                )
            ),
        );
        let text = text_with(Options::default(), &page);
        assert!(text.contains("Respond. The harbour"), "{text}");
        assert!(text.contains("Separate. The harbour"), "{text}");
        assert!(text.contains("Return. The harbour"), "{text}");
        // An id that is not its heading's words still names the part.
        assert!(!text.contains("Reader. The harbour"), "{text}");
    }

    #[test]
    fn a_posts_poster_panel_is_not_the_post() {
        let posts: String = ["One.", "Two.", "Three.", "Four."]
            .iter()
            .enumerate()
            .map(|(i, lead)| {
                format!(
                    "<div class=\"post\"><dl class=\"postprofile\"><dt>harbour_user_{i}</dt>\
                     <dd>Deckhand</dd><dd class=\"profile-posts\">Posts: {i}41</dd>\
                     <dd class=\"profile-joined\">Joined: Mar 2019</dd></dl>\
                     <div class=\"content\">{}</div></div>",
                    para(lead)
                )
            })
            .collect();
        let page = format!("<html><body><main><h1>Frozen harbour</h1>{posts}</main></body></html>");
        let text = text_with(Options::default(), &page);
        assert!(text.contains("Three. The harbour froze"), "{text}");
        assert!(!text.contains("Posts: 241"), "{text}");
        assert!(!text.contains("Joined: Mar 2019"), "{text}");
    }

    #[test]
    fn a_hidden_specifications_tab_stays_a_hidden_label_goes() {
        let html = "<html><body><main><h1>Folding stool</h1>\
            <p>A light stool of ash and canvas that folds flat for the car boot, \
            made to last a lifetime of picnics and football matches.</p>\
            <p>The canvas seat comes off for washing, and the legs are oiled by hand \
            in our workshop before the stool is packed.</p>\
            <div style=\"display:none\"><p>Added to your basket</p></div>\
            <div class=\"tab-panel\" style=\"display:none\"><table>\
            <tr><td>Weight</td><td>1.2 kg</td></tr>\
            <tr><td>Seat height</td><td>45 cm</td></tr></table></div>\
            </main></body></html>";
        let text = text_with(Options::default(), html);
        assert!(text.contains("Seat height\t45 cm"), "{text}");
        assert!(!text.contains("Added to your basket"), "{text}");
    }

    #[test]
    fn each_table_keeps_its_header_row() {
        let table = |rows: &str| {
            format!(
                "<table><tr><th>Name of the configuration option</th><th>Default value when the option is unset</th></tr>{rows}</table>"
            )
        };
        let html = format!(
            "<html><body><main><h1>Settings</h1>\
             <p>The reader takes its settings from a file in your home folder, \
             read once when it starts.</p><h2>Display</h2>{}<h2>Network</h2>{}\
             </main></body></html>",
            table("<tr><td>font_size</td><td>14</td></tr>"),
            table("<tr><td>timeout</td><td>30 s</td></tr>"),
        );
        let text = text_with(Options::default(), &html);
        assert_eq!(
            text.matches(
                "Name of the configuration option\tDefault value when the option is unset"
            )
            .count(),
            2,
            "{text}"
        );
        assert!(text.contains("timeout\t30 s"), "{text}");
    }

    #[test]
    fn a_consent_dialog_is_never_the_content() {
        let policy = "<p>We and our partners store and access information on your device, \
            such as cookies, and process personal data to measure audiences, develop and \
            improve products, and show you personalised advertising.</p>";
        let html = format!(
            "<html><body><div class=\"thread\">\
             <div class=\"msg\">anyone tried the new firmware yet</div>\
             <div class=\"msg\">yes works fine on mine</div>\
             <div class=\"msg\">battery seems better too</div></div>\
             <div id=\"onetrust-pc-sdk\"><div>{}</div></div></body></html>",
            policy.repeat(6)
        );
        let text = text_with(Options::default(), &html);
        assert!(!text.contains("personalised advertising"), "{text}");
        assert!(text.contains("battery seems better"), "{text}");
    }

    #[test]
    fn a_short_box_around_an_email_field_is_a_sign_up_prompt() {
        let para = |n: u32| {
            format!(
                "<p>Row {n} of the orchard was planted in 1911 by a retired sea captain \
                 who wanted apples that would keep through a winter voyage.</p>"
            )
        };
        let (p1, p2, p3) = (para(1), para(2), para(3));
        let html = format!(
            "<html><body><article><h1>Old orchards</h1>{p1}{p2}\
             <div class=\"box-7\"><h3>Letters from the orchard</h3>\
             <p>One short letter a month about trees, no more.</p>\
             <div><input type=\"email\" placeholder=\"you@example.org\">\
             <button>Send me letters</button></div></div>\
             {p3}</article></body></html>"
        );
        let text = text_with(Options::default(), &html);
        assert!(!text.contains("One short letter a month"), "{text}");
        assert!(!text.contains("Letters from the orchard"), "{text}");
        assert!(text.contains("retired sea captain"), "{text}");
        // Without the field the same box is the article's own aside.
        let text = text_with(
            Options::default(),
            &html.replace("type=\"email\"", "type=\"text\""),
        );
        assert!(text.contains("One short letter a month"), "{text}");
    }

    #[test]
    fn a_declared_products_reviews_are_never_its_content() {
        let review = |n: u32| {
            format!(
                "<div class=\"review\"><p>Review {n}: the kettle boils fast and the lid \
                 opens with one thumb, though the handle gets warm after a few minutes of \
                 use, so mind your fingers.</p></div>"
            )
        };
        let reviews: String = (1..=4).map(review).collect();
        let page = |head: &str| {
            format!(
                "<html><head>{head}</head><body><main><h1>Stove kettle</h1>\
                 <p>A stovetop kettle in brushed steel that holds two litres and whistles \
                 when the water boils, made to last for decades of daily use.</p>\
                 <p>The base is thick enough for induction, gas and electric hobs alike, \
                 and the spout has a flap that lifts itself as you pour.</p>\
                 <p>Every kettle is pressed, welded and polished in our own workshop, \
                 and comes with a ten-year guarantee against rust and leaks.</p>\
                 <section class=\"reviews\">{reviews}</section></main></body></html>"
            )
        };
        let product = r#"<script type="application/ld+json">{"@type":"Product","name":"Stove kettle"}</script>"#;
        let text = text_with(Options::default(), &page(product));
        assert!(!text.contains("Review 3"), "{text}");
        assert!(text.contains("whistles"), "{text}");
        // Undeclared, the reviews that hold most of the prose are believed
        // to be the page's own (a review site's article is named so too).
        let text = text_with(Options::default(), &page(""));
        assert!(text.contains("Review 3"), "{text}");
    }

    #[test]
    fn every_signal_family_is_on_by_default() {
        let o = Options::default();
        assert!(Signal::ALL.iter().all(|&s| o.uses(s)));
        for s in Signal::ALL {
            assert_eq!(Signal::parse(s.name()), Some(s));
            let off = Options::default().without(s);
            assert!(!off.uses(s));
            assert_eq!(Signal::ALL.iter().filter(|&&t| !off.uses(t)).count(), 1);
        }
    }

    #[test]
    fn switching_markup_hints_off_keeps_a_named_banner() {
        let with = text_with(Options::default(), STORY);
        assert!(with.contains("harbour froze") && with.contains("skating"));
        assert!(!with.contains("morning briefing"));
        let without = text_with(Options::default().without(Signal::MarkupHints), STORY);
        assert!(without.contains("morning briefing"));
        // Other families off leave this page as it was.
        assert_eq!(
            text_with(Options::default().without(Signal::Teasers), STORY),
            with
        );
    }

    #[test]
    fn runs_of_identifiers_are_not_text() {
        assert!(looks_like_ids(
            "A6b4f817e-1bc7-4f5f-a4f7-68184bc11dc0S42bf1e13-8a44-4c69-bf2b-71f76bb4cce8"
        ));
        assert!(looks_like_ids(
            "3f2a9c0e 77b1d4e2 9a0c3b5d 1e2f4a6b 8c9d0e1f"
        ));
        assert!(!looks_like_ids("deadbeef-cafe"));
        assert!(!looks_like_ids(
            "Faced with a decade of debate, the board decided."
        ));
        assert!(!looks_like_ids(
            "2024-01-05 to 2024-02-06, 2024-03-07 to 2024-04-08"
        ));
    }

    #[test]
    fn printed_json_is_data() {
        assert!(looks_like_json(
            r#"{"layoutMobile":2,"layoutDesktop":4,"buttonText":"Buy now"}"#
        ));
        assert!(looks_like_json(r#"[{"id":1,"name":"a","tags":[]}]"#));
        // Braces around words, and a quoted line with a colon, are text.
        assert!(!looks_like_json("{Editor's note: this story was updated.}"));
        assert!(!looks_like_json(r#"He said "no": that was all."#));
    }

    #[test]
    fn machine_dates_are_metadata() {
        assert!(looks_like_timestamp("2019-11-19T08:57:40+01:00"));
        assert!(looks_like_timestamp(" 2024-01-05 "));
        assert!(looks_like_timestamp("2024-01-05T10:00:00.000Z"));
        assert!(!looks_like_timestamp("2024-01-05: the day the river froze"));
        assert!(!looks_like_timestamp("1999-2004"));
        assert!(!looks_like_timestamp("Ворота 2024-01-05"));
        assert!(looks_like_dateline(
            "PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05"
        ));
        assert!(looks_like_dateline("15.03.2024, 9:30 Uhr"));
        assert!(!looks_like_dateline(
            "The 2019 final started at 19:45 and ended in a draw after extra time, which nobody had seen coming in the stands."
        ));
        assert!(!looks_like_dateline("Kick-off at 19:45"));
        assert!(!looks_like_dateline("Ratio 12:345 in 2019"));
    }

    /// A script-rendered shell has no text of its own: its description is
    /// metadata, never passed off as page text (a corpus would gain a
    /// site's SEO line per shell). A page of plain text too short for any
    /// rule to call content still gives it.
    #[test]
    fn a_shell_gives_no_text_and_keeps_its_description() {
        let shell = "<html><head><title>Board</title><meta name=description \
            content=\"Talk about telescopes with other stargazers.\"></head>\
            <body><div id=app></div><script>start()</script></body></html>";
        let out = crate::extract(shell.as_bytes());
        assert_eq!(out.text(), "");
        assert_eq!(
            out.metadata.description.as_deref(),
            Some("Talk about telescopes with other stargazers.")
        );
        let note = "<html><body><div>Back soon.</div></body></html>";
        assert_eq!(text_with(Options::default(), note), "Back soon.");
    }

    /// A short `<noscript>` is a notice about scripts, wherever it stands,
    /// even as a page's only text; a long one is what the page shows
    /// without them, its own text.
    #[test]
    fn a_noscript_notice_goes_and_noscript_content_stays() {
        let notice = "Scripts are turned off, so replies and search will not work here.";
        let page = article_around(&format!("<noscript><p>{notice}</p></noscript>"));
        let text = text_with(Options::default(), &page);
        assert!(text.contains("Three.") && !text.contains(notice), "{text}");
        let inside = format!(
            "<html><body><noscript>{}{}{}{}</noscript></body></html>",
            para("One."),
            para("Two."),
            para("Three."),
            para("Four.")
        );
        let text = text_with(Options::default(), &inside);
        assert!(text.contains("One.") && text.contains("Three."), "{text}");
        // A shell whose only text is the notice gives none.
        let shell = "<html><body><noscript>Turn on scripts to use this app.</noscript>\
            <div id=root></div></body></html>";
        assert_eq!(text_with(Options::default(), shell), "");
    }

    /// A page of nothing but a menu and a footer has no content: no block
    /// of it is passed off as the page's text.
    #[test]
    fn a_page_of_chrome_only_gives_no_text() {
        let page = format!(
            "<html><body><nav><ul>{}</ul></nav><footer><p>Registered office: 4 Quay \
             Street. All rights reserved. Terms apply to every order.</p></footer>\
             </body></html>",
            links(6, "Section")
        );
        assert_eq!(text_with(Options::default(), &page), "");
    }

    /// A zero-width joiner or a soft hyphen alone shows nothing: no block,
    /// kept or dropped, is made of it.
    #[test]
    fn invisible_marks_alone_are_no_block() {
        let page = article_around("<p>\u{200d}</p><div>\u{ad} \u{200b}</div>");
        let out = crate::extract(page.as_bytes());
        assert_eq!(out.blocks.len(), 4, "{:?}", out.blocks);
        // Inside words and beside text they stay as they are.
        let page = article_around("<p>Gro\u{ad}\u{df}e F\u{fc}\u{df}e \u{200d}</p>");
        assert!(
            crate::extract(page.as_bytes())
                .text()
                .contains("Gro\u{ad}\u{df}e F\u{fc}\u{df}e")
        );
    }

    /// A page whose only plain text is its masthead (a skip link, a
    /// language switch, a sign-in line) gives no text: the masthead is
    /// never the page's content, not even as a last guess.
    #[test]
    fn a_masthead_is_never_the_fallback() {
        let page = "<html><body><header><a href=\"#main\">Skip to content</a>\
            <div>Language</div><div>Sign in or create an account</div></header>\
            <div id=\"app\"></div></body></html>";
        assert_eq!(text_with(Options::default(), page), "");
    }

    /// On a page that declares itself a discussion, a reply whose card
    /// opens with its linked permalink date and holds a short post is a
    /// post, not a teaser for another page.
    #[test]
    fn a_declared_thread_of_short_posts_is_its_posts_not_the_topics_beside_them() {
        let posts = [
            (
                "kelp_diver",
                "Anyone else seeing the new tide app crash on launch?",
            ),
            ("harbourmaster", "Mine too since the update last night."),
            ("gullwatch", "Reinstalling fixed it for me."),
            ("kelp_diver", "Thanks, that worked."),
            ("mooring_line", "Same crash here on an older phone."),
            ("gullwatch", "Try clearing the cache first."),
            ("harbourmaster", "Cache did it, no reinstall needed."),
            ("sea_glass", "Good to know, mine is fine so far."),
        ]
        .iter()
        .enumerate()
        .map(|(i, (user, text))| {
            format!(
                "<div class=\"msg\"><p><a href=\"/u/{user}\">{user}</a> 2 days ago #{}</p>\
                 <p>{text}</p></div>",
                i + 1
            )
        })
        .collect::<String>();
        let topics = [
            "Best charts for the north channel crossing this summer",
            "Winter storage ideas for a small dinghy",
            "Which tide app do you trust for the estuary",
            "Repainting an old clinker hull without stripping",
            "Anchoring in the bay when the wind turns west",
        ]
        .iter()
        .enumerate()
        .map(|(i, t)| {
            format!(
                "<li><a href=\"/t/{i}\">{t}</a> <span>Boats</span></li>\
                 <li>{} posts, 3/{} 9:31PM</li>",
                10 + i,
                i + 1
            )
        })
        .collect::<String>();
        let page = |kind: &str| {
            format!(
                "<html><head><script type=\"application/ld+json\">\
                 {{\"@type\":\"{kind}\",\"headline\":\"Tide app crash\"}}</script></head>\
                 <body><div class=\"board\"><h1>Tide app crash</h1>\
                 <div class=\"thread\">{posts}</div><div class=\"pod\">\
                 <h2>More Topics from this Board</h2><ol>{topics}</ol></div></div></body></html>"
            )
        };
        let text = text_with(Options::default(), &page("DiscussionForumPosting"));
        assert!(text.contains("Cache did it"), "{text}");
        assert!(!text.contains("Winter storage ideas"), "{text}");
        // Not declared a thread, such a page is a listing of both.
        let text = text_with(Options::default(), &page("WebPage"));
        assert!(text.contains("Winter storage ideas"), "{text}");
    }

    #[test]
    fn a_declared_thread_has_posts_not_teasers() {
        let post = |i: usize, text: &str| {
            format!(
                "<article class=\"post\"><p><a href=\"/t/1/p{i}\">Posted March {i}, 2024</a></p>\
                 <p>{text}</p></article>"
            )
        };
        let question = format!(
            "<article class=\"post\">{}{}{}</article>",
            para("My harbour's tide table is off by an hour since the clocks changed."),
            para("I read it with the station file I have used for years."),
            para("Nothing else changed on the machine since the spring.")
        );
        let page = format!(
            "<html><head><script type=\"application/ld+json\">\
             {{\"@type\":\"DiscussionForumPosting\",\"headline\":\"Tide tables\"}}</script>\
             </head><body><nav><ul>{}</ul></nav><h1>Tide tables</h1><div class=\"topic\">{}{}{}{}\
             </div></body></html>",
            links(6, "Forum section"),
            question,
            post(2, "Check the station's time zone first."),
            post(
                3,
                "Same here, and the fix was to set the zone in the station file."
            ),
            post(4, "Thanks, that was it: the table lines up again.")
        );
        let text = text_with(Options::default(), &page);
        assert!(
            text.contains("Check the station's time zone first."),
            "{text}"
        );
        assert!(text.contains("that was it"), "{text}");
    }
}
