//! Throughput of `extract` (decode, parse, blocks, scoring, text) over the
//! corpus pages, all together and one by one, in bytes of HTML per second.

use std::io::Read;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dechaff::{Extractor, Hints, Options};

/// The `.html` pages of a directory, sorted by name.
fn html_pages(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut pages: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .filter_map(|p| {
            let mut bytes = Vec::new();
            std::fs::File::open(&p).ok()?.read_to_end(&mut bytes).ok()?;
            Some((p.file_stem()?.to_string_lossy().into_owned(), bytes))
        })
        .collect();
    pages.sort();
    pages
}

fn corpus(c: &mut Criterion) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let pages = html_pages(&dir);
    let extractor = Extractor::new(Options::default());
    let hints = Hints::default();
    let total: usize = pages.iter().map(|(_, b)| b.len()).sum();

    let mut all = c.benchmark_group("corpus");
    all.throughput(Throughput::Bytes(total as u64));
    all.bench_function("all_pages", |b| {
        b.iter(|| {
            for (_, bytes) in &pages {
                std::hint::black_box(extractor.extract(bytes, &hints).text());
            }
        })
    });
    all.finish();

    let mut each = c.benchmark_group("page");
    for (name, bytes) in &pages {
        each.throughput(Throughput::Bytes(bytes.len() as u64));
        each.bench_function(name.as_str(), |b| {
            b.iter(|| std::hint::black_box(extractor.extract(bytes, &hints).text()))
        });
    }
    each.finish();
}

criterion_group!(benches, corpus);
criterion_main!(benches);
