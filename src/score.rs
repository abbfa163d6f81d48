//! Blocks to decisions: find the main content region, then keep or drop
//! each block in context, with a [`Reason`] for every decision.
//!
//! Thresholds and weights live in [`weights`], each with why it has its value.

use crate::blocks::{BlockInfo, Page};
use crate::dom::{Dom, NONE, NodeId, hints};
use crate::{BlockKind, Options, Preset, Reason};

/// The tuning constants, in one place.
mod weights {
    /// Link text counts against a container this many times its length:
    /// a menu of 100 link letters outweighs 150 letters of prose.
    pub const LINK_PENALTY: f32 = 1.5;
    /// A block at least this long with few links reads as prose.
    pub const PROSE_LEN: u32 = 80;
    /// Bonus for a prose block: containers are chosen by paragraphs, not
    /// by many short fragments.
    pub const PROSE_BONUS: f32 = 40.0;
    /// A hint bit carried by more than this share of the page's text
    /// describes the page layout, not boilerplate (`<div class="has-sidebar">`
    /// around everything), and is ignored.
    pub const PAGE_WIDE_HINT: f32 = 0.6;
    /// Link density above which a block is a link (list) rather than text.
    pub const LINK_DENSE: f32 = 0.5;
    /// Blocks shorter than this with no sentence punctuation are fragments
    /// (labels, dates, button text) unless surrounded by content.
    pub const FRAGMENT_LEN: u32 = 25;
    /// Bylines and meta lines are short; a long block with a byline hint is
    /// more likely prose in an oddly named container.
    pub const BYLINE_MAX_LEN: u32 = 200;
}

