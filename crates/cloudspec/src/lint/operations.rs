//! Rules on operations and their responses.

use serde_json::Value;

use super::{Linter, rules};
use cloudspec_schema::openapi::{self, Operation};

/// Words with which a description points to what replaces a deprecated operation, in
/// English and Chinese. A description that only says "deprecated" leaves the reader stuck;
/// one of these words is the cheapest sign that it tells them where to go.
const REPLACEMENT_WORDS: [&str; 11] = [
    "instead",
    "replaced by",
    "replacement",
    "superseded",
    "recommended",
    "in favour of",
    "in favor of",
    "替代",
    "代替",
    "推荐",
    "改用",
];

fn non_empty<'a>(value: &'a Value, key: &str) -> Option<&'a str> {
    value.get(key).and_then(Value::as_str).filter(|text| !text.trim().is_empty())
}

impl Linter<'_> {
    pub(super) fn operations(&mut self) {
        let document = self.subject.document;
        for operation in openapi::operations(document) {
            let at = operation.pointer.as_str();
            let value = operation.value;
            if non_empty(value, "summary").is_none() {
                self.report(rules::OPERATION_SUMMARY, at, "the operation has no summary");
            }
            if non_empty(value, "description").is_none() {
                self.report(rules::OPERATION_DESCRIPTION, at, "the operation has no description");
            }
            let tags = value.get("tags").and_then(Value::as_array).map_or(&[][..], Vec::as_slice);
            if tags.is_empty() {
                self.report(rules::OPERATION_TAGS, at, "the operation has no tags");
            }
            self.security(&operation);
            self.responses(&operation);
            self.deprecation(&operation);
        }
    }

    fn security(&mut self, operation: &Operation<'_>) {
        let document = self.subject.document;
        let declared: Vec<&String> = document
            .pointer("/components/securitySchemes")
            .and_then(Value::as_object)
            .map(|schemes| schemes.keys().collect())
            .unwrap_or_default();
        // An operation's own requirements replace the document's.
        let (requirements, at) = match operation.value.get("security") {
            Some(requirements) => (requirements, format!("{}/security", operation.pointer)),
            None => match document.get("security") {
                Some(requirements) => (requirements, "/security".to_owned()),
                None => return,
            },
        };
        for (index, requirement) in requirements.as_array().into_iter().flatten().enumerate() {
            for name in requirement.as_object().into_iter().flat_map(serde_json::Map::keys) {
                if !declared.contains(&name) {
                    self.report(
                        rules::SECURITY_SCHEME_DECLARED,
                        &format!("{at}/{index}"),
                        format!(
                            "security scheme {name:?} is not in components.securitySchemes \
                            (declared: {declared:?})"
                        ),
                    );
                }
            }
        }
    }

    fn responses(&mut self, operation: &Operation<'_>) {
        let document = self.subject.document;
        let Some(responses) = operation.value.get("responses").and_then(Value::as_object) else { return };
        for (status, response) in responses {
            let at = format!("{}/responses/{status}", operation.pointer);
            let (response, _) = openapi::resolve(document, response, &at);
            if non_empty(response, "description").is_none() {
                self.report(
                    rules::RESPONSE_DESCRIPTION,
                    &at,
                    format!("response {status} has no description"),
                );
            }
        }
    }

    fn deprecation(&mut self, operation: &Operation<'_>) {
        if operation.value.get("deprecated").and_then(Value::as_bool) != Some(true) {
            return;
        }
        let description = non_empty(operation.value, "description").unwrap_or_default().to_lowercase();
        if !REPLACEMENT_WORDS.iter().any(|word| description.contains(word)) {
            self.report(
                rules::DEPRECATED_REPLACEMENT,
                &format!("{}/description", operation.pointer),
                format!(
                    "the operation is deprecated but its description names no replacement (say what to use \
                     with one of: {})",
                    REPLACEMENT_WORDS.join(", ")
                ),
            );
        }
    }
}
