//! Peak memory of one extraction against the page's HTML size, one child
//! process per page so that no page inherits another's heap.
//!
//! `cargo bench --bench peak_memory` runs every corpus page and every
//! scrapinghub page (when `../shared/bench` is present) and prints the
//! distribution of extra peak RSS / HTML bytes; the bound is 4x.
//!
//! How a child measures (Linux): it reads and gunzips its page and
//! extracts it once, so that the code and the lazily built tables that
//! page needs are resident (a long-running process pays for them once, not
//! per page: the program's code and static tables, html5ever's table of
//! interned names, 64 KiB); code first run during the measured extraction
//! would otherwise count as the page's memory, 64 KiB at a time as the
//! kernel maps pages around a fault. It then hands the free heap back to
//! the system (`malloc_trim` with glibc), so that the measured extraction
//! touches fresh memory for its allocations as a first one would, resets
//! the kernel's high-water mark to the current RSS (`5` into
//! `/proc/self/clear_refs`) and reads that RSS as its baseline: the
//! program, its libraries and the page bytes the caller already holds.
//! It then runs `extract(..).text()` and reads the high-water mark again
//! (`VmHWM`, the figure `getrusage`'s `ru_maxrss` reports, read from
//! `/proc` to need no `unsafe`). Extra = high-water mark - baseline: the
//! memory the extraction itself touched at its peak, output included.
//! RSS still undercounts where the allocator reuses pages that hold live
//! blocks from before, so the child also counts heap bytes exactly: a
//! counting global allocator gives the peak of live heap bytes during the
//! extraction over those live before it.

mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::Path;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

/// The system allocator, counting live bytes and their peak.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded unchanged to the system allocator; the
// counters only observe sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let live = LIVE.fetch_add(layout.size(), Relaxed) + layout.size();
            PEAK.fetch_max(live, Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                let live =
                    LIVE.fetch_add(new_size - layout.size(), Relaxed) + new_size - layout.size();
                PEAK.fetch_max(live, Relaxed);
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// A field of `/proc/self/status`, in KiB.
fn status_kib(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    line[field.len()..]
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()
}

/// Gives free heap memory back to the system, so that later allocations
/// touch fresh pages (which RSS counts) rather than reuse resident ones.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn release_free_heap() {
    // SAFETY: the declaration matches glibc's `int malloc_trim(size_t
    // pad)`, which has no preconditions.
    unsafe extern "C" {
        safe fn malloc_trim(pad: usize) -> std::ffi::c_int;
    }
    malloc_trim(0);
}

/// Other allocators keep what they hold: RSS may then undercount.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn release_free_heap() {}

/// Child: measure one page, print `bytes baseline_kib peak_kib`.
fn child(path: &Path) {
    let bytes = common::read_page(path).expect("page");
    let hints = dechaff::Hints::default();
    let extractor = dechaff::Extractor::default();
    // Code and tables resident; then the heap handed back, and the peaks
    // of reading, gunzipping and this run forgotten.
    std::hint::black_box(extractor.extract(&bytes, &hints).text());
    release_free_heap();
    let reset = std::fs::write("/proc/self/clear_refs", "5").is_ok();
    let heap_before = LIVE.load(Relaxed);
    PEAK.store(heap_before, Relaxed);
    let baseline = status_kib("VmRSS:").unwrap_or(0);
    let start_hwm = status_kib("VmHWM:").unwrap_or(0);
    let text = extractor.extract(&bytes, &hints).text();
    let peak = status_kib("VmHWM:").unwrap_or(0);
    let heap_extra = PEAK.load(Relaxed) - heap_before;
    std::hint::black_box(&text);
    println!(
        "{} {} {} {} {}",
        bytes.len(),
        baseline.max(if reset { 0 } else { start_hwm }),
        peak,
        u8::from(reset),
        heap_extra
    );
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[i]
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--page") {
        child(Path::new(&args[i + 1]));
        return;
    }
    let exe = std::env::current_exe().expect("own path");
    let mut sets = vec![(
        "corpus",
        Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"),
    )];
    let sh = common::scrapinghub_dir();
    if sh.is_dir() {
        sets.push(("scrapinghub", sh));
    }
    for (set, dir) in sets {
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .expect("page dir")
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                let n = p.to_string_lossy();
                n.ends_with(".html") || n.ends_with(".html.gz")
            })
            .collect();
        files.sort();
        // (ratio, extra KiB, html bytes, baseline KiB, name)
        let mut rows = Vec::new();
        let mut no_reset = 0;
        for f in &files {
            let out = Command::new(&exe)
                .arg("--page")
                .arg(f)
                .output()
                .expect("child");
            let line = String::from_utf8_lossy(&out.stdout);
            let v: Vec<u64> = line
                .split_whitespace()
                .filter_map(|x| x.parse().ok())
                .collect();
            let [bytes, baseline, peak, reset, heap] = v[..] else {
                eprintln!("peak_memory: {} failed: {}", f.display(), line.trim());
                continue;
            };
            no_reset += usize::from(reset == 0);
            let extra = peak.saturating_sub(baseline);
            let ratio = (extra * 1024) as f64 / bytes.max(1) as f64;
            let name = f.file_name().unwrap().to_string_lossy().into_owned();
            let heap_ratio = heap as f64 / bytes.max(1) as f64;
            rows.push((ratio, extra, bytes, baseline, name, heap_ratio));
        }
        if rows.is_empty() {
            continue;
        }
        rows.sort_by(|a, b| a.0.total_cmp(&b.0));
        let ratios: Vec<f64> = rows.iter().map(|r| r.0).collect();
        let over = ratios.iter().filter(|&&r| r > 4.0).count();
        let base: Vec<u64> = rows.iter().map(|r| r.3).collect();
        println!(
            "{set}: {} pages; extra peak RSS / HTML size: min {:.2}  p50 {:.2}  p90 {:.2}  \
             p99 {:.2}  max {:.2}; over 4x: {over}; process baseline {}-{} KiB",
            rows.len(),
            ratios[0],
            percentile(&ratios, 0.5),
            percentile(&ratios, 0.9),
            percentile(&ratios, 0.99),
            ratios[ratios.len() - 1],
            base.iter().min().unwrap(),
            base.iter().max().unwrap(),
        );
        if no_reset > 0 {
            println!("  note: {no_reset} pages could not reset the high-water mark");
        }
        let big: u64 = rows.iter().map(|r| r.2).sum();
        let extra: u64 = rows.iter().map(|r| r.1).sum();
        println!(
            "  all pages together: {:.2}x ({} KiB extra over {} KiB of HTML)",
            (extra * 1024) as f64 / big as f64,
            extra,
            big / 1024
        );
        let mut heap: Vec<f64> = rows.iter().map(|r| r.5).collect();
        heap.sort_by(f64::total_cmp);
        println!(
            "  peak live heap during extraction / HTML size: min {:.2}  p50 {:.2}  p90 {:.2}  \
             p99 {:.2}  max {:.2}; over 4x: {}",
            heap[0],
            percentile(&heap, 0.5),
            percentile(&heap, 0.9),
            percentile(&heap, 0.99),
            heap[heap.len() - 1],
            heap.iter().filter(|&&r| r > 4.0).count()
        );
        println!("  largest RSS ratios:");
        for (ratio, extra, bytes, _, name, h) in rows.iter().rev().take(5) {
            println!(
                "  {ratio:6.2}x RSS ({h:.2}x heap)  {extra:>7} KiB extra  {bytes:>9} B  {name}"
            );
        }
    }
}
