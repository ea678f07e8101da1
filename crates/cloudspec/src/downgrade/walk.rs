//! Where Schema Objects and Reference Objects sit in an OpenAPI document. The rules rewrite
//! schemas only where the document's structure says a schema is, never inside an example
//! value or an extension that happens to hold a `type` or a `const`.

use serde_json::Value;

use cloudspec_schema::openapi::METHODS;
use cloudspec_schema::pointer;

/// The kind of object a Reference Object stands for: it decides which of the reference's
/// `summary` and `description` the object can take over when the reference is inlined.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Parameter,
    Response,
    RequestBody,
    Header,
    Example,
    Link,
    Callback,
    SecurityScheme,
    PathItem,
}

impl Kind {
    /// Whether the 3.0 object of this kind has a `description` field.
    pub(crate) fn has_description(self) -> bool {
        self != Self::Callback
    }

    /// Whether the 3.0 object of this kind has a `summary` field.
    pub(crate) fn has_summary(self) -> bool {
        matches!(self, Self::Example | Self::PathItem)
    }
}

/// What a walk does at each place.
pub(crate) trait Visitor {
    /// A Reference Object (an object with `$ref`) in place of an object of `kind`.
    fn reference(&mut self, node: &mut Value, at: &str, kind: Kind);
    /// The root of a schema: under `components.schemas`, or the `schema` of a parameter,
    /// header or media type.
    fn schema(&mut self, node: &mut Value, at: &str);
}

/// Visits every Reference Object and every schema root of an OpenAPI 3.x `document`.
pub(crate) fn document(document: &mut Value, visitor: &mut impl Visitor) {
    if let Some(paths) = document.get_mut("paths").and_then(Value::as_object_mut) {
        for (path, item) in paths {
            path_item(item, &pointer::join(["paths", path]), visitor);
        }
    }
    let Some(components) = document.get_mut("components").and_then(Value::as_object_mut) else { return };
    for (section, entries) in components.iter_mut() {
        let Some(entries) = entries.as_object_mut() else { continue };
        for (name, entry) in entries {
            let at = pointer::join(["components", section, name]);
            match section.as_str() {
                "schemas" => visitor.schema(entry, &at),
                "parameters" => parameter(entry, &at, visitor),
                "responses" => response(entry, &at, visitor),
                "requestBodies" => request_body(entry, &at, visitor),
                "headers" => header(entry, &at, visitor),
                "examples" => {
                    reference_or(entry, &at, Kind::Example, visitor);
                }
                "links" => {
                    reference_or(entry, &at, Kind::Link, visitor);
                }
                "securitySchemes" => {
                    reference_or(entry, &at, Kind::SecurityScheme, visitor);
                }
                "callbacks" => callback(entry, &at, visitor),
                "pathItems" => path_item(entry, &at, visitor),
                _ => {}
            }
        }
    }
}

/// Visits a reference in place of an object of `kind`; true when `node` was one (and so
/// holds nothing else to walk).
fn reference_or(node: &mut Value, at: &str, kind: Kind, visitor: &mut impl Visitor) -> bool {
    if node.get("$ref").is_some() {
        visitor.reference(node, at, kind);
        // The reference may have been inlined: walk what took its place.
        return node.get("$ref").is_some();
    }
    false
}

fn path_item(item: &mut Value, at: &str, visitor: &mut impl Visitor) {
    if reference_or(item, at, Kind::PathItem, visitor) {
        return;
    }
    each(item, "parameters", at, visitor, parameter);
    for method in METHODS {
        if let Some(operation) = item.get_mut(method) {
            operation_object(operation, &format!("{at}/{method}"), visitor);
        }
    }
}

fn operation_object(operation: &mut Value, at: &str, visitor: &mut impl Visitor) {
    each(operation, "parameters", at, visitor, parameter);
    if let Some(body) = operation.get_mut("requestBody") {
        request_body(body, &format!("{at}/requestBody"), visitor);
    }
    map(operation, "responses", at, visitor, response);
    map(operation, "callbacks", at, visitor, callback);
}

fn callback(node: &mut Value, at: &str, visitor: &mut impl Visitor) {
    if reference_or(node, at, Kind::Callback, visitor) {
        return;
    }
    if let Some(expressions) = node.as_object_mut() {
        for (expression, item) in expressions {
            if !expression.starts_with("x-") {
                path_item(item, &format!("{at}/{}", pointer::escape(expression)), visitor);
            }
        }
    }
}

