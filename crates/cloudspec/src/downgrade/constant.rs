//! `const`, which 3.0 lacks, becomes a one-value `enum` (schemars' `ReplaceConstValue`):
//! the same constraint.

use schemars::Schema;
use schemars::transform::{ReplaceConstValue, Transform};

/// `const: v` to `enum: [v]`, over the whole schema.
pub(super) fn apply(schema: &mut Schema) {
    ReplaceConstValue::default().transform(schema);
}
