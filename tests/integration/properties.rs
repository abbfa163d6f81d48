//! Property tests over generated pages:
//!
//! 1. every output word is in the page's text (nothing is invented, no
//!    markup or attribute leaks into the text);
//! 2. the same bytes give the same output, whatever the thread count and
//!    the order of a batch;
//! 3. extracting again from our own Markdown, turned into HTML, keeps the
//!    text.

use std::rc::Rc;

use dechaff::{Extracted, Extractor, Hints, Options};
use markup5ever_rcdom::NodeData;
use proptest::prelude::*;
use rayon::prelude::*;

use crate::reference;

/// Whitespace runs to one space.
fn normalize(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// All the text of a page as html5ever's reference DOM has it, in document
/// order (whitespace as it is): a superset of what may come out.
fn page_text(html: &str) -> String {
    let dom = reference::parse(html);
    let mut text = String::new();
    let mut stack = vec![dom.document.clone()];
    while let Some(node) = stack.pop() {
        if let NodeData::Text { contents } = &node.data {
            text.push_str(&contents.borrow());
        }
        // Script and style text is never shown: the text around it joins,
        // as it does in a browser.
        if reference::drops_text(&node) {
            continue;
        }
        for c in node.children.borrow().iter().rev() {
            stack.push(Rc::clone(c));
        }
    }
    // Our blocks show a NUL the tree builder let through as U+FFFD.
    text.replace('\0', "\u{FFFD}")
}

/// Words for generated text: ASCII, accented, CJK, RTL, an entity.
const WORDS: &[&str] = &[
    "alpha",
    "beta",
    "gamma",
    "delta",
    "news",
    "story",
    "reader",
    "city",
    "council",
    "vote",
    "météo",
    "straße",
    "Привет",
    "日本語",
    "العربية",
    "a&amp;b",
    "x&lt;y",
    "1,234",
    "end.",
];

/// Markup pieces, closed or not, nested or not: the page is any sequence.
const OPEN: &[&str] = &[
    "<p>",
    "<div>",
    "<div class=content>",
    "<article>",
    "<span>",
    "<b>",
    "<i>",
    "<a href=/x>",
    "<ul><li>",
    "<li>",
    "<ol><li>",
    "<table><tr><td>",
    "<td>",
    "<h1>",
    "<h2>",
    "<pre>",
    "<blockquote>",
    "<nav>",
    "<footer>",
    "<aside class=sidebar>",
    "<div hidden>",
    "<br>",
    "<svg><text>",
    "<template>",
];
const CLOSE: &[&str] = &[
    "</p>",
    "</div>",
    "</article>",
    "</span>",
    "</b>",
    "</i>",
    "</a>",
    "</li></ul>",
    "</td></tr></table>",
    "</h1>",
    "</h2>",
    "</pre>",
    "</blockquote>",
    "</nav>",
    "</footer>",
    "</aside>",
    "</svg>",
    "</template>",
    "<script>var hidden = 'script text';</script>",
    "<style>.x{}</style>",
    "<!-- a comment -->",
];

/// One piece of a generated page.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::collection::vec(prop::sample::select(WORDS), 1..30)
            .prop_map(|w| w.join(" ") + " "),
        3 => prop::sample::select(OPEN).prop_map(str::to_string),
        3 => prop::sample::select(CLOSE).prop_map(str::to_string),
    ]
}

/// A page of generated pieces.
fn page() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..120).prop_map(|p| {
        format!(
            "<!DOCTYPE html><html><head><title>Generated page</title></head><body>{}</body></html>",
            p.concat()
        )
    })
}

