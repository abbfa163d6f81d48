//! Bytes to text: BOM, transport `charset`, the HTML prescan of the first
//! 1024 bytes, then (with the `encoding` feature) chardetng; decoding by
//! encoding_rs, invalid sequences replaced, never an error.

use std::borrow::Cow;

use encoding_rs::{
    CoderResult, Encoding, ISO_2022_JP, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252, X_USER_DEFINED,
};

use crate::{EncodingSource, Hints};

/// How far the `<meta>` prescan looks, as the HTML standard says.
const PRESCAN_BYTES: usize = 1024;

/// Decoded text and how it was decoded.
#[derive(Debug, Clone)]
pub struct Decoded<'a> {
    /// The text, with a BOM removed and invalid sequences replaced by U+FFFD.
    pub text: Cow<'a, str>,
    /// The encoding used, by its WHATWG name (`UTF-8`, `windows-1251`, `GBK`, ...).
    pub encoding: &'static str,
    /// Where the encoding came from.
    pub source: EncodingSource,
}

/// Decodes a page's bytes, choosing the encoding as a browser would.
pub fn decode<'a>(bytes: &'a [u8], hints: &Hints) -> Decoded<'a> {
    let (encoding, source, bytes) = choose_and_strip(bytes, hints);
    Decoded {
        text: borrowed(encoding, bytes)
            .map_or_else(|| Cow::Owned(decode_exact(encoding, bytes)), Cow::Borrowed),
        encoding: encoding.name(),
        source,
    }
}

/// The encoding to decode with, where it came from, and the bytes to
/// decode: a BOM names the encoding (`choose` agrees) and is not text.
pub(crate) fn choose_and_strip<'a>(
    bytes: &'a [u8],
    hints: &Hints,
) -> (&'static Encoding, EncodingSource, &'a [u8]) {
    let (encoding, source) = choose(bytes, hints);
    match Encoding::for_bom(bytes) {
        Some((enc, bom)) => (enc, source, &bytes[bom..]),
        None => (encoding, source, bytes),
    }
}

/// The text, when the bytes already are it (as encoding_rs would borrow
/// them): valid UTF-8, or ASCII in a charset that reads ASCII as itself.
pub(crate) fn borrowed<'a>(encoding: &'static Encoding, bytes: &'a [u8]) -> Option<&'a str> {
    if encoding == UTF_8 || (markup_is_ascii(encoding) && bytes.is_ascii()) {
        std::str::from_utf8(bytes).ok()
    } else {
        None
    }
}

/// Whether the charset writes ASCII as itself and never uses the bytes
/// of markup (`<`, `>`, quotes, `=`, `/`, `!`, `-`, spaces) inside a
/// multi-byte character (the trail bytes of Shift_JIS, Big5, GBK and
/// EUC-KR start at `@`; an invalid sequence gives up its ASCII byte), so
/// that the markup is where it will be in the text. Not so for UTF-16,
/// ISO-2022-JP (escape sequences) and the replacement encoding.
pub(crate) fn markup_is_ascii(encoding: &'static Encoding) -> bool {
    encoding.is_ascii_compatible() && encoding != ISO_2022_JP
}

/// What `encoding_rs`'s `decode_without_bom_handling` gives (invalid
/// sequences replaced), in a string of the text's size: encoding_rs makes
/// room for the worst case, three bytes per byte for single-byte charsets.
/// Decodes twice, once to measure.
pub(crate) fn decode_exact(encoding: &'static Encoding, bytes: &[u8]) -> String {
    let mut len = 0;
    decode_in_pieces(encoding, bytes, 4096, |piece| {
        len += piece.len();
        true
    });
    // Decoders ask for room for a whole character (up to 4 bytes) before
    // writing one, so the last ones need a few bytes to spare.
    const SPARE: usize = 8;
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(len + SPARE);
    let mut read = 0;
    loop {
        let (result, r, _) = decoder.decode_to_string(&bytes[read..], &mut text, true);
        read += r;
        if result == CoderResult::InputEmpty {
            return text;
        }
        text.reserve_exact(SPARE);
    }
}

/// Decodes `bytes` (no BOM) in pieces of at most `piece` bytes of text,
/// handing each to `each`, which returns whether to go on: the parser
/// takes the text this way without a decoded copy of the whole page.
pub(crate) fn decode_in_pieces(
    encoding: &'static Encoding,
    bytes: &[u8],
    piece: usize,
    mut each: impl FnMut(&str) -> bool,
) {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    // Room for any one character, so that every call makes progress.
    let mut buf = String::with_capacity(piece.max(16));
    let mut read = 0;
    loop {
        let (result, r, _) = decoder.decode_to_string(&bytes[read..], &mut buf, true);
        read += r;
        if !buf.is_empty() && !each(&buf) {
            return;
        }
        buf.clear();
        if result == CoderResult::InputEmpty {
            return;
        }
    }
}

