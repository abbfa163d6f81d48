//! `dechaff eval`: scores extraction against a benchmark laid out like
//! `../shared/bench/<set>`: `truth.json` (`{"<id>": {"text": ..}, ..}`) and
//! `html/<id>.html.gz`. The metrics are those of `../shared/bench/README.md`,
//! implemented in [`metrics`].

mod metrics;

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Read;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use anyhow::{Context, Result, bail};
use dechaff::{Extractor, Hints, Options, Preset, Signal};
use rayon::prelude::*;
use serde_json::{Map, Value, json};

use metrics::{Means, Metric, PageScore};

/// Where to get the benchmark data when it is not where the user said.
const LAYOUT_HINT: &str = "expected a benchmark laid out like ../shared/bench/<set> \
     (truth.json and html/<id>.html.gz); see ../shared/bench/README.md";

/// Arguments of `dechaff eval`.
#[derive(clap::Args, Debug)]
pub struct EvalArgs {
    /// Benchmark directory, e.g. ../shared/bench/scrapinghub or
    /// ../shared/bench/wcxb-dev.
    pub dir: PathBuf,

    /// Metric to score with. Default: `bow` (with snippets) when the truth
    /// entries carry a `page_type` (WCXB), else `shingle` (scrapinghub).
    #[arg(long, value_enum)]
    pub metric: Option<Metric>,

    /// Scores a baseline instead of the extractor. `all-text` keeps every
    /// visible block.
    #[arg(long, value_enum, conflicts_with = "preset")]
    pub baseline: Option<Baseline>,

    /// Extractor preset: precision, balanced (the default) or recall.
    #[arg(long, value_parser = parse_preset)]
    pub preset: Option<Preset>,

    /// Runs the three presets and prints one P/R line for each.
    #[arg(long, conflicts_with_all = ["baseline", "preset", "per_page", "dump_predictions"])]
    pub sweep: bool,

    /// Switches a family of signals off (repeatable), to measure what it
    /// adds: markup-hints, hint-vetoes, link-density, prose, body-boost,
    /// teasers, listing, smoothing, repeats, lead-in, patterns, landmark, captions, hidden.
    #[arg(long, value_name = "SIGNAL", value_parser = parse_signal, conflicts_with = "baseline")]
    pub without: Vec<Signal>,

    /// Runs the extractor with every signal, then with each family switched
    /// off in turn, and prints what each adds to F1: an ablation table.
    #[arg(long, conflicts_with_all = ["baseline", "sweep", "per_page", "dump_predictions", "without"])]
    pub ablation: bool,

    /// Scores only the first N page ids (in sorted order), for quick runs.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,

    /// Worker threads. Default: all cores.
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,

    /// Prints the full results, per page included, as JSON.
    #[arg(long)]
    pub json: bool,

    /// Fails (exit status 1) when the overall F1 is below this, or when any
    /// page panicked: the accuracy floor that CI checks.
    #[arg(long, value_name = "F1")]
    pub min_f1: Option<f64>,

    /// Fails (exit status 1) when one page type's F1 is below its floor,
    /// given as TYPE=F1 (`collection=0.74`); repeatable. A type with no
    /// scored pages fails too, rather than passing unchecked.
    #[arg(long, value_name = "TYPE=F1", value_parser = parse_type_floor)]
    pub min_type: Vec<(String, f64)>,

    /// Writes per-page scores as TSV (id, page_type, P, R, F1, predicted
    /// tokens, truth tokens), worst F1 first.
    #[arg(long, value_name = "FILE")]
    pub per_page: Option<PathBuf>,

    /// Writes each page's prediction to DIR/ID.txt and its metadata to
    /// DIR/ID.meta.json, to check the scorer independently.
    #[arg(long, value_name = "DIR")]
    pub dump_predictions: Option<PathBuf>,

    /// Scores the texts in DIR/ID.txt (another tool's output, or an
    /// earlier `--dump-predictions`) instead of running the extractor, with
    /// the same metric; DIR/ID.meta.json, when present, gives the
    /// metadata. A page without its .txt is listed as an error.
    #[arg(long, value_name = "DIR", conflicts_with_all = ["baseline", "preset", "sweep", "dump_predictions"])]
    pub predictions: Option<PathBuf>,
}

/// Baselines `--baseline` can score.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Baseline {
    /// Every visible block, boilerplate included.
    AllText,
}

/// Several runs' reports: all as JSON, or one table of them.
fn print_reports(reports: &[Report], json: bool, table: fn(&[Report]) -> String) -> Result<()> {
    if json {
        let all: Vec<Value> = reports.iter().map(|r| r.to_json(false)).collect();
        println!("{}", serde_json::to_string_pretty(&all)?);
    } else {
        print!("{}", table(reports));
    }
    Ok(())
}

fn parse_signal(name: &str) -> Result<Signal, String> {
    Signal::parse(name).ok_or_else(|| {
        let names: Vec<&str> = Signal::ALL.iter().map(|s| s.name()).collect();
        format!(
            "unknown signal `{name}`: expected one of {}",
            names.join(", ")
        )
    })
}

/// The bits of `signals` in [`Signal::ALL`] order.
fn signal_bits(signals: &[Signal]) -> u32 {
    Signal::ALL
        .iter()
        .enumerate()
        .filter(|(_, s)| signals.contains(s))
        .fold(0, |bits, (i, _)| bits | 1 << i)
}

fn parse_type_floor(arg: &str) -> Result<(String, f64), String> {
    let (name, f1) = arg
        .split_once('=')
        .ok_or_else(|| format!("`{arg}`: expected TYPE=F1, e.g. collection=0.74"))?;
    let f1: f64 = f1
        .trim()
        .parse()
        .map_err(|_| format!("`{arg}`: `{f1}` is not a number"))?;
    if name.trim().is_empty() || !(0.0..=1.0).contains(&f1) {
        return Err(format!(
            "`{arg}`: expected a page type and an F1 from 0 to 1"
        ));
    }
    Ok((name.trim().to_owned(), f1))
}

fn parse_preset(name: &str) -> Result<Preset, String> {
    Preset::parse(name)
        .ok_or_else(|| format!("unknown preset `{name}`: expected precision, balanced or recall"))
}

