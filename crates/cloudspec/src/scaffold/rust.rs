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
    let header = format!(
        "{}: `{} {}`, written by `cargo xtask new` from its vendor contract ({}).",
        plan.operation_id,
        plan.method.to_uppercase(),
        plan.path,
        plan.vendor_name
    );
    for piece in wrap(&header, DOC_WIDTH) {
        let _ = writeln!(out, "//! {piece}");
    }
    out.push('\n');
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
    // rustfmt leaves the macro's `code: message` list as written, so it is written as rustfmt
    // would: a code a line, each at the column it ends up in, no line over the width.
    for error in &plan.errors {
        let _ = writeln!(out, "Response::error(\n{},\ndocumented_codes!(", error.status);
        for (code, message, _) in &error.codes {
            let entry = format!("{CODES_INDENT}{code:?}: ");
            let _ = writeln!(out, "{entry}{},", string_literal(message, entry.chars().count()));
        }
        let _ = writeln!(out, "            ),\n),");
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
    let mut arguments =
        vec![plan.method.clone(), format!("path = {path}"), format!("tag = {:?}", context.tag)];
    if !params.is_empty() {
        arguments.push(format!("params({})", params.join(", ")));
    }
    // rustfmt leaves this attribute as written: too wide for a line, it gets an argument a line.
    let attribute = format!("#[utoipa::path({})]", arguments.join(", "));
    if attribute.chars().count() <= MAX_WIDTH {
        let _ = writeln!(out, "{attribute}");
    } else {
        let _ = writeln!(out, "#[utoipa::path(\n    {}\n)]", arguments.join(",\n    "));
    }
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
            continue;
        }
        for piece in wrap(line, DOC_WIDTH) {
            let _ = writeln!(out, "/// {piece}");
        }
    }
}

/// The widest a line of written Rust may be: the workspace's rustfmt `max_width`, which
/// `tests/tidy.rs` holds every line to (rustfmt breaks neither a comment nor a string), and
/// this to rustfmt.toml's.
pub const MAX_WIDTH: usize = 110;

/// The widest text of a doc comment line: [`MAX_WIDTH`] less the deepest indentation a doc
/// comment gets in the module (a field's, 4 columns) and `/// `.
const DOC_WIDTH: usize = MAX_WIDTH - 8;

/// Where a documented code's line starts: inside `responses: &[`, `Response::error(` and
/// `documented_codes!(`.
const CODES_INDENT: &str = "                ";

/// `line` in pieces of at most `width` characters (counted as the tidy test counts them),
/// broken at a space (which goes) or between two characters outside ASCII (Chinese, which has
/// no spaces), never inside a word, a code span or a link (its text or its URL). A heading or
/// a table row stays whole, as does a piece that would start a list, a heading or a quote
/// where it was text.
fn wrap(line: &str, width: usize) -> Vec<&str> {
    if line.starts_with('#') || line.starts_with('|') {
        return vec![line];
    }
    let mut pieces = Vec::new();
    let mut rest = line;
    while rest.chars().count() > width {
        let mut cut = None;
        let mut previous: Option<char> = None;
        let (mut in_code, mut in_link) = (false, 0_usize);
        for (count, (at, c)) in rest.char_indices().enumerate() {
            if count > width {
                break;
            }
            let after = rest[at..].trim_start_matches(' ');
            match c {
                '`' => in_code = !in_code,
                '[' | '(' if !in_code => in_link += 1,
                ']' | ')' if !in_code => in_link = in_link.saturating_sub(1),
                _ => {}
            }
            let free = !(c == '`' || in_code || in_link > 0 || count == 0 || starts_a_block(after));
            if free && c == ' ' {
                cut = Some((at, at + 1));
            } else if free && previous.is_some_and(|p| !p.is_ascii()) && !c.is_ascii() {
                cut = Some((at, at));
            }
            previous = Some(c);
        }
        let Some((end, start)) = cut else { break };
        pieces.push(rest[..end].trim_end());
        rest = &rest[start..];
    }
    pieces.push(rest);
    pieces
}

/// Whether a line reading `text` would be Markdown's list item, heading or quote.
fn starts_a_block(text: &str) -> bool {
    let numbered = text.trim_start_matches(|c: char| c.is_ascii_digit());
    text.starts_with(['#', '>', '|'])
        || ["- ", "* ", "+ "].iter().any(|marker| text.starts_with(marker))
        || (numbered.len() < text.len() && (numbered.starts_with(". ") || numbered.starts_with(") ")))
}

/// `text` as a Rust string literal that starts at `column` and whose lines fit in
/// [`MAX_WIDTH`]: broken after a space with `\` continuations, which the compiler joins
/// without a trace (the next line's indentation is skipped), so the text is unchanged.
fn string_literal(text: &str, column: usize) -> String {
    let quoted = format!("{text:?}");
    let inner = &quoted[1..quoted.len() - 1];
    // The closing quote and the comma after it.
    let first = MAX_WIDTH.saturating_sub(column + 3);
    let indent = " ".repeat(column + 1);
    let mut lines = Vec::new();
    let mut rest = inner;
    let mut room = first;
    while rest.chars().count() > room {
        let limit = rest.char_indices().nth(room).map_or(rest.len(), |(at, _)| at);
        // After a space, so that the space stays on this line and the next starts a word.
        let Some(at) = rest[..limit].rfind(' ').map(|at| at + 1).filter(|&at| at < rest.len()) else { break };
        lines.push(&rest[..at]);
        rest = &rest[at..];
        room = MAX_WIDTH.saturating_sub(indent.len() + 3);
    }
    lines.push(rest);
    format!("\"{}\"", lines.join(&format!("\\\n{indent}")))
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

#[cfg(test)]
mod tests {
    use super::{MAX_WIDTH, string_literal, wrap};

    /// A long message is broken after spaces, and the compiler's `\` continuation (the line
    /// break and the next line's indentation skipped) gives the text back unchanged.
    #[test]
    fn a_long_string_fits_and_reads_back() {
        let text = "The specified parameter ImageType is invalid, and the request \"quoted\" was refused by \
                    the server after it had been checked against every rule the product declares.";
        let written = string_literal(text, 40);
        let lines: Vec<&str> = written.lines().collect();
        assert!(lines.len() > 1, "{written}");
        assert!(
            lines[0].chars().count() + 40 <= MAX_WIDTH
                && lines[1..].iter().all(|line| line.chars().count() <= MAX_WIDTH)
        );
        let joined: String = written.split("\\\n").map(str::trim_start).collect();
        assert_eq!(joined, format!("{text:?}"));
    }

    /// Chinese breaks between characters, English at a space; a link, a code span and a
    /// heading stay whole.
    #[test]
    fn doc_lines_are_wrapped_where_markdown_allows() {
        let cases: [(&str, usize, &[&str]); 5] = [
            ("成员状态目前取值", 4, &["成员状态", "目前取值"]),
            ("one two three", 8, &["one two", "three"]),
            ("请参见[QPS限制](https://x.y/z)。", 4, &["请参", "见[QPS限制](https://x.y/z)。"]),
            ("a `b c d` e", 4, &["a", "`b c d` e"]),
            ("### 一个很长的标题", 2, &["### 一个很长的标题"]),
        ];
        for (line, width, expected) in cases {
            assert_eq!(wrap(line, width), expected, "{line}");
        }
    }
}
