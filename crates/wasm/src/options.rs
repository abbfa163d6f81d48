//! Options from a JavaScript plain object.
//!
//! Kept free of wasm-bindgen: the bindings turn the object's entries into
//! [`Value`]s and this module validates them, so its rules are tested on the
//! host.

use dechaff::{Options, Preset};

/// A JavaScript value, as far as option parsing cares.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `undefined` or `null`: the option's default.
    Absent,
    /// A boolean.
    Bool(bool),
    /// A number.
    Number(f64),
    /// A string.
    String(String),
    /// Anything else, by its `typeof` (`object`, `bigint`, ...).
    Other(String),
}

impl Value {
    fn type_name(&self) -> &str {
        match self {
            Value::Absent => "undefined",
            Value::Bool(_) => "boolean",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Other(t) => t,
        }
    }
}

/// Which JavaScript error class an [`OptionsError`] becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// `TypeError`: an unknown option, or a value of the wrong type.
    Type,
    /// `RangeError`: a value of the right type outside its range.
    Range,
}

/// Why the options object was refused, with a message for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionsError {
    /// The JavaScript error class to throw.
    pub kind: ErrorKind,
    /// What is wrong, naming the option.
    pub message: String,
}

impl OptionsError {
    fn type_error(message: String) -> Self {
        OptionsError {
            kind: ErrorKind::Type,
            message,
        }
    }
    fn range_error(message: String) -> Self {
        OptionsError {
            kind: ErrorKind::Range,
            message,
        }
    }
}

impl std::fmt::Display for OptionsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for OptionsError {}

/// The options, by their Rust (snake_case) name and the camelCase alias
/// JavaScript code tends to write.
const NAMES: [(&str, &str); 6] = [
    ("comments", "comments"),
    ("keep_all", "keepAll"),
    ("preset", "preset"),
    ("max_bytes", "maxBytes"),
    ("max_nodes", "maxNodes"),
    ("max_depth", "maxDepth"),
];

