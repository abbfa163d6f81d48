//! JSON: the whole result as one object, written by hand so the library
//! needs no serialisation framework.

use std::fmt::Write;

use crate::Extracted;

fn string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn opt(out: &mut String, s: Option<&str>) {
    match s {
        Some(s) => string(out, s),
        None => out.push_str("null"),
    }
}

fn list(out: &mut String, items: &[String]) {
    out.push('[');
    for (i, s) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        string(out, s);
    }
    out.push(']');
}

/// `{"title", "text", "lang", "encoding", "encoding_source", "degraded",
/// "metadata", "comments", "blocks": [{"kind", "text", "kept", "reason"}]}`.
pub(crate) fn json(x: &Extracted) -> String {
    let mut o = String::with_capacity(1024);
    o.push_str("{\"title\":");
    opt(&mut o, x.title.as_deref());
    o.push_str(",\"text\":");
    string(&mut o, &x.text());
    o.push_str(",\"lang\":");
    opt(&mut o, x.lang.as_deref());
    o.push_str(",\"encoding\":");
    string(&mut o, x.encoding);
    o.push_str(",\"encoding_source\":");
    string(&mut o, x.encoding_source.name());
    o.push_str(",\"degraded\":");
    opt(&mut o, x.degraded.map(|d| d.name()));
    let m = &x.metadata;
    o.push_str(",\"metadata\":{\"title\":");
    opt(&mut o, m.title.as_deref());
    o.push_str(",\"authors\":");
    list(&mut o, &m.authors);
    o.push_str(",\"published\":");
    opt(&mut o, m.published.as_deref());
    o.push_str(",\"modified\":");
    opt(&mut o, m.modified.as_deref());
    o.push_str(",\"site_name\":");
    opt(&mut o, m.site_name.as_deref());
    o.push_str(",\"description\":");
    opt(&mut o, m.description.as_deref());
    o.push_str(",\"canonical_url\":");
    opt(&mut o, m.canonical_url.as_deref());
    o.push_str(",\"image\":");
    opt(&mut o, m.image.as_deref());
    o.push_str(",\"tags\":");
    list(&mut o, &m.tags);
    o.push_str(",\"page_type\":");
    opt(&mut o, m.page_type.as_deref());
    o.push_str("},\"comments\":");
    opt(&mut o, x.comments.as_deref());
    o.push_str(",\"blocks\":[");
    for (i, b) in x.blocks.iter().enumerate() {
        if i > 0 {
            o.push(',');
        }
        o.push_str("{\"kind\":");
        string(&mut o, b.kind.name());
        o.push_str(",\"text\":");
        string(&mut o, &b.text);
        let _ = write!(o, ",\"kept\":{},\"reason\":", b.kept);
        string(&mut o, b.reason.name());
        o.push('}');
    }
    o.push_str("]}");
    o
}
