//! The reference as plain HTML, written into the page where Redoc renders: what a reader
//! without JavaScript, a search engine and a text browser see (Redoc replaces it when it
//! runs). The operation's summary, request line and description, its parameters, the fields
//! of its 200 body with the documented example, its errors and its request samples.

use std::fmt::Write as _;

use serde_json::Value;

use cloudspec_endpoint::Endpoint;

use super::digest;
use super::html::escape;
use super::locale::Ui;
use crate::samples::Sample;

/// How deep nested fields are listed: the documents nest three levels at most.
const DEPTH: usize = 6;

/// The plain reference of `endpoint` in `document` (the site's copy, in the language of `ui`).
pub(super) fn reference(document: &Value, endpoint: &Endpoint, ui: &Ui, samples: &[Sample]) -> String {
    let Some(operation) = cloudspec_schema::openapi::find(document, endpoint.operation_id) else {
        return String::new();
    };
    let text = |pointer: &str| document.pointer(pointer).and_then(Value::as_str).unwrap_or_default();
    let field = |name: &str| operation.value.get(name).and_then(Value::as_str).unwrap_or_default();
    let [name_column, in_column, type_column, description_column] = ui.prerender_columns;
    let mut out = format!(
        "<article class=\"prerendered\">\n<h1>{}</h1>\n<div \
        class=\"text\">{}</div>\n<h2>{}</h2>\n<p><code>{} {}</code>{}</p>\n<div class=\"text\">{}</div>\n",
        escape(text("/info/title")),
        escape(text("/info/description")),
        escape(field("summary")),
        operation.method.to_uppercase(),
        escape(operation.path),
        if operation.deprecated() { format!(" <strong>{}</strong>", ui.deprecated) } else { String::new() },
        escape(field("description")),
    );

    let parameters = [operation.path_item.get("parameters"), operation.value.get("parameters")];
    let mut rows = String::new();
    for parameter in parameters.into_iter().flatten().filter_map(Value::as_array).flatten() {
        let get = |key: &str| parameter.get(key).and_then(Value::as_str).unwrap_or_default();
        let _ = writeln!(
            rows,
            "<tr><td><code>{}</code></td><td>{}</td><td>{}</td><td class=\"text\">{}</td></tr>",
            escape(get("name")),
            escape(get("in")),
            escape(&type_of(document, parameter.get("schema").unwrap_or(&Value::Null))),
            escape(get("description"))
        );
    }
    if !rows.is_empty() {
        let _ = write!(
            out,
            "<h3>{}</h3>\n<table><thead><tr><th>{name_column}</th><th>{in_column}</th><th>{type_column}</th>\
             <th>{description_column}</th></tr></thead><tbody>\n{rows}</tbody></table>\n",
            ui.parameters
        );
    }

    let body = operation.value.pointer("/responses/200/content/application~1json");
    if let Some(body) = body {
        let mut rows = String::new();
        fields(document, body.get("schema").unwrap_or(&Value::Null), "", DEPTH, &mut rows);
        let _ = write!(
            out,
            "<h3>{}</h3>\n<table><thead><tr><th>{name_column}</th><th>{type_column}</th><th>\
            {description_column}</th></tr></thead><tbody>\n{rows}</tbody></table>\n",
            ui.response_fields
        );
        for example in body
            .get("examples")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
            .filter_map(|(_, e)| e.get("value"))
        {
            let json = serde_json::to_string_pretty(example).unwrap_or_default();
            let _ = writeln!(out, "<pre><code>{}</code></pre>", escape(&json));
        }
    }

    let errors = digest::errors(operation.value);
    if !errors.is_empty() {
        let [status_column, meaning_column, codes_column] = ui.error_columns;
        let _ = write!(
            out,
            "<h3>{}</h3>\n<table><thead><tr><th>{status_column}</th><th>{meaning_column}</th><th>\
            {codes_column}</th></tr></thead><tbody>\n",
            ui.errors
        );
        for row in errors {
            let codes: Vec<String> =
                row.codes.iter().map(|code| format!("<code>{}</code>", escape(code))).collect();
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                row.status,
                escape(&row.meaning),
                codes.join(", ")
            );
        }
        out.push_str("</tbody></table>\n");
    }
    if !samples.is_empty() {
        let _ = writeln!(out, "<h3>{}</h3>", ui.request_samples);
        for sample in samples {
            let _ = writeln!(
                out,
                "<h4>{}</h4>\n<pre><code>{}</code></pre>",
                escape(sample.label),
                escape(&sample.source)
            );
        }
    }
    out.push_str("</article>");
    out
}

/// The rows of every field of `schema`, `prefix` before each name (`phone_images[].image_id`).
fn fields(document: &Value, schema: &Value, prefix: &str, depth: usize, rows: &mut String) {
    let schema = resolve(document, schema);
    if depth == 0 {
        return;
    }
    if let Some(items) = schema.get("items") {
        fields(document, items, &format!("{prefix}[]"), depth - 1, rows);
    }
    for (name, property) in schema.get("properties").and_then(Value::as_object).into_iter().flatten() {
        let path = if prefix.is_empty() { name.clone() } else { format!("{prefix}.{name}") };
        let description =
            resolve(document, property).get("description").or_else(|| property.get("description"));
        let _ = writeln!(
            rows,
            "<tr><td><code>{}</code></td><td>{}</td><td class=\"text\">{}</td></tr>",
            escape(&path),
            escape(&type_of(document, property)),
            escape(description.and_then(Value::as_str).unwrap_or_default())
        );
        fields(document, property, &path, depth - 1, rows);
    }
}

/// `schema` itself, or what its `$ref` names under `#/components/schemas/`.
fn resolve<'a>(document: &'a Value, schema: &'a Value) -> &'a Value {
    schema
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|reference| reference.strip_prefix('#'))
        .and_then(|pointer| document.pointer(pointer))
        .unwrap_or(schema)
}

/// The type a reader is told: `string`, `array of X`, a component's name.
fn type_of(document: &Value, schema: &Value) -> String {
    if let Some(name) = schema.get("$ref").and_then(Value::as_str).and_then(|r| r.rsplit('/').next()) {
        let target = resolve(document, schema);
        return match target.get("type").and_then(Value::as_str) {
            Some("object") | None => name.to_owned(),
            Some(kind) => kind.to_owned(),
        };
    }
    match schema.get("type") {
        Some(Value::String(kind)) if kind == "array" => {
            format!("array of {}", type_of(document, schema.get("items").unwrap_or(&Value::Null)))
        }
        Some(Value::String(kind)) => kind.clone(),
        Some(Value::Array(kinds)) => kinds.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(" | "),
        _ => String::new(),
    }
}
