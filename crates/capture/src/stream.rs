//! The body's schema split for validating a capture while it is read, so that a capture of
//! hundreds of megabytes is never held as a `serde_json::Value` (several times its size) but
//! one small piece at a time ([`super::walk`] does the walking).
//!
//! A [`Plan`] splits the body's schema where that is exact: an object schema made only of
//! `type`, `properties`, `required` and `additionalProperties`, and an array schema made only
//! of `type`, `items`, `minItems` and `maxItems` (plus annotations, and `$ref`s to such
//! schemas) are checked member by member, item by item, as the reader meets them. Every other
//! schema is handed, with the value it governs, to jsonschema whole. The violations are those
//! jsonschema reports for the whole body; the property tests hold the two to that.
//!
//! A node checked whole also knows whether its schema reaches an open enum ([`Watch`]), so
//! that a value off the list is noticed where it is read, at no cost to the other values.

use std::collections::HashMap;
use std::fmt;

use serde_json::{Map, Value, json};

use crate::known::Watch;
use cloudspec_schema::pointer;
use cloudspec_schema::validate::{BodySchema, SchemaError, Schemas};

/// Keywords that never fail validation, whatever the value.
const ANNOTATIONS: &[&str] = &[
    "title",
    "description",
    "default",
    "examples",
    "example",
    "deprecated",
    "readOnly",
    "writeOnly",
    "$comment",
    "externalDocs",
];

/// How to check the value a schema governs.
pub(super) enum Node {
    /// Parse the value and let jsonschema check it; then, if the schema reaches an open enum,
    /// look for values off its list.
    Whole(BodySchema, Option<Watch>),
    Object(ObjectNode),
    Array(ArrayNode),
}

pub(super) struct ObjectNode {
    /// The schema whole, for a value that is not an object.
    pub(super) whole: BodySchema,
    /// Where the schema sits in the document, for the rule of a value that is not an object.
    pub(super) pointer: String,
    /// The declared properties and the required ones. A list, not a map: objects in API
    /// bodies have a few members, and comparing a few names beats hashing each key.
    pub(super) members: Vec<(String, Member)>,
    pub(super) required: usize,
    /// The schema of the other properties; `None` when any value is allowed (or none is,
    /// which `shape` reports).
    pub(super) additional: Option<usize>,
    pub(super) forbids_others: bool,
    /// `required` (and `additionalProperties: false` with the declared names), checked
    /// against the member names only; `None` when there is nothing to check.
    pub(super) shape: Option<BodySchema>,
}

pub(super) struct Member {
    pub(super) node: Option<usize>,
    /// The member's index in `required`, if required.
    pub(super) required: Option<usize>,
}

pub(super) struct ArrayNode {
    pub(super) whole: BodySchema,
    pub(super) items: Option<usize>,
    pub(super) min_items: Option<u64>,
    pub(super) max_items: Option<u64>,
    /// Where the schema sits in the document, for the `type`, `minItems` and `maxItems` rules.
    pub(super) pointer: String,
}

/// The body schema of a contract, split for streaming.
pub struct Plan {
    pub(super) nodes: Vec<Node>,
    pub(super) root: usize,
    /// The document, for the [`Watch`]es that walk a value through its subschemas.
    pub(super) document: Value,
    /// Where the body schema sits in the document, after following `$ref`s that stand alone.
    root_pointer: String,
}

impl fmt::Debug for Plan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Plan").field("nodes", &self.nodes.len()).finish_non_exhaustive()
    }
}

impl Plan {
    /// Splits the schema at `pointer` in the document of `schemas`.
    pub fn new(schemas: &Schemas, pointer: &str) -> Result<Self, SchemaError> {
        let mut builder = Builder { schemas, nodes: Vec::new(), by_pointer: HashMap::new() };
        let root = builder.node(pointer)?;
        let root_pointer = builder.resolve(pointer);
        let nodes = builder.nodes.into_iter().map(|node| node.expect("every node is built")).collect();
        Ok(Self { nodes, root, document: schemas.document().clone(), root_pointer })
    }

    /// Where the body schema sits in the document.
    pub fn root_pointer(&self) -> &str {
        &self.root_pointer
    }
}

struct Builder<'s> {
    schemas: &'s Schemas,
    nodes: Vec<Option<Node>>,
    by_pointer: HashMap<String, usize>,
}

