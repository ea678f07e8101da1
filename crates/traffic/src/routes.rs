//! The operations a session is matched against, from the committed documents under `spec/`
//! (what was published, as `validate` holds single bodies to): each operation's
//! servers with their variables, method and path template, its RPC action, and the
//! parameters, security and responses the checks need, compiled once.
//!
//! An entry is matched by its origin against the servers (a `{region}` variable matches one
//! of its `enum` values, or any one label when it lists none), then by method and path
//! template, then, where operations share `GET /` as Alibaba Cloud's RPC actions do, by the
//! one value each allows its `Action` and `Version` query parameters.

use std::fmt::Write as _;
use std::path::PathBuf;

use regex::Regex;
use serde_json::Value;

use crate::url::{self, Url};
use cloudspec_capture::Plan;
use cloudspec_schema::openapi;
use cloudspec_schema::pointer;
use cloudspec_schema::validate::{BodySchema, SchemaError, Schemas};

/// Every operation of the catalog's documents.
#[derive(Debug)]
pub struct Routes {
    pub routes: Vec<Route>,
}

/// One operation, ready to match and check an exchange against.
#[derive(Debug)]
pub struct Route {
    /// `provider/service/OperationId`.
    pub key: String,
    /// The document, relative to the workspace.
    pub document: PathBuf,
    /// The operation in the document.
    pub pointer: String,
    /// Upper case: `GET`.
    pub method: String,
    pub path: String,
    servers: Vec<Regex>,
    rpc: Option<Rpc>,
    pub parameters: Vec<Parameter>,
    /// The alternatives, any one of which must be present: each the credentials it needs.
    pub security: Vec<Vec<Credential>>,
    pub request_body: Option<RequestBody>,
    pub responses: Vec<Declared>,
}

/// The one action and version an RPC operation allows.
#[derive(Debug)]
struct Rpc {
    action: String,
    version: String,
}

/// Where a parameter or credential travels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum In {
    Path,
    Query,
    Header,
    Cookie,
}

impl In {
    fn parse(text: &str) -> Option<Self> {
        Some(match text {
            "path" => Self::Path,
            "query" => Self::Query,
            "header" => Self::Header,
            "cookie" => Self::Cookie,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Path => "path",
            Self::Query => "query",
            Self::Header => "header",
            Self::Cookie => "cookie",
        }
    }
}

/// A declared parameter, or a declared response header.
#[derive(Debug)]
pub struct Parameter {
    pub name: String,
    pub location: In,
    pub required: bool,
    /// Where it is declared, for the rule of a missing one.
    pub pointer: String,
    pub schema: Option<BodySchema>,
    /// The JSON type its text is read as.
    pub kind: Kind,
}

/// The type a parameter's text stands for, as openapi-core and the servers read it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    String,
    Integer,
    Number,
    Boolean,
    /// Items of the kind, from repeated query parameters or a comma-separated header.
    Array(Scalar),
}

/// The kind of an array's items.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scalar {
    String,
    Integer,
    Number,
    Boolean,
}

/// A credential a security scheme needs.
#[derive(Debug, Clone)]
pub struct Credential {
    pub scheme: String,
    pub location: In,
    pub name: String,
}

#[derive(Debug)]
pub struct RequestBody {
    pub required: bool,
    pub pointer: String,
    pub media_types: Vec<String>,
    pub plan: Option<Plan>,
}

/// A declared response: its status key (`200`, `4XX`, `default`), media types, headers and
/// the plan of its JSON body.
#[derive(Debug)]
pub struct Declared {
    pub status: String,
    pub pointer: String,
    pub media_types: Vec<String>,
    pub headers: Vec<Parameter>,
    pub plan: Option<Plan>,
}

/// What an entry matched, or why it matched nothing.
#[derive(Debug)]
pub enum Match<'r> {
    Route { route: &'r Route, path: Vec<(String, String)> },
    Unmatched(String),
}

impl Routes {
    /// The operations of `documents`: each the key of its endpoint
    /// (`provider/service/OperationId`), its path, and its schemas. The error names the
    /// document whose schemas do not compile.
    pub fn new(
        documents: impl IntoIterator<Item = (String, PathBuf, Schemas)>,
    ) -> Result<Self, (PathBuf, SchemaError)> {
        let mut routes = Vec::new();
        for (key, document, schemas) in documents {
            routes.extend(Route::all(&schemas, &key, &document).map_err(|error| (document, error))?);
        }
        Ok(Self { routes })
    }

