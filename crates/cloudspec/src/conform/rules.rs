//! The rules of `conform`: a stable id for each kind of difference between a document and
//! its vendor's contract. Ids are what accepted entries and the JSON output name: never
//! rename one. Every difference fails `conform` until an entry accepts it.

use std::fmt::Write as _;

use cloudspec_findings::Level;
pub use cloudspec_findings::Rule;

/// What any difference from the vendor's contract breaks.
pub(crate) const BREAKS: &str =
    "clients built from the document, wherever the vendor's API does what its contract says";

/// A kind of difference: an error, until an entry accepts it.
const fn rule(id: &'static str, summary: &'static str) -> Rule {
    Rule::new(id, Level::Error, summary, BREAKS)
}

// The operation.
pub(crate) const OPERATION_NAME: Rule =
    rule("operation-name-differs", "the operationId is not the vendor's operation name");
pub(crate) const OPERATION_METHOD: Rule =
    rule("operation-method-differs", "the method is not one the vendor allows");
pub(crate) const OPERATION_PATH: Rule = rule("operation-path-differs", "the path template differs");

// Parameters, matched by name.
pub(crate) const PARAMETER_ONLY_IN_VENDOR: Rule =
    rule("parameter-only-in-vendor", "the vendor has a parameter the document lacks");
pub(crate) const PARAMETER_ONLY_IN_DOCUMENT: Rule =
    rule("parameter-only-in-document", "the document has a parameter the vendor lacks");
pub(crate) const PARAMETER_LOCATION: Rule =
    rule("parameter-location-differs", "the parameter's `in` differs");
pub(crate) const PARAMETER_REQUIRED: Rule =
    rule("parameter-required-differs", "the parameter's `required` differs");

// Responses, matched by status.
pub(crate) const STATUS_ONLY_IN_VENDOR: Rule =
    rule("status-only-in-vendor", "the vendor has a response status the document lacks");
pub(crate) const STATUS_ONLY_IN_DOCUMENT: Rule =
    rule("status-only-in-document", "the document has a response status the vendor lacks");
pub(crate) const BODY_ONLY_IN_VENDOR: Rule =
    rule("body-only-in-vendor", "the vendor gives a response a body schema the document lacks");
pub(crate) const ERROR_CODE_ONLY_IN_VENDOR: Rule =
    rule("error-code-only-in-vendor", "the vendor lists an error code the document does not");
pub(crate) const ERROR_CODE_ONLY_IN_DOCUMENT: Rule =
    rule("error-code-only-in-document", "the document lists an error code the vendor does not");

// Fields of a body, matched by name at every depth.
pub(crate) const FIELD_ONLY_IN_VENDOR: Rule =
    rule("field-only-in-vendor", "the vendor has a body field the document lacks");
pub(crate) const FIELD_ONLY_IN_DOCUMENT: Rule =
    rule("field-only-in-document", "the document has a body field the vendor lacks");
pub(crate) const FIELD_REQUIRED: Rule = rule(
    "field-required-differs",
    "a body field is required on one side only (compared where the vendor states it)",
);

// Any schema: of a parameter, a body or a field.
pub(crate) const TYPE: Rule = rule("type-differs", "`type` differs (`null` aside)");
pub(crate) const FORMAT: Rule = rule("format-differs", "`format` differs");
pub(crate) const ENUM: Rule = rule("enum-differs", "`enum` differs (as a set)");
pub const PATTERN: Rule = rule("pattern-differs", "`pattern` differs");
pub(crate) const DEFAULT: Rule = rule("default-differs", "`default` differs");
pub(crate) const LIMIT: Rule = rule(
    "limit-differs",
    "a bound differs: `minLength`, `maxLength`, `minimum`, `maximum`, `minItems`, `maxItems` (0 for \
    a minimum length or count is no bound)",
);

/// Every rule, in the order the README lists them.
pub fn all() -> [Rule; 21] {
    [
        OPERATION_NAME,
        OPERATION_METHOD,
        OPERATION_PATH,
        PARAMETER_ONLY_IN_VENDOR,
        PARAMETER_ONLY_IN_DOCUMENT,
        PARAMETER_LOCATION,
        PARAMETER_REQUIRED,
        STATUS_ONLY_IN_VENDOR,
        STATUS_ONLY_IN_DOCUMENT,
        BODY_ONLY_IN_VENDOR,
        ERROR_CODE_ONLY_IN_VENDOR,
        ERROR_CODE_ONLY_IN_DOCUMENT,
        FIELD_ONLY_IN_VENDOR,
        FIELD_ONLY_IN_DOCUMENT,
        FIELD_REQUIRED,
        TYPE,
        FORMAT,
        ENUM,
        PATTERN,
        DEFAULT,
        LIMIT,
    ]
}

/// The README's table of rules, generated from [`all`] so that the two cannot drift apart.
pub fn markdown_table() -> String {
    let mut table = String::from("| Rule | What differs |\n|---|---|\n");
    for rule in all() {
        let _ = writeln!(table, "| `{}` | {} |", rule.id, rule.summary);
    }
    table
}
