//! One search over the whole site, built with it: every endpoint, parameter, field and error
//! code of every page in every language, as `search-index.js` (a script, so that it loads from
//! `file://` too and under the content security policy), which `site.js` searches in the
//! reader's browser. A query matches where it occurs in a name or a text, ignoring case, so
//! a Chinese word needs no segmentation (镜像 is found inside 查询手机镜像).

use serde::Serialize;
use serde_json::Value;

use cloudspec_endpoint::Endpoint;

use super::digest;

/// What an entry is.
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(rename_all = "lowercase")]
pub(super) enum What {
    Endpoint,
    Parameter,
    Field,
    Error,
}

/// One thing a reader may search for, and the page that shows it.
#[derive(Debug, Serialize)]
pub(super) struct Entry {
    pub locale: &'static str,
    /// The page, relative to the site's root.
    pub page: String,
    pub what: What,
    pub name: String,
    pub text: String,
}

/// The entries of an endpoint's page `page` in `locale`, from its document there.
pub(super) fn entries(endpoint: &Endpoint, locale: &'static str, page: &str, document: &Value) -> Vec<Entry> {
    let mut entries = Vec::new();
    let mut push = |what, name: &str, text: String| {
        entries.push(Entry {
            locale,
            page: page.to_owned(),
            what,
            name: name.to_owned(),
            text: shorten(&text),
        });
    };
    let Some(operation) = cloudspec_schema::openapi::find(document, endpoint.operation_id) else {
        return entries;
    };
    let summary = operation.value.get("summary").and_then(Value::as_str).unwrap_or_default();
    let title = document.pointer("/info/title").and_then(Value::as_str).unwrap_or_default();
    push(
        What::Endpoint,
        summary,
        format!(
            "{title} · {} {} · {}",
            operation.method.to_uppercase(),
            operation.path,
            endpoint.operation_id
        ),
    );
    let parameters = [operation.path_item.get("parameters"), operation.value.get("parameters")];
    for parameter in parameters.into_iter().flatten().filter_map(Value::as_array).flatten() {
        if let Some(name) = parameter.get("name").and_then(Value::as_str) {
            push(What::Parameter, name, description(parameter));
        }
    }
    for row in digest::errors(operation.value) {
        for code in &row.codes {
            push(What::Error, code, format!("{}: {}", row.status, row.meaning));
        }
    }
    for (schema_name, schema) in
        document.pointer("/components/schemas").and_then(Value::as_object).into_iter().flatten()
    {
        fields(schema, schema_name, &mut push);
    }
    entries
}

/// Every property of `schema` and of the schemas inside it, as a field of `owner`.
fn fields(schema: &Value, owner: &str, push: &mut impl FnMut(What, &str, String)) {
    for (name, property) in schema.get("properties").and_then(Value::as_object).into_iter().flatten() {
        push(What::Field, name, format!("{owner}: {}", description(property)));
        fields(property, &format!("{owner}.{name}"), push);
    }
    if let Some(items) = schema.get("items") {
        fields(items, owner, push);
    }
}

fn description(value: &Value) -> String {
    value.get("description").and_then(Value::as_str).unwrap_or_default().to_owned()
}

/// The first 200 characters of `text`, on one line.
fn shorten(text: &str) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut short: String = line.chars().take(200).collect();
    if short.len() < line.len() {
        short.push('…');
    }
    short
}

/// `search-index.js`: the entries, for `site.js`.
pub(super) fn script(entries: &[Entry]) -> String {
    let json = serde_json::to_string(entries).unwrap_or_else(|_| "[]".to_owned());
    format!("window.cloudspecSearch = {};\n", json.replace("</", "<\\/"))
}
