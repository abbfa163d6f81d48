//! Pathological pages: generated inputs at two sizes, 10× apart. For each,
//! extraction must finish, give a result (marked degraded where a limit
//! applies), keep the tree bounded, and take at most 1.5× as long per byte
//! at the larger size, so no input is quadratic.
//!
//! Timings take the fastest of three runs or more, in CPU time where Linux
//! gives it, to damp the noise of a shared machine. They are meaningful only with optimisations, so the timed tests
//! run in release builds (`cargo test --release --test integration
//! pathological`, as `.ci/run` does); debug builds run the smaller size once
//! and check the result only.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use dechaff::{Degradation, Extracted, Extractor, Hints, Options};

/// Largest allowed growth of time per byte from the small to the large size.
const MAX_RATIO: f64 = 1.5;

/// A generated page family: `generate(n)` builds a page of about `n` units.
struct Case {
    name: &'static str,
    generate: fn(usize) -> Vec<u8>,
    /// Units at the small size; the large size is ten times this.
    small: usize,
    /// What the large size must report.
    degraded: Expect,
    /// A word the output must hold at the small size (None: no check).
    word: Option<&'static str>,
    /// The settings: the defaults, or with room for 10× pages over the
    /// byte limit, so that they are parsed whole.
    options: Options,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Expect {
    /// No limit applies.
    Clean,
    /// This limit applies.
    Is(Degradation),
    /// Either way; the case is about time only.
    Any,
}

fn page(body: &str) -> Vec<u8> {
    format!("<!DOCTYPE html><html><head><title>t</title></head><body>{body}</body></html>")
        .into_bytes()
}

/// `<div>` nested `n` deep around one paragraph, closed at the end.
fn deep_nesting(n: usize) -> Vec<u8> {
    let mut s = String::with_capacity(11 * n + 64);
    s.push_str("<div>".repeat(n).as_str());
    s.push_str("<p>Deep inside the nest sits this sentence.</p>");
    s.push_str("</div>".repeat(n).as_str());
    page(&s)
}

/// `n` unclosed elements of mixed kinds, each followed by a word.
fn unclosed_everywhere(n: usize) -> Vec<u8> {
    const OPEN: [&str; 12] = [
        "<div>",
        "<span>",
        "<b>",
        "<i>",
        "<a href=x>",
        "<p>",
        "<li>",
        "<font color=red>",
        "<section>",
        "<em>",
        "<ul>",
        "<blockquote>",
    ];
    let mut s = String::new();
    for i in 0..n {
        s.push_str(OPEN[i % OPEN.len()]);
        s.push_str("word ");
    }
    page(&s)
}

/// Unclosed inline elements only, with distinct attributes so that the
/// "Noah's Ark" clause (at most three equal formatting elements) never
/// trims the list of active formatting elements.
fn unclosed_inline(n: usize) -> Vec<u8> {
    let mut s = String::new();
    for i in 0..n {
        let tag = ["b", "i", "span", "em", "u"][i % 5];
        s.push_str(&format!("<{tag} class=c{i}>word "));
    }
    page(&s)
}

/// Formatting elements left open inside blocks that close: each stays in
/// the list of active formatting elements and is rebuilt before later text.
fn formatting_reopened(n: usize) -> Vec<u8> {
    let mut s = String::new();
    for i in 0..n {
        s.push_str(&format!("<div><b id=b{i}>bold</div>"));
    }
    s.push_str("<p>after</p>");
    page(&s)
}

/// Mis-nested tables and formatting elements: `<b><p><i><table>` and
/// crossing end tags, which run the adoption agency.
fn misnested(n: usize) -> Vec<u8> {
    let mut s = String::new();
    for i in 0..n {
        match i % 4 {
            0 => s.push_str("<b><p><i><table>x"),
            1 => s.push_str("<b>one<i>two</b>three</i>"),
            2 => s.push_str("<a href=1><p>para<a href=2>link</a>"),
            _ => s.push_str("<table><tr><td><b>cell</td><i>z</table>"),
        }
    }
    page(&s)
}

/// One formatting element open around a deep stack of blocks, then closed:
/// the adoption agency's worst case, repeated.
fn adoption_deep(n: usize) -> Vec<u8> {
    let mut s = String::new();
    let depth = 100;
    for _ in 0..n / depth {
        s.push_str("<b>");
        s.push_str("<div>x".repeat(depth).as_str());
        s.push_str("</b>y");
        s.push_str("</div>".repeat(depth).as_str());
    }
    page(&s)
}

/// `n` sibling elements.
fn siblings(n: usize) -> Vec<u8> {
    let mut s = String::with_capacity(16 * n + 64);
    s.push_str("<div>");
    for _ in 0..n {
        s.push_str("<span>w</span>");
    }
    s.push_str("</div>");
    page(&s)
}

/// A table of `n` rows.
fn table_rows(n: usize) -> Vec<u8> {
    let mut s = String::with_capacity(32 * n + 64);
    s.push_str("<table>");
    for i in 0..n {
        s.push_str(&format!("<tr><td>cell {i}</td><td>x</td></tr>"));
    }
    s.push_str("</table>");
    page(&s)
}

/// One text node of about `n` bytes.
fn text_node(n: usize) -> Vec<u8> {
    let words = "lorem ipsum dolor sit amet. ";
    let mut s = String::with_capacity(n + 64);
    s.push_str("<p>");
    s.push_str(words.repeat(n / words.len() + 1).as_str());
    s.push_str("</p>");
    page(&s)
}

/// One element with `n` distinct attributes.
fn attributes(n: usize) -> Vec<u8> {
    let mut s = String::from("<div ");
    for i in 0..n {
        s.push_str(&format!("data-a{i}=\"v\" "));
    }
    s.push_str("><p>Text after the attribute flood.</p></div>");
    page(&s)
}

/// Many elements, each with many attributes, some repeated.
fn attributes_many_tags(n: usize) -> Vec<u8> {
    let mut s = String::new();
    for t in 0..n / 200 {
        s.push_str("<span");
        for i in 0..200 {
            s.push_str(&format!(" a{}=x", i % 150));
        }
        s.push_str(&format!(">w{t}</span>"));
    }
    page(&s)
}

/// Everything after `<plaintext>` is text.
fn plaintext(n: usize) -> Vec<u8> {
    let mut s = String::from("<p>Intro</p><plaintext>");
    for _ in 0..n {
        s.push_str("<b>not a tag</b> ");
    }
    page(&s)
}

/// Nested framesets with frames.
fn framesets(n: usize) -> Vec<u8> {
    let mut s = String::from("<!DOCTYPE html><html><head></head>");
    for _ in 0..n {
        s.push_str("<frameset><frame src=a>");
    }
    s.push_str("<noframes><p>No frames.</p></noframes>");
    s.push_str("</frameset>".repeat(n).as_str());
    s.into_bytes()
}

/// SVG and MathML nested deep, with HTML integration points.
fn svg_mathml(n: usize) -> Vec<u8> {
    let mut s = String::from("<p>Before the figure.</p>");
    for i in 0..n {
        match i % 4 {
            0 => s.push_str("<svg viewBox='0 0 1 1'><g>"),
            1 => s.push_str("<foreignObject><div>"),
            2 => s.push_str("<math><mrow><mi>x</mi>"),
            _ => s.push_str("<annotation-xml encoding=text/html><span>"),
        }
    }
    page(&s)
}

/// Templates nested in templates, with table parts inside.
fn templates(n: usize) -> Vec<u8> {
    let mut s = String::from("<p>Visible paragraph of the page.</p>");
    for _ in 0..n {
        s.push_str("<template><tr><td>t");
    }
    s.push_str("</template>".repeat(n).as_str());
    page(&s)
}

/// Script end-tag tricks: `</script >`, `</script\t>`, escaped comments.
fn script_tricks(n: usize) -> Vec<u8> {
    let mut s = String::new();
    for i in 0..n {
        match i % 4 {
            0 => s.push_str("<script>var a = '</scrip' + 't';</script >seen "),
            1 => s.push_str("<script><!--<script>x</script>--></script\t>seen "),
            2 => s.push_str("<script>if (a<b) {}</script/x>seen "),
            _ => s.push_str("<style>p{}</style >seen <title>t</title x>"),
        }
    }
    page(&s)
}

/// NUL bytes in text, tags, attributes and comments.
fn nul_bytes(n: usize) -> Vec<u8> {
    let mut s = Vec::new();
    for _ in 0..n {
        s.extend_from_slice(b"<p>a\0b</p><\0div x=\0>\0<!--\0-->t\0");
    }
    page(&String::from_utf8(s).expect("ascii"))
}

/// Invalid UTF-8 in a page declared UTF-8.
fn invalid_utf8(n: usize) -> Vec<u8> {
    let mut s = b"<meta charset=utf-8><p>".to_vec();
    for _ in 0..n {
        s.extend_from_slice(
            b"ok \xff\xfe \xc3\x28 \xe2\x82 \xf0\x90\x80 <b\xc0>x</b\xc0> <i a\xff=\xfe>y</i> ",
        );
    }
    s
}

/// An inline `data:` image of `n` bytes.
fn data_image(n: usize) -> Vec<u8> {
    let mut s = String::with_capacity(n + 128);
    s.push_str("<p>Before the picture.</p><img src=\"data:image/png;base64,");
    s.push_str("QUJD".repeat(n / 4).as_str());
    s.push_str("\"><p>After the picture.</p>");
    page(&s)
}

/// A comment of `n` bytes between two paragraphs.
fn giant_comment(n: usize) -> Vec<u8> {
    let mut s = String::with_capacity(n + 128);
    s.push_str("<p>Before the comment.</p><!--");
    s.push_str("<p>hidden</p> -".repeat(n / 15).as_str());
    s.push_str("--><p>After the comment.</p>");
    page(&s)
}

/// A page that is one `<pre>` of `n` lines.
fn giant_pre(n: usize) -> Vec<u8> {
    let mut s = String::from("<pre>");
    for i in 0..n {
        s.push_str(&format!("let line_{i} = {i} * 2;\n"));
    }
    s.push_str("</pre>");
    page(&s)
}

/// Default settings but a byte limit the large pages fit under.
fn roomy() -> Options {
    Options::default().with_max_bytes(64 << 20)
}

fn cases() -> Vec<Case> {
    use Expect::*;
    vec![
        Case {
            name: "deep_nesting",
            generate: deep_nesting,
            small: 10_000,
            degraded: Is(Degradation::TooDeep),
            word: Some("nest"),
            options: roomy(),
        },
        Case {
            name: "unclosed_everywhere",
            generate: unclosed_everywhere,
            small: 10_000,
            degraded: Is(Degradation::TooDeep),
            word: Some("word"),
            options: roomy(),
        },
        Case {
            name: "unclosed_inline",
            generate: unclosed_inline,
            small: 10_000,
            degraded: Is(Degradation::TooDeep),
            word: Some("word"),
            options: roomy(),
        },
        Case {
            name: "formatting_reopened",
            generate: formatting_reopened,
            small: 5_000,
            degraded: Any,
            word: Some("bold"),
            options: roomy(),
        },
        Case {
            name: "misnested",
            generate: misnested,
            small: 5_000,
            degraded: Any,
            word: None,
            options: roomy(),
        },
        Case {
            name: "adoption_deep",
            generate: adoption_deep,
            small: 20_000,
            degraded: Any,
            word: Some("x"),
            options: roomy(),
        },
        Case {
            name: "siblings",
            generate: siblings,
            small: 100_000,
            degraded: Is(Degradation::TooManyNodes),
            word: None,
            options: roomy(),
        },
        Case {
            name: "table_rows",
            generate: table_rows,
            small: 30_000,
            degraded: Is(Degradation::TooManyNodes),
            word: Some("cell"),
            options: roomy(),
        },
        Case {
            name: "text_node",
            generate: text_node,
            small: 5_000_000,
            degraded: Is(Degradation::TooManyBytes),
            word: Some("lorem"),
            options: Options::default(),
        },
        Case {
            name: "attributes",
            generate: attributes,
            small: 10_000,
            degraded: Is(Degradation::TooManyAttributes),
            word: Some("flood"),
            options: roomy(),
        },
        Case {
            name: "attributes_many_tags",
            generate: attributes_many_tags,
            small: 20_000,
            degraded: Any,
            word: None,
            options: roomy(),
        },
        Case {
            name: "plaintext",
            generate: plaintext,
            small: 100_000,
            degraded: Clean,
            word: Some("tag"),
            options: roomy(),
        },
        Case {
            name: "framesets",
            generate: framesets,
            small: 10_000,
            degraded: Any,
            word: None,
            options: roomy(),
        },
        Case {
            name: "svg_mathml",
            generate: svg_mathml,
            small: 10_000,
            degraded: Is(Degradation::TooDeep),
            word: None,
            options: roomy(),
        },
        Case {
            name: "templates",
            generate: templates,
            small: 10_000,
            degraded: Any,
            word: Some("Visible"),
            options: roomy(),
        },
        Case {
            name: "script_tricks",
            generate: script_tricks,
            small: 20_000,
            degraded: Clean,
            word: Some("seen"),
            options: roomy(),
        },
        Case {
            name: "nul_bytes",
            generate: nul_bytes,
            small: 20_000,
            degraded: Any,
            word: None,
            options: roomy(),
        },
        Case {
            name: "invalid_utf8",
            generate: invalid_utf8,
            small: 10_000,
            degraded: Clean,
            word: Some("ok"),
            options: roomy(),
        },
        Case {
            name: "data_image",
            generate: data_image,
            small: 2_000_000,
            degraded: Clean,
            word: Some("After"),
            options: roomy(),
        },
        Case {
            name: "giant_comment",
            generate: giant_comment,
            small: 2_000_000,
            degraded: Clean,
            word: Some("After"),
            options: roomy(),
        },
        Case {
            name: "giant_pre",
            generate: giant_pre,
            small: 50_000,
            degraded: Clean,
            word: Some("line_1"),
            options: roomy(),
        },
    ]
}

/// Timed tests run one at a time, whatever the harness's thread count.
static SERIAL: Mutex<()> = Mutex::new(());

/// The calling thread's CPU time: wall time would also count the time
/// other processes on a shared machine take from us.
#[cfg(unix)]
fn cpu_time() -> Option<Duration> {
    let t = rustix::time::clock_gettime(rustix::time::ClockId::ThreadCPUTime);
    Some(Duration::new(
        u64::try_from(t.tv_sec).ok()?,
        u32::try_from(t.tv_nsec).ok()?,
    ))
}

#[cfg(not(unix))]
fn cpu_time() -> Option<Duration> {
    None
}

/// How long `f` takes: CPU time where the system tells it, else wall time.
fn measure<T>(f: impl FnOnce() -> T) -> (Duration, T) {
    let (wall, cpu) = (Instant::now(), cpu_time());
    let out = f();
    let took = match (cpu, cpu_time()) {
        (Some(a), Some(b)) => b.saturating_sub(a),
        _ => wall.elapsed(),
    };
    (took, out)
}

/// The fastest run of each page. Runs alternate between the two, so that
/// both see the same machine load, at least three times each and until
/// both have had 300 ms, to smooth out timer and scheduling noise on short
/// runs.
fn time_pair(ex: &Extractor, small: &[u8], large: &[u8]) -> [(Duration, Extracted); 2] {
    let run = |page: &[u8]| measure(|| ex.extract(page, &Hints::default()));
    let mut best = [run(small), run(large)];
    let mut spent = [best[0].0, best[1].0];
    let mut runs = 1;
    while runs < 3 || (spent[0] < Duration::from_millis(300) && runs < 50) {
        for (i, page) in [small, large].into_iter().enumerate() {
            let (t, out) = run(page);
            spent[i] += t;
            if t < best[i].0 {
                best[i] = (t, out);
            }
        }
        runs += 1;
    }
    best
}

/// Checks what every result must satisfy: bounded tree, a result produced.
fn check_bounds(case: &Case, page: &[u8], out: &Extracted) {
    let opts = &case.options;
    let stats = dechaff::debug_parse_stats(page, opts);
    // A token may make up to a depth's worth of nodes (formatting elements
    // rebuilt) before the limit is seen.
    assert!(
        stats.nodes <= opts.max_nodes() + opts.max_depth() + 16,
        "{}: {} nodes over the limit {}",
        case.name,
        stats.nodes,
        opts.max_nodes()
    );
    assert!(
        stats.depth <= opts.max_depth() + 1,
        "{}: depth {} over the limit",
        case.name,
        stats.depth
    );
    // Text is copied once from the decoded page, never multiplied (a NUL
    // byte becomes a three-byte U+FFFD).
    assert!(
        stats.text_bytes <= 3 * page.len().min(opts.max_bytes()) + 64,
        "{}: {} bytes of text from a {}-byte page",
        case.name,
        stats.text_bytes,
        page.len()
    );
    if out.degraded != Some(Degradation::TooManyBytes) {
        assert_eq!(out.degraded, stats.degraded, "{}", case.name);
    }
    let _ = out.text();
    let _ = out.markdown();
    let _ = out.json();
}

fn check_case(case: &Case) {
    // A divisor for quick measurements by hand; the tests use 1.
    let div = std::env::var("DECHAFF_PATHOLOGICAL_DIV")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(1)
        .max(1);
    let small = (case.generate)(case.small / div);
    let large = (case.generate)(case.small / div * 10);
    let ex = Extractor::new(case.options.clone());
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    // A superlinear input fails every attempt; noise rarely fails three.
    let mut ratios = Vec::new();
    let mut outs = None;
    for _ in 0..3 {
        let [(t_small, out_small), (t_large, out_large)] = time_pair(&ex, &small, &large);
        let per_small = t_small.as_secs_f64() / small.len() as f64;
        let per_large = t_large.as_secs_f64() / large.len() as f64;
        let ratio = per_large / per_small;
        eprintln!(
            "{:<22} {:>10} B {:>9.2} ms   {:>11} B {:>9.2} ms   ratio {:.2}   {:?}",
            case.name,
            small.len(),
            t_small.as_secs_f64() * 1e3,
            large.len(),
            t_large.as_secs_f64() * 1e3,
            ratio,
            out_large.degraded.map(|d| d.name()),
        );
        ratios.push(ratio);
        outs = Some((out_small, out_large));
        if ratio <= MAX_RATIO {
            break;
        }
    }
    let (out_small, out_large) = outs.expect("timed at least once");
    check_bounds(case, &small, &out_small);
    check_bounds(case, &large, &out_large);
    if let Some(word) = case.word {
        assert!(
            out_small.blocks.iter().any(|b| b.text.contains(word)),
            "{}: {word:?} not in any block",
            case.name
        );
    }
    match case.degraded {
        Expect::Clean => assert_eq!(out_large.degraded, None, "{}", case.name),
        Expect::Is(d) => assert_eq!(out_large.degraded, Some(d), "{}", case.name),
        Expect::Any => {}
    }
    assert!(
        ratios.iter().any(|&r| r <= MAX_RATIO),
        "{}: time per byte grew {ratios:.2?}× for 10× the input",
        case.name,
    );
}

fn run(name: &str) {
    let case = cases()
        .into_iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("no case {name}"));
    check_case(&case);
}