/// The decoding the parser needs for undecoded input, as function
/// pointers: only a caller that has bytes to decode names [`CODEC`], so a
/// caller that only ever passes text (the WebAssembly build, through
/// `Extractor::extract_str`) does not link encoding_rs's charset tables in.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Codec {
    /// [`decode_exact`].
    pub decode_exact: fn(&'static Encoding, &[u8]) -> String,
    /// [`decode_in_pieces`].
    pub decode_in_pieces: fn(&'static Encoding, &[u8], usize, Each<'_>),
}

/// What [`decode_in_pieces`] hands each piece to.
pub(crate) type Each<'a> = &'a mut dyn FnMut(&str) -> bool;

/// The one [`Codec`].
pub(crate) static CODEC: Codec = Codec {
    decode_exact,
    decode_in_pieces: |encoding, bytes, piece, each| decode_in_pieces(encoding, bytes, piece, each),
};

fn choose(bytes: &[u8], hints: &Hints) -> (&'static Encoding, EncodingSource) {
    if let Some((enc, _)) = Encoding::for_bom(bytes) {
        return (enc, EncodingSource::Bom);
    }
    if let Some(enc) = hints.content_type().and_then(charset_param).and_then(label) {
        return (enc, EncodingSource::Transport);
    }
    if let Some(enc) = prescan(&bytes[..bytes.len().min(PRESCAN_BYTES)]) {
        return (enc, EncodingSource::Meta);
    }
    sniff(bytes, hints)
}

#[cfg(feature = "encoding")]
fn sniff(bytes: &[u8], hints: &Hints) -> (&'static Encoding, EncodingSource) {
    // Valid UTF-8 is by far the most common case and chardetng's guess for
    // it would be UTF-8 anyway; checking first skips its statistics.
    if std::str::from_utf8(bytes).is_ok() {
        return (UTF_8, EncodingSource::Default);
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    let tld = hints.url().and_then(tld_of);
    (
        det.guess(tld.as_deref(), chardetng::Utf8Detection::Allow),
        EncodingSource::Sniffed,
    )
}

#[cfg(not(feature = "encoding"))]
fn sniff(_bytes: &[u8], _hints: &Hints) -> (&'static Encoding, EncodingSource) {
    (UTF_8, EncodingSource::Default)
}

/// The top-level domain of a URL's host, lower-cased, for chardetng.
#[cfg(feature = "encoding")]
fn tld_of(url: &str) -> Option<Vec<u8>> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next()?;
    let tld = host.trim_end_matches('.').rsplit('.').next()?;
    if tld.is_empty() || !tld.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        return None;
    }
    Some(tld.to_ascii_lowercase().into_bytes())
}

/// An encoding label as a document may give it, with the standard's
/// overrides: a UTF-16 label in markup means UTF-8 (the bytes were read as
/// ASCII to find it), and `x-user-defined` means windows-1252.
fn label(name: &str) -> Option<&'static Encoding> {
    let enc = Encoding::for_label(name.trim().as_bytes())?;
    Some(if enc == UTF_16BE || enc == UTF_16LE {
        UTF_8
    } else if enc == X_USER_DEFINED {
        WINDOWS_1252
    } else {
        enc
    })
}

/// The `charset` parameter of a `Content-Type` value.
fn charset_param(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|param| {
        let (k, v) = param.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches(['"', '\'']))
    })
}

/// The "extract a character encoding from a meta element" algorithm.
fn charset_in_content(content: &[u8]) -> Option<&'static Encoding> {
    let mut i = 0;
    loop {
        let at = find_ci(&content[i..], b"charset")? + i;
        i = at + 7;
        while content.get(i).is_some_and(|b| b.is_ascii_whitespace()) {
            i += 1;
        }
        if content.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while content.get(i).is_some_and(|b| b.is_ascii_whitespace()) {
            i += 1;
        }
        let rest = &content[i..];
        let value = match rest.first() {
            Some(&q @ (b'"' | b'\'')) => {
                let end = memchr::memchr(q, &rest[1..])?;
                &rest[1..1 + end]
            }
            Some(_) => {
                let end = rest
                    .iter()
                    .position(|&b| b.is_ascii_whitespace() || b == b';')
                    .unwrap_or(rest.len());
                &rest[..end]
            }
            None => return None,
        };
        return label(std::str::from_utf8(value).ok()?);
    }
}

