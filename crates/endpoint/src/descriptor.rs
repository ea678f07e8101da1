//! The descriptor a provider crate hands to the pipeline: everything the pipeline needs to
//! know of one documented operation, and nothing about output formats.

use std::fmt;

use crate::body::Body;
use crate::response::{Content, Declared, Response};

/// One documented operation, written once as Rust types and turned into one document.
pub struct Endpoint {
    pub provider: &'static Provider,
    pub service: &'static Service,
    /// The operation's name as its documentation page gives it; also the file name. The
    /// pipeline writes it as the operation's `operationId`: the `#[utoipa::path]` names none.
    pub operation_id: &'static str,
    /// The API version of this operation, the document's `info.version`, where its service
    /// has several (IMS's Glance v1.1 and its own v2); `None` is the service's `api_version`.
    pub api_version: Option<&'static str>,
    /// For a deprecated operation, the key (`provider/service/OperationId`) of the catalog's
    /// endpoint its vendor recommends in its place, which the reference site links to.
    pub replaced_by: Option<&'static str>,
    /// The documentation pages this endpoint models, named in `info.description`.
    pub sources: &'static [Source],
    /// Method, path, tag, parameters, summary, description and deprecation: the
    /// `#[utoipa::path]` of an empty function, which declares no responses.
    pub operation: Operation,
    /// The operation's own responses, each with its body type; the service's
    /// [`errors`](Service::errors) are added to them.
    pub responses: &'static [Response],
    /// `file!()` of the module that declares the endpoint: each locale's overlay sits beside
    /// it, as `<module>.<locale>.overlay.yaml`, and so does `<module>.conform.yaml`.
    pub source_file: &'static str,
}

impl fmt::Debug for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Endpoint")
            .field("provider", &self.provider.id)
            .field("service", &self.service.id)
            .field("operation_id", &self.operation_id)
            .finish_non_exhaustive()
    }
}

impl Endpoint {
    /// `provider/service/OperationId`: unique across the catalog, and the document's path stem.
    pub fn key(&self) -> String {
        format!("{}/{}/{}", self.provider.id, self.service.id, self.operation_id)
    }

    /// Every locale the endpoint has a document in: English (`en`) first, then the provider's.
    pub fn locales(&self) -> Vec<&'static str> {
        let mut locales = vec!["en"];
        locales.extend(self.provider.locales);
        locales
    }

    /// Every documented response: the operation's own, then the service's errors, each with
    /// its body type. A status declared twice is there twice; the pipeline refuses it.
    pub fn all_responses(&self) -> Vec<Declared> {
        self.responses
            .iter()
            .chain(self.service.errors)
            .map(|response| {
                let (body, alternative) = match &response.content {
                    Content::Json(body) => (body, body.alternative),
                    Content::ServiceError => (&self.service.error_body, self.service.error_body.alternative),
                    Content::GatewayError => (&self.service.error_body, None),
                };
                Declared {
                    status: response.status,
                    description: response.description,
                    body,
                    alternative,
                    headers: response.headers,
                }
            })
            .collect()
    }

    /// The body type documented for `status` (`"200"`), if any.
    pub fn body(&self, status: &str) -> Option<&'static Body> {
        self.all_responses()
            .into_iter()
            .find(|response| response.status.to_string() == status)
            .map(|r| r.body)
    }

    /// Each body type of the endpoint once, in the order of [`all_responses`](Self::all_responses).
    pub fn body_types(&self) -> Vec<&'static Body> {
        let mut types: Vec<&'static Body> = Vec::new();
        for response in self.all_responses() {
            if !types.iter().any(|seen| (seen.schema_name)() == (response.body.schema_name)()) {
                types.push(response.body);
            }
        }
        types
    }
}

/// The operation of an endpoint, as utoipa's `#[utoipa::path]` describes it.
#[derive(Clone, Copy)]
pub struct Operation {
    paths: fn() -> utoipa::openapi::path::Paths,
}

impl fmt::Debug for Operation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Operation").finish_non_exhaustive()
    }
}

impl Operation {
    /// The operation `#[utoipa::path]` generates for function `f` as `__path_f`.
    pub const fn of<P>() -> Self
    where
        P: utoipa::Path + for<'t> utoipa::__dev::Tags<'t>,
    {
        Self { paths: paths_of::<P> }
    }