impl Builder<'_> {
    fn node(&mut self, pointer: &str) -> Result<usize, SchemaError> {
        let pointer = self.resolve(pointer);
        if let Some(&index) = self.by_pointer.get(&pointer) {
            return Ok(index);
        }
        let index = self.nodes.len();
        self.nodes.push(None);
        self.by_pointer.insert(pointer.clone(), index);
        let schema = self.schemas.document().pointer(&pointer).and_then(Value::as_object);
        let whole = self.schemas.compile(&pointer)?;
        let node = match schema {
            Some(schema)
                if streams(schema, "object", &["properties", "required", "additionalProperties"]) =>
            {
                Node::Object(self.object(&pointer, schema, whole)?)
            }
            Some(schema) if streams(schema, "array", &["items", "minItems", "maxItems"]) => {
                let items = match schema.get("items") {
                    Some(_) => Some(self.node(&format!("{pointer}/items"))?),
                    None => None,
                };
                Node::Array(ArrayNode {
                    whole,
                    items,
                    min_items: schema.get("minItems").and_then(Value::as_u64),
                    max_items: schema.get("maxItems").and_then(Value::as_u64),
                    pointer: pointer.clone(),
                })
            }
            _ => Node::Whole(whole, Watch::of(self.schemas.document(), &pointer)),
        };
        self.nodes[index] = Some(node);
        Ok(index)
    }

    /// Follows `$ref`s that stand alone (beside annotations) to the schema they name.
    fn resolve(&self, pointer: &str) -> String {
        let mut pointer = pointer.to_owned();
        for _ in 0..32 {
            let Some(schema) = self.schemas.document().pointer(&pointer).and_then(Value::as_object) else {
                break;
            };
            let target =
                schema.get("$ref").and_then(Value::as_str).and_then(|reference| reference.strip_prefix('#'));
            let alone = schema.keys().all(|key| key == "$ref" || ANNOTATIONS.contains(&key.as_str()));
            match target {
                Some(target) if alone => pointer = pointer::from_uri_fragment(target),
                _ => break,
            }
        }
        pointer
    }

    fn object(
        &mut self,
        pointer: &str,
        schema: &Map<String, Value>,
        whole: BodySchema,
    ) -> Result<ObjectNode, SchemaError> {
        let required = cloudspec_schema::openapi::required(schema);
        let mut members: Vec<(String, Member)> = Vec::new();
        if let Some(properties) = schema.get("properties").and_then(Value::as_object) {
            for name in properties.keys() {
                let node = self.node(&format!("{pointer}/properties/{}", pointer::escape(name)))?;
                members.push((name.clone(), Member { node: Some(node), required: None }));
            }
        }
        let additional = schema.get("additionalProperties");
        let forbids_others = additional == Some(&Value::Bool(false));
        let additional = match additional {
            Some(Value::Object(_)) => Some(self.node(&format!("{pointer}/additionalProperties"))?),
            _ => None,
        };
        for (index, name) in required.iter().enumerate() {
            match members.iter_mut().find(|(declared, _)| declared == name) {
                Some((_, member)) => member.required = Some(index),
                None => {
                    members.push(((*name).to_owned(), Member { node: additional, required: Some(index) }));
                }
            }
        }
        let shape = if required.is_empty() && !forbids_others {
            None
        } else {
            let mut shape = json!({ "required": required });
            if forbids_others {
                let declared: Map<String, Value> = schema
                    .get("properties")
                    .and_then(Value::as_object)
                    .into_iter()
                    .flatten()
                    .map(|(name, _)| (name.clone(), Value::Bool(true)))
                    .collect();
                shape["properties"] = Value::Object(declared);
                shape["additionalProperties"] = Value::Bool(false);
            }
            Some(self.schemas.compile_derived(&shape, pointer)?)
        };
        Ok(ObjectNode {
            whole,
            pointer: pointer.to_owned(),
            members,
            required: required.len(),
            additional,
            forbids_others,
            shape,
        })
    }
}

/// Whether `schema` is a `type: kind` schema with no keywords but `allowed` and annotations.
fn streams(schema: &Map<String, Value>, kind: &str, allowed: &[&str]) -> bool {
    schema.get("type").and_then(Value::as_str) == Some(kind)
        && schema.keys().all(|key| {
            key == "type" || allowed.contains(&key.as_str()) || ANNOTATIONS.contains(&key.as_str())
        })
}

impl Node {
    /// The schema whole, for a value of a kind the node does not walk.
    pub(super) fn whole(&self) -> &BodySchema {
        match self {
            Self::Whole(schema, _) => schema,
            Self::Object(object) => &object.whole,
            Self::Array(array) => &array.whole,
        }
    }

    /// Where to look for values off an open enum's list, for a value the node does not walk.
    /// A node that walks objects or arrays has no list of its own: its members are watched.
    pub(super) fn watch(&self) -> Option<&Watch> {
        match self {
            Self::Whole(_, watch) => watch.as_ref(),
            Self::Object(_) | Self::Array(_) => None,
        }
    }
}
