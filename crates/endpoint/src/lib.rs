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

pub use body::{Alternative, Body, DecodeError, Decoded};
pub use cloudspec_derive::schemas;
pub use descriptor::{
    ApiKeyLocation, Endpoint, Operation, Provider, SecurityScheme, ServerTemplate, Service, Source, Tag,
    WireCase,
};
pub use open::Open;
pub use response::{Content, Declared, Header, Response};

#[cfg(test)]
mod tests {
    use cloudspec_vocabulary::MAX_BYTES;
    use serde::{Deserialize, Serialize};

    /// A limit in bytes, as a provider declares one.
    #[crate::schemas]
    #[derive(Serialize, Deserialize)]
    struct Limited {
        #[field(max_bytes = 16)]
        text: String,
    }

    /// The derive (a proc-macro crate, which would build `serde_json` a second time for the
    /// host to depend on the vocabulary) writes the keyword as a literal: both schemas it
    /// derives must carry it under the vocabulary's name.
    #[test]
    fn the_derive_writes_max_bytes_under_the_vocabulary_s_name() {
        let schemars = serde_json::to_value(schemars::schema_for!(Limited)).expect("a schema serializes");
        let utoipa =
            serde_json::to_value(<Limited as utoipa::PartialSchema>::schema()).expect("a schema serializes");
        assert_eq!(schemars["properties"]["text"][MAX_BYTES], 16, "schemars: {schemars}");
        assert_eq!(utoipa["properties"]["text"][MAX_BYTES], 16, "utoipa: {utoipa}");
    }
}
