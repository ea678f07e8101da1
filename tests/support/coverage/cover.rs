//! Which requirements a body covers: the places an `invalid/` body breaks, as the validator
//! reports them, and the allowances a valid body uses, as withdrawing each shows.

use std::collections::{BTreeMap, BTreeSet};

use cloudspec_schema::validate::{BodySchema, Schemas, Violation};
use serde_json::Value;

use super::{Kind, Requirement};

/// The places `violations` of `body` name: each rule, and for a `required` rule the entry of
/// each member the object lacks.
pub fn covered_by_violations(document: &Value, body: &Value, violations: &[Violation]) -> BTreeSet<String> {
    let mut places = BTreeSet::new();
    for violation in violations {
        if violation.keyword != "required" {
            places.insert(violation.rule.clone());
            continue;
        }
        let members = document.pointer(&violation.rule).and_then(Value::as_array).into_iter().flatten();
        let object = body.pointer(&violation.pointer).and_then(Value::as_object);
        for (index, member) in members.enumerate() {
            let lacks = member
                .as_str()
                .is_some_and(|member| object.is_some_and(|object| !object.contains_key(member)));
            if lacks {
                places.insert(format!("{}/{index}", violation.rule));
            }
        }
    }
    places
}

/// The document with the allowance at `requirement`'s place withdrawn: an open list made
/// closed, `null` taken out of a `type` or a `oneOf`.
fn withdrawn(document: &Value, requirement: &Requirement) -> Value {
    let mut document = document.clone();
    let place = requirement.place.as_str();
    match requirement.keyword {
        "x-extensible-enum" => {
            let known = document.pointer(place).cloned().unwrap_or_default();
            let schema = place.strip_suffix("/x-extensible-enum").unwrap_or(place);
            if let Some(Value::Object(schema)) = document.pointer_mut(schema) {
                schema.insert("enum".to_owned(), known);
            }
        }
        _ => match document.pointer_mut(place) {
            Some(Value::Array(types)) => types.retain(|kind| kind != "null"),
            Some(branch) => *branch = Value::Bool(false),
            None => {}
        },
    }
    document
}

/// The validators of one document's response schemas, compiled once each.
#[derive(Debug)]
pub struct Validators {
    schemas: Schemas,
    compiled: BTreeMap<String, BodySchema>,
}

impl Validators {
    pub fn new(document: Value) -> Self {
        let schemas = Schemas::new(document).unwrap_or_else(|error| panic!("the document: {error}"));
        Self { schemas, compiled: BTreeMap::new() }
    }

    /// Every violation of `body` against the schema at `root`.
    pub fn violations(&mut self, root: &str, body: &Value) -> Vec<Violation> {
        let schemas = &self.schemas;
        self.compiled
            .entry(root.to_owned())
            .or_insert_with(|| schemas.compile(root).unwrap_or_else(|error| panic!("{root}: {error}")))
            .violations(body)
    }
}

/// What an endpoint's bodies cover, as it is found.
#[derive(Debug)]
pub struct Coverage {
    document: Value,
    original: Validators,
    /// For each allowance, the document without it.
    withdrawn: BTreeMap<String, Validators>,
    /// The places covered so far.
    pub covered: BTreeSet<(Kind, String)>,
}

impl Coverage {
    pub fn new(document: Value, requirements: &[Requirement]) -> Self {
        let withdrawn = requirements
            .iter()
            .filter(|requirement| requirement.kind == Kind::Valid)
            .map(|requirement| {
                (requirement.place.clone(), Validators::new(withdrawn(&document, requirement)))
            })
            .collect();
        Self { original: Validators::new(document.clone()), document, withdrawn, covered: BTreeSet::new() }
    }

    /// The document the coverage is of.
    pub fn document(&self) -> &Value {
        &self.document
    }

    /// The places an `invalid/` body of the schema at `root` breaks.
    pub fn broken(&mut self, root: &str, body: &Value) -> BTreeSet<String> {
        let violations = self.original.violations(root, body);
        covered_by_violations(&self.document, body, &violations)
    }

    /// The allowances among `requirements` that a body the schema at `root` accepts uses:
    /// those without which it would be rejected. Empty for a body the schema rejects.
    pub fn used(&mut self, root: &str, body: &Value, requirements: &[Requirement]) -> BTreeSet<String> {
        if !self.original.violations(root, body).is_empty() {
            return BTreeSet::new();
        }
        requirements
            .iter()
            .filter(|requirement| requirement.kind == Kind::Valid)
            .filter(|requirement| {
                let validators =
                    self.withdrawn.get_mut(&requirement.place).expect("every allowance is withdrawn once");
                !validators.violations(root, body).is_empty()
            })
            .map(|requirement| requirement.place.clone())
            .collect()
    }

    /// Records what a fixture of `kind` covers.
    pub fn record(
        &mut self,
        kind: Kind,
        root: &str,
        body: &Value,
        requirements: &[Requirement],
    ) -> BTreeSet<String> {
        let places = match kind {
            Kind::Invalid => self.broken(root, body),
            Kind::Valid => self.used(root, body, requirements),
        };
        self.covered.extend(places.iter().map(|place| (kind, place.clone())));
        places
    }

    /// The requirements nothing covers yet.
    pub fn missing<'r>(&self, requirements: &'r [Requirement]) -> Vec<&'r Requirement> {
        requirements
            .iter()
            .filter(|requirement| !self.covered.contains(&(requirement.kind, requirement.place.clone())))
            .collect()
    }
}