fn find_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

/// The HTML standard's prescan for `<meta charset>` and
/// `<meta http-equiv="content-type" content="...charset=...">`.
fn prescan(bytes: &[u8]) -> Option<&'static Encoding> {
    let mut i = 0;
    while i < bytes.len() {
        let rest = &bytes[i..];
        if rest.starts_with(b"<!--") {
            i += 4 + memchr::memmem::find(&rest[4..], b"-->").map_or(rest.len(), |e| e + 3);
            // Comments may close on the `--` of the opener (`<!-->`).
            continue;
        }
        let is_meta = rest.len() > 5
            && rest[..5].eq_ignore_ascii_case(b"<meta")
            && (rest[5].is_ascii_whitespace() || rest[5] == b'/');
        if is_meta {
            i += 5;
            let mut http_equiv_ct = false;
            let mut charset: Option<&'static Encoding> = None;
            let mut from_content: Option<&'static Encoding> = None;
            let mut seen_charset = false;
            let mut seen_content = false;
            let mut seen_http_equiv = false;
            while let Some((name, value, next)) = attribute(bytes, i) {
                i = next;
                match name.as_slice() {
                    b"http-equiv" if !seen_http_equiv => {
                        seen_http_equiv = true;
                        http_equiv_ct = value.eq_ignore_ascii_case(b"content-type");
                    }
                    b"content" if !seen_content => {
                        seen_content = true;
                        from_content = charset_in_content(&value);
                    }
                    b"charset" if !seen_charset => {
                        seen_charset = true;
                        charset = std::str::from_utf8(&value).ok().and_then(label);
                    }
                    _ => {}
                }
            }
            let found = if seen_charset {
                charset
            } else if http_equiv_ct {
                from_content
            } else {
                None
            };
            if found.is_some() {
                return found;
            }
            continue;
        }
        let tag_start = rest.len() > 1
            && rest[0] == b'<'
            && (rest[1].is_ascii_alphabetic()
                || (rest[1] == b'/' && rest.get(2).is_some_and(|b| b.is_ascii_alphabetic())));
        if tag_start {
            // Skip the tag name, then its attributes, so that a `<meta`
            // inside an attribute value is not taken for a tag.
            i += 1;
            while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>' {
                i += 1;
            }
            while let Some((_, _, next)) = attribute(bytes, i) {
                i = next;
            }
            i += 1;
            continue;
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"</") || rest.starts_with(b"<?") {
            i += memchr::memchr(b'>', rest).map_or(rest.len(), |e| e + 1);
            continue;
        }
        i += 1;
    }
    None
}

/// The standard's "get an attribute": returns the lower-cased name, the
/// value and the position after it, or `None` at `>` or the end.
fn attribute(bytes: &[u8], mut i: usize) -> Option<(Vec<u8>, Vec<u8>, usize)> {
    let at = |i: usize| bytes.get(i).copied();
    while at(i).is_some_and(|b| b.is_ascii_whitespace() || b == b'/') {
        i += 1;
    }
    match at(i) {
        None | Some(b'>') => return None,
        _ => {}
    }
    let mut name = Vec::new();
    let mut value = Vec::new();
    loop {
        match at(i)? {
            b'=' if !name.is_empty() => {
                i += 1;
                break;
            }
            b if b.is_ascii_whitespace() => {
                while at(i).is_some_and(|b| b.is_ascii_whitespace()) {
                    i += 1;
                }
                if at(i) != Some(b'=') {
                    return Some((name, value, i));
                }
                i += 1;
                break;
            }
            b'/' | b'>' => return Some((name, value, i)),
            b => {
                name.push(b.to_ascii_lowercase());
                i += 1;
            }
        }
    }
    while at(i).is_some_and(|b| b.is_ascii_whitespace()) {
        i += 1;
    }
    match at(i)? {
        q @ (b'"' | b'\'') => {
            i += 1;
            loop {
                let b = at(i)?;
                i += 1;
                if b == q {
                    return Some((name, value, i));
                }
                value.push(b.to_ascii_lowercase());
            }
        }
        b'>' => Some((name, value, i)),
        _ => {
            while let Some(b) = at(i) {
                if b.is_ascii_whitespace() || b == b'>' {
                    break;
                }
                value.push(b.to_ascii_lowercase());
                i += 1;
            }
            Some((name, value, i))
        }
    }
}

