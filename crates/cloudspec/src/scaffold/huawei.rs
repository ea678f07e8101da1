//! A plan from a Huawei Cloud API Explorer definition (Swagger 2.0 inside API Explorer's
//! wrapper; see [`crate::conform::huawei`]).

use serde_json::Value;

use super::names;
use super::plan::{Enum, Field, KEYWORDS, Kind, Location, Parameter, Plan, Struct, Success, TypeDef};
use crate::openapi::{self, METHODS};
use crate::pointer;

/// Why each header of API Explorer's definitions is not a parameter of the document.
const HEADERS: [(&str, &str); 3] = [
    (
        "X-Auth-Token",
        "The IAM token is the service's security scheme (`IamToken`), which every operation of the provider declares; OpenAPI gives a security scheme no schema, so its limits are not compared.",
    ),
    (
        "X-Sdk-Date",
        "AK/SK request signing, which the SDKs do, is not modelled: the documents declare the IAM token (`IamToken`) as their security scheme.",
    ),
    (
        "Content-Type",
        "OpenAPI describes `Content-Type` through request bodies, not parameters (a header parameter of that name SHALL be ignored).",
    ),
];

/// The reason a header of the contract is left out, if `new` leaves it out.
pub fn header_reason(name: &str) -> Option<&'static str> {
    HEADERS.iter().find(|(header, _)| header.eq_ignore_ascii_case(name)).map(|(_, reason)| *reason)
}

/// Reads the one operation of `file` into a plan for `provider/service/operation_id`.
pub fn plan(file: &Value, provider: &str, service: &str, operation_id: &str) -> Result<Plan, String> {
    let mut found = Vec::new();
    for (path, item) in file.get("paths").and_then(Value::as_object).into_iter().flatten() {
        for (method, operation) in item.as_object().into_iter().flatten() {
            if METHODS.contains(&method.as_str()) {
                found.push((path.clone(), method.clone(), operation));
            }
        }
    }
    let [(path, method, operation)] = found.as_slice() else {
        return Err(format!("/paths: expected exactly one operation, found {}", found.len()));
    };
    let at = pointer::join(["paths", path, method]);
    let text = |key: &str| operation.get(key).and_then(Value::as_str).unwrap_or_default().trim().to_owned();
    let mut plan = Plan {
        provider: provider.to_owned(),
        service: service.to_owned(),
        operation_id: operation_id.to_owned(),
        vendor_name: operation
            .get("operationId")
            .or_else(|| file.get("name"))
            .and_then(Value::as_str)
            .ok_or_else(|| format!("{at}/operationId: expected the operation's name"))?
            .to_owned(),
        method: method.clone(),
        path: path.clone(),
        summary: text("summary"),
        description: text("description"),
        tags: operation
            .get("tags")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect(),
        parameters: Vec::new(),
        headers: Vec::new(),
        types: Vec::new(),
        success: None,
        errors: Vec::new(),
        example_request: operation.get("x-request-examples-1").and_then(Value::as_str).map(str::to_owned),
    };
    let query_type = plan.query_type();
    parameters(&mut plan, file, operation, &at, &query_type)?;
    responses(&mut plan, file, operation, &at)?;
    Ok(plan)
}

/// The path and query parameters of `operation` (at `at`), and the headers it leaves out.
fn parameters(
    plan: &mut Plan,
    file: &Value,
    operation: &Value,
    at: &str,
    query_type: &str,
) -> Result<(), String> {
    for (index, parameter) in
        operation.get("parameters").and_then(Value::as_array).into_iter().flatten().enumerate()
    {
        let (parameter, parameter_at) =
            openapi::resolve(file, parameter, &format!("{at}/parameters/{index}"));
        let name = parameter.get("name").and_then(Value::as_str).unwrap_or_default();
        let location = match parameter.get("in").and_then(Value::as_str) {
            Some("path") => Location::Path,
            Some("query") => Location::Query,
            Some("header") => {
                let reason = header_reason(name).ok_or_else(|| {
                    format!("{parameter_at}: the header {name:?} is not one `new` knows how to leave out; model it by hand")
                })?;
                plan.headers.push((name.to_owned(), reason.to_owned()));
                continue;
            }
            other => {
                return Err(format!("{parameter_at}/in: expected path, query or header, found {other:?}"));
            }
        };
        let description = description(parameter);
        let kind = kind_of(plan, file, parameter, &parameter_at, name, query_type, true)?;
        plan.parameters.push(Parameter {
            wire: name.to_owned(),
            location,
            required: parameter.get("required").and_then(Value::as_bool).unwrap_or(false),
            description,
            keywords: keywords(parameter, &kind),
            kind,
        });
    }
    Ok(())
}

