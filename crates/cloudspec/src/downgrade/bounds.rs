//! Exclusive bounds. 3.1 writes `exclusiveMinimum: 5` (a number, draft 2020-12); 3.0 writes
//! `minimum: 5, exclusiveMinimum: true` (a flag on `minimum`, draft 4). Where a schema has
//! both bounds, the stricter one is kept; nothing is lost.

use serde_json::{Map, Value};

/// Rewrites numeric `exclusiveMinimum` and `exclusiveMaximum` of one schema.
pub(super) fn apply(schema: &mut Map<String, Value>) {
    rewrite(schema, "exclusiveMinimum", "minimum", |exclusive, inclusive| exclusive >= inclusive);
    rewrite(schema, "exclusiveMaximum", "maximum", |exclusive, inclusive| exclusive <= inclusive);
}

/// `exclusive` with a number becomes `inclusive` with the flag, unless the schema's own
/// `inclusive` bound is stricter (`stricter(exclusive, inclusive)` is false), which then
/// stands alone.
fn rewrite(
    schema: &mut Map<String, Value>,
    exclusive: &str,
    inclusive: &str,
    stricter: fn(f64, f64) -> bool,
) {
    let Some(Value::Number(bound)) = schema.get(exclusive).cloned() else { return };
    let keeps_exclusive = match schema.get(inclusive).and_then(Value::as_f64) {
        Some(existing) => bound.as_f64().is_some_and(|bound| stricter(bound, existing)),
        None => true,
    };
    if keeps_exclusive {
        schema.insert(inclusive.to_owned(), Value::Number(bound));
        schema.insert(exclusive.to_owned(), Value::Bool(true));
    } else {
        schema.shift_remove(exclusive);
    }
}
