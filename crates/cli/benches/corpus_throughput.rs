//! Throughput of `dechaff corpus` on WARC.gz input.
//!
//! Builds a WARC.gz (one gzip member per record, level 6) from the
//! benchmark pages `../shared/bench/*/html/*.html.gz` (or
//! `$DECHAFF_BENCH_DIR`), in the target directory, never in the repository;
//! then runs the release binary with 1 thread, 2 threads and all cores and
//! reports MB/s of compressed WARC input and of HTML, the 2-thread speed-up,
//! peak RSS, and the load average at the time. It then runs ten copies of
//! the same file to check that peak RSS does not grow with input size, and
//! compares the outputs of the runs byte for byte.
//!
//! `cargo bench -p dechaff-cli --bench corpus_throughput`. With
//! `DECHAFF_BENCH_STRICT=1` it exits non-zero when an acceptance target is
//! missed; `DECHAFF_BENCH_REPEAT=N` takes the best of N runs (default 2).

use std::fs::{self, File};
use std::io::{BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

use flate2::Compression;
use flate2::write::GzEncoder;
use serde_json::Value;

/// The pages of every benchmark set, sorted.
fn pages(bench: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(sets) = fs::read_dir(bench) else {
        return out;
    };
    for set in sets.flatten() {
        if let Ok(files) = fs::read_dir(set.path().join("html")) {
            out.extend(
                files
                    .flatten()
                    .map(|f| f.path())
                    .filter(|p| p.to_string_lossy().ends_with(".html.gz")),
            );
        }
    }
    out.sort();
    out
}

/// One WARC record, gzipped as its own member.
fn member(kind: &str, n: usize, uri: &str, content_type: &str, content: &[u8]) -> Vec<u8> {
    let mut rec = format!(
        "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{n:012}>\r\n\
         WARC-Date: 2026-01-01T00:00:00Z\r\nWARC-Target-URI: {uri}\r\n\
         Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        content.len()
    )
    .into_bytes();
    rec.extend_from_slice(content);
    rec.extend_from_slice(b"\r\n\r\n");
    let mut gz = GzEncoder::new(Vec::new(), Compression::default());
    gz.write_all(&rec).expect("gzip to memory");
    gz.finish().expect("gzip to memory")
}

/// Writes the WARC.gz; returns its size and the HTML bytes in it.
fn build_warc(pages: &[PathBuf], dest: &Path) -> (u64, u64) {
    let mut out = BufWriter::new(File::create(dest).expect("create WARC"));
    let info = b"software: dechaff corpus_throughput bench\r\nformat: WARC File Format 1.1\r\n";
    out.write_all(&member("warcinfo", 0, "", "application/warc-fields", info))
        .expect("write WARC");
    let mut html_total = 0;
    for (i, path) in pages.iter().enumerate() {
        let mut html = Vec::new();
        let read = File::open(path)
            .map(flate2::read::MultiGzDecoder::new)
            .and_then(|mut d| d.read_to_end(&mut html));
        if read.is_err() {
            eprintln!("skipping unreadable page {}", path.display());
            continue;
        }
        html_total += html.len() as u64;
        let mut http = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\n\r\n",
            html.len()
        )
        .into_bytes();
        http.extend_from_slice(&html);
        let stem = path.file_name().unwrap_or_default().to_string_lossy();
        let uri = format!("https://bench.example/{i}/{stem}");
        let ct = "application/http; msgtype=response";
        out.write_all(&member("response", i + 1, &uri, ct, &http))
            .expect("write WARC");
    }
    out.flush().expect("write WARC");
    (fs::metadata(dest).expect("stat WARC").len(), html_total)
}

/// One run's figures.
struct Run {
    input_mb_s: f64,
    html_mb_s: f64,
    rss_mb: f64,
    cpu_s: f64,
    elapsed_s: f64,
    input_mb: f64,
    load: String,
    docs: u64,
    output: PathBuf,
}

fn run(bin: &str, input: &Path, threads: usize, dir: &Path, tag: &str) -> Run {
    let output = dir.join(format!("out-{tag}.jsonl"));
    let stats = dir.join(format!("stats-{tag}.json"));
    let status = Command::new(bin)
        .args(["corpus", "-q", "--threads", &threads.to_string()])
        .arg(input)
        .arg("-o")
        .arg(&output)
        .arg("--stats")
        .arg(&stats)
        .stderr(std::process::Stdio::null())
        .status()
        .expect("run dechaff");
    assert!(status.success(), "dechaff corpus failed: {status}");
    let v: Value =
        serde_json::from_str(&fs::read_to_string(&stats).expect("read stats")).expect("stats JSON");
    let f = |k: &str| v[k].as_f64().unwrap_or(f64::NAN);
    let load = v["load_average_start"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|x| format!("{:.2}", x.as_f64().unwrap_or(0.0)))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_default();
    Run {
        input_mb_s: f("input_mb_per_s"),
        html_mb_s: f("html_mb_per_s"),
        rss_mb: f("peak_rss_bytes") / 1e6,
        cpu_s: f("cpu_s"),
        elapsed_s: f("elapsed_s"),
        input_mb: f("input_bytes") / 1e6,
        load,
        docs: v["documents"].as_u64().unwrap_or(0),
        output,
    }
}

