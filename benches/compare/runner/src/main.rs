//! Times one extractor over a directory of `<id>.html.gz` pages, in this
//! process, on whatever core it was pinned to, and optionally writes each
//! page's text to `OUT/<id>.txt` for `dechaff eval --predictions`.
//!
//! Usage: compare-runner TOOL HTML_DIR [OUT_DIR]
//! TOOL: dechaff | dom_smoothie | trafilatura | rs-trafilatura
//!
//! Prints one JSON line: tool, pages, html bytes, seconds spent in
//! parse + extract + text (reading and gunzip are outside the clock), and
//! the number of pages that failed or panicked.

use std::io::Read;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::time::Instant;

fn pages(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("html dir")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".html.gz"))
        .collect();
    paths.sort();
    for p in paths {
        let id = p
            .file_name()
            .unwrap()
            .to_string_lossy()
            .trim_end_matches(".html.gz")
            .to_owned();
        let gz = std::fs::read(&p).expect("read page");
        let mut html = Vec::new();
        flate2::read::MultiGzDecoder::new(&gz[..])
            .read_to_end(&mut html)
            .expect("gunzip");
        out.push((id, html));
    }
    out
}

/// One extraction: parse + extract + plain text. The peers take `&str`, so
/// they get the page already decoded (lossy UTF-8, outside the clock);
/// dechaff gets the raw bytes and pays for its own charset detection.
fn run(tool: &str, bytes: &[u8], text: &str) -> Option<String> {
    match tool {
        "dechaff" => Some(dechaff::extract(bytes).text()),
        "dom_smoothie" => {
            let cfg = dom_smoothie::Config {
                text_mode: dom_smoothie::TextMode::Formatted,
                ..Default::default()
            };
            let mut r = dom_smoothie::Readability::new(text, None, Some(cfg)).ok()?;
            r.parse().ok().map(|a| a.text_content.to_string())
        }
        "trafilatura" => trafilatura::extract(text, &trafilatura::Options::default())
            .ok()
            .map(|r| r.content_text),
        "rs-trafilatura" => rs_trafilatura::extract(text).ok().map(|r| r.content_text),
        other => panic!("unknown tool {other}"),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let tool = args.get(1).expect("TOOL").as_str();
    let dir = Path::new(args.get(2).expect("HTML_DIR"));
    let out = args.get(3).map(Path::new);
    if let Some(o) = out {
        std::fs::create_dir_all(o).expect("out dir");
    }
    let pages = pages(dir);
    let texts: Vec<String> = pages
        .iter()
        .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
        .collect();
    // A peer's panic is counted, not fatal; silence its message.
    std::panic::set_hook(Box::new(|_| {}));
    let (mut secs, mut failed, mut bytes) = (0.0f64, 0usize, 0usize);
    for ((id, html), text) in pages.iter().zip(&texts) {
        let start = Instant::now();
        let got = catch_unwind(AssertUnwindSafe(|| run(tool, html, text)));
        secs += start.elapsed().as_secs_f64();
        bytes += html.len();
        let got = match got {
            Ok(Some(t)) => t,
            _ => {
                failed += 1;
                String::new()
            }
        };
        if let Some(o) = out {
            std::fs::write(o.join(format!("{id}.txt")), got).expect("write prediction");
        }
    }
    println!(
        "{{\"tool\":\"{tool}\",\"pages\":{},\"bytes\":{bytes},\"secs\":{secs:.6},\"failed\":{failed}}}",
        pages.len()
    );
}
