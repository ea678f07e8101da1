//! Boolean schemas. 3.1 (JSON Schema 2020-12) lets `true` and `false` stand for a schema;
//! 3.0 allows a boolean only as `additionalProperties`. Elsewhere `true` becomes `{}` and
//! `false` becomes `{not: {}}` (schemars' `ReplaceBoolSchemas`): the same constraints.

use schemars::Schema;
use schemars::transform::{ReplaceBoolSchemas, Transform};

/// Boolean schemas to object schemas, over the whole schema, `additionalProperties` aside.
pub(super) fn apply(schema: &mut Schema) {
    let mut transform = ReplaceBoolSchemas::default();
    transform.skip_additional_properties = true;
    transform.transform(schema);
}
