//! The JSON Schemas of a vendor contract read into the plan's kinds, structs and enums: what
//! Swagger 2.0 (API Explorer) and Alibaba's metadata write alike. Where they differ is the
//! [`Dialect`]: how a property is said to be required, and whether a list of values may be
//! written in a description rather than an `enum`.

use serde_json::Value;

use cloudspec_schema::{openapi, pointer};

use super::names;
use super::plan::{Enum, Field, KEYWORDS, Kind, Plan, Struct, TypeDef};
use crate::conform::model::{LIMITS, Required, number_value};

/// How a vendor's format writes what the plan reads.
#[derive(Clone, Copy, Debug)]
pub(super) struct Dialect {
    pub required: Required,
    /// Whether a description's list of values (`取值范围：`, `可能值：`, each value a `- `
    /// bullet) is read as the enum the format has no keyword for.
    pub described_enums: bool,
    /// A description as the module writes it (the format's links made URLs).
    pub text: fn(&str) -> String,
}

/// Reads the schemas of one contract file.
#[derive(Clone, Copy, Debug)]
pub(super) struct Reader<'a> {
    pub file: &'a Value,
    pub dialect: Dialect,
}

/// The contract's description of a schema or parameter, trimmed.
pub(super) fn description(value: &Value) -> String {
    value.get("description").and_then(Value::as_str).unwrap_or_default().trim().to_owned()
}

/// What introduces a description's list of values, and the mark of its default.
const LIST_MARKS: [&str; 4] = ["取值范围", "取值", "可能值", "Valid values"];
const DEFAULT_MARKS: [&str; 2] = ["默认值", "default"];

/// The values a description lists as bullets after one of [`LIST_MARKS`], the default
/// among them, and the mark: `None` unless every bullet starts with a value.
pub(crate) fn described_values(description: &str) -> Option<(Vec<String>, Option<String>, &'static str)> {
    let (mark, start) = LIST_MARKS.iter().find_map(|mark| {
        [format!("{mark}：\n"), format!("{mark}:\n")]
            .iter()
            .find_map(|written| description.find(written.as_str()).map(|at| at + written.len()))
            .map(|start| (*mark, start))
    })?;
    let (mut values, mut default) = (Vec::new(), None);
    for line in description[start..].lines().map(str::trim) {
        if line.is_empty() {
            continue;
        }
        let Some(item) = line.strip_prefix("- ") else { break };
        let item = item.trim_start_matches("**");
        let end = item.find(['：', ':', '（', '(', '*']).unwrap_or(item.len());
        let value = item[..end].trim();
        if value.is_empty() || !value.chars().all(|c| c.is_ascii_graphic()) {
            return None;
        }
        if DEFAULT_MARKS.iter().any(|mark| {
            item[end..].starts_with(&format!("**（{mark}")) || item[end..].starts_with(&format!("（{mark}"))
        }) {
            default = Some(value.to_owned());
        }
        values.push(value.to_owned());
    }
    (!values.is_empty()).then_some((values, default, mark))
}

