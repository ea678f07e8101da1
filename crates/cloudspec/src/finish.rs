//! Finishing: what utoipa leaves out or fills in from Cargo, the pipeline sets from the
//! endpoint descriptor, so that every document is complete in the same way.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde_json::{Map, Value, json};
use utoipa::openapi::{
    ComponentsBuilder, ContentBuilder, OpenApiBuilder, Ref, ResponseBuilder, ResponsesBuilder,
};
use utoipa::openapi::{HeaderBuilder, RefOr, Responses};

use cloudspec_endpoint::{ApiKeyLocation, Endpoint};
use cloudspec_schema::pointer;

use crate::citations::Note;

/// The name of the example embedded from a fixture, under `examples` of a media type.
pub const DOCUMENTED_EXAMPLE: &str = "documented";

/// The extension of an embedded example that names its fixture, relative to the root.
pub(crate) const FIXTURE: &str = "x-cloudspec-fixture";

/// Where a document cannot be finished.
#[derive(Debug, thiserror::Error)]
pub enum FinishError {
    #[error("utoipa's document does not serialize: {0}")]
    Serialize(#[from] serde_json::Error),
    #[error("the document has no operation {0:?}")]
    NoOperation(String),
    #[error("the document has {0} operations; one document models one operation")]
    OperationCount(usize),
    #[error(
        "{pointer}: #[utoipa::path] declares responses; declare each in the descriptor's \
        `responses` (or the service's `errors`), once"
    )]
    ResponsesInPath { pointer: String },
    #[error(
        "{pointer}: #[utoipa::path] names the operation {written}; the descriptor names it \
        ({operation_id:?}), and only the descriptor may"
    )]
    OperationIdInPath { pointer: String, written: Value, operation_id: String },
    #[error("response {0} is declared twice: by the endpoint and by its service, or twice by one of them")]
    DuplicateStatus(u16),
    #[error(
        "{pointer}: tag {tag:?} is not declared by the service descriptor (expected one of {declared:?})"
    )]
    UndeclaredTag { pointer: String, tag: String, declared: Vec<&'static str> },
    #[error("the descriptor names no documentation page: every document models at least one")]
    NoSources,
    #[error("server URL {0:?} has no {{region}} variable")]
    ServerWithoutRegion(&'static str),
    #[error(
        "{0}: a server here would override the service's; servers come from the service descriptor, \
        with a {{region}} variable"
    )]
    ServerInPaths(String),
    #[error("example {file}: response {status} is not documented for this operation")]
    ExampleWithoutResponse { file: String, status: String },
}

/// A fixture to embed as the example of one response.
#[derive(Debug)]
pub struct Example {
    pub status: String,
    /// The fixture's path relative to the workspace root, named in the example's description.
    pub file: String,
    pub value: Value,
    /// Where the example comes from, in a few words: the example's summary.
    pub summary: String,
    /// Where it comes from, in full: the example's description, before the file's name.
    pub source: String,
}

