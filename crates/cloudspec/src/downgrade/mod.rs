//! The OpenAPI 3.0.3 rendition of an OpenAPI 3.1 document, for the generators that read
//! 3.0 only (progenitor accepts `3.0.*` alone; tools on the `openapiv3` crate cannot read
//! 3.1).
//!
//! [`downgrade`] is a pure function of the 3.1 document, so that it applies to any of them
//! (each locale's twin too). It is one rule per difference between the versions, each a
//! module here. Where schemars' public transforms do a rule's rewrite, the rule uses them
//! and adds only what they lack: knowing where schemas sit in an OpenAPI document, and
//! saying what is lost. Nothing is lost silently: what 3.0 cannot express becomes a
//! [`Finding`] and a note in the description of the object it concerns.

mod booleans;
mod bounds;
mod constant;
mod document;
mod examples;
mod notes;
mod nullable;
mod ref_siblings;
mod references;
mod unsupported;
pub(crate) mod walk;

use std::fmt;

use serde_json::{Map, Value};

pub use notes::{Language, Note};

/// The version the rendition declares.
pub(crate) const OPENAPI_3_0: &str = "3.0.3";

/// What the 3.0 document cannot say that the 3.1 document said.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// JSON pointer to the object concerned, in the 3.0 document.
    pub pointer: String,
    /// The rule (module) that found it.
    pub rule: &'static str,
    /// What was lost or rewritten, in words a reader of the description understands.
    pub message: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} [{}]: {}", cloudspec_schema::pointer::display(&self.pointer), self.rule, self.message)
    }
}

/// A 3.0.3 document and what it could not keep of the 3.1 one.
#[derive(Debug)]
pub struct Downgraded {
    pub value: Value,
    pub findings: Vec<Finding>,
}

/// The OpenAPI 3.0.3 rendition of the OpenAPI 3.1 `document`, in English.
pub fn downgrade(document: &Value) -> Downgraded {
    downgrade_in(document, Language::English)
}

/// The OpenAPI 3.0.3 rendition of the OpenAPI 3.1 `document`, whose notes are written in
/// `language` (the findings stay in English: they are for the reviewer, not the reader).
pub fn downgrade_in(document: &Value, language: Language) -> Downgraded {
    let mut value = document.clone();
    let mut findings = Vec::new();
    document::apply(&mut value, &mut findings, language);
    let mut visitor = Rules { original: document, findings: &mut findings, language };
    walk::document(&mut value, &mut visitor);
    drop_inlined_components(document, &mut value);
    Downgraded { value, findings }
}

/// Removes the components the 3.1 document uses that the rendition no longer refers to:
/// every use was inlined (a nullable reference, [`nullable`]; a reference with siblings,
/// [`references`]), where the inlining is noted. Left in, each would be an unused component,
/// which Spectral (`oas3-unused-component`) and Redocly (`no-unused-components`) warn of, and
/// a type no operation uses for generators. A kind of component left with none goes too.
fn drop_inlined_components(document: &Value, rendition: &mut Value) {
    let used = cloudspec_schema::openapi::referenced_components(rendition);
    let Some(components) = rendition.get_mut("components").and_then(Value::as_object_mut) else { return };
    for component in cloudspec_schema::openapi::referenced_components(document) {
        if used.contains(&component) {
            continue;
        }
        let mut tokens = component.trim_start_matches("/components/").splitn(2, '/');
        let (Some(kind), Some(name)) = (tokens.next(), tokens.next()) else { continue };
        let kind = cloudspec_schema::pointer::unescape(kind);
        if let Some(Value::Object(members)) = components.get_mut(&kind) {
            members.shift_remove(&cloudspec_schema::pointer::unescape(name));
            if members.is_empty() {
                components.shift_remove(&kind);
            }
        }
    }
    if components.is_empty()
        && let Some(root) = rendition.as_object_mut()
    {
        root.shift_remove("components");
    }
}

/// The per-object rules, applied wherever the walk finds a schema or a reference.
struct Rules<'a> {
    /// The 3.1 document, where references are looked up.
    original: &'a Value,
    findings: &'a mut Vec<Finding>,
    language: Language,
}

impl walk::Visitor for Rules<'_> {
    fn reference(&mut self, node: &mut Value, at: &str, kind: walk::Kind) {
        references::apply(node, at, kind, self.original, self.findings);
    }

    fn schema(&mut self, node: &mut Value, at: &str) {
        // This crate's rules, top down, so that each node is rewritten before its
        // subschemas are visited and every pointer names a place in the 3.0 document.
        schema_node(node, at, self.original, self.findings, self.language);
        // Then schemars' transforms, each recursive over the whole schema: they move no
        // subschema, so the pointers above stay true.
        if let Ok(schema) = <&mut schemars::Schema>::try_from(node) {
            booleans::apply(schema);
            nullable::apply(schema);
            ref_siblings::apply(schema);
            examples::apply(schema);
            constant::apply(schema);
        }
    }
}

fn schema_node(
    node: &mut Value,
    at: &str,
    original: &Value,
    findings: &mut Vec<Finding>,
    language: Language,
) {
    if let Some(schema) = node.as_object_mut() {
        let mut notes = Notes { at, findings, lost: Vec::new(), language };
        nullable::union(schema, original, &mut notes);
        nullable::type_union(schema);
        nullable::null_only(schema);
        bounds::apply(schema);
        examples::audit(schema, &mut notes);
        unsupported::apply(schema, &mut notes);
        let lost = std::mem::take(&mut notes.lost);
        note_in_description(schema, &lost, language);
    }
    for (tokens, subschema) in walk::subschemas_3_0(node) {
        schema_node(subschema, &format!("{at}{tokens}"), original, findings, language);
    }
}

/// What the rules of one object found, gathered to be written into its description once.
struct Notes<'a> {
    at: &'a str,
    findings: &'a mut Vec<Finding>,
    /// What is lost, in the document's language.
    lost: Vec<String>,
    language: Language,
}

impl Notes<'_> {
    /// Records that `rule` could not carry what `note` says into 3.0, here.
    fn lost(&mut self, rule: &'static str, note: &Note) {
        self.findings.push(Finding {
            pointer: self.at.to_owned(),
            rule,
            message: note.text(Language::English),
        });
        self.lost.push(note.text(self.language));
    }
}

/// Appends what was lost to the object's description, where a reader of the 3.0 document
/// meets it.
fn note_in_description(object: &mut Map<String, Value>, lost: &[String], language: Language) {
    if lost.is_empty() {
        return;
    }
    let mut note = notes::heading(language);
    for message in lost {
        note.push_str("\n- ");
        note.push_str(message);
    }
    let description = match object.get("description").and_then(Value::as_str) {
        Some(existing) if !existing.is_empty() => format!("{existing}\n\n{note}"),
        _ => note,
    };
    object.insert("description".into(), Value::String(description));
}

/// A JSON value as a note shows it: compact.
fn compact(value: &Value) -> String {
    serde_json::to_string(value).unwrap_or_default()
}
