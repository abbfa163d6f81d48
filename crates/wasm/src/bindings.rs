//! The wasm-bindgen exports: `extract(html, options?)`.

use js_sys::{Array, Object, RangeError, Reflect, TypeError};
use wasm_bindgen::prelude::*;

use crate::options::{self, ErrorKind, Value};

/// Extracts a page's main content.
///
/// `html` is the page as a string; `options` an optional plain object (see
/// [`options::parse`]). Returns `{ title, text, markdown, lang, degraded,
/// comments, metadata, blocks: [{ kind, text, kept, reason }] }`; throws a
/// `TypeError` or `RangeError` for bad arguments. Any string gives a result.
// The package's hand-written dechaff.d.ts types this; the generated one
// would only say `any`.
#[wasm_bindgen(js_name = extract, skip_typescript)]
pub fn extract(html: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let Some(html) = html.as_string() else {
        return Err(TypeError::new(&format!(
            "dechaff: extract(html, options?) takes the page as a string, not {}",
            type_name(&html)
        ))
        .into());
    };
    let opts = parse_options(&options)?;
    let out = crate::extract_str(&dechaff::Extractor::new(opts), &html);
    Ok(result(&out).into())
}

fn type_name(v: &JsValue) -> String {
    if v.is_null() {
        "null".into()
    } else {
        v.js_typeof().as_string().unwrap_or_default()
    }
}

fn parse_options(options: &JsValue) -> Result<dechaff::Options, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(dechaff::Options::default());
    }
    if !options.is_object() || Array::is_array(options) {
        let what = if Array::is_array(options) {
            "an array".to_string()
        } else {
            type_name(options)
        };
        return Err(TypeError::new(&format!(
            "dechaff: options must be a plain object, not {what}"
        ))
        .into());
    }
    let entries = Object::entries(options.unchecked_ref::<Object>());
    let entries = entries.iter().map(|pair| {
        let pair: Array = pair.unchecked_into();
        let key = pair.get(0).as_string().unwrap_or_default();
        (key, value(&pair.get(1)))
    });
    options::parse(entries).map_err(|e| match e.kind {
        ErrorKind::Type => TypeError::new(&e.message).into(),
        ErrorKind::Range => RangeError::new(&e.message).into(),
    })
}

fn value(v: &JsValue) -> Value {
    if v.is_undefined() || v.is_null() {
        Value::Absent
    } else if let Some(b) = v.as_bool() {
        Value::Bool(b)
    } else if let Some(n) = v.as_f64() {
        Value::Number(n)
    } else if let Some(s) = v.as_string() {
        Value::String(s)
    } else {
        Value::Other(type_name(v))
    }
}

/// Property names, made once per call rather than once per block.
struct Keys {
    kind: JsValue,
    text: JsValue,
    kept: JsValue,
    reason: JsValue,
}

fn set(o: &Object, key: &str, v: JsValue) {
    // Setting a property on a fresh plain object cannot fail.
    let _ = Reflect::set(o, &JsValue::from_str(key), &v);
}

fn opt(s: Option<&str>) -> JsValue {
    s.map_or(JsValue::NULL, JsValue::from_str)
}

fn strings(items: &[String]) -> JsValue {
    items
        .iter()
        .map(|s| JsValue::from_str(s))
        .collect::<Array>()
        .into()
}

fn result(out: &dechaff::Extracted) -> Object {
    let o = Object::new();
    set(&o, "title", opt(out.title.as_deref()));
    set(&o, "text", JsValue::from_str(&out.text()));
    set(&o, "markdown", JsValue::from_str(&out.markdown()));
    set(&o, "lang", opt(out.lang.as_deref()));
    set(&o, "degraded", opt(out.degraded.map(|d| d.name())));
    set(&o, "comments", opt(out.comments.as_deref()));

    let m = &out.metadata;
    let meta = Object::new();
    set(&meta, "title", opt(m.title.as_deref()));
    set(&meta, "authors", strings(&m.authors));
    set(&meta, "published", opt(m.published.as_deref()));
    set(&meta, "modified", opt(m.modified.as_deref()));
    set(&meta, "site_name", opt(m.site_name.as_deref()));
    set(&meta, "description", opt(m.description.as_deref()));
    set(&meta, "canonical_url", opt(m.canonical_url.as_deref()));
    set(&meta, "image", opt(m.image.as_deref()));
    set(&meta, "tags", strings(&m.tags));
    set(&meta, "page_type", opt(m.page_type.as_deref()));
    set(&o, "metadata", meta.into());

    let keys = Keys {
        kind: "kind".into(),
        text: "text".into(),
        kept: "kept".into(),
        reason: "reason".into(),
    };
    let blocks = Array::new_with_length(out.blocks.len() as u32);
    for (i, b) in out.blocks.iter().enumerate() {
        let bo = Object::new();
        let _ = Reflect::set(&bo, &keys.kind, &JsValue::from_str(b.kind.name()));
        let _ = Reflect::set(&bo, &keys.text, &JsValue::from_str(&b.text));
        let _ = Reflect::set(&bo, &keys.kept, &JsValue::from_bool(b.kept));
        let _ = Reflect::set(&bo, &keys.reason, &JsValue::from_str(b.reason.name()));
        blocks.set(i as u32, bo.into());
    }
    set(&o, "blocks", blocks.into());
    o
}
