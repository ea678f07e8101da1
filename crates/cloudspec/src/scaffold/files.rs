//! The endpoint's data files, from its plan: the documented request, the 200 fixture, their
//! rows in the READMEs that say where each comes from, and the `.conform.yaml`.

use serde_json::{Map, Value, json};

use std::fmt::Write as _;

use super::plan::{Kind, Origin, Plan, TypeDef};

/// The documented request: the contract's example values, with `header` (the provider's
/// auth, as its other requests send it); an RPC action's query signed as the provider signs.
pub(super) fn request(plan: &Plan, header: &Value) -> Result<String, String> {
    let example = plan.example_request.as_ref().ok_or("the contract has no example request")?;
    let query = match &plan.rpc {
        Some(action) => {
            let version = plan.origin.api_version.as_deref().unwrap_or_default();
            super::aliyun::signed(action, version, &example.query)
        }
        None => example.query.clone(),
    };
    let request = json!({"path": example.path, "query": query, "header": header});
    Ok(format!("{}\n", serde_json::to_string_pretty(&request).unwrap_or_default()))
}

/// The contract's example of the success body, less what the types do not model (which the
/// Rust type would drop, so that the fixture would not round-trip), and the names dropped.
pub(super) fn fixture(plan: &Plan) -> Option<(String, Vec<String>)> {
    let success = plan.success.as_ref()?;
    let example = &success.example.as_ref()?.value;
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
        // A float as the Rust type writes it back (`60` as `60.0`): the same JSON number.
        (Kind::Number, Value::Number(number)) => number
            .as_f64()
            .and_then(serde_json::Number::from_f64)
            .map_or_else(|| value.clone(), Value::Number),
        _ => value.clone(),
    }
}

/// The row of `tests/fixtures/README.md` for the fixture.
pub(crate) fn fixture_row(plan: &Plan, dropped: &[String]) -> String {
    let status = plan.success.as_ref().map_or("200", |success| success.status.as_str());
    let said = plan.success.as_ref().and_then(|success| success.example.as_ref()).map_or("", |e| &e.said);
    let name = &plan.origin.name;
    let (summary, less) = if dropped.is_empty() {
        (format!("{name}'s example, verbatim"), String::new())
    } else {
        let names: Vec<String> = dropped.iter().map(|name| format!("`{name}`")).collect();
        (
            format!("{name}'s example, less the members its definition lacks"),
            format!(", less the members its definition does not declare ({})", names.join(", ")),
        )
    };
    format!(
        "| `{}/{status}.json` | {summary} | {name}'s example: `{}`, {said}{less}. |",
        plan.key(),
        plan.origin.file.display()
    )
}

/// The row of `tests/requests/README.md` for the request.
pub(crate) fn request_row(plan: &Plan) -> String {
    let said = plan.example_request.as_ref().map_or("", |example| example.said.as_str());
    let auth = if plan.rpc.is_some() {
        super::aliyun::SIGNED_SAID
    } else {
        "with the token of the provider's other requests"
    };
    format!("| `{}.json` | {said}, {auth}. |", plan.key())
}

/// The `.conform.yaml`, naming the contract; `new` fills its accepted differences once the
/// document is built.
pub(super) fn conform(origin: &Origin) -> String {
    let mut out = concat!(
        "# The vendor contract `cargo xtask conform` holds this endpoint to, and each difference\n",
        "# accepted, with its reason (README.md, \"Conformance to the vendors' contracts\").\n",
        "contract:\n"
    )
    .to_owned();
    for (key, value) in &origin.declaration {
        // A version such as 2020-06-01 is a date to YAML: quoted, it stays a string.
        let plain = value.starts_with(|c: char| c.is_ascii_alphabetic())
            && value.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
        let _ = if plain { writeln!(out, "  {key}: {value}") } else { writeln!(out, "  {key}: '{value}'") };
    }
    out.push_str("accepted: []\n");
    out
}

/// `text` with `row` added as the last row of its first table whose rows start with `prefix`.
pub(crate) fn add_row(text: &str, prefix: &str, row: &str) -> Result<String, String> {
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