/// Every token of every kept block is in the page's text, as it is or
/// with its mojibake put back (bytes read in one charset that were
/// written in another). Both sides are put back in the comparison: a
/// run cut by an element (`æ<c></c>¸ª`) stays spoiled in the block, and
/// runs on both sides of the cut join in the page's flat text. A token
/// already put back as far as the repair goes (twice) may be found in
/// the put-back page as it is: putting it back once more would spell
/// something else (`â€\u{80}` is not spoiled text but three characters).
fn check_words_from_page(html_bytes: &[u8], out: &Extracted) -> Result<(), TestCaseError> {
    let decoded = dechaff::decode(html_bytes, &Hints::default());
    let flat = page_text(&decoded.text);
    // Zero-width spaces, word joiners and stray BOMs draw nothing: blocks
    // leave them out and join the text around them, also where a spoiled
    // run spelled one (`â\u{81}\u{A0}`).
    let visible = |s: &str| -> String {
        s.chars()
            .filter(|c| !matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}'))
            .collect()
    };
    let text = normalize(&visible(&flat));
    // Before normalizing: a no-break space may end a spoiled run.
    let repaired = normalize(&visible(&dechaff::repair_mojibake(&flat)));
    for b in out.kept() {
        for token in b.text.split_whitespace() {
            prop_assert!(
                text.contains(token)
                    || repaired.contains(token)
                    || repaired.contains(&*dechaff::repair_mojibake(token)),
                "{token:?} of block {:?} is not in the page's text {text:?}",
                b.text
            );
        }
    }
    Ok(())
}

fn extract(bytes: &[u8]) -> Extracted {
    Extractor::new(Options::default()).extract(bytes, &Hints::default())
}

/// Everything an extraction gives, as one string to compare.
fn fingerprint(out: &Extracted) -> String {
    format!("{}\n{}\n{}", out.json(), out.markdown(), out.text())
}

/// A tiny Markdown to HTML converter for what our Markdown writer emits:
/// ATX headings, `-` and `1.` list items, `>` quotes, fenced code, table
/// rows, and paragraphs separated by blank lines.
fn markdown_to_html(md: &str) -> String {
    fn unescape(s: &str) -> String {
        s.strip_prefix('\\')
            .unwrap_or(s)
            .replace('&', "&amp;")
            .replace('<', "&lt;")
    }
    let mut html = String::from(
        "<!DOCTYPE html><html><head><title>Generated page</title></head><body><article>",
    );
    let mut list: Option<&str> = None;
    let mut fence = false;
    for line in md.lines() {
        if fence {
            if line == "```" || line == "~~~~" {
                html.push_str("</pre>");
                fence = false;
            } else {
                html.push_str(&unescape(line));
                html.push('\n');
            }
            continue;
        }
        let item = line
            .trim_start()
            .strip_prefix("- ")
            .map(|t| ("ul", t))
            .or_else(|| {
                let (n, t) = line.trim_start().split_once(". ")?;
                n.chars().all(|c| c.is_ascii_digit()).then_some(("ol", t))
            });
        if list.is_some() && item.map(|(k, _)| k) != list {
            html.push_str(&format!("</{}>", list.take().unwrap_or("ul")));
        }
        if let Some((kind, t)) = item {
            if list.is_none() {
                html.push_str(&format!("<{kind}>"));
                list = Some(kind);
            }
            html.push_str(&format!("<li>{}</li>", unescape(t)));
        } else if line == "```" || line == "~~~~" {
            html.push_str("<pre>");
            fence = true;
        } else if let Some(level) =
            (1..=6).find(|&n| line.starts_with(&format!("{} ", "#".repeat(n))))
        {
            html.push_str(&format!(
                "<h{level}>{}</h{level}>",
                unescape(&line[level + 1..])
            ));
        } else if let Some(q) = line.strip_prefix("> ") {
            html.push_str(&format!("<blockquote>{}</blockquote>", unescape(q)));
        } else if !line.trim().is_empty() {
            html.push_str(&format!("<p>{}</p>", unescape(line)));
        }
    }
    if let Some(kind) = list {
        html.push_str(&format!("</{kind}>"));
    }
    html.push_str("</article></body></html>");
    html
}

