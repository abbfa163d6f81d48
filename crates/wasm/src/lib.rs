//! dechaff for JavaScript: the WebAssembly build behind the `dechaff` npm
//! package.
//!
//! On `wasm32` this crate exports `extract(html, options?)` through
//! wasm-bindgen; `build.sh` turns it into the npm package in `pkg/`. On
//! other targets only the option parser ([`options`]) is compiled, so that
//! the host's `cargo test` checks it without compiling wasm-bindgen.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod options;

#[cfg(target_arch = "wasm32")]
mod bindings;

/// Extracts from already decoded text, as the JavaScript `extract` does:
/// the string was decoded before it reached us, so whatever the page's
/// `<meta charset>` says is ignored, and the charset decoders (their tables
/// are most of the size of the `.wasm`) are never linked. Native tools that
/// must match the WebAssembly build byte for byte call this too.
pub fn extract_str(extractor: &dechaff::Extractor, html: &str) -> dechaff::Extracted {
    extractor.extract_str(html, &dechaff::Hints::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_charset_does_not_redecode_a_decoded_string() {
        // A page that declares windows-1251 but arrives as a JS string:
        // reading its UTF-8 bytes as 1251 would garble the Cyrillic text.
        let html = "<html><head><meta charset=\"windows-1251\"><title>Т</title></head>\
            <body><article><p>Привет, мир! Это достаточно длинный абзац текста, \
            чтобы его сохранили как основной контент страницы.</p></article></body></html>";
        let out = extract_str(&dechaff::Extractor::default(), html);
        assert!(out.text().contains("Привет, мир!"), "{}", out.text());
        assert_eq!(out.encoding, "UTF-8");
    }
}
