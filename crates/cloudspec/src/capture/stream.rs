//! Validating a body while it is parsed, so that a capture of hundreds of megabytes is never
//! held as a `serde_json::Value` (several times its size) but one small piece at a time.
//!
//! A [`Plan`] splits the body's schema where that is exact: an object schema made only of
//! `type`, `properties`, `required` and `additionalProperties`, and an array schema made only
//! of `type`, `items`, `minItems` and `maxItems` (plus annotations, and `$ref`s to such
//! schemas) are checked member by member as the parser meets them. Every other schema is
//! handed, with the value it governs, to jsonschema whole. The violations are those jsonschema
//! reports for the whole body; the property tests hold the two to that.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::{self, Write as _};

use serde::Deserialize as _;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value, json};

use crate::capture::known::{Notice, Watch};
use crate::pointer;
use crate::validate::{BodySchema, SchemaError, Schemas, Violation};

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
enum Node {
    /// Parse the value and let jsonschema check it; then, if the schema (at the pointer) reaches
    /// an open enum, look for values off its list.
    Whole(BodySchema, Option<Watch>),
    Object(ObjectNode),
    Array(ArrayNode),
}

struct ObjectNode {
    /// The schema whole, for a value that is not an object.
    whole: BodySchema,
    /// The declared properties and the required ones. A list, not a map: objects in API
    /// bodies have a few members, and comparing a few names beats hashing each key.
    members: Vec<(String, Member)>,
    required: usize,
    /// The schema of the other properties; `None` when any value is allowed (or none is,
    /// which `shape` reports).
    additional: Option<usize>,
    forbids_others: bool,
    /// `required` (and `additionalProperties: false` with the declared names), checked
    /// against the member names only; `None` when there is nothing to check.
    shape: Option<BodySchema>,
}

struct Member {
    node: Option<usize>,
    /// The member's index in `required`, if required.
    required: Option<usize>,
}

struct ArrayNode {
    whole: BodySchema,
    items: Option<usize>,
    min_items: Option<u64>,
    max_items: Option<u64>,
    /// Where the schema sits in the document, for the `minItems` and `maxItems` rules.
    pointer: String,
}

/// The body schema of a contract, split for streaming.
pub struct Plan {
    nodes: Vec<Node>,
    /// The document, for the walk of [`known::notices`].
    document: Value,
    root: usize,
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
        Ok(Self { nodes, document: schemas.document().clone(), root, root_pointer })
    }

    /// Where the body schema sits in the document.
    pub fn root_pointer(&self) -> &str {
        &self.root_pointer
    }

    /// Every violation of the JSON `text` against the schema, with pointers but no positions;
    /// `progress` hears the byte offset reached now and then. The error is the parser's.
    pub fn violations(
        &self,
        text: &str,
        progress: &mut dyn FnMut(usize),
    ) -> Result<Vec<Violation>, serde_json::Error> {
        self.findings(text, progress).map(|(violations, _)| violations)
    }

    /// [`Self::violations`], and the values off an open enum's list, in the order met.
    pub fn findings(
        &self,
        text: &str,
        progress: &mut dyn FnMut(usize),
    ) -> Result<(Vec<Violation>, Vec<Notice>), serde_json::Error> {
        let mut walk = Walk {
            plan: self,
            pointer: String::new(),
            violations: Vec::new(),
            notices: Vec::new(),
            base: text.as_ptr().addr(),
            length: text.len(),
            next_report: 0,
            progress,
        };
        let mut deserializer = serde_json::Deserializer::from_str(text);
        Seed { walk: &mut walk, node: Some(self.root) }.deserialize(&mut deserializer)?;
        deserializer.end()?;
        let mut violations = walk.violations;
        crate::validate::sort(&mut violations);
        Ok((violations, walk.notices))
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
        let required: Vec<&str> = schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
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
        Ok(ObjectNode { whole, members, required: required.len(), additional, forbids_others, shape })
    }
}

/// Whether `schema` is a `type: kind` schema with no keywords but `allowed` and annotations.
fn streams(schema: &Map<String, Value>, kind: &str, allowed: &[&str]) -> bool {
    schema.get("type").and_then(Value::as_str) == Some(kind)
        && schema.keys().all(|key| {
            key == "type" || allowed.contains(&key.as_str()) || ANNOTATIONS.contains(&key.as_str())
        })
}

/// What the walk over one body keeps: where it is and what it found.
struct Walk<'p, 'f> {
    plan: &'p Plan,
    /// The pointer of the value being parsed.
    pointer: String,
    violations: Vec<Violation>,
    notices: Vec<Notice>,
    /// The address and length of the text, to tell how far a borrowed key lies into it.
    base: usize,
    length: usize,
    next_report: usize,
    progress: &'f mut dyn FnMut(usize),
}

/// How often, in bytes, the walk reports its progress.
const REPORT_EVERY: usize = 1 << 22;

impl Walk<'_, '_> {
    fn check(&mut self, schema: &BodySchema, value: &Value) {
        if !schema.is_valid(value) {
            self.violations.extend(schema.violations_at(&self.pointer, value));
        }
    }

    /// Reports progress when `key` lies in the text (a key with escapes is a copy elsewhere)
    /// far enough past the last report.
    fn reached(&mut self, key: &str) {
        let offset = key.as_ptr().addr().wrapping_sub(self.base);
        if offset >= self.next_report && offset < self.length {
            self.next_report = offset.saturating_add(REPORT_EVERY);
            (self.progress)(offset);
        }
    }
}

/// Parses one value and checks it against `node` (`None`: any value is allowed).
struct Seed<'w, 'p, 'f> {
    walk: &'w mut Walk<'p, 'f>,
    node: Option<usize>,
}

