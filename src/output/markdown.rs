//! Markdown: headings, lists, tables and fenced code from the kept blocks.

use crate::{BlockKind, Extracted};

/// Escapes characters that would otherwise start Markdown syntax at the
/// beginning of a line, or break a table cell.
fn escape_line_start(s: &str) -> String {
    let trimmed = s.trim_start();
    let needs = trimmed.starts_with(['#', '>', '-', '+', '*', '|', '`', '='])
        || trimmed
            .split_once(". ")
            .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
    if needs {
        format!("\\{s}")
    } else {
        s.to_string()
    }
}

/// The kept blocks as Markdown.
pub(crate) fn markdown(out: &Extracted) -> String {
    let mut s = String::new();
    let mut prev: Option<BlockKind> = None;
    let mut item_no: Vec<u32> = Vec::new();
    for b in out.kept() {
        let kind = b.kind;
        let same_group = match (prev, kind) {
            (Some(BlockKind::ListItem { .. }), BlockKind::ListItem { .. }) => true,
            (Some(BlockKind::TableRow { .. }), BlockKind::TableRow { .. }) => true,
            (Some(BlockKind::Quote), BlockKind::Quote) => false,
            _ => false,
        };
        if !s.is_empty() {
            s.push_str(if same_group { "\n" } else { "\n\n" });
        }
        if !matches!(kind, BlockKind::ListItem { .. }) {
            item_no.clear();
        }
        match kind {
            BlockKind::Heading(level) => {
                for _ in 0..level {
                    s.push('#');
                }
                s.push(' ');
                s.push_str(&b.text);
            }
            BlockKind::ListItem { ordered, depth } => {
                let d = depth as usize;
                item_no.resize(d + 1, 0);
                item_no[d] += 1;
                for _ in 0..d {
                    s.push_str("   ");
                }
                if ordered {
                    s.push_str(&format!("{}. ", item_no[d]));
                } else {
                    s.push_str("- ");
                }
                s.push_str(&b.text);
            }
            BlockKind::TableRow { header } => {
                let cells: Vec<String> =
                    b.text.split('\t').map(|c| c.replace('|', "\\|")).collect();
                s.push_str("| ");
                s.push_str(&cells.join(" | "));
                s.push_str(" |");
                let starts_table = !matches!(prev, Some(BlockKind::TableRow { .. }));
                if starts_table {
                    // Markdown tables need a header row; the first row serves.
                    s.push_str("\n|");
                    for _ in &cells {
                        s.push_str(" --- |");
                    }
                }
                let _ = header;
            }
            BlockKind::Code => {
                let fence = if b.text.contains("```") {
                    "~~~~"
                } else {
                    "```"
                };
                s.push_str(fence);
                s.push('\n');
                s.push_str(&b.text);
                s.push('\n');
                s.push_str(fence);
            }
            BlockKind::Quote => {
                s.push_str("> ");
                s.push_str(&b.text);
            }
            BlockKind::Caption | BlockKind::Paragraph => s.push_str(&escape_line_start(&b.text)),
        }
        prev = Some(kind);
    }
    s
}
