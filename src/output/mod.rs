//! Writers: plain text, Markdown and JSON.

mod json;
mod markdown;

pub(crate) use json::json;
pub(crate) use markdown::markdown;

use crate::Extracted;

/// Kept blocks, one per line (code blocks keep their own line breaks).
pub(crate) fn text(out: &Extracted) -> String {
    let mut s = String::new();
    for b in out.kept() {
        if !s.is_empty() {
            s.push('\n');
        }
        s.push_str(&b.text);
    }
    s
}
