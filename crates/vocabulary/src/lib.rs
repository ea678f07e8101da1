//! The words every cloudspec crate agrees on, owned here once: the keywords of ours that a
//! schema may carry, JSON pointers ([`pointer`]), with which every message names a place, and
//! the way around a finished OpenAPI document ([`openapi`]).
//!
//! It depends on no validator: the endpoint crate (and the provider crates below it) and the
//! diff engine need these words, and must not wait for `jsonschema` to build nor rebuild when
//! the validation code (`cloudspec-schema`) changes.

pub mod openapi;
pub mod pointer;

use serde_json::Value;

/// `x-max-bytes`: the documentation limits a string in UTF-8 bytes, which `maxLength`
/// (counting characters) cannot express: 43 Chinese characters are 129 bytes.
pub const MAX_BYTES: &str = "x-max-bytes";

/// `x-extensible-enum`: the values an open enum is known to take (the name and meaning of
/// Zalando's API guideline 112). The schema beside it accepts any value of its type; a value
/// off the list is a notice, not a violation (see `cloudspec_endpoint::Open`).
pub const KNOWN_VALUES: &str = "x-extensible-enum";

/// The values `schema` (a JSON Schema object) lists as known, if it is an open enum.
pub fn known_values(schema: &Value) -> Option<&[Value]> {
    schema.get(KNOWN_VALUES)?.as_array().map(Vec::as_slice)
}
