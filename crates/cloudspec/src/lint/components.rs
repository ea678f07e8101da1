//! Components nothing uses: left over from a refactoring, they mislead readers and
//! generators alike.

use std::collections::HashSet;

use serde_json::Value;

use super::{Linter, rules};
use crate::openapi;

/// `/components/<kind>/<name>` of a pointer into a component, if it is one.
fn component_of(pointer: &str) -> Option<String> {
    let mut tokens = pointer.strip_prefix("/components/")?.splitn(3, '/');
    let (kind, name) = (tokens.next()?, tokens.next()?);
    Some(format!("/components/{kind}/{name}"))
}

/// Every local `$ref` in `value`: where it is written and the pointer it names.
fn references(value: &Value, at: &str, found: &mut Vec<(String, String)>) {
    match value {
        Value::Object(map) => {
            if let Some(target) = openapi::ref_target(value) {
                found.push((at.to_owned(), target.to_owned()));
            }
            for (key, child) in map {
                references(child, &format!("{at}/{}", crate::pointer::escape(key)), found);
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter().enumerate() {
                references(child, &format!("{at}/{index}"), found);
            }
        }
        _ => {}
    }
}

impl Linter<'_> {
    /// A component is used when something outside the components refers to it, or a used
    /// component does; a security scheme, when a security requirement names it.
    pub(super) fn unused_components(&mut self) {
        let document = self.subject.document;
        let mut refs = Vec::new();
        references(document, "", &mut refs);
        let mut used: HashSet<String> = HashSet::new();
        let mut pending: Vec<String> = refs
            .iter()
            .filter(|(at, _)| component_of(at).is_none())
            .filter_map(|(_, target)| component_of(target))
            .collect();
        while let Some(component) = pending.pop() {
            if used.insert(component.clone()) {
                pending.extend(
                    refs.iter()
                        .filter(|(at, _)| component_of(at).as_deref() == Some(component.as_str()))
                        .filter_map(|(_, target)| component_of(target)),
                );
            }
        }
        let mut requirements: Vec<&Value> = document.get("security").into_iter().collect();
        requirements.extend(
            openapi::operations(document).iter().filter_map(|operation| operation.value.get("security")),
        );
        for requirement in requirements.iter().filter_map(|list| list.as_array()).flatten() {
            for name in requirement.as_object().into_iter().flat_map(serde_json::Map::keys) {
                used.insert(format!("/components/securitySchemes/{}", crate::pointer::escape(name)));
            }
        }
        let mut declared: Vec<String> = Vec::new();
        for (kind, members) in document.get("components").and_then(Value::as_object).into_iter().flatten() {
            for name in members.as_object().into_iter().flat_map(serde_json::Map::keys) {
                declared.push(crate::pointer::join(["components", kind.as_str(), name.as_str()]));
            }
        }
        for component in declared.iter().filter(|component| !used.contains(*component)) {
            self.report(rules::UNUSED_COMPONENT, component, "nothing refers to this component");
        }
    }
}
