//! The endpoint's module, rendered from its plan: the descriptor, the operation, the
//! parameters and every body type, each fact once on its field. rustfmt formats it after.

use std::fmt::Write as _;

use serde_json::Value;

use super::names;
use super::plan::{Enum, Field, Kind, Location, Parameter, Plan, Struct, TypeDef};

/// The names the module refers to outside itself.
#[derive(Debug)]
pub(super) struct Context<'a> {
    /// The provider's and the service's `static`s: `HUAWEI_CLOUD`, `IMS`.
    pub provider_static: &'a str,
    pub service_static: &'a str,
    /// The tag of the operation, which the service declares.
    pub tag: &'a str,
    /// The contract's API version, where it is not the service's.
    pub api_version: Option<String>,
}

/// The whole module.
pub(super) fn module(plan: &Plan, context: &Context<'_>) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "//! {}: `{} {}`, written by `cargo xtask new` from its vendor contract ({}).\n",
        plan.operation_id,
        plan.method.to_uppercase(),
        plan.path,
        plan.vendor_name
    );
    let uses_open = plan.types.iter().any(|found| match found {
        TypeDef::Struct(found) => found.fields.iter().any(|field| mentions_open(&field.kind)),
        TypeDef::Enum(_) => false,
    });
    let endpoint_items = if uses_open {
        "Body, Endpoint, Open, Operation, Response, Source, schemas"
    } else {
        "Body, Endpoint, Operation, Response, Source, schemas"
    };
    let _ = writeln!(out, "use cloudspec_endpoint::{{{endpoint_items}}};");
    let _ = writeln!(out, "use serde::{{Deserialize, Serialize}};");
    if !plan.parameters.is_empty() {
        let _ = writeln!(out, "use utoipa::IntoParams;");
    }
    let _ =
        writeln!(out, "\nuse super::{};\nuse crate::{};", context.service_static, context.provider_static);
    if plan.errors.iter().any(|status| !status.codes.is_empty()) {
        let _ = writeln!(out, "use crate::error::documented_codes;");
    }
    if plan.rpc.is_some() {
        let _ = writeln!(out, "use crate::rpc;");
    }
    out.push('\n');
    descriptor(&mut out, plan, context);
    operation(&mut out, plan, context);
    for location in [Location::Path, Location::Query] {
        parameters(&mut out, plan, location);
    }
    for found in &plan.types {
        match found {
            TypeDef::Struct(found) => structure(&mut out, plan, found),
            TypeDef::Enum(found) => enumeration(&mut out, found),
        }
    }
    out
}

fn descriptor(out: &mut String, plan: &Plan, context: &Context<'_>) {
    let function = plan.module();
    let _ = writeln!(out, "/// The descriptor of {}.", plan.operation_id);
    let _ = writeln!(out, "pub static {}: Endpoint = Endpoint {{", plan.descriptor());
    let _ = writeln!(out, "provider: &{},", context.provider_static);
    let _ = writeln!(out, "service: &{},", context.service_static);
    let _ = writeln!(out, "operation_id: {:?},", plan.operation_id);
    match &context.api_version {
        Some(version) => writeln!(out, "api_version: Some({version:?}),"),
        None => writeln!(out, "api_version: None,"),
    }
    .unwrap_or_default();
    // A new endpoint replaces nothing yet; a deprecated one names its successor by hand.
    let _ = writeln!(out, "replaced_by: None,");
    let (title, locale, url) = &plan.origin.source;
    let _ = writeln!(out, "sources: &[Source {{ title: {title:?}, locale: {locale:?}, url: {url:?} }}],");
    let _ = writeln!(out, "operation: Operation::of::<__path_{function}>(),");
    let _ = writeln!(out, "responses: &[");
    if let Some(success) = &plan.success {
        let _ = writeln!(
            out,
            "Response::json({}, {:?}, Body::of::<{}>()),",
            success.status,
            status_description(&success.status, &success.description),
            success.body
        );
    }
    // The statuses the contract documents for this operation, with their codes.
    for error in &plan.errors {
        let codes: Vec<String> =
            error.codes.iter().map(|(code, message, _)| format!("{code:?}: {message:?}")).collect();
        let _ = writeln!(out, "Response::error({}, documented_codes!({})),", error.status, codes.join(", "));
    }
    let _ = writeln!(out, "],\nsource_file: file!(),\n}};\n");
}

/// A response's description: the reason phrase, then what the contract says of it.
pub(crate) fn status_description(status: &str, contract: &str) -> String {
    let phrase = match status {
        "200" => "OK",
        "201" => "Created",
        "202" => "Accepted",
        "204" => "No Content",
        _ => "Success",
    };
    let said = contract.trim();
    if said.is_empty() { phrase.to_owned() } else { format!("{phrase}: {said}") }
}

