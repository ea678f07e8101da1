//! A plan from one action of Alibaba Cloud's OpenAPI metadata of a product version
//! (`api-docs.json`; see [`crate::conform::aliyun`]): an RPC action, written as the provider
//! writes every action (path `/`, `Action` and `Version` by `rpc::action!`), with the
//! action's own parameters, its response and its documented error codes.

use std::fmt::Write as _;
use std::path::PathBuf;

use base64::Engine as _;
use hmac::{Hmac, Mac as _};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde_json::{Map, Value};

use cloudspec_schema::pointer;

use super::Key;
use super::plan::{ErrorStatus, Example, Kind, Location, Origin, Parameter, Plan, RequestExample, Success};
use super::schema::{self, Dialect, Reader};
use crate::conform::aliyun as metadata;
use crate::conform::model::Required;
use crate::conform::place;

/// The metadata states a property's required-ness in the property, and gives its lists of
/// values in descriptions only (`取值范围`, `可能值`).
const DIALECT: Dialect = Dialect { required: Required::InProperty, described_enums: true, text: linked };

/// Where a link of the metadata's Markdown, `[ListRegions](~~189315~~)`, goes: the document
/// of that number on Alibaba Cloud's help site, as its pages link it.
const LINKED: &str = "https://help.aliyun.com/document_detail/";

