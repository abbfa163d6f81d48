//! The CLI's WARC reader (plain and gzip) never panics on corrupt input,
//! and neither do the HTTP steps after it (de-chunking, content decoding).
//!
//! The CLI is a binary crate, so its reader files are compiled in here.
#![no_main]
#![allow(dead_code)]

#[path = "../../crates/cli/src/corpus/doc.rs"]
mod doc;
#[path = "../../crates/cli/src/corpus/http.rs"]
mod http;
#[path = "../../crates/cli/src/corpus/rewind.rs"]
mod rewind;
#[path = "../../crates/cli/src/corpus/warc.rs"]
mod warc;

use std::sync::Arc;

use libfuzzer_sys::fuzz_target;

/// Payload bytes kept per record: small, so the cut path runs too.
const MAX_BODY: usize = 1 << 16;

fuzz_target!(|data: &[u8]| {
    let file: Arc<str> = Arc::from("fuzz.warc");
    let opts = warc::WarcOptions {
        keep_non_200: data.first().is_some_and(|b| b & 1 == 1),
        max_body: MAX_BODY,
    };
    let mut docs = Vec::new();
    let mut send = |e: doc::Event| {
        if let doc::Event::Doc(d) = e {
            docs.push(d);
        }
        true
    };
    let mut sink = doc::Sink::new(&mut send);
    let mut r = rewind::Rewind::new(data, 1 << 20, Arc::default());
    warc::read(&mut r, &file, &opts, &mut sink);
    for d in docs {
        if let doc::Body::Http {
            bytes,
            chunked,
            encoding,
        } = d.body
        {
            let bytes = if chunked {
                http::dechunk(&bytes).unwrap_or_else(|partial| partial)
            } else {
                bytes
            };
            let _ = http::decode_content(bytes, encoding.as_deref().unwrap_or(""), MAX_BODY);
        }
    }
});
