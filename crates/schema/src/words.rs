//! Values and counts in a reviewer's words, for messages: short enough that a huge value does
//! not flood a report.

use serde_json::Value;

/// At most [`SHORT`] characters of `value` as JSON, so that a huge value does not flood a report.
pub fn shorten(value: &Value) -> String {
    match value {
        Value::Array(items) if !items.is_empty() => format!("an array of {}", count(items.len(), "item")),
        Value::Object(members) if !members.is_empty() => {
            format!("an object of {}", count(members.len(), "property"))
        }
        _ => {
            let text = value.to_string();
            match text.char_indices().nth(SHORT) {
                Some((end, _)) => format!("{}…", &text[..end]),
                None => text,
            }
        }
    }
}

/// `1 item`, `2 items`; `1 property`, `2 properties`.
pub fn count(n: usize, noun: &str) -> String {
    match (n, noun.strip_suffix('y')) {
        (1, _) => format!("1 {noun}"),
        (_, Some(stem)) => format!("{n} {stem}ies"),
        (_, None) => format!("{n} {noun}s"),
    }
}

/// How many characters of a value a message shows.
const SHORT: usize = 60;