fn parameter(node: &mut Value, at: &str, visitor: &mut impl Visitor) {
    if reference_or(node, at, Kind::Parameter, visitor) {
        return;
    }
    schema_and_content(node, at, visitor);
}

fn header(node: &mut Value, at: &str, visitor: &mut impl Visitor) {
    if reference_or(node, at, Kind::Header, visitor) {
        return;
    }
    schema_and_content(node, at, visitor);
}

fn response(node: &mut Value, at: &str, visitor: &mut impl Visitor) {
    if reference_or(node, at, Kind::Response, visitor) {
        return;
    }
    map(node, "headers", at, visitor, header);
    content(node, at, visitor);
    if let Some(links) = node.get_mut("links").and_then(Value::as_object_mut) {
        for (name, link) in links {
            reference_or(link, &format!("{at}/links/{}", pointer::escape(name)), Kind::Link, visitor);
        }
    }
}

fn request_body(node: &mut Value, at: &str, visitor: &mut impl Visitor) {
    if reference_or(node, at, Kind::RequestBody, visitor) {
        return;
    }
    content(node, at, visitor);
}

fn schema_and_content(node: &mut Value, at: &str, visitor: &mut impl Visitor) {
    if let Some(schema) = node.get_mut("schema") {
        visitor.schema(schema, &format!("{at}/schema"));
    }
    content(node, at, visitor);
    examples(node, at, visitor);
}

fn content(node: &mut Value, at: &str, visitor: &mut impl Visitor) {
    let Some(media_types) = node.get_mut("content").and_then(Value::as_object_mut) else { return };
    for (media_type, media) in media_types {
        let at = format!("{at}/content/{}", pointer::escape(media_type));
        if let Some(schema) = media.get_mut("schema") {
            visitor.schema(schema, &format!("{at}/schema"));
        }
        examples(media, &at, visitor);
        if let Some(encodings) = media.get_mut("encoding").and_then(Value::as_object_mut) {
            for (property, encoding) in encodings {
                let at = format!("{at}/encoding/{}", pointer::escape(property));
                map(encoding, "headers", &at, visitor, header);
            }
        }
    }
}

fn examples(node: &mut Value, at: &str, visitor: &mut impl Visitor) {
    if let Some(examples) = node.get_mut("examples").and_then(Value::as_object_mut) {
        for (name, example) in examples {
            reference_or(
                example,
                &format!("{at}/examples/{}", pointer::escape(name)),
                Kind::Example,
                visitor,
            );
        }
    }
}

fn each<V: Visitor>(node: &mut Value, key: &str, at: &str, visitor: &mut V, f: fn(&mut Value, &str, &mut V)) {
    if let Some(items) = node.get_mut(key).and_then(Value::as_array_mut) {
        for (index, item) in items.iter_mut().enumerate() {
            f(item, &format!("{at}/{key}/{index}"), visitor);
        }
    }
}

fn map<V: Visitor>(node: &mut Value, key: &str, at: &str, visitor: &mut V, f: fn(&mut Value, &str, &mut V)) {
    if let Some(entries) = node.get_mut(key).and_then(Value::as_object_mut) {
        for (name, entry) in entries {
            if !name.starts_with("x-") {
                f(entry, &format!("{at}/{key}/{}", pointer::escape(name)), visitor);
            }
        }
    }
}

/// The subschemas of an OpenAPI 3.0 Schema Object, with the pointer tokens that reach each:
/// what a rule recurses into once the node itself speaks 3.0.
pub(crate) fn subschemas_3_0(node: &mut Value) -> Vec<(String, &mut Value)> {
    let mut found = Vec::new();
    let Some(object) = node.as_object_mut() else { return found };
    for (key, value) in object.iter_mut() {
        match key.as_str() {
            "not" | "items" => found.push((format!("/{key}"), value)),
            "additionalProperties" if value.is_object() => found.push((format!("/{key}"), value)),
            "allOf" | "anyOf" | "oneOf" => {
                if let Some(items) = value.as_array_mut() {
                    found.extend(items.iter_mut().enumerate().map(|(i, item)| (format!("/{key}/{i}"), item)));
                }
            }
            "properties" => {
                if let Some(properties) = value.as_object_mut() {
                    found.extend(
                        properties
                            .iter_mut()
                            .map(|(name, item)| (format!("/{key}/{}", pointer::escape(name)), item)),
                    );
                }
            }
            _ => {}
        }
    }
    found
}
