//! Examples in schemas. 3.1 schemas have `examples`, a list; 3.0 schemas have `example`,
//! one value. The first example is kept (schemars' `SetSingleExample`); each one dropped is
//! a finding, with its value in the description. A schema with both keeps its `example`.
//!
//! The examples of parameters and media types (`examples`, a map of Example Objects) are the
//! same in both versions and are not touched.

use schemars::Schema;
use schemars::transform::{SetSingleExample, Transform};
use serde_json::{Map, Value};

use super::{Note, Notes, compact};

/// Notes the examples of one schema that 3.0 cannot keep.
pub(super) fn audit(schema: &mut Map<String, Value>, notes: &mut Notes<'_>) {
    let Some(Value::Array(examples)) = schema.get("examples") else { return };
    let kept = usize::from(!schema.contains_key("example"));
    let dropped: Vec<String> = examples.iter().skip(kept).map(compact).collect();
    if kept == 0 {
        schema.shift_remove("examples");
    }
    for example in dropped {
        notes.lost("examples", &Note::Example { value: example });
    }
}

/// `examples` to `example`, over the whole schema.
pub(super) fn apply(schema: &mut Schema) {
    SetSingleExample::default().transform(schema);
}