/// The success response's body and example, and the error statuses.
fn responses(plan: &mut Plan, file: &Value, operation: &Value, at: &str) -> Result<(), String> {
    for (status, response) in operation.get("responses").and_then(Value::as_object).into_iter().flatten() {
        let response_at = format!("{at}/responses/{}", pointer::escape(status));
        let description = response.get("description").and_then(Value::as_str).unwrap_or_default().to_owned();
        if !status.starts_with('2') {
            plan.errors.push((status.clone(), description));
            continue;
        }
        if plan.success.is_some() {
            return Err(format!("{response_at}: a second success status; `new` writes one"));
        }
        let Some(schema) = response.get("schema") else {
            return Err(format!("{response_at}: expected the body's `schema`"));
        };
        let example = response
            .get("examples")
            .and_then(|examples| examples.get("application/json"))
            .map(|example| (example.clone(), format!("{response_at}/examples/application~1json")));
        let body = struct_of(
            plan,
            file,
            schema,
            &format!("{response_at}/schema"),
            "Response",
            example.as_ref().map(|(value, _)| value),
        )?;
        plan.success = Some(Success { status: status.clone(), description, body, example });
    }
    Ok(())
}

/// The contract's description of a schema or parameter, trimmed.
fn description(value: &Value) -> String {
    value.get("description").and_then(Value::as_str).unwrap_or_default().trim().to_owned()
}

/// The keywords of `schema` that the Rust type does not state itself.
fn keywords(schema: &Value, kind: &Kind) -> Vec<(&'static str, Value)> {
    KEYWORDS
        .iter()
        .filter_map(|&keyword| {
            let value = schema.get(keyword)?;
            match (keyword, kind) {
                // A bound of 0 on a length or a count bounds nothing (`conform` reads it as absent).
                ("minLength" | "minItems", _) if value.as_f64() == Some(0.0) => None,
                // An integer's format is its Rust type's; an enum's default is its type's.
                ("format", Kind::Integer { .. }) | ("default", Kind::Enum { .. }) => None,
                _ => Some((keyword, value.clone())),
            }
        })
        .collect()
}

/// The Rust kind of `schema`, at `at`, named `name` in `owner`; enums and objects become
/// types of the plan. `request` says whether the value is sent (its lists are closed).
fn kind_of(
    plan: &mut Plan,
    file: &Value,
    schema: &Value,
    at: &str,
    name: &str,
    owner: &str,
    request: bool,
) -> Result<Kind, String> {
    let (resolved, resolved_at) = openapi::resolve(file, schema, at);
    if let Some(values) = resolved.get("enum").and_then(Value::as_array) {
        let values: Vec<String> = values
            .iter()
            .map(|value| {
                value
                    .as_str()
                    .map(str::to_owned)
                    .ok_or_else(|| format!("{resolved_at}/enum: expected strings"))
            })
            .collect::<Result<_, _>>()?;
        let default = resolved.get("default").and_then(Value::as_str).map(str::to_owned);
        let description = description(resolved);
        let open = !request && super::plan::is_open(&description);
        let written =
            Enum { name: String::new(), description, values, default, at: format!("{resolved_at}/enum") };
        let name = plan.enum_named(&names::pascal(name), owner, written);
        return Ok(Kind::Enum { name, open });
    }
    let type_name = resolved.get("type").and_then(Value::as_str);
    Ok(match type_name {
        Some("string") | None if resolved.get("properties").is_none() && type_name.is_some() => Kind::String,
        Some("boolean") => Kind::Boolean,
        Some("integer") => {
            Kind::Integer { bits32: resolved.get("format").and_then(Value::as_str) == Some("int32") }
        }
        Some("number") => Kind::Number,
        Some("array") => {
            let items =
                resolved.get("items").ok_or_else(|| format!("{resolved_at}: an array without `items`"))?;
            Kind::Array(Box::new(kind_of(
                plan,
                file,
                items,
                &format!("{resolved_at}/items"),
                name,
                owner,
                request,
            )?))
        }
        _ if resolved.get("properties").is_some() => {
            let struct_name = openapi::ref_target(schema)
                .and_then(|target| target.rsplit('/').next())
                .map_or_else(|| format!("{owner}{}", names::pascal(name)), str::to_owned);
            Kind::Struct(struct_of(plan, file, schema, at, &struct_name, None)?)
        }
        Some("object") => Kind::AnyObject,
        other => return Err(format!("{resolved_at}/type: expected a JSON Schema type, found {other:?}")),
    })
}