/// Turns the utoipa document of `endpoint` into the finished document, with `notes` on its
/// sources rendered into the operation's description.
pub fn finish(endpoint: &Endpoint, examples: &[Example], notes: &[Note]) -> Result<Value, FinishError> {
    if endpoint.sources.is_empty() {
        return Err(FinishError::NoSources);
    }
    let mut document = utoipa_document(endpoint)?;
    let operation_pointer = single_operation(&document)?;
    no_servers_in_paths(&document)?;

    let used_tags = apply_operation_defaults(&mut document, &operation_pointer, endpoint)?;
    if let Some(operation) = document.pointer_mut(&operation_pointer).and_then(Value::as_object_mut) {
        let description = operation.get("description").and_then(Value::as_str).unwrap_or_default();
        let described = crate::citations::with_notes(description, notes);
        if !described.is_empty() {
            operation.insert("description".into(), Value::String(described));
        }
    }
    for example in examples {
        embed_example(&mut document, &operation_pointer, example)?;
    }
    let name = rpc_action(&document, &operation_pointer).unwrap_or(endpoint.operation_id).to_owned();
    let Value::Object(mut root) = document else { unreachable!("an OpenAPI document is an object") };
    let mut finished = Map::new();
    finished.insert("openapi".into(), root.remove("openapi").unwrap_or_else(|| json!("3.1.0")));
    finished.insert("info".into(), info(endpoint, &name));
    finished.insert("servers".into(), servers(endpoint)?);
    finished.insert("tags".into(), tags(endpoint, &used_tags));
    for key in ["paths", "components"] {
        if let Some(value) = root.remove(key) {
            finished.insert(key.into(), value);
        }
    }
    root.remove("info");
    root.remove("servers");
    root.remove("tags");
    // Whatever else utoipa wrote follows, in its own order.
    finished.extend(root);
    add_security_schemes(&mut finished, endpoint);
    let mut finished = Value::Object(finished);
    hoist_nullable_descriptions(&mut finished);
    sort_extensions(&mut finished);
    Ok(finished)
}

/// What utoipa's types say of `endpoint`: its one operation, named after the descriptor and
/// with the responses the descriptor declares (the service's errors among them), and the
/// components of their body types.
pub fn utoipa_document(endpoint: &Endpoint) -> Result<Value, FinishError> {
    let (responses, schemas) = responses(endpoint)?;
    let openapi = OpenApiBuilder::new()
        .paths(endpoint.operation.paths())
        .components(Some(ComponentsBuilder::new().schemas_from_iter(schemas).build()))
        .build();
    let mut document = serde_json::to_value(openapi)?;
    let pointer = single_operation(&document)?;
    let operation = document
        .pointer_mut(&pointer)
        .and_then(Value::as_object_mut)
        .ok_or_else(|| FinishError::NoOperation(endpoint.operation_id.to_owned()))?;
    // The descriptor names the operation (`Operation::of` drops the name utoipa makes up).
    if let Some(written) = operation.get("operationId") {
        return Err(FinishError::OperationIdInPath {
            pointer: format!("{pointer}/operationId"),
            written: written.clone(),
            operation_id: endpoint.operation_id.to_owned(),
        });
    }
    name_operation(operation, endpoint.operation_id);
    if operation.get("responses").and_then(Value::as_object).is_some_and(|declared| !declared.is_empty()) {
        return Err(FinishError::ResponsesInPath { pointer: format!("{pointer}/responses") });
    }
    operation.insert("responses".into(), serde_json::to_value(responses)?);
    Ok(document)
}

/// Writes `operation_id` where utoipa writes an operationId (before what follows it in
/// utoipa's `Operation`), so that the documents read as they always have.
fn name_operation(operation: &mut serde_json::Map<String, Value>, operation_id: &str) {
    const AFTER: [&str; 8] = [
        "externalDocs",
        "parameters",
        "requestBody",
        "responses",
        "callbacks",
        "deprecated",
        "security",
        "servers",
    ];
    let members = std::mem::take(operation);
    let mut named = false;
    for (key, value) in members {
        if !named && AFTER.contains(&key.as_str()) {
            operation.insert("operationId".into(), json!(operation_id));
            named = true;
        }
        operation.insert(key, value);
    }
    if !named {
        operation.insert("operationId".into(), json!(operation_id));
    }
}