/// The best (fastest) of `n` runs.
fn best(bin: &str, input: &Path, threads: usize, dir: &Path, tag: &str, n: usize) -> Run {
    let mut runs: Vec<Run> = (0..n.max(1))
        .map(|_| run(bin, input, threads, dir, tag))
        .collect();
    runs.sort_by(|a, b| b.input_mb_s.total_cmp(&a.input_mb_s));
    runs.swap_remove(0)
}

fn report(label: &str, r: &Run) {
    println!(
        "{label:<22} {:>6.2} MB/s WARC.gz {:>6.2} MB/s HTML ({:.2} MB/s WARC.gz per CPU s, \
         {:.2} CPUs busy) peak RSS {:>5.1} MB, load {} ({} docs)",
        r.input_mb_s,
        r.html_mb_s,
        r.input_mb / r.cpu_s,
        r.cpu_s / r.elapsed_s,
        r.rss_mb,
        r.load,
        r.docs
    );
}

fn main() {
    let bench = std::env::var_os("DECHAFF_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/bench"));
    let pages = pages(&bench);
    if pages.is_empty() {
        println!(
            "corpus_throughput: skipped, no pages at {}/*/html/*.html.gz \
             (set DECHAFF_BENCH_DIR; see README)",
            bench.display()
        );
        return;
    }
    let bin = env!("CARGO_BIN_EXE_dechaff");
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("corpus-bench");
    fs::create_dir_all(&dir).expect("create bench dir");
    let warc = dir.join("bench-1x.warc.gz");
    let (size, html) = build_warc(&pages, &warc);
    println!(
        "WARC.gz: {} pages, {:.1} MB compressed, {:.1} MB of HTML (ratio {:.2})",
        pages.len(),
        size as f64 / 1e6,
        html as f64 / 1e6,
        html as f64 / size as f64
    );
    // Ten copies of the members, concatenated: a valid WARC.gz ten times
    // the size (record ids repeat, which the reader does not care about).
    let warc10 = dir.join("bench-10x.warc.gz");
    {
        let one = fs::read(&warc).expect("read WARC");
        let mut out = BufWriter::new(File::create(&warc10).expect("create WARC"));
        for _ in 0..10 {
            out.write_all(&one).expect("write WARC");
        }
        out.flush().expect("write WARC");
    }
    let repeat: usize = std::env::var("DECHAFF_BENCH_REPEAT")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let one = best(bin, &warc, 1, &dir, "t1", repeat);
    report("1 thread", &one);
    let two = best(bin, &warc, 2, &dir, "t2", repeat);
    report("2 threads", &two);
    let all = if cores > 2 {
        let r = best(bin, &warc, cores, &dir, "all", repeat);
        report(&format!("{cores} threads (all)"), &r);
        Some(r)
    } else {
        None
    };
    let ten = run(bin, &warc10, cores, &dir, "10x");
    report(&format!("10x input, {cores} thr"), &ten);
    let base_rss = all.as_ref().unwrap_or(&two).rss_mb;

    let same = |a: &Path, b: &Path| fs::read(a).ok() == fs::read(b).ok();
    let identical =
        same(&one.output, &two.output) && all.as_ref().is_none_or(|r| same(&one.output, &r.output));
    let speedup = two.input_mb_s / one.input_mb_s;
    let growth = ten.rss_mb / base_rss - 1.0;
    let checks = [
        (
            format!("2 threads / 1 thread = {speedup:.2}x (target >= 1.8x)"),
            speedup >= 1.8,
        ),
        (
            format!(
                "peak RSS 10x vs 1x input: {:.1} vs {:.1} MB, {:+.1}% (target < 20%)",
                ten.rss_mb,
                base_rss,
                growth * 100.0
            ),
            growth < 0.2,
        ),
        (
            format!(
                "single thread: {:.2} MB/s WARC.gz, {:.2} MB/s HTML (target >= 5 MB/s WARC.gz)",
                one.input_mb_s, one.html_mb_s
            ),
            one.input_mb_s >= 5.0,
        ),
        (
            "output byte-identical with 1 and 2 threads (and all cores)".to_string(),
            identical,
        ),
    ];
    let mut failed = false;
    for (what, ok) in &checks {
        println!("{} {what}", if *ok { "PASS" } else { "FAIL" });
        failed |= !ok;
    }
    for r in [&one, &two, &ten].into_iter().chain(all.as_ref()) {
        let _ = fs::remove_file(&r.output);
    }
    let _ = fs::remove_file(&warc10);
    if failed && std::env::var_os("DECHAFF_BENCH_STRICT").is_some_and(|v| v == "1") {
        std::process::exit(1);
    }
}
