//! Counting, progress and the closing summary.

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};
use serde_json::{Value, json};

use super::doc::{Outcome, Status};

/// Error reports printed before the rest are only counted (they are all in
/// the output records anyway).
const MAX_REPORTS: u64 = 50;

/// The run's counts.
#[derive(Debug, Default)]
pub struct Stats {
    /// Documents read.
    pub docs: u64,
    /// Records written.
    pub written: u64,
    /// Documents by status.
    pub by_status: BTreeMap<&'static str, u64>,
    /// Documents by status and reason (statuses other than `ok`).
    pub reasons: BTreeMap<&'static str, BTreeMap<String, u64>>,
    /// WARC records that are not documents, by type.
    pub other_records: BTreeMap<String, u64>,
    /// Bytes of HTML extracted.
    pub html_bytes: u64,
    /// Error reports printed so far.
    reports: u64,
    /// Outputs written, skipped as complete (`--resume`), failed.
    pub shards_written: u64,
    /// See `shards_written`.
    pub shards_resumed: u64,
    /// See `shards_written`.
    pub shards_failed: u64,
}

impl Stats {
    /// Counts one outcome, returning its error report while under the limit.
    pub fn add(&mut self, o: &Outcome) -> Option<String> {
        self.docs += 1;
        self.written += u64::from(!o.line.is_empty());
        self.html_bytes += o.html_bytes;
        *self.by_status.entry(o.status.name()).or_default() += 1;
        if let Some(reason) = &o.reason {
            *self
                .reasons
                .entry(o.status.name())
                .or_default()
                .entry(reason.clone())
                .or_default() += 1;
        }
        let report = o.report.as_ref()?;
        self.reports += 1;
        match self.reports {
            n if n < MAX_REPORTS => Some(report.clone()),
            MAX_REPORTS => Some(format!(
                "{report}\n(further errors are counted, not printed: see records with \
                 \"status\":\"error\" in the output)"
            )),
            _ => None,
        }
    }

    fn status(&self, s: Status) -> u64 {
        self.by_status.get(s.name()).copied().unwrap_or(0)
    }

    fn reason_list(&self, s: Status) -> String {
        let Some(map) = self.reasons.get(s.name()) else {
            return String::new();
        };
        let parts: Vec<String> = map.iter().map(|(r, n)| format!("{r} {n}")).collect();
        format!(" ({})", parts.join(", "))
    }
}

/// Progress on stderr: a bar on a terminal, a plain line every interval
/// otherwise.
pub struct Progress {
    bar: Option<ProgressBar>,
    every: Option<Duration>,
    start: Instant,
    last: Instant,
    /// Input bytes read so far, shared with the readers.
    pub input_bytes: Arc<AtomicU64>,
}

impl Progress {
    /// Starts reporting; `total` is the input size when known, `every` the
    /// interval of plain lines (none: quiet).
    pub fn new(total: Option<u64>, every: Option<Duration>) -> Progress {
        let bar = (every.is_some() && std::io::stderr().is_terminal()).then(|| {
            let (bar, template) = match total {
                Some(n) => (
                    ProgressBar::new(n),
                    "{spinner} {elapsed_precise} [{bar:30}] {binary_bytes}/{binary_total_bytes} \
                     {binary_bytes_per_sec} ETA {eta} {msg}",
                ),
                None => (
                    ProgressBar::new_spinner(),
                    "{spinner} {elapsed_precise} {binary_bytes} {binary_bytes_per_sec} {msg}",
                ),
            };
            if let Ok(style) = ProgressStyle::with_template(template) {
                bar.set_style(style.progress_chars("=> "));
            }
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        });
        let now = Instant::now();
        Progress {
            bar,
            every,
            start: now,
            last: now,
            input_bytes: Arc::default(),
        }
    }

    /// Seconds since the start.
    pub fn elapsed(&self) -> f64 {
        self.start.elapsed().as_secs_f64()
    }

    fn rates(&self, stats: &Stats) -> String {
        let secs = self.elapsed().max(1e-9);
        let input = self.input_bytes.load(Ordering::Relaxed) as f64;
        format!(
            "{} docs, {:.0} docs/s, {:.1} MB/s in, {:.1} MB/s HTML",
            stats.docs,
            stats.docs as f64 / secs,
            input / 1e6 / secs,
            stats.html_bytes as f64 / 1e6 / secs
        )
    }

    /// Updates the display after a batch.
    pub fn update(&mut self, stats: &Stats) {
        if let Some(bar) = &self.bar {
            bar.set_position(self.input_bytes.load(Ordering::Relaxed));
            bar.set_message(self.rates(stats));
        } else if let Some(every) = self.every
            && self.last.elapsed() >= every
        {
            self.last = Instant::now();
            eprintln!("dechaff corpus: {}", self.rates(stats));
        }
    }