    /// The operation that serves `method` at `url`.
    pub fn find(&self, method: &str, url: &Url) -> Match<'_> {
        let served: Vec<(&Route, &str)> =
            self.routes.iter().filter_map(|route| route.rest(url).map(|rest| (route, rest))).collect();
        if served.is_empty() {
            return Match::Unmatched(format!("no document under spec/ serves {}", url.origin));
        }
        let mut at_path = served
            .iter()
            .filter(|(route, _)| route.method.eq_ignore_ascii_case(method))
            .filter_map(|(route, rest)| route.path_parameters(rest).map(|path| (*route, path)))
            .peekable();
        if at_path.peek().is_none() {
            let mut operations: Vec<String> =
                served.iter().map(|(route, _)| format!("{} {}", route.method, route.path)).collect();
            operations.dedup();
            return Match::Unmatched(format!(
                "{} serves no operation at {method} {}; it serves {}",
                url.origin,
                served[0].1,
                operations.join(", ")
            ));
        }
        let candidates: Vec<(&Route, Vec<(String, String)>)> = at_path.collect();
        let action = url.query_values("Action").next();
        let version = url.query_values("Version").next();
        for (route, path) in &candidates {
            match &route.rpc {
                None => return Match::Route { route, path: path.clone() },
                Some(rpc) if action == Some(&rpc.action) && version == Some(&rpc.version) => {
                    return Match::Route { route, path: path.clone() };
                }
                Some(_) => {}
            }
        }
        let actions: Vec<String> = candidates
            .iter()
            .filter_map(|(route, _)| {
                route.rpc.as_ref().map(|rpc| format!("{} (Version {})", rpc.action, rpc.version))
            })
            .collect();
        Match::Unmatched(format!(
            "{} has no documented action {} (Version {}) at {method} {}; documented: {}",
            url.origin,
            action.map_or_else(|| "(none)".to_owned(), |action| format!("{action:?}")),
            version.map_or_else(|| "(none)".to_owned(), |version| format!("{version:?}")),
            candidates[0].0.path,
            actions.join(", ")
        ))
    }

    /// Every operation's documented statuses, for the coverage table.
    pub fn documented(&self) -> impl Iterator<Item = (&str, impl Iterator<Item = &str>)> {
        self.routes.iter().map(|route| {
            (route.key.as_str(), route.responses.iter().map(|declared| declared.status.as_str()))
        })
    }
}

impl Route {
    /// Every operation of the document in `schemas`.
    fn all(schemas: &Schemas, key: &str, document: &std::path::Path) -> Result<Vec<Self>, SchemaError> {
        let value = schemas.document();
        let servers: Vec<Regex> = value
            .get("servers")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(server_pattern)
            .collect();
        openapi::operations(value)
            .iter()
            .map(|operation| {
                let parameters = parameters(schemas, operation)?;
                let rpc = rpc(&parameters, operation.value, value);
                Ok(Self {
                    key: key.to_owned(),
                    document: document.to_owned(),
                    pointer: operation.pointer.clone(),
                    method: operation.method.to_ascii_uppercase(),
                    path: operation.path.to_owned(),
                    servers: servers.clone(),
                    rpc,
                    parameters,
                    security: security(value, operation.value),
                    request_body: request_body(schemas, operation)?,
                    responses: responses(schemas, operation)?,
                })
            })
            .collect()
    }

    /// What of `url`'s path follows one of the operation's servers, if one serves it.
    fn rest<'u>(&self, url: &'u Url) -> Option<&'u str> {
        let full = format!("{}{}", url.origin, url.path);
        self.servers.iter().find_map(|server| {
            let end = server.find(&full).filter(|found| found.start() == 0)?.end();
            // The server's own path, if it has one, is a prefix of whole segments.
            let rest = url.path.get(end.checked_sub(url.origin.len())?..)?;
            match rest {
                "" => Some("/"),
                rest if rest.starts_with('/') => Some(rest),
                _ => None,
            }
        })
    }

    /// The path parameters when `path` fits the template.
    fn path_parameters(&self, path: &str) -> Option<Vec<(String, String)>> {
        let template: Vec<&str> = self.path.split('/').collect();
        let actual: Vec<&str> = path.split('/').collect();
        if template.len() != actual.len() {
            return None;
        }
        let mut found = Vec::new();
        for (expected, segment) in template.iter().zip(&actual) {
            match expected.strip_prefix('{').and_then(|name| name.strip_suffix('}')) {
                Some(name) if !segment.is_empty() => found.push((name.to_owned(), url::decode(segment))),
                None if expected == segment => {}
                Some(_) | None => return None,
            }
        }
        Some(found)
    }

    /// The declared response for `status`: its own, its range's (`4XX`), or `default`.
    pub fn declared(&self, status: u16) -> Option<&Declared> {
        let exact = status.to_string();
        let range = format!("{}XX", status / 100);
        [exact.as_str(), range.as_str(), "default"]
            .into_iter()
            .find_map(|key| self.responses.iter().find(|declared| declared.status.eq_ignore_ascii_case(key)))
    }
}

