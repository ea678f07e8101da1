//! Rules on schemas and the values they describe: descriptions, byte limits, wire names and
//! examples.

use serde_json::Value;

use cloudspec_endpoint::WireCase;
use cloudspec_schema::keywords::MAX_BYTES;
use cloudspec_schema::openapi;

use super::{Linter, rules};
use crate::soundness::{self, Dialect};

/// Parameter names that do not follow the provider's case and are right not to: the
/// documentation names them so and the server expects them so. Each needs its reason.
const PARAMETER_NAME_EXCEPTIONS: [&str; 1] = [
    // OpenStack's `changes-since` query parameter, which OpenStack-based APIs (image
    // services among them) keep verbatim whatever their own case.
    "changes-since",
];

/// The first `\d`, `\w` or `\s` (or its negation) of `pattern`, an ECMAScript regular
/// expression, with what Python reads it as and the ASCII class to write instead; an escaped
/// backslash (`\\d`) is no class.
fn unicode_class(pattern: &str) -> Option<(&'static str, &'static str, &'static str)> {
    let mut characters = pattern.chars();
    while let Some(character) = characters.next() {
        if character == '\\' {
            let found = match characters.next() {
                Some('d') => ("\\d", "digit", "[0-9]"),
                Some('D') => ("\\D", "non-digit", "[^0-9]"),
                Some('w') => ("\\w", "word character", "[A-Za-z0-9_]"),
                Some('W') => ("\\W", "non-word character", "[^A-Za-z0-9_]"),
                Some('s') => ("\\s", "space", "[ \\t\\n\\r\\f\\v]"),
                Some('S') => ("\\S", "non-space", "[^ \\t\\n\\r\\f\\v]"),
                _ => continue,
            };
            return Some(found);
        }
    }
    None
}

impl Linter<'_> {
    pub(super) fn schemas(&mut self) {
        let document = self.subject.document;
        let wire_case = self.subject.wire_case;
        openapi::visit_schemas(document, &mut |at, schema| {
            for (name, property) in schema.get("properties").and_then(Value::as_object).into_iter().flatten()
            {
                let property_at = format!("{at}/properties/{}", cloudspec_schema::pointer::escape(name));
                if !described(document, property, 0) {
                    self.report(
                        rules::PROPERTY_DESCRIPTION,
                        &property_at,
                        format!("property {name:?} has no description"),
                    );
                }
                if !follows(wire_case, name) {
                    self.report(
                        rules::WIRE_CASE,
                        &property_at,
                        format!("property {name:?} is not {}", case_name(wire_case)),
                    );
                }
            }
            if let Some(class) = schema.get("pattern").and_then(Value::as_str).and_then(unicode_class) {
                self.report(
                    rules::PATTERN_ASCII_CLASSES,
                    &format!("{at}/pattern"),
                    format!(
                        "the pattern uses `{}`, which Python's `re` (hypothesis, schemathesis, \
                        pydantic) reads as any \
                         Unicode {}, and ECMAScript (Prism, browsers) as ASCII only: write `{}`",
                        class.0, class.1, class.2
                    ),
                );
            }
            let description = schema.get("description").and_then(Value::as_str).unwrap_or_default();
            if schema.get("maxLength").is_some()
                && schema.get(MAX_BYTES).is_none()
                && mentions_bytes(description)
            {
                self.report(
                    rules::MAX_BYTES,
                    at,
                    format!(
                        "the description gives the limit in bytes but the schema has no \
                        {MAX_BYTES} (maxLength counts characters)"
                    ),
                );
            }
        });
        self.parameter_names();
    }

    fn parameter_names(&mut self) {
        let document = self.subject.document;
        for operation in openapi::operations(document) {
            let lists = [
                (
                    operation.path_item,
                    operation.pointer.rsplit_once('/').map_or("", |(head, _)| head).to_owned(),
                ),
                (operation.value, operation.pointer.clone()),
            ];
            for (holder, at) in lists {
                for (index, parameter) in
                    holder.get("parameters").and_then(Value::as_array).into_iter().flatten().enumerate()
                {
                    let (parameter, _) = openapi::resolve(document, parameter, "");
                    let name = parameter.get("name").and_then(Value::as_str).unwrap_or_default();
                    // HTTP header names are case-insensitive and conventionally Kebab-Case.
                    let header = parameter.get("in").and_then(Value::as_str) == Some("header");
                    if !header
                        && !follows(self.subject.wire_case, name)
                        && !PARAMETER_NAME_EXCEPTIONS.contains(&name)
                    {
                        self.report(
                            rules::WIRE_CASE,
                            &format!("{at}/parameters/{index}/name"),
                            format!("parameter {name:?} is not {}", case_name(self.subject.wire_case)),
                        );
                    }
                }
            }
        }
    }

    /// Every value the document states beside a schema validates against it: the build's own
    /// check ([`soundness`]), reported as findings on documents the build did not prove.
    pub(super) fn examples(&mut self) {
        if self.subject.proven {
            return;
        }
        for refusal in soundness::refusals(self.subject.document, Dialect::OpenApi3_1) {
            self.report(rules::EXAMPLE_VALID, &refusal.pointer, refusal.message);
        }
    }
}

