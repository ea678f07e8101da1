//! `$ref` with siblings. 3.1 applies a schema's other keywords beside `$ref` (utoipa writes a
//! field's `description` there); 3.0 ignores them. The reference moves into `allOf`, where
//! the siblings apply again (schemars' `RemoveRefSiblings`): nothing is lost.

use schemars::Schema;
use schemars::transform::{RemoveRefSiblings, Transform};

/// `{$ref, ...}` to `{allOf: [{$ref}], ...}`, over the whole schema.
pub(super) fn apply(schema: &mut Schema) {
    RemoveRefSiblings::default().transform(schema);
}
