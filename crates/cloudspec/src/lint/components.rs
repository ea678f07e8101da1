//! Components nothing uses: left over from a refactoring, they mislead readers and
//! generators alike.

use serde_json::Value;

use cloudspec_schema::openapi;

use super::{Linter, rules};

impl Linter<'_> {
    /// A component is used when something outside the components refers to it, or a used
    /// component does; a security scheme, when a security requirement names it.
    pub(super) fn unused_components(&mut self) {
        let document = self.subject.document;
        let mut used = openapi::referenced_components(document);
        let mut requirements: Vec<&Value> = document.get("security").into_iter().collect();
        requirements.extend(
            openapi::operations(document).iter().filter_map(|operation| operation.value.get("security")),
        );
        for requirement in requirements.iter().filter_map(|list| list.as_array()).flatten() {
            for name in requirement.as_object().into_iter().flat_map(serde_json::Map::keys) {
                used.insert(format!(
                    "/components/securitySchemes/{}",
                    cloudspec_schema::pointer::escape(name)
                ));
            }
        }
        let mut declared: Vec<String> = Vec::new();
        for (kind, members) in document.get("components").and_then(Value::as_object).into_iter().flatten() {
            for name in members.as_object().into_iter().flat_map(serde_json::Map::keys) {
                declared.push(cloudspec_schema::pointer::join(["components", kind.as_str(), name.as_str()]));
            }
        }
        for component in declared.iter().filter(|component| !used.contains(*component)) {
            self.report(rules::UNUSED_COMPONENT, component, "nothing refers to this component");
        }
    }
}