impl Reader<'_> {
    /// The description of `value`, as the module writes it.
    pub(super) fn describe(&self, value: &Value) -> String {
        (self.dialect.text)(&description(value))
    }

    /// The keywords of `schema` that the Rust type does not state itself; a bound written as
    /// a string (Alibaba's metadata) as the number it is.
    pub(super) fn keywords(schema: &Value, kind: &Kind) -> Vec<(&'static str, Value)> {
        KEYWORDS
            .iter()
            .filter_map(|&keyword| {
                let value = schema.get(keyword)?;
                let value = match value.as_str().and_then(|text| text.trim().parse::<f64>().ok()) {
                    Some(number) if LIMITS.contains(&keyword) => number_value(number),
                    _ => value.clone(),
                };
                match (keyword, kind) {
                    // A bound of 0 on a length or a count bounds nothing (`conform` reads it as absent).
                    ("minLength" | "minItems", _) if value.as_f64() == Some(0.0) => None,
                    // An integer's format is its Rust type's; an enum's default is its type's.
                    ("format", Kind::Integer { .. }) | ("default", Kind::Enum { .. }) => None,
                    _ => Some((keyword, value)),
                }
            })
            .collect()
    }

    /// The Rust kind of `schema`, at `at`, named `name` in `owner`; enums and objects become
    /// types of the plan. `request` says whether the value is sent (its lists are closed).
    pub(super) fn kind_of(
        &self,
        plan: &mut Plan,
        schema: &Value,
        at: &str,
        name: &str,
        owner: &str,
        request: bool,
    ) -> Result<Kind, String> {
        let (resolved, resolved_at) = openapi::resolve(self.file, schema, at);
        if let Some(written) = self.enum_of(resolved, &resolved_at)? {
            let open = !request && super::plan::is_open(&written.description);
            let name = plan.enum_named(&names::pascal(name), owner, written);
            return Ok(Kind::Enum { name, open });
        }
        let type_name = resolved.get("type").and_then(Value::as_str);
        Ok(match type_name {
            Some("string") | None if resolved.get("properties").is_none() && type_name.is_some() => {
                Kind::String
            }
            Some("boolean") => Kind::Boolean,
            Some("integer") => {
                Kind::Integer { bits32: resolved.get("format").and_then(Value::as_str) == Some("int32") }
            }
            Some("number") => Kind::Number,
            Some("array") => {
                let items = resolved
                    .get("items")
                    .ok_or_else(|| format!("{resolved_at}: an array without `items`"))?;
                let items_at = format!("{resolved_at}/items");
                Kind::Array(Box::new(self.kind_of(plan, items, &items_at, name, owner, request)?))
            }
            _ if resolved.get("properties").is_some() => {
                let struct_name = openapi::ref_target(schema)
                    .and_then(|target| target.rsplit('/').next())
                    .map_or_else(|| format!("{owner}{}", names::pascal(name)), str::to_owned);
                Kind::Struct(self.struct_of(plan, schema, at, &struct_name, None)?)
            }
            Some("object") => Kind::AnyObject,
            other => return Err(format!("{resolved_at}/type: expected a JSON Schema type, found {other:?}")),
        })
    }

    /// The enum `schema` (at `at`) states, by its `enum` or, in a dialect that has it, by the
    /// list its description gives; still without its name.
    fn enum_of(&self, schema: &Value, at: &str) -> Result<Option<Enum>, String> {
        let description = self.describe(schema);
        if let Some(values) = schema.get("enum").and_then(Value::as_array) {
            let values: Vec<String> = values
                .iter()
                .map(|value| {
                    value.as_str().map(str::to_owned).ok_or_else(|| format!("{at}/enum: expected strings"))
                })
                .collect::<Result<_, _>>()?;
            let default = schema.get("default").and_then(Value::as_str).map(str::to_owned);
            let at = format!("{at}/enum");
            return Ok(Some(Enum { name: String::new(), description, values, default, at, described: None }));
        }
        let listed =
            schema.get("type").and_then(Value::as_str) == Some("string") && self.dialect.described_enums;
        Ok(listed.then(|| described_values(&description)).flatten().map(|(values, default, mark)| Enum {
            name: String::new(),
            description: description.clone(),
            values,
            default,
            at: at.to_owned(),
            described: Some(mark.to_owned()),
        }))
    }

    /// The names of the required properties of `object`.
    fn required<'v>(&self, object: &'v Value) -> Vec<&'v str> {
        match self.dialect.required {
            Required::Array => object
                .get("required")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .collect(),
            Required::InProperty => object
                .get("properties")
                .and_then(Value::as_object)
                .into_iter()
                .flatten()
                .filter(|(_, property)| property.get("required").and_then(Value::as_bool) == Some(true))
                .map(|(name, _)| name.as_str())
                .collect(),
        }
    }

    /// Whether `object` says which of its properties are required.
    fn states_required(&self, object: &Value) -> bool {
        match self.dialect.required {
            Required::Array => object.get("required").is_some(),
            Required::InProperty => object
                .get("properties")
                .and_then(Value::as_object)
                .into_iter()
                .flatten()
                .any(|(_, property)| property.get("required").is_some()),
        }
    }

    /// The struct of the object `schema` at `at`, named after its definition (or `name`), with
    /// `example` the contract's example of it, if any: a property it sends as `null` is
    /// nullable.
    pub(crate) fn struct_of(
        &self,
        plan: &mut Plan,
        schema: &Value,
        at: &str,
        name: &str,
        example: Option<&Value>,
    ) -> Result<String, String> {
        let (resolved, resolved_at) = openapi::resolve(self.file, schema, at);
        let name = openapi::ref_target(schema)
            .and_then(|target| target.rsplit('/').next())
            .unwrap_or(name)
            .to_owned();
        if plan.types.iter().any(|known| known.name() == name) {
            return Ok(name);
        }
        let index = plan.types.len();
        plan.types.push(TypeDef::Struct(Struct {
            name: name.clone(),
            description: self.describe(resolved),
            fields: Vec::new(),
            at: resolved_at.clone(),
            states_required: self.states_required(resolved),
        }));
        let required = self.required(resolved);
        let samples: Vec<&Value> = match example {
            Some(Value::Array(items)) => items.iter().collect(),
            Some(other) => vec![other],
            None => Vec::new(),
        };
        let mut fields = Vec::new();
        for (wire, property) in resolved.get("properties").and_then(Value::as_object).into_iter().flatten() {
            let property_at = format!("{resolved_at}/properties/{}", pointer::escape(wire));
            let values: Vec<&Value> = samples.iter().filter_map(|sample| sample.get(wire)).collect();
            let nested = values.first().copied();
            let (resolved_property, _) = openapi::resolve(self.file, property, &property_at);
            let holds_object = resolved_property.get("properties").is_some()
                || resolved_property
                    .get("items")
                    .and_then(|items| openapi::resolve(self.file, items, "").0.get("properties"))
                    .is_some();
            let kind = if holds_object {
                self.kind_with_example(plan, property, &property_at, wire, &name, nested)?
            } else {
                self.kind_of(plan, property, &property_at, wire, &name, false)?
            };
            let written = self.describe(property);
            // Required-ness follows what the API sends (CONTRIBUTING.md, "Modelling rules"): a
            // property the contract
            // requires but its own example leaves out is optional.
            let in_every_sample = samples.is_empty() || values.len() == samples.len();
            fields.push(Field {
                wire: wire.clone(),
                description: if written.is_empty() { self.describe(resolved_property) } else { written },
                keywords: Self::keywords(resolved_property, &kind),
                nullable: values.iter().any(|value| value.is_null()),
                required: required.contains(&wire.as_str()) && in_every_sample,
                contract_required: required.contains(&wire.as_str()),
                kind,
                at: property_at,
            });
        }
        if let TypeDef::Struct(found) = &mut plan.types[index] {
            found.fields = fields;
        }
        Ok(name)
    }

    /// The kind of an object property (or an array of objects), following the example into
    /// it. The items of an array `Plans` are a `Plan`, where the plan has no type of that name.
    fn kind_with_example(
        &self,
        plan: &mut Plan,
        property: &Value,
        at: &str,
        wire: &str,
        owner: &str,
        example: Option<&Value>,
    ) -> Result<Kind, String> {
        let (resolved, resolved_at) = openapi::resolve(self.file, property, at);
        if let Some(items) = resolved.get("items") {
            let item_name = openapi::ref_target(items)
                .and_then(|target| target.rsplit('/').next())
                .map_or_else(|| item_name(plan, owner, wire), str::to_owned);
            let name = self.struct_of(plan, items, &format!("{resolved_at}/items"), &item_name, example)?;
            return Ok(Kind::Array(Box::new(Kind::Struct(name))));
        }
        let name = format!("{owner}{}", names::pascal(wire));
        Ok(Kind::Struct(self.struct_of(plan, property, at, &name, example)?))
    }
}