/// An article of headings, paragraphs and lists, as (html, blocks).
fn article() -> impl Strategy<Value = String> {
    let words = |n: std::ops::Range<usize>| {
        prop::collection::vec("[a-z]{2,9}", n).prop_map(|w| w.join(" "))
    };
    let block = prop_oneof![
        5 => words(25..60).prop_map(|t| format!("<p>{t}, and so the story goes on.</p>")),
        1 => words(2..6).prop_map(|t| format!("<h2>{t}</h2>")),
        1 => prop::collection::vec(words(6..14), 2..5).prop_map(|items| {
            let li: String = items.iter().map(|i| format!("<li>{i}</li>")).collect();
            format!("<ul>{li}</ul>")
        }),
    ];
    prop::collection::vec(block, 3..12).prop_map(|blocks| {
        format!(
            "<!DOCTYPE html><html><head><title>Generated page</title></head><body>\
             <nav><a href=/>Home</a> <a href=/news>News</a></nav><article>{}</article>\
             <footer>Copyright notice</footer></body></html>",
            blocks.concat()
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn output_words_are_page_words(html in page()) {
        let out = extract(html.as_bytes());
        check_words_from_page(html.as_bytes(), &out)?;
    }

    #[test]
    fn output_words_are_page_words_for_any_bytes(
        bytes in prop::collection::vec(any::<u8>(), 0..600),
        html in page(),
    ) {
        // Raw bytes, and a page with raw bytes spliced in (invalid UTF-8).
        let mut spliced = html.into_bytes();
        let at = spliced.len() / 2;
        spliced.splice(at..at, bytes.iter().copied());
        for page in [bytes, spliced] {
            let out = extract(&page);
            check_words_from_page(&page, &out)?;
        }
    }

    #[test]
    fn batches_give_the_same_output_on_any_thread_count(
        pages in prop::collection::vec(page(), 1..8),
    ) {
        let one: Vec<String> = pages.iter().map(|p| fingerprint(&extract(p.as_bytes()))).collect();
        let pool = rayon::ThreadPoolBuilder::new().num_threads(3).build().expect("threads");
        // In parallel, in reverse order, with one shared extractor.
        let ex = Extractor::new(Options::default());
        let mut many: Vec<(usize, String)> = pool.install(|| {
            pages
                .par_iter()
                .enumerate()
                .rev()
                .map(|(i, p)| (i, fingerprint(&ex.extract(p.as_bytes(), &Hints::default()))))
                .collect()
        });
        many.sort_by_key(|(i, _)| *i);
        let many: Vec<String> = many.into_iter().map(|(_, f)| f).collect();
        prop_assert_eq!(one, many);
    }

    #[test]
    fn markdown_round_trip_keeps_the_text(html in article()) {
        let first = extract(html.as_bytes());
        let again = extract(markdown_to_html(&first.markdown()).as_bytes());
        prop_assert!(!first.text().is_empty());
        prop_assert_eq!(normalize(&first.text()), normalize(&again.text()));
    }
}

/// The corpus pages give the same output one by one and on threads, in
/// any order.
#[test]
fn corpus_output_is_the_same_on_threads() {
    let pages = crate::pathological::ordinary_pages(false);
    let one: Vec<String> = pages
        .iter()
        .map(|(_, p)| fingerprint(&extract(p)))
        .collect();
    let ex = Extractor::new(Options::default());
    for threads in [2, 4] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("threads");
        let mut many: Vec<(usize, String)> = pool.install(|| {
            pages
                .par_iter()
                .enumerate()
                .rev()
                .map(|(i, (_, p))| (i, fingerprint(&ex.extract(p, &Hints::default()))))
                .collect()
        });
        many.sort_by_key(|(i, _)| *i);
        for ((i, f), o) in many.iter().zip(&one) {
            assert_eq!(f, o, "{} differs on {threads} threads", pages[*i].0);
        }
    }
}

#[test]
fn markdown_converter_reads_our_markdown() {
    let html = markdown_to_html(
        "# Head\n\nA para.\n\n- one\n- two\n\n1. first\n\n> quoted\n\n```\ncode\n```",
    );
    assert!(html.contains("<h1>Head</h1>"));
    assert!(html.contains("<ul><li>one</li><li>two</li></ul>"));
    assert!(html.contains("<ol><li>first</li></ol>"));
    assert!(html.contains("<blockquote>quoted</blockquote>"));
    assert!(html.contains("<pre>code\n</pre>"));
}
