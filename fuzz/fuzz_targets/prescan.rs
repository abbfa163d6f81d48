//! Charset choice (BOM, transport label, the `<meta>` prescan, sniffing)
//! never panics and is a function of its input.
#![no_main]

use dechaff::{Hints, decode};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let plain = decode(data, &Hints::default());
    let again = decode(data, &Hints::default());
    assert_eq!(plain.encoding, again.encoding);
    assert_eq!(plain.text, again.text);
    // The first line doubles as a Content-Type header and a URL.
    let line = data.split(|&b| b == b'\n').next().unwrap_or_default();
    let line = String::from_utf8_lossy(line);
    let hints = Hints::new()
        .with_content_type(line.to_string())
        .with_url(line.to_string());
    let _ = decode(data, &hints);
});
