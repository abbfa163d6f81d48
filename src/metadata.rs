//! Page metadata: title, authors, dates, site name, description, canonical
//! URL, image and tags, from JSON-LD, OpenGraph and other meta tags,
//! microdata and the markup, in that order of trust.

use std::collections::HashMap;

use serde_json::Value;

use crate::dom::{Attr, DOCUMENT, Dom, NONE, NodeData, NodeId, Tag, hints};
use crate::score::weights::TITLE_WORDS_SHARE;
use crate::score::{is_product_type, word_overlap};
use crate::{Hints, Metadata};

/// Longest value we keep for a short field; longer ones are not titles.
const MAX_FIELD: usize = 1000;

fn clean(s: &str) -> Option<String> {
    // Twice: some sites escape twice (`&amp;#8230;`).
    let s = unescape(&unescape(s)).into_owned();
    let s: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty() && s.len() <= MAX_FIELD).then_some(s)
}

/// Decodes HTML character references left in a value: JSON-LD strings are
/// not HTML-decoded, and many sites escape their headlines twice
/// (`&#8216;`, `&amp;`). Anything that is not a complete reference stays.
fn unescape(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('&') {
        return s.into();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        // The longest named reference is 33 bytes with its `&` and `;`.
        let end = rest.as_bytes().iter().take(34).position(|&b| b == b';');
        let decoded = end.and_then(|end| {
            let name = &rest[1..=end];
            let c = if let Some(num) = name.strip_prefix('#') {
                let num = &num[..num.len() - 1];
                let n = match num.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok(),
                    None => num.parse().ok(),
                }?;
                vec![char::from_u32(n).filter(|&c| c != '\0')?]
            } else {
                let &(a, b) = html5ever::data::NAMED_ENTITIES.get(name)?;
                [a, b]
                    .into_iter()
                    .filter(|&c| c != 0)
                    .filter_map(char::from_u32)
                    .collect()
            };
            (!c.is_empty()).then_some((c, end + 1))
        });
        match decoded {
            Some((chars, len)) => {
                out.extend(chars);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out.into()
}

fn set(slot: &mut Option<String>, value: &str) {
    if slot.is_none() {
        *slot = clean(value);
    }
}

fn push_unique(list: &mut Vec<String>, value: &str) {
    if let Some(v) = clean(value)
        && !list.iter().any(|x| x.eq_ignore_ascii_case(&v))
    {
        list.push(v);
    }
}

/// Adds an author's name unless it cannot be one (see [`as_name`]).
fn push_name(list: &mut Vec<String>, value: &str) {
    if let Some(n) = as_name(value) {
        push_unique(list, n);
    }
}

/// A text as a person's (or a team's) name: without the marks set before
/// it (`~ Rachel`, `"David Kim"`, `— Ana`), and only when it has letters
/// (a profile's number, "262588213843476", has none) and does not open
/// with a separator, which is what a template leaves when its name part
/// is empty (", USA TODAY").
fn as_name(t: &str) -> Option<&str> {
    let t = t.trim();
    if t.starts_with([',', ';', ':', '|', '/', '&']) {
        return None;
    }
    let t = t
        .trim_start_matches(|c: char| !(c.is_alphabetic() || c.is_ascii_digit() || c == '@'))
        .trim_end_matches(['"', '\u{201d}', '\u{2019}', '\'']);
    t.chars().any(char::is_alphabetic).then_some(t)
}

/// Whether a line of three words or more is mostly words that start in
/// lower case: a sentence ("By submitting, I agree to the terms"), not a
/// name, whose words are capitalized but for a particle or two ("Ludwig
/// van der Rohe"). Words of scripts without case count as neither.
fn is_sentence(t: &str) -> bool {
    let initials = t.split_whitespace().filter_map(|w| w.chars().next());
    let (mut lower, mut upper, mut words) = (0, 0, 0);
    for c in initials {
        words += 1;
        lower += usize::from(is_lower(c));
        upper += usize::from(is_upper(c));
    }
    words >= 3 && lower > upper
}

/// Whether a letter is a capital: it changes in lower case. (Read from
/// the case mapping the crate already carries, not from Unicode's case
/// property tables, which would weigh on the WebAssembly build.)
fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_uppercase()
    } else {
        c.to_lowercase().next() != Some(c)
    }
}

/// Whether a letter is a small letter of a script with case: Latin,
/// Greek, Cyrillic and Armenian (the scripts below U+0530) have it;
/// Hebrew, Arabic, Indic and CJK letters are of neither case.
fn is_lower(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_lowercase()
    } else {
        c < '\u{0530}' && c.is_alphabetic() && !is_upper(c)
    }
}

/// A byline's text without its "by" label: "By Jane Doe" and "Posted by
/// Jane Doe" give "Jane Doe".
fn unlabeled(t: &str) -> &str {
    let lower = t.to_lowercase();
    if lower.starts_with("by ") {
        t[3..].trim()
    } else if let Some(at) = lower.find(" by ")
        && lower.len() == t.len()
    {
        // "Posted by Jane Doe", "Articles by Jane": the name after the label.
        t[at + 4..].trim()
    } else {
        t
    }
}

/// Whether a byline's text is a sentence with no name to open it: the
/// element is prose ("By submitting, I agree to the <a>terms</a>"), and
/// its links are no names either.
fn is_prose_line(t: &str) -> bool {
    let t = unlabeled(t.trim());
    is_sentence(t) && leading_name(t).is_none()
}

/// The capitalized words a line opens with, when there are two or more
/// ("Niko Matsakis" of "Niko Matsakis on behalf of"); one is a sentence's
/// first word ("This review is ...").
fn leading_name(t: &str) -> Option<&str> {
    let mut end = 0;
    let mut words = 0;
    for w in t.split_whitespace() {
        if !w.chars().next().is_some_and(is_upper) {
            break;
        }
        // The word's end, as a byte offset into `t` (both borrow `t`).
        end = w.as_ptr() as usize - t.as_ptr() as usize + w.len();
        words += 1;
    }
    (words >= 2).then(|| t[..end].trim_end_matches([',', ';', ':']))
}

/// Whether a printed line opens with a count ("5 min read", "12
/// replies"): a post's details set where its byline's name would be.
fn is_count_line(t: &str) -> bool {
    let mut words = t.split_whitespace();
    words.next().is_some_and(|w| {
        w.starts_with(|c: char| c.is_ascii_digit())
            && w.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '.' | ','))
    }) && words.next().is_some()
}

