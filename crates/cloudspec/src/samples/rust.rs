//! Rust with the client progenitor generates from the 3.0 rendition (progenitor reads 3.0
//! only), builder style. progenitor applies no security scheme: an API key in a header goes
//! into reqwest's default headers, one in the query is added by a `pre_hook`.

use std::fmt::Write as _;

use serde_json::Value;

use super::{Call, quoted};

pub(super) fn sample(call: &Call) -> String {
    let mut out = format!(
        "// The client progenitor generates from the 3.0 rendition.\n\
         progenitor::generate_api!(\n    spec = {},\n    interface = Builder,\n",
        quoted(&call.rendition_file)
    );
    if let Some((parameter, _)) = &call.query_key {
        let _ = write!(
            out,
            "    // The API key in the query, which progenitor does not add itself.\n    inner_type \
            = String,\n    \
             pre_hook = (|key: &String, request: &mut reqwest::Request| {{\n        \
             request.url_mut().query_pairs_mut().append_pair({}, key);\n    }}),\n",
            quoted(parameter)
        );
    }
    out.push_str(
        ");\n\n#[tokio::main(flavor = \"current_thread\")]\nasync fn main() -> Result<(), \
        Box<dyn std::error::Error>> {\n",
    );
    if let Some((name, value)) = &call.header_key {
        let _ = writeln!(
            out,
            "    let mut headers = reqwest::header::HeaderMap::new();\n    headers.insert({}, {}.parse()?);",
            quoted(name),
            quoted(value)
        );
    }
    let http = if call.header_key.is_some() {
        "reqwest::Client::builder().default_headers(headers).build()?"
    } else {
        "reqwest::Client::new()"
    };
    let inner = call
        .query_key
        .as_ref()
        .map_or_else(String::new, |(_, value)| format!(", {}.to_owned()", quoted(value)));
    let _ = write!(
        out,
        "    let http = {http};\n    \
         let client = Client::new_with_client({}, http{inner});\n    let response = client\n        .{}()\n",
        quoted(&call.server),
        snake_case(&call.operation_id)
    );
    for (name, value) in call.path_values.iter().chain(&call.query).chain(&call.headers) {
        let _ = writeln!(out, "        .{}({})", snake_case(name), literal(value));
    }
    out.push_str(
        "        .send()\n        .await?;\n    \
         println!(\"{}\", serde_json::to_string_pretty(&response.into_inner())?);\n    Ok(())\n}\n",
    );
    out
}

fn literal(value: &Value) -> String {
    match value {
        Value::String(text) => quoted(text),
        other => other.to_string(),
    }
}

/// The identifier progenitor makes of an operationId or a parameter name (heck's snake case:
/// a word starts at an upper-case letter after a lower-case one or a digit, and at the last
/// capital of an acronym followed by a lower-case letter), with `_` after a Rust keyword.
fn snake_case(name: &str) -> String {
    const KEYWORDS: [&str; 12] =
        ["as", "async", "await", "crate", "fn", "impl", "in", "mod", "ref", "self", "type", "use"];
    let characters: Vec<char> = name.chars().collect();
    let mut out = String::new();
    for (index, &character) in characters.iter().enumerate() {
        if !character.is_alphanumeric() {
            if !out.ends_with('_') && !out.is_empty() {
                out.push('_');
            }
            continue;
        }
        let previous = index.checked_sub(1).and_then(|i| characters.get(i));
        let next = characters.get(index + 1);
        let starts_word = character.is_uppercase()
            && previous.is_some_and(|p| {
                p.is_lowercase()
                    || p.is_ascii_digit()
                    || (p.is_uppercase() && next.is_some_and(|n| n.is_lowercase()))
            });
        if starts_word && !out.ends_with('_') {
            out.push('_');
        }
        out.extend(character.to_lowercase());
    }
    if KEYWORDS.contains(&out.as_str()) { format!("{out}_") } else { out }
}
