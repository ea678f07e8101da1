//! The two derives of one body type must say the same: utoipa's component in the document
//! and schemars' standalone schema. They spell some things differently (utoipa writes a
//! nullable reference as `oneOf` and a `#[serde(flatten)]` as `allOf`; schemars writes
//! `anyOf` and merges the properties), so both are read into the same shape first: types,
//! nullability, enums, formats, limits, defaults, examples, extensions, properties in order,
//! the required set, items and additional properties. Descriptions and titles are not
//! compared: both come from the same doc comments.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fmt;

use serde_json::{Value, json};

use cloudspec_schema::pointer;

/// One way the two schemas disagree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Difference {
    /// Where, as a path through properties and items from the type's root.
    pub pointer: String,
    pub message: String,
}

impl fmt::Display for Difference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", pointer::display(&self.pointer), self.message)
    }
}

/// The keywords compared as values, besides extensions.
const COMPARED: &[&str] = &[
    "enum",
    "format",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
    "minLength",
    "maxLength",
    "pattern",
    "minItems",
    "maxItems",
    "uniqueItems",
    "minProperties",
    "maxProperties",
    "default",
    "examples",
];

/// How component `name` of the OpenAPI 3.1 `document` differs from the standalone
/// `schema` of the same type; empty when they agree.
pub fn differences(document: &Value, name: &str, schema: &Value) -> Vec<Difference> {
    let start = json!({ "$ref": format!("#/components/schemas/{}", pointer::escape(name)) });
    let mut comparison =
        Comparison { utoipa: document, schemars: schema, seen: HashSet::new(), found: Vec::new() };
    comparison.compare(&start, schema, "");
    comparison.found
}

struct Comparison<'a> {
    utoipa: &'a Value,
    schemars: &'a Value,
    /// Pairs of schemas already compared, so that recursive types end.
    seen: HashSet<(usize, usize)>,
    found: Vec<Difference>,
}

impl<'a> Comparison<'a> {
    fn differ(&mut self, at: &str, message: String) {
        self.found.push(Difference { pointer: at.to_owned(), message });
    }

    fn compare(&mut self, utoipa: &'a Value, schemars: &'a Value, at: &str) {
        let (left, right) = match (Shape::of(self.utoipa, utoipa), Shape::of(self.schemars, schemars)) {
            (Ok(left), Ok(right)) => (left, right),
            (Err(message), _) => return self.differ(at, format!("utoipa: {message}")),
            (_, Err(message)) => return self.differ(at, format!("schemars: {message}")),
        };
        if !self
            .seen
            .insert((std::ptr::from_ref(left.node) as usize, std::ptr::from_ref(right.node) as usize))
        {
            return;
        }
        if left.types != right.types {
            self.differ(at, format!("type: utoipa {:?}, schemars {:?}", left.types, right.types));
        }
        if left.nullable != right.nullable {
            self.differ(at, format!("nullable: utoipa {}, schemars {}", left.nullable, right.nullable));
        }
        let keys: BTreeSet<&String> = left.keywords.keys().chain(right.keywords.keys()).collect();
        for key in keys {
            let (l, r) = (left.keywords.get(key), right.keywords.get(key));
            if l != r {
                self.differ(at, format!("{key}: utoipa {}, schemars {}", show(l), show(r)));
            }
        }
        if left.required != right.required {
            self.differ(at, format!("required: utoipa {:?}, schemars {:?}", left.required, right.required));
        }
        let left_names: Vec<&str> = left.properties.iter().map(|(name, _)| *name).collect();
        let right_names: Vec<&str> = right.properties.iter().map(|(name, _)| *name).collect();
        let same_names = if left.ordered && right.ordered {
            left_names == right_names
        } else {
            left_names.iter().collect::<BTreeSet<_>>() == right_names.iter().collect::<BTreeSet<_>>()
        };
        if !same_names {
            self.differ(at, format!("properties: utoipa {left_names:?}, schemars {right_names:?}"));
        }
        for (name, l) in &left.properties {
            if let Some((_, r)) = right.properties.iter().find(|(other, _)| other == name) {
                self.compare(l, r, &format!("{at}/properties/{}", pointer::escape(name)));
            }
        }
        for (key, l, r) in
            [("items", left.items, right.items), ("additionalProperties", left.additional, right.additional)]
        {
            match (l, r) {
                (Some(l), Some(r)) if l.is_object() && r.is_object() => {
                    self.compare(l, r, &format!("{at}/{key}"));
                }
                (l, r) if l != r => {
                    self.differ(at, format!("{key}: utoipa {}, schemars {}", show(l), show(r)));
                }
                _ => {}
            }
        }
    }
}