/// The name of the items of the array `wire` of `owner`: its singular (`Plans` -> `Plan`),
/// where that names no type of the plan yet and differs from the array's, else `owner` and
/// the array's name.
fn item_name(plan: &Plan, owner: &str, wire: &str) -> String {
    let pascal = names::pascal(wire);
    let singular = names::singular(&pascal);
    if singular != pascal && !plan.types.iter().any(|known| known.name() == singular) {
        singular
    } else {
        format!("{owner}{pascal}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_description_lists_values_as_bullets() {
        /// A description, and the values and default it lists, if it lists any.
        type Case<'a> = (&'a str, Option<(&'a [&'a str], Option<&'a str>)>);
        let cases: [Case<'_>; 5] = [
            ("类型。取值范围：\n\n- system：系统\n- app：应用", Some((&["system", "app"], None))),
            (
                "语言，取值：\n\n- **zh-CN**（默认值）：中文。\n\n- **en-US**：英文。",
                Some((&["zh-CN", "en-US"], Some("zh-CN"))),
            ),
            ("单位。可能值：\n\n- CNY：元\n\n- USD：美元\n\n> 注。", Some((&["CNY", "USD"], None))),
            ("状态。可能值：\n\n- 运行中：实例在运行", None),
            ("请求ID。", None),
        ];
        for (description, expected) in cases {
            let found = described_values(description);
            let found = found.as_ref().map(|(values, default, _)| {
                (values.iter().map(String::as_str).collect::<Vec<_>>(), default.as_deref())
            });
            assert_eq!(found, expected.map(|(values, default)| (values.to_vec(), default)), "{description}");
        }
    }
}