/// Gathers the page's metadata.
pub(crate) fn extract(dom: &Dom, hints: &Hints) -> Metadata {
    let mut m = Metadata::default();
    let lds: Vec<Value> = dom.json_ld.iter().filter_map(|ld| parse_ld(ld)).collect();
    // Authors are often `{"@id": ...}` references to a `Person` elsewhere
    // in the page's JSON-LD (another script, the `@graph`).
    let mut names = LdNames {
        roots: &lds,
        map: None,
        alt_title: None,
    };
    for v in &lds {
        json_ld(v, &mut m, &mut names);
    }
    let mut title_tag = None;
    let mut og_title = None;
    let mut og_type = None;
    let mut h1 = None;
    let mut byline = None;
    let mut byline_tries = 0;
    // A date printed in the byline or a `<time>` without `datetime`: only
    // used when no markup gives one.
    let mut shown_date = None;
    let mut date_tries = 0;
    // A date in a dateline further down (the article's end, a meta box
    // after a long lead): after the headline's.
    let mut late_date = None;
    // A short line under the headline that is a date ("Dec 12, 2025",
    // "Last updated: 3 March 2024"): the last resort.
    let mut headline_date = None;
    // A date line set above the headline in its hero ("Dec 17, 2025"
    // over the title): after the one below it.
    let mut hero_date = None;
    // Visible elements with text read after the first `<h1>`, for both,
    // and all visible elements read (icons, wrappers).
    let mut after_h1: Option<usize> = None;
    let mut visited_after_h1 = 0;
    let mut headline_byline = None;
    let mut label_seen = false;
    for id in dom.preorder(DOCUMENT) {
        let Some(e) = dom.element(id) else { continue };
        match e.tag {
            Tag::Meta => {
                let key = e
                    .attr(Attr::Property)
                    .or_else(|| e.attr(Attr::Name))
                    .or_else(|| e.attr(Attr::Itemprop))
                    .unwrap_or("")
                    .to_ascii_lowercase();
                let Some(v) = e.attr(Attr::Content) else {
                    continue;
                };
                match key.as_str() {
                    "og:title" | "twitter:title" => set(&mut og_title, v),
                    "og:type" => set(&mut og_type, v),
                    "og:site_name" | "application-name" => set(&mut m.site_name, v),
                    // A description cut short ("...") gives way to a longer
                    // one: it is also the text of a page whose body is empty.
                    "og:description" | "description" | "twitter:description" => {
                        let cut = m
                            .description
                            .as_deref()
                            .filter(|d| d.ends_with('…') || d.ends_with("..."))
                            .map(str::len);
                        match cut {
                            Some(len) => {
                                if let Some(full) = clean(v).filter(|f| f.len() > len) {
                                    m.description = Some(full);
                                }
                            }
                            None => set(&mut m.description, v),
                        }
                    }
                    "og:image" | "twitter:image" | "og:image:url" => set(&mut m.image, v),
                    "citation_publication_date"
                    | "datepublished"
                    | "date"
                    | "pubdate"
                    | "publishdate"
                    | "dc.date"
                    | "dc.date.issued"
                    | "dcterms.created"
                    | "sailthru.date"
                    | "parsely-pub-date"
                    | "article.published"
                    | "published" => set_meta_date(&mut m.published, v),
                    // A common name's ending after a site's own prefix
                    // (`w-published-date`, `og:article:published_time`).
                    k if PUBLISHED_SUFFIXES.iter().any(|s| k.ends_with(s)) => {
                        set_meta_date(&mut m.published, v);
                    }
                    "article:modified_time"
                    | "og:modified_time"
                    | "og:updated_time"
                    | "datemodified"
                    | "dcterms.modified"
                    | "last-modified" => set_meta_date(&mut m.modified, v),
                    "author" | "article:author" | "dc.creator" | "sailthru.author"
                    | "parsely-author" | "byl"
                        if !v.starts_with("http") =>
                    {
                        push_name(&mut m.authors, v.trim_start_matches("By ").trim());
                    }
                    "article:tag" | "keywords" | "news_keywords" | "article:section" => {
                        for t in v.split(',') {
                            push_unique(&mut m.tags, t);
                        }
                    }
                    _ => {}
                }
            }
            Tag::Link => {
                let canonical = e.attr(Attr::Rel).is_some_and(|r| {
                    r.split_whitespace()
                        .any(|x| x.eq_ignore_ascii_case("canonical"))
                });
                if canonical && let Some(h) = e.attr(Attr::Href) {
                    set(&mut m.canonical_url, h);
                }
            }
            Tag::Title if title_tag.is_none() => title_tag = clean(&dom.text_content(id)),
            Tag::H1 if h1.is_none() => h1 = clean(&dom.text_content(id)),
            Tag::A
                if byline.is_none()
                    && e.attr(Attr::Rel).is_some_and(|r| {
                        r.split_whitespace()
                            .any(|x| x.eq_ignore_ascii_case("author"))
                    })
                    && !in_discussion(dom, id) =>
            {
                byline = byline_name(dom, id);
            }
            Tag::Time if m.published.is_none() => {
                if let Some(d) = e.attr(Attr::Datetime) {
                    set(&mut m.published, d);
                } else if shown_date.is_none() {
                    shown_date = short_text(dom, id).as_deref().and_then(shown_date_in);
                }
            }
            _ => {}
        }
        // The short lines under the headline, read once for a date
        // ("Dec 12, 2025") and a byline printed without markup that says
        // so ("By Jane Doe", or a label such as "Written by" and the name
        // in the next element).
        let near = after_h1.is_some_and(|n| n < MAX_HEADLINE_FOLLOWERS)
            && visited_after_h1 < MAX_HEADLINE_ELEMENTS;
        let date_wanted = near && headline_date.is_none();
        let byline_wanted = near && headline_byline.is_none();
        if (date_wanted || byline_wanted)
            && e.hints & hints::HIDDEN == 0
            && let Some(n) = after_h1.as_mut()
        {
            visited_after_h1 += 1;
            let line = dom.short_line(id, MAX_BYLINE_LINE_BYTES, MAX_LINE_NODES);
            // Share buttons and icons are not lines: only text counts.
            if line.as_deref().is_none_or(|t| !t.trim().is_empty()) {
                *n += 1;
            }
            if date_wanted {
                headline_date = line
                    .as_deref()
                    .filter(|t| t.len() <= MAX_DATE_LINE_BYTES)
                    .and_then(shown_date_in);
            }
            // A form control's text ("Sort: By Review") names no one.
            if byline_wanted && !matches!(e.tag, Tag::Select | Tag::Option | Tag::Button) {
                match line.as_deref().map(str::trim) {
                    // Longer than a name: not what a label leads to.
                    None => label_seen = false,
                    Some(t) if is_byline_label(t) => label_seen = true,
                    Some("") => {}
                    Some(t) => {
                        let by = t.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("by "));
                        if by || label_seen {
                            headline_byline = byline_name(dom, id);
                        }
                        label_seen = false;
                    }
                }
            }
        }
        if e.tag == Tag::H1 && after_h1.is_none() {
            after_h1 = Some(0);
            hero_date = date_above(dom, id);
        }
        // Only the first few candidates are read: each read walks a subtree.
        if byline.is_none()
            && byline_tries < MAX_BYLINE_TRIES
            && e.hints & hints::AUTHOR != 0
            && e.hints & hints::HIDDEN == 0
            && !in_discussion(dom, id)
        {
            byline_tries += 1;
            byline = byline_name(dom, id);
        }
        if shown_date.is_none()
            && late_date.is_none()
            && date_tries < MAX_DATE_TRIES
            && e.hints & hints::BYLINE != 0
            && e.hints & hints::HIDDEN == 0
        {
            date_tries += 1;
            // A box too long to be a dateline may open with one ("Posted on
            // April 13, 2023" over the post's tags).
            let d = short_text(dom, id)
                .as_deref()
                .and_then(shown_date_in)
                .or_else(|| first_text(dom, id).and_then(shown_date_in));
            if date_tries <= MAX_BYLINE_TRIES {
                shown_date = d;
            } else {
                late_date = d;
            }
        }
        if let Some(prop) = e.attr(Attr::Itemprop)
            && e.tag != Tag::Meta
        {
            match prop {
                // A microdata `Person` is a card (name, rank, post count):
                // its `name`, else its first text that is not a label.
                "author" | "creator" if m.authors.is_empty() && !in_discussion(dom, id) => {
                    if let Some(n) = itemprop_name(dom, id).or_else(|| byline_name(dom, id)) {
                        push_name(&mut m.authors, &n);
                    }
                }
                "datePublished" => {
                    if let Some(d) = e.attr(Attr::Datetime) {
                        set(&mut m.published, d);
                    }
                }
                _ => {}
            }
        }
    }
    // JSON-LD headline, then OpenGraph, then <title>, then the first <h1>;
    // the JSON-LD object's name when it is most of the page's title and
    // the headline shares little with it (a description, not a title).
    let shown = og_title.as_deref().or(title_tag.as_deref());
    if let (Some(t), Some(alt), Some(shown)) = (&m.title, names.alt_title, shown)
        && word_overlap(t, shown) < TITLE_WORDS_SHARE
        && word_overlap(shown, alt) >= TITLE_WORDS_SHARE
    {
        m.title = clean(alt);
    }
    if m.title.is_none() {
        m.title = og_title.or(title_tag).or(h1);
    }
    if m.page_type.is_none() {
        m.page_type = og_type;
    }
    // A product's "By Acme" names its maker, not an author.
    let product = m.page_type.as_deref().is_some_and(is_product_type);
    // A visible byline when no markup names the author, or when the
    // markup's only author is the site itself (a publisher's default).
    let site_only = match (&m.authors[..], &m.site_name) {
        ([a], Some(site)) => a.eq_ignore_ascii_case(site),
        _ => false,
    };
    if (m.authors.is_empty() || site_only)
        && let Some(b) = byline.or(headline_byline.filter(|_| !product))
    {
        m.authors = vec![b];
    }
    if m.canonical_url.is_none()
        && let Some(u) = hints.url()
    {
        set(&mut m.canonical_url, u);
    }
    // A meta date may be written for people ("July 17, 2025").
    for d in [&mut m.published, &mut m.modified] {
        if let Some(v) = d.take() {
            *d = iso_date(&v);
        }
    }
    if m.published.is_none() && m.modified.is_none() {
        m.published = shown_date.or(headline_date).or(hero_date).or(late_date);
    }
    m
}

/// Sets a date from a meta tag, which may be written for people ("July
/// 17, 2025") as well as in ISO 8601. (A JSON-LD date or a `<time>`'s
/// that is not ISO is left to the date printed on the page.)
fn set_meta_date(slot: &mut Option<String>, v: &str) {
    if let Some(d) = iso_date(v).or_else(|| shown_date_in(v)) {
        set(slot, &d);
    }
}