/// Text whose UTF-8 was once read as windows-1252 (or Latin-1) and
/// written out again as UTF-8, as a CMS or a feed does to a page: `â€™`
/// for `’`, `Ã©` for `é`, `Â ` for a no-break space, `ðŸ˜€` for an emoji.
/// Each such run is put back to the one character it spelled, and text
/// spoiled twice (`Ã¢â‚¬â„¢`) is put back twice. Only the lead
/// characters of the usual runs count (`Â`, `Ã` for Latin-1 letters and
/// signs; `â` to `é` for punctuation and CJK; `ð` for emoji), each with
/// every continuation a byte of 0x80 to 0xBF, and the whole a valid
/// character: a word's own accents (`météo`, `straße»`) never form one.
/// Extraction puts back the text of every page this way, and this is the
/// same repair for text from elsewhere.
///
/// ```
/// assert_eq!(dechaff::repair_mojibake("donâ€™t"), "don’t");
/// assert_eq!(dechaff::repair_mojibake("météo"), "météo");
/// ```
pub fn repair_mojibake(text: &str) -> Cow<'_, str> {
    repaired(text).map_or(Cow::Borrowed(text), Cow::Owned)
}

/// [`repair_mojibake`]'s text, or `None` when nothing changed.
#[inline]
pub(crate) fn repaired(text: &str) -> Option<String> {
    // Most text the parser hands over is ASCII (whitespace between tags):
    // told apart here, without a call.
    if text.is_ascii() {
        return None;
    }
    repaired_text(text)
}

fn repaired_text(text: &str) -> Option<String> {
    // Every lead character is `C3 xx` in UTF-8: most text has none.
    memchr::memchr(0xC3, text.as_bytes())?;
    let mut out: Option<String> = None;
    for _ in 0..MOJIBAKE_PASSES {
        let src = out.as_deref().unwrap_or(text);
        match repair_once(src) {
            Some(fixed) => out = Some(fixed),
            None => break,
        }
    }
    out
}

/// The most characters one spoiled run spans (an emoji's four bytes).
pub(crate) const MOJIBAKE_RUN: usize = 4;

/// How many times text spoiled over and over is put back.
const MOJIBAKE_PASSES: usize = 2;

fn repair_once(text: &str) -> Option<String> {
    let mut out = String::new();
    // Text before `from` is copied as is, once a run is found.
    let mut from = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let more = match c {
            '\u{C2}' | '\u{C3}' => 1,
            '\u{E2}'..='\u{E9}' => 2,
            '\u{F0}' => 3,
            _ => continue,
        };
        let mut bytes = [c as u8, 0, 0, 0];
        let mut end = at + c.len_utf8();
        let mut look = chars.clone();
        let mut ok = true;
        for slot in bytes.iter_mut().skip(1).take(more) {
            match look
                .next()
                .and_then(|(i, n)| continuation(n).map(|b| (i, n, b)))
            {
                Some((i, n, b)) => {
                    *slot = b;
                    end = i + n.len_utf8();
                }
                None => {
                    ok = false;
                    break;
                }
            }
        }
        let Some(fixed) = ok
            .then(|| std::str::from_utf8(&bytes[..=more]).ok())
            .flatten()
        else {
            continue;
        };
        out.push_str(&text[from..at]);
        out.push_str(fixed);
        from = end;
        for _ in 0..more {
            chars.next();
        }
    }
    if from == 0 {
        return None;
    }
    out.push_str(&text[from..]);
    Some(out)
}

