//! What a provider crate writes to describe an endpoint, and nothing of what the pipeline
//! does with it: the [`Endpoint`] descriptor and what it is made of, [`Open`] enums, and
//! [`schemas`], which derives a type's utoipa and schemars schemas from one declaration of
//! each fact. The provider crates and the catalog depend on this crate alone, so that an
//! edit of the pipeline rebuilds none of them.

mod body;
mod descriptor;
pub mod open;
mod response;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

pub use body::{Body, DecodeError, Decoded};
pub use cloudspec_derive::schemas;
pub use descriptor::{
    ApiKeyLocation, Endpoint, Operation, Provider, SecurityScheme, ServerTemplate, Service, Source, Tag,
    WireCase,
};
pub use open::Open;
pub use response::{Content, Declared, Header, Response};
