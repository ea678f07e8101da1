//! Matching operations across the two sides, and comparing what an operation holds:
//! identity, parameters, request body, responses.

use std::collections::HashSet;

use serde_json::{Value, json};

use super::compare::{Comparer, Doc, Loc, Side};
use super::documents::DocumentSet;
use super::rules::{self, Direction};
use crate::openapi::{self, Operation};

/// An operation and the document that holds it.
struct Found<'a> {
    doc: Doc<'a>,
    operation: Operation<'a>,
}

fn collect(set: &DocumentSet) -> Vec<Found<'_>> {
    set.iter()
        .flat_map(|(path, value)| {
            openapi::operations(value)
                .into_iter()
                .map(move |operation| Found { doc: Doc { path, value }, operation })
        })
        .collect()
}

/// Every change from `before` to `after`. Operations are the same when they share method
/// and path; failing that, when they share an operationId (the operation moved).
pub fn compare(before: &DocumentSet, after: &DocumentSet) -> Vec<super::Change> {
    let old = collect(before);
    let new = collect(after);
    let mut matched: Vec<Option<usize>> = vec![None; new.len()];
    let mut taken = vec![false; old.len()];
    let same_place = |a: &Operation<'_>, b: &Operation<'_>| a.path == b.path && a.method == b.method;
    let same_id = |a: &Operation<'_>, b: &Operation<'_>| a.id().is_some() && a.id() == b.id();
    for same in [&same_place as &dyn Fn(&Operation<'_>, &Operation<'_>) -> bool, &same_id] {
        for (index, found) in new.iter().enumerate() {
            if matched[index].is_some() {
                continue;
            }
            if let Some(partner) =
                old.iter().enumerate().position(|(i, o)| !taken[i] && same(&o.operation, &found.operation))
            {
                taken[partner] = true;
                matched[index] = Some(partner);
            }
        }
    }

    let mut changes = Vec::new();
    let mut compared_documents = HashSet::new();
    for (found, partner) in new.iter().zip(&matched) {
        let name = name(&found.operation);
        if let Some(partner) = partner {
            let old = &old[*partner];
            let mut comparer = Comparer::new(old.doc, found.doc, name);
            comparer.operation(&old.operation, &found.operation);
            if compared_documents.insert((old.doc.path, found.doc.path)) {
                comparer.document_level();
            }
            changes.extend(comparer.changes);
        } else {
            let mut comparer = Comparer::new(found.doc, found.doc, name);
            comparer.record(
                rules::OPERATION_ADDED,
                Side::After,
                &found.operation.pointer,
                None,
                Some(json!(found.operation.label())),
            );
            changes.extend(comparer.changes);
        }
    }
    for (found, _) in old.iter().zip(&taken).filter(|(_, taken)| !**taken) {
        let mut comparer = Comparer::new(found.doc, found.doc, name(&found.operation));
        comparer.record(
            rules::OPERATION_REMOVED,
            Side::Before,
            &found.operation.pointer,
            Some(json!(found.operation.label())),
            None,
        );
        changes.extend(comparer.changes);
    }
    changes
}

fn name(operation: &Operation<'_>) -> String {
    operation.id().map_or_else(|| operation.label(), str::to_owned)
}

/// Keys of an operation compared by a rule of their own; the rest fall to `generic`.
const OPERATION_KEYS: [&str; 5] = ["operationId", "parameters", "requestBody", "responses", "deprecated"];