/// Each case at its small size in a debug build: no crash, bounded tree,
/// the expected words out.
#[test]
fn pathological_pages_extract_in_debug_builds() {
    for case in cases() {
        let small = (case.generate)(case.small / 10);
        let out = Extractor::new(case.options.clone()).extract(&small, &Hints::default());
        check_bounds(&case, &small, &out);
    }
}

macro_rules! timed {
    ($($name:ident),* $(,)?) => {
        $(
            #[test]
            #[cfg_attr(debug_assertions, ignore = "timings need a release build")]
            fn $name() {
                run(stringify!($name));
            }
        )*
    };
}

mod timed {
    use super::run;
    timed!(
        deep_nesting,
        unclosed_everywhere,
        unclosed_inline,
        formatting_reopened,
        misnested,
        adoption_deep,
        siblings,
        table_rows,
        text_node,
        attributes,
        attributes_many_tags,
        plaintext,
        framesets,
        svg_mathml,
        templates,
        script_tricks,
        nul_bytes,
        invalid_utf8,
        data_image,
        giant_comment,
        giant_pre,
    );
}

/// Every page of `corpus/`, and of the benchmarks at `../shared/bench` when
/// present, as (name, bytes).
pub(crate) fn ordinary_pages(with_bench: bool) -> Vec<(String, Vec<u8>)> {
    use std::io::Read;
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut dirs = vec![root.join("corpus")];
    if with_bench {
        for set in ["scrapinghub", "wcxb-dev"] {
            dirs.push(root.join("../shared/bench").join(set).join("html"));
        }
    }
    let mut pages = Vec::new();
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            eprintln!("skipped: no pages at {}", dir.display());
            continue;
        };
        let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for path in paths {
            let name = path.display().to_string();
            let bytes = if name.ends_with(".html.gz") {
                let file = std::fs::File::open(&path).expect("readable page");
                let mut out = Vec::new();
                flate2::read::GzDecoder::new(file)
                    .read_to_end(&mut out)
                    .expect("gzip page");
                out
            } else if name.ends_with(".html") {
                std::fs::read(&path).expect("readable page")
            } else {
                continue;
            };
            pages.push((name, bytes));
        }
    }
    pages
}