/// Maps boilerplate hint bits to the reason they give.
fn hint_reason(bits: u32) -> Option<Reason> {
    const ORDER: &[(u32, Reason)] = &[
        (hints::COMMENT, Reason::Comments),
        (hints::MODAL, Reason::Banner),
        (hints::BANNER, Reason::Banner),
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
fn block_value(b: &BlockInfo, bad_mask: u32) -> f32 {
    if b.hints & bad_mask != 0 {
        return -(b.len as f32);
    }
    let plain = (b.len - b.link_len) as f32;
    let mut v = plain - weights::LINK_PENALTY * b.link_len as f32;
    if b.len >= weights::PROSE_LEN && b.link_density() < 0.25 && b.punct > 0 {
        v += weights::PROSE_BONUS;
    }
    v
}

/// Decides every block of the page.
pub(crate) fn decide(dom: &Dom, page: &mut Page, options: &Options, title: Option<&str>) {
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
    let bad_mask = boilerplate_mask(page);
    let region = main_region(dom, page, bad_mask);
    let inside = subtree_set(dom, page, region);
    // Hints from above the region say where the region sits, not what its
    // blocks are.
    let outer = if region == NONE {
        0
    } else {
        page.blocks
            .iter()
            .find(|b| inside[b.owner as usize])
            .map_or(0, |_| region_outer_hints(dom, page, region))
    };
    let preset = options.preset;
    for b in page.blocks.iter_mut() {
        if !inside[b.owner as usize] {
            b.kept = false;
            b.reason = hint_reason(b.hints & bad_mask).unwrap_or(Reason::OutsideMain);
            continue;
        }
        let local = b.hints & !outer & bad_mask;
        if let Some(r) = hint_reason(local) {
            b.kept = false;
            b.reason = r;
            continue;
        }
        if b.hints & !outer & hints::BYLINE != 0 && b.len < weights::BYLINE_MAX_LEN {
            b.kept = false;
            b.reason = Reason::Byline;
            continue;
        }
        let ld = b.link_density();
        if ld > weights::LINK_DENSE && !matches!(b.kind, BlockKind::Code) {
            b.kept = false;
            b.reason = if b.len < 200 && b.links <= 2 {
                Reason::ReadAlso
            } else {
                Reason::LinkDense
            };
            continue;
        }
        b.kept = true;
        b.reason = Reason::Content;
    }
    smooth(page, preset);
    drop_title(page, title);
}

/// Short fragments and headings are judged by their neighbours.
fn smooth(page: &mut Page, preset: Preset) {
    let n = page.blocks.len();
    let min_len = match preset {
        Preset::Precision => weights::FRAGMENT_LEN * 2,
        Preset::Balanced => weights::FRAGMENT_LEN,
        Preset::Recall => weights::FRAGMENT_LEN / 2,
    };
    for i in 0..n {
        let b = &page.blocks[i];
        if !b.kept || b.reason != Reason::Content {
            continue;
        }
        let fragment = b.len < min_len
            && b.punct == 0
            && !matches!(
                b.kind,
                BlockKind::Heading(_)
                    | BlockKind::Code
                    | BlockKind::TableRow { .. }
                    | BlockKind::ListItem { .. }
            );
        if !fragment {
            continue;
        }
        let prev_kept = page.blocks[..i]
            .iter()
            .rev()
            .find(|b| b.len > 0)
            .is_some_and(|b| b.kept);
        let next_kept = page.blocks[i + 1..]
            .iter()
            .find(|b| b.len > 0)
            .is_some_and(|b| b.kept);
        let b = &mut page.blocks[i];
        if prev_kept && next_kept {
            b.reason = Reason::Context;
        } else {
            b.kept = false;
            b.reason = Reason::TooShort;
        }
    }
    // A heading is kept only when kept text follows it before the next
    // heading of the same or a higher rank.
    for i in 0..n {
        let BlockKind::Heading(level) = page.blocks[i].kind else {
            continue;
        };
        if !page.blocks[i].kept {
            continue;
        }
        let mut has_content = false;
        for b in &page.blocks[i + 1..] {
            if let BlockKind::Heading(l) = b.kind {
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
        let b = &mut page.blocks[i];
        if has_content {
            b.reason = Reason::HeadingOfContent;
        } else {
            b.kept = false;
            b.reason = Reason::TooShort;
        }
    }
}

/// The page title is metadata, not body text: drop a kept heading that
/// repeats it before any kept paragraph.
fn drop_title(page: &mut Page, title: Option<&str>) {
    let Some(title) = title else { return };
    let norm = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let t = norm(title);
    if t.is_empty() {
        return;
    }
    for b in page.blocks.iter_mut() {
        if !b.kept {
            continue;
        }
        if matches!(b.kind, BlockKind::Heading(_)) {
            let h = norm(&b.text);
            if !h.is_empty() && (t.contains(&h) || h.contains(&t)) {
                b.kept = false;
                b.reason = Reason::Title;
            }
        }
        break;
    }
}

/// Boilerplate bits, less those that cover most of the page's text.
fn boilerplate_mask(page: &Page) -> u32 {
    let total: u64 = page.blocks.iter().map(|b| b.len as u64).sum();
    let mut mask = hints::BOILERPLATE;
    if total == 0 {
        return mask;
    }
    for bit in 0..16 {
        let bit = 1u32 << bit;
        if bit & hints::BOILERPLATE == 0 {
            continue;
        }
        let covered: u64 = page
            .blocks
            .iter()
            .filter(|b| b.hints & bit != 0)
            .map(|b| b.len as u64)
            .sum();
        if covered as f32 > weights::PAGE_WIDE_HINT * total as f32 {
            mask &= !bit;
        }
    }
    mask
}

/// The element whose subtree holds the most content value.
fn main_region(dom: &Dom, page: &Page, bad_mask: u32) -> NodeId {
    let mut score = vec![0f32; dom.nodes.len()];
    for b in &page.blocks {
        score[b.owner as usize] += block_value(b, bad_mask);
    }
    for &id in page.order.iter().skip(1).rev() {
        let p = dom.node(id).parent;
        if p != NONE {
            score[p as usize] += score[id as usize];
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
    best
}

/// `inside[id]`: the node is the region or below it.
fn subtree_set(dom: &Dom, page: &Page, region: NodeId) -> Vec<bool> {
    let mut inside = vec![false; dom.nodes.len()];
    if region == NONE {
        return inside;
    }
    for &id in &page.order {
        let p = dom.node(id).parent;
        if id == region || (p != NONE && inside[p as usize]) {
            inside[id as usize] = true;
        }
    }
    inside
}

/// Hint bits on the region's root and its ancestors.
fn region_outer_hints(dom: &Dom, _page: &Page, region: NodeId) -> u32 {
    let mut bits = 0;
    let mut cur = region;
    let mut steps = 0;
    while cur != NONE && steps < 100_000 {
        if let Some(e) = dom.element(cur) {
            bits |= e.hints;
        }
        cur = dom.node(cur).parent;
        steps += 1;
    }
    bits
}