/// The responses of `endpoint`, each an `application/json` reference to its body type's
/// component (and the text its body may come as instead), and every component those refer to.
#[expect(clippy::type_complexity, reason = "utoipa's own shape of a list of components")]
fn responses(
    endpoint: &Endpoint,
) -> Result<(Responses, Vec<(String, RefOr<utoipa::openapi::Schema>)>), FinishError> {
    let mut responses = ResponsesBuilder::new();
    let mut schemas = Vec::new();
    let mut statuses = Vec::new();
    for declared in endpoint.all_responses() {
        if statuses.contains(&declared.status) {
            return Err(FinishError::DuplicateStatus(declared.status));
        }
        statuses.push(declared.status);
        let components = declared.body.components();
        let name = components.first().map(|(name, _)| name.clone()).unwrap_or_default();
        schemas.extend(components);
        let content = ContentBuilder::new().schema(Some(Ref::from_schema_name(name))).build();
        let mut response =
            ResponseBuilder::new().description(declared.description).content("application/json", content);
        if let Some(alternative) = declared.alternative {
            let text = utoipa::openapi::schema::ObjectBuilder::new()
                .schema_type(utoipa::openapi::schema::Type::String)
                .description(Some(alternative.description));
            if !schemas.iter().any(|(name, _)| name == alternative.schema_name) {
                schemas.push((alternative.schema_name.to_owned(), text.into()));
            }
            let content =
                ContentBuilder::new().schema(Some(Ref::from_schema_name(alternative.schema_name))).build();
            response = response.content(alternative.media_type, content);
        }
        for header in declared.headers {
            let value =
                HeaderBuilder::new().schema(Some((header.schema)())).description(Some(header.description));
            response = response.header(header.name, value.build());
        }
        responses = responses.response(declared.status.to_string(), response.build());
    }
    Ok((responses.build(), schemas))
}

/// The pointer to the document's one operation.
fn single_operation(document: &Value) -> Result<String, FinishError> {
    match cloudspec_schema::openapi::operations(document).as_slice() {
        [operation] => Ok(operation.pointer.clone()),
        operations => Err(FinishError::OperationCount(operations.len())),
    }
}

/// The only servers are the service's, at the root: a path item's or an operation's would
/// replace them without the `{region}` variable a client picks the region with.
fn no_servers_in_paths(document: &Value) -> Result<(), FinishError> {
    let paths = document.get("paths").and_then(Value::as_object).into_iter().flatten();
    let path_items =
        paths.map(|(path, item)| (cloudspec_schema::pointer::join(["paths", path.as_str()]), item));
    let operations =
        cloudspec_schema::openapi::operations(document).into_iter().map(|op| (op.pointer, op.value));
    match path_items.chain(operations).find(|(_, holder)| holder.get("servers").is_some()) {
        Some((at, _)) => Err(FinishError::ServerInPaths(format!("{at}/servers"))),
        None => Ok(()),
    }
}

/// Security, tags' declaration, and response descriptions: the parts of an operation
/// that are the same for every endpoint of a provider. Returns the tags it uses.
fn apply_operation_defaults(
    document: &mut Value,
    operation_pointer: &str,
    endpoint: &Endpoint,
) -> Result<Vec<String>, FinishError> {
    let operation = document
        .pointer_mut(operation_pointer)
        .and_then(Value::as_object_mut)
        .ok_or_else(|| FinishError::NoOperation(endpoint.operation_id.to_owned()))?;

    if !operation.contains_key("security") {
        let requirement: Map<String, Value> =
            endpoint.provider.security.iter().map(|scheme| (scheme.name.to_owned(), json!([]))).collect();
        operation.insert("security".into(), json!([requirement]));
    }

    let declared: Vec<&'static str> = endpoint.service.tags.iter().map(|tag| tag.name).collect();
    let used: Vec<String> = operation
        .get("tags")
        .and_then(Value::as_array)
        .map(|tags| tags.iter().filter_map(Value::as_str).map(str::to_owned).collect())
        .unwrap_or_default();
    if let Some(tag) = used.iter().find(|tag| !declared.contains(&tag.as_str())) {
        return Err(FinishError::UndeclaredTag {
            pointer: format!("{operation_pointer}/tags"),
            tag: tag.clone(),
            declared,
        });
    }

    if let Some(responses) = operation.get_mut("responses").and_then(Value::as_object_mut) {
        for (status, response) in responses.iter_mut() {
            let Some(response) = response.as_object_mut() else { continue };
            if response.get("description").and_then(Value::as_str).is_none_or(str::is_empty) {
                response.insert("description".into(), json!(reason_phrase(status)));
            }
            // OpenAPI requires `description` first in spirit if not in letter: readers look for it there.
            let ordered = move_to_front(std::mem::take(response), "description");
            *response = ordered;
        }
    }
    Ok(used)
}

