//! The rules of `lint`, in the findings core's one rule shape ([`Rule`]): a stable id, a
//! level (an error fails `lint` and `check`, a warning is reported only), what the rule asks
//! for and what breaking it breaks. Ids are what reports and the README name: never rename
//! one. What the build already refuses (an operation without its operationId, an undeclared
//! tag, a server without `{region}`: [`crate::finish::FinishError`]) is no rule here, since no
//! document lint sees could break it.

pub use cloudspec_findings::{Level, Rule};

use Level::{Error, Warning};

const fn rule(id: &'static str, level: Level, summary: &'static str) -> Rule {
    Rule::new(id, level, summary, Rule::NONE)
}

/// A rule whose findings break clients generated from the document.
const fn breaking(id: &'static str, summary: &'static str, breaks: &'static str) -> Rule {
    Rule::new(id, Error, summary, breaks)
}
pub(crate) const OPERATION_SUMMARY: Rule = rule("operation-summary", Error, "every operation has a summary");
pub(crate) const OPERATION_DESCRIPTION: Rule =
    rule("operation-description", Error, "every operation has a description");
pub(crate) const OPERATION_TAGS: Rule = rule("operation-tags", Error, "every operation has tags");
pub(crate) const SECURITY_SCHEME_DECLARED: Rule = breaking(
    "security-scheme-declared",
    "security requirements name declared schemes",
    "every client: it cannot tell how to sign the request",
);
pub(crate) const RESPONSE_DESCRIPTION: Rule =
    rule("response-description", Error, "every response has a description");
pub(crate) const PROPERTY_DESCRIPTION: Rule =
    rule("property-description", Warning, "every schema property has a description");
pub(crate) const EXAMPLE_VALID: Rule = breaking(
    "example-valid",
    "every example, default and enum value validates against its schema",
    "clients that send a default, and tests and mocks built from the examples",
);
pub const MAX_BYTES: Rule = breaking(
    "max-bytes",
    "a limit the description gives in bytes carries x-max-bytes",
    "clients that validate: they accept values the service refuses",
);
pub(crate) const WIRE_CASE: Rule = breaking(
    "wire-case",
    "wire names follow the provider's case",
    "every client: it sends names the service does not read",
);
pub(crate) const PATTERN_ASCII_CLASSES: Rule =
    rule("pattern-ascii-classes", Error, "patterns spell character classes out, without \\d, \\w or \\s");
pub(crate) const DEPRECATED_REPLACEMENT: Rule =
    rule("deprecated-replacement", Warning, "a deprecated operation names its replacement");
pub(crate) const UNUSED_COMPONENT: Rule = rule("unused-component", Warning, "every component is used");
pub(crate) const OPERATION_ID_UNIQUE: Rule = breaking(
    "operation-id-unique",
    "operationIds are unique across the catalog",
    "clients generated from the whole catalog: two methods of one name",
);

/// Every rule, in the order the README lists them.
pub const ALL: [Rule; 13] = [
    OPERATION_SUMMARY,
    OPERATION_DESCRIPTION,
    OPERATION_TAGS,
    SECURITY_SCHEME_DECLARED,
    RESPONSE_DESCRIPTION,
    PROPERTY_DESCRIPTION,
    EXAMPLE_VALID,
    MAX_BYTES,
    WIRE_CASE,
    PATTERN_ASCII_CLASSES,
    DEPRECATED_REPLACEMENT,
    UNUSED_COMPONENT,
    OPERATION_ID_UNIQUE,
];