/// The guards must leave real pages alone: none is degraded, and none
/// comes near the limits the guards act on. The benchmarks are read in
/// release builds only (they take minutes in debug).
#[test]
fn ordinary_pages_are_never_guarded() {
    // Heavy in release: keep it from disturbing the timings.
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let opts = Options::default();
    let pages = ordinary_pages(!cfg!(debug_assertions));
    assert!(pages.len() >= 15, "corpus missing");
    let (mut open, mut attrs, mut depth) =
        ((0, String::new()), (0, String::new()), (0, String::new()));
    let mut rewritten = Vec::new();
    for (name, bytes) in &pages {
        let s = dechaff::debug_parse_stats(bytes, &opts);
        assert_eq!(s.degraded, None, "{name} is degraded");
        if s.rewritten {
            rewritten.push(name.clone());
        }
        if s.max_open > open.0 {
            open = (s.max_open, name.clone());
        }
        if s.max_attributes > attrs.0 {
            attrs = (s.max_attributes, name.clone());
        }
        if s.depth > depth.0 {
            depth = (s.depth, name.clone());
        }
    }
    eprintln!(
        "{} pages; most open elements {open:?}, attributes {attrs:?}, depth {depth:?}; \
         {} with a long item shortened",
        pages.len(),
        rewritten.len()
    );
    // Well under the limits, so the guards have room to spare. (The most
    // attributes, 185, are on broken markup that splits class lists.)
    assert!(open.0 * 2 <= opts.max_depth(), "{open:?}");
    assert!(depth.0 * 2 <= opts.max_depth(), "{depth:?}");
    assert!(
        attrs.0 * 4 <= dechaff::debug_max_attributes() * 3,
        "{attrs:?}"
    );
    // Only pages with giant `data:` URIs or comments, which the output
    // never holds, are rewritten at all.
    assert!(rewritten.len() * 20 <= pages.len(), "{rewritten:?}");
}