/// Endings of meta names that give the publication date, alone
/// (`published_time`) or under a prefix (`article:published_time`).
const PUBLISHED_SUFFIXES: [&str; 5] = [
    "published_time",
    "published-date",
    "publish-date",
    "publish_date",
    "date-published",
];

/// The longest byline text searched for a printed date.
const MAX_DATELINE_BYTES: usize = 300;

/// A date line under (or over) the headline is this short at most: the
/// date and a label, not a sentence that mentions a date.
const MAX_DATE_LINE_BYTES: usize = 48;

/// How many elements after the first `<h1>` are read for a date line.
const MAX_HEADLINE_FOLLOWERS: usize = 24;

/// A date line among the elements just before the headline, inside the
/// small box around it (its hero: the headline, a kicker, a date), up to
/// [`HERO_LEVELS`] boxes out. A line before the headline in the page's
/// body is a banner's or a menu's, not the story's, and is not read.
fn date_above(dom: &Dom, h1: NodeId) -> Option<String> {
    let mut child = h1;
    for _ in 0..HERO_LEVELS {
        let parent = dom.node(child).parent;
        let small = parent != DOCUMENT
            && parent != NONE
            && !matches!(dom.tag(parent), Some(Tag::Body | Tag::Html | Tag::Main))
            && dom
                .short_line(parent, MAX_HERO_BYTES, MAX_HERO_NODES)
                .is_some();
        if !small {
            return None;
        }
        // Elements only: the white space between them is no line.
        let mut s = dom.node(child).prev;
        let mut lines = 0;
        while s != NONE && lines < MAX_HERO_LINES {
            if let Some(e) = dom.element(s) {
                lines += 1;
                if e.hints & hints::HIDDEN == 0 {
                    let line = dom.short_line(s, MAX_DATE_LINE_BYTES, MAX_LINE_NODES);
                    if let Some(d) = line.as_deref().and_then(shown_date_in) {
                        return Some(d);
                    }
                }
            }
            s = dom.node(s).prev;
        }
        child = parent;
    }
    None
}

/// How many boxes out from the headline its hero is looked for.
const HERO_LEVELS: usize = 2;

/// A headline's hero holds this much text at most...
const MAX_HERO_BYTES: usize = 1024;

/// ...in this many nodes at most.
const MAX_HERO_NODES: usize = 512;

/// How many elements before the headline, per box, are read for a date.
const MAX_HERO_LINES: usize = 8;

/// How many elements after the first `<h1>` are read at most, with text
/// or without (a share bar's icons), so that the read stays short.
const MAX_HEADLINE_ELEMENTS: usize = 256;

/// Nodes read of one element for its line: more is a section, not a line.
const MAX_LINE_NODES: usize = 64;

/// The first text of a subtree that is not white space, trimmed, when it
/// is a dateline's length; looked for among its first nodes only.
fn first_text(dom: &Dom, id: NodeId) -> Option<&str> {
    dom.preorder(id)
        .take(MAX_LINE_NODES)
        .find_map(|n| match dom.node(n).data {
            NodeData::Text { start, end } => {
                Some(dom.text_of(start, end).trim()).filter(|t| !t.is_empty())
            }
            _ => None,
        })
        .filter(|t| t.len() <= MAX_DATE_LINE_BYTES)
}

/// An element's text for a printed date, unless it is longer than a
/// byline (a byline class on a wrapper around the whole post): not read
/// past that. Measured on the raw text, indentation included: measured
/// as shown, the wrappers around a post's whole header came in, whose
/// first date is not always the post's (one page gained a date, one lost
/// its right one).
fn short_text(dom: &Dom, id: NodeId) -> Option<String> {
    dom.short_line_raw(id, MAX_DATELINE_BYTES, MAX_DATELINE_BYTES, usize::MAX)
}

/// Month names, lower-cased, with their numbers: English (with its
/// three-letter abbreviations), German, French, Spanish, Portuguese,
/// Italian, Dutch, Indonesian, and Russian and Ukrainian (in the
/// genitive). Numeric and CJK dates need none.
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    ("januar", 1),
    ("februar", 2),
    ("märz", 3),
    ("mai", 5),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("dezember", 12),
    ("janvier", 1),
    ("février", 2),
    ("mars", 3),
    ("avril", 4),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    ("janeiro", 1),
    ("fevereiro", 2),
    ("março", 3),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("setembro", 9),
    ("outubro", 10),
    ("novembro", 11),
    ("dezembro", 12),
    ("gennaio", 1),
    ("febbraio", 2),
    ("aprile", 4),
    ("maggio", 5),
    ("giugno", 6),
    ("luglio", 7),
    ("settembre", 9),
    ("ottobre", 10),
    ("dicembre", 12),
    ("januari", 1),
    ("februari", 2),
    ("maart", 3),
    ("mei", 5),
    ("augustus", 8),
    ("maret", 3),
    ("agustus", 8),
    ("desember", 12),
    // Russian and Ukrainian, in the genitive a date uses ("15 декабря").
    ("января", 1),
    ("февраля", 2),
    ("марта", 3),
    ("апреля", 4),
    ("мая", 5),
    ("июня", 6),
    ("июля", 7),
    ("августа", 8),
    ("сентября", 9),
    ("октября", 10),
    ("ноября", 11),
    ("декабря", 12),
    ("січня", 1),
    ("лютого", 2),
    ("березня", 3),
    ("квітня", 4),
    ("травня", 5),
    ("червня", 6),
    ("липня", 7),
    ("серпня", 8),
    ("вересня", 9),
    ("жовтня", 10),
    ("листопада", 11),
    ("грудня", 12),
];

/// Words that sit between a date's parts ("1 de enero de 2025", "the 3rd
/// of May").
const DATE_FILLERS: &[&str] = &["de", "del", "of", "the"];

/// The first date printed in a byline's text, as `YYYY-MM-DD`: numeric
/// (`2025-12-15`, `15.12.2025`, `12/15/2025`, `2025年12月15日`) or with a
/// month name on either side of the day (`Dec. 15, 2025`, `15 décembre
/// 2025`).
fn shown_date_in(text: &str) -> Option<String> {
    // Every form has a year in ASCII digits; most lines read have none.
    if text.len() > MAX_DATELINE_BYTES || !text.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let ymd = |y: u32, mo: u32, d: u32| {
        ((1900..=2099).contains(&y) && (1..=12).contains(&mo) && (1..=31).contains(&d))
            .then(|| format!("{y:04}-{mo:02}-{d:02}"))
    };
    // Runs of digits with the character after each.
    let mut nums: Vec<(u32, usize, Option<char>)> = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !c.is_ascii_digit() {
            continue;
        }
        let mut end = i + 1;
        while let Some(&(j, d)) = chars.peek() {
            if !d.is_ascii_digit() {
                break;
            }
            end = j + 1;
            chars.next();
        }
        let next = chars.peek().map(|&(_, d)| d);
        if end - i <= 4 {
            nums.push((text[i..end].parse().ok()?, end - i, next));
        }
    }
    for w in nums.windows(3) {
        let [(a, la, sa), (b, _, sb), (c, lc, _)] = [w[0], w[1], w[2]];
        let found = match (sa, sb) {
            (Some(x), Some(y)) if x == y && la == 4 && matches!(x, '-' | '/' | '.') => ymd(a, b, c),
            (Some('.'), Some('.')) if lc == 4 => ymd(c, b, a),
            // Slashes: day first when the first number cannot be a month.
            (Some('/'), Some('/')) if lc == 4 => ymd(c, a, b).or_else(|| ymd(c, b, a)),
            (Some('年'), Some('月')) if la == 4 => ymd(a, b, c),
            _ => None,
        };
        if found.is_some() {
            return found;
        }
    }
    // Month names: the words around a four-digit year.
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| !DATE_FILLERS.contains(&w.as_str()))
        .collect();
    let month = |w: &str| MONTHS.iter().find(|(n, _)| *n == w).map(|&(_, m)| m);
    let day = |w: &str| {
        let digits = w.trim_end_matches(|c: char| c.is_alphabetic());
        let suffix = &w[digits.len()..];
        (digits.len() <= 2 && matches!(suffix, "" | "st" | "nd" | "rd" | "th" | "er"))
            .then(|| digits.parse::<u32>().ok())
            .flatten()
    };
    for (i, w) in words.iter().enumerate().skip(2) {
        let Some(y) = (w.len() == 4).then(|| w.parse::<u32>().ok()).flatten() else {
            continue;
        };
        let (p, q) = (&words[i - 2], &words[i - 1]);
        let found = match (month(p), day(q), day(p), month(q)) {
            (Some(mo), Some(d), _, _) => ymd(y, mo, d),
            (_, _, Some(d), Some(mo)) => ymd(y, mo, d),
            _ => None,
        };
        if found.is_some() {
            return found;
        }
    }
    None
}

