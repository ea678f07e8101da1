//! The Rust type of a response body: how the pipeline reaches both its schemas and reads a
//! fixture as it.

use std::borrow::Cow;
use std::fmt;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::Schema;

/// A response body type: `T` derives serde, and both schemas through `#[schemas]`.
#[derive(Clone, Copy)]
pub struct Body {
    /// The Rust type's name, for messages.
    pub type_name: fn() -> &'static str,
    /// The type's schema name, which utoipa gives its component too: names its schema file.
    pub schema_name: fn() -> Cow<'static, str>,
    components: fn(&mut Vec<(String, RefOr<Schema>)>),
    decode: fn(&Value) -> Result<Decoded, DecodeError>,
    json_schema: fn() -> Value,
    /// A media type the body may come as instead of JSON, where a source shows it.
    pub alternative: Option<Alternative>,
}

/// A body a server may send in place of the JSON one: text of another media type, such as
/// the HTML error page of a web framework.
#[derive(Clone, Copy, Debug)]
pub struct Alternative {
    pub media_type: &'static str,
    /// The name of its schema among the components: declared once, however many statuses
    /// carry it.
    pub schema_name: &'static str,
    /// What it holds, and the source that shows it.
    pub description: &'static str,
}

impl fmt::Debug for Body {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Body").field("type", &(self.type_name)()).finish_non_exhaustive()
    }
}

impl Body {
    /// A body of type `T`.
    pub const fn of<T>() -> Self
    where
        T: DeserializeOwned + Serialize + fmt::Debug + schemars::JsonSchema + utoipa::ToSchema,
    {
        Self {
            type_name: std::any::type_name::<T>,
            schema_name: <T as schemars::JsonSchema>::schema_name,
            components: components::<T>,
            decode: decode::<T>,
            json_schema: json_schema::<T>,
            alternative: None,
        }
    }

    /// The same body, which may also come as text of `media_type`.
    #[must_use]
    pub const fn or_text(
        self,
        media_type: &'static str,
        schema_name: &'static str,
        description: &'static str,
    ) -> Self {
        Self { alternative: Some(Alternative { media_type, schema_name, description }), ..self }
    }

    /// The type's component (named by utoipa, as the document's `$ref` to it), then every
    /// component it refers to: what `components.schemas` holds for it.
    pub fn components(&self) -> Vec<(String, RefOr<Schema>)> {
        let mut components = Vec::new();
        (self.components)(&mut components);
        components
    }

    /// The name of the type's component in the document.
    pub fn component_name(&self) -> String {
        self.components().into_iter().next().map(|(name, _)| name).unwrap_or_default()
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
#[derive(Debug)]
pub struct DecodeError {
    /// JSON pointer to the value serde rejected (`""` for the root).
    pub pointer: String,
    pub message: String,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.pointer, self.message)
    }
}

impl std::error::Error for DecodeError {}

fn components<T: utoipa::ToSchema>(components: &mut Vec<(String, RefOr<Schema>)>) {
    components.push((T::name().into_owned(), T::schema()));
    T::schemas(components);
}

fn json_schema<T: schemars::JsonSchema>() -> Value {
    schemars::generate::SchemaSettings::draft2020_12().into_generator().into_root_schema_for::<T>().to_value()
}

fn decode<T>(value: &Value) -> Result<Decoded, DecodeError>
where
    T: DeserializeOwned + Serialize + fmt::Debug,
{
    let typed: T = serde_path_to_error::deserialize(value).map_err(|error| DecodeError {
        pointer: cloudspec_vocabulary::pointer::from_serde_path(error.path()),
        message: error.inner().to_string(),
    })?;
    let json = serde_json::to_value(&typed).map_err(|error| DecodeError {
        pointer: String::new(),
        message: format!("serializing {} back to JSON: {error}", std::any::type_name::<T>()),
    })?;
    Ok(Decoded { debug: format!("{typed:#?}"), json })
}
