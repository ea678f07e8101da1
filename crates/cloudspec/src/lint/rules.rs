//! The rules of `lint`: a stable id, a severity and what the rule asks for. Ids are what
//! reports and the README name: never rename one. What the build already refuses (an
//! operation without its operationId, an undeclared tag, a server without `{region}`:
//! [`crate::finish::FinishError`]) is no rule here, since no document lint sees could break it.

use std::fmt;

/// How bad a finding is: an error fails `lint` and `check`, a warning is reported only.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Error => "error",
            Self::Warning => "warning",
        })
    }
}

/// One house rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rule {
    pub id: &'static str,
    pub severity: Severity,
    /// What the rule asks for, in a few words.
    pub title: &'static str,
}

use Severity::{Error, Warning};

const fn rule(id: &'static str, severity: Severity, title: &'static str) -> Rule {
    Rule { id, severity, title }
}

pub const OPERATION_SUMMARY: Rule = rule("operation-summary", Error, "every operation has a summary");
pub const OPERATION_DESCRIPTION: Rule =
    rule("operation-description", Error, "every operation has a description");
pub const OPERATION_TAGS: Rule = rule("operation-tags", Error, "every operation has tags");
pub const SECURITY_SCHEME_DECLARED: Rule =
    rule("security-scheme-declared", Error, "security requirements name declared schemes");
pub const RESPONSE_DESCRIPTION: Rule =
    rule("response-description", Error, "every response has a description");
pub const PROPERTY_DESCRIPTION: Rule =
    rule("property-description", Warning, "every schema property has a description");
pub const EXAMPLE_VALID: Rule =
    rule("example-valid", Error, "every example, default and enum value validates against its schema");
pub const MAX_BYTES: Rule =
    rule("max-bytes", Error, "a limit the description gives in bytes carries x-max-bytes");
pub const WIRE_CASE: Rule = rule("wire-case", Error, "wire names follow the provider's case");
pub const PATTERN_ASCII_CLASSES: Rule =
    rule("pattern-ascii-classes", Error, "patterns spell character classes out, without \\d, \\w or \\s");
pub const DEPRECATED_REPLACEMENT: Rule =
    rule("deprecated-replacement", Warning, "a deprecated operation names its replacement");
pub const UNUSED_COMPONENT: Rule = rule("unused-component", Warning, "every component is used");
pub const OPERATION_ID_UNIQUE: Rule =
    rule("operation-id-unique", Error, "operationIds are unique across the catalog");

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
