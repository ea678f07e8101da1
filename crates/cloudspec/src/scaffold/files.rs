//! The endpoint's data files, from its plan: the documented request, the 200 fixture, their
//! rows in the READMEs that say where each comes from, and the `.conform.yaml`.

use serde_json::{Map, Value, json};

use super::plan::{Kind, Location, Plan, TypeDef};

/// The documented request of the contract's example request line, with `header` (the
/// provider's auth, as its other requests send it).
pub fn request(plan: &Plan, header: &Value) -> Result<String, String> {
    let line = plan.example_request.as_deref().ok_or("the contract has no example request")?;
    let url =
        line.split_whitespace().nth(1).ok_or_else(|| format!("the example request {line:?} has no URL"))?;
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    let path = path.find("}/").map_or(path, |end| &path[end + 1..]);
    let mut path_values = Map::new();
    for (template, value) in plan.path.split('/').zip(path.split('/')) {
        if let Some(name) = template.strip_prefix('{').and_then(|rest| rest.strip_suffix('}')) {
            path_values.insert(name.to_owned(), Value::from(value));
        }
    }
    let mut query_values = Map::new();
    for pair in query.split('&').filter(|pair| !pair.is_empty()) {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        let kind = plan
            .parameters
            .iter()
            .find(|parameter| parameter.location == Location::Query && parameter.wire == name)
            .map(|parameter| &parameter.kind)
            .ok_or_else(|| {
                format!("the example request sends {name:?}, which the contract does not declare")
            })?;
        let typed = match kind {
            Kind::Integer { .. } | Kind::Number => {
                serde_json::from_str(value).unwrap_or_else(|_| Value::from(value))
            }
            Kind::Boolean => Value::Bool(value == "true"),
            _ => Value::from(value),
        };
        query_values.insert(name.to_owned(), typed);
    }
    let request = json!({"path": path_values, "query": query_values, "header": header});
    Ok(format!("{}\n", serde_json::to_string_pretty(&request).unwrap_or_default()))
}

/// The contract's example of the success body, less what the types do not model (which the
/// Rust type would drop, so that the fixture would not round-trip), and the names dropped.
pub fn fixture(plan: &Plan) -> Option<(String, Vec<String>)> {
    let success = plan.success.as_ref()?;
    let (example, _) = success.example.as_ref()?;
    let mut dropped = Vec::new();
    let kept = modelled(plan, &success.body, example, &mut dropped);
    dropped.sort();
    dropped.dedup();
    Some((format!("{}\n", serde_json::to_string_pretty(&kept).unwrap_or_default()), dropped))
}

fn modelled(plan: &Plan, type_name: &str, value: &Value, dropped: &mut Vec<String>) -> Value {
    let Some(TypeDef::Struct(found)) = plan.types.iter().find(|known| known.name() == type_name) else {
        return value.clone();
    };
    let Value::Object(members) = value else { return value.clone() };
    let mut kept = Map::new();
    for (name, member) in members {
        match found.fields.iter().find(|field| &field.wire == name) {
            Some(field) => {
                kept.insert(name.clone(), within(plan, &field.kind, member, dropped));
            }
            None => dropped.push(name.clone()),
        }
    }
    Value::Object(kept)
}

fn within(plan: &Plan, kind: &Kind, value: &Value, dropped: &mut Vec<String>) -> Value {
    match (kind, value) {
        (Kind::Struct(name), _) => modelled(plan, name, value, dropped),
        (Kind::Array(items), Value::Array(values)) => {
            Value::Array(values.iter().map(|value| within(plan, items, value, dropped)).collect())
        }
        _ => value.clone(),
    }
}

/// The row of `tests/fixtures/README.md` for the fixture.
pub fn fixture_row(plan: &Plan, contract_file: &str, dropped: &[String]) -> String {
    let status = plan.success.as_ref().map_or("200", |success| success.status.as_str());
    let (summary, less) = if dropped.is_empty() {
        ("API Explorer's example, verbatim".to_owned(), String::new())
    } else {
        let names: Vec<String> = dropped.iter().map(|name| format!("`{name}`")).collect();
        (
            "API Explorer's example, less the members its definition lacks".to_owned(),
            format!(", less the members its definition does not declare ({})", names.join(", ")),
        )
    };
    format!(
        "| `{}/{status}.json` | {summary} | API Explorer's example: `{contract_file}`, the {status} response's `examples`{less}. |",
        plan.key()
    )
}

/// The row of `tests/requests/README.md` for the request.
pub fn request_row(plan: &Plan) -> String {
    format!(
        "| `{}.json` | API Explorer's example request, `{}`, with the token of the provider's other requests. |",
        plan.key(),
        plan.example_request.as_deref().unwrap_or_default()
    )
}

/// The `.conform.yaml`, naming the contract; `new` fills its accepted differences once the
/// document is built.
pub fn conform(product: &str, operation: &str) -> String {
    format!(
        "# The vendor contract `cargo xtask conform` holds this endpoint to, and each difference\n# accepted, with its reason (README.md, \"Conformance to the vendors' contracts\").\ncontract:\n  format: huawei-api-explorer\n  product: {product}\n  operation: {operation}\naccepted: []\n"
    )
}

/// `text` with `row` added as the last row of its first table whose rows start with `prefix`.
pub fn add_row(text: &str, prefix: &str, row: &str) -> Result<String, String> {
    let lines: Vec<&str> = text.lines().collect();
    let last = lines
        .iter()
        .rposition(|line| line.starts_with(prefix))
        .ok_or_else(|| format!("no table row starts with {prefix:?}"))?;
    let mut out: Vec<&str> = lines[..=last].to_vec();
    out.push(row);
    out.extend(&lines[last + 1..]);
    Ok(format!("{}\n", out.join("\n")))
}
