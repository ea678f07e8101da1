//! Reference Objects outside schemas. 3.1 lets a reference carry a `summary` and a
//! `description` that override the referenced object's; 3.0 ignores everything beside
//! `$ref`. A local reference with such siblings is inlined, with the overrides applied where
//! the object has the field; an override the object cannot take, or a reference that cannot
//! be inlined, is a finding.

use serde_json::Value;

use super::walk::Kind;
use super::{Finding, compact};

const RULE: &str = "references";

/// Applies the rule to the reference `node` in place of an object of `kind`.
pub(super) fn apply(node: &mut Value, at: &str, kind: Kind, original: &Value, findings: &mut Vec<Finding>) {
    let Some(reference) = node.as_object() else { return };
    let siblings: Vec<(String, Value)> =
        reference.iter().filter(|(key, _)| *key != "$ref").map(|(k, v)| (k.clone(), v.clone())).collect();
    if siblings.is_empty() {
        return;
    }
    let target = reference.get("$ref").and_then(Value::as_str).unwrap_or_default().to_owned();
    let resolved = target.strip_prefix('#').and_then(|pointer| original.pointer(pointer)).cloned();
    let Some(mut inlined) = resolved.filter(|object| object.is_object() && object.get("$ref").is_none())
    else {
        // Not local, or a chain: keep the reference, which is all 3.0 reads of it.
        *node = serde_json::json!({ "$ref": target });
        for (key, value) in siblings {
            findings.push(Finding {
                pointer: at.to_owned(),
                rule: RULE,
                message: format!(
                    "dropped `{key}: {}` beside `$ref` {target} (3.0 ignores it)",
                    compact(&value)
                ),
            });
        }
        return;
    };
    let object = inlined.as_object_mut().expect("filtered to objects");
    for (key, value) in siblings {
        let takes = match key.as_str() {
            "description" => kind.has_description(),
            "summary" => kind.has_summary(),
            _ => false,
        };
        if takes {
            object.insert(key, value);
        } else {
            findings.push(Finding {
                pointer: at.to_owned(),
                rule: RULE,
                message: format!(
                    "dropped `{key}: {}` beside `$ref` {target}: the referenced object has no `{key}` in 3.0",
                    compact(&value)
                ),
            });
        }
    }
    *node = inlined;
}