fn known_list() -> String {
    NAMES
        .iter()
        .map(|(snake, camel)| {
            if snake == camel {
                (*snake).to_string()
            } else {
                format!("{snake} ({camel})")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Builds [`Options`] from an options object's own entries.
///
/// Names are those of the Rust builders (`keep_all`, `max_bytes`, ...) or
/// their camelCase forms (`keepAll`, `maxBytes`, ...); giving both forms of
/// one option, an unknown name, a value of the wrong type, an unknown
/// preset or a limit that is not a whole number of at least 1 is an error.
/// `undefined` and `null` values leave the default.
pub fn parse<I>(entries: I) -> Result<Options, OptionsError>
where
    I: IntoIterator<Item = (String, Value)>,
{
    let mut given: [Option<(String, Value)>; NAMES.len()] = Default::default();
    for (key, value) in entries {
        let Some(i) = NAMES.iter().position(|(s, c)| key == *s || key == *c) else {
            return Err(OptionsError::type_error(format!(
                "dechaff: unknown option \"{key}\"; the options are {}",
                known_list()
            )));
        };
        if value == Value::Absent {
            continue;
        }
        if let Some((first, _)) = &given[i] {
            return Err(OptionsError::type_error(format!(
                "dechaff: options \"{first}\" and \"{key}\" are the same option; give one"
            )));
        }
        given[i] = Some((key, value));
    }
    let mut opts = Options::default();
    for (i, slot) in given.into_iter().enumerate() {
        let Some((key, value)) = slot else { continue };
        opts = match NAMES[i].0 {
            "comments" => opts.with_comments(boolean(&key, &value)?),
            "keep_all" => opts.with_keep_all(boolean(&key, &value)?),
            "preset" => opts.with_preset(preset(&key, &value)?),
            "max_bytes" => opts.with_max_bytes(limit(&key, &value)?),
            "max_nodes" => opts.with_max_nodes(limit(&key, &value)?),
            _ => opts.with_max_depth(limit(&key, &value)?),
        };
    }
    Ok(opts)
}

fn boolean(key: &str, value: &Value) -> Result<bool, OptionsError> {
    match value {
        Value::Bool(b) => Ok(*b),
        other => Err(OptionsError::type_error(format!(
            "dechaff: option \"{key}\" must be a boolean, not {}",
            other.type_name()
        ))),
    }
}

fn preset(key: &str, value: &Value) -> Result<Preset, OptionsError> {
    match value {
        Value::String(s) => Preset::parse(s).ok_or_else(|| {
            OptionsError::range_error(format!(
                "dechaff: option \"{key}\" must be \"precision\", \"balanced\" or \"recall\", not \"{s}\""
            ))
        }),
        other => Err(OptionsError::type_error(format!(
            "dechaff: option \"{key}\" must be a string (\"precision\", \"balanced\" or \"recall\"), not {}",
            other.type_name()
        ))),
    }
}

fn limit(key: &str, value: &Value) -> Result<usize, OptionsError> {
    let n = match value {
        Value::Number(n) => *n,
        other => {
            return Err(OptionsError::type_error(format!(
                "dechaff: option \"{key}\" must be a number, not {}",
                other.type_name()
            )));
        }
    };
    if !(n.is_finite() && n.fract() == 0.0 && n >= 1.0) {
        return Err(OptionsError::range_error(format!(
            "dechaff: option \"{key}\" must be a whole number of at least 1, not {n}"
        )));
    }
    // A limit past what the address space holds is no limit: saturate.
    Ok(if n >= usize::MAX as f64 {
        usize::MAX
    } else {
        n as usize
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(list: &[(&str, Value)]) -> Vec<(String, Value)> {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect()
    }

    #[test]
    fn empty_object_gives_the_defaults() {
        assert_eq!(parse(Vec::new()).unwrap(), Options::default());
    }

    #[test]
    fn snake_and_camel_names_set_the_same_options() {
        let snake = parse(entries(&[
            ("comments", Value::Bool(true)),
            ("keep_all", Value::Bool(true)),
            ("preset", Value::String("recall".into())),
            ("max_bytes", Value::Number(1000.0)),
            ("max_nodes", Value::Number(200.0)),
            ("max_depth", Value::Number(30.0)),
        ]))
        .unwrap();
        let camel = parse(entries(&[
            ("comments", Value::Bool(true)),
            ("keepAll", Value::Bool(true)),
            ("preset", Value::String("recall".into())),
            ("maxBytes", Value::Number(1000.0)),
            ("maxNodes", Value::Number(200.0)),
            ("maxDepth", Value::Number(30.0)),
        ]))
        .unwrap();
        assert_eq!(snake, camel);
        assert!(snake.comments() && snake.keep_all());
        assert_eq!(snake.preset(), Preset::Recall);
        assert_eq!(
            (snake.max_bytes(), snake.max_nodes(), snake.max_depth()),
            (1000, 200, 30)
        );
    }

    #[test]
    fn absent_values_keep_the_default() {
        let opts = parse(entries(&[
            ("keepAll", Value::Absent),
            ("keep_all", Value::Absent),
            ("preset", Value::Absent),
        ]))
        .unwrap();
        assert_eq!(opts, Options::default());
    }

    #[test]
    fn unknown_names_are_refused_with_the_list() {
        let err = parse(entries(&[("keepall", Value::Bool(true))])).unwrap_err();
        assert_eq!(err.kind, ErrorKind::Type);
        assert!(err.message.contains("unknown option \"keepall\""), "{err}");
        assert!(err.message.contains("keep_all (keepAll)"), "{err}");
    }

    #[test]
    fn both_spellings_of_one_option_are_refused() {
        let err = parse(entries(&[
            ("maxBytes", Value::Number(10.0)),
            ("max_bytes", Value::Number(10.0)),
        ]))
        .unwrap_err();
        assert!(err.message.contains("same option"), "{err}");
    }

    #[test]
    fn wrong_types_are_type_errors() {
        for (key, value, want) in [
            (
                "comments",
                Value::String("yes".into()),
                "must be a boolean, not string",
            ),
            ("preset", Value::Number(1.0), "must be a string"),
            (
                "max_nodes",
                Value::String("10".into()),
                "must be a number, not string",
            ),
            (
                "maxDepth",
                Value::Other("bigint".into()),
                "must be a number, not bigint",
            ),
        ] {
            let err = parse(entries(&[(key, value)])).unwrap_err();
            assert_eq!(err.kind, ErrorKind::Type, "{err}");
            assert!(err.message.contains(want), "{err}");
            assert!(err.message.contains(key), "{err}");
        }
    }

    #[test]
    fn out_of_range_values_are_range_errors() {
        for (key, value) in [
            ("preset", Value::String("fast".into())),
            ("max_bytes", Value::Number(0.0)),
            ("max_bytes", Value::Number(-5.0)),
            ("max_nodes", Value::Number(1.5)),
            ("max_depth", Value::Number(f64::NAN)),
            ("max_depth", Value::Number(f64::INFINITY)),
        ] {
            let err = parse(entries(&[(key, value)])).unwrap_err();
            assert_eq!(err.kind, ErrorKind::Range, "{err}");
        }
    }

    #[test]
    fn huge_limits_saturate() {
        let opts = parse(entries(&[("max_bytes", Value::Number(1e300))])).unwrap();
        assert_eq!(opts.max_bytes(), usize::MAX);
    }
}