/// A person's name from a byline's text: "By Jane Doe" and "Posted by
/// Jane Doe" → "Jane Doe";
/// nothing when the text is too long or short to be a name.
fn author_name(text: &str) -> Option<String> {
    let t = without_titles(&without_addresses(unlabeled(&clean(text)?)));
    // A date ("August 28, 2025") sits where the name would, alone or
    // beside it ("Dec. 19, 2025 · Jane Doe"): the part without it.
    if shown_date_in(&t).is_some() {
        return t
            .split(['·', '|', '•', '—', '–'])
            .filter(|part| shown_date_in(part).is_none())
            .find_map(author_name);
    }
    let t = as_name(&t)?;
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    // A sentence that opens with a name keeps the name ("Niko Matsakis
    // on behalf of the team").
    let t = if is_sentence(t) { leading_name(t)? } else { t };
    (letters >= 3
        && t.chars().count() <= MAX_AUTHOR_CHARS
        && !is_count_line(t)
        && !is_day_of_month(t))
    .then(|| t.to_string())
}

/// A byline's text without the e-mail addresses printed beside the name
/// ("Jane Doe jane@example.com", "(jane@example.com)"): an address is
/// not a name, and alone it leaves nothing.
fn without_addresses(t: &str) -> String {
    let is_address = |w: &str| {
        let w = w.trim_matches(|c: char| !(c.is_alphanumeric() || c == '@'));
        w.find('@')
            .is_some_and(|at| at > 0 && w[at + 1..].contains('.'))
    };
    t.split_whitespace()
        .filter(|w| !is_address(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A byline's name without the reporter's title that follows it in
/// Korean, Japanese and Chinese bylines ("윤서진 기자", "山田太郎 記者").
fn without_titles(t: &str) -> String {
    match t.rsplit_once(' ') {
        Some((name, title)) if REPORTER_TITLES.contains(&title) => name.to_string(),
        _ => t.to_string(),
    }
}

/// Titles written after a reporter's name ("reporter", "correspondent").
const REPORTER_TITLES: &[&str] = &["기자", "특파원", "記者", "记者", "特派員", "特派员"];

/// Whether a line ends in a day and a month without a year ("Mar 6",
/// "11 Jul"): a post's date where its author's name would be. Read as a
/// date once a year is put after it.
fn is_day_of_month(t: &str) -> bool {
    shown_date_in(&format!("{t} 2000")).is_some()
}

/// A byline line under the headline is this short at most.
const MAX_BYLINE_LINE_BYTES: usize = 64;

/// Whether a line is a byline's label alone ("By", "Written by",
/// "Autor:"), with the name to follow.
fn is_byline_label(t: &str) -> bool {
    let t = t.trim_end_matches(':').trim();
    !t.is_empty()
        && t.split_whitespace().count() <= 2
        && t.split_whitespace()
            .all(|w| BYLINE_LABELS.iter().any(|l| w.eq_ignore_ascii_case(l)))
}

/// Nodes of a byline element read for the name.
const MAX_BYLINE_NODES: usize = 64;

/// Words that label a byline or its date ("Updated") rather than name
/// someone.
const BYLINE_LABELS: &[&str] = &[
    "by",
    "written",
    "posted",
    "author",
    "authors",
    "von",
    "par",
    "por",
    "oleh",
    "di",
    "door",
    "autor",
    "auteur",
    "autore",
    "penulis",
    "via",
    "updated",
    "published",
    "and",
    "&",
];

/// The name in a byline element: its first text that is not a label
/// ("By", "Written by", "Autor:") or punctuation, read before the rest of
/// an author card (a title, a bio, a date) that text content would glue to
/// it.
fn byline_name(dom: &Dom, id: NodeId) -> Option<String> {
    for n in dom.preorder(id).take(MAX_BYLINE_NODES) {
        let NodeData::Text { start, end } = dom.node(n).data else {
            continue;
        };
        // Text for screen readers only (a post icon's "Post") is not
        // the name printed beside it.
        if hidden_within(dom, n, id) {
            continue;
        }
        let t = dom.text_of(start, end).trim();
        // A label ends with a label word, alone ("By", "Written by") or
        // after a word of its own ("Text by", "Recipe by", "Guest author"):
        // the name follows it.
        // In a byline box, a line that ends in "from" leads to the name
        // too ("Insights from", "A note from"); not in the shared label
        // list, whose lines under the headline are read anywhere: there
        // "from" is a code token or a syntax diagram's word as often.
        let label = t.ends_with(':')
            || t.split_whitespace().last().is_some_and(|w| {
                w.eq_ignore_ascii_case("from")
                    || BYLINE_LABELS.iter().any(|l| w.eq_ignore_ascii_case(l))
            });
        if label || !t.chars().any(char::is_alphabetic) || labels_next(dom, n, t) {
            continue;
        }
        if let Some(name) = author_name(t) {
            return Some(name);
        }
        if is_prose_line(t) {
            return None;
        }
    }
    None
}

/// Whether text `t` of node `n` is one word set before an element named
/// as the author ("מאת <span class="author">…</span>", "Av <a
/// rel="author">…</a>"): a byline's label in any language, the name
/// being in the element.
fn labels_next(dom: &Dom, n: NodeId, t: &str) -> bool {
    !t.contains(char::is_whitespace)
        && dom
            .element(dom.node(n).next)
            .is_some_and(|e| e.hints & hints::AUTHOR != 0)
}

/// Whether an element between `n` and `root` (`root` included) is hidden.
/// Its walk is as deep as the byline's subtree, itself bounded by the
/// nodes a byline read visits.
fn hidden_within(dom: &Dom, n: NodeId, root: NodeId) -> bool {
    hinted_above(dom, n, root, hints::HIDDEN, MAX_BYLINE_NODES + 1)
}

/// Whether an element sits in a comment thread or in shoppers' reviews,
/// whose authors are not the page's (a review's `itemprop="author"`, a
/// comment's `class="author"`). The walk up is bounded: it runs for the
/// few author candidates read.
fn in_discussion(dom: &Dom, n: NodeId) -> bool {
    hinted_above(
        dom,
        n,
        NONE,
        hints::COMMENT | hints::REVIEWS,
        MAX_DISCUSSION_DEPTH,
    )
}

/// Whether `n` or one of its ancestors up to `root` (included; `NONE`
/// for the document), at most `depth` elements up, carries one of `bits`.
fn hinted_above(dom: &Dom, mut n: NodeId, root: NodeId, bits: u32, depth: usize) -> bool {
    for _ in 0..depth {
        if n == NONE {
            break;
        }
        if dom.element(n).is_some_and(|e| e.hints & bits != 0) {
            return true;
        }
        if n == root {
            break;
        }
        n = dom.node(n).parent;
    }
    false
}

/// How far up `in_discussion` looks for a thread or reviews box.
const MAX_DISCUSSION_DEPTH: usize = 48;

/// How many byline-like elements are read before giving up.
const MAX_BYLINE_TRIES: usize = 5;

/// Dateline candidates read at most, the first [`MAX_BYLINE_TRIES`] of
/// them before the headline's date, the others after it.
const MAX_DATE_TRIES: usize = 10;

/// Bylines longer than this are sentences, not names.
const MAX_AUTHOR_CHARS: usize = 60;

/// Keeps a date that starts like ISO 8601 (`YYYY-MM-DD...`), or turns
/// `YYYY/MM/DD` and `YYYYMMDD` into it; drops what it cannot read.
fn iso_date(v: &str) -> Option<String> {
    let v = v.trim();
    let b = v.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        b.get(r.clone())
            .is_some_and(|s| s.iter().all(u8::is_ascii_digit))
    };
    if digits(0..4)
        && matches!(b.get(4), Some(b'-' | b'/' | b'.'))
        && digits(5..7)
        && b.get(7) == b.get(4)
        && digits(8..10)
    {
        let mut out = format!("{}-{}-{}", &v[0..4], &v[5..7], &v[8..10]);
        if b.get(10).is_some_and(|&c| c == b'T' || c == b' ') && digits(11..13) {
            out.push('T');
            out.push_str(v[11..].split_whitespace().next().unwrap_or(""));
        }
        return Some(out);
    }
    if b.len() >= 8 && digits(0..8) {
        return Some(format!("{}-{}-{}", &v[0..4], &v[4..6], &v[6..8]));
    }
    None
}

fn str_of(v: &Value) -> Option<&str> {
    match v {
        Value::String(s) => Some(s),
        Value::Object(o) => o
            .get("name")
            .or_else(|| o.get("url"))
            .or_else(|| o.get("@id"))
            .and_then(str_of),
        Value::Array(a) => a.first().and_then(str_of),
        _ => None,
    }
}

/// A schema.org type naming a kind of content a page can be about.
fn is_content_type(s: &str) -> bool {
    s.ends_with("Article")
        || matches!(
            s,
            "BlogPosting"
                | "Report"
                | "Review"
                | "Recipe"
                | "HowTo"
                | "QAPage"
                | "DiscussionForumPosting"
                | "Product"
                | "WebPage"
                | "Question"
                | "TechArticle"
                | "LiveBlogPosting"
                | "SocialMediaPosting"
                | "VideoObject"
                | "Event"
                | "CollectionPage"
        )
}

/// The first content type a JSON-LD `@type` (a name or a list) gives.
fn content_type(v: &Value) -> Option<&str> {
    match v {
        Value::String(s) => is_content_type(s).then_some(s.as_str()),
        Value::Array(a) => a
            .iter()
            .filter_map(Value::as_str)
            .find(|t| is_content_type(t)),
        _ => None,
    }
}

/// The names of the page's JSON-LD objects by their `@id`, gathered the
/// first time a reference needs one (most pages never do).
struct LdNames<'a> {
    roots: &'a [Value],
    map: Option<HashMap<&'a str, &'a str>>,
    /// The `name` of the object whose `headline` is the title: the title
    /// when the headline is a description (Wikipedia's is Wikidata's
    /// "Wikimedia list article").
    alt_title: Option<&'a str>,
}

impl<'a> LdNames<'a> {
    fn get(&mut self, id: &str) -> Option<&'a str> {
        let roots = self.roots;
        self.map
            .get_or_insert_with(|| ld_names(roots))
            .get(id)
            .copied()
    }
}