impl<'de> DeserializeSeed<'de> for Seed<'_, '_, '_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        match self.node.map(|node| &self.walk.plan.nodes[node]) {
            Some(Node::Whole(schema, known)) => {
                let value = Value::deserialize(deserializer)?;
                self.walk.check(schema, &value);
                if let Some(watch) = known {
                    let walk = &mut *self.walk;
                    watch.check(&walk.plan.document, &value, &walk.pointer, &mut walk.notices);
                }
                Ok(())
            }
            _ => deserializer.deserialize_any(self),
        }
    }
}

impl Seed<'_, '_, '_> {
    /// Checks a value parsed whole against the node's schema whole.
    #[allow(clippy::unnecessary_wraps, reason = "every visitor method ends with it")]
    fn scalar<E>(self, value: &Value) -> Result<(), E> {
        let plan = self.walk.plan;
        if let Some(node) = self.node {
            let schema = match &plan.nodes[node] {
                Node::Whole(schema, _) => schema,
                Node::Object(object) => &object.whole,
                Node::Array(array) => &array.whole,
            };
            self.walk.check(schema, value);
        }
        Ok(())
    }

    fn object<'de, A: MapAccess<'de>>(self, object: &ObjectNode, mut map: A) -> Result<(), A::Error> {
        let walk = self.walk;
        let depth = walk.pointer.len();
        let mut seen = vec![false; object.required];
        let mut others = false;
        let mut names: Vec<String> = Vec::new();
        while let Some(key) = map.next_key_seed(Key)? {
            walk.reached(&key);
            let member =
                object.members.iter().find(|(name, _)| name == key.as_ref()).map(|(_, member)| member);
            if let Some(index) = member.and_then(|member| member.required) {
                seen[index] = true;
            }
            others |= member.is_none() && object.forbids_others;
            if object.shape.is_some() {
                names.push(key.as_ref().to_owned());
            }
            let node = member.map_or(object.additional, |member| member.node);
            pointer::push(&mut walk.pointer, &key);
            map.next_value_seed(Seed { walk: &mut *walk, node })?;
            walk.pointer.truncate(depth);
        }
        if let Some(shape) = &object.shape
            && (others || seen.contains(&false))
        {
            let names: Map<String, Value> = names.into_iter().map(|name| (name, Value::Null)).collect();
            walk.check(shape, &Value::Object(names));
        }
        Ok(())
    }

    fn array<'de, A: SeqAccess<'de>>(self, array: &ArrayNode, mut seq: A) -> Result<(), A::Error> {
        let walk = self.walk;
        let depth = walk.pointer.len();
        let mut count: usize = 0;
        loop {
            let _ = write!(walk.pointer, "/{count}");
            let more = seq.next_element_seed(Seed { walk: &mut *walk, node: array.items })?;
            walk.pointer.truncate(depth);
            if more.is_none() {
                break;
            }
            count += 1;
        }
        let (keyword, broken) = match (array.min_items, array.max_items) {
            (Some(min), _) if (count as u64) < min => ("minItems", format!("at least {min} items")),
            (_, Some(max)) if count as u64 > max => ("maxItems", format!("at most {max} items")),
            _ => return Ok(()),
        };
        walk.violations.push(Violation {
            pointer: walk.pointer.clone(),
            message: format!("the array has {}: expected {broken}", crate::validate::count(count, "item")),
            keyword: keyword.to_owned(),
            rule: format!("{}/{keyword}", array.pointer),
            expected: broken,
            found: crate::validate::count(count, "item"),
        });
        Ok(())
    }
}

impl<'de> Visitor<'de> for Seed<'_, '_, '_> {
    type Value = ();

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a JSON value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<(), E> {
        self.scalar(&Value::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<(), E> {
        self.scalar(&Value::from(value))
    }

    fn visit_u64<E>(self, value: u64) -> Result<(), E> {
        self.scalar(&Value::from(value))
    }

    fn visit_f64<E>(self, value: f64) -> Result<(), E> {
        self.scalar(&Value::from(value))
    }

    fn visit_str<E>(self, value: &str) -> Result<(), E> {
        self.scalar(&Value::from(value))
    }

    fn visit_string<E>(self, value: String) -> Result<(), E> {
        self.scalar(&Value::String(value))
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        self.scalar(&Value::Null)
    }

    fn visit_none<E>(self) -> Result<(), E> {
        self.scalar(&Value::Null)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        let plan = self.walk.plan;
        match self.node.map(|node| &plan.nodes[node]) {
            Some(Node::Object(object)) => self.object(object, map),
            None => {
                let walk = self.walk;
                let mut map = map;
                while map.next_key::<IgnoredAny>()?.is_some() {
                    map.next_value_seed(Seed { walk: &mut *walk, node: None })?;
                }
                Ok(())
            }
            Some(_) => {
                let value = Value::deserialize(de::value::MapAccessDeserializer::new(map))?;
                self.scalar(&value)
            }
        }
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        let plan = self.walk.plan;
        match self.node.map(|node| &plan.nodes[node]) {
            Some(Node::Array(array)) => self.array(array, seq),
            None => {
                let walk = self.walk;
                let mut seq = seq;
                while seq.next_element_seed(Seed { walk: &mut *walk, node: None })?.is_some() {}
                Ok(())
            }
            Some(_) => {
                let value = Value::deserialize(de::value::SeqAccessDeserializer::new(seq))?;
                self.scalar(&value)
            }
        }
    }
}

/// An object's key, borrowed from the text when it has no escapes.
struct Key;

impl<'de> DeserializeSeed<'de> for Key {
    type Value = Cow<'de, str>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Key {
    type Value = Cow<'de, str>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a string key")
    }

    fn visit_borrowed_str<E>(self, value: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(value))
    }

    fn visit_str<E>(self, value: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(value.to_owned()))
    }
}
