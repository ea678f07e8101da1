//! The endpoint's citations file: every fact the module states, cited by the contract place
//! it was read from, which `check` holds to the contract.

use std::fmt::Write as _;

use super::plan::{Field, Kind, Plan, TypeDef};

/// Why a 64-bit integer, where the contract gives an integer no format.
const INT64: &str =
    "int64: the contract gives the integer no format, and 64 bits hold any integer it may send.";

/// Why a field the contract does not require is present, perhaps `null`.
const NULLABLE: &str = "Present and nullable: the contract's example of the response sends it as `null`, so a client must read `null`.";

/// Why a field the contract requires is optional.
const LEFT_OUT: &str = "Optional, though the contract's definition requires it: the contract's own example of the response leaves it out, and required-ness follows what the API sends (DESIGN.md).";

/// The citations file.
pub fn file(plan: &Plan) -> String {
    let mut out = format!(
        "# Where the facts of {} come from (README.md, \"Provenance\"), as `cargo xtask new` read them from the\n# vendor's contract; cite the pages beside it as you bring the module to what they say.\nfacts:\n",
        plan.key()
    );
    for parameter in &plan.parameters {
        let place = parameter.place();
        cite(&mut out, &format!("{place}/required"), &[contract(&format!("{place}/required"))]);
        for (keyword, _) in &parameter.keywords {
            cite(&mut out, &format!("{place}/schema/{keyword}"), &[contract(&format!("{place}/{keyword}"))]);
        }
        if let Kind::Integer { bits32 } = parameter.kind {
            let why = if bits32 { contract(&format!("{place}/format")) } else { judgement(INT64) };
            cite(&mut out, &format!("{place}/schema/format"), &[why]);
        }
        if let Kind::Enum { name, .. } = &parameter.kind {
            cite(&mut out, &format!("{place}/schema/enum"), &[contract(&format!("{place}/enum"))]);
            if has_default(plan, name) {
                cite(&mut out, &format!("{place}/schema/default"), &[contract(&format!("{place}/default"))]);
            }
        }
    }
    if let Some(success) = &plan.success {
        let status = format!("operation/responses/{}", success.status);
        cite(&mut out, &status, &[contract(&status)]);
        let media = format!("{status}/content/application~1json");
        let shown = success
            .example
            .as_ref()
            .map_or_else(|| format!("{status}/schema"), |_| format!("{status}/examples/application~1json"));
        cite(&mut out, &media, &[contract(&shown)]);
        if success.example.is_some() {
            cite(&mut out, &format!("{media}/examples/documented"), &[contract(&shown)]);
        }
    }
    let example = plan
        .success
        .as_ref()
        .map(|success| format!("operation/responses/{}/examples/application~1json", success.status));
    for found in &plan.types {
        match found {
            TypeDef::Struct(found) => {
                for field in &found.fields {
                    field_facts(
                        &mut out,
                        &found.name,
                        found.states_required,
                        &found.at,
                        field,
                        example.as_deref(),
                    );
                }
            }
            TypeDef::Enum(found) => {
                if plan.used_in_body(&found.name) {
                    let open = plan.open_in_body(&found.name);
                    let keyword = if open { "x-extensible-enum" } else { "enum" };
                    cite(
                        &mut out,
                        &format!("/components/schemas/{}/{keyword}", found.name),
                        &[contract(&found.at)],
                    );
                }
            }
        }
    }
    out
}

fn field_facts(
    out: &mut String,
    owner: &str,
    states_required: bool,
    at: &str,
    field: &Field,
    example: Option<&str>,
) {
    let place = format!("/components/schemas/{owner}/properties/{}", crate::pointer::escape(&field.wire));
    let presence = if field.nullable && !field.contract_required {
        vec![contract(example.unwrap_or(&field.at)), judgement(NULLABLE)]
    } else if field.contract_required && !field.required {
        vec![contract(example.unwrap_or(&field.at)), judgement(LEFT_OUT)]
    } else if states_required {
        vec![contract(&format!("{at}/required"))]
    } else {
        vec![contract(&field.at)]
    };
    cite(out, &place, &presence);
    if field.nullable {
        let held = if matches!(field.kind, Kind::Enum { .. } | Kind::Struct(_)) { "oneOf" } else { "type" };
        cite(out, &format!("{place}/{held}"), &[contract(example.unwrap_or(&field.at)), judgement(NULLABLE)]);
    }
    for (keyword, _) in &field.keywords {
        cite(out, &format!("{place}/{keyword}"), &[contract(&format!("{}/{keyword}", field.at))]);
    }
    if let Kind::Integer { bits32 } = field.kind {
        let why = if bits32 { contract(&format!("{}/format", field.at)) } else { judgement(INT64) };
        cite(out, &format!("{place}/format"), &[why]);
    }
}

fn has_default(plan: &Plan, name: &str) -> bool {
    plan.types
        .iter()
        .any(|found| matches!(found, TypeDef::Enum(found) if found.name == name && found.default.is_some()))
}

fn contract(place: &str) -> String {
    format!("contract: {}", quote(place))
}

fn judgement(reason: &str) -> String {
    format!("judgement: {}", quote(reason))
}

/// A YAML single-quoted scalar.
fn quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

fn cite(out: &mut String, at: &str, citations: &[String]) {
    let _ = writeln!(out, "- at: {}\n  cite:", quote(at));
    for citation in citations {
        let _ = writeln!(out, "  - {citation}");
    }
}
