//! cloudspec's pipeline: from the utoipa document of one documented endpoint to the
//! finished, validated OpenAPI 3.1 file under `spec/`, and back again to check it.
//!
//! Data flows one way: a provider crate describes an [`Endpoint`]; [`document::build`]
//! finishes, validates and renders it; [`sync`] compares it with or writes it to `spec/`;
//! [`report`] turns what happened into text and an exit code. Nothing here names a provider.

pub mod capture;
pub mod document;
pub mod endpoint;
pub mod finish;
pub mod fixtures;
pub mod json;
pub mod keywords;
pub mod pointer;
pub mod render;
pub mod report;
pub mod sync;
pub mod validate;
pub mod workspace;

pub use endpoint::{
    ApiKeyLocation, Body, Endpoint, Provider, SecurityScheme, ServerTemplate, Service, Source, Tag, WireCase,
};
pub use workspace::Workspace;