/// Whether a schema tells its reader what it is: a description of its own, or one on what
/// it refers to (a bare `$ref`, or the non-null branch of a nullable one).
fn described(document: &Value, schema: &Value, depth: usize) -> bool {
    if depth > 16 {
        return false;
    }
    if schema.get("description").and_then(Value::as_str).is_some_and(|text| !text.trim().is_empty()) {
        return true;
    }
    if let Some(target) = openapi::ref_target(schema).and_then(|target| document.pointer(target)) {
        return described(document, target, depth + 1);
    }
    ["oneOf", "anyOf", "allOf"].iter().any(|key| {
        let branches: Vec<&Value> = schema
            .get(*key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter(|branch| !openapi::is_null_type(branch))
            .collect();
        branches.len() == 1 && described(document, branches[0], depth + 1)
    })
}

fn case_name(case: WireCase) -> &'static str {
    match case {
        WireCase::SnakeCase => "snake_case",
        WireCase::PascalCase => "PascalCase",
    }
}

/// Whether `name` is spelled in `case`. snake_case admits leading and doubled underscores
/// (`__isregistered`), which some services use on the wire.
pub(super) fn follows(case: WireCase, name: &str) -> bool {
    match case {
        WireCase::SnakeCase => {
            name.bytes().all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit() || byte == b'_')
                && name.bytes().any(|byte| byte.is_ascii_lowercase())
                && !name.starts_with(|c: char| c.is_ascii_digit())
        }
        WireCase::PascalCase => {
            name.starts_with(|c: char| c.is_ascii_uppercase())
                && name.bytes().all(|byte| byte.is_ascii_alphanumeric())
        }
    }
}

/// Whether a description gives a limit in bytes: "128 bytes", "1 byte", "不超过128个字节".
pub(super) fn mentions_bytes(description: &str) -> bool {
    let lower = description.to_lowercase();
    ["byte", "字节"].iter().any(|word| {
        lower.match_indices(word).any(|(index, _)| {
            let before = lower[..index].trim_end_matches(|c: char| c.is_whitespace() || c == '个');
            before.ends_with(|c: char| c.is_ascii_digit())
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_byte_limits() {
        assert!(follows(WireCase::SnakeCase, "request_id"));
        assert!(follows(WireCase::SnakeCase, "__isregistered"));
        assert!(!follows(WireCase::SnakeCase, "requestId"));
        assert!(!follows(WireCase::SnakeCase, "changes-since"));
        assert!(follows(WireCase::PascalCase, "RegionId"));
        assert!(!follows(WireCase::PascalCase, "regionId"));
        assert!(!follows(WireCase::PascalCase, "Region_Id"));
        assert!(mentions_bytes("The value can contain a maximum of 128 bytes."));
        assert!(mentions_bytes("长度不超过128个字节"));
        assert!(mentions_bytes("1 byte"));
        assert!(!mentions_bytes("A byte count."));
        assert!(!mentions_bytes("up to 64 characters"));
    }
}
