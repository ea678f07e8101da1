//! The rules on the document's own fields, outside schemas: the version, what `info` holds,
//! what 3.1 added at the root and in `components`, and what 3.1 made optional.
//!
//! What is lost here is noted in `info.description`, the description of the document.

use serde_json::{Map, Value, json};

use cloudspec_schema::openapi::METHODS;

use super::{Finding, Language, Note, Notes, OPENAPI_3_0, compact, note_in_description, notes};

/// The dialect of a 3.1 document that declares none.
const DEFAULT_DIALECT: &str = "https://spec.openapis.org/oas/3.1/dialect/base";

/// Applies every document-level rule to `document`.
pub(super) fn apply(document: &mut Value, findings: &mut Vec<Finding>, language: Language) {
    let Some(root) = document.as_object_mut() else {
        findings.push(Finding {
            pointer: String::new(),
            rule: "document",
            message: "not an OpenAPI document (not a JSON object); left as it was".into(),
        });
        return;
    };
    let mut notes = Notes { at: "/info", findings, lost: Vec::new(), language };
    version(root, &mut notes);
    root_fields(root, &mut notes);
    components(root, &mut notes);
    responses_required(root, &mut notes);
    if let Some(info) = root.get_mut("info").and_then(Value::as_object_mut) {
        info_fields(info, &mut notes);
        let lost = std::mem::take(&mut notes.lost);
        note_in_description(info, &lost, language);
    }
}

/// `openapi: 3.1.x` becomes `3.0.3`. Anything but 3.1 is said, and rendered all the same.
fn version(root: &mut Map<String, Value>, notes: &mut Notes<'_>) {
    let declared = root.get("openapi").and_then(Value::as_str).unwrap_or_default().to_owned();
    if !declared.starts_with("3.1.") {
        notes.findings.push(Finding {
            pointer: "/openapi".into(),
            rule: "document",
            message: format!("expected an OpenAPI 3.1 document, found openapi {declared:?}"),
        });
    }
    root.insert("openapi".into(), json!(OPENAPI_3_0));
}

/// `jsonSchemaDialect` and `webhooks` are 3.1's; `paths`, optional in 3.1, is required in 3.0.
fn root_fields(root: &mut Map<String, Value>, notes: &mut Notes<'_>) {
    if let Some(dialect) = root.shift_remove("jsonSchemaDialect") {
        // 3.0 has one dialect, its own: only another than 3.1's default changes a meaning.
        if dialect != json!(DEFAULT_DIALECT) {
            notes.lost("document", &Note::Dialect { dialect: compact(&dialect) });
        }
    }
    if let Some(webhooks) = root.shift_remove("webhooks") {
        let names = webhooks.as_object().map(|hooks| hooks.keys().cloned().collect()).unwrap_or_default();
        notes.lost("document", &Note::Webhooks { names });
    }
    if !root.contains_key("paths") {
        root.insert("paths".into(), json!({}));
    }
}

/// `components.pathItems` and `mutualTLS` security schemes are 3.1's.
fn components(root: &mut Map<String, Value>, notes: &mut Notes<'_>) {
    let Some(components) = root.get_mut("components").and_then(Value::as_object_mut) else { return };
    if let Some(items) = components.shift_remove("pathItems") {
        let names = items.as_object().map(|items| items.keys().cloned().collect()).unwrap_or_default();
        notes.lost("document", &Note::PathItems { names });
    }
    if let Some(schemes) = components.get_mut("securitySchemes").and_then(Value::as_object_mut) {
        let mutual: Vec<String> = schemes
            .iter()
            .filter(|(_, scheme)| scheme.get("type").and_then(Value::as_str) == Some("mutualTLS"))
            .map(|(name, _)| name.clone())
            .collect();
        for name in mutual {
            schemes.shift_remove(&name);
            notes.lost("document", &Note::MutualTls { scheme: name });
        }
    }
}

/// An operation without `responses` is valid 3.1 and invalid 3.0: it gets a `default`
/// response that says nothing was documented.
fn responses_required(root: &mut Map<String, Value>, notes: &mut Notes<'_>) {
    let Some(paths) = root.get_mut("paths").and_then(Value::as_object_mut) else { return };
    for (path, item) in paths {
        let Some(item) = item.as_object_mut() else { continue };
        for method in METHODS {
            let Some(operation) = item.get_mut(method).and_then(Value::as_object_mut) else { continue };
            if !operation.contains_key("responses") {
                operation.insert(
                    "responses".into(),
                    json!({ "default": { "description": notes::no_response(notes.language) } }),
                );
                notes.findings.push(Finding {
                    pointer: cloudspec_schema::pointer::join(["paths", path, method, "responses"]),
                    rule: "document",
                    message: "added a `default` response: 3.0 requires `responses`".into(),
                });
            }
        }
    }
}

/// `info.summary` opens the description; `license.identifier` becomes the SPDX page's URL:
/// both without loss.
fn info_fields(info: &mut Map<String, Value>, notes: &mut Notes<'_>) {
    if let Some(summary) =
        info.shift_remove("summary").and_then(|summary| summary.as_str().map(str::to_owned))
    {
        let description = match info.get("description").and_then(Value::as_str) {
            Some(description) => format!("{summary}\n\n{description}"),
            None => summary,
        };
        info.insert("description".into(), json!(description));
    }
    let Some(license) = info.get_mut("license").and_then(Value::as_object_mut) else { return };
    let Some(identifier) = license.shift_remove("identifier") else { return };
    let identifier = identifier.as_str().unwrap_or_default().to_owned();
    if license.contains_key("url") {
        notes.lost("document", &Note::LicenseIdentifier { identifier });
    } else {
        license.insert("url".into(), json!(format!("https://spdx.org/licenses/{identifier}.html")));
    }
}
