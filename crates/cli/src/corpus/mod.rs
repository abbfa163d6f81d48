//! `dechaff corpus`: extraction over web crawls (WARC, JSONL, directories
//! of pages) on every core, in bounded memory, without stopping on bad
//! records.
//!
//! Each output is made by a three-stage pipeline: a reader thread turns the
//! inputs into batches of documents (64, or 4 MB), each batch is a task of
//! the rayon pool that extracts its documents in parallel (`collect` keeps
//! their order), and a writer thread writes finished batches in sequence
//! and counts them. The pages in flight are bounded in bytes (4 MB a
//! thread), which bounds memory whatever the corpus size; since batches are cut by the reader
//! alone and written in sequence, the output is byte-identical whatever the
//! number of threads. With `--threads 1` one thread does it all in turn.

mod doc;
mod html_dir;
mod http;
mod input;
mod jsonl;
mod memory;
mod output;
mod process;
mod rewind;
mod stats;
mod warc;

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{channel, sync_channel};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Duration;

use anyhow::{Context, Result, bail};
use dechaff::{DEFAULT_MAX_BYTES, Extractor, Options, Preset};
use rayon::prelude::*;

use doc::{Doc, Event, Outcome, Sink};
use input::{Input, ReadOptions};
use output::{Compress, Output};
use stats::{Progress, RunInfo, Stats};

/// A batch is cut at this many documents...
const BATCH_DOCS: usize = 64;
/// ...or this many payload bytes, whichever comes first.
const BATCH_BYTES: usize = 4 << 20;
/// Payload bytes in flight (read, not yet extracted) per worker thread.
const BUDGET_PER_THREAD: usize = 4 << 20;

/// Arguments of `dechaff corpus`.
#[derive(clap::Args, Debug)]
pub struct CorpusArgs {
    /// Inputs: WARC files (.warc, .warc.gz), JSONL files (.jsonl,
    /// .jsonl.gz, .jsonl.zst), directories of .html/.htm/.html.gz pages
    /// (recursive), single pages, or - for standard input. Glob patterns
    /// are expanded.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<String>,

    /// Output: a .jsonl, .jsonl.gz or .jsonl.zst file, - for standard
    /// output, or with --shards a directory (created if missing).
    #[arg(short, long, value_name = "OUTPUT")]
    pub output: PathBuf,

    /// Writes one output per input, OUTPUT/<input name>.jsonl[.gz|.zst].
    #[arg(long)]
    pub shards: bool,

    /// Output compression. Default: from OUTPUT's extension; none for
    /// shards and standard output.
    #[arg(long, value_enum)]
    pub compress: Option<Compress>,

    /// Threads. Default: all cores. With 1, one thread reads, extracts and
    /// writes in turn; with more, that many extract while a thread reads
    /// and another writes.
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,

    /// Input format, instead of telling it from the extension or content.
    #[arg(long, value_enum)]
    pub input_format: Option<input::Format>,

    /// JSONL field holding the HTML.
    #[arg(long, default_value = "html", value_name = "NAME")]
    pub html_field: String,

    /// JSONL field holding the id (default for a line without one:
    /// FILE:LINE).
    #[arg(long, default_value = "id", value_name = "NAME")]
    pub id_field: String,

    /// JSONL field holding the URL.
    #[arg(long, default_value = "url", value_name = "NAME")]
    pub url_field: String,

    /// Writes the text as Markdown (headings, lists, tables, code).
    #[arg(long)]
    pub markdown: bool,

    /// Skips documents with fewer characters of text (status skipped,
    /// reason too_short).
    #[arg(long, default_value_t = 0, value_name = "CHARS")]
    pub min_length: usize,

    /// Keeps only pages declaring one of these languages (comma-separated
    /// primary subtags, e.g. en,fr; und for pages declaring none).
    #[arg(long, value_delimiter = ',', value_name = "LANGS")]
    pub lang: Vec<String>,

