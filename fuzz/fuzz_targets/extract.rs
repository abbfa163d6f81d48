//! Extraction never panics, and the limits hold: the tree stays within the
//! node and depth limits, and every output is well formed.
//!
//! The first byte picks small limits, so that the degraded paths (depth
//! guard, plain-text mode, node cut) run on short inputs too.
#![no_main]

use dechaff::{Extractor, Hints, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&knob, page)) = data.split_first() else {
        return;
    };
    let options = if knob & 1 == 0 {
        Options::default()
    } else {
        Options::default()
            .with_max_depth(2 + usize::from(knob >> 4))
            .with_max_nodes(8 + 64 * usize::from(knob >> 1 & 7))
            .with_max_bytes(4096)
    };
    let options = options.with_keep_all(knob & 2 != 0);
    let out = Extractor::new(options.clone()).extract(page, &Hints::default());
    let _ = out.text();
    let _ = out.markdown();
    let json = out.json();
    assert!(
        serde_json::from_str::<serde_json::Value>(&json).is_ok(),
        "invalid JSON: {json}"
    );
    let stats = dechaff::debug_parse_stats(page, &options);
    assert!(stats.nodes <= options.max_nodes() + options.max_depth() + 16);
    assert!(stats.depth <= options.max_depth() + 1);
});
