//! Huawei Cloud API Explorer's definition of one operation: a Swagger 2.0 shape (`paths`,
//! `parameters`, `definitions`, `responses` with a `schema` each, `x-*` extensions) inside a
//! wrapper that names the product (`product_short`), the operation (`name`) and the region.
//! Parameters other than `in: body` carry their schema keywords themselves, as Swagger 2.0
//! writes them. The format lists no error codes.

use serde_json::Value;

use cloudspec_schema::pointer;

use super::model::{self, Located, Operation, Parameter, Required, Response};
use cloudspec_schema::openapi::{self, METHODS};

/// The name of the format in a `.conform.yaml` file.
pub(crate) const FORMAT: &str = "huawei-api-explorer";

/// The region whose API Explorer serves the definition; the definitions are the same in
/// every region that has the product.
pub(crate) const REGION: &str = "cn-north-4";

/// `huaweicloud/<product>/<operation>.json`, under the contracts directory.
pub(crate) fn file(product: &str, operation: &str) -> String {
    format!("huaweicloud/{product}/{operation}.json")
}

/// Where API Explorer publishes the definition.
pub(crate) fn url(product: &str, operation: &str) -> String {
    format!(
        "https://console.huaweicloud.com/apiexplorer/new/v4/apis/detail?product_short={product}&\
        name={operation}&region_id={REGION}"
    )
}

/// The file as it is stored: compact JSON with every object's keys sorted, which is how the
/// public mirror writes API Explorer's answer (so a refresh of an unchanged definition
/// changes no byte). API Explorer answers a refused request with `error_code` and
/// `error_msg`, which is not a definition.
pub(crate) fn normalise(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let value: Value = serde_json::from_slice(bytes).map_err(|error| format!("not JSON: {error}"))?;
    if let (Some(code), Some(message)) = (value.get("error_code"), value.get("error_msg")) {
        return Err(format!("API Explorer answered with an error: {code} {message}"));
    }
    if value.get("paths").is_none() {
        return Err("not an API Explorer definition: it has no `paths`".to_owned());
    }
    Ok(sorted(&value).to_string().into_bytes())
}

fn sorted(value: &Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            Value::Object(keys.into_iter().map(|key| (key.clone(), sorted(&map[key]))).collect())
        }
        Value::Array(items) => Value::Array(items.iter().map(sorted).collect()),
        other => other.clone(),
    }
}

/// The one operation of the definition.
pub(crate) fn operation(file: &Value) -> Result<Operation, String> {
    let mut found = Vec::new();
    for (path, item) in file.get("paths").and_then(Value::as_object).into_iter().flatten() {
        for (method, operation) in item.as_object().into_iter().flatten() {
            if METHODS.contains(&method.as_str()) {
                found.push((path, item, method, operation));
            }
        }
    }
    let [(path, item, method, operation)] = found.as_slice() else {
        return Err(format!("/paths: expected exactly one operation, found {}", found.len()));
    };
    let at = pointer::join(["paths", path, method]);
    let name = operation
        .get("operationId")
        .and_then(Value::as_str)
        .map(|name| Located::new(name.to_owned(), format!("{at}/operationId")))
        .or_else(|| {
            file.get("name").and_then(Value::as_str).map(|name| Located::new(name.to_owned(), "/name"))
        });
    let mut parameters = Vec::new();
    for (list, list_at) in [
        (item.get("parameters"), pointer::join(["paths", path, "parameters"])),
        (operation.get("parameters"), format!("{at}/parameters")),
    ] {
        for (index, parameter) in list.and_then(Value::as_array).into_iter().flatten().enumerate() {
            let (parameter, parameter_at) = openapi::resolve(file, parameter, &format!("{list_at}/{index}"));
            parameters.extend(self::parameter(file, parameter, &parameter_at));
        }
    }
    let responses = operation
        .get("responses")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .map(|(status, response)| {
            let response_at = format!("{at}/responses/{}", pointer::escape(status));
            let (response, response_at) = openapi::resolve(file, response, &response_at);
            let body = response
                .get("schema")
                .map(|schema| model::schema(file, schema, &format!("{response_at}/schema"), Required::Array));
            Response { status: status.clone(), at: response_at, body, codes: Vec::new() }
        })
        .collect();
    Ok(Operation {
        name,
        methods: Located::new(vec![(*method).clone()], at.clone()),
        path: Some(Located::new((*path).clone(), pointer::join(["paths", path]))),
        parameters,
        responses,
        lists_error_codes: false,
        at,
    })
}

fn parameter(file: &Value, parameter: &Value, at: &str) -> Option<Parameter> {
    let name = parameter.get("name")?.as_str()?;
    let location = parameter.get("in")?.as_str()?;
    let required = parameter.get("required").and_then(Value::as_bool).unwrap_or(false);
    let schema = if location == "body" {
        parameter
            .get("schema")
            .map(|schema| model::schema(file, schema, &format!("{at}/schema"), Required::Array))
    } else {
        Some(model::schema(file, parameter, at, Required::Array))
    };
    Some(Parameter::listed(name, location, at, Located::new(required, format!("{at}/required")), schema))
}