fn operation(out: &mut String, plan: &Plan, context: &Context<'_>) {
    doc(out, &plan.summary);
    if !plan.description.is_empty() {
        let _ = writeln!(out, "///");
        doc(out, &plan.description);
    }
    let mut params = Vec::new();
    for (location, name) in [(Location::Path, plan.path_type()), (Location::Query, plan.query_type())] {
        if plan.parameters.iter().any(|parameter| parameter.location == location) {
            params.push(name);
        }
    }
    let path = match &plan.rpc {
        Some(_) => {
            params.insert(0, plan.rpc_type());
            "rpc::PATH".to_owned()
        }
        None => format!("{:?}", plan.path),
    };
    let params = if params.is_empty() { String::new() } else { format!(", params({})", params.join(", ")) };
    let _ = writeln!(out, "#[utoipa::path({}, path = {path}, tag = {:?}{params})]", plan.method, context.tag);
    let _ = writeln!(
        out,
        "#[expect(dead_code, reason = \"only utoipa reads the operation; cloudspec serves no requests\")]"
    );
    let _ = writeln!(out, "fn {}() {{}}\n", plan.module());
    if let Some(action) = &plan.rpc {
        let _ = writeln!(out, "rpc::action!({}, {action:?}, {});\n", plan.rpc_type(), context.service_static);
    }
}

fn parameters(out: &mut String, plan: &Plan, location: Location) {
    let listed: Vec<&Parameter> =
        plan.parameters.iter().filter(|parameter| parameter.location == location).collect();
    if listed.is_empty() {
        return;
    }
    let (name, into) = match location {
        Location::Path => (plan.path_type(), "Path"),
        Location::Query => (plan.query_type(), "Query"),
    };
    let _ = writeln!(out, "/// The {} parameters of {}.", location.as_str(), plan.operation_id);
    let _ = writeln!(out, "#[derive(Debug, Deserialize, IntoParams)]\n#[into_params(parameter_in = {into})]");
    let pascal = rename_all(out, listed.iter().map(|parameter| parameter.wire.as_str()));
    let _ = writeln!(out, "pub struct {name} {{");
    for parameter in listed {
        doc(out, &parameter.description);
        let field = names::field(&parameter.wire);
        if !pascal {
            rename(out, &field, &parameter.wire);
        }
        let mut keys = Vec::new();
        if matches!(parameter.kind, Kind::Enum { .. }) {
            keys.push("inline".to_owned());
        }
        for (keyword, value) in &parameter.keywords {
            keys.extend(attribute_key(keyword, value, false));
        }
        if let Kind::Integer { bits32 } = parameter.kind {
            keys.push(format!("format = {}", if bits32 { "Int32" } else { "Int64" }));
        }
        if !keys.is_empty() {
            let _ = writeln!(out, "#[param({})]", keys.join(", "));
        }
        let ty = rust_type(&parameter.kind);
        let ty = if parameter.required { ty } else { format!("Option<{ty}>") };
        let _ = writeln!(out, "pub {field}: {ty},");
    }
    let _ = writeln!(out, "}}\n");
}

/// A keyword as `#[param(...)]` (`field` false) or `#[field(...)]` writes it: the same
/// keys, but a field's default is JSON and its format a string, where a parameter's format
/// comes from its Rust type.
fn attribute_key(keyword: &str, value: &Value, field: bool) -> Option<String> {
    let key = match keyword {
        "minLength" => "min_length",
        "maxLength" => "max_length",
        "minimum" => "minimum",
        "maximum" => "maximum",
        "pattern" => "pattern",
        "format" if field => "format",
        "default" if field => return Some(format!("default = json!({value})")),
        "default" => "default",
        _ => return None,
    };
    Some(format!("{key} = {}", literal(value)))
}

/// A JSON scalar as a Rust literal.
fn literal(value: &Value) -> String {
    match value {
        Value::String(text) => format!("{text:?}"),
        other => other.to_string(),
    }
}

fn structure(out: &mut String, plan: &Plan, found: &Struct) {
    doc(out, &found.description);
    let eq = if found.fields.iter().any(|field| mentions_float(plan, &field.kind, 0)) { "" } else { ", Eq" };
    let _ = writeln!(out, "#[schemas]\n#[derive(Clone, Debug, PartialEq{eq}, Serialize, Deserialize)]");
    let pascal = rename_all(out, found.fields.iter().map(|field| field.wire.as_str()));
    let _ = writeln!(out, "pub struct {} {{", found.name);
    for field in &found.fields {
        write_field(out, field, pascal);
    }
    let _ = writeln!(out, "}}\n");
}