/// Runs `dechaff eval`.
pub fn run(args: &EvalArgs) -> Result<()> {
    let mut bench = Bench::load(&args.dir, args.limit)?;
    if let Some(dir) = &args.predictions {
        if !dir.is_dir() {
            bail!("--predictions {} is not a directory", dir.display());
        }
        bench.predictions = Some(dir.clone());
    }
    let metric = args.metric.unwrap_or(if bench.typed {
        Metric::Bow
    } else {
        Metric::Shingle
    });
    let _capture = PanicCapture::install();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads.unwrap_or(0))
        .build()
        .context("cannot start the worker threads")?;

    if args.sweep {
        let mut reports = Vec::new();
        for preset in [Preset::Precision, Preset::Balanced, Preset::Recall] {
            let config = Config::Preset(preset);
            reports.push(evaluate(&bench, metric, config, &pool, false));
        }
        return print_reports(&reports, args.json, sweep_table);
    }

    if args.ablation {
        let preset = args.preset.unwrap_or_default();
        let mut reports = vec![evaluate(
            &bench,
            metric,
            Config::Preset(preset),
            &pool,
            false,
        )];
        for signal in Signal::ALL {
            let config = Config::Without(preset, signal_bits(&[signal]));
            reports.push(evaluate(&bench, metric, config, &pool, false));
        }
        return print_reports(&reports, args.json, ablation_table);
    }

    let config = match (args.baseline, args.preset) {
        _ if bench.predictions.is_some() => Config::Predictions,
        (Some(Baseline::AllText), _) => Config::AllText,
        (None, preset) if !args.without.is_empty() => {
            Config::Without(preset.unwrap_or_default(), signal_bits(&args.without))
        }
        (None, preset) => Config::Preset(preset.unwrap_or_default()),
    };
    let keep_text = args.dump_predictions.is_some();
    let report = evaluate(&bench, metric, config, &pool, keep_text);

    if let Some(dir) = &args.dump_predictions {
        dump_predictions(dir, &report)?;
    }
    if let Some(file) = &args.per_page {
        std::fs::write(file, report.per_page_tsv())
            .with_context(|| format!("cannot write the per-page TSV to {}", file.display()))?;
    }
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report.to_json(true))?);
    } else {
        print!("{}", report.table());
    }
    for line in check_floors(&report, args.min_f1, &args.min_type)? {
        eprintln!("dechaff: {line}");
    }
    Ok(())
}

/// The accuracy floors (`--min-f1`, `--min-type`): an error naming the
/// first one missed, or a line for each one met. Any panic misses them all.
fn check_floors(
    report: &Report,
    min_f1: Option<f64>,
    min_type: &[(String, f64)],
) -> Result<Vec<String>> {
    if min_f1.is_none() && min_type.is_empty() {
        return Ok(Vec::new());
    }
    let panics = report
        .pages
        .iter()
        .filter(|p| matches!(p.status, Status::Panicked(..)))
        .count();
    if panics > 0 {
        bail!("{panics} pages panicked");
    }
    let mut met = Vec::new();
    if let Some(floor) = min_f1 {
        let f1 = report.overall().means.f1;
        if f1 < floor {
            bail!("F1 {f1:.3} is below the floor {floor:.3}");
        }
        met.push(format!("F1 {f1:.3} meets the floor {floor:.3}"));
    }
    let types = report.by_type();
    for (name, floor) in min_type {
        let Some((_, group)) = types.iter().find(|(t, _)| t == name) else {
            bail!("no scored pages of type `{name}` for its floor {floor}");
        };
        // Four decimals: a type's floor may sit a hair under its score.
        let f1 = group.means.f1;
        if f1 < *floor {
            bail!("{name} F1 {f1:.4} is below its floor {floor:.4}");
        }
        met.push(format!("{name} F1 {f1:.4} meets its floor {floor:.4}"));
    }
    Ok(met)
}

/// One truth entry.
struct Truth {
    id: String,
    text: String,
    url: Option<String>,
    page_type: Option<String>,
    with: Vec<String>,
    without: Vec<String>,
    title: Option<String>,
    author: Option<String>,
    date: Option<String>,
}

/// A loaded benchmark: its truth, page files not yet read.
struct Bench {
    name: String,
    html_dir: PathBuf,
    pages: Vec<Truth>,
    /// Truth entries carry `page_type` (WCXB).
    typed: bool,
    /// Truth entries carry `with`/`without` snippets.
    snippets: bool,
    /// Truth entries carry title/author/date.
    meta: bool,
    /// Score the texts in this directory instead of extracting.
    predictions: Option<PathBuf>,
}

impl Bench {
    fn load(dir: &Path, limit: Option<usize>) -> Result<Bench> {
        if !dir.is_dir() {
            bail!("{} is not a directory: {LAYOUT_HINT}", dir.display());
        }
        let truth_path = dir.join("truth.json");
        if !truth_path.is_file() {
            bail!("no truth.json in {}: {LAYOUT_HINT}", dir.display());
        }
        let html_dir = dir.join("html");
        if !html_dir.is_dir() {
            bail!("no html/ directory in {}: {LAYOUT_HINT}", dir.display());
        }
        let raw = std::fs::read(&truth_path)
            .with_context(|| format!("cannot read {}", truth_path.display()))?;
        let value: Value = serde_json::from_slice(&raw).with_context(|| {
            format!("{} is not valid JSON: {LAYOUT_HINT}", truth_path.display())
        })?;
        let Value::Object(entries) = value else {
            bail!(
                "{} is not a JSON object of id -> entry: {LAYOUT_HINT}",
                truth_path.display()
            );
        };
        let (mut typed, mut snippets, mut meta) = (false, false, false);
        let mut pages = Vec::with_capacity(entries.len());
        for (id, entry) in entries {
            let Value::Object(entry) = entry else {
                bail!("{}: entry {id:?} is not an object", truth_path.display());
            };
            let Some(text) = entry.get("text").and_then(Value::as_str) else {
                bail!(
                    "{}: entry {id:?} has no \"text\" string",
                    truth_path.display()
                );
            };
            typed |= entry.contains_key("page_type");
            snippets |= entry.contains_key("with") || entry.contains_key("without");
            meta |= ["title", "author", "publish_date"]
                .iter()
                .any(|k| entry.contains_key(*k));
            pages.push(Truth {
                text: text.to_owned(),
                url: string_field(&entry, "url"),
                page_type: string_field(&entry, "page_type"),
                with: string_list(&entry, "with"),
                without: string_list(&entry, "without"),
                title: string_field(&entry, "title"),
                author: string_field(&entry, "author"),
                date: string_field(&entry, "publish_date"),
                id,
            });
        }
        if pages.is_empty() {
            bail!("{} has no entries: {LAYOUT_HINT}", truth_path.display());
        }
        pages.sort_by(|a, b| a.id.cmp(&b.id));
        if let Some(n) = limit {
            pages.truncate(n);
        }
        let name = dir
            .canonicalize()
            .ok()
            .and_then(|d| d.file_name().map(|n| n.to_string_lossy().into_owned()))
            .unwrap_or_else(|| dir.display().to_string());
        Ok(Bench {
            name,
            html_dir,
            pages,
            typed,
            snippets,
            meta,
            predictions: None,
        })
    }
}