/// The `name` of every JSON-LD object that has an `@id`, by that id.
fn ld_names(roots: &[Value]) -> HashMap<&str, &str> {
    let mut names = HashMap::new();
    ld_walk(roots, |v, stack| match v {
        Value::Array(a) => stack.extend(a),
        Value::Object(o) => {
            if let (Some(Value::String(id)), Some(Value::String(name))) =
                (o.get("@id"), o.get("name"))
            {
                names.entry(id.as_str()).or_insert(name.as_str());
            }
            stack.extend(o.values());
        }
        _ => {}
    });
    names
}

/// Visits JSON-LD values from `roots` without recursion, at most
/// [`MAX_LD_VALUES`] of them; `visit` pushes the values to go on with.
fn ld_walk<'a>(roots: &'a [Value], mut visit: impl FnMut(&'a Value, &mut Vec<&'a Value>)) {
    let mut stack: Vec<&Value> = roots.iter().rev().collect();
    let mut seen = 0;
    while let Some(v) = stack.pop() {
        seen += 1;
        if seen > MAX_LD_VALUES {
            break;
        }
        visit(v, &mut stack);
    }
}

/// A JSON-LD author's name: a string, an object's `name`, or the name of
/// the object its `@id` refers to. Never a URL or an id: those name no one.
fn ld_person<'a>(v: &'a Value, names: &mut LdNames<'a>) -> Option<&'a str> {
    let n = match v {
        Value::String(s) => s.as_str(),
        Value::Object(o) => match (o.get("name"), o.get("@id")) {
            (Some(Value::String(n)), _) => n.as_str(),
            (Some(Value::Array(a)), _) => a.first().and_then(Value::as_str)?,
            (_, Some(Value::String(id))) => names.get(id)?,
            _ => return None,
        },
        Value::Array(a) => return a.first().and_then(|x| ld_person(x, names)),
        _ => return None,
    };
    (!n.starts_with("http") && !n.starts_with('#')).then_some(n)
}

/// The text of the first `itemprop="name"` inside a microdata item (its
/// `content` when it is a `<meta>`).
fn itemprop_name(dom: &Dom, id: NodeId) -> Option<String> {
    dom.preorder(id)
        .take(MAX_BYLINE_NODES)
        .skip(1)
        .find_map(|n| {
            let e = dom.element(n)?;
            if e.attr(Attr::Itemprop) != Some("name") {
                return None;
            }
            match e.attr(Attr::Content) {
                Some(c) => author_name(c),
                None => byline_name(dom, n),
            }
        })
}

/// A JSON-LD script's value. Templates often print a description with
/// its line breaks and tabs as they are, which JSON forbids inside a
/// string; read as spaces, they leave the rest of the object usable.
fn parse_ld(ld: &str) -> Option<Value> {
    let ld = ld.trim();
    match serde_json::from_str::<Value>(ld) {
        Ok(v) => Some(v),
        Err(_) if ld.bytes().any(|b| b < 0x20) => {
            let spaced: String = ld.chars().map(|c| if c < ' ' { ' ' } else { c }).collect();
            serde_json::from_str::<Value>(&spaced).ok()
        }
        Err(_) => None,
    }
}

/// Values visited in one page's JSON-LD at most.
const MAX_LD_VALUES: usize = 10_000;

/// Walks JSON-LD objects (top level, arrays, `@graph`) without recursion.
fn json_ld<'a>(root: &'a Value, m: &mut Metadata, names: &mut LdNames<'a>) {
    ld_walk(std::slice::from_ref(root), |v, stack| match v {
        Value::Array(a) => stack.extend(a.iter().rev()),
        Value::Object(o) => {
            if let Some(g) = o.get("@graph") {
                stack.push(g);
            }
            let Some(ty) = content_type(o.get("@type").unwrap_or(&Value::Null)) else {
                return;
            };
            let is_page = ty == "WebPage";
            // A page's main entity (a thread, a product) is what the page
            // is: read like a top-level object.
            if is_page && let Some(e) = o.get("mainEntity") {
                stack.push(e);
            }
            if !is_page {
                set(&mut m.page_type, ty);
            }
            // A collection's name is its section's ("Delftware"), not the
            // page's title.
            if let Some(h) = o.get("headline").or_else(|| o.get("name")).and_then(str_of)
                && !is_page
                && ty != "CollectionPage"
                && m.title.is_none()
            {
                set(&mut m.title, h);
                names.alt_title = o.get("name").and_then(str_of);
            }
            if let Some(d) = o
                .get("datePublished")
                .or_else(|| o.get("dateCreated"))
                .and_then(str_of)
            {
                set(&mut m.published, d);
            }
            if let Some(d) = o.get("dateModified").and_then(str_of) {
                set(&mut m.modified, d);
            }
            match o.get("author") {
                Some(Value::Array(a)) => {
                    for x in a {
                        if let Some(n) = ld_person(x, names) {
                            push_name(&mut m.authors, n);
                        }
                    }
                }
                Some(x) => {
                    if let Some(n) = ld_person(x, names) {
                        push_name(&mut m.authors, n);
                    }
                }
                None => {}
            }
            if let Some(p) = o.get("publisher").and_then(str_of)
                && !p.starts_with("http")
            {
                set(&mut m.site_name, p);
            }
            if let Some(i) = o.get("image").and_then(str_of) {
                set(&mut m.image, i);
            }
            if let Some(d) = o.get("description").and_then(str_of) {
                set(&mut m.description, d);
            }
            match o.get("keywords") {
                Some(Value::String(s)) => s.split(',').for_each(|t| push_unique(&mut m.tags, t)),
                Some(Value::Array(a)) => a
                    .iter()
                    .filter_map(Value::as_str)
                    .for_each(|t| push_unique(&mut m.tags, t)),
                _ => {}
            }
        }
        _ => {}
    });
}

#[cfg(test)]
mod tests {
    use super::{iso_date, shown_date_in, unescape};

