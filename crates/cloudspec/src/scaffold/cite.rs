//! The endpoint's citations file: every fact the module states, cited by the contract place
//! it was read from, which `check` holds to the contract.

use std::fmt::Write as _;

use super::plan::{Field, Kind, Plan, TypeDef};

/// Why a 64-bit integer, where the contract gives an integer no format.
const INT64: &str =
    "int64: the contract gives the integer no format, and 64 bits hold any integer it may send.";

/// Why a field the contract does not require is present, perhaps `null`.
const NULLABLE: &str = "Present and nullable: the contract's example of the response sends it as \
    `null`, so a client must read `null`.";

/// Why a field the contract requires is optional.
const LEFT_OUT: &str = "Optional, though the contract's definition requires it: the contract's own \
    example of the response leaves it out, and required-ness follows what the API sends \
    (CONTRIBUTING.md, \"Modelling rules\").";

/// Why an error body is JSON.
const JSON_ONLY: &str = "JSON, as the request's `Format` admits only `JSON`: the API answers in XML \
                         only when asked to (`Format=XML`).";

/// Why a fixture differs from the contract's example.
const LESS: &str = "The example less the members the contract's definition does not declare, which \
                    the Rust type would drop, so that the fixture round-trips";

/// The citations file.
pub(super) fn file(plan: &Plan) -> String {
    let mut out = format!(
        "# Where the facts of {} come from (README.md, \"Provenance\"), as `cargo xtask new` read \
        them from the\n# vendor's contract; cite the pages beside it as you bring the module to \
        what they say.\nfacts:\n",
        plan.key()
    );
    for parameter in &plan.parameters {
        let place = parameter.place();
        let schema = &parameter.schema_place;
        cite(&mut out, &format!("{place}/required"), &[contract(&parameter.required_place)]);
        for (keyword, _) in &parameter.keywords {
            cite(&mut out, &format!("{place}/schema/{keyword}"), &[contract(&format!("{schema}/{keyword}"))]);
        }
        if let Kind::Integer { bits32 } = parameter.kind {
            let why = if bits32 { contract(&format!("{schema}/format")) } else { judgement(INT64) };
            cite(&mut out, &format!("{place}/schema/format"), &[why]);
        }
        if let Kind::Enum { name, .. } = &parameter.kind
            && let Some(found) = plan.enum_def(name)
        {
            let listed = |keyword: &str| match &found.described {
                Some(mark) => vec![contract(schema), judgement(&described(mark, keyword))],
                None => vec![contract(&format!("{schema}/{keyword}"))],
            };
            cite(&mut out, &format!("{place}/schema/enum"), &listed("enum"));
            if found.default.is_some() {
                cite(&mut out, &format!("{place}/schema/default"), &listed("default"));
            }
        }
    }
    if let Some(success) = &plan.success {
        let status = format!("operation/responses/{}", success.status);
        cite(&mut out, &status, &[contract(&status)]);
        let media = format!("{status}/content/application~1json");
        let verbatim = super::files::fixture(plan).is_some_and(|(_, dropped)| dropped.is_empty());
        // An RPC action's body is JSON because its `Format` admits only JSON; another's,
        // where the contract keys its example by the media type.
        let json = match (&plan.rpc, &success.example) {
            (Some(_), _) => vec![contract(&status), judgement(JSON_ONLY)],
            (None, Some(example)) if verbatim => vec![contract(&example.at)],
            (None, Some(_)) => vec![contract(&status)],
            (None, None) => vec![contract(&format!("{status}/schema"))],
        };
        cite(&mut out, &media, &json);
        match &success.example {
            Some(example) if verbatim => {
                cite(&mut out, &format!("{media}/examples/documented"), &[contract(&example.at)]);
            }
            Some(example) => {
                let less = format!("{LESS} ({})", example.said);
                cite(
                    &mut out,
                    &format!("{media}/examples/documented"),
                    &[contract(&status), judgement(&less)],
                );
            }
            None => {}
        }
    }
    if plan.rpc.is_some() {
        // The action is the operation the contract names by it.
        cite(&mut out, "operation/parameters[in=query,name=Action]/schema/enum", &[contract("operation")]);
    }
    for error in &plan.errors {
        let status = format!("operation/responses/{}", error.status);
        let listed: Vec<String> = error.codes.iter().map(|(_, _, at)| contract(at)).collect();
        cite(&mut out, &status, &listed);
        let mut media = listed.clone();
        media.push(judgement(JSON_ONLY));
        cite(&mut out, &format!("{status}/content/application~1json"), &media);
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
                    let mut citations = vec![contract(&found.at)];
                    if let Some(mark) = &found.described {
                        citations.push(judgement(&described(mark, "enum")));
                    }
                    cite(&mut out, &format!("/components/schemas/{}/{keyword}", found.name), &citations);
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
    let place =
        format!("/components/schemas/{owner}/properties/{}", cloudspec_schema::pointer::escape(&field.wire));
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

/// Why a list (or its default) read from a description is schema.
fn described(mark: &str, keyword: &str) -> String {
    let what = if keyword == "default" { "the default, marked 默认值," } else { "the values" };
    format!(
        "The contract has no `{keyword}` keyword: its description gives {what} in a list after \
         \"{mark}\", which the document states as schema."
    )
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