/// The struct of the object `schema` at `at`, named after its definition (or `name`), with
/// `example` the contract's example of it, if any: a property it sends as `null` is nullable.
fn struct_of(
    plan: &mut Plan,
    file: &Value,
    schema: &Value,
    at: &str,
    name: &str,
    example: Option<&Value>,
) -> Result<String, String> {
    let (resolved, resolved_at) = openapi::resolve(file, schema, at);
    let name =
        openapi::ref_target(schema).and_then(|target| target.rsplit('/').next()).unwrap_or(name).to_owned();
    if plan.types.iter().any(|known| known.name() == name) {
        return Ok(name);
    }
    let index = plan.types.len();
    plan.types.push(TypeDef::Struct(Struct {
        name: name.clone(),
        description: description(resolved),
        fields: Vec::new(),
        at: resolved_at.clone(),
        states_required: resolved.get("required").is_some(),
    }));
    let required: Vec<&str> = resolved
        .get("required")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    let samples: Vec<&Value> = match example {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(other) => vec![other],
        None => Vec::new(),
    };
    let mut fields = Vec::new();
    for (wire, property) in resolved.get("properties").and_then(Value::as_object).into_iter().flatten() {
        let property_at = format!("{resolved_at}/properties/{}", pointer::escape(wire));
        let values: Vec<&Value> = samples.iter().filter_map(|sample| sample.get(wire)).collect();
        let nested = values.first().copied();
        let kind = match openapi::resolve(file, property, &property_at).0 {
            object
                if object.get("properties").is_some()
                    || object
                        .get("items")
                        .and_then(|items| openapi::resolve(file, items, "").0.get("properties"))
                        .is_some() =>
            {
                kind_with_example(plan, file, property, &property_at, wire, &name, nested)?
            }
            _ => kind_of(plan, file, property, &property_at, wire, &name, false)?,
        };
        let (resolved_property, _) = openapi::resolve(file, property, &property_at);
        let written = description(property);
        // Required-ness follows what the API sends (DESIGN.md): a property the contract
        // requires but its own example leaves out is optional.
        let in_every_sample = samples.is_empty() || values.len() == samples.len();
        fields.push(Field {
            wire: wire.clone(),
            description: if written.is_empty() { description(resolved_property) } else { written },
            keywords: keywords(resolved_property, &kind),
            nullable: values.iter().any(|value| value.is_null()),
            required: required.contains(&wire.as_str()) && in_every_sample,
            contract_required: required.contains(&wire.as_str()),
            kind,
            at: property_at,
        });
    }
    if let TypeDef::Struct(found) = &mut plan.types[index] {
        found.fields = fields;
    }
    Ok(name)
}

/// The kind of an object property (or an array of objects), following the example into it.
fn kind_with_example(
    plan: &mut Plan,
    file: &Value,
    property: &Value,
    at: &str,
    wire: &str,
    owner: &str,
    example: Option<&Value>,
) -> Result<Kind, String> {
    let (resolved, resolved_at) = openapi::resolve(file, property, at);
    if let Some(items) = resolved.get("items") {
        let item_name = openapi::ref_target(items)
            .and_then(|target| target.rsplit('/').next())
            .map_or_else(|| format!("{owner}{}", names::pascal(wire)), str::to_owned);
        let name = struct_of(plan, file, items, &format!("{resolved_at}/items"), &item_name, example)?;
        return Ok(Kind::Array(Box::new(Kind::Struct(name))));
    }
    let name = format!("{owner}{}", names::pascal(wire));
    Ok(Kind::Struct(struct_of(plan, file, property, at, &name, example)?))
}
