//! What `new` does once the endpoint is built (in an `xtask` that has it in its catalog):
//! accept each difference from the contract whose reason `new` knows (what it leaves out on
//! purpose, what the service shares), leaving any other as a `TODO(conform)` entry that
//! `conform` refuses; and write the zh-CN overlay, filled from the contract's Chinese.

use super::huawei;
use crate::conform::accepted::{Draft, REASON_TO_WRITE};
use serde_json::Value;

use cloudspec_endpoint::Endpoint;

use crate::conform::place::Found;
use crate::conform::{self, Held};
use crate::workspace::Workspace;

/// The reason of an accepted difference, where `new` knows it; `None` for one a person must
/// judge.
pub(crate) fn reason(endpoint: &Endpoint, difference: &conform::compare::Difference) -> Option<String> {
    let vendor = &difference.vendor.at;
    let document = &difference.document.at;
    if let Some(name) =
        vendor.strip_prefix("operation/parameters[in=header,name=").and_then(|rest| rest.split(']').next())
        && let Some(reason) = huawei::header_reason(name)
    {
        return Some(reason.to_owned());
    }
    if document.starts_with("/components/securitySchemes/") {
        return huawei::header_reason("X-Auth-Token").map(str::to_owned);
    }
    let service = endpoint.service.name;
    let error_schema = (endpoint.service.error_body.schema_name)();
    if document.contains(&format!("/components/schemas/{error_schema}"))
        || vendor.contains("/responses/4")
        || vendor.contains("/responses/5")
    {
        return Some(format!(
            "The error body is {service}'s (`{error_schema}`), which every operation of the service \
            shares and which admits the API gateway's (CONTRIBUTING, \"Error bodies\"); the \
            contract's error body differs from it."
        ));
    }
    if difference.rule.id == "status-only-in-document" {
        return Some(format!(
            "The status is one {service} declares for every operation, from its pages and the API \
            gateway in front of it (CONTRIBUTING, \"Error bodies\"); API Explorer lists the \
            service's own statuses only."
        ));
    }
    if difference.rule.id == "field-required-differs" {
        let why = if difference.document.found == Found::Value(Value::Bool(true)) {
            "its example sends the field as `null`, so it is present and nullable"
        } else {
            "its example leaves the field out, so it is optional"
        };
        return Some(format!(
            "Required-ness follows what the API sends (CONTRIBUTING.md, \"Modelling rules\"), and \
            the contract's own example of the response disagrees with its definition: {why}."
        ));
    }
    if difference.rule.id == "operation-name-differs" {
        return Some(
            "The vendor's name is taken in the catalog, whose operationIds are unique \
            (CONTRIBUTING, \"operationId clashes\")."
                .to_owned(),
        );
    }
    if difference.vendor.found == Found::Absent {
        match difference.rule.id {
            "enum-differs" => {
                return Some(
                    "The contract lists the values in its description only (取值范围, 取值, 可能值), \
                     which the document states as an enum."
                        .to_owned(),
                );
            }
            "default-differs" => {
                return Some(
                    "The contract marks the default (默认值) in its description only, which the \
                     document states as the default."
                        .to_owned(),
                );
            }
            _ => {}
        }
    }
    if difference.rule.id == "format-differs" && difference.vendor.found == Found::Absent {
        return Some(
            "Rust's integers carry their width: the contract gives the integer no format, and 64 \
            bits hold any integer it may send."
                .to_owned(),
        );
    }
    None
}

/// What [`accept`] wrote into the endpoint's conform file.
#[derive(Debug, Default)]
pub(crate) struct Accepted {
    /// How many differences it accepted with the reason `new` knows.
    pub(crate) known: usize,
    /// The entries whose reason a person must write: `TODO(conform)` until then.
    pub(crate) open: Vec<Draft>,
}

/// Accepts the differences of `endpoint` whose reason `new` knows, and writes the others as
/// entries whose reason is still to write.
pub(crate) fn accept(workspace: &Workspace, endpoint: &Endpoint) -> Result<Accepted, String> {
    let outcome = conform::hold(workspace, endpoint);
    let comparison = match outcome.result.map_err(|error| error.to_string())? {
        Held::Compared(comparison) => comparison,
        Held::NoContract { .. } => return Ok(Accepted::default()),
    };
    let mut accepted = Accepted::default();
    let mut entries = Vec::new();
    for judged in comparison.differences.iter().filter(|judged| judged.accepted.is_none()) {
        if let Some(reason) = reason(endpoint, &judged.difference) {
            accepted.known += 1;
            entries.push(Draft::of(&judged.difference, &reason));
        } else {
            let draft = Draft::of(&judged.difference, &format!("{REASON_TO_WRITE} {TO_JUDGE}"));
            accepted.open.push(draft.clone());
            entries.push(draft);
        }
    }
    conform::accepted::append(workspace, &outcome.conform_file, &entries)
        .map_err(|error| error.to_string())?;
    Ok(accepted)
}

/// What the reason of an entry `new` cannot judge asks for, after `TODO(conform):`.
pub(crate) const TO_JUDGE: &str = "why the document is right to differ";