    /// The operation `paths` returns: the one path item with its one operation.
    pub const fn from_paths(paths: fn() -> utoipa::openapi::path::Paths) -> Self {
        Self { paths }
    }

    /// The path item of the operation, under its path.
    pub fn paths(&self) -> utoipa::openapi::path::Paths {
        (self.paths)()
    }
}

/// The path item of `P`, with the tags of its `tag = ...`: `utoipa::Path::operation` leaves
/// them to `#[derive(OpenApi)]`, which adds them as this does. The operationId utoipa makes
/// up from the function's name is dropped (the descriptor names the operation); one written
/// in `#[utoipa::path(operation_id = ...)]` stays, for the pipeline to refuse.
fn paths_of<P>() -> utoipa::openapi::path::Paths
where
    P: utoipa::Path + for<'t> utoipa::__dev::Tags<'t>,
{
    let mut operation = P::operation();
    let function =
        std::any::type_name::<P>().rsplit("::").next().and_then(|name| name.strip_prefix("__path_"));
    if operation.operation_id.as_deref().is_some_and(|id| Some(id) == function) {
        operation.operation_id = None;
    }
    operation.tags.get_or_insert_with(Vec::new).extend(P::tags().into_iter().map(str::to_owned));
    let mut paths = utoipa::openapi::path::Paths::new();
    paths.add_path_operation(P::path(), P::methods(), operation);
    paths
}

/// A cloud vendor: what every one of its endpoints shares.
#[derive(Debug)]
pub struct Provider {
    /// Directory name under `spec/` and `tests/fixtures/`.
    pub id: &'static str,
    pub name: &'static str,
    /// How the provider authenticates a request.
    pub security: &'static [SecurityScheme],
    /// The case every wire name of this provider follows.
    pub wire_case: WireCase,
    /// The locales, besides English, that the provider publishes its documentation in:
    /// every endpoint has a document in each.
    pub locales: &'static [&'static str],
}

/// How a provider spells the names on the wire.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WireCase {
    /// `request_id`, `phone_images`.
    SnakeCase,
    /// `RequestId`, `ImageIds`.
    PascalCase,
}

/// A security scheme, declared once per provider and required by every operation.
#[derive(Debug)]
pub struct SecurityScheme {
    /// The key under `components.securitySchemes`.
    pub name: &'static str,
    /// Where the credential travels.
    pub location: ApiKeyLocation,
    /// The header or query parameter that carries it.
    pub parameter: &'static str,
    pub description: &'static str,
}

/// Where an API key-like credential travels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ApiKeyLocation {
    Header,
    Query,
}

/// One product of a provider, with its own host and API version.
#[derive(Debug)]
pub struct Service {
    /// Directory name under `spec/<provider>/`.
    pub id: &'static str,
    pub name: &'static str,
    /// The API version the service publishes, written to `info.version`.
    pub api_version: &'static str,
    pub server: ServerTemplate,
    /// Tags the service's operations use, with the descriptions declared at the root.
    pub tags: &'static [Tag],
    /// The body of every error response of the service's operations: progenitor generates
    /// one error type per operation and refuses an operation whose errors differ, so it
    /// admits whatever answers an error (the API gateway in front of the service too).
    pub error_body: Body,
    /// The error responses of every operation of the service, each [`Response::error`]:
    /// those its pages list for all operations, and the gateway's.
    pub errors: &'static [Response],
}

/// A server URL with a `{region}` variable.
#[derive(Debug)]
pub struct ServerTemplate {
    /// Must contain `{region}`.
    pub url: &'static str,
    pub default_region: &'static str,
    /// The regions the sources list; the variable's `enum`. Empty when no source lists them.
    pub regions: &'static [&'static str],
    /// Where the regions come from.
    pub description: &'static str,
}

/// An operation tag and its description.
#[derive(Debug)]
pub struct Tag {
    pub name: &'static str,
    pub description: &'static str,
}

/// A documentation page an endpoint is modelled on.
#[derive(Debug)]
pub struct Source {
    pub title: &'static str,
    /// BCP 47 language tag of the page.
    pub locale: &'static str,
    pub url: &'static str,
}
