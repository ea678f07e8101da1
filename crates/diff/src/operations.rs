//! Matching operations across the two sides, and comparing what an operation holds:
//! identity, lifecycle, parameters, request body, responses and their headers.

use std::collections::{HashMap, HashSet, VecDeque};
use std::hash::Hash;

use serde_json::{Value, json};

use super::compare::{Comparer, Doc, Loc, Side};
use super::date::Date;
use super::lifecycle::Removal;
use super::rules::{self, Direction, Rule};
use crate::DocumentSet;
use cloudspec_vocabulary::openapi::{self, Operation};

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

/// The path with its parameters' names left out: `/v1/items/{}` for `/v1/items/{item_id}`.
/// Two paths with the same template address the same URLs.
fn template(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut inside = false;
    for character in path.chars() {
        match character {
            '{' => {
                inside = true;
                out.push('{');
            }
            '}' => {
                inside = false;
                out.push('}');
            }
            _ if inside => {}
            _ => out.push(character),
        }
    }
    out
}

/// The names of a path's parameters, in order.
fn path_parameter_names(path: &str) -> Vec<&str> {
    path.split('{').skip(1).filter_map(|part| part.split_once('}').map(|(name, _)| name)).collect()
}

/// Which old operation each new one is, as far as matched so far.
struct Matching {
    /// For each new operation, its old partner.
    partners: Vec<Option<usize>>,
    /// For each old operation, whether a new one has claimed it.
    taken: Vec<bool>,
}

impl Matching {
    fn new(old: usize, new: usize) -> Self {
        Self { partners: vec![None; new], taken: vec![false; old] }
    }