    /// Extracts HTTP responses whatever their status (default: only 200;
    /// others are skipped with reason non_200).
    #[arg(long)]
    pub keep_non_200: bool,

    /// Writes records of ok and degraded documents only (all are counted).
    #[arg(long)]
    pub only_ok: bool,

    /// Skips inputs whose output is already complete (with --shards; a
    /// single OUTPUT that exists means nothing is left to do).
    #[arg(long)]
    pub resume: bool,

    /// Precision/recall trade-off: precision, balanced or recall.
    #[arg(long, value_parser = crate::parse_preset, default_value = "balanced")]
    pub preset: Preset,

    /// Writes the summary as JSON to this file (counts, throughput, peak
    /// RSS, load average).
    #[arg(long, value_name = "FILE")]
    pub stats: Option<PathBuf>,

    /// Seconds between progress lines when stderr is not a terminal.
    #[arg(long, default_value_t = 10.0, value_name = "SECS")]
    pub progress_every: f64,

    /// No progress display (the summary is still printed).
    #[arg(long, short)]
    pub quiet: bool,
}

/// Where one job writes.
enum Dest {
    Stdout,
    File(PathBuf),
}

/// One output and the inputs that go into it.
struct Job {
    inputs: Vec<Input>,
    dest: Dest,
}

