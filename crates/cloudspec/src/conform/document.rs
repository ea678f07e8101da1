//! Reads an operation of one of our OpenAPI 3.1 documents into the [`model`](super::model).
//! An API key of the operation's security is read as the header or query parameter it is
//! on the wire, since the vendors list it among the parameters.

use serde_json::Value;

use cloudspec_schema::{openapi, pointer};

use super::model::{self, Located, Operation, Parameter, Required, Response, Schema};

/// The operation `operation_id` of `document`, if it has one.
pub(super) fn operation(document: &Value, operation_id: &str) -> Option<Operation> {
    let found = openapi::find(document, operation_id)?;
    let mut parameters = Vec::new();
    for (list, at) in [
        (found.path_item.get("parameters"), pointer::join(["paths", found.path, "parameters"])),
        (found.value.get("parameters"), format!("{}/parameters", found.pointer)),
    ] {
        for (index, parameter) in list.and_then(Value::as_array).into_iter().flatten().enumerate() {
            let (parameter, at) = openapi::resolve(document, parameter, &format!("{at}/{index}"));
            parameters.extend(self::parameter(document, parameter, &at));
        }
    }
    parameters.extend(api_keys(document, found.value));
    let responses = found
        .value
        .get("responses")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .map(|(status, response)| {
            let at = format!("{}/responses/{}", found.pointer, pointer::escape(status));
            self::response(document, status, response, &at)
        })
        .collect();
    Some(Operation {
        name: Some(Located::new(operation_id.to_owned(), format!("{}/operationId", found.pointer))),
        methods: Located::new(vec![found.method.to_owned()], found.pointer.clone()),
        path: Some(Located::new(found.path.to_owned(), pointer::join(["paths", found.path]))),
        parameters,
        responses,
        lists_error_codes: true,
        at: found.pointer,
    })
}

/// The RPC action an operation stands for: the one value its `Action` parameter admits.
pub(super) fn action(operation: &Operation) -> Option<Located<String>> {
    let parameter = operation.parameters.iter().find(|parameter| parameter.name == "Action")?;
    let schema = parameter.schema.as_ref()?;
    let found = schema.keyword("enum")?;
    match found.value.as_array().map(Vec::as_slice) {
        Some([Value::String(action)]) => Some(Located::new(action.clone(), found.at.clone())),
        _ => None,
    }
}

fn parameter(document: &Value, parameter: &Value, at: &str) -> Option<Parameter> {
    let name = parameter.get("name")?.as_str()?;
    let location = parameter.get("in")?.as_str()?;
    let required = parameter.get("required").and_then(Value::as_bool).unwrap_or(location == "path");
    let schema = parameter
        .get("schema")
        .map(|schema| model::schema(document, schema, &format!("{at}/schema"), Required::Array));
    Some(Parameter::listed(name, location, at, Located::new(required, format!("{at}/required")), schema))
}

/// The API keys of the operation's first security requirement (or the document's), as
/// required string parameters written where their scheme is.
fn api_keys(document: &Value, operation: &Value) -> Vec<Parameter> {
    let requirement = operation
        .get("security")
        .or_else(|| document.get("security"))
        .and_then(Value::as_array)
        .and_then(|alternatives| alternatives.first())
        .and_then(Value::as_object);
    let mut keys = Vec::new();
    for scheme in requirement.into_iter().flat_map(|requirement| requirement.keys()) {
        let at = pointer::join(["components", "securitySchemes", scheme]);
        let Some(scheme) = document.pointer(&at) else { continue };
        if scheme.get("type").and_then(Value::as_str) != Some("apiKey") {
            continue;
        }
        let (Some(name), Some(location)) =
            (scheme.get("name").and_then(Value::as_str), scheme.get("in").and_then(Value::as_str))
        else {
            continue;
        };
        let string = Schema {
            at: at.clone(),
            keywords: vec![("type", Located::new(Value::from("string"), format!("{at}/type")))],
            ..Schema::default()
        };
        keys.push(Parameter::listed(name, location, &at, Located::new(true, at.clone()), Some(string)));
    }
    keys
}

fn response(document: &Value, status: &str, response: &Value, at: &str) -> Response {
    let (response, at) = openapi::resolve(document, response, at);
    let body = response.pointer("/content/application~1json/schema").map(|schema| {
        model::schema(document, schema, &format!("{at}/content/application~1json/schema"), Required::Array)
    });
    let codes = response
        .get("description")
        .and_then(Value::as_str)
        .map(|description| listed_codes(description, &format!("{at}/description")))
        .unwrap_or_default();
    Response { status: status.to_owned(), at, body, codes }
}

/// The codes a response's description lists, one per line as ``- `Code`: message``: the way
/// a provider crate writes the documented error codes of a status.
fn listed_codes(description: &str, at: &str) -> Vec<Located<String>> {
    description
        .lines()
        .filter_map(|line| line.trim_start().strip_prefix("- `"))
        .filter_map(|rest| rest.split_once("`:"))
        .map(|(code, _)| Located::new(code.to_owned(), at))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_codes_only_from_list_items() {
        let codes =
            listed_codes("Error. The codes:\n\n- `InvalidParam`: bad.\n- `X`: y\n\nSee `Other`.", "/d");
        let names: Vec<&str> = codes.iter().map(|code| code.value.as_str()).collect();
        assert_eq!(names, ["InvalidParam", "X"]);
    }
}