    /// One pass: each new operation still unmatched takes the first old one still free that
    /// has the same `key`. Old operations are indexed by key, each key's queue in document
    /// order, so that matching stays linear in the number of operations.
    fn pass<'a, K: Eq + Hash>(
        &mut self,
        old: &[Found<'a>],
        new: &[Found<'a>],
        key: impl Fn(&Operation<'a>) -> Option<K>,
    ) {
        let mut index: HashMap<K, VecDeque<usize>> = HashMap::new();
        for (position, found) in old.iter().enumerate() {
            if let Some(key) = key(&found.operation) {
                index.entry(key).or_default().push_back(position);
            }
        }
        for (position, found) in new.iter().enumerate() {
            if self.partners[position].is_some() {
                continue;
            }
            let Some(queue) = key(&found.operation).and_then(|key| index.get_mut(&key)) else { continue };
            while let Some(partner) = queue.pop_front() {
                if !self.taken[partner] {
                    self.taken[partner] = true;
                    self.partners[position] = Some(partner);
                    break;
                }
            }
        }
    }
}

/// Every change from `before` to `after`. Operations are the same when they share method
/// and path; failing that, method and path template (a path parameter was renamed); failing
/// that, operationId (the operation moved).
pub(super) fn compare(before: &DocumentSet, after: &DocumentSet, today: Date) -> Vec<super::Change> {
    let old = collect(before);
    let new = collect(after);
    let mut matching = Matching::new(old.len(), new.len());
    matching.pass(&old, &new, |o| Some((o.method.to_owned(), o.path.to_owned())));
    matching.pass(&old, &new, |o| Some((o.method.to_owned(), template(o.path))));
    matching.pass(&old, &new, |o| o.id().map(str::to_owned));
    let Matching { partners: matched, taken } = matching;

    // Each pair of documents is compared once, with the first pair of operations matched in it.
    let mut compared_documents = HashSet::new();
    let pairs: Vec<(&Found<'_>, Option<(&Found<'_>, bool)>)> = new
        .iter()
        .zip(&matched)
        .map(|(found, partner)| {
            let old = partner.map(|partner| &old[partner]);
            (found, old.map(|old| (old, compared_documents.insert((old.doc.path, found.doc.path)))))
        })
        .collect();
    // Each pair on its own, so on every core: comparing is most of what `diff` costs after reading.
    let per_pair = cloudspec_parallel::map(&pairs, |&(found, old)| {
        let name = name(&found.operation);
        if let Some((old, first_of_documents)) = old {
            let mut comparer = Comparer::new(old.doc, found.doc, name, today);
            comparer.operation(&old.operation, &found.operation);
            if first_of_documents {
                comparer.document_level();
            }
            comparer.changes
        } else {
            let mut comparer = Comparer::new(found.doc, found.doc, name, today);
            comparer.record(
                rules::OPERATION_ADDED,
                Side::After,
                &found.operation.pointer,
                None,
                Some(json!(found.operation.label())),
            );
            comparer.changes
        }
    });
    let mut changes: Vec<super::Change> = per_pair.into_iter().flatten().collect();
    for (found, _) in old.iter().zip(&taken).filter(|(_, taken)| !**taken) {
        let mut comparer = Comparer::new(found.doc, found.doc, name(&found.operation), today);
        let rule = Removal::of(found.operation.value, today).rule(
            rules::OPERATION_REMOVED,
            rules::OPERATION_REMOVED_DEPRECATED,
            rules::OPERATION_REMOVED_BEFORE_SUNSET,
            rules::OPERATION_REMOVED_AFTER_SUNSET,
        );
        let at = Loc::new(found.operation.value, found.operation.pointer.clone());
        comparer.record_removal(rule, &at, json!(found.operation.label()));
        changes.extend(comparer.changes);
    }
    changes
}

fn name(operation: &Operation<'_>) -> String {
    operation.id().map_or_else(|| operation.label(), str::to_owned)
}

/// Keys of an operation compared by a rule of their own; the rest fall to `generic`.
const OPERATION_KEYS: [&str; 6] =
    ["operationId", "parameters", "requestBody", "responses", "deprecated", "security"];

/// Keys of a parameter or header compared by a rule of their own.
const PARAMETER_KEYS: [&str; 5] = ["name", "in", "required", "deprecated", "schema"];

impl Comparer<'_> {
    fn operation(&mut self, before: &Operation<'_>, after: &Operation<'_>) {
        let b = Loc::new(before.value, before.pointer.clone());
        let a = Loc::new(after.value, after.pointer.clone());
        if template(before.path) != template(after.path) {
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
        self.deprecation(&b, &a, rules::DEPRECATED_ADDED);
        self.parameters(before, after);
        self.request_body(b.get("requestBody").as_ref(), a.get("requestBody").as_ref());
        match (b.get("responses"), a.get("responses")) {
            (Some(rb), Some(ra)) => self.responses(&rb, &ra),
            (rb, ra) => self.generic("responses", rb.as_ref(), ra.as_ref()),
        }
        self.security(&b, &a);
        self.generic_keys(&b, &a, &OPERATION_KEYS);
    }

    /// `deprecated: true` appearing (by `added`) or going, on an operation, a parameter, a
    /// header or a schema.
    pub(super) fn deprecation(&mut self, before: &Loc<'_>, after: &Loc<'_>, added: Rule) {
        let flag = |loc: &Loc<'_>| loc.value.get("deprecated").and_then(Value::as_bool).unwrap_or(false);
        match (flag(before), flag(after)) {
            (false, true) => self.record_flag(added, after, "deprecated", false),
            (true, false) => self.record_flag(rules::DEPRECATED_REMOVED, after, "deprecated", true),
            _ => {}
        }
    }

    /// What the server, info and security schemes of the two documents say: compared once
    /// per pair of documents. The document's `security` is compared per operation, as the
    /// default of each.
    fn document_level(&mut self) {
        let b = Loc::new(self.before.value, "");
        let a = Loc::new(self.after.value, "");
        for key in ["info", "servers", "tags"] {
            self.generic(key, b.get(key).as_ref(), a.get(key).as_ref());
        }
        self.security_schemes();
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
        // A path parameter is the same parameter as the one at its place in the old template.
        let renamed: HashMap<&str, &str> = if template(before.path) == template(after.path) {
            path_parameter_names(after.path).into_iter().zip(path_parameter_names(before.path)).collect()
        } else {
            HashMap::new()
        };
        let mut seen_old = vec![false; old.len()];
        for a in &new {
            let same_name = |b: &Loc<'_>| field(b, "name") == field(a, "name");
            let same_in = |b: &Loc<'_>| field(b, "in") == field(a, "in");
            let old_name = field(a, "name")
                .filter(|_| field(a, "in").as_deref() == Some("path"))
                .and_then(|name| renamed.get(name.as_str()).map(|old| (*old).to_owned()));
            let was_renamed = |b: &Loc<'_>| {
                old_name.is_some()
                    && field(b, "name") == old_name
                    && field(b, "in").as_deref() == Some("path")
            };
            if let Some(index) = old.iter().position(|b| same_name(b) && same_in(b)) {
                seen_old[index] = true;
                self.parameter(&old[index], a);
            } else if let Some(index) =
                old.iter().enumerate().position(|(i, b)| !seen_old[i] && was_renamed(b))
            {
                seen_old[index] = true;
                let b = &old[index];
                let at = a.get("name").map_or(a.at.clone(), |loc| loc.at);
                self.record(
                    rules::PATH_PARAMETER_RENAMED,
                    Side::After,
                    &at,
                    b.value.get("name").cloned(),
                    a.value.get("name").cloned(),
                );
                self.parameter(b, a);
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
            let rule = Removal::of(b.value, self.today).rule(
                rules::PARAMETER_REMOVED,
                rules::PARAMETER_REMOVED_DEPRECATED,
                rules::PARAMETER_REMOVED_BEFORE_SUNSET,
                rules::PARAMETER_REMOVED_AFTER_SUNSET,
            );
            self.record_removal(rule, b, b.value.clone());
        }
    }

    /// One parameter matched across the sides.
    fn parameter(&mut self, b: &Loc<'_>, a: &Loc<'_>) {
        let required = |loc: &Loc<'_>| loc.value.get("required").and_then(Value::as_bool).unwrap_or(false);
        match (required(b), required(a)) {
            (false, true) => self.record_flag(rules::PARAMETER_BECAME_REQUIRED, a, "required", false),
            (true, false) => self.record_flag(rules::PARAMETER_BECAME_OPTIONAL, a, "required", true),
            _ => {}
        }
        self.deprecation(b, a, rules::PARAMETER_DEPRECATED);
        self.schema_or_generic(b, a, Direction::Request);
        self.generic_keys(b, a, &PARAMETER_KEYS);
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

    fn request_body(&mut self, before: Option<&Loc<'_>>, after: Option<&Loc<'_>>) {
        let resolve = |document: &'_ Value, loc: &Loc<'_>| -> (String, bool) {
            let (value, at) = openapi::resolve(document, loc.value, &loc.at);
            (at, value.get("required").and_then(Value::as_bool).unwrap_or(false))
        };
        let (before, after) = match (before, after) {
            (None, None) => return,
            (None, Some(after)) => {
                let (_, required) = resolve(self.after.value, after);
                let rule = if required {
                    rules::REQUEST_BODY_ADDED_REQUIRED
                } else {
                    rules::REQUEST_BODY_ADDED_OPTIONAL
                };
                return self.record(
                    rule,
                    Side::After,
                    &after.at,
                    None,
                    Some(json!({ "required": required })),
                );
            }
            (Some(before), None) => {
                let (_, required) = resolve(self.before.value, before);
                let shown = Some(json!({ "required": required }));
                return self.record(rules::REQUEST_BODY_REMOVED, Side::Before, &before.at, shown, None);
            }
            (Some(before), Some(after)) => (before, after),
        };
        let (bv, bat) = openapi::resolve(self.before.value, before.value, &before.at);
        let (av, aat) = openapi::resolve(self.after.value, after.value, &after.at);
        let (b, a) = (Loc::new(bv, bat), Loc::new(av, aat));
        let required = |loc: &Loc<'_>| loc.value.get("required").and_then(Value::as_bool).unwrap_or(false);
        match (required(&b), required(&a)) {
            (false, true) => self.record_flag(rules::REQUEST_BODY_BECAME_REQUIRED, &a, "required", false),
            (true, false) => self.record_flag(rules::REQUEST_BODY_BECAME_OPTIONAL, &a, "required", true),
            _ => {}
        }
        self.content(b.get("content").as_ref(), a.get("content").as_ref(), Direction::Request);
        self.generic_keys(&b, &a, &["content", "required"]);
    }

    fn responses(&mut self, before: &Loc<'_>, after: &Loc<'_>) {
        for status in after.keys() {
            let a = after.get(status).expect("a key of the object");
            match before.get(status) {
                Some(b) => {
                    let (bv, bat) = openapi::resolve(self.before.value, b.value, &b.at);
                    let (av, aat) = openapi::resolve(self.after.value, a.value, &a.at);
                    let (b, a) = (Loc::new(bv, bat), Loc::new(av, aat));
                    self.content(b.get("content").as_ref(), a.get("content").as_ref(), Direction::Response);
                    self.headers(b.get("headers").as_ref(), a.get("headers").as_ref());
                    self.generic_keys(&b, &a, &["content", "headers"]);
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

    /// Media types, either side possibly without any: the schema of each compared in
    /// `direction`, the rest generically.
    fn content(&mut self, before: Option<&Loc<'_>>, after: Option<&Loc<'_>>, direction: Direction) {
        let keys = |loc: Option<&Loc<'_>>| -> Vec<String> {
            loc.map(|loc| loc.keys().cloned().collect()).unwrap_or_default()
        };
        let (old, new) = (keys(before), keys(after));
        for media in &new {
            let Some(a) = after.and_then(|after| after.get(media)) else { continue };
            match before.and_then(|before| before.get(media)) {
                Some(b) => {
                    self.schema_or_generic(&b, &a, direction);
                    self.generic_keys(&b, &a, &["schema"]);
                }
                None => self.record(
                    rules::MEDIA_TYPE_ADDED.at(direction),
                    Side::After,
                    &a.at,
                    None,
                    Some(json!(media)),
                ),
            }
        }
        for media in old.iter().filter(|media| !new.contains(media)) {
            if let Some(b) = before.and_then(|before| before.get(media)) {
                self.record(
                    rules::MEDIA_TYPE_REMOVED.at(direction),
                    Side::Before,
                    &b.at,
                    Some(json!(media)),
                    None,
                );
            }
        }
    }

    /// Response headers, by name without regard to case (as HTTP reads them).
    fn headers(&mut self, before: Option<&Loc<'_>>, after: Option<&Loc<'_>>) {
        let old = header_list(self.before.value, before);
        let new = header_list(self.after.value, after);
        let required = |loc: &Loc<'_>| loc.value.get("required").and_then(Value::as_bool).unwrap_or(false);
        for (name, a) in &new {
            let Some((_, b)) = old.iter().find(|(old_name, _)| old_name == name) else {
                self.record(rules::RESPONSE_HEADER_ADDED, Side::After, &a.at, None, Some(json!(name)));
                continue;
            };
            match (required(b), required(a)) {
                (false, true) => {
                    self.record_flag(rules::RESPONSE_HEADER_BECAME_REQUIRED, a, "required", false);
                }
                (true, false) => {
                    self.record_flag(rules::RESPONSE_HEADER_BECAME_OPTIONAL, a, "required", true);
                }
                _ => {}
            }
            self.deprecation(b, a, rules::HEADER_DEPRECATED);
            self.schema_or_generic(b, a, Direction::Response);
            self.generic_keys(b, a, &PARAMETER_KEYS);
        }
        for (name, b) in old.iter().filter(|(name, _)| !new.iter().any(|(new_name, _)| new_name == name)) {
            let rule = if required(b) {
                rules::RESPONSE_REQUIRED_HEADER_REMOVED
            } else {
                rules::RESPONSE_OPTIONAL_HEADER_REMOVED
            };
            self.record(rule, Side::Before, &b.at, Some(json!(name)), None);
        }
    }
}

/// The headers of a response, each resolved, by lower-case name.
fn header_list<'a>(document: &'a Value, holder: Option<&Loc<'a>>) -> Vec<(String, Loc<'a>)> {
    let Some(holder) = holder else { return Vec::new() };
    holder
        .keys()
        .filter_map(|name| {
            let loc = holder.get(name)?;
            let (value, at) = openapi::resolve(document, loc.value, &loc.at);
            Some((name.to_ascii_lowercase(), Loc::new(value, at)))
        })
        .collect()
}
