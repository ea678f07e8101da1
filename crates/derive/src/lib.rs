//! `#[schemas]`: each schema fact of a type written once, for both derives.
//!
//! A body type has two schemas: utoipa's component in the OpenAPI document and schemars'
//! standalone JSON Schema. Each derive reads its own attributes, in its own words; written by
//! hand, every limit is written twice and the two can disagree. Placed above `#[derive(...)]`
//! (an attribute macro expands before the derives), `#[schemas]` adds `utoipa::ToSchema` and
//! `schemars::JsonSchema` to the derives and turns each field's `#[field(...)]` into the
//! `#[schema(...)]`, `#[schemars(...)]` and `#[serde(...)]` attributes the derives read:
//!
#![doc = include_str!("keys.md")]
//!
//! A field of type `Open<T>` (or `Option<Open<T>>`) is inlined without asking: `Open<T>`
//! registers `T`'s component itself. On the type, `#[schemas(example = v, default = v)]`;
//! on a newtype (`struct T(String)`) or a `#[repr]` enum (serde_repr), whose `JsonSchema` is
//! its utoipa schema (schemars cannot read serde_repr, and a newtype's keywords would come out
//! in another order), the limits, format, pattern, example and default go on the type. An
//! unknown key, a key that does not apply, a fact written twice, and the derives' own
//! `#[schema]` or `#[schemars]` beside `#[schemas]` are compile errors at the key.

mod expand;
mod facts;

#[cfg(test)]
mod tests;

use proc_macro::TokenStream;

/// Derives `utoipa::ToSchema` and `schemars::JsonSchema` from one declaration of each fact;
/// see the crate's documentation.
#[proc_macro_attribute]
pub fn schemas(attr: TokenStream, item: TokenStream) -> TokenStream {
    expand::expand(attr.into(), item.into()).unwrap_or_else(syn::Error::into_compile_error).into()
}