fn write_field(out: &mut String, field: &Field, pascal: bool) {
    // A field of a named type is described by the type: utoipa would wrap a `$ref` beside a
    // description in an `allOf` with `type: object`, which no value of the type satisfies.
    if !matches!(field.kind, Kind::Enum { .. } | Kind::Struct(_)) {
        doc(out, &field.description);
    }
    let name = names::field(&field.wire);
    if !pascal {
        rename(out, &name, &field.wire);
    }
    let mut keys = Vec::new();
    if field.nullable {
        keys.push("nullable".to_owned());
    } else if !field.required {
        keys.push("optional".to_owned());
    }
    if matches!(field.kind, Kind::AnyObject) {
        keys.push("any_object".to_owned());
    }
    for (keyword, value) in &field.keywords {
        keys.extend(attribute_key(keyword, value, true));
    }
    if !keys.is_empty() {
        let _ = writeln!(out, "#[field({})]", keys.join(", "));
    }
    let ty = rust_type(&field.kind);
    let ty = if field.nullable || !field.required { format!("Option<{ty}>") } else { ty };
    let _ = writeln!(out, "pub {name}: {ty},");
}

fn enumeration(out: &mut String, found: &Enum) {
    doc(out, &found.description);
    let mut variants: Vec<String> = Vec::new();
    for value in &found.values {
        let mut variant = names::variant(value);
        let base = variant.clone();
        let mut index = 2;
        while variants.contains(&variant) {
            variant = format!("{base}{index}");
            index += 1;
        }
        variants.push(variant);
    }
    let default =
        found.default.as_ref().and_then(|default| found.values.iter().position(|value| value == default));
    if default.is_some() {
        let _ = writeln!(out, "#[schemas(default = json!({}::default()))]", found.name);
        let _ =
            writeln!(out, "#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]");
    } else {
        let _ =
            writeln!(out, "#[schemas]\n#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]");
    }
    let _ = writeln!(out, "pub enum {} {{", found.name);
    for (index, (value, variant)) in found.values.iter().zip(&variants).enumerate() {
        if default == Some(index) {
            let _ = writeln!(out, "#[default]");
        }
        let _ = writeln!(out, "#[serde(rename = {value:?})]\n{variant},");
    }
    let _ = writeln!(out, "}}\n");
}

/// Writes `#[serde(rename_all = "PascalCase")]` where every wire name is the PascalCase of
/// its Rust field (Alibaba's wire case), and says whether it did: the wire names are then
/// kept by the one attribute (CONTRIBUTING.md, "Modelling rules"), not field by field.
fn rename_all<'a>(out: &mut String, wires: impl Iterator<Item = &'a str>) -> bool {
    let wires: Vec<&str> = wires.collect();
    let pascal = !wires.is_empty()
        && wires.iter().all(|wire| {
            let field = names::field(wire);
            !field.starts_with("r#") && names::pascal(&field) == *wire && field != *wire
        });
    if pascal {
        let _ = writeln!(out, "#[serde(rename_all = \"PascalCase\")]");
    }
    pascal
}

fn rename(out: &mut String, field: &str, wire: &str) {
    if field.trim_start_matches("r#") != wire {
        let _ = writeln!(out, "#[serde(rename = {wire:?})]");
    }
}

/// `text` as doc comment lines.
fn doc(out: &mut String, text: &str) {
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            let _ = writeln!(out, "///");
        } else {
            let _ = writeln!(out, "/// {line}");
        }
    }
}

pub(super) fn rust_type(kind: &Kind) -> String {
    match kind {
        Kind::String => "String".to_owned(),
        Kind::Boolean => "bool".to_owned(),
        Kind::Integer { bits32: true } => "i32".to_owned(),
        Kind::Integer { bits32: false } => "i64".to_owned(),
        Kind::Number => "f64".to_owned(),
        Kind::Enum { name, open: true } => format!("Open<{name}>"),
        Kind::Enum { name, open: false } | Kind::Struct(name) => name.clone(),
        Kind::Array(items) => format!("Vec<{}>", rust_type(items)),
        Kind::AnyObject => "serde_json::Map<String, serde_json::Value>".to_owned(),
    }
}

fn mentions_open(kind: &Kind) -> bool {
    match kind {
        Kind::Enum { open, .. } => *open,
        Kind::Array(items) => mentions_open(items),
        _ => false,
    }
}

/// Whether a value of `kind` holds a float, itself or in a struct it holds: such a type
/// cannot derive `Eq`.
fn mentions_float(plan: &Plan, kind: &Kind, depth: usize) -> bool {
    match kind {
        Kind::Number => true,
        Kind::Array(items) => mentions_float(plan, items, depth),
        // A struct that holds itself ends the search: plans are far shallower.
        Kind::Struct(name) if depth < 32 => plan.types.iter().any(|found| match found {
            TypeDef::Struct(found) if &found.name == name => {
                found.fields.iter().any(|field| mentions_float(plan, &field.kind, depth + 1))
            }
            _ => false,
        }),
        _ => false,
    }
}
