//! Throughput of `extract` (decode, parse, blocks, scoring, text) over the
//! corpus pages, all together and one by one, and over the scrapinghub
//! benchmark pages when `../shared/bench` is present, in bytes of HTML per
//! second. Per-stage times are in `benches/stages.rs`.

mod common;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dechaff::{Extractor, Hints, Options};

fn corpus(c: &mut Criterion) {
    let pages = common::corpus();
    let extractor = Extractor::new(Options::default());
    let hints = Hints::default();

    let mut all = c.benchmark_group("corpus");
    all.throughput(Throughput::Bytes(common::total_bytes(&pages)));
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

/// The 181 scrapinghub pages as one batch: the set the comparison script
/// (`benches/compare/`) times the peers on.
fn scrapinghub(c: &mut Criterion) {
    let pages = common::scrapinghub();
    if pages.is_empty() {
        eprintln!(
            "extract: no scrapinghub pages in {}",
            common::scrapinghub_dir().display()
        );
        return;
    }
    let extractor = Extractor::new(Options::default());
    let hints = Hints::default();
    let mut g = c.benchmark_group("scrapinghub");
    g.throughput(Throughput::Bytes(common::total_bytes(&pages)));
    g.sample_size(10);
    g.bench_function("all_pages", |b| {
        b.iter(|| {
            for (_, bytes) in &pages {
                std::hint::black_box(extractor.extract(bytes, &hints).text());
            }
        })
    });
    g.finish();
}

criterion_group!(benches, corpus, scrapinghub);
criterion_main!(benches);