/// A server URL as a pattern of origins: each variable one of its `enum` values, or any label.
fn server_pattern(server: &Value) -> Option<Regex> {
    let url = server.get("url")?.as_str()?.trim_end_matches('/');
    let mut pattern = String::from("(?i)^");
    let mut rest = url;
    while let Some(open) = rest.find('{') {
        pattern.push_str(&regex::escape(&rest[..open]));
        let close = open + rest[open..].find('}')?;
        let name = &rest[open + 1..close];
        let values: Vec<String> = server
            .pointer(&pointer::join(["variables", name, "enum"]))
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .map(regex::escape)
            .collect();
        if values.is_empty() {
            pattern.push_str("[^./:]+");
        } else {
            let _ = write!(pattern, "(?:{})", values.join("|"));
        }
        rest = &rest[close + 1..];
    }
    pattern.push_str(&regex::escape(rest));
    Regex::new(&pattern).ok()
}

/// The operation's parameters and its path item's, `$ref`s followed.
fn parameters(schemas: &Schemas, operation: &openapi::Operation<'_>) -> Result<Vec<Parameter>, SchemaError> {
    let document = schemas.document();
    let path_item = operation.pointer.rsplit_once('/').map_or("", |(item, _)| item);
    let mut found: Vec<Parameter> = Vec::new();
    for (list, at) in [(operation.value, operation.pointer.as_str()), (operation.path_item, path_item)] {
        let items = list.get("parameters").and_then(Value::as_array).into_iter().flatten();
        for (index, item) in items.enumerate() {
            let (parameter, pointer) = openapi::resolve(document, item, &format!("{at}/parameters/{index}"));
            let Some(name) = parameter.get("name").and_then(Value::as_str) else { continue };
            let Some(location) = parameter.get("in").and_then(Value::as_str).and_then(In::parse) else {
                continue;
            };
            // The operation's own parameter overrides the path item's of the same name and place.
            if found.iter().any(|known| known.name == name && known.location == location) {
                continue;
            }
            let required = parameter.get("required").and_then(Value::as_bool).unwrap_or(location == In::Path);
            found.push(described(schemas, name, location, required, &pointer)?);
        }
    }
    Ok(found)
}

/// A parameter or header declared at `pointer`, with its schema compiled.
fn described(
    schemas: &Schemas,
    name: &str,
    location: In,
    required: bool,
    pointer: &str,
) -> Result<Parameter, SchemaError> {
    let document = schemas.document();
    let schema_pointer = format!("{pointer}/schema");
    let (schema, compiled) = match document.pointer(&schema_pointer) {
        Some(schema) => (
            Some(openapi::resolve(document, schema, &schema_pointer).0),
            Some(schemas.compile(&schema_pointer)?),
        ),
        None => (None, None),
    };
    Ok(Parameter {
        name: name.to_owned(),
        location,
        required,
        pointer: pointer.to_owned(),
        schema: compiled,
        kind: schema.map_or(Kind::String, |schema| kind(document, schema)),
    })
}

fn kind(document: &Value, schema: &Value) -> Kind {
    let scalar = |schema: &Value| match json_type(schema) {
        Some("integer") => Scalar::Integer,
        Some("number") => Scalar::Number,
        Some("boolean") => Scalar::Boolean,
        _ => Scalar::String,
    };
    if json_type(schema) == Some("array") {
        let items = schema.get("items").map(|items| openapi::resolve(document, items, "").0);
        return Kind::Array(items.map_or(Scalar::String, scalar));
    }
    match scalar(schema) {
        Scalar::String => Kind::String,
        Scalar::Integer => Kind::Integer,
        Scalar::Number => Kind::Number,
        Scalar::Boolean => Kind::Boolean,
    }
}

