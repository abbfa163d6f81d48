//! Data-driven checks over `corpus/`: for every `NAME.html`, the lines of
//! `NAME.gold.txt` must come out in order, no line of `NAME.bad.txt` may come
//! out, and most output words must be gold words. See `corpus/README.md`.
//!
//! Failures of all pages are gathered and reported in one panic, so a single
//! run shows everything the engine still gets wrong.

use std::collections::HashSet;
use std::fs;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use dechaff::{Extracted, Extractor, Hints, Options};

/// Fewer pages than this means the corpus went missing, not that it passed.
const MIN_PAGES: usize = 15;
/// Share of output tokens that must be gold (or title) tokens.
const MIN_PRECISION: f64 = 0.90;
/// How many words of the first extracted gold line the Markdown must contain.
const MARKDOWN_PROBE_WORDS: usize = 4;

struct Page {
    name: String,
    html: Vec<u8>,
    gold: Vec<String>,
    bad: Vec<String>,
}

/// What one page's extraction gave, with the checks' findings.
struct Outcome {
    out: Option<Extracted>,
    gold_found: usize,
    bad_found: usize,
    precision: Option<f64>,
    failures: Vec<String>,
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// Every run of whitespace becomes one space, so that block and line
/// breaks, tabs between table cells and indentation never matter.
fn normalize(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lines of a gold or bad file, normalized, blank lines left out.
fn lines_of(text: &str) -> Vec<String> {
    text.lines()
        .map(normalize)
        .filter(|l| !l.is_empty())
        .collect()
}

/// Loads every page; a page without its gold or bad file is a failure.
fn load_pages(failures: &mut Vec<String>) -> Vec<Page> {
    let dir = corpus_dir();
    let entries =
        fs::read_dir(&dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
    let mut names: Vec<String> = entries
        .filter_map(|e| {
            let path = e.ok()?.path();
            if path.extension()? != "html" {
                return None;
            }
            Some(path.file_stem()?.to_str()?.to_owned())
        })
        .collect();
    names.sort();
    assert!(
        names.len() >= MIN_PAGES,
        "only {} pages in {}, expected at least {MIN_PAGES}",
        names.len(),
        dir.display()
    );
    let mut pages = Vec::new();
    for name in names {
        let html = fs::read(dir.join(format!("{name}.html"))).expect("listed page is readable");
        let mut read = |kind: &str| match fs::read_to_string(dir.join(format!("{name}.{kind}.txt")))
        {
            Ok(text) => Some(lines_of(&text)),
            Err(e) => {
                failures.push(format!("{name}: missing {name}.{kind}.txt: {e}"));
                None
            }
        };
        let (Some(gold), Some(bad)) = (read("gold"), read("bad")) else {
            continue;
        };
        if gold.is_empty() {
            failures.push(format!("{name}: {name}.gold.txt is empty"));
            continue;
        }
        pages.push(Page {
            name,
            html,
            gold,
            bad,
        });
    }
    pages
}

/// Scripts written without spaces between words: each character counts as
/// a token, since there are no word boundaries to split on.
fn unspaced(c: char) -> bool {
    matches!(c,
        '\u{0E00}'..='\u{0EFF}'     // Thai, Lao
        | '\u{1000}'..='\u{109F}'   // Myanmar
        | '\u{1780}'..='\u{17FF}'   // Khmer
        | '\u{3040}'..='\u{30FF}'   // Hiragana, Katakana
        | '\u{3400}'..='\u{4DBF}'   // CJK extension A
        | '\u{4E00}'..='\u{9FFF}'   // CJK unified ideographs
        | '\u{F900}'..='\u{FAFF}'   // CJK compatibility ideographs
        | '\u{FF66}'..='\u{FF9F}'   // halfwidth Katakana
    )
}

/// Lowercased words (alphanumeric runs), plus single characters of
/// unspaced scripts.
fn tokens(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in s.chars() {
        if unspaced(c) || !c.is_alphanumeric() {
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            if unspaced(c) {
                out.push(c.to_string());
            }
        } else {
            word.extend(c.to_lowercase());
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// The raw `<title>` text, decoded with the encoding the extractor chose,
/// so the precision check does not depend on the extractor's title logic.
fn raw_title(html: &[u8], encoding: &str) -> String {
    let enc = encoding_rs::Encoding::for_label(encoding.as_bytes()).unwrap_or(encoding_rs::UTF_8);
    let (text, _, _) = enc.decode(html);
    // ASCII lowercasing keeps byte offsets, so positions carry over.
    let lower = text.to_ascii_lowercase();
    let Some(open) = lower.find("<title") else {
        return String::new();
    };
    let Some(gt) = lower[open..].find('>') else {
        return String::new();
    };
    let start = open + gt + 1;
    let end = lower[start..]
        .find("</title")
        .map_or(lower.len(), |i| start + i);
    text[start..end].to_string()
}

/// Markdown's inline markup and escapes, removed (from both sides of the
/// comparison) before looking for plain words.
fn strip_markdown(s: &str) -> String {
    // Table pipes too: a gold table row is its cells with the tabs gone.
    normalize(&s.replace(['*', '_', '`', '\\', '[', ']', '#', '>', '|'], ""))
}

fn truncate(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// Extracts one page and runs every check on it. Texts in messages are
/// quoted by hand: `{:?}` would escape Thai and other combining marks.
fn check_page(page: &Page) -> Outcome {
    let name = &page.name;
    let mut failures = Vec::new();
    let extractor = Extractor::new(Options::default());
    // A panic in one page must not hide the results of the others.
    let out = match catch_unwind(AssertUnwindSafe(|| {
        extractor.extract(&page.html, &Hints::default())
    })) {
        Ok(out) => out,
        Err(_) => {
            failures.push(format!("{name}: extract panicked"));
            return Outcome {
                out: None,
                gold_found: 0,
                bad_found: 0,
                precision: None,
                failures,
            };
        }
    };
    let text = out.text();
    let flat = normalize(&text);

    // Gold lines in order: each is searched after the end of the previous match.
    let mut pos = 0;
    let mut gold_found = 0;
    for line in &page.gold {
        match flat[pos..].find(line.as_str()) {
            Some(i) => {
                pos += i + line.len();
                gold_found += 1;
            }
            None if flat.contains(line.as_str()) => {
                failures.push(format!(
                    "{name}: gold line out of order: \"{}\"",
                    truncate(line, 100)
                ));
            }
            None => failures.push(format!(
                "{name}: gold line missing: \"{}\"",
                truncate(line, 100)
            )),
        }
    }

    let mut bad_found = 0;
    for bad in &page.bad {
        if flat.contains(bad.as_str()) {
            bad_found += 1;
            failures.push(format!("{name}: boilerplate in output: \"{bad}\""));
        }
    }

    // Precision: output tokens must be gold or title tokens.
    let mut allowed: HashSet<String> = page.gold.iter().flat_map(|l| tokens(l)).collect();
    allowed.extend(tokens(&raw_title(&page.html, out.encoding)));
    allowed.extend(out.title.iter().flat_map(|t| tokens(t)));
    let out_tokens = tokens(&flat);
    let precision = if out_tokens.is_empty() {
        None
    } else {
        let hits = out_tokens.iter().filter(|t| allowed.contains(*t)).count();
        Some(hits as f64 / out_tokens.len() as f64)
    };
    if let Some(p) = precision.filter(|p| *p < MIN_PRECISION) {
        // The output lines with the most foreign tokens show what leaked.
        let mut worst: Vec<(usize, &str)> = text
            .lines()
            .map(|l| {
                (
                    tokens(l).iter().filter(|t| !allowed.contains(*t)).count(),
                    l,
                )
            })
            .filter(|(n, _)| *n > 0)
            .collect();
        worst.sort_by_key(|w| std::cmp::Reverse(w.0));
        let shown: Vec<String> = worst
            .iter()
            .take(5)
            .map(|(n, l)| {
                format!(
                    "\n      {n} foreign tokens: \"{}\"",
                    truncate(&normalize(l), 100)
                )
            })
            .collect();
        failures.push(format!(
            "{name}: word precision {:.1}% < {:.0}% ({} output tokens){}",
            p * 100.0,
            MIN_PRECISION * 100.0,
            out_tokens.len(),
            shown.concat()
        ));
    }

    let json = out.json();
    let json = json.trim();
    if !(json.starts_with('{') && json.ends_with('}')) {
        failures.push(format!(
            "{name}: json() is not one object: {:?}",
            truncate(json, 80)
        ));
    }

    // Markdown must carry the same text: probe it with the first gold line
    // that text() has (a missing line is already reported above).
    if let Some(first) = page.gold.iter().find(|l| flat.contains(l.as_str())) {
        let words: Vec<&str> = first.split(' ').take(MARKDOWN_PROBE_WORDS).collect();
        let probe = truncate(&strip_markdown(&words.join(" ")), 40);
        let probe = probe.trim_end_matches('…');
        if !strip_markdown(&out.markdown()).contains(probe) {
            failures.push(format!("{name}: markdown() lacks the words \"{probe}\""));
        }
    }

    Outcome {
        out: Some(out),
        gold_found,
        bad_found,
        precision,
        failures,
    }
}

#[test]
fn corpus_pages_extract_gold_and_no_boilerplate() {
    let mut failures = Vec::new();
    let pages = load_pages(&mut failures);
    for page in &pages {
        failures.extend(check_page(page).failures);
    }
    assert!(
        failures.is_empty(),
        "{} corpus failures in {} pages:\n  {}",
        failures.len(),
        pages.len(),
        failures.join("\n  ")
    );
}

/// Prints one line per page; never fails on extraction quality, so it gives
/// the overview even while the main corpus test is red.
#[test]
fn corpus_summary() {
    let mut failures = Vec::new();
    let pages = load_pages(&mut failures);
    eprintln!(
        "{:<26} {:<13} {:>9} {:>9} {:>5} {:>7} {:>7}",
        "page", "encoding", "kept/all", "gold", "bad", "prec%", "chars"
    );
    for page in &pages {
        let o = check_page(page);
        let (encoding, kept, all, chars) = match &o.out {
            Some(out) => (
                out.encoding,
                out.kept().count(),
                out.blocks.len(),
                out.text().chars().count(),
            ),
            None => ("panicked", 0, 0, 0),
        };
        eprintln!(
            "{:<26} {:<13} {:>9} {:>9} {:>5} {:>7} {:>7}",
            page.name,
            encoding,
            format!("{kept}/{all}"),
            format!("{}/{}", o.gold_found, page.gold.len()),
            o.bad_found,
            o.precision
                .map_or("-".to_string(), |p| format!("{:.1}", p * 100.0)),
            chars
        );
    }
    for f in failures {
        eprintln!("{f}");
    }
}

/// The two pages not in UTF-8 must be decoded with their declared charset:
/// GBK from `<meta charset>`, windows-1251 from `http-equiv` only.
#[test]
fn corpus_legacy_encodings_decode() {
    let cases = [
        ("chinese_gbk", "GBK", "电梯"),
        ("russian_cp1251", "windows-1251", "переправ"),
    ];
    let mut failures = Vec::new();
    for (name, encoding, word) in cases {
        let path = corpus_dir().join(format!("{name}.html"));
        let html =
            fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        let out = Extractor::new(Options::default()).extract(&html, &Hints::default());
        if out.encoding != encoding {
            failures.push(format!(
                "{name}: encoding {:?}, expected {encoding:?}",
                out.encoding
            ));
        }
        if !out.text().contains(word) {
            failures.push(format!("{name}: text lacks \"{word}\""));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `extract_str` on a page's decoded text gives what `extract` gives on its
/// bytes: the text path differs only in skipping charset detection.
#[test]
fn extract_str_matches_extract_on_every_page() {
    let mut failures = Vec::new();
    let pages = load_pages(&mut failures);
    assert!(pages.len() >= MIN_PAGES, "only {} pages", pages.len());
    let ex = Extractor::new(Options::default());
    for page in &pages {
        let decoded = dechaff::decode(&page.html, &Hints::default());
        let from_bytes = ex.extract(&page.html, &Hints::default());
        let from_text = ex.extract_str(&decoded.text, &Hints::default());
        assert_eq!(from_text.text(), from_bytes.text(), "{}", page.name);
        assert_eq!(from_text.markdown(), from_bytes.markdown(), "{}", page.name);
        assert_eq!(from_text.encoding_source, dechaff::EncodingSource::Text);
    }
}

/// The byte limit cuts decoded text at a character boundary, never inside
/// one, and says the result is degraded.
#[test]
fn extract_str_cuts_long_text_at_a_character_boundary() {
    let html = format!("<p>{}</p>", "жёлтый ".repeat(200));
    for limit in 1..40 {
        let ex = Extractor::new(Options::default().with_max_bytes(limit));
        let out = ex.extract_str(&html, &Hints::default());
        assert_eq!(out.degraded, Some(dechaff::Degradation::TooManyBytes));
        assert!(!out.text().contains('\u{FFFD}'), "limit {limit}");
    }
    let out = Extractor::default().extract_str("\u{FEFF}<p>Hello there.</p>", &Hints::default());
    assert_eq!(out.text(), "Hello there.");
}