fn move_to_front(mut object: Map<String, Value>, key: &str) -> Map<String, Value> {
    let mut ordered = Map::new();
    if let Some(value) = object.remove(key) {
        ordered.insert(key.to_owned(), value);
    }
    ordered.extend(object);
    ordered
}

fn embed_example(
    document: &mut Value,
    operation_pointer: &str,
    example: &Example,
) -> Result<(), FinishError> {
    // Every documented response has `application/json` content: the descriptor declares no other.
    let media_pointer = format!(
        "{operation_pointer}{}",
        pointer::join(["responses", &example.status, "content", "application/json"])
    );
    let media = document.pointer_mut(&media_pointer).and_then(Value::as_object_mut).ok_or_else(|| {
        FinishError::ExampleWithoutResponse { file: example.file.clone(), status: example.status.clone() }
    })?;
    let examples = media.entry("examples").or_insert_with(|| json!({}));
    // The fixture's path is for the reviewer of `spec/`, not the reader of the reference: an
    // extension, beside the description a reader sees.
    examples[DOCUMENTED_EXAMPLE] = json!({
        "summary": example.summary,
        "description": example.source,
        "value": example.value,
        FIXTURE: example.file,
    });
    Ok(())
}

/// The RPC action the operation stands for: the one value of its required `Action` query
/// parameter. An RPC operation's id is unique in the catalog (`SwasListImages`); the vendor,
/// and so the title, names it by its action (`ListImages`).
fn rpc_action<'a>(document: &'a Value, operation: &str) -> Option<&'a str> {
    let parameters = document.pointer(&format!("{operation}/parameters"))?.as_array()?;
    let action = parameters.iter().find(|parameter| {
        parameter.get("in") == Some(&json!("query")) && parameter.get("name") == Some(&json!("Action"))
    })?;
    match action.pointer("/schema/enum")?.as_array()?.as_slice() {
        [Value::String(name)] => Some(name),
        _ => None,
    }
}

/// `name` is what the vendor calls the operation.
fn info(endpoint: &Endpoint, name: &str) -> Value {
    let mut description = String::from("Generated by cloudspec from the documentation page");
    description.push_str(if endpoint.sources.len() == 1 { ":\n" } else { "s:\n" });
    for source in endpoint.sources {
        let _ = write!(description, "\n- [{}]({}) ({})", source.title, source.url, source.locale);
    }
    description.push_str(
        "\n\nWhere the pages and other public sources disagree, the descriptions below say which source \
         was followed and why.",
    );
    json!({
        "title": format!("{} {}: {name}", endpoint.provider.name, endpoint.service.name),
        "description": description,
        "version": endpoint.api_version.unwrap_or(endpoint.service.api_version),
    })
}

fn servers(endpoint: &Endpoint) -> Result<Value, FinishError> {
    let server = &endpoint.service.server;
    if !server.url.contains("{region}") {
        return Err(FinishError::ServerWithoutRegion(server.url));
    }
    let mut region = Map::new();
    region.insert("default".into(), json!(server.default_region));
    if !server.regions.is_empty() {
        region.insert("enum".into(), json!(server.regions));
    }
    region.insert("description".into(), json!(server.description));
    Ok(json!([{
        "url": server.url,
        "description": format!("{} endpoint of a region", endpoint.service.name),
        "variables": { "region": region },
    }]))
}