/// The schema's `type`, the first that is not `null` when it lists several.
fn json_type(schema: &Value) -> Option<&str> {
    match schema.get("type")? {
        Value::String(name) => Some(name),
        Value::Array(names) => names.iter().filter_map(Value::as_str).find(|name| *name != "null"),
        _ => None,
    }
}

/// The one action and version of an RPC operation: `Action` and `Version` query parameters
/// that each allow one value.
fn rpc(parameters: &[Parameter], operation: &Value, document: &Value) -> Option<Rpc> {
    let only = |name: &str| -> Option<String> {
        parameters.iter().find(|parameter| parameter.name == name && parameter.location == In::Query)?;
        let list = operation.get("parameters")?.as_array()?;
        let declared = list.iter().map(|item| openapi::resolve(document, item, "").0).find(|parameter| {
            parameter.get("name").and_then(Value::as_str) == Some(name)
                && parameter.get("in").and_then(Value::as_str) == Some("query")
        })?;
        let schema = openapi::resolve(document, declared.get("schema")?, "").0;
        match schema.get("enum").and_then(Value::as_array).map(Vec::as_slice) {
            Some([Value::String(value)]) => Some(value.clone()),
            _ => schema.get("const").and_then(Value::as_str).map(str::to_owned),
        }
    };
    Some(Rpc { action: only("Action")?, version: only("Version")? })
}

/// The operation's security requirements (or the document's), as credentials to look for.
fn security(document: &Value, operation: &Value) -> Vec<Vec<Credential>> {
    let requirements = operation.get("security").or_else(|| document.get("security"));
    requirements
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_object)
        .map(|requirement| {
            requirement
                .keys()
                .filter_map(|scheme| {
                    let declared =
                        document.pointer(&pointer::join(["components", "securitySchemes", scheme]))?;
                    let (location, name) = match declared.get("type").and_then(Value::as_str)? {
                        "apiKey" => (
                            In::parse(declared.get("in")?.as_str()?)?,
                            declared.get("name")?.as_str()?.to_owned(),
                        ),
                        _ => (In::Header, "Authorization".to_owned()),
                    };
                    Some(Credential { scheme: scheme.clone(), location, name })
                })
                .collect()
        })
        .collect()
}

fn request_body(
    schemas: &Schemas,
    operation: &openapi::Operation<'_>,
) -> Result<Option<RequestBody>, SchemaError> {
    let document = schemas.document();
    let Some(body) = operation.value.get("requestBody") else { return Ok(None) };
    let (body, pointer) = openapi::resolve(document, body, &format!("{}/requestBody", operation.pointer));
    Ok(Some(RequestBody {
        required: body.get("required").and_then(Value::as_bool).unwrap_or(false),
        media_types: media_types(body),
        plan: json_plan(schemas, body, &pointer)?,
        pointer,
    }))
}

fn responses(schemas: &Schemas, operation: &openapi::Operation<'_>) -> Result<Vec<Declared>, SchemaError> {
    let document = schemas.document();
    let Some(responses) = operation.value.get("responses").and_then(Value::as_object) else {
        return Ok(Vec::new());
    };
    responses
        .iter()
        .map(|(status, response)| {
            let at = format!("{}{}", operation.pointer, pointer::join(["responses", status]));
            let (response, at) = openapi::resolve(document, response, &at);
            let headers = response.get("headers").and_then(Value::as_object).into_iter().flatten();
            let headers = headers
                .map(|(name, header)| {
                    let (header, pointer) = openapi::resolve(
                        document,
                        header,
                        &format!("{at}{}", pointer::join(["headers", name])),
                    );
                    let required = header.get("required").and_then(Value::as_bool).unwrap_or(false);
                    described(schemas, name, In::Header, required, &pointer)
                })
                .collect::<Result<_, _>>()?;
            Ok(Declared {
                status: status.clone(),
                media_types: media_types(response),
                headers,
                plan: json_plan(schemas, response, &at)?,
                pointer: at,
            })
        })
        .collect()
}

fn media_types(holder: &Value) -> Vec<String> {
    holder
        .get("content")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .map(|(media, _)| media.clone())
        .collect()
}

/// The plan of the `application/json` schema of the response or request body at `at`.
fn json_plan(schemas: &Schemas, holder: &Value, at: &str) -> Result<Option<Plan>, SchemaError> {
    if holder.pointer("/content/application~1json/schema").is_none() {
        return Ok(None);
    }
    Plan::new(schemas, &format!("{at}/content/application~1json/schema")).map(Some)
}
