//! Python with httpx: the query and the headers as dictionaries, the body printed as JSON.

use serde_json::Value;

use super::{Call, quoted};

pub(super) fn sample(call: &Call) -> String {
    let mut query: Vec<(String, Value)> = call.query.clone();
    query.extend(call.query_key.iter().map(|(name, value)| (name.clone(), Value::from(value.as_str()))));
    let headers: Vec<(String, Value)> =
        call.wire_headers().into_iter().map(|(name, value)| (name, Value::from(value))).collect();
    let mut arguments = vec![format!("    {},", quoted(&format!("{}{}", call.server, call.wire_path())))];
    if !query.is_empty() {
        arguments.push(format!("    params={},", dictionary(&query)));
    }
    if !headers.is_empty() {
        arguments.push(format!("    headers={},", dictionary(&headers)));
    }
    format!(
        "import json\n\nimport httpx\n\nresponse = httpx.{}(\n{}\n)\nresponse.raise_for_status()\n\
         print(json.dumps(response.json(), indent=2, ensure_ascii=False))\n",
        call.method,
        arguments.join("\n")
    )
}

/// A dict literal, one entry a line.
fn dictionary(entries: &[(String, Value)]) -> String {
    let lines: Vec<String> = entries
        .iter()
        .map(|(name, value)| format!("        {}: {},", quoted(name), literal(value)))
        .collect();
    format!("{{\n{}\n    }}", lines.join("\n"))
}

fn literal(value: &Value) -> String {
    match value {
        Value::Bool(true) => "True".to_owned(),
        Value::Bool(false) => "False".to_owned(),
        Value::String(text) => quoted(text),
        other => other.to_string(),
    }
}
