//! The responses of an operation, each declared once with its body type: the document's
//! response (and its components) and the type fixtures are read as both come from it.

use std::fmt;

use utoipa::openapi::RefOr;
use utoipa::openapi::schema::Schema;

use crate::body::{Alternative, Body};

/// One documented response status.
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    /// The page's description of the status.
    pub description: &'static str,
    pub content: Content,
    pub headers: &'static [Header],
}

/// What a response carries, always as `application/json`.
#[derive(Debug)]
pub enum Content {
    /// A body of this type.
    Json(Body),
    /// The service's [`error_body`](crate::Service::error_body).
    ServiceError,
    /// The service's error body as the API gateway in front of the service sends it: as
    /// JSON only, never as the text the service itself may answer instead.
    GatewayError,
}

impl Response {
    /// Status `status` answers a body of type `body`.
    pub const fn json(status: u16, description: &'static str, body: Body) -> Self {
        Self { status, description, content: Content::Json(body), headers: &[] }
    }

    /// Status `status` answers the service's error body.
    pub const fn error(status: u16, description: &'static str) -> Self {
        Self { status, description, content: Content::ServiceError, headers: &[] }
    }

    /// Status `status`, which the API gateway in front of the service answers, with the
    /// service's error body (which admits the gateway's) as JSON only.
    pub const fn gateway_error(status: u16, description: &'static str) -> Self {
        Self { status, description, content: Content::GatewayError, headers: &[] }
    }

    /// The same response, with these headers.
    #[must_use]
    pub const fn headers(self, headers: &'static [Header]) -> Self {
        Self { headers, ..self }
    }
}

/// A response of an endpoint with its body type resolved: see
/// [`Endpoint::all_responses`](crate::Endpoint::all_responses).
#[derive(Debug)]
pub struct Declared {
    pub status: u16,
    pub description: &'static str,
    pub body: &'static Body,
    /// The text the body may come as instead of JSON.
    pub alternative: Option<Alternative>,
    pub headers: &'static [Header],
}

/// A response header.
pub struct Header {
    pub name: &'static str,
    pub description: &'static str,
    /// The schema of its value.
    pub schema: fn() -> RefOr<Schema>,
}

impl fmt::Debug for Header {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Header").field("name", &self.name).finish_non_exhaustive()
    }
}

impl Header {
    /// Header `name`, whose value is a `T`.
    pub const fn of<T: utoipa::PartialSchema>(name: &'static str, description: &'static str) -> Self {
        Self { name, description, schema: T::schema }
    }
}
