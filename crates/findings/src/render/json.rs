//! JSON for machines. Field names are stable: `tool`, `summary` (the check's own counts),
//! `subjects` (each with `name`, `status`, `findings`), `stale`, `fixes`, a key a table, and
//! what the check adds at the top level (`base`, `head`).

use std::io::{self, Write};

use serde_json::{Map, Value, json};

use super::kept::Report;
use crate::Tail;

pub(super) fn write(out: &mut dyn Write, report: &Report, tail: &Tail) -> io::Result<()> {
    let mut value = Map::new();
    value.insert("tool".into(), json!(report.head.tool));
    if let Some((_, context)) = &report.head.context {
        value.insert("context".into(), json!(context));
    }
    value.extend(tail.data.clone());
    value.insert("summary".into(), serde_json::to_value(&tail.counts).unwrap_or_default());
    let subjects: Vec<Value> = report
        .subjects
        .iter()
        .map(|(subject, findings)| {
            let mut value = serde_json::to_value(subject).unwrap_or_default();
            value["findings"] = json!(findings);
            value
        })
        .collect();
    value.insert("subjects".into(), Value::Array(subjects));
    value.insert("stale".into(), json!(tail.stale));
    if !tail.fixes.is_empty() {
        value.insert("fixes".into(), json!(tail.fixes));
    }
    // A table the check gives in its own typed shape in `data` is left as it gives it.
    for table in tail.tables.iter().filter(|table| !tail.data.contains_key(&*table.name)) {
        let rows: Vec<Value> = table
            .rows
            .iter()
            .map(|row| {
                let fields = table.columns.iter().zip(row).map(|(column, cell)| (key(column), json!(cell)));
                Value::Object(fields.collect())
            })
            .collect();
        value.insert(table.name.to_string(), Value::Array(rows));
    }
    let mut text = serde_json::to_string_pretty(&Value::Object(value)).map_err(io::Error::other)?;
    text.push('\n');
    out.write_all(text.as_bytes())
}

/// A column's name as a JSON key: `Documented` is `documented`.
fn key(column: &str) -> String {
    column.to_lowercase().replace(' ', "_")
}
