//! The CLI's JSONL reader never panics, on any bytes, with a small line
//! cap so that the too-long path runs too.
//!
//! The CLI is a binary crate, so its reader files are compiled in here.
#![no_main]
#![allow(dead_code)]

#[path = "../../crates/cli/src/corpus/doc.rs"]
mod doc;
#[path = "../../crates/cli/src/corpus/jsonl.rs"]
mod jsonl;

use std::sync::Arc;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let file: Arc<str> = Arc::from("fuzz.jsonl");
    let cap = 64 + usize::from(data.first().copied().unwrap_or(0)) * 16;
    let mut n = 0usize;
    let mut send = |_: doc::Event| {
        n += 1;
        true
    };
    let mut sink = doc::Sink::new(&mut send);
    let mut r = data;
    jsonl::read(&mut r, &file, cap, &mut sink);
});
