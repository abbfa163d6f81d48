//! The native side of the WebAssembly tests and bench, run by
//! `test/corpus.test.mjs` and `bench.mjs`:
//!
//! - `native texts OUT_DIR PAGE...`: for each `PAGE` (`<stem>.html`), writes
//!   `OUT_DIR/<stem>.input.html`, the page decoded as a browser would (its
//!   charset honoured) and stored as UTF-8, which is the string the
//!   JavaScript side gets; and `<stem>.txt` and `<stem>.md`, the native
//!   extraction of exactly those UTF-8 bytes.
//! - `native bench PAGE ROUNDS`: extracts the UTF-8 page (text and Markdown
//!   made too, as the JavaScript result holds both) `ROUNDS` times after a
//!   warm-up, and prints the median milliseconds per extraction.

use std::path::Path;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: native texts OUT_DIR PAGE... | native bench PAGE ROUNDS";
    match args.first().map(String::as_str) {
        Some("texts") if args.len() >= 3 => texts(Path::new(&args[1]), &args[2..]),
        Some("bench") if args.len() == 3 => bench(
            Path::new(&args[1]),
            args[2].parse().expect("ROUNDS: a number"),
        ),
        _ => {
            eprintln!("{usage}");
            std::process::exit(2);
        }
    }
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn texts(out_dir: &Path, pages: &[String]) {
    std::fs::create_dir_all(out_dir).expect("create OUT_DIR");
    let extractor = dechaff::Extractor::default();
    for page in pages {
        let path = Path::new(page);
        let stem = path.file_stem().expect("a file name").to_string_lossy();
        let bytes = read(path);
        let decoded = dechaff::decode(&bytes, &dechaff::Hints::default());
        let out = dechaff_wasm::extract_str(&extractor, &decoded.text);
        let write = |ext: &str, data: &str| {
            let p = out_dir.join(format!("{stem}.{ext}"));
            std::fs::write(&p, data).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        };
        write("input.html", &decoded.text);
        write("txt", &out.text());
        write("md", &out.markdown());
    }
}

fn bench(page: &Path, rounds: usize) {
    let html = String::from_utf8_lossy(&read(page)).into_owned();
    let extractor = dechaff::Extractor::default();
    let run = || {
        let start = Instant::now();
        let out = dechaff_wasm::extract_str(&extractor, &html);
        let len = out.text().len() + out.markdown().len();
        (start.elapsed().as_secs_f64() * 1e3, len)
    };
    for _ in 0..3 {
        run();
    }
    let mut times: Vec<f64> = (0..rounds.max(1)).map(|_| run().0).collect();
    times.sort_by(f64::total_cmp);
    println!("{:.3}", times[times.len() / 2]);
}