fn show(value: Option<&Value>) -> String {
    value.map_or_else(|| "absent".to_owned(), |value| serde_json::to_string(value).unwrap_or_default())
}

/// What a schema says, in a form both derives' spellings read into.
#[derive(Debug, Default)]
struct Shape<'a> {
    /// The schema after references, to tell recursion.
    node: &'a Value,
    types: BTreeSet<String>,
    nullable: bool,
    keywords: BTreeMap<String, Value>,
    properties: Vec<(&'a str, &'a Value)>,
    /// False when properties were merged from `allOf` members, whose order means nothing.
    ordered: bool,
    required: BTreeSet<String>,
    items: Option<&'a Value>,
    /// Absent when any property is admitted (`true` or no keyword).
    additional: Option<&'a Value>,
}

impl<'a> Shape<'a> {
    fn of(root: &'a Value, node: &'a Value) -> Result<Self, String> {
        let node = resolve(root, node)?;
        let Some(object) = node.as_object() else {
            return Ok(Self { node, ordered: true, ..Self::default() });
        };
        // A union of one schema and null: the schema, nullable.
        for key in ["oneOf", "anyOf"] {
            if let Some(Value::Array(members)) = object.get(key) {
                let (nulls, others): (Vec<&Value>, Vec<&Value>) =
                    members.iter().partition(|member| member.get("type") == Some(&json!("null")));
                if !nulls.is_empty() && others.len() == 1 {
                    let mut shape = Self::of(root, others[0])?;
                    shape.nullable = true;
                    return Ok(shape);
                }
            }
        }
        let mut shape = Self { node, ordered: true, ..Self::default() };
        if let Some(Value::Array(members)) = object.get("allOf") {
            for member in members {
                shape.merge(Self::of(root, member)?);
            }
            shape.ordered = members.len() < 2;
        }
        match object.get("type") {
            Some(Value::String(name)) => {
                shape.types.insert(name.clone());
            }
            Some(Value::Array(names)) => {
                shape.types.extend(names.iter().filter_map(Value::as_str).map(str::to_owned));
            }
            _ => {}
        }
        if shape.types.remove("null") || object.get("nullable") == Some(&json!(true)) {
            shape.nullable = true;
        }
        for (key, value) in object {
            if COMPARED.contains(&key.as_str()) || key.starts_with("x-") {
                shape.keywords.insert(key.clone(), value.clone());
            }
        }
        if let Some(value) = object.get("const") {
            shape.keywords.insert("enum".into(), json!([value]));
        }
        if let Some(value) = object.get("example") {
            shape.keywords.insert("examples".into(), json!([value]));
        }
        if let Some(Value::Object(properties)) = object.get("properties") {
            shape.properties.extend(properties.iter().map(|(name, schema)| (name.as_str(), schema)));
        }
        if let Some(Value::Array(required)) = object.get("required") {
            shape.required.extend(required.iter().filter_map(Value::as_str).map(str::to_owned));
        }
        shape.items = object.get("items").or(shape.items);
        shape.additional = match object.get("additionalProperties") {
            None | Some(Value::Bool(true)) => shape.additional,
            Some(other) => Some(other),
        };
        Ok(shape)
    }

    fn merge(&mut self, member: Self) {
        self.types.extend(member.types);
        self.nullable |= member.nullable;
        self.keywords.extend(member.keywords);
        self.properties.extend(member.properties);
        self.required.extend(member.required);
        self.items = self.items.or(member.items);
        self.additional = self.additional.or(member.additional);
    }
}

/// `node`, or what its `$ref` (a pointer into `root`) names, to the end of the chain.
fn resolve<'a>(root: &'a Value, mut node: &'a Value) -> Result<&'a Value, String> {
    for _ in 0..32 {
        let Some(reference) = node.get("$ref").and_then(Value::as_str) else { return Ok(node) };
        node = reference
            .strip_prefix('#')
            .and_then(|pointer| root.pointer(pointer))
            .ok_or_else(|| format!("cannot resolve $ref {reference:?}"))?;
    }
    Err("a $ref chain longer than 32".into())
}