/// The byte 0x80 to 0xBF a character stands for when UTF-8 was read as
/// windows-1252 (its letters and signs for 0x80 to 0x9F) or Latin-1.
fn continuation(c: char) -> Option<u8> {
    let b = match c {
        '\u{80}'..='\u{BF}' => c as u32 as u8,
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8A,
        '‹' => 0x8B,
        'Œ' => 0x8C,
        'Ž' => 0x8E,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9A,
        '›' => 0x9B,
        'œ' => 0x9C,
        'ž' => 0x9E,
        'Ÿ' => 0x9F,
        _ => return None,
    };
    Some(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn enc(bytes: &[u8]) -> (&'static str, EncodingSource) {
        let d = decode(bytes, &Hints::default());
        (d.encoding, d.source)
    }

    #[test]
    fn bom_wins_over_meta() {
        let mut page = b"\xEF\xBB\xBF".to_vec();
        page.extend_from_slice(b"<meta charset=windows-1251><p>hi");
        assert_eq!(enc(&page), ("UTF-8", EncodingSource::Bom));
        let d = decode(&page, &Hints::default());
        assert!(d.text.starts_with("<meta"));
    }

    #[test]
    fn transport_wins_over_meta() {
        let h = Hints::new().with_content_type("text/html; charset=\"ISO-8859-2\"");
        let d = decode(b"<meta charset=utf-8>", &h);
        assert_eq!(
            (d.encoding, d.source),
            ("ISO-8859-2", EncodingSource::Transport)
        );
    }

    #[test]
    fn meta_charset_and_http_equiv() {
        assert_eq!(enc(b"<html><head><meta charset='gbk'>").0, "GBK");
        assert_eq!(
            enc(b"<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=windows-1251\">"),
            ("windows-1251", EncodingSource::Meta)
        );
        // A content charset without http-equiv does not count.
        assert_eq!(
            enc(b"<meta content=\"charset=koi8-r\">").1,
            EncodingSource::Default
        );
        // UTF-16 in markup means UTF-8.
        assert_eq!(enc(b"<meta charset=utf-16le>").0, "UTF-8");
    }

    #[test]
    fn prescan_skips_comments_and_attribute_values() {
        assert_eq!(
            enc(b"<!-- <meta charset=gbk> --><p>x").1,
            EncodingSource::Default
        );
        assert_eq!(
            enc(b"<div title='<meta charset=gbk>'></div>").1,
            EncodingSource::Default
        );
    }

    #[test]
    fn meta_after_1024_bytes_is_not_seen() {
        let mut page = vec![b' '; 1100];
        page.extend_from_slice(b"<meta charset=gbk>");
        assert_eq!(enc(&page).1, EncodingSource::Default);
    }

    #[cfg(feature = "encoding")]
    #[test]
    fn sniffs_undeclared_legacy_bytes() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(
            "<p>Привет, как дела? Это проверка определения кодировки текста на русском языке.</p>",
        );
        let d = decode(&bytes, &Hints::new().with_url("http://example.ru/a"));
        assert_eq!(
            (d.encoding, d.source),
            ("windows-1251", EncodingSource::Sniffed)
        );
        assert!(d.text.contains("Привет"));
    }

    /// The exact-size decoding and the piecewise one give what
    /// encoding_rs gives, invalid sequences included.
    #[test]
    fn decoding_in_pieces_matches_encoding_rs() {
        let pages: [(&'static Encoding, &[u8]); 5] = [
            (encoding_rs::WINDOWS_1251, b"<p>\xcf\xf0\xe8\x88 \x98</p>"),
            (
                encoding_rs::SHIFT_JIS,
                b"<p>\x95\x5c\x8e\xa6\x81<b>\x82</b>",
            ),
            (encoding_rs::GBK, b"\xd6\xd0\xce\xc4\x81\x30\x81\x30\xff"),
            (UTF_8, b"<p>caf\xc3\xa9 \xc3 \xe2\x82</p>\xf0\x9f"),
            (ISO_2022_JP, b"\x1b$B$3$s\x1b(B<p>x"),
        ];
        for (encoding, bytes) in pages {
            let want = encoding.decode_without_bom_handling(bytes).0;
            assert_eq!(decode_exact(encoding, bytes), want, "{}", encoding.name());
            for piece in [1, 5, 4096] {
                let mut got = String::new();
                decode_in_pieces(encoding, bytes, piece, |p| {
                    got.push_str(p);
                    true
                });
                assert_eq!(got, want, "{} in pieces of {piece}", encoding.name());
            }
        }
    }

    #[test]
    fn truncated_input_never_panics() {
        for page in [
            &b"<meta"[..],
            b"<meta charset",
            b"<meta charset='",
            b"<!--",
            b"<",
            b"</",
        ] {
            let _ = decode(page, &Hints::default());
        }
    }

    #[test]
    fn text_spoiled_by_a_second_decoding_is_put_back() {
        let cases = [
            ("donâ€™t", "don’t"),
            // Latin-1's C1 controls where windows-1252 has letters.
            ("don\u{e2}\u{80}\u{99}t", "don’t"),
            ("cafÃ© at 20Â°C,Â\u{a0}nearby", "café at 20°C,\u{a0}nearby"),
            ("â€œquotedâ€\u{9d} â€“ done", "“quoted” – done"),
            ("æ—¥æœ¬", "日本"),
            ("smile ðŸ˜€", "smile 😀"),
            // Spoiled twice.
            ("donÃ¢â‚¬â„¢t", "don’t"),
        ];
        for (spoiled, want) in cases {
            assert_eq!(repair_mojibake(spoiled), want, "{spoiled:?}");
        }
        // A word's own accents and signs stay.
        for fine in [
            "météo, straße»",
            "«CAFÉ»",
            "SÃO PAULO",
            "âge Â",
            "Ã",
            "plain",
            "Château « Ã »",
        ] {
            assert!(
                matches!(repair_mojibake(fine), Cow::Borrowed(_)),
                "{fine:?}"
            );
        }
    }
}
