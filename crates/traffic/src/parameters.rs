//! Parameters and headers, whose values travel as text, checked against their schemas: the
//! text read as the JSON type the schema declares (as openapi-core and the servers read it),
//! then validated, so that `limit=1000` breaks `maximum: 100` and `limit=ten` breaks
//! `type: integer`. A credential's value is never shown.

use serde_json::Value;

use crate::finding::{Finding, Kind};
use crate::routes::{Kind as ValueKind, Parameter, Scalar};
use crate::secrets;

/// The findings of the values `values` (each with its place in the archive) of the declared
/// `parameter`; `check` names what is checked, `what` it in words (`query parameter`).
pub fn check(
    parameter: &Parameter,
    values: &[(String, String)],
    check: &'static str,
    what: &str,
    absent_at: &str,
) -> Vec<Finding> {
    let name = &parameter.name;
    let Some((_, place)) = values.first() else {
        if !parameter.required {
            return Vec::new();
        }
        return vec![
            Finding::new(
                Kind::Violation,
                check,
                absent_at.to_owned(),
                format!("{what} {name}: required, and absent"),
            )
            .rule(format!("{}/required", parameter.pointer)),
        ];
    };
    let Some(schema) = &parameter.schema else { return Vec::new() };
    let texts: Vec<&str> = values.iter().map(|(text, _)| text.as_str()).collect();
    let value = typed(parameter.kind, &texts);
    if schema.is_valid(&value) {
        return Vec::new();
    }
    let secret = secrets::is_secret(name);
    schema
        .violations(&value)
        .into_iter()
        .map(|violation| {
            let found = if secret { secrets::REDACTED.to_owned() } else { violation.found };
            Finding::new(
                Kind::Violation,
                check,
                place.clone(),
                format!(
                    "{what} {name}{}: {}: expected {}, found {found}",
                    violation.pointer, violation.keyword, violation.expected,
                ),
            )
            .rule(violation.rule)
        })
        .collect()
}

/// The JSON value the texts of a parameter stand for: a number where the schema says one and
/// the text is one, else the text (which the schema's `type` then refuses).
fn typed(kind: ValueKind, texts: &[&str]) -> Value {
    match kind {
        ValueKind::Array(scalar) => Value::Array(
            texts
                .iter()
                .flat_map(|text| text.split(','))
                .map(|item| scalar_value(scalar, item.trim()))
                .collect(),
        ),
        ValueKind::String => scalar_value(Scalar::String, texts[0]),
        ValueKind::Integer => scalar_value(Scalar::Integer, texts[0]),
        ValueKind::Number => scalar_value(Scalar::Number, texts[0]),
        ValueKind::Boolean => scalar_value(Scalar::Boolean, texts[0]),
    }
}

fn scalar_value(scalar: Scalar, text: &str) -> Value {
    let parsed = match scalar {
        Scalar::String => None,
        Scalar::Integer => text.parse::<i64>().ok().map(Value::from),
        Scalar::Number => text.parse::<f64>().ok().and_then(serde_json::Number::from_f64).map(Value::Number),
        Scalar::Boolean => match text {
            "true" => Some(Value::Bool(true)),
            "false" => Some(Value::Bool(false)),
            _ => None,
        },
    };
    parsed.unwrap_or_else(|| Value::String(text.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_becomes_the_declared_type_where_it_can() {
        assert_eq!(typed(ValueKind::Integer, &["1000"]), Value::from(1000));
        assert_eq!(typed(ValueKind::Integer, &["ten"]), Value::from("ten"));
        assert_eq!(typed(ValueKind::Boolean, &["true"]), Value::Bool(true));
        assert_eq!(typed(ValueKind::Array(Scalar::Integer), &["1,2", "3"]), serde_json::json!([1, 2, 3]));
        assert_eq!(typed(ValueKind::String, &["007"]), Value::from("007"));
    }
}