impl Comparer<'_> {
    fn operation(&mut self, before: &Operation<'_>, after: &Operation<'_>) {
        let b = Loc::new(before.value, before.pointer.clone());
        let a = Loc::new(after.value, after.pointer.clone());
        if before.path != after.path {
            self.record(
                rules::PATH_CHANGED,
                Side::After,
                &a.at,
                Some(json!(before.path)),
                Some(json!(after.path)),
            );
        }
        if before.method != after.method {
            self.record(
                rules::METHOD_CHANGED,
                Side::After,
                &a.at,
                Some(json!(before.method.to_uppercase())),
                Some(json!(after.method.to_uppercase())),
            );
        }
        if before.id() != after.id() {
            let at = a.get("operationId").map_or(a.at.clone(), |loc| loc.at);
            self.record(
                rules::OPERATION_ID_CHANGED,
                Side::After,
                &at,
                Some(json!(before.id())),
                Some(json!(after.id())),
            );
        }
        self.deprecation(&b, &a);
        self.parameters(before, after);
        match (b.get("requestBody"), a.get("requestBody")) {
            (Some(rb), Some(ra)) => self.request_body(&rb, &ra),
            (rb, ra) => self.generic("requestBody", rb.as_ref(), ra.as_ref()),
        }
        match (b.get("responses"), a.get("responses")) {
            (Some(rb), Some(ra)) => self.responses(&rb, &ra),
            (rb, ra) => self.generic("responses", rb.as_ref(), ra.as_ref()),
        }
        self.generic_keys(&b, &a, &OPERATION_KEYS);
    }

    /// `deprecated: true` appearing or going, on an operation, a parameter or a schema.
    pub(super) fn deprecation(&mut self, before: &Loc<'_>, after: &Loc<'_>) {
        let flag = |loc: &Loc<'_>| loc.value.get("deprecated").and_then(Value::as_bool).unwrap_or(false);
        let at = after.get("deprecated").map_or(after.at.clone(), |loc| loc.at);
        match (flag(before), flag(after)) {
            (false, true) => {
                self.record(rules::DEPRECATED_ADDED, Side::After, &at, Some(json!(false)), Some(json!(true)));
            }
            (true, false) => self.record(
                rules::DEPRECATED_REMOVED,
                Side::After,
                &at,
                Some(json!(true)),
                Some(json!(false)),
            ),
            _ => {}
        }
    }

    /// What the server, info and security schemes of the two documents say: compared once
    /// per pair of documents.
    fn document_level(&mut self) {
        let b = Loc::new(self.before.value, "");
        let a = Loc::new(self.after.value, "");
        for key in ["info", "servers", "tags", "security"] {
            self.generic(key, b.get(key).as_ref(), a.get(key).as_ref());
        }
        let [sb, sa] = [&b, &a]
            .map(|loc| loc.get("components").and_then(|components| components.get("securitySchemes")));
        self.generic("securitySchemes", sb.as_ref(), sa.as_ref());
    }

    /// The parameters of an operation and of its path item, each resolved, keyed by `in`
    /// and name.
    fn effective_parameters<'a>(document: &'a Value, operation: &Operation<'a>) -> Vec<Loc<'a>> {
        let mut found: Vec<Loc<'a>> = Vec::new();
        let path_item_at = operation.pointer.rsplit_once('/').map_or("", |(head, _)| head);
        let lists =
            [(operation.path_item, path_item_at.to_owned()), (operation.value, operation.pointer.clone())];
        for (holder, at) in lists {
            for (index, parameter) in
                holder.get("parameters").and_then(Value::as_array).into_iter().flatten().enumerate()
            {
                let (value, at) = openapi::resolve(document, parameter, &format!("{at}/parameters/{index}"));
                let key = |loc: &Loc<'_>| (loc.value.get("in").cloned(), loc.value.get("name").cloned());
                let loc = Loc::new(value, at);
                found.retain(|existing| key(existing) != key(&loc));
                found.push(loc);
            }
        }
        found
    }

    fn parameters(&mut self, before: &Operation<'_>, after: &Operation<'_>) {
        let old = Self::effective_parameters(self.before.value, before);
        let new = Self::effective_parameters(self.after.value, after);
        let field = |loc: &Loc<'_>, key: &str| loc.value.get(key).and_then(Value::as_str).map(str::to_owned);
        let required = |loc: &Loc<'_>| loc.value.get("required").and_then(Value::as_bool).unwrap_or(false);
        let mut seen_old = vec![false; old.len()];
        for a in &new {
            let same_name = |b: &Loc<'_>| field(b, "name") == field(a, "name");
            if let Some(index) = old.iter().position(|b| same_name(b) && field(b, "in") == field(a, "in")) {
                seen_old[index] = true;
                let b = &old[index];
                match (required(b), required(a)) {
                    (false, true) => self.record_flag(rules::PARAMETER_BECAME_REQUIRED, a, "required", false),
                    (true, false) => self.record_flag(rules::PARAMETER_BECAME_OPTIONAL, a, "required", true),
                    _ => {}
                }
                self.deprecation(b, a);
                self.schema_or_generic(b, a, Direction::Request);
                self.generic_keys(b, a, &["name", "in", "required", "deprecated", "schema"]);
            } else if let Some(index) = old.iter().enumerate().position(|(i, b)| !seen_old[i] && same_name(b))
            {
                seen_old[index] = true;
                let b = &old[index];
                self.record(
                    rules::PARAMETER_MOVED,
                    Side::After,
                    &a.at,
                    b.value.get("in").cloned(),
                    a.value.get("in").cloned(),
                );
            } else if required(a) {
                self.record_pair(rules::PARAMETER_ADDED_REQUIRED, None, Some(a));
            } else {
                self.record_pair(rules::PARAMETER_ADDED_OPTIONAL, None, Some(a));
            }
        }
        for (b, _) in old.iter().zip(seen_old).filter(|(_, seen)| !seen) {
            self.record_pair(rules::PARAMETER_REMOVED, Some(b), None);
        }
    }

    /// The `schema` of a parameter or media type: compared as schemas when both sides have one.
    fn schema_or_generic(&mut self, before: &Loc<'_>, after: &Loc<'_>, direction: Direction) {
        match (before.get("schema"), after.get("schema")) {
            (Some(sb), Some(sa)) => self.schema(&sb, &sa, direction),
            (sb, sa) => self.generic("schema", sb.as_ref(), sa.as_ref()),
        }
    }

    /// Records a boolean keyword flipping from `was`.
    fn record_flag(&mut self, rule: rules::Rule, holder: &Loc<'_>, key: &str, was: bool) {
        let at = holder.get(key).map_or(holder.at.clone(), |loc| loc.at);
        self.record(rule, Side::After, &at, Some(json!(was)), Some(json!(!was)));
    }

    fn request_body(&mut self, before: &Loc<'_>, after: &Loc<'_>) {
        let (bv, bat) = openapi::resolve(self.before.value, before.value, &before.at);
        let (av, aat) = openapi::resolve(self.after.value, after.value, &after.at);
        let (b, a) = (Loc::new(bv, bat), Loc::new(av, aat));
        match (b.get("content"), a.get("content")) {
            (Some(cb), Some(ca)) => self.content(&cb, &ca, Direction::Request),
            (cb, ca) => self.generic("content", cb.as_ref(), ca.as_ref()),
        }
        self.generic_keys(&b, &a, &["content"]);
    }

    fn responses(&mut self, before: &Loc<'_>, after: &Loc<'_>) {
        for status in after.keys() {
            let a = after.get(status).expect("a key of the object");
            match before.get(status) {
                Some(b) => {
                    let (bv, bat) = openapi::resolve(self.before.value, b.value, &b.at);
                    let (av, aat) = openapi::resolve(self.after.value, a.value, &a.at);
                    let (b, a) = (Loc::new(bv, bat), Loc::new(av, aat));
                    match (b.get("content"), a.get("content")) {
                        (Some(cb), Some(ca)) => self.content(&cb, &ca, Direction::Response),
                        (cb, ca) => self.generic("content", cb.as_ref(), ca.as_ref()),
                    }
                    self.generic_keys(&b, &a, &["content"]);
                }
                None => {
                    self.record(rules::RESPONSE_STATUS_ADDED, Side::After, &a.at, None, Some(json!(status)));
                }
            }
        }
        for status in before.keys().filter(|status| after.value.get(status.as_str()).is_none()) {
            let b = before.get(status).expect("a key of the object");
            self.record(rules::RESPONSE_STATUS_REMOVED, Side::Before, &b.at, Some(json!(status)), None);
        }
    }

    /// Media types: the schema of each compared in `direction`, the rest generically.
    fn content(&mut self, before: &Loc<'_>, after: &Loc<'_>, direction: Direction) {
        for media in after.keys() {
            let a = after.get(media).expect("a key of the object");
            let Some(b) = before.get(media) else {
                self.generic(media, None, Some(&a));
                continue;
            };
            self.schema_or_generic(&b, &a, direction);
            self.generic_keys(&b, &a, &["schema"]);
        }
        for media in before.keys().filter(|media| after.value.get(media.as_str()).is_none()) {
            self.generic(media, before.get(media).as_ref(), None);
        }
    }
}