/// A non-blank string field; `null`, blanks and other types read as absent.
fn string_field(entry: &Map<String, Value>, key: &str) -> Option<String> {
    entry
        .get(key)
        .and_then(Value::as_str)
        .filter(|s| !s.trim().is_empty())
        .map(str::to_owned)
}

fn string_list(entry: &Map<String, Value>, key: &str) -> Vec<String> {
    match entry.get(key) {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect(),
        _ => Vec::new(),
    }
}

/// What is being scored.
#[derive(Debug, Clone, Copy)]
enum Config {
    AllText,
    Preset(Preset),
    /// A preset with the signal families whose bits (in [`Signal::ALL`]
    /// order) are set switched off.
    Without(Preset, u32),
    /// Texts read from `--predictions`; nothing is extracted.
    Predictions,
}

impl Config {
    fn name(self) -> String {
        match self {
            Config::AllText => "baseline all-text".to_owned(),
            Config::Preset(p) => format!("preset {}", p.name()),
            Config::Without(p, bits) => {
                format!("preset {} without {}", p.name(), signal_names(bits))
            }
            Config::Predictions => "predictions from a directory".to_owned(),
        }
    }

    fn options(self) -> Options {
        match self {
            Config::AllText => Options::default().with_keep_all(true),
            Config::Preset(p) => Options::default().with_preset(p),
            Config::Without(p, bits) => Signal::ALL
                .iter()
                .enumerate()
                .filter(|(i, _)| bits & 1 << i != 0)
                .fold(Options::default().with_preset(p), |o, (_, &s)| o.without(s)),
            // Unused: nothing is extracted.
            Config::Predictions => Options::default(),
        }
    }
}

/// Found/total counts of one snippet list.
#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    hits: usize,
    total: usize,
}

impl Tally {
    fn add(&mut self, hit: Option<bool>) {
        if let Some(hit) = hit {
            self.total += 1;
            self.hits += usize::from(hit);
        }
    }

    fn merge(&mut self, other: Tally) {
        self.hits += other.hits;
        self.total += other.total;
    }

    fn rate(self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.hits as f64 / self.total as f64
        }
    }

    fn to_json(self) -> Value {
        json!({"found": self.hits, "total": self.total, "rate": self.rate()})
    }
}

/// How one page went.
enum Status {
    Ok,
    /// The extractor panicked; scored as an empty prediction.
    Panicked(String),
    /// The page could not be read; not scored.
    Failed(String),
}

/// One page's result.
struct PageRun {
    id: String,
    page_type: Option<String>,
    status: Status,
    html_bytes: usize,
    extract_secs: f64,
    score: Option<PageScore>,
    with: Tally,
    without: Tally,
    title: Tally,
    author: Tally,
    date: Tally,
    /// The prediction and its metadata, kept only for `--dump-predictions`.
    dump: Option<(String, Value)>,
}

/// The result of scoring one configuration over a benchmark.
struct Report {
    set: String,
    metric: Metric,
    config: Config,
    snippets: bool,
    meta: bool,
    threads: usize,
    seconds: f64,
    pages: Vec<PageRun>,
}

fn evaluate(
    bench: &Bench,
    metric: Metric,
    config: Config,
    pool: &rayon::ThreadPool,
    keep_text: bool,
) -> Report {
    let extractor = Extractor::new(config.options());
    let start = Instant::now();
    // An indexed parallel iterator collects in input order: deterministic output.
    let pages = pool.install(|| {
        bench
            .pages
            .par_iter()
            .map(|truth| run_page(bench, truth, &extractor, metric, keep_text))
            .collect()
    });
    Report {
        set: bench.name.clone(),
        metric,
        config,
        snippets: bench.snippets,
        meta: bench.meta,
        threads: pool.current_num_threads(),
        seconds: start.elapsed().as_secs_f64(),
        pages,
    }
}

fn read_page(html_dir: &Path, id: &str) -> Result<Vec<u8>> {
    // Ids name files: refuse any that could leave the html directory.
    if id.is_empty() || id.contains(['/', '\\']) || id == "." || id == ".." {
        bail!("truth id {id:?} cannot name a page file");
    }
    let path = html_dir.join(format!("{id}.html.gz"));
    let gz = std::fs::read(&path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            anyhow::anyhow!("missing page file {} for truth id {id}", path.display())
        } else {
            anyhow::Error::new(e).context(format!("cannot read {}", path.display()))
        }
    })?;
    let mut html = Vec::with_capacity(gz.len() * 4);
    flate2::read::MultiGzDecoder::new(&gz[..])
        .read_to_end(&mut html)
        .with_context(|| format!("{} is not valid gzip", path.display()))?;
    Ok(html)
}

thread_local! {
    /// Set while this thread runs the extractor.
    static IN_EXTRACT: Cell<bool> = const { Cell::new(false) };
    /// Where the extractor last panicked on this thread.
    static PANIC_AT: RefCell<Option<String>> = const { RefCell::new(None) };
}

