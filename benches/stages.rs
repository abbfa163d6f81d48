//! Time per pipeline stage (decode, parse, metadata, blocks and features,
//! selection and scoring, text output) and end to end, over the corpus and
//! the scrapinghub pages, in bytes of HTML per second. Each stage runs on
//! the previous stages' output prepared outside the clock, so the stage
//! times add up to about the end-to-end time; the rest is assembly of the
//! result (moves, no text work: `stages::assemble`) and freeing the DOM.
//! Assembly is not timed alone: it consumes the DOM, which would have to be
//! rebuilt outside the clock for every iteration.
//!
//! `cargo bench --bench stages`; `-- scrapinghub/` for one set.

mod common;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use dechaff::stages::{self, Parsed, Segmented};
use dechaff::{Decoded, Extracted, Hints, Metadata, Options};
use std::hint::black_box;
use std::time::Duration;

fn set(c: &mut Criterion, name: &str, pages: &[common::Page]) {
    if pages.is_empty() {
        eprintln!("stages: no {name} pages, skipped");
        return;
    }
    let options = Options::default();
    let hints = Hints::default();
    let decoded: Vec<Decoded<'_>> = pages
        .iter()
        .map(|(_, b)| stages::decode(b, &hints))
        .collect();
    let parsed: Vec<Parsed> = decoded
        .iter()
        .map(|d| stages::parse(&d.text, &options))
        .collect();
    let metas: Vec<Metadata> = parsed.iter().map(|p| stages::metadata(p, &hints)).collect();
    let segmented = || -> Vec<Segmented> {
        parsed
            .iter()
            .map(|p| stages::segment(p, &options))
            .collect()
    };
    let extracted: Vec<Extracted> = pages
        .iter()
        .map(|(_, b)| stages::extract(b, &options, &hints))
        .collect();

    let mut g = c.benchmark_group(name);
    g.throughput(Throughput::Bytes(common::total_bytes(pages)));
    g.bench_function("1_decode", |b| {
        b.iter(|| {
            for (_, bytes) in pages {
                black_box(stages::decode(bytes, &hints));
            }
        })
    });
    g.bench_function("2_parse", |b| {
        b.iter(|| {
            for d in &decoded {
                black_box(stages::parse(&d.text, &options));
            }
        })
    });
    g.bench_function("3_metadata", |b| {
        b.iter(|| {
            for p in &parsed {
                black_box(stages::metadata(p, &hints));
            }
        })
    });
    g.bench_function("4_blocks", |b| {
        b.iter(|| {
            for p in &parsed {
                black_box(stages::segment(p, &options));
            }
        })
    });
    g.bench_function("5_decide", |b| {
        b.iter_batched(
            segmented,
            |mut segs| {
                for ((p, s), m) in parsed.iter().zip(&mut segs).zip(&metas) {
                    stages::decide(p, s, &options, m);
                }
                segs
            },
            BatchSize::LargeInput,
        )
    });
    g.bench_function("6_text", |b| {
        b.iter(|| {
            for e in &extracted {
                black_box(e.text());
            }
        })
    });
    g.bench_function("all_end_to_end", |b| {
        b.iter(|| {
            for (_, bytes) in pages {
                black_box(stages::extract(bytes, &options, &hints).text());
            }
        })
    });
    g.finish();
}

fn benches(c: &mut Criterion) {
    set(c, "corpus", &common::corpus());
    set(c, "scrapinghub", &common::scrapinghub());
}

criterion_group! {
    name = stage_benches;
    // Whole page sets per iteration: fewer, longer samples.
    config = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    targets = benches
}
criterion_main!(stage_benches);
