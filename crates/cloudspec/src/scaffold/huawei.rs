//! A plan from a Huawei Cloud API Explorer definition (Swagger 2.0 inside API Explorer's
//! wrapper; see [`crate::conform::huawei`]).

use std::path::PathBuf;

use serde_json::Value;

use cloudspec_schema::pointer;

use super::Key;
use super::plan::{Example, Location, Origin, Parameter, Plan, RequestExample, Success};
use super::schema::{self, Dialect, Reader};
use crate::conform::model::Required;
use cloudspec_schema::openapi::{self, METHODS};

const DIALECT: Dialect = Dialect { required: Required::Array, described_enums: false, text: str::to_owned };

/// Why each header of API Explorer's definitions is not a parameter of the document.
const HEADERS: [(&str, &str); 3] = [
    (
        "X-Auth-Token",
        "The IAM token is the service's security scheme (`IamToken`), which every operation of the \
        provider declares; OpenAPI gives a security scheme no schema, so its limits are not compared.",
    ),
    (
        "X-Sdk-Date",
        "AK/SK request signing, which the SDKs do, is not modelled: the documents declare the IAM \
        token (`IamToken`) as their security scheme.",
    ),
    (
        "Content-Type",
        "OpenAPI describes `Content-Type` through request bodies, not parameters (a header \
        parameter of that name SHALL be ignored).",
    ),
];

/// The reason a header of the contract is left out, if `new` leaves it out.
pub(crate) fn header_reason(name: &str) -> Option<&'static str> {
    HEADERS.iter().find(|(header, _)| header.eq_ignore_ascii_case(name)).map(|(_, reason)| *reason)
}

/// Whether `file` is an API Explorer definition.
pub(crate) fn is_definition(file: &Value) -> bool {
    file.get("product_short").is_some()
}

/// Reads the one operation of the definition `file` (whose bytes are `bytes`) into a plan
/// for `key`.
pub(super) fn plan(file: &Value, bytes: &[u8], key: &Key<'_>) -> Result<Plan, String> {
    let product = file.get("product_short").and_then(Value::as_str).unwrap_or_default();
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
    let vendor_name = operation
        .get("operationId")
        .or_else(|| file.get("name"))
        .and_then(Value::as_str)
        .ok_or_else(|| format!("{at}/operationId: expected the operation's name"))?
        .to_owned();
    let origin = Origin {
        name: "API Explorer".to_owned(),
        declaration: vec![
            ("format", crate::conform::huawei::FORMAT.to_owned()),
            ("product", product.to_owned()),
            ("operation", vendor_name.clone()),
        ],
        file: PathBuf::from("contracts").join(crate::conform::huawei::file(product, &vendor_name)),
        stored: crate::conform::huawei::normalise(bytes)?,
        source: (
            format!("API Explorer: {product} {vendor_name}"),
            "zh-CN",
            format!("https://console.huaweicloud.com/apiexplorer/#/openapi/{product}/doc?api={vendor_name}"),
        ),
        api_version: file.get("info_version").and_then(Value::as_str).map(str::to_owned),
    };
    // API Explorer lists the service's statuses, which the service declares for every
    // operation: the plan declares none of its own.
    let mut plan = Plan {
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
        ..Plan::new(key, vendor_name, origin)
    };
    let reader = Reader { file, dialect: DIALECT };
    let query_type = plan.query_type();
    parameters(&mut plan, reader, operation, &at, &query_type)?;
    responses(&mut plan, reader, operation, &at)?;
    if let Some(line) = operation.get("x-request-examples-1").and_then(Value::as_str) {
        plan.example_request = Some(request(&plan, line)?);
    }
    Ok(plan)
}

/// The values of the example request line `line` (`GET https://{Endpoint}/v2/...?a=b`).
fn request(plan: &Plan, line: &str) -> Result<RequestExample, String> {
    let url =
        line.split_whitespace().nth(1).ok_or_else(|| format!("the example request {line:?} has no URL"))?;
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    let path = path.find("}/").map_or(path, |end| &path[end + 1..]);
    let mut example = RequestExample {
        said: format!("API Explorer's example request, `{line}`"),
        ..RequestExample::default()
    };
    for (template, value) in plan.path.split('/').zip(path.split('/')) {
        if let Some(name) = template.strip_prefix('{').and_then(|rest| rest.strip_suffix('}')) {
            example.path.insert(name.to_owned(), Value::from(value));
        }
    }
    for pair in query.split('&').filter(|pair| !pair.is_empty()) {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        example.query.insert(name.to_owned(), plan.query_value(name, value)?);
    }
    Ok(example)
}

/// The path and query parameters of `operation` (at `at`), and the headers it leaves out.
fn parameters(
    plan: &mut Plan,
    reader: Reader<'_>,
    operation: &Value,
    at: &str,
    query_type: &str,
) -> Result<(), String> {
    for (index, parameter) in
        operation.get("parameters").and_then(Value::as_array).into_iter().flatten().enumerate()
    {
        let (parameter, parameter_at) =
            openapi::resolve(reader.file, parameter, &format!("{at}/parameters/{index}"));
        let name = parameter.get("name").and_then(Value::as_str).unwrap_or_default();
        let location = match parameter.get("in").and_then(Value::as_str) {
            Some("path") => Location::Path,
            Some("query") => Location::Query,
            Some("header") => {
                let reason = header_reason(name).ok_or_else(|| {
                    format!(
                        "{parameter_at}: the header {name:?} is not one `new` knows how to \
                        leave out; model it by hand"
                    )
                })?;
                plan.headers.push((name.to_owned(), reason.to_owned()));
                continue;
            }
            other => {
                return Err(format!("{parameter_at}/in: expected path, query or header, found {other:?}"));
            }
        };
        let kind = reader.kind_of(plan, parameter, &parameter_at, name, query_type, true)?;
        let place = format!("operation/parameters[in={},name={name}]", location.as_str());
        plan.parameters.push(Parameter {
            wire: name.to_owned(),
            location,
            required: parameter.get("required").and_then(Value::as_bool).unwrap_or(false),
            description: schema::description(parameter),
            keywords: Reader::keywords(parameter, &kind),
            kind,
            required_place: format!("{place}/required"),
            schema_place: place,
        });
    }
    Ok(())
}

/// The success response's body and example.
fn responses(plan: &mut Plan, reader: Reader<'_>, operation: &Value, at: &str) -> Result<(), String> {
    for (status, response) in operation.get("responses").and_then(Value::as_object).into_iter().flatten() {
        if !status.starts_with('2') {
            continue;
        }
        let response_at = format!("{at}/responses/{}", pointer::escape(status));
        let description = response.get("description").and_then(Value::as_str).unwrap_or_default().to_owned();
        if plan.success.is_some() {
            return Err(format!("{response_at}: a second success status; `new` writes one"));
        }
        let Some(schema) = response.get("schema") else {
            return Err(format!("{response_at}: expected the body's `schema`"));
        };
        let example =
            response.get("examples").and_then(|examples| examples.get("application/json")).map(|example| {
                Example {
                    value: example.clone(),
                    at: format!("operation/responses/{status}/examples/application~1json"),
                    said: format!("the {status} response's `examples`"),
                }
            });
        let body = reader.struct_of(
            plan,
            schema,
            &format!("{response_at}/schema"),
            "Response",
            example.as_ref().map(|example| &example.value),
        )?;
        plan.success = Some(Success { status: status.clone(), description, body, example });
    }
    Ok(())
}
