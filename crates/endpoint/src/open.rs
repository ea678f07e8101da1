//! Open ("extensible") enums: response values the documentation lists as what the field
//! *currently* takes ("目前取值", "目前支持"), or whose list the sources show growing. A
//! closed `enum` would make every generated client fail on the first new value the API sends,
//! so the listed values go to `x-extensible-enum` beside a plain `type` instead (the name and
//! meaning of Zalando's API guideline 112: "the complete list of values currently possible,
//! but consumers must be prepared for new values"). Generators read the field as a string (or
//! an integer) and decode any value; `cargo xtask validate` reports a value off the list as a
//! notice, not a violation; `cargo xtask diff` classifies changes to the list.
//!
//! In Rust, `Open<T>` wraps a closed enum `T` deriving serde, utoipa and schemars as usual:
//! its schemas are `T`'s, under `T`'s name, with `enum` moved to [`KNOWN_VALUES`]; a value `T`
//! does not list reads as [`Open::Unlisted`].

use std::borrow::Cow;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;
use utoipa::openapi::schema::Schema;
use utoipa::openapi::{RefOr, extensions::Extensions};

pub use cloudspec_vocabulary::{KNOWN_VALUES, known_values};

/// What the description of an open enum ends with, for readers of rendered pages, which do
/// not show extensions.
pub const OPEN_NOTE: &str = "The list is open (`x-extensible-enum`): the API may send other values.";

/// `description` followed by [`OPEN_NOTE`].
fn with_note(description: Option<&str>) -> String {
    match description {
        Some(text) if !text.is_empty() => format!("{text}\n\n{OPEN_NOTE}"),
        _ => OPEN_NOTE.to_owned(),
    }
}

/// A value of the open enum `T`: one it lists, or one it does not, kept as sent (`R`: a
/// `String`, or an integer type for an enum of integers).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Open<T, R = String> {
    Known(T),
    Unlisted(R),
}

/// `T` if it reads the value, else `R`, whose error is the one reported: a value of the wrong
/// type is "expected i32", not serde's "did not match any variant".
impl<'de, T: DeserializeOwned, R: DeserializeOwned> Deserialize<'de> for Open<T, R> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        if let Ok(known) = T::deserialize(&value) {
            return Ok(Self::Known(known));
        }
        R::deserialize(&value).map(Self::Unlisted).map_err(serde::de::Error::custom)
    }
}

impl<T, R> From<T> for Open<T, R> {
    fn from(value: T) -> Self {
        Self::Known(value)
    }
}

impl<T: utoipa::ToSchema, R> Open<T, R> {
    /// The component: `T`'s schema with its `enum` moved to [`KNOWN_VALUES`].
    fn component() -> RefOr<Schema> {
        let mut schema = T::schema();
        if let RefOr::T(Schema::Object(object)) = &mut schema
            && let Some(values) = object.enum_values.take()
        {
            object
                .extensions
                .get_or_insert_with(Extensions::default)
                .insert(KNOWN_VALUES.to_owned(), values.into());
            object.description = Some(with_note(object.description.as_deref()));
        }
        schema
    }
}

impl<T: utoipa::ToSchema, R> utoipa::ToSchema for Open<T, R> {
    fn name() -> Cow<'static, str> {
        T::name()
    }

    /// The component under `T`'s name is the open one: a field of type `Open<T>` refers to it.
    fn schemas(schemas: &mut Vec<(String, RefOr<Schema>)>) {
        schemas.push((T::name().into_owned(), Self::component()));
    }
}

/// utoipa composes a field of a generic type through this trait (and derives
/// `PartialSchema` from it): an `Open<T>` field is a `$ref` to the component that
/// [`utoipa::ToSchema::schemas`] registers.
impl<T: utoipa::ToSchema, R> utoipa::__dev::ComposeSchema for Open<T, R> {
    fn compose(_: Vec<RefOr<Schema>>) -> RefOr<Schema> {
        utoipa::openapi::Ref::from_schema_name(T::name()).into()
    }
}

impl<T: schemars::JsonSchema, R> schemars::JsonSchema for Open<T, R> {
    fn schema_name() -> Cow<'static, str> {
        T::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        T::schema_id()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let mut schema = T::json_schema(generator);
        if let Some(values) = schema.remove("enum") {
            schema.insert(KNOWN_VALUES.to_owned(), values);
            let description = with_note(schema.get("description").and_then(Value::as_str));
            schema.insert("description".to_owned(), description.into());
        }
        schema
    }
}
