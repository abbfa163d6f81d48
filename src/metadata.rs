//! Page metadata: title, authors, dates, site name, description, canonical
//! URL, image and tags, from JSON-LD, OpenGraph and other meta tags,
//! microdata and the markup, in that order of trust.

use serde_json::Value;

use crate::dom::{Attr, DOCUMENT, Dom, Tag, hints};
use crate::{Hints, Metadata};

/// Longest value we keep for a short field; longer ones are not titles.
const MAX_FIELD: usize = 1000;

fn clean(s: &str) -> Option<String> {
    let s = unescape(s);
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

/// Gathers the page's metadata.
pub(crate) fn extract(dom: &Dom, hints: &Hints) -> Metadata {
    let mut m = Metadata::default();
    for ld in &dom.json_ld {
        if let Ok(v) = serde_json::from_str::<Value>(ld.trim()) {
            json_ld(&v, &mut m);
        }
    }
    let mut title_tag = None;
    let mut og_title = None;
    let mut og_type = None;
    let mut h1 = None;
    let mut byline = None;
    let mut byline_tries = 0;
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
                    "og:description" | "description" | "twitter:description" => {
                        set(&mut m.description, v)
                    }
                    "og:image" | "twitter:image" | "og:image:url" => set(&mut m.image, v),
                    "article:published_time"
                    | "datepublished"
                    | "date"
                    | "pubdate"
                    | "publishdate"
                    | "dc.date"
                    | "dc.date.issued"
                    | "dcterms.created"
                    | "sailthru.date"
                    | "parsely-pub-date"
                    | "article.published" => set(&mut m.published, v),
                    "article:modified_time"
                    | "og:updated_time"
                    | "datemodified"
                    | "dcterms.modified"
                    | "last-modified" => set(&mut m.modified, v),
                    "author" | "article:author" | "dc.creator" | "sailthru.author"
                    | "parsely-author" | "byl"
                        if !v.starts_with("http") =>
                    {
                        push_unique(&mut m.authors, v.trim_start_matches("By ").trim());
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
                    }) =>
            {
                byline = author_name(&dom.text_content(id));
            }
            Tag::Time if m.published.is_none() => {
                if let Some(d) = e.attr(Attr::Datetime) {
                    set(&mut m.published, d);
                }
            }
            _ => {}
        }
        // Only the first few candidates are read: each read walks a subtree.
        if byline.is_none()
            && byline_tries < MAX_BYLINE_TRIES
            && e.hints & hints::AUTHOR != 0
            && e.hints & hints::HIDDEN == 0
        {
            byline_tries += 1;
            byline = author_name(&dom.text_content(id));
        }
        if let Some(prop) = e.attr(Attr::Itemprop)
            && e.tag != Tag::Meta
        {
            match prop {
                "author" | "creator" if m.authors.is_empty() => {
                    push_unique(&mut m.authors, &dom.text_content(id))
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
    // A visible byline when no markup names the author.
    if m.authors.is_empty()
        && let Some(b) = byline
    {
        m.authors.push(b);
    }
    // JSON-LD headline, then OpenGraph, then <title>, then the first <h1>.
    if m.title.is_none() {
        m.title = og_title.or(title_tag).or(h1);
    }
    if m.page_type.is_none() {
        m.page_type = og_type;
    }
    if m.canonical_url.is_none()
        && let Some(u) = hints.url()
    {
        set(&mut m.canonical_url, u);
    }
    for d in [&mut m.published, &mut m.modified] {
        if let Some(v) = d.take() {
            *d = iso_date(&v);
        }
    }
    m
}

/// A person's name from a byline's text: "By Jane Doe" → "Jane Doe";
/// nothing when the text is too long or short to be a name.
fn author_name(text: &str) -> Option<String> {
    let t = clean(text)?;
    let lower = t.to_lowercase();
    let t = if lower.starts_with("by ") {
        t[3..].trim().to_string()
    } else {
        t
    };
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    (letters >= 3 && t.chars().count() <= MAX_AUTHOR_CHARS).then_some(t)
}

/// How many byline-like elements are read before giving up.
const MAX_BYLINE_TRIES: usize = 5;

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

/// Walks JSON-LD objects (top level, arrays, `@graph`) without recursion.
fn json_ld(root: &Value, m: &mut Metadata) {
    let mut stack = vec![root];
    let mut seen = 0;
    while let Some(v) = stack.pop() {
        seen += 1;
        if seen > 10_000 {
            break;
        }
        match v {
            Value::Array(a) => stack.extend(a.iter().rev()),
            Value::Object(o) => {
                if let Some(g) = o.get("@graph") {
                    stack.push(g);
                }
                let Some(ty) = content_type(o.get("@type").unwrap_or(&Value::Null)) else {
                    continue;
                };
                let is_page = ty == "WebPage";
                if !is_page {
                    set(&mut m.page_type, ty);
                }
                if let Some(h) = o.get("headline").or_else(|| o.get("name")).and_then(str_of)
                    && !is_page
                {
                    set(&mut m.title, h);
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
                            if let Some(n) = str_of(x) {
                                push_unique(&mut m.authors, n);
                            }
                        }
                    }
                    Some(x) => {
                        if let Some(n) = str_of(x) {
                            push_unique(&mut m.authors, n);
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
                    Some(Value::String(s)) => {
                        s.split(',').for_each(|t| push_unique(&mut m.tags, t))
                    }
                    Some(Value::Array(a)) => a
                        .iter()
                        .filter_map(Value::as_str)
                        .for_each(|t| push_unique(&mut m.tags, t)),
                    _ => {}
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{iso_date, unescape};

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
}
