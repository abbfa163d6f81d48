//! The `dechaff` command: a thin layer over the library that parses flags,
//! reads and writes files, and reports.

mod corpus;
mod eval;

use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand, ValueEnum};
use dechaff::{Extracted, Extractor, Hints, Options, Preset};
use rayon::prelude::*;

#[derive(Parser, Debug)]
#[command(
    name = "dechaff",
    version,
    about = "Keeps a web page's main content and drops the boilerplate."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Extracts the main content of a page (FILE, or - for stdin), or of
    /// every page of a directory with --input-dir.
    Extract(ExtractArgs),
    /// Scores extraction against a benchmark laid out like ../shared/bench/SET.
    Eval(eval::EvalArgs),
    /// Cleans a corpus: extracts every page of WARC, JSONL or HTML inputs
    /// on all cores into JSONL, one record per document.
    Corpus(corpus::CorpusArgs),
}

/// Output format.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    /// Plain text, one block per line.
    Txt,
    /// Markdown.
    Md,
    /// JSON with title, text, metadata and every block's decision.
    Json,
}

impl Format {
    fn ext(self) -> &'static str {
        match self {
            Format::Txt => "txt",
            Format::Md => "md",
            Format::Json => "json",
        }
    }

    fn render(self, out: &Extracted) -> String {
        match self {
            Format::Txt => out.text(),
            Format::Md => out.markdown(),
            Format::Json => out.json(),
        }
    }
}

#[derive(clap::Args, Debug)]
struct ExtractArgs {
    /// The page to read, or - for standard input.
    #[arg(required_unless_present = "input_dir", conflicts_with = "input_dir")]
    file: Option<PathBuf>,
    /// Extracts every STEM.html and STEM.html.gz in this directory.
    #[arg(long, requires = "output_dir")]
    input_dir: Option<PathBuf>,
    /// Writes STEM.txt, STEM.md or STEM.json here for each input page (created if missing).
    #[arg(long, requires = "input_dir")]
    output_dir: Option<PathBuf>,
    /// Output format.
    #[arg(long, short, value_enum, default_value = "txt")]
    format: Format,
    /// The page's URL (helps charset detection; reported in metadata).
    #[arg(long)]
    url: Option<String>,
    /// The HTTP Content-Type header, for its charset.
    #[arg(long)]
    content_type: Option<String>,
    /// Precision/recall trade-off: precision, balanced or recall.
    #[arg(long, value_parser = parse_preset, default_value = "balanced")]
    preset: Preset,
    /// Collects the comment thread into the JSON output's `comments` field.
    #[arg(long)]
    comments: bool,
    /// Worker threads for --input-dir. Default: all cores.
    #[arg(long)]
    threads: Option<usize>,
}

fn parse_preset(s: &str) -> Result<Preset, String> {
    Preset::parse(s)
        .ok_or_else(|| format!("unknown preset '{s}': use precision, balanced or recall"))
}

/// Reads a page, un-gzipping `.gz` files.
fn read_page(path: &Path) -> Result<Vec<u8>> {
    let raw = fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    if path.extension().is_some_and(|e| e == "gz") {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(&raw[..])
            .read_to_end(&mut out)
            .with_context(|| format!("{} is not valid gzip", path.display()))?;
        Ok(out)
    } else {
        Ok(raw)
    }
}

/// `D/<stem>.html` and `D/<stem>.html.gz` pages with their stems, sorted.
fn pages_in(dir: &Path) -> Result<Vec<(String, PathBuf)>> {
    let entries =
        fs::read_dir(dir).with_context(|| format!("cannot read directory {}", dir.display()))?;
    let mut pages = Vec::new();
    for entry in entries {
        let path = entry
            .with_context(|| format!("cannot list {}", dir.display()))?
            .path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let stem = name
            .strip_suffix(".html.gz")
            .or_else(|| name.strip_suffix(".html"));
        if let Some(stem) = stem
            && path.is_file()
        {
            pages.push((stem.to_string(), path));
        }
    }
    pages.sort();
    Ok(pages)
}

fn extract(args: &ExtractArgs) -> Result<ExitCode> {
    let options = Options::default()
        .with_preset(args.preset)
        .with_comments(args.comments);
    let extractor = Extractor::new(options);
    let mut hints = Hints::new();
    if let Some(u) = &args.url {
        hints = hints.with_url(u);
    }
    if let Some(ct) = &args.content_type {
        hints = hints.with_content_type(ct);
    }
    if let (Some(input), Some(output)) = (&args.input_dir, &args.output_dir) {
        let pages = pages_in(input)?;
        if pages.is_empty() {
            bail!("no .html or .html.gz pages in {}", input.display());
        }
        fs::create_dir_all(output)
            .with_context(|| format!("cannot create {}", output.display()))?;
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(args.threads.unwrap_or(0))
            .build()
            .context("cannot start worker threads")?;
        let failures: Vec<String> = pool.install(|| {
            pages
                .par_iter()
                .filter_map(|(stem, path)| {
                    let run = || -> Result<()> {
                        let bytes = read_page(path)?;
                        let out = extractor.extract(&bytes, &hints);
                        let dest = output.join(format!("{stem}.{}", args.format.ext()));
                        fs::write(&dest, args.format.render(&out))
                            .with_context(|| format!("cannot write {}", dest.display()))
                    };
                    run().err().map(|e| format!("{e:#}"))
                })
                .collect()
        });
        for f in &failures {
            eprintln!("dechaff: {f}");
        }
        eprintln!(
            "dechaff: {} pages, {} written to {}, {} failed",
            pages.len(),
            pages.len() - failures.len(),
            output.display(),
            failures.len()
        );
        return Ok(if failures.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        });
    }
    let file = args
        .file
        .as_deref()
        .context("give a FILE, - for stdin, or --input-dir")?;
    let bytes = if file == Path::new("-") {
        let mut b = Vec::new();
        io::stdin()
            .read_to_end(&mut b)
            .context("cannot read standard input")?;
        b
    } else {
        read_page(file)?
    };
    let out = extractor.extract(&bytes, &hints);
    let mut text = args.format.render(&out);
    text.push('\n');
    let mut stdout = io::stdout().lock();
    match stdout.write_all(text.as_bytes()) {
        // A closed pipe (`| head`) is the reader's choice, not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        r => r.map(|_| ExitCode::SUCCESS).context("cannot write output"),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Extract(args) => extract(args),
        Command::Eval(args) => eval::run(args).map(|_| ExitCode::SUCCESS),
        Command::Corpus(args) => corpus::run(args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("dechaff: {e:#}");
            ExitCode::FAILURE
        }
    }
}