fn tags(endpoint: &Endpoint, used: &[String]) -> Value {
    endpoint
        .service
        .tags
        .iter()
        .filter(|tag| used.iter().any(|name| name == tag.name))
        // Renderers show `x-displayName` (Redoc's extension) in place of the name, which
        // generators use as an identifier: a locale translates the one, never the other.
        .map(|tag| json!({ "name": tag.name, "description": tag.description, "x-displayName": tag.name }))
        .collect()
}

fn add_security_schemes(root: &mut Map<String, Value>, endpoint: &Endpoint) {
    let schemes: BTreeMap<&str, Value> = endpoint
        .provider
        .security
        .iter()
        .map(|scheme| {
            let location = match scheme.location {
                ApiKeyLocation::Header => "header",
                ApiKeyLocation::Query => "query",
            };
            (
                scheme.name,
                json!({
                    "type": "apiKey",
                    "name": scheme.parameter,
                    "in": location,
                    "description": scheme.description,
                }),
            )
        })
        .collect();
    let components = root.entry("components").or_insert_with(|| json!({}));
    components["securitySchemes"] = json!(schemes);
}

/// utoipa writes the doc comment of an `Option` of a newtype on the reference inside its
/// `oneOf` (`oneOf: [{$ref, description}, {type: null}]`), where renderers and generators
/// look for no description: it belongs to the property, beside the `oneOf`, as utoipa writes
/// it for every other `Option`. Examples are data and are not entered.
fn hoist_nullable_descriptions(value: &mut Value) {
    match value {
        Value::Object(map) => {
            for key in ["oneOf", "anyOf"] {
                if map.contains_key("description") {
                    break;
                }
                let Some(Value::Array(branches)) = map.get_mut(key) else { continue };
                let [first, second] = branches.as_mut_slice() else { continue };
                let (described, other) = if cloudspec_schema::openapi::is_null_type(second) {
                    (first, second)
                } else {
                    (second, first)
                };
                if !cloudspec_schema::openapi::is_null_type(other) || described.get("$ref").is_none() {
                    continue;
                }
                if let Some(description) =
                    described.as_object_mut().and_then(|branch| branch.remove("description"))
                {
                    map.insert("description".to_owned(), description);
                }
            }
            for (key, child) in map.iter_mut() {
                if key != "example" && key != "examples" {
                    hoist_nullable_descriptions(child);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(hoist_nullable_descriptions),
        _ => {}
    }
}

/// utoipa keeps vendor extensions in a `HashMap`, whose order changes from run to run; the
/// document must not. Extensions go last in each object, sorted by name.
fn sort_extensions(value: &mut Value) {
    match value {
        Value::Object(object) => {
            if object.keys().any(|key| key.starts_with("x-")) {
                let (mut extensions, rest): (Vec<_>, Vec<_>) =
                    std::mem::take(object).into_iter().partition(|(key, _)| key.starts_with("x-"));
                extensions.sort_by(|a, b| a.0.cmp(&b.0));
                object.extend(rest);
                object.extend(extensions);
            }
            object.values_mut().for_each(sort_extensions);
        }
        Value::Array(items) => items.iter_mut().for_each(sort_extensions),
        _ => {}
    }
}

/// The standard reason phrase, for a response whose description utoipa left empty.
pub fn reason_phrase(status: &str) -> &'static str {
    match status {
        "200" => "OK",
        "201" => "Created",
        "202" => "Accepted",
        "204" => "No Content",
        "400" => "Bad Request",
        "401" => "Unauthorized",
        "403" => "Forbidden",
        "404" => "Not Found",
        "405" => "Method Not Allowed",
        "409" => "Conflict",
        "429" => "Too Many Requests",
        "500" => "Internal Server Error",
        "501" => "Not Implemented",
        "502" => "Bad Gateway",
        "503" => "Service Unavailable",
        "504" => "Gateway Timeout",
        "default" => "Any other response",
        _ => "Response",
    }
}