type Hook = Arc<dyn Fn(&std::panic::PanicHookInfo<'_>) + Send + Sync>;

/// While alive, a panic inside the extractor is recorded with its location
/// for the report rather than printed (one backtrace per page would bury
/// the results); any other panic goes to the previous hook.
struct PanicCapture {
    prev: Hook,
}

impl PanicCapture {
    fn install() -> PanicCapture {
        let prev: Hook = Arc::from(std::panic::take_hook());
        let inner = Arc::clone(&prev);
        std::panic::set_hook(Box::new(move |info| {
            if IN_EXTRACT.with(Cell::get) {
                let at = info.location().map(|l| l.to_string());
                PANIC_AT.with(|p| *p.borrow_mut() = at);
            } else {
                inner(info);
            }
        }));
        PanicCapture { prev }
    }
}

impl Drop for PanicCapture {
    fn drop(&mut self) {
        // set_hook itself panics on a panicking thread.
        if !std::thread::panicking() {
            let prev = Arc::clone(&self.prev);
            std::panic::set_hook(Box::new(move |info| prev(info)));
        }
    }
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "non-string panic payload".to_owned())
}

fn run_page(
    bench: &Bench,
    truth: &Truth,
    extractor: &Extractor,
    metric: Metric,
    keep_text: bool,
) -> PageRun {
    let mut run = PageRun {
        id: truth.id.clone(),
        page_type: truth.page_type.clone(),
        status: Status::Ok,
        html_bytes: 0,
        extract_secs: 0.0,
        score: None,
        with: Tally::default(),
        without: Tally::default(),
        title: Tally::default(),
        author: Tally::default(),
        date: Tally::default(),
        dump: None,
    };
    if let Some(dir) = &bench.predictions {
        match read_prediction(dir, &truth.id) {
            Ok((text, metadata)) => {
                score_page(&mut run, truth, metric, text, metadata, keep_text);
            }
            Err(e) => run.status = Status::Failed(format!("{e:#}")),
        }
        return run;
    }
    let html = match read_page(&bench.html_dir, &truth.id) {
        Ok(html) => html,
        Err(e) => {
            run.status = Status::Failed(format!("{e:#}"));
            return run;
        }
    };
    run.html_bytes = html.len();
    let hints = match &truth.url {
        Some(url) => Hints::new().with_url(url.as_str()),
        None => Hints::new(),
    };
    let start = Instant::now();
    // The library must not panic; if it does, report the page and go on.
    IN_EXTRACT.with(|f| f.set(true));
    let result = catch_unwind(AssertUnwindSafe(|| {
        let out = extractor.extract(&html, &hints);
        (out.text(), out.metadata)
    }));
    IN_EXTRACT.with(|f| f.set(false));
    run.extract_secs = start.elapsed().as_secs_f64();
    let (text, metadata) = match result {
        Ok(r) => r,
        Err(payload) => {
            let mut msg = panic_message(payload.as_ref());
            if let Some(at) = PANIC_AT.with(|p| p.borrow_mut().take()) {
                let _ = write!(msg, " (at {at})");
            }
            run.status = Status::Panicked(msg);
            (String::new(), dechaff::Metadata::default())
        }
    };
    score_page(&mut run, truth, metric, text, metadata, keep_text);
    run
}

/// Scores one page's text and metadata against its truth, the same way
/// whether the text was extracted here or read from `--predictions`.
fn score_page(
    run: &mut PageRun,
    truth: &Truth,
    metric: Metric,
    text: String,
    metadata: dechaff::Metadata,
    keep_text: bool,
) {
    run.score = Some(metric.score(&text, &truth.text));
    let normalized = metrics::normalize(&text);
    for s in &truth.with {
        run.with.add(metrics::snippet_found(&normalized, s));
    }
    for s in &truth.without {
        run.without.add(metrics::snippet_found(&normalized, s));
    }
    if let Some(t) = &truth.title {
        run.title
            .add(Some(metrics::title_match(metadata.title.as_deref(), t)));
    }
    if let Some(a) = &truth.author {
        run.author
            .add(Some(metrics::author_match(&metadata.authors, a)));
    }
    if let Some(d) = &truth.date {
        // WCXB's `publish_date` is the page's latest date: the modification
        // date where the page gives one, else the publication date.
        let hit = metrics::date_match(metadata.published.as_deref(), d)
            || metrics::date_match(metadata.modified.as_deref(), d);
        run.date.add(Some(hit));
    }
    if keep_text {
        let meta = json!({
            "title": metadata.title,
            "authors": metadata.authors,
            "published": metadata.published,
            "modified": metadata.modified,
        });
        run.dump = Some((text, meta));
    }
}

/// Reads `DIR/ID.txt` and, when present, `DIR/ID.meta.json` (the
/// layout `--dump-predictions` writes).
fn read_prediction(dir: &Path, id: &str) -> Result<(String, dechaff::Metadata)> {
    // Ids name files: refuse any that could leave the directory.
    if id.is_empty() || id.contains(['/', '\\']) || id == "." || id == ".." {
        bail!("truth id {id:?} cannot name a prediction file");
    }
    let path = dir.join(format!("{id}.txt"));
    let bytes = std::fs::read(&path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            anyhow::anyhow!(
                "missing prediction file {} for truth id {id}",
                path.display()
            )
        } else {
            anyhow::Error::new(e).context(format!("cannot read {}", path.display()))
        }
    })?;
    // Another tool may write invalid UTF-8; score what can be read.
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let mut metadata = dechaff::Metadata::default();
    let meta_path = dir.join(format!("{id}.meta.json"));
    if let Ok(raw) = std::fs::read(&meta_path) {
        let v: Value = serde_json::from_slice(&raw)
            .with_context(|| format!("{} is not valid JSON", meta_path.display()))?;
        // Read like truth entries; anything but an object gives no metadata.
        if let Value::Object(m) = v {
            metadata.title = string_field(&m, "title");
            metadata.published = string_field(&m, "published");
            metadata.modified = string_field(&m, "modified");
            metadata.authors = string_list(&m, "authors");
        }
    }
    Ok((text, metadata))
}

