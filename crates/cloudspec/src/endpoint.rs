//! The descriptor a provider crate hands to the pipeline: everything the pipeline
//! needs to know of one documented operation, and nothing about output formats.

use std::borrow::Cow;
use std::fmt;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use utoipa::openapi::{ContentBuilder, OpenApi, Ref, RefOr, ResponseBuilder, response::Response};

/// One documented operation, written once as Rust types and turned into one document.
pub struct Endpoint {
    pub provider: &'static Provider,
    pub service: &'static Service,
    /// The operation's name as its documentation page gives it; also the file name.
    pub operation_id: &'static str,
    /// The documentation pages this endpoint models, named in `info.description`.
    pub sources: &'static [Source],
    /// The utoipa document of this operation alone, before the pipeline finishes it.
    pub openapi: fn() -> OpenApi,
    /// The Rust type behind each response body, so that fixtures can be checked against it.
    pub bodies: &'static [Body],
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

    /// The body type documented for `status`, if any.
    pub fn body(&self, status: &str) -> Option<&Body> {
        self.bodies.iter().find(|body| body.status == status)
    }
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

/// A response whose `application/json` body is the component `schema`: what an error
/// status of every provider looks like in its `IntoResponses`.
pub fn json_response(description: impl Into<String>, schema: &str) -> RefOr<Response> {
    let content = ContentBuilder::new().schema(Some(Ref::from_schema_name(schema))).build();
    RefOr::T(ResponseBuilder::new().description(description).content("application/json", content).build())
}

/// The Rust type documented for one response status.
pub struct Body {
    /// The response status as the document spells it: `"200"`, `"400"`.
    pub status: &'static str,
    /// The Rust type's name, for messages.
    pub type_name: fn() -> &'static str,
    /// The type's schema name, which utoipa gives its component too: names its schema file.
    pub schema_name: fn() -> Cow<'static, str>,
    decode: fn(&Value) -> Result<Decoded, DecodeError>,
    json_schema: fn() -> Value,
}

impl fmt::Debug for Body {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Body")
            .field("status", &self.status)
            .field("type", &(self.type_name)())
            .finish_non_exhaustive()
    }
}

impl Body {
    /// The body of `status` is a `T`.
    pub const fn of<T>(status: &'static str) -> Self
    where
        T: DeserializeOwned + Serialize + fmt::Debug + schemars::JsonSchema,
    {
        Self {
            status,
            type_name: std::any::type_name::<T>,
            schema_name: T::schema_name,
            decode: decode::<T>,
            json_schema: json_schema::<T>,
        }
    }

    /// The standalone JSON Schema 2020-12 of the type, from its schemars derive.
    pub fn json_schema(&self) -> Value {
        (self.json_schema)()
    }

    /// Reads `value` as the Rust type and writes it back.
    pub fn decode(&self, value: &Value) -> Result<Decoded, DecodeError> {
        (self.decode)(value)
    }
}

/// A JSON value read into its Rust type.
#[derive(Debug)]
pub struct Decoded {
    /// The typed value, pretty-printed with `{:#?}`.
    pub debug: String,
    /// The typed value serialized back to JSON.
    pub json: Value,
}

/// A JSON value that does not read as its Rust type.
#[derive(Debug, thiserror::Error)]
#[error("{pointer}: {message}")]
pub struct DecodeError {
    /// JSON pointer to the value serde rejected (`""` for the root).
    pub pointer: String,
    pub message: String,
}

fn json_schema<T: schemars::JsonSchema>() -> Value {
    schemars::generate::SchemaSettings::draft2020_12().into_generator().into_root_schema_for::<T>().to_value()
}

fn decode<T>(value: &Value) -> Result<Decoded, DecodeError>
where
    T: DeserializeOwned + Serialize + fmt::Debug,
{
    let typed: T = serde_path_to_error::deserialize(value).map_err(|error| DecodeError {
        pointer: crate::pointer::from_serde_path(error.path()),
        message: error.inner().to_string(),
    })?;
    let json = serde_json::to_value(&typed).map_err(|error| DecodeError {
        pointer: String::new(),
        message: format!("serializing {} back to JSON: {error}", std::any::type_name::<T>()),
    })?;
    Ok(Decoded { debug: format!("{typed:#?}"), json })
}
