//! Alibaba Cloud's OpenAPI metadata of one product version (`api-docs.json`): `info.style`
//! (`RPC` or `ROA`), and `apis.<Name>` with `methods`, `parameters[]` (`name`, `in`, and a
//! `schema` that holds `required`, `enum` and bounds written as strings), `responses` with a
//! `schema` each, and `errorCodes` by status.
//!
//! An RPC action is found by the value of the document's `Action` parameter, whatever its
//! path. Its metadata lists only the action's own parameters: `Action` (the API's name) and
//! `Version` (`info.version`) are read from where the metadata says them, and the other
//! common parameters of Alibaba's RPC protocol are taken as present without a schema to
//! compare.

use serde_json::Value;

use cloudspec_schema::pointer;

use super::model::{self, Located, Operation, Parameter, Required, Response, Schema};

/// The name of the format in a `.conform.yaml` file.
pub(crate) const FORMAT: &str = "aliyun-openapi-metadata";

/// The common parameters of an RPC request besides `Action` and `Version`, which no action's
/// metadata lists (Alibaba Cloud's "common parameters" page).
pub(crate) const RPC_COMMON: [&str; 9] = [
    "Format",
    "AccessKeyId",
    "Signature",
    "SignatureMethod",
    "SignatureVersion",
    "SignatureNonce",
    "Timestamp",
    "ResourceOwnerAccount",
    "SecurityToken",
];

/// `aliyun/<product>/<version>/api-docs.json`, under the contracts directory.
pub(crate) fn file(product: &str, version: &str) -> String {
    format!("aliyun/{product}/{version}/api-docs.json")
}

/// Where Alibaba Cloud publishes the metadata.
pub(crate) fn url(product: &str, version: &str) -> String {
    format!("https://api.aliyun.com/meta/v1/products/{product}/versions/{version}/api-docs.json")
}

/// The file as it is stored: the bytes served, once they are known to be the metadata.
pub(crate) fn normalise(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let value: Value = serde_json::from_slice(bytes).map_err(|error| format!("not JSON: {error}"))?;
    if value.get("apis").is_none() || value.pointer("/info/style").is_none() {
        return Err("not OpenAPI metadata: it has no `apis` or no `info.style`".to_owned());
    }
    Ok(bytes.to_vec())
}

/// The API named `action` (for an RPC product, the document's `Action`; for ROA, its
/// operationId).
pub(crate) fn operation(file: &Value, action: &str) -> Result<Operation, String> {
    let at = pointer::join(["apis", action]);
    let Some(api) = file.pointer(&at) else {
        let known: Vec<&String> =
            file.get("apis").and_then(Value::as_object).into_iter().flatten().map(|(name, _)| name).collect();
        return Err(format!("/apis: has no API {action:?}; it has {}", known.len()));
    };
    let rpc = file
        .pointer("/info/style")
        .and_then(Value::as_str)
        .is_none_or(|style| style.eq_ignore_ascii_case("RPC"));
    let methods = api
        .get("methods")
        .and_then(Value::as_array)
        .map(|methods| methods.iter().filter_map(Value::as_str).map(str::to_lowercase).collect())
        .unwrap_or_default();
    let mut parameters = Vec::new();
    for (index, parameter) in
        api.get("parameters").and_then(Value::as_array).into_iter().flatten().enumerate()
    {
        parameters.extend(self::parameter(file, parameter, &format!("{at}/parameters/{index}")));
    }
    if rpc {
        parameters.extend(rpc_parameters(file, action, &at));
    }
    let mut responses: Vec<Response> = Vec::new();
    for (status, response) in api.get("responses").and_then(Value::as_object).into_iter().flatten() {
        let response_at = format!("{at}/responses/{}", pointer::escape(status));
        let body = response.get("schema").map(|schema| {
            model::schema(file, schema, &format!("{response_at}/schema"), Required::InProperty)
        });
        responses.push(Response { status: status.clone(), at: response_at, body, codes: Vec::new() });
    }
    let error_codes = api.get("errorCodes").and_then(Value::as_object);
    for (status, codes) in error_codes.into_iter().flatten() {
        let codes_at = format!("{at}/errorCodes/{}", pointer::escape(status));
        let listed: Vec<Located<String>> = codes
            .as_array()
            .into_iter()
            .flatten()
            .enumerate()
            .filter_map(|(index, code)| {
                let name = code.get("errorCode")?.as_str()?;
                Some(Located::new(name.to_owned(), format!("{codes_at}/{index}/errorCode")))
            })
            .collect();
        if let Some(response) = responses.iter_mut().find(|response| &response.status == status) {
            response.codes.extend(listed);
        } else {
            responses.push(Response { status: status.clone(), at: codes_at, body: None, codes: listed });
        }
    }
    let path = (!rpc)
        .then(|| api.get("path").and_then(Value::as_str))
        .flatten()
        .map(|path| Located::new(path.to_owned(), format!("{at}/path")));
    Ok(Operation {
        name: None,
        methods: Located::new(methods, format!("{at}/methods")),
        path,
        parameters,
        responses,
        lists_error_codes: error_codes.is_some(),
        at,
    })
}

fn parameter(file: &Value, parameter: &Value, at: &str) -> Option<Parameter> {
    let name = parameter.get("name")?.as_str()?;
    let location = parameter.get("in")?.as_str()?;
    let schema_at = format!("{at}/schema");
    let schema = parameter.get("schema");
    let required = schema.and_then(|schema| schema.get("required")).and_then(Value::as_bool).unwrap_or(false);
    let required = Located::new(required, format!("{schema_at}/required"));
    let schema = schema.map(|schema| model::schema(file, schema, &schema_at, Required::InProperty));
    Some(Parameter::listed(name, location, at, required, schema))
}

/// `Action` and `Version`, each a required query string of one value, written where the
/// metadata names the API and its version; then the other common parameters.
fn rpc_parameters(file: &Value, action: &str, api_at: &str) -> Vec<Parameter> {
    let fixed = |name: &str, value: Value, at: &str| {
        let schema = Schema {
            at: at.to_owned(),
            keywords: vec![
                ("type", Located::new(Value::from("string"), "/info/style")),
                ("enum", Located::new(Value::Array(vec![value]), at)),
            ],
            ..Schema::default()
        };
        Parameter {
            name: name.to_owned(),
            implied: false,
            location: Located::new("query".to_owned(), "/info/style"),
            required: Some(Located::new(true, "/info/style")),
            schema: Some(schema),
            at: at.to_owned(),
        }
    };
    let mut parameters = vec![fixed("Action", Value::from(action), api_at)];
    if let Some(version) = file.pointer("/info/version") {
        parameters.push(fixed("Version", version.clone(), "/info/version"));
    }
    parameters.extend(RPC_COMMON.iter().map(|name| Parameter {
        name: (*name).to_owned(),
        implied: true,
        location: Located::new("query".to_owned(), "/info/style"),
        required: None,
        schema: None,
        at: "/info/style".to_owned(),
    }));
    parameters
}