    /// Prints a line without garbling the bar.
    pub fn println(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("dechaff: {line}")),
            None => eprintln!("dechaff: {line}"),
        }
    }

    /// Removes the bar.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// Peak resident memory of this process in bytes (Linux), if known.
pub fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// CPU seconds (user and system) used by this process so far (Linux), if
/// known: throughput per CPU second is what does not depend on the load.
pub fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name, which is in parentheses; utime and
    // stime are the 14th and 15th fields, in USER_HZ (100) ticks.
    let rest = &stat[stat.rfind(')')? + 1..];
    let mut fields = rest.split_whitespace().skip(11);
    let utime: f64 = fields.next()?.parse().ok()?;
    let stime: f64 = fields.next()?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

/// The 1, 5 and 15 minute load averages (Linux), if known.
pub fn load_average() -> Option<[f64; 3]> {
    let text = std::fs::read_to_string("/proc/loadavg").ok()?;
    let mut it = text.split_whitespace().map(|v| v.parse::<f64>().ok());
    Some([it.next()??, it.next()??, it.next()??])
}

/// What the summary reports besides the counts.
pub struct RunInfo {
    /// Worker threads.
    pub threads: usize,
    /// Inputs given (after expansion).
    pub inputs: usize,
    /// Seconds taken.
    pub elapsed: f64,
    /// Input bytes read.
    pub input_bytes: u64,
    /// Load average when the run started.
    pub load_start: Option<[f64; 3]>,
}

/// The closing summary as JSON (`--stats`).
pub fn summary_json(stats: &Stats, info: &RunInfo) -> Value {
    let secs = info.elapsed.max(1e-9);
    json!({
        "threads": info.threads,
        "inputs": info.inputs,
        "elapsed_s": info.elapsed,
        "documents": stats.docs,
        "written": stats.written,
        "status": stats.by_status,
        "reasons": stats.reasons,
        "other_records": stats.other_records,
        "shards": {
            "written": stats.shards_written,
            "resumed": stats.shards_resumed,
            "failed": stats.shards_failed,
        },
        "input_bytes": info.input_bytes,
        "html_bytes": stats.html_bytes,
        "docs_per_s": stats.docs as f64 / secs,
        "input_mb_per_s": info.input_bytes as f64 / 1e6 / secs,
        "html_mb_per_s": stats.html_bytes as f64 / 1e6 / secs,
        "cpu_s": cpu_seconds(),
        "peak_rss_bytes": peak_rss(),
        "load_average_start": info.load_start,
        "load_average_end": load_average(),
    })
}

/// The closing summary as text lines.
pub fn summary_text(stats: &Stats, info: &RunInfo) -> String {
    let secs = info.elapsed.max(1e-9);
    let mb = |b: u64| b as f64 / 1e6;
    let ok = stats.status(Status::Ok);
    let degraded = stats.status(Status::Degraded);
    let others: Vec<String> = stats
        .other_records
        .iter()
        .map(|(t, n)| format!("{t} {n}"))
        .collect();
    let mut s = format!(
        "dechaff corpus: {} inputs, {:.1} s, {} worker threads\n",
        info.inputs, info.elapsed, info.threads
    );
    s += &format!(
        "  documents  {} in, {} with text (ok {ok}, degraded {degraded}{}), {} records written\n",
        stats.docs,
        ok + degraded,
        stats.reason_list(Status::Degraded),
        stats.written
    );
    s += &format!(
        "  skipped    {}{}\n",
        stats.status(Status::Skipped),
        stats.reason_list(Status::Skipped)
    );
    s += &format!(
        "  errors     {}{}\n",
        stats.status(Status::Error),
        stats.reason_list(Status::Error)
    );
    if !others.is_empty() {
        s += &format!("  other WARC records  {}\n", others.join(", "));
    }
    if stats.shards_resumed + stats.shards_failed > 0 {
        s += &format!(
            "  outputs    {} written, {} already complete, {} failed\n",
            stats.shards_written, stats.shards_resumed, stats.shards_failed
        );
    }
    s += &format!(
        "  throughput {:.0} docs/s, {:.2} MB/s input ({:.1} MB), {:.2} MB/s HTML ({:.1} MB)\n",
        stats.docs as f64 / secs,
        mb(info.input_bytes) / secs,
        mb(info.input_bytes),
        mb(stats.html_bytes) / secs,
        mb(stats.html_bytes)
    );
    if let Some(rss) = peak_rss() {
        s += &format!("  peak RSS   {:.1} MB\n", mb(rss));
    }
    if let Some([a, b, c]) = load_average() {
        s += &format!("  load avg   {a:.2} {b:.2} {c:.2}\n");
    }
    s
}