fn dump_predictions(dir: &Path, report: &Report) -> Result<()> {
    std::fs::create_dir_all(dir)
        .with_context(|| format!("cannot create the predictions directory {}", dir.display()))?;
    for page in &report.pages {
        if let Some((text, meta)) = &page.dump {
            let path = dir.join(format!("{}.txt", page.id));
            std::fs::write(&path, text)
                .with_context(|| format!("cannot write {}", path.display()))?;
            let path = dir.join(format!("{}.meta.json", page.id));
            std::fs::write(&path, meta.to_string())
                .with_context(|| format!("cannot write {}", path.display()))?;
        }
    }
    Ok(())
}

/// Set-level figures for one group of pages.
struct Group {
    means: Means,
    empty: usize,
    with: Tally,
    without: Tally,
}

impl Report {
    fn scored(&self) -> impl Iterator<Item = &PageRun> {
        self.pages.iter().filter(|p| p.score.is_some())
    }

    fn group<'a>(&self, pages: impl Iterator<Item = &'a PageRun>) -> Group {
        let mut scores = Vec::new();
        let (mut with, mut without, mut empty) = (Tally::default(), Tally::default(), 0);
        for page in pages {
            let Some(score) = page.score else { continue };
            // Panicked pages count as panics, not as empty predictions.
            if matches!(page.status, Status::Ok) && score.pred_tokens == 0 && score.truth_tokens > 0
            {
                empty += 1;
            }
            scores.push(score);
            with.merge(page.with);
            without.merge(page.without);
        }
        Group {
            means: self.metric.aggregate(&scores),
            empty,
            with,
            without,
        }
    }

    fn overall(&self) -> Group {
        self.group(self.scored())
    }

    /// Groups by page type, largest first.
    fn by_type(&self) -> Vec<(String, Group)> {
        let mut types: BTreeMap<&str, Vec<&PageRun>> = BTreeMap::new();
        for page in self.scored() {
            let t = page.page_type.as_deref().unwrap_or("-");
            types.entry(t).or_default().push(page);
        }
        let mut groups: Vec<(String, Group)> = types
            .into_iter()
            .map(|(t, pages)| (t.to_owned(), self.group(pages.into_iter())))
            .collect();
        groups.sort_by(|a, b| b.1.means.pages.cmp(&a.1.means.pages).then(a.0.cmp(&b.0)));
        groups
    }

    fn meta_tallies(&self) -> [(&'static str, Tally); 3] {
        let mut out = [
            ("title", Tally::default()),
            ("author", Tally::default()),
            ("date", Tally::default()),
        ];
        for page in self.scored() {
            out[0].1.merge(page.title);
            out[1].1.merge(page.author);
            out[2].1.merge(page.date);
        }
        out
    }

    fn panics(&self) -> impl Iterator<Item = (&str, &str)> {
        self.pages.iter().filter_map(|p| match &p.status {
            Status::Panicked(m) => Some((p.id.as_str(), m.as_str())),
            _ => None,
        })
    }

    fn errors(&self) -> impl Iterator<Item = (&str, &str)> {
        self.pages.iter().filter_map(|p| match &p.status {
            Status::Failed(m) => Some((p.id.as_str(), m.as_str())),
            _ => None,
        })
    }

    fn html_bytes(&self) -> usize {
        self.pages.iter().map(|p| p.html_bytes).sum()
    }

    fn mb_per_s(&self) -> f64 {
        if self.seconds > 0.0 {
            self.html_bytes() as f64 / 1e6 / self.seconds
        } else {
            0.0
        }
    }

    fn extract_secs(&self) -> f64 {
        self.pages.iter().map(|p| p.extract_secs).sum()
    }

    fn metric_title(&self) -> &'static str {
        match self.metric {
            Metric::Shingle => "4-gram shingle metric",
            Metric::Bow => "bag-of-words metric",
        }
    }

    fn table(&self) -> String {
        let mut s = String::new();
        let all = self.overall();
        let m = all.means;
        let _ = writeln!(
            s,
            "{}: {} pages, {}, {}",
            self.set,
            self.pages.len(),
            self.metric_title(),
            self.config.name()
        );
        match self.metric {
            Metric::Shingle => {
                let _ = writeln!(
                    s,
                    "  precision  {:.3}  (mean over {} pages with a non-empty prediction)",
                    m.precision, m.precision_pages
                );
                let _ = writeln!(
                    s,
                    "  recall     {:.3}  (mean over {} pages with a non-empty truth)",
                    m.recall, m.recall_pages
                );
                let _ = writeln!(s, "  F1         {:.3}  (2PR/(P+R) of the means)", m.f1);
                let _ = writeln!(
                    s,
                    "  accuracy   {:.3}  (token sequence equals the truth)",
                    m.accuracy
                );
            }
            Metric::Bow => {
                let _ = writeln!(
                    s,
                    "  precision  {:.3}  recall  {:.3}  F1  {:.3}  (means over {} pages)",
                    m.precision, m.recall, m.f1, m.pages
                );
            }
        }
        let types = self.by_type();
        if types.len() > 1 || self.snippets {
            let _ = writeln!(
                s,
                "\n  {:<15} {:>5} {:>6} {:>6} {:>6} {:>6} {:>8}",
                "type", "pages", "P", "R", "F1", "with", "without"
            );
            let mut rows = types;
            rows.insert(0, ("all".to_owned(), all));
            for (t, g) in &rows {
                let _ = writeln!(
                    s,
                    "  {:<15} {:>5} {:>6.3} {:>6.3} {:>6.3} {:>6} {:>8}",
                    t,
                    g.means.pages,
                    g.means.precision,
                    g.means.recall,
                    g.means.f1,
                    rate_cell(g.with),
                    rate_cell(g.without),
                );
            }
            let _ = writeln!(s);
            let all = &rows[0].1;
            if self.snippets {
                let _ = writeln!(
                    s,
                    "  snippets   with found {:.3} ({} of {}), without found {:.3} ({} of {}; lower is better)",
                    all.with.rate(),
                    all.with.hits,
                    all.with.total,
                    all.without.rate(),
                    all.without.hits,
                    all.without.total
                );
            }
        }
        if self.meta {
            let _ = write!(s, "  metadata  ");
            for (name, t) in self.meta_tallies() {
                let _ = write!(s, " {name} {:.3} ({} of {})", t.rate(), t.hits, t.total);
            }
            let _ = writeln!(s);
        }
        let panics: Vec<_> = self.panics().collect();
        let errors: Vec<_> = self.errors().collect();
        let _ = writeln!(
            s,
            "  empty      {}  (empty prediction, non-empty truth)",
            self.overall().empty
        );
        let _ = writeln!(s, "  panics     {}", panics.len());
        let _ = writeln!(s, "  errors     {}", errors.len());
        let _ = writeln!(
            s,
            "  time       {:.2} s, {:.1} MB/s ({:.1} MB of HTML, {} threads; {:.2} s in extraction)",
            self.seconds,
            self.mb_per_s(),
            self.html_bytes() as f64 / 1e6,
            self.threads,
            self.extract_secs()
        );
        for (id, msg) in &panics {
            let _ = writeln!(s, "panic   {id}: {msg}");
        }
        for (id, msg) in &errors {
            let _ = writeln!(s, "error   {id}: {msg}");
        }
        if !errors.is_empty() {
            let _ = writeln!(
                s,
                "note: {} of {} pages could not be read and are not in the scores",
                errors.len(),
                self.pages.len()
            );
        }
        s
    }

    fn group_json(&self, g: &Group) -> Value {
        let m = g.means;
        let mut v = json!({
            "pages": m.pages,
            "precision": m.precision,
            "recall": m.recall,
            "f1": m.f1,
            "precision_pages": m.precision_pages,
            "recall_pages": m.recall_pages,
            "empty_predictions": g.empty,
        });
        if self.metric == Metric::Shingle {
            v["accuracy"] = json!(m.accuracy);
        }
        if self.snippets {
            v["with"] = g.with.to_json();
            v["without"] = g.without.to_json();
        }
        v
    }

    fn to_json(&self, per_page: bool) -> Value {
        let all = self.overall();
        let mut v = json!({
            "set": self.set,
            "metric": self.metric.name(),
            "config": self.config.name(),
            "pages": self.pages.len(),
            "overall": self.group_json(&all),
            "panics": self.panics().map(|(id, m)| json!({"id": id, "message": m})).collect::<Vec<_>>(),
            "errors": self.errors().map(|(id, m)| json!({"id": id, "message": m})).collect::<Vec<_>>(),
            "seconds": self.seconds,
            "extract_seconds": self.extract_secs(),
            "html_bytes": self.html_bytes(),
            "mb_per_s": self.mb_per_s(),
            "threads": self.threads,
        });
        let by_type: Map<String, Value> = self
            .by_type()
            .iter()
            .map(|(t, g)| (t.clone(), self.group_json(g)))
            .collect();
        v["by_type"] = Value::Object(by_type);
        if self.meta {
            let meta: Map<String, Value> = self
                .meta_tallies()
                .iter()
                .map(|(n, t)| (n.to_string(), t.to_json()))
                .collect();
            v["metadata"] = Value::Object(meta);
        }
        if per_page {
            let pages: Vec<Value> = self
                .pages
                .iter()
                .map(|p| {
                    let status = match &p.status {
                        Status::Ok => "ok",
                        Status::Panicked(_) => "panicked",
                        Status::Failed(_) => "error",
                    };
                    let mut o = json!({"id": p.id, "status": status, "html_bytes": p.html_bytes});
                    if let Some(t) = &p.page_type {
                        o["page_type"] = json!(t);
                    }
                    if let Some(sc) = p.score {
                        o["precision"] = json!(sc.precision);
                        o["recall"] = json!(sc.recall);
                        o["f1"] = json!(sc.f1);
                        o["exact"] = json!(sc.exact);
                        o["pred_tokens"] = json!(sc.pred_tokens);
                        o["truth_tokens"] = json!(sc.truth_tokens);
                    }
                    o
                })
                .collect();
            v["per_page"] = Value::Array(pages);
        }
        v
    }

    fn per_page_tsv(&self) -> String {
        let mut rows: Vec<(&PageRun, PageScore)> = self
            .pages
            .iter()
            .filter_map(|p| Some((p, p.score?)))
            .collect();
        rows.sort_by(|a, b| a.1.f1.total_cmp(&b.1.f1).then(a.0.id.cmp(&b.0.id)));
        let mut s =
            String::from("id\tpage_type\tprecision\trecall\tf1\tpred_tokens\ttruth_tokens\n");
        for (p, sc) in rows {
            let _ = writeln!(
                s,
                "{}\t{}\t{:.3}\t{:.3}\t{:.3}\t{}\t{}",
                p.id,
                p.page_type.as_deref().unwrap_or("-"),
                sc.precision,
                sc.recall,
                sc.f1,
                sc.pred_tokens,
                sc.truth_tokens
            );
        }
        s
    }
}

