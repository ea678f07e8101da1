//! Security: the requirements an operation makes (its own `security`, or the document's),
//! and the schemes they name. A requirement list is a choice of alternatives, each a set of
//! schemes a client must all satisfy; a client keeps working when some new alternative asks
//! for nothing it lacks.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Value, json};

use super::compare::{Comparer, Loc, Side};
use super::rules;

/// One alternative: each scheme it needs, with the scopes it needs of it.
type Alternative = BTreeMap<String, BTreeSet<String>>;

/// The requirements in force at an operation and where they are written. No `security` at
/// all is one alternative that needs nothing: anonymous access.
fn requirements<'a>(document: &'a Value, operation: &Loc<'a>) -> (Vec<Alternative>, Loc<'a>) {
    let root = Loc::new(document, "");
    let Some(list) = operation.get("security").or_else(|| root.get("security")) else {
        return (vec![Alternative::new()], operation.clone());
    };
    let alternatives = list
        .array()
        .iter()
        .map(|alternative| {
            alternative
                .as_object()
                .into_iter()
                .flatten()
                .map(|(scheme, scopes)| {
                    let scopes = scopes.as_array().into_iter().flatten().filter_map(Value::as_str);
                    (scheme.clone(), scopes.map(str::to_owned).collect())
                })
                .collect()
        })
        .collect();
    (alternatives, list)
}

/// Whether a client that satisfies `have` satisfies `need`: every scheme, every scope.
fn satisfies(have: &Alternative, need: &Alternative) -> bool {
    need.iter().all(|(scheme, scopes)| have.get(scheme).is_some_and(|held| scopes.is_subset(held)))
}

fn schemes(alternative: &Alternative) -> BTreeSet<&String> {
    alternative.keys().collect()
}

fn shown(alternative: &Alternative) -> Value {
    json!(alternative)
}

/// Keys of a security scheme that only describe it.
const SCHEME_DOCS: [&str; 2] = ["description", "x-description"];

impl Comparer<'_> {
    /// The requirements of one matched operation.
    pub(super) fn security(&mut self, before: &Loc<'_>, after: &Loc<'_>) {
        let (old, old_at) = requirements(self.before.value, before);
        let (new, new_at) = requirements(self.after.value, after);
        let mut old_left: Vec<&Alternative> = Vec::new();
        let mut new_left: Vec<&Alternative> =
            new.iter().filter(|a| !old.iter().any(|b| schemes(a) == schemes(b))).collect();
        for b in &old {
            let Some(a) = new.iter().find(|a| schemes(a) == schemes(b)) else {
                old_left.push(b);
                continue;
            };
            // Same schemes: a client of the old alternative lacks scopes if it does not satisfy
            // the new one; the new one asks for fewer if it does not satisfy the old.
            for (rule, changed) in [
                (rules::SECURITY_SCOPES_ADDED, !satisfies(b, a)),
                (rules::SECURITY_SCOPES_REMOVED, !satisfies(a, b)),
            ] {
                if changed {
                    self.record(rule, Side::After, &new_at.at, Some(shown(b)), Some(shown(a)));
                }
            }
        }
        // An alternative that grew or shrank is one requirement more or less, not a new way in.
        let mut pairs = Vec::new();
        old_left.retain(|b| {
            let Some(index) = new_left
                .iter()
                .position(|a| schemes(a).is_superset(&schemes(b)) || schemes(b).is_superset(&schemes(a)))
            else {
                return true;
            };
            pairs.push((*b, new_left.remove(index)));
            false
        });
        for (b, a) in pairs {
            let rule = if schemes(a).is_superset(&schemes(b)) {
                rules::SECURITY_REQUIREMENT_ADDED
            } else {
                rules::SECURITY_REQUIREMENT_REMOVED
            };
            self.record(rule, Side::After, &new_at.at, Some(shown(b)), Some(shown(a)));
        }
        for a in new_left {
            self.record(rules::SECURITY_ALTERNATIVE_ADDED, Side::After, &new_at.at, None, Some(shown(a)));
        }
        for b in old_left {
            let rule = if new.iter().any(|a| satisfies(b, a)) {
                rules::SECURITY_REQUIREMENT_REMOVED
            } else {
                rules::SECURITY_ALTERNATIVE_REMOVED
            };
            self.record(rule, Side::Before, &old_at.at, Some(shown(b)), None);
        }
    }

    /// `components.securitySchemes`, by name.
    pub(super) fn security_schemes(&mut self) {
        let at =
            |document| Loc::new(document, "").get("components").and_then(|loc| loc.get("securitySchemes"));
        let (before, after) = (at(self.before.value), at(self.after.value));
        let names = |loc: Option<&Loc<'_>>| {
            loc.map(|loc| loc.keys().cloned().collect::<Vec<_>>()).unwrap_or_default()
        };
        let (old, new) = (names(before.as_ref()), names(after.as_ref()));
        for name in &new {
            let Some(a) = after.as_ref().and_then(|loc| loc.get(name)) else { continue };
            let Some(b) = before.as_ref().and_then(|loc| loc.get(name)) else {
                self.record(rules::SECURITY_SCHEME_ADDED, Side::After, &a.at, None, Some(json!(name)));
                continue;
            };
            let (scopes_before, scopes_after) = (scopes(b.value), scopes(a.value));
            if core(b.value) != core(a.value) || !scopes_before.is_subset(&scopes_after) {
                self.record(
                    rules::SECURITY_SCHEME_CHANGED,
                    Side::After,
                    &a.at,
                    Some(b.value.clone()),
                    Some(a.value.clone()),
                );
            } else if scopes_before != scopes_after {
                let added: Vec<&String> =
                    scopes_after.difference(&scopes_before).map(|(_, scope)| scope).collect();
                self.record(
                    rules::SECURITY_SCHEME_SCOPES_ADDED,
                    Side::After,
                    &a.at,
                    None,
                    Some(json!(added)),
                );
            } else if b.value != a.value {
                self.record_pair(rules::DESCRIPTION_CHANGED, Some(&b), Some(&a));
            }
        }
        for name in old.iter().filter(|name| !new.contains(name)) {
            if let Some(b) = before.as_ref().and_then(|loc| loc.get(name)) {
                self.record(rules::SECURITY_SCHEME_REMOVED, Side::Before, &b.at, Some(json!(name)), None);
            }
        }
    }
}

/// What a client sends to authenticate by a scheme: the scheme without its descriptions and
/// without its flows' scopes (compared by [`scopes`]).
fn core(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(key, _)| !SCHEME_DOCS.contains(&key.as_str()) && key.as_str() != "scopes")
                .map(|(key, child)| (key.clone(), core(child)))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// The scopes an OAuth scheme declares, by flow.
fn scopes(value: &Value) -> BTreeSet<(String, String)> {
    let flows = value.get("flows").and_then(Value::as_object).into_iter().flatten();
    flows
        .flat_map(|(flow, body)| {
            let names =
                body.get("scopes").and_then(Value::as_object).into_iter().flat_map(serde_json::Map::keys);
            names.map(move |scope| (flow.clone(), scope.clone()))
        })
        .collect()
}
