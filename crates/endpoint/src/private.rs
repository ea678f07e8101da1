//! What the code `#[schemas]` generates calls: not an API.

pub use serde_json;

use serde_json::Value;

/// The schemars transform of a type with `nullable` fields: each property marked `mark` is
/// added to `required`, in the order of the properties, and its mark removed.
pub fn require_marked(schema: &mut schemars::Schema, mark: &str) {
    let Some(object) = schema.as_object_mut() else { return };
    let Some(Value::Object(properties)) = object.get_mut("properties") else { return };
    let mut marked = Vec::new();
    for (name, property) in properties.iter_mut() {
        if property.as_object_mut().and_then(|property| property.shift_remove(mark)).is_some() {
            marked.push(name.clone());
        }
    }
    let names: Vec<String> = properties.keys().cloned().collect();
    let required = object.get("required").and_then(Value::as_array).cloned().unwrap_or_default();
    let required: Vec<Value> = names
        .into_iter()
        .filter(|name| marked.contains(name) || required.iter().any(|listed| listed == name))
        .map(Value::String)
        .collect();
    object.insert("required".to_owned(), Value::Array(required));
}

/// The JSON Schema of a type that refers to no other: its utoipa schema.
pub fn json_schema_of_utoipa<T: utoipa::PartialSchema>() -> schemars::Schema {
    let schema = serde_json::to_value(T::schema()).expect("a utoipa schema serializes");
    schemars::Schema::try_from(schema).expect("utoipa derives an object schema")
}