fn rate_cell(t: Tally) -> String {
    if t.total == 0 {
        "-".to_owned()
    } else {
        format!("{:.3}", t.rate())
    }
}

/// The names of the signal families whose bits are set, comma-separated.
fn signal_names(bits: u32) -> String {
    let names: Vec<&str> = Signal::ALL
        .iter()
        .enumerate()
        .filter(|(i, _)| bits & 1 << i != 0)
        .map(|(_, s)| s.name())
        .collect();
    names.join(",")
}

/// The full run first, then one line per signal family switched off, with
/// the F1 the family adds (full F1 minus F1 without it), overall and, on a
/// typed set, per page type.
fn ablation_table(reports: &[Report]) -> String {
    let mut s = String::new();
    let Some(full) = reports.first() else {
        return s;
    };
    let _ = writeln!(
        s,
        "{}: {} pages, {}; F1 each signal family adds (F1 with all minus F1 without it)",
        full.set,
        full.pages.len(),
        full.metric_title()
    );
    // Per page type only on a typed set (WCXB).
    let base_types: Vec<(String, f64)> = full
        .by_type()
        .into_iter()
        .filter(|(t, _)| t != "-")
        .map(|(t, g)| (t, g.means.f1))
        .collect();
    let types: Vec<&str> = base_types.iter().map(|(t, _)| t.as_str()).collect();
    let mut header = format!(
        "  {:<13} {:>6} {:>6} {:>6} {:>7}",
        "without", "P", "R", "F1", "adds"
    );
    for t in &types {
        let _ = write!(header, " {:>8}", truncate(t, 8));
    }
    let _ = writeln!(s, "{header}");
    let base = full.overall().means.f1;
    for r in reports {
        let g = r.overall();
        let name = match r.config {
            Config::Without(_, bits) => signal_names(bits),
            _ => "(nothing)".to_owned(),
        };
        let mut line = format!(
            "  {:<13} {:>6.3} {:>6.3} {:>6.3} {:>+7.3}",
            name,
            g.means.precision,
            g.means.recall,
            g.means.f1,
            base - g.means.f1
        );
        let of_type: BTreeMap<String, f64> = r
            .by_type()
            .into_iter()
            .map(|(t, g)| (t, g.means.f1))
            .collect();
        for (t, b) in &base_types {
            let _ = write!(
                line,
                " {:>+8.3}",
                b - of_type.get(t).copied().unwrap_or(0.0)
            );
        }
        let _ = writeln!(s, "{line}");
    }
    s
}

