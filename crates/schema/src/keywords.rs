//! Keywords of ours that the JSON Schema validator must enforce too.

use jsonschema::{Keyword, ValidationError, paths::Location};
use serde_json::{Map, Value};

pub use cloudspec_vocabulary::{KNOWN_VALUES, MAX_BYTES, known_values};

/// Validation options that know every keyword of ours.
pub fn options() -> jsonschema::ValidationOptions<'static> {
    jsonschema::options().with_keyword(MAX_BYTES, max_bytes)
}

#[allow(clippy::needless_pass_by_value, reason = "the signature is jsonschema's keyword factory")]
fn max_bytes<'a>(
    _parent: &'a Map<String, Value>,
    value: &'a Value,
    location: Location,
) -> Result<Box<dyn for<'i> Keyword<'i>>, ValidationError<'a>> {
    match value.as_u64().and_then(|limit| usize::try_from(limit).ok()) {
        Some(limit) => Ok(Box::new(MaxBytes { limit })),
        None => Err(ValidationError::custom(format!(
            "{location}: {MAX_BYTES} must be a non-negative integer, found {value}"
        ))),
    }
}

/// What a keyword of ours asks for and what `instance` holds, for a report; `None` for a
/// keyword that is not ours. `rule` is the keyword's value in the schema.
pub fn describe(keyword: &str, rule: Option<&Value>, instance: &Value) -> Option<(String, String)> {
    match keyword {
        MAX_BYTES => {
            let limit = rule.map_or_else(|| "?".to_owned(), ToString::to_string);
            let length = instance.as_str().map_or(0, str::len);
            Some((
                format!("at most {limit} bytes in UTF-8"),
                format!("{length} bytes: {}", crate::words::shorten(instance)),
            ))
        }
        _ => None,
    }
}

struct MaxBytes {
    limit: usize,
}

impl<'i> Keyword<'i> for MaxBytes {
    fn validate(&self, instance: &'i Value) -> Result<(), ValidationError<'i>> {
        match instance {
            Value::String(text) if text.len() > self.limit => Err(ValidationError::custom(format!(
                "{instance} is longer than {} bytes in UTF-8 ({} bytes)",
                self.limit,
                text.len()
            ))),
            _ => Ok(()),
        }
    }

    fn is_valid(&self, instance: &'i Value) -> bool {
        instance.as_str().is_none_or(|text| text.len() <= self.limit)
    }
}