/// `text` with the metadata's links to documents by number (`(~~189315~~)`) made URLs.
pub(crate) fn linked(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("(~~") {
        let after = &rest[start + 3..];
        match after.find("~~)") {
            Some(end) if !after[..end].is_empty() && after[..end].chars().all(|c| c.is_ascii_digit()) => {
                let _ = write!(out, "{}({LINKED}{}.html)", &rest[..start], &after[..end]);
                rest = &after[end + 3..];
            }
            _ => {
                out.push_str(&rest[..start + 3]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Whether `file` is Alibaba's OpenAPI metadata.
pub(crate) fn is_metadata(file: &Value) -> bool {
    file.get("apis").is_some() && file.pointer("/info/style").is_some()
}

/// The action of `file` that `requested` names, or else the one `key` names.
pub(super) fn action<'a>(file: &Value, requested: Option<&'a str>, key: &Key<'a>) -> Result<&'a str, String> {
    let action = requested.unwrap_or(key.operation_id);
    if file.pointer(&pointer::join(["apis", action])).is_some() {
        return Ok(action);
    }
    let known: Vec<&str> = file
        .get("apis")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .map(|(name, _)| name.as_str())
        .collect();
    let how = if requested.is_some() { "" } else { "; name the action with --action NAME" };
    Err(format!(
        "/apis: has no action {action:?}{how} (it has {}: {}{})",
        known.len(),
        known.iter().take(8).copied().collect::<Vec<_>>().join(", "),
        if known.len() > 8 { ", ..." } else { "" }
    ))
}

/// Reads the action `action` of the metadata `file` (whose bytes are `bytes`) into a plan for
/// `key`.
pub(super) fn plan(file: &Value, bytes: &[u8], key: &Key<'_>, action: &str) -> Result<Plan, String> {
    let style = file.pointer("/info/style").and_then(Value::as_str).unwrap_or_default();
    if !style.eq_ignore_ascii_case("RPC") {
        return Err(format!(
            "/info/style: {style:?}; `new` writes RPC actions, so write a {style} API by hand \
             (CONTRIBUTING, \"By hand\")"
        ));
    }
    let text = |at: &str| file.pointer(at).and_then(Value::as_str).unwrap_or_default().trim().to_owned();
    let product = text("/info/product").to_lowercase();
    let version = text("/info/version");
    let at = pointer::join(["apis", action]);
    let api = file.pointer(&at).ok_or_else(|| format!("{at}: expected the action"))?;
    let methods: Vec<String> = api
        .get("methods")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(str::to_lowercase)
        .collect();
    // A read action is a GET, which every consumer sends with its query alone.
    let method = if methods.iter().any(|method| method == "get") {
        "get".to_owned()
    } else {
        methods.first().cloned().ok_or_else(|| format!("{at}/methods: expected the action's methods"))?
    };
    let summary = text(&format!("{at}/summary"));
    let summary = if summary.is_empty() { text(&format!("{at}/title")) } else { summary };
    let origin = Origin {
        name: "Alibaba's OpenAPI metadata".to_owned(),
        declaration: vec![
            ("format", metadata::FORMAT.to_owned()),
            ("product", product.clone()),
            ("version", version.clone()),
        ],
        file: PathBuf::from("contracts").join(metadata::file(&product, &version)),
        stored: metadata::normalise(bytes)?,
        source: (
            format!("API Explorer: {} {action}", text("/info/product")),
            "zh-CN",
            format!("https://api.aliyun.com/document/{}/{version}/{action}", text("/info/product")),
        ),
        api_version: Some(version),
    };
    let mut plan = Plan {
        rpc: Some(action.to_owned()),
        method,
        path: "/".to_owned(),
        summary: linked(&summary),
        description: linked(&text(&format!("{at}/description"))),
        tags: directory(file, action).into_iter().collect(),
        ..Plan::new(key, action.to_owned(), origin)
    };
    let reader = Reader { file, dialect: DIALECT };
    parameters(&mut plan, reader, api, &at)?;
    response(&mut plan, reader, api, &at)?;
    plan.errors = errors(file, api, &at);
    plan.example_request = Some(request(&plan, api, &at)?);
    Ok(plan)
}

/// The title of the directory (the API Explorer's group) that lists `action`.
fn directory(file: &Value, action: &str) -> Option<String> {
    file.get("directories")?.as_array()?.iter().find_map(|directory| {
        let children = directory.get("children")?.as_array()?;
        children
            .iter()
            .any(|child| child.as_str() == Some(action))
            .then(|| directory.get("title")?.as_str().map(str::to_owned))
            .flatten()
    })
}

/// The action's own parameters: each a query parameter whose `schema` holds its type,
/// required-ness, bounds and description.
fn parameters(plan: &mut Plan, reader: Reader<'_>, api: &Value, at: &str) -> Result<(), String> {
    let query_type = plan.query_type();
    for (index, parameter) in
        api.get("parameters").and_then(Value::as_array).into_iter().flatten().enumerate()
    {
        let parameter_at = format!("{at}/parameters/{index}");
        let name = parameter
            .get("name")
            .and_then(Value::as_str)
            .ok_or_else(|| format!("{parameter_at}/name: expected the parameter's name"))?;
        if parameter.get("in").and_then(Value::as_str) != Some("query") {
            return Err(format!("{parameter_at}/in: expected query, as an RPC action sends its parameters"));
        }
        let schema_at = format!("{parameter_at}/schema");
        let schema = parameter.get("schema").ok_or_else(|| format!("{schema_at}: expected the schema"))?;
        let kind = reader.kind_of(plan, schema, &schema_at, name, &query_type, true)?;
        if matches!(kind, Kind::Array(_) | Kind::Struct(_) | Kind::AnyObject) {
            let style = parameter.get("style").and_then(Value::as_str).unwrap_or("flat");
            return Err(format!(
                "{parameter_at}: {name:?} is a list or an object sent as `style: {style}` \
                 (`{name}.1=...`, or JSON), which `new` does not write; write the action by hand \
                 (CONTRIBUTING, \"By hand\")"
            ));
        }
        let place = format!("operation/parameters[in=query,name={name}]");
        plan.parameters.push(Parameter {
            wire: name.to_owned(),
            location: Location::Query,
            required: schema.get("required").and_then(Value::as_bool).unwrap_or(false),
            description: linked(&schema::description(schema)),
            keywords: Reader::keywords(schema, &kind),
            kind,
            required_place: format!("{place}/schema/required"),
            schema_place: format!("{place}/schema"),
        });
    }
    Ok(())
}

/// The success response, its body named after the action, and its JSON example from
/// `responseDemo`.
fn response(plan: &mut Plan, reader: Reader<'_>, api: &Value, at: &str) -> Result<(), String> {
    let Some((status, response)) = api
        .get("responses")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .find(|(status, _)| status.starts_with('2'))
    else {
        return Ok(());
    };
    let response_at = format!("{at}/responses/{}", pointer::escape(status));
    let schema =
        response.get("schema").ok_or_else(|| format!("{response_at}: expected the body's `schema`"))?;
    let example = demo(api).map(|value| Example {
        value,
        at: "operation/responseDemo".to_owned(),
        said: "the JSON example of its `responseDemo`".to_owned(),
    });
    let name = format!("{}Response", plan.vendor_name);
    let body = reader.struct_of(
        plan,
        schema,
        &format!("{response_at}/schema"),
        &name,
        example.as_ref().map(|example| &example.value),
    )?;
    // What the body is, or else what the action gets: the status's description says both.
    let described = schema::description(schema);
    let described = if described.is_empty() {
        api.get("title").and_then(Value::as_str).unwrap_or_default().trim().to_owned()
    } else {
        described
    };
    plan.success = Some(Success { status: status.clone(), description: linked(&described), body, example });
    Ok(())
}

/// The JSON example of `responseDemo`: JSON text of a list of examples, each of a `type`
/// (`json`, `xml`) with its `example` as text.
fn demo(api: &Value) -> Option<Value> {
    let demos: Value = serde_json::from_str(api.get("responseDemo")?.as_str()?).ok()?;
    demos.as_array()?.iter().find_map(|demo| {
        (demo.get("type")?.as_str()? == "json")
            .then(|| serde_json::from_str(demo.get("example")?.as_str()?).ok())
            .flatten()
    })
}

/// The statuses of `errorCodes`, each with its codes, their messages and places.
fn errors(file: &Value, api: &Value, at: &str) -> Vec<ErrorStatus> {
    let mut statuses = Vec::new();
    for (status, codes) in api.get("errorCodes").and_then(Value::as_object).into_iter().flatten() {
        let codes_at = format!("{at}/errorCodes/{}", pointer::escape(status));
        let codes = codes
            .as_array()
            .into_iter()
            .flatten()
            .enumerate()
            .filter_map(|(index, code)| {
                let name = code.get("errorCode")?.as_str()?.to_owned();
                let message = code.get("errorMessage").and_then(Value::as_str).unwrap_or_default().to_owned();
                Some((name, message, place::of(file, at, &format!("{codes_at}/{index}"))))
            })
            .collect();
        statuses.push(ErrorStatus { status: status.clone(), codes });
    }
    statuses
}

/// The example values of the action's parameters, as their schemas give them.
fn request(plan: &Plan, api: &Value, at: &str) -> Result<RequestExample, String> {
    let mut example = RequestExample::default();
    let mut shown = Vec::new();
    for parameter in api.get("parameters").and_then(Value::as_array).into_iter().flatten() {
        let name = parameter.get("name").and_then(Value::as_str).unwrap_or_default();
        let Some(value) = parameter.pointer("/schema/example").and_then(Value::as_str) else { continue };
        example.query.insert(
            name.to_owned(),
            plan.query_value(name, value).map_err(|error| format!("{at}: {error}"))?,
        );
        shown.push(format!("`{name}`"));
    }
    example.said = if shown.is_empty() {
        "The metadata gives no example values of the action's parameters".to_owned()
    } else {
        format!(
            "The example values Alibaba's OpenAPI metadata gives the action's parameters ({})",
            shown.join(", ")
        )
    };
    Ok(example)
}

/// The AccessKey pair and signature values of the example of Alibaba Cloud's "Request
/// signatures" page (signature v1), which every documented RPC request of the catalog signs
/// with (`tests/requests/README.md`; `consumers/wire/check.py` checks the code against the
/// page's own result).
const SIGNED_BY: [(&str, &str); 6] = [
    ("Format", "JSON"),
    ("AccessKeyId", "testid"),
    ("SignatureMethod", "HMAC-SHA1"),
    ("Timestamp", "2016-02-23T12:46:24Z"),
    ("SignatureVersion", "1.0"),
    ("SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"),
];
const SECRET: &str = "testsecret";

/// What the requests' README adds of the signature.
pub(crate) const SIGNED_SAID: &str = concat!(
    "with `Action` and `Version`, and the common parameters of Alibaba's \"Request signatures\" ",
    "example (`AccessKeyId=testid`, its `Timestamp` and `SignatureNonce`), `Format=JSON`; ",
    "`Signature` is the signature v1 of these values with the example's AccessKey secret `testsecret`"
);

/// The query of an RPC request: `Action`, `Version` and the signature v1 parameters, then
/// `own`, the action's parameters, then `Signature`, computed.
pub(super) fn signed(action: &str, version: &str, own: &Map<String, Value>) -> Map<String, Value> {
    let mut query = Map::new();
    query.insert("Action".to_owned(), Value::from(action));
    query.insert("Version".to_owned(), Value::from(version));
    for (name, value) in SIGNED_BY {
        query.insert(name.to_owned(), Value::from(value));
    }
    query.extend(own.iter().map(|(name, value)| (name.clone(), value.clone())));
    let signature = sign_v1(&query, SECRET);
    query.insert("Signature".to_owned(), Value::from(signature));
    query
}

/// What signature v1 leaves unencoded: RFC 3986's unreserved characters.
const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'.').remove(b'~');

/// Signature v1 of a GET to `/`: Base64 of the HMAC-SHA1, keyed by `secret&`, of
/// `GET&%2F&` and the percent-encoded, sorted query less `Signature`.
pub(crate) fn sign_v1(query: &Map<String, Value>, secret: &str) -> String {
    let encode = |text: &str| utf8_percent_encode(text, UNRESERVED).to_string();
    let text = |value: &Value| value.as_str().map_or_else(|| value.to_string(), str::to_owned);
    let mut pairs: Vec<(&String, &Value)> = query.iter().filter(|(name, _)| *name != "Signature").collect();
    pairs.sort_by_key(|(name, _)| *name);
    let canonical: Vec<String> =
        pairs.iter().map(|(name, value)| format!("{}={}", encode(name), encode(&text(value)))).collect();
    let signed = format!("GET&%2F&{}", encode(&canonical.join("&")));
    // HMAC takes a key of any length: the error is never returned.
    let Ok(mut mac) = Hmac::<sha1::Sha1>::new_from_slice(format!("{secret}&").as_bytes()) else {
        return String::new();
    };
    mac.update(signed.as_bytes());
    base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    /// The example of Alibaba Cloud's "Request signatures" page comes out.
    #[test]
    fn signs_the_pages_example() {
        let query = json!({
            "Timestamp": "2016-02-23T12:46:24Z", "Format": "XML", "AccessKeyId": "testid",
            "Action": "DescribeRegions", "SignatureMethod": "HMAC-SHA1",
            "SignatureNonce": "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf", "Version": "2014-05-26",
            "SignatureVersion": "1.0",
        });
        let Value::Object(query) = query else { unreachable!("an object") };
        assert_eq!(sign_v1(&query, "testsecret"), "OLeaidS1JvxuMvnyHOwuJ+uX5qY=");
    }

    #[test]
    fn links_to_documents_by_number_become_urls() {
        assert_eq!(
            linked("调用[ListRegions](~~189315~~)查询。(~~x~~)"),
            "调用[ListRegions](https://help.aliyun.com/document_detail/189315.html)查询。(~~x~~)"
        );
    }
}