fn truncate(s: &str, n: usize) -> &str {
    s.char_indices().nth(n).map_or(s, |(i, _)| &s[..i])
}

/// One line per configuration: a small P/R curve.
fn sweep_table(reports: &[Report]) -> String {
    let mut s = String::new();
    if let Some(first) = reports.first() {
        let _ = writeln!(
            s,
            "{}: {} pages, {}",
            first.set,
            first.pages.len(),
            first.metric_title()
        );
    }
    let _ = writeln!(
        s,
        "  {:<10} {:>6} {:>6} {:>6} {:>6} {:>8} {:>6} {:>6} {:>7}",
        "preset", "P", "R", "F1", "with", "without", "panics", "errors", "seconds"
    );
    for r in reports {
        let g = r.overall();
        let name = match r.config {
            Config::Preset(p) | Config::Without(p, _) => p.name(),
            Config::AllText => "all-text",
            Config::Predictions => "predictions",
        };
        let _ = writeln!(
            s,
            "  {:<10} {:>6.3} {:>6.3} {:>6.3} {:>6} {:>8} {:>6} {:>6} {:>7.2}",
            name,
            g.means.precision,
            g.means.recall,
            g.means.f1,
            rate_cell(g.with),
            rate_cell(g.without),
            r.panics().count(),
            r.errors().count(),
            r.seconds
        );
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A page whose article is the truth's one sentence.
    const STORY_PAGE: &str = "<html><body><article><p>The story body is here and it is long \
                              enough to keep.</p></article></body></html>";

    /// A throwaway benchmark directory, removed on drop.
    struct TempBench(PathBuf);

    impl TempBench {
        fn new(name: &str) -> TempBench {
            let dir =
                std::env::temp_dir().join(format!("dechaff-eval-{name}-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(dir.join("html")).unwrap();
            TempBench(dir)
        }

        fn page(&self, id: &str, html: &str) {
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            gz.write_all(html.as_bytes()).unwrap();
            let path = self.0.join("html").join(format!("{id}.html.gz"));
            std::fs::write(path, gz.finish().unwrap()).unwrap();
        }
    }

    impl Drop for TempBench {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    fn pool() -> rayon::ThreadPool {
        rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .build()
            .unwrap()
    }

    fn load_error(dir: &Path) -> String {
        match Bench::load(dir, None) {
            Ok(_) => panic!("{} loaded", dir.display()),
            Err(e) => format!("{e:#}"),
        }
    }

    #[test]
    fn layout_errors_say_what_to_do() {
        assert!(load_error(Path::new("/no/such/bench")).contains("../shared/bench/<set>"));
        let b = TempBench::new("notruth");
        assert!(load_error(&b.0).starts_with("no truth.json in"));
        std::fs::write(b.0.join("truth.json"), "{").unwrap();
        assert!(load_error(&b.0).contains("is not valid JSON"));
        std::fs::write(b.0.join("truth.json"), r#"{"a": {"txt": "x"}}"#).unwrap();
        assert!(load_error(&b.0).contains(r#"no "text" string"#));
    }

    #[test]
    fn bad_pages_are_listed_and_the_run_goes_on() {
        let b = TempBench::new("pages");
        let truth = r#"{
            "b": {"text": "The story body is here and it is long enough to keep."},
            "a": {"text": "x"},
            "c": {"text": "y"},
            "../d": {"text": "z"}
        }"#;
        std::fs::write(b.0.join("truth.json"), truth).unwrap();
        b.page("b", STORY_PAGE);
        std::fs::write(b.0.join("html/c.html.gz"), b"not gzip").unwrap();
        let bench = Bench::load(&b.0, None).unwrap();
        assert!(!bench.typed);
        let report = evaluate(&bench, Metric::Shingle, Config::AllText, &pool(), false);
        // Sorted by id; three of four pages fail to read, one is scored.
        let ids: Vec<_> = report.pages.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["../d", "a", "b", "c"]);
        let errors: Vec<_> = report.errors().map(|(id, _)| id).collect();
        assert_eq!(errors, ["../d", "a", "c"]);
        assert_eq!(report.overall().means.pages, 1);
        assert!(report.table().contains("missing page file"));
        assert_eq!(report.per_page_tsv().lines().count(), 2);
    }

    #[test]
    fn predictions_score_like_the_extractor_that_wrote_them() {
        let b = TempBench::new("predictions");
        let truth = r#"{
            "a": {"text": "The story body is here and it is long enough to keep.",
                  "title": "A title", "page_type": "article", "with": ["story body"]},
            "b": {"text": "Another body of text that the page holds, at some length.",
                  "page_type": "article"},
            "c": {"text": "A page with no prediction file.", "page_type": "forum"}
        }"#;
        std::fs::write(b.0.join("truth.json"), truth).unwrap();
        b.page(
            "a",
            "<html><head><title>A title</title></head><body><nav><a href='/'>Home</a></nav>\
             <article><p>The story body is here and it is long enough to keep.</p>\
             </article></body></html>",
        );
        b.page(
            "b",
            "<html><body><p>Another body of text that the page holds, at some length.</p>\
             <footer>Copyright</footer></body></html>",
        );
        b.page(
            "c",
            "<html><body><p>A page with no prediction file.</p></body></html>",
        );
        let mut bench = Bench::load(&b.0, None).unwrap();
        let config = Config::Preset(Preset::Balanced);
        let extracted = evaluate(&bench, Metric::Bow, config, &pool(), true);
        let dir = b.0.join("pred");
        dump_predictions(&dir, &extracted).unwrap();
        std::fs::remove_file(dir.join("c.txt")).unwrap();

        bench.predictions = Some(dir);
        let read = evaluate(&bench, Metric::Bow, Config::Predictions, &pool(), false);
        // The same scores, page by page, for the pages with a file ...
        for (x, r) in extracted.pages.iter().zip(&read.pages).take(2) {
            assert_eq!(x.score, r.score, "page {}", x.id);
            assert_eq!((x.with.hits, x.title.hits), (r.with.hits, r.title.hits));
        }
        assert_eq!(read.pages[0].title.hits, 1);
        // ... and the page without one is an error, not a zero.
        let errors: Vec<_> = read.errors().map(|(id, _)| id).collect();
        assert_eq!(errors, ["c"]);
        assert!(read.table().contains("missing prediction file"));
        assert!(read.table().contains("predictions from a directory"));
    }

    #[test]
    fn floors_per_page_type_fail_below_and_on_a_missing_type() {
        let b = TempBench::new("type-floors");
        let truth = r#"{
            "a": {"text": "The story body is here and it is long enough to keep.",
                  "page_type": "article"},
            "b": {"text": "Every word of this forum post is the truth, and more.",
                  "page_type": "forum"}
        }"#;
        std::fs::write(b.0.join("truth.json"), truth).unwrap();
        b.page("a", STORY_PAGE);
        // Half of what the forum page shows is not in its truth.
        b.page(
            "b",
            "<html><body><article><p>Every word of this forum post is the truth, and \
             more. Nothing of this second sentence is in it, not one word.</p>\
             </article></body></html>",
        );
        let bench = Bench::load(&b.0, None).unwrap();
        let config = Config::Preset(Preset::Balanced);
        let report = evaluate(&bench, Metric::Bow, config, &pool(), false);
        let floor = |t: &str, f1: f64| vec![(t.to_owned(), f1)];
        let met = check_floors(&report, Some(0.5), &floor("article", 0.99)).unwrap();
        assert_eq!(met.len(), 2, "{met:?}");
        assert!(met[1].starts_with("article F1 1.0000"), "{met:?}");
        let err = check_floors(&report, None, &floor("forum", 0.9)).unwrap_err();
        assert!(err.to_string().starts_with("forum F1 0.6"), "{err}");
        let err = check_floors(&report, None, &floor("listing", 0.1)).unwrap_err();
        assert!(
            err.to_string()
                .contains("no scored pages of type `listing`"),
            "{err}"
        );
        assert!(check_floors(&report, None, &[]).unwrap().is_empty());
        // The argument's form.
        assert_eq!(
            parse_type_floor("collection=0.74"),
            Ok(("collection".to_owned(), 0.74))
        );
        assert!(parse_type_floor("collection").is_err());
        assert!(parse_type_floor("collection=high").is_err());
        assert!(parse_type_floor("collection=1.5").is_err());
        assert!(parse_type_floor("=0.5").is_err());
    }

    #[test]
    fn ablation_lists_every_family_and_what_it_adds() {
        let b = TempBench::new("ablation");
        let truth = r#"{
            "a": {"text": "The story body is here and it is long enough to keep, every word of it.",
                  "page_type": "article"}
        }"#;
        std::fs::write(b.0.join("truth.json"), truth).unwrap();
        b.page(
            "a",
            "<html><body><article><p>The story body is here and it is long enough to keep, \
             every word of it.</p><div class='newsletter-box'><p>Sign up for our letter today, \
             it is free and it comes every morning.</p></div></article></body></html>",
        );
        let bench = Bench::load(&b.0, None).unwrap();
        let mut reports = vec![evaluate(
            &bench,
            Metric::Bow,
            Config::Preset(Preset::Balanced),
            &pool(),
            false,
        )];
        for signal in Signal::ALL {
            let config = Config::Without(Preset::Balanced, signal_bits(&[signal]));
            assert!(!config.options().uses(signal));
            reports.push(evaluate(&bench, Metric::Bow, config, &pool(), false));
        }
        let table = ablation_table(&reports);
        let lines: Vec<&str> = table.lines().collect();
        assert_eq!(lines.len(), 3 + Signal::ALL.len(), "{table}");
        assert!(lines[2].trim_start().starts_with("(nothing)"));
        // The newsletter box is dropped by its name only: without markup
        // hints its words come back and precision falls, so hints add F1.
        let hints = lines
            .iter()
            .find(|l| l.trim_start().starts_with("markup-hints"))
            .unwrap();
        let adds: f64 = hints.split_whitespace().nth(4).unwrap().parse().unwrap();
        assert!(adds > 0.0, "{table}");
        assert_eq!(
            signal_names(signal_bits(&[Signal::Teasers, Signal::Prose])),
            "prose,teasers"
        );
    }

    #[test]
    fn wcxb_layout_is_detected_and_limit_takes_first_ids() {
        let b = TempBench::new("wcxb");
        let truth = r#"{
            "p2": {"text": "b", "page_type": "forum", "with": ["b"], "without": []},
            "p1": {"text": "a", "page_type": "article", "title": "T",
                   "author": null, "publish_date": "2024-01-02", "url": "https://e.com/",
                   "with": ["a", " "], "without": ["nav"]}
        }"#;
        std::fs::write(b.0.join("truth.json"), truth).unwrap();
        let bench = Bench::load(&b.0, Some(1)).unwrap();
        assert!(bench.typed && bench.snippets && bench.meta);
        assert_eq!(bench.pages.len(), 1);
        let p = &bench.pages[0];
        assert_eq!(p.id, "p1");
        assert_eq!(p.author, None);
        assert_eq!(p.with, ["a", " "]);
        assert_eq!(p.url.as_deref(), Some("https://e.com/"));
    }
}