    #[test]
    fn dates_printed_in_bylines() {
        let cases = [
            ("By Ana Ruiz | December 15, 2025", Some("2025-12-15")),
            ("Updated Dec. 19, 2025, 5:22 PM", Some("2025-12-19")),
            ("Published on 3rd of May 2024", Some("2024-05-03")),
            ("15. Dezember 2025", Some("2025-12-15")),
            ("1 de enero de 2025", Some("2025-01-01")),
            ("Selasa, 9 Desember 2025 10:15 WIB", Some("2025-12-09")),
            ("09/25/2025", Some("2025-09-25")),
            ("25/09/2025", Some("2025-09-25")),
            ("15.12.2025", Some("2025-12-15")),
            ("2025-12-15 08:00", Some("2025-12-15")),
            ("2025年12月15日", Some("2025-12-15")),
            ("15 декабря 2025 г., 10:30", Some("2025-12-15")),
            ("Опубліковано 3 березня 2024", Some("2024-03-03")),
            ("3 comments", None),
            ("Posted in 2025", None),
            ("May 40, 2025", None),
        ];
        for (text, want) in cases {
            assert_eq!(shown_date_in(text).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn character_references_left_in_values() {
        assert_eq!(
            unescape("&#8216;The Medium&#8217; &#x2013; x"),
            "\u{2018}The Medium\u{2019} \u{2013} x"
        );
        assert_eq!(
            unescape("Fish &amp; Chips &pound;5"),
            "Fish & Chips \u{a3}5"
        );
        assert_eq!(
            unescape("AT&T; R&D & more &#0; &#xZZ; &nosuch;"),
            "AT&T; R&D & more &#0; &#xZZ; &nosuch;"
        );
        assert_eq!(unescape("trailing &"), "trailing &");
        assert_eq!(unescape("&#1114112;"), "&#1114112;");
    }

    fn page_type(head: &str) -> Option<String> {
        let html = format!("<html><head>{head}</head><body><p>x</p></body></html>");
        crate::extract(html.as_bytes()).metadata.page_type
    }

    #[test]
    fn the_name_in_a_byline_not_the_card_around_it() {
        let authors = |body: &str| {
            let html = format!("<html><body>{body}<p>Text of the post.</p></body></html>");
            crate::extract(html.as_bytes()).metadata.authors
        };
        // Text content would glue the title and the bio to the name.
        assert_eq!(
            authors(
                "<div class=\"author-card\"><img alt=\"\"><b>Jane Doe</b>\
                 <span>Founder at Example</span><p>Jane writes about tools.</p></div>"
            ),
            ["Jane Doe"]
        );
        assert_eq!(
            authors("<span class=\"byline\">By <a href=\"/p/1\">Ana Ruiz</a> | May 2</span>"),
            ["Ana Ruiz"]
        );
        // A class-less link to the writer's page.
        assert_eq!(
            authors("<p>Written by <a href=\"https://x.example/author/sam-lee/\">Sam Lee</a></p>"),
            ["Sam Lee"]
        );
        assert!(authors("<p><a href=\"/authors/\">All our writers</a></p>").is_empty());
        // A heading that leads to the name ("Insights from").
        assert_eq!(
            authors(
                "<div class=\"blogpost-author\"><h4>Insights from</h4>\
                 <div><img alt=\"\"><div>Mara Quinn</div></div></div>"
            ),
            ["Mara Quinn"]
        );
        // A label in a language with no entry in the label list: the one
        // word before the element named as the author ("מאת", "Av").
        assert_eq!(
            authors(
                "<span class=\"byline\">מאת <span class=\"author vcard\">\
                 <a class=\"url fn n\" href=\"/author/noa/\">נועה ברק</a></span></span>"
            ),
            ["נועה ברק"]
        );
        assert_eq!(
            authors("<p class=\"byline\">Av <a rel=\"author\" href=\"/p/2\">Sara Lund</a></p>"),
            ["Sara Lund"]
        );
    }

    /// The site named as the author (a publisher's default) gives way to
    /// the byline printed on the page; a day and a month where the name
    /// would be are a date.
    #[test]
    fn the_byline_over_the_site_named_as_author() {
        let authors = |head: &str, body: &str| {
            let html = format!(
                "<html><head><meta property=\"og:site_name\" content=\"Bay News\">{head}\
                 </head><body>{body}<p>Text of the post.</p></body></html>"
            );
            crate::extract(html.as_bytes()).metadata.authors
        };
        let site = "<meta name=\"author\" content=\"Bay News\">";
        let byline = "<p>By <a rel=\"author\" href=\"/a/ana\">Ana Ruiz</a></p>";
        assert_eq!(authors(site, byline), ["Ana Ruiz"]);
        // The site alone stays; a person in the markup is not replaced.
        assert_eq!(authors(site, ""), ["Bay News"]);
        let person = "<meta name=\"author\" content=\"Sam Lee\">";
        assert_eq!(authors(person, byline), ["Sam Lee"]);
        let dated = "<p class=\"byline\"><a rel=\"author\" href=\"/a\">Mar 6</a></p>";
        assert!(authors("", dated).is_empty());
        assert!(super::is_day_of_month("11 Jul") && !super::is_day_of_month("Julia 11b"));
    }

    #[test]
    fn a_description_cut_short_gives_way_to_a_longer_one() {
        let description = |head: &str| {
            let html = format!("<html><head>{head}</head><body></body></html>");
            crate::extract(html.as_bytes()).metadata.description
        };
        let short = "<meta name=\"description\" content=\"Ferries stayed in port and the …\">";
        let full = "<meta property=\"og:description\" content=\"Ferries stayed in port and the \
                    harbour froze for the first time in forty years.\">";
        let other = "<meta property=\"og:description\" content=\"A longer text that says \
                     something else about the harbour and its ferries.\">";
        assert_eq!(
            description(&format!("{short}{full}")).as_deref(),
            Some("Ferries stayed in port and the harbour froze for the first time in forty years.")
        );
        // A whole description stays the first, however long the next.
        let whole = "<meta name=\"description\" content=\"Ferries stayed in port.\">";
        assert_eq!(
            description(&format!("{whole}{other}")).as_deref(),
            Some("Ferries stayed in port.")
        );
    }

    #[test]
    fn authors_are_names_not_references_cards_or_dates() {
        let authors = |head: &str, body: &str| {
            let html = format!("<html><head>{head}</head><body>{body}<p>Text.</p></body></html>");
            crate::extract(html.as_bytes()).metadata.authors
        };
        let ld = |json: &str| format!("<script type=\"application/ld+json\">{json}</script>");
        // An `@id` reference resolves to the `Person` it names, even in
        // another script; an id or URL alone names no one.
        let article = ld(r##"{"@graph":[{"@type":"Article","headline":"h",
            "author":{"@id":"https://x.example/#/person/1"}}]}"##);
        let person =
            ld(r#"{"@type":"Person","@id":"https://x.example/#/person/1","name":"Ana Ruiz"}"#);
        assert_eq!(authors(&format!("{article}{person}"), ""), ["Ana Ruiz"]);
        assert!(authors(&article, "").is_empty());
        let url = ld(r#"{"@type":"Article","author":"https://x.example/author/ana/"}"#);
        assert!(authors(&url, "").is_empty());
        // A microdata `Person` card: its name, not its rank and post count.
        let card = "<div itemprop=\"author\" itemscope itemtype=\"https://schema.org/Person\">\
            <a href=\"/m/1\"><span itemprop=\"name\">sam_lee</span></a>\
            <span>Senior Member</span> <span>Joined Mar 2, 2019</span></div>";
        assert_eq!(authors("", card), ["sam_lee"]);
        let plain = "<div itemprop=\"author\"><b>kim</b> <i>Moderator</i></div>";
        assert_eq!(authors("", plain), ["kim"]);
        // A label that leads in with a word of its own, apart from the name
        // or run into it.
        let lead = "<p class=\"byline\">Text by <a href=\"/p/hd\">Hana Dukic</a></p>";
        assert_eq!(authors("", lead), ["Hana Dukic"]);
        let run = "<span class=\"byline\">Posted by tern_watcher</span>";
        assert_eq!(authors("", run), ["tern_watcher"]);
        // A date in the byline is not a name; the name beside it is.
        let dated = |line: &str| authors("", &format!("<p class=\"byline\">{line}</p>"));
        assert!(dated("August 28, 2025").is_empty());
        assert_eq!(dated("Dec. 19, 2025 · Niko Ruiz"), ["Niko Ruiz"]);
        // Nor is a count where the name would be, or text that only
        // screen readers get (a post icon's label).
        assert!(dated("5 min read").is_empty());
        let post = "<p class=\"author\"><a href=\"#p1\"><span class=\"sr-only\">Post</span></a> \
            by <a href=\"/m/2\">galitsyn</a> &raquo; 11 Sep 2024</p>";
        assert_eq!(authors("", post), ["galitsyn"]);
        assert_eq!(
            authors(
                "",
                "<div class=\"byline\"><span>via</span> <a href=\"/~ab\">ab_cd</a></div>"
            ),
            ["ab_cd"]
        );
        // A profile's number names no one; a name that lost its first part
        // to an empty template field is no name either, and the next
        // declared author is read.
        let numeric = r#"<meta property="article:author" content="262588213843476">"#;
        assert!(authors(numeric, "").is_empty());
        let broken =
            ld(r#"{"@type":"NewsArticle","author":{"@type":"Person","name":", Daily Ledger"}}"#);
        let next = ld(r#"{"@type":"NewsArticle","author":[{"name":"Ines Alba"}]}"#);
        assert_eq!(authors(&format!("{broken}{next}"), ""), ["Ines Alba"]);
        // A date's label in an author box leads to the date, not a name.
        let updated = "<div class=\"author\"><div>Updated <time>Jan 8, 2026</time></div> \
            <a href=\"/team/mn\">Mina Novak</a></div>";
        assert_eq!(authors("", updated), ["Mina Novak"]);
        // Marks set before a name are not part of it.
        assert_eq!(dated("~ Rachel M."), ["Rachel M."]);
        let quoted = r#"<meta name="author" content="&quot;Ivo Petrov&quot;">"#;
        assert_eq!(authors(quoted, ""), ["Ivo Petrov"]);
        // An e-mail address beside the name is no part of it, and alone
        // it is no name; a reporter's title after the name neither.
        let byline = |t: &str| authors("", &format!("<p class=\"byline\">{t}</p>"));
        assert_eq!(byline("Jane Doe (jane@example.com)"), ["Jane Doe"]);
        assert!(byline("jane@example.com").is_empty());
        assert_eq!(byline("윤서진 기자 sjyoon@garam.example"), ["윤서진"]);
        assert_eq!(byline("山田太郎 記者"), ["山田太郎"]);
        // A forum handle is a name.
        assert_eq!(byline("@janedoe"), ["@janedoe"]);
        // Shoppers who wrote reviews and readers who left comments are not
        // the page's authors; nor is a sort option ("By Review").
        let review = "<div class=\"reviews\"><div itemprop=\"review\">\
                      <span itemprop=\"author\">Carla M.</span><p>Great mixer.</p></div></div>";
        assert!(authors("", review).is_empty());
        let comment = "<section id=\"comments\"><div class=\"comment\">\
                       <a rel=\"author\" href=\"/u/9\">Pete Rowe</a><p>Nice.</p></div></section>";
        assert!(authors("", comment).is_empty());
        let sort = "<h1>Capsules</h1><select><option>By Price</option>\
                    <option>By Review</option></select>";
        assert!(authors("", sort).is_empty());
    }

    #[test]
    fn a_byline_printed_under_the_headline() {
        let authors = |head: &str, body: &str| {
            let html = format!(
                "<html><head>{head}</head><body><h1>Pruning old pear trees</h1>{body}\
                 <p>Winter is the time to cut back the oldest wood, long before buds.</p>\
                 </body></html>"
            );
            crate::extract(html.as_bytes()).metadata.authors
        };
        // "By" and the name, in one line or split over elements.
        assert_eq!(authors("", "<p>By Mira Kovac</p>"), ["Mira Kovac"]);
        assert_eq!(
            authors("", "<p>By <a href=\"/people/mk\">Mira Kovac</a></p>"),
            ["Mira Kovac"]
        );
        // A label alone, and the name in the element after it.
        let label = "<div><p>Written by</p><p>Tomas Reyes</p></div>";
        assert_eq!(authors("", label), ["Tomas Reyes"]);
        assert_eq!(
            authors("", "<span>Autor:</span><span>Ewa Lis</span>"),
            ["Ewa Lis"]
        );
        // A label that is not a byline's ("Sort by"), or one followed by
        // text longer than a name, names no one; nor does a product's
        // maker.
        assert!(authors("", "<p>Sort by</p><p>Featured</p>").is_empty());
        let long = "<p>By:</p><p>the gardeners of the county society, with thanks to all members</p>\
                    <p>Pears</p>";
        assert!(authors("", long).is_empty());
        let product = r#"<meta property="og:type" content="product">"#;
        assert!(authors(product, "<p>By Acme Tools</p>").is_empty());
        // A sentence that opens with "By" is no byline, and its link is
        // no name; one that opens with a name gives the name.
        let terms = "<p>By submitting, you agree to our <a href=\"/t\">Privacy Notice</a></p>";
        assert!(authors("", terms).is_empty());
        let behalf = "<p>By Niko Matsakis on behalf of the <a href=\"/g\">Docs group</a></p>";
        assert_eq!(authors("", behalf), ["Niko Matsakis"]);
        // Scripts without case have no sentence case to tell.
        assert_eq!(authors("", "<p>By سارة بن علي</p>"), ["سارة بن علي"]);
        let cyrillic = "<p>By отправляя форму, вы соглашаетесь с <a href=\"/t\">Условиями</a></p>";
        assert!(authors("", cyrillic).is_empty());
        // Markup still comes first.
        let meta = r#"<meta name="author" content="Lena Park">"#;
        assert_eq!(authors(meta, "<p>By Mira Kovac</p>"), ["Lena Park"]);
    }

    /// A dateline far below the headline (at the article's end), past
    /// the first few boxes named as metadata: the page's date when none
    /// is printed under the headline.
    #[test]
    fn a_dateline_far_down_after_the_headline_date() {
        let published = |under: &str| {
            let tags = "<span class=\"meta\">Essay</span>".repeat(6);
            let text = "<p>A line of the essay, long enough to read.</p>".repeat(30);
            let html = format!(
                "<html><body>{tags}<h1>Coffee and goats</h1>{under}{text}\
                 <p class=\"date\">Feb 2, 2023</p></body></html>"
            );
            crate::extract(html.as_bytes()).metadata.published
        };
        assert_eq!(published("").as_deref(), Some("2023-02-02"));
        // A metadata box that opens with its date, its tags after it.
        let text = "<p>A line of the essay, long enough to read.</p>".repeat(30);
        let boxed = format!(
            "<html><body><h1>Journal indexes</h1>{text}<div class=\"meta\">\
             <span>Posted on April 13, 2023</span><div class=\"tags\">Indexing, Metadata, \
             Journals, Publishing, Open access, Discovery, Citations, Peer review, Libraries, \
             Repositories, Archives, Identifiers, Abstracts, Databases, Scholarly communication, \
             Search engines, Reference managers</div></div></body></html>"
        );
        assert_eq!(
            crate::extract(boxed.as_bytes())
                .metadata
                .published
                .as_deref(),
            Some("2023-04-13")
        );
        assert_eq!(
            published("<p>Jan 5, 2024</p>").as_deref(),
            Some("2024-01-05")
        );
    }

    #[test]
    fn a_printed_date_when_no_markup_gives_one() {
        let published = |head: &str, body: &str| {
            let html = format!("<html><head>{head}</head><body>{body}</body></html>");
            crate::extract(html.as_bytes()).metadata.published
        };
        let byline = "<p class=\"entry-date\">By Ana Ruiz &middot; March 3, 2026</p>\
            <p>Text of the post, long enough to be a paragraph of its own.</p>";
        assert_eq!(published("", byline).as_deref(), Some("2026-03-03"));
        assert_eq!(
            published("", "<time>4 mars 2026</time><p>Texte.</p>").as_deref(),
            Some("2026-03-04")
        );
        // Markup wins over print.
        let meta = "<meta property=\"article:published_time\" content=\"2026-01-02T10:00:00Z\">";
        assert_eq!(
            published(meta, byline).as_deref(),
            Some("2026-01-02T10:00:00Z")
        );
        // OpenGraph's and scholarly publishers' names for it too.
        for name in [
            "og:published_time",
            "citation_publication_date",
            "publish-date",
        ] {
            let meta = format!("<meta name=\"{name}\" content=\"2026/01/05\">");
            assert_eq!(
                published(&meta, "").as_deref(),
                Some("2026-01-05"),
                "{name}"
            );
        }
        // A date in running text is not the page's.
        assert_eq!(published("", "<p>On March 3, 2026 we met.</p>"), None);
        // A short, class-less line under the headline is; a sentence there
        // that mentions a date is not, nor is a line before the headline.
        let under = |line: &str| {
            published(
                "",
                &format!(
                    "<p>Sale ends 1 May 2026</p><h1>Notes from the harbour</h1>\
                     <div><span>{line}</span></div><p>The ice came early this year.</p>"
                ),
            )
        };
        assert_eq!(
            under("Last updated: Dec 12, 2025").as_deref(),
            Some("2025-12-12")
        );
        assert_eq!(under("12.12.2025").as_deref(), Some("2025-12-12"));
        assert_eq!(
            under("The ferry stopped running on 2 March 2026, as it did last year"),
            None
        );
        assert_eq!(under("Ana Ruiz"), None);
        // A share bar's icons between the headline and the date are not
        // lines read.
        let icons = "<ul>".to_string()
            + &"<li><a href=\"#s\"><svg><use href=\"#i\"></use></svg></a></li>".repeat(10)
            + "</ul>";
        let shared = format!(
            "<h1>Notes from the harbour</h1>{icons}<p>Oct 20, 2025</p><p>The ice came early.</p>"
        );
        assert_eq!(published("", &shared).as_deref(), Some("2025-10-20"));
        // A template's indentation is no length: the line is read as shown.
        let pad = " ".repeat(30);
        let indented = format!(
            "<h1>Notes from the harbour</h1><p>{pad}Dec 26, 2025{pad}<span>&bull;</span>{pad}\
             Mira Lind{pad}</p><p>The ice came early.</p>"
        );
        assert_eq!(published("", &indented).as_deref(), Some("2025-12-26"));
        // A date set above the headline in the headline's own box is the
        // story's; the line below wins when there is one.
        let hero = |below: &str| {
            published(
                "",
                &format!(
                    "<p>Sale ends 1 May 2026</p><div class=\"hero\"><a href=\"/blog\">Back to blog</a>\
                     <p>Dec 17, 2025</p><h1>Notes from the harbour</h1>{below}</div>\
                     <p>The ice came early this year.</p>"
                ),
            )
        };
        assert_eq!(hero("").as_deref(), Some("2025-12-17"));
        assert_eq!(
            hero("<p>Updated Jan 5, 2026</p>").as_deref(),
            Some("2026-01-05")
        );
    }

    /// The page's one headline is its title when the markup's title
    /// rewords it; a "Headline | Site" title, an unrelated headline or a
    /// page of several `<h1>`s keep the markup's.
    #[test]
    fn the_headline_when_the_title_rewords_it() {
        let title = |head: &str, body: &str| {
            let html = format!(
                "<html><head>{head}</head><body>{body}<p>The ferry ran late all week, and \
                 the harbour master said the ice was to blame.</p></body></html>"
            );
            let out = crate::extract(html.as_bytes());
            assert_eq!(out.title, out.metadata.title);
            out.title
        };
        let seo = "<title>Ferry Delays in 2026: Why the Harbour Ice Came Early | Bay News</title>";
        let h1 = "<h1>Why the ice came early to the harbour</h1>";
        assert_eq!(
            title(seo, h1).as_deref(),
            Some("Why the ice came early to the harbour")
        );
        let og = "<meta property=\"og:title\" content=\"Harbour ice: why it came early\">";
        assert_eq!(
            title(og, h1).as_deref(),
            Some("Why the ice came early to the harbour")
        );
        let site = "<title>Why the ice came early to the harbour | Bay News</title>";
        assert_eq!(
            title(site, h1).as_deref(),
            Some("Why the ice came early to the harbour | Bay News")
        );
        let other = "<h1>Bay News</h1>";
        assert!(title(seo, other).unwrap().starts_with("Ferry Delays"));
        let two = format!("{h1}<h1>Why the ice came early, part two</h1>");
        assert!(title(seo, &two).unwrap().starts_with("Ferry Delays"));
    }

    /// A JSON-LD headline is the title unless it is a description that
    /// shares nothing with the page's title and the object's name is that
    /// title; a headline escaped twice is decoded twice.
    #[test]
    fn the_json_ld_name_when_the_headline_is_a_description() {
        let title = |json: &str, head: &str| {
            let html = format!(
                "<html><head><script type=\"application/ld+json\">{json}</script>{head}\
                 </head><body><p>x</p></body></html>"
            );
            crate::extract(html.as_bytes()).metadata.title
        };
        let wiki = r#"{"@type":"Article","name":"List of lighthouses","headline":"Wikimedia list article"}"#;
        let tag = "<title>List of lighthouses - Encyclopedia</title>";
        assert_eq!(title(wiki, tag).as_deref(), Some("List of lighthouses"));
        // Without a page title to compare with, or with a site name as
        // the object's name, the headline stays.
        assert_eq!(title(wiki, "").as_deref(), Some("Wikimedia list article"));
        let site = r#"{"@type":"Article","name":"Bay News","headline":"Harbour deals"}"#;
        let tag = "<title>Ferry discounts and coupons for winter | Bay News</title>";
        assert_eq!(title(site, tag).as_deref(), Some("Harbour deals"));
        let reworded = r#"{"@type":"Article","name":"Ice: why it came early","headline":"Why the ice came early this year"}"#;
        let tag = "<title>Ice: why it came early</title>";
        assert_eq!(
            title(reworded, tag).as_deref(),
            Some("Why the ice came early this year")
        );
        let twice = r#"{"@type":"Article","headline":"And finally&amp;#8230; the ice"}"#;
        assert_eq!(
            title(twice, "").as_deref(),
            Some("And finally\u{2026} the ice")
        );
    }

    #[test]
    fn the_declared_page_type() {
        let ld = |json: &str| format!("<script type=\"application/ld+json\">{json}</script>");
        // The first object naming a kind of content, in a graph or a list
        // of types; a bare `WebPage` or an `Organization` says nothing.
        assert_eq!(
            page_type(&ld(
                r#"{"@graph":[{"@type":"Organization","name":"x"},{"@type":"WebPage"},
                   {"@type":"Product","name":"Skillet"}]}"#
            ))
            .as_deref(),
            Some("Product")
        );
        assert_eq!(
            page_type(&ld(r#"{"@type":["Thing","NewsArticle"],"headline":"h"}"#)).as_deref(),
            Some("NewsArticle")
        );
        // OpenGraph when JSON-LD names nothing.
        let og = r#"<meta property="og:type" content="product">"#;
        assert_eq!(page_type(og).as_deref(), Some("product"));
        assert_eq!(page_type(&ld(r#"{"@type":"WebSite"}"#)), None);
        // A collection's page is a kind of its own (its cards are its text).
        assert_eq!(
            page_type(&ld(r#"{"@type":"CollectionPage","name":"Delftware"}"#)).as_deref(),
            Some("CollectionPage")
        );
        // A page's main entity is what the page is.
        let thread = ld(
            r#"{"@type":"WebPage","mainEntity":{"@type":"DiscussionForumPosting",
            "headline":"Rust on the cast iron","author":{"@type":"Person","name":"dana_k"}}}"#,
        );
        assert_eq!(
            page_type(&thread).as_deref(),
            Some("DiscussionForumPosting")
        );
        let html = format!("<html><head>{thread}</head><body><p>Text.</p></body></html>");
        assert_eq!(crate::extract(html.as_bytes()).metadata.authors, ["dana_k"]);
        // A line break or tab printed raw inside a string (JSON forbids
        // them) does not cost the object.
        let raw = ld("{\"@type\":\"NewsArticle\",\"headline\":\"Ferry fares\",\n\
            \"description\":\"Fares rise in May.\n\tSeason tickets do not.\"}");
        assert_eq!(page_type(&raw).as_deref(), Some("NewsArticle"));
    }

    #[test]
    fn dates() {
        assert_eq!(
            iso_date("2024-03-05T10:00:00Z").as_deref(),
            Some("2024-03-05T10:00:00Z")
        );
        assert_eq!(iso_date("2024/03/05").as_deref(), Some("2024-03-05"));
        assert_eq!(iso_date("20240305").as_deref(), Some("2024-03-05"));
        assert_eq!(iso_date("March 5, 2024"), None);
        assert_eq!(iso_date("2024-"), None);
    }

    #[test]
    fn meta_dates_under_a_prefix_or_written_for_people() {
        let published = |head: &str| {
            let html = format!("<html><head>{head}</head><body><p>Text.</p></body></html>");
            crate::extract(html.as_bytes()).metadata.published
        };
        let meta = |name: &str, v: &str| format!("<meta name=\"{name}\" content=\"{v}\">");
        assert_eq!(
            published(&meta("w-published-date", "2025-05-27T06:03:43Z")).as_deref(),
            Some("2025-05-27T06:03:43Z")
        );
        assert_eq!(
            published(&meta("published", "July 17, 2025")).as_deref(),
            Some("2025-07-17")
        );
        // A JSON-LD date that is not ISO is not read as one: the page's
        // printed date is the better guess.
        let ld = r#"<script type="application/ld+json">{"@type":"BlogPosting","datePublished":"Jun 24"}</script>"#;
        assert_eq!(published(ld), None);
    }
}