/// Runs `dechaff corpus`.
pub fn run(args: &CorpusArgs) -> Result<ExitCode> {
    let load_start = stats::load_average();
    if args.threads == Some(0) {
        bail!("--threads must be at least 1");
    }
    let inputs = input::expand(&args.inputs)?;
    let jobs = plan(args, &inputs)?;
    let threads = args
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, std::num::NonZero::get));
    memory::tune();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .context("cannot start worker threads")?;
    let max_body = DEFAULT_MAX_BYTES + 1;
    let settings = Arc::new(process::Settings {
        extractor: Extractor::new(Options::default().with_preset(args.preset)),
        markdown: args.markdown,
        min_length: args.min_length,
        langs: args
            .lang
            .iter()
            .map(|l| l.trim().to_ascii_lowercase())
            .collect(),
        only_ok: args.only_ok,
        html_field: args.html_field.clone(),
        id_field: args.id_field.clone(),
        url_field: args.url_field.clone(),
        max_body,
    });
    let read_opts = ReadOptions {
        format: args.input_format,
        warc: warc::WarcOptions {
            keep_non_200: args.keep_non_200,
            max_body,
        },
    };
    let mut stats = Stats::default();
    // With --resume, outputs already complete are left as they are.
    let (jobs, done): (Vec<Job>, Vec<Job>) = jobs
        .into_iter()
        .partition(|job| !(args.resume && matches!(&job.dest, Dest::File(dest) if dest.exists())));
    stats.shards_resumed = done.len() as u64;
    let total = jobs
        .iter()
        .flat_map(|j| &j.inputs)
        .map(|i| i.size)
        .sum::<Option<u64>>();
    let every = (!args.quiet).then(|| Duration::from_secs_f64(args.progress_every.max(0.0)));
    let mut progress = Progress::new(total, every);
    let mut fatal = None;
    for job in &jobs {
        let compress = compression(args, &job.dest);
        let result = run_job(
            job,
            compress,
            &pool,
            &settings,
            &read_opts,
            &mut progress,
            &mut stats,
        );
        match result {
            Ok(()) => stats.shards_written += 1,
            Err(e) if !args.shards => {
                // Reported once, by the caller, after the summary.
                stats.shards_failed += 1;
                fatal = Some(e);
                break;
            }
            Err(e) => {
                stats.shards_failed += 1;
                progress.println(&format!("{e:#}"));
            }
        }
    }
    progress.finish();
    let info = RunInfo {
        threads: pool.current_num_threads(),
        inputs: inputs.len(),
        elapsed: progress.elapsed(),
        input_bytes: progress.input_bytes.load(Ordering::Relaxed),
        load_start,
    };
    if stats.shards_resumed > 0 && stats.shards_written == 0 && stats.shards_failed == 0 {
        eprintln!("dechaff corpus: every output is already complete (--resume)");
    }
    eprint!("{}", stats::summary_text(&stats, &info));
    if let Some(path) = &args.stats {
        let text = serde_json::to_string_pretty(&stats::summary_json(&stats, &info))?;
        std::fs::write(path, text + "\n")
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    if let Some(e) = fatal {
        return Err(e);
    }
    Ok(if stats.shards_failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// The compression of a job's output.
fn compression(args: &CorpusArgs, dest: &Dest) -> Compress {
    match (args.compress, dest) {
        (Some(c), _) => c,
        (None, Dest::File(p)) if !args.shards => Compress::from_path(p),
        _ => Compress::None,
    }
}

/// The jobs: one per input with --shards, else one for everything.
fn plan(args: &CorpusArgs, inputs: &[Input]) -> Result<Vec<Job>> {
    if !args.shards {
        let dest = if args.output == Path::new("-") {
            Dest::Stdout
        } else {
            if args.output.is_dir() {
                bail!(
                    "{} is a directory: give a file, or --shards for one output per input",
                    args.output.display()
                );
            }
            Dest::File(args.output.clone())
        };
        return Ok(vec![Job {
            inputs: inputs.to_vec(),
            dest,
        }]);
    }
    if args.output == Path::new("-") {
        bail!("--shards needs a directory as OUTPUT, not -");
    }
    std::fs::create_dir_all(&args.output)
        .with_context(|| format!("cannot create {}", args.output.display()))?;
    let ext = args.compress.unwrap_or(Compress::None).extension();
    let mut seen: BTreeMap<String, &Input> = BTreeMap::new();
    let mut jobs = Vec::new();
    for input in inputs {
        let name = format!("{}.{ext}", input::shard_stem(input));
        if let Some(other) = seen.insert(name.clone(), input) {
            bail!(
                "{} and {} would both write {name}: run them separately or rename one",
                other.name,
                input.name
            );
        }
        jobs.push(Job {
            inputs: vec![input.clone()],
            dest: Dest::File(args.output.join(name)),
        });
    }
    Ok(jobs)
}

/// A batch of documents, and the non-document WARC records met with them.
#[derive(Default)]
struct Batch {
    docs: Vec<Doc>,
    others: BTreeMap<String, u64>,
    bytes: usize,
}

/// Runs one job: on the calling thread alone with one thread, else
/// through the reader, worker and writer stages.
fn run_job(
    job: &Job,
    compress: Compress,
    pool: &rayon::ThreadPool,
    settings: &Arc<process::Settings>,
    read_opts: &ReadOptions,
    progress: &mut Progress,
    stats: &mut Stats,
) -> Result<()> {
    let (name, out) = match &job.dest {
        Dest::Stdout => (
            "standard output".to_string(),
            Output::stdout(compress).context("cannot write to standard output")?,
        ),
        Dest::File(p) => (
            p.display().to_string(),
            Output::create(p, compress)
                .with_context(|| format!("cannot create {}", p.display()))?,
        ),
    };
    let counter = progress.input_bytes.clone();
    let written = if pool.current_num_threads() == 1 {
        sequential(job, out, settings, read_opts, &counter, progress, stats)
    } else {
        pipelined(
            job, out, pool, settings, read_opts, &counter, progress, stats,
        )
    };
    let out = match written {
        // A closed pipe (`| head`) is the reader's choice, not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe && matches!(job.dest, Dest::Stdout) => {
            return Ok(());
        }
        r => r.with_context(|| format!("cannot write {name}"))?,
    };
    match out.finish() {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        r => r.with_context(|| format!("cannot finish {name}")),
    }
}

/// One thread does everything, in turn: what `--threads 1` promises, and
/// the baseline that parallel runs are measured against.
fn sequential(
    job: &Job,
    mut out: Output,
    settings: &process::Settings,
    read_opts: &ReadOptions,
    counter: &Arc<AtomicU64>,
    progress: &mut Progress,
    stats: &mut Stats,
) -> io::Result<Output> {
    let mut failed = None;
    let mut handle = |batch: Batch| {
        let outcomes = batch
            .docs
            .into_iter()
            .map(|d| process::process(d, settings))
            .collect();
        match write_batch(&mut out, outcomes, batch.others, stats, progress) {
            Ok(()) => true,
            Err(e) => {
                failed = Some(e);
                false
            }
        }
    };
    read_all(&job.inputs, read_opts, counter, None, &mut handle);
    match failed {
        Some(e) => Err(e),
        None => Ok(out),
    }
}

/// The reader thread cuts batches; each batch is a rayon task (documents in
/// parallel within it, order kept by `collect`); the writer thread puts
/// finished batches back in sequence. Several batches are in flight, so no
/// worker waits for the slowest page of a batch, and at most that many are
/// in memory.
#[allow(clippy::too_many_arguments)]
fn pipelined(
    job: &Job,
    mut out: Output,
    pool: &rayon::ThreadPool,
    settings: &Arc<process::Settings>,
    read_opts: &ReadOptions,
    counter: &Arc<AtomicU64>,
    progress: &mut Progress,
    stats: &mut Stats,
) -> io::Result<Output> {
    let threads = pool.current_num_threads();
    // Batches handed out and not yet written. The byte budget is what
    // bounds memory; this only bounds the finished batches waiting for a
    // slow one, and must not starve the workers when batches are small.
    let in_flight = 4 * threads + 4;
    let budget = Arc::new(Budget::new(BUDGET_PER_THREAD * threads.max(2)));
    let (batch_tx, batch_rx) = sync_channel::<Batch>(1);
    let (done_tx, done_rx) = channel::<(u64, Vec<Outcome>, BTreeMap<String, u64>)>();
    // A token per batch handed to the pool and not yet written.
    let (slot_tx, slot_rx) = sync_channel::<()>(in_flight);
    std::thread::scope(|scope| {
        let reader_budget = Arc::clone(&budget);
        scope.spawn(move || {
            let mut handle = |b| batch_tx.send(b).is_ok();
            read_all(
                &job.inputs,
                read_opts,
                counter,
                Some(&reader_budget),
                &mut handle,
            );
        });
        let writer = scope.spawn(move || -> io::Result<Output> {
            let mut waiting = BTreeMap::new();
            let mut next = 0u64;
            for (seq, outcomes, others) in done_rx {
                waiting.insert(seq, (outcomes, others));
                while let Some((outcomes, others)) = waiting.remove(&next) {
                    // On error this returns, dropping the channels: the
                    // other stages then stop.
                    write_batch(&mut out, outcomes, others, stats, progress)?;
                    next += 1;
                    let _ = slot_rx.recv();
                }
            }
            Ok(out)
        });
        for (seq, batch) in (0u64..).zip(batch_rx) {
            if slot_tx.send(()).is_err() {
                break;
            }
            let done = done_tx.clone();
            let settings = Arc::clone(settings);
            let budget = Arc::clone(&budget);
            pool.spawn(move || {
                let outcomes = batch
                    .docs
                    .into_par_iter()
                    .map(|d| {
                        let size = d.body.len();
                        let outcome = process::process(d, &settings);
                        budget.release(size);
                        outcome
                    })
                    .collect();
                let _ = done.send((seq, outcomes, batch.others));
            });
        }
        // Stopping early (the writer failed) leaves batches unprocessed:
        // the reader must not wait for their bytes.
        budget.close();
        drop(done_tx);
        match writer.join() {
            Ok(r) => r,
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })
}

/// Writes a batch's records in order and counts them.
fn write_batch(
    out: &mut Output,
    outcomes: Vec<Outcome>,
    others: BTreeMap<String, u64>,
    stats: &mut Stats,
    progress: &mut Progress,
) -> io::Result<()> {
    for o in &outcomes {
        if !o.line.is_empty() {
            out.write_all(&o.line)?;
        }
        if let Some(report) = stats.add(o) {
            progress.println(&report);
        }
    }
    for (kind, n) in others {
        *stats.other_records.entry(kind).or_default() += n;
    }
    progress.update(stats);
    Ok(())
}

/// Payload bytes read but not yet extracted: the reader waits rather than
/// go past the limit, so memory does not depend on how pages of different
/// sizes happen to meet in the pipeline. (A page larger than the limit
/// waits until nothing else is in flight.)
struct Budget {
    state: Mutex<(usize, bool)>,
    freed: Condvar,
    limit: usize,
}

impl Budget {
    fn new(limit: usize) -> Budget {
        Budget {
            state: Mutex::new((0, false)),
            freed: Condvar::new(),
            limit,
        }
    }

    fn lock(&self) -> MutexGuard<'_, (usize, bool)> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn must_wait(&self, state: &(usize, bool), n: usize) -> bool {
        let (used, closed) = *state;
        !closed && used > 0 && used + n > self.limit
    }

    /// Whether taking `n` bytes now would wait.
    fn would_wait(&self, n: usize) -> bool {
        self.must_wait(&self.lock(), n)
    }

    /// Takes `n` bytes, waiting for room.
    fn acquire(&self, n: usize) {
        let mut state = self.lock();
        while self.must_wait(&state, n) {
            state = self.freed.wait(state).unwrap_or_else(|e| e.into_inner());
        }
        state.0 += n;
    }

    /// Gives back `n` bytes.
    fn release(&self, n: usize) {
        let mut state = self.lock();
        state.0 = state.0.saturating_sub(n);
        self.freed.notify_all();
    }

    /// Stops all waiting, for good.
    fn close(&self) {
        self.lock().1 = true;
        self.freed.notify_all();
    }
}

/// The reader stage: every input of a job, in order, cut into batches
/// handed to `handle` (which returns false to stop), within `budget`.
fn read_all(
    inputs: &[Input],
    opts: &ReadOptions,
    counter: &Arc<AtomicU64>,
    budget: Option<&Budget>,
    handle: &mut dyn FnMut(Batch) -> bool,
) {
    let mut batch = Batch::default();
    let mut send = |event: Event| -> bool {
        match event {
            Event::Doc(d) => {
                let size = d.body.len();
                if let Some(budget) = budget {
                    // Hand on what is batched before waiting: its bytes
                    // count against the budget and must get to the workers.
                    if !batch.docs.is_empty()
                        && budget.would_wait(size)
                        && !handle(std::mem::take(&mut batch))
                    {
                        return false;
                    }
                    budget.acquire(size);
                }
                batch.bytes += size;
                batch.docs.push(d);
            }
            Event::Other(kind) => *batch.others.entry(kind).or_default() += 1,
        }
        if batch.docs.len() >= BATCH_DOCS || batch.bytes >= BATCH_BYTES {
            return handle(std::mem::take(&mut batch));
        }
        true
    };
    {
        let mut sink = Sink::new(&mut send);
        for input in inputs {
            input::read(input, opts, counter, &mut sink);
            if sink.stopped() {
                return;
            }
        }
    }
    if !batch.docs.is_empty() || !batch.others.is_empty() {
        handle(batch);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn budget_waits_for_room_and_lets_a_large_page_through_alone() {
        let budget = Arc::new(Budget::new(10));
        budget.acquire(6);
        assert!(budget.would_wait(5));
        assert!(!budget.would_wait(4));
        // A page over the limit waits until nothing else is in flight.
        let b = Arc::clone(&budget);
        let waiter = std::thread::spawn(move || b.acquire(25));
        std::thread::sleep(Duration::from_millis(50));
        assert!(!waiter.is_finished());
        budget.release(6);
        waiter.join().unwrap();
        assert!(budget.would_wait(1));
        // Closing stops all waiting.
        budget.close();
        budget.acquire(100);
    }
}
